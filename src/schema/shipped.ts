/**
 * The shipped assumption files as the schema and the reference doc quote them: each key's
 * value as written, its range, source and confidence, and which scenarios override it.
 * Pure: works on file texts (path relative to the assumptions directory → text), read
 * with the `yaml` parser directly, so it quotes exactly what is written.
 */
import Papa from 'papaparse';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { FIELD_TABLE, type FieldSpec, type YamlFile } from '../loader/fieldTable.js';
import { SECTION_SPECS } from '../loader/overlay.js';

/** Assumption files by path relative to the assumptions directory ('facility.yaml', 'sites/oregon.yaml', 'scenarios/x.yaml', 'phases.csv'). */
export type ShippedFiles = ReadonlyMap<string, string>;

/** One value as a shipped file writes it. */
export interface ShippedValue {
  /** The file, relative to the assumptions directory. */
  file: string;
  /** The key path with names filled in: `chips.trainium3.tdp`, `cost.investment.tranches[0].amount`. */
  path: string;
  /** What names it among several values of one key, when its path does not (a site preset). */
  member?: string;
  /** The value as written; a by_year schedule as `2026: 1.14, 2030: 1.10`; a list as `[0.8, 0.9]`. */
  value: string;
  byYear?: true;
  low?: string;
  high?: string;
  distribution?: string;
  currencyYear?: string;
  source?: string;
  confidence?: string;
  note?: string;
}

/** A scenario's override of one field-table key. */
export interface Override {
  scenario: string;
  value: ShippedValue;
}

const RECORD_KEYS = ['value', 'by_year'];

/** A parsed YAML file's top mapping; undefined when the file is absent, empty or not a mapping. */
export function yamlRoot(files: ShippedFiles, file: string): YAMLMap | undefined {
  const text = files.get(file);
  if (text === undefined) return undefined;
  const doc = parseDocument(text, { uniqueKeys: false });
  return isMap(doc.contents) ? doc.contents : undefined;
}

/** Files under a folder (`sites`, `scenarios`), by name without `.yaml`, sorted. */
export function filesUnder(files: ShippedFiles, folder: string): { name: string; file: string }[] {
  return [...files.keys()]
    .filter((file) => file.startsWith(`${folder}/`) && file.endsWith('.yaml'))
    .map((file) => ({ name: file.slice(folder.length + 1, -'.yaml'.length), file }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function text(node: unknown): string {
  if (isScalar(node)) return node.source ?? String(node.value);
  if (isSeq(node)) return `[${node.items.map(text).join(', ')}]`;
  if (isMap(node)) return `{${node.items.map((pair) => `${text(pair.key)}: ${text(pair.value)}`).join(', ')}}`;
  return '';
}

function get(map: YAMLMap, key: string): unknown {
  return map.items.find((pair) => text(pair.key) === key)?.value;
}

/** A value node (a scalar, a list, or a mapping with value/by_year and provenance) as written. */
export function shippedValue(file: string, path: string, node: unknown): ShippedValue {
  if (!isMap(node) || !node.items.some((pair) => RECORD_KEYS.includes(text(pair.key)))) return { file, path, value: text(node) };
  const field = (key: string) => {
    const value = get(node, key);
    return value === undefined || value === null ? undefined : text(value);
  };
  const byYear = get(node, 'by_year');
  const value = isMap(byYear) ? byYear.items.map((pair) => `${text(pair.key)}: ${text(pair.value)}`).join(', ') : (field('value') ?? '');
  const optional = {
    low: field('low'),
    high: field('high'),
    distribution: field('distribution'),
    currencyYear: field('currency_year'),
    source: field('source'),
    confidence: field('confidence'),
    note: field('note'),
  };
  return {
    file,
    path,
    value,
    ...(isMap(byYear) && { byYear: true as const }),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

/**
 * The nodes a field-table key matches under `map` (whose path is `prefix`): `*` matches
 * every key but those other rows name explicitly at that level (`cost.it.*` skips `om_share`).
 */
export function nodesAt(map: YAMLMap, key: string, explicit: ReadonlySet<string>, prefix = ''): { path: string; node: unknown }[] {
  const [head, ...rest] = key.split('.');
  const found: { path: string; node: unknown }[] = [];
  for (const pair of map.items) {
    const name = text(pair.key);
    const matches = head === '*' ? !explicit.has(`${prefix}.${name}`.replace(/^\./, '')) : name === head;
    if (!matches) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (rest.length === 0) found.push({ path, node: pair.value });
    else if (isMap(pair.value)) found.push(...nodesAt(pair.value, rest.join('.'), explicit, path));
  }
  return found;
}

/** Every key some row of `specs` names without a `*` at that level (`cost.it.om_share`), so `*` leaves it alone. */
export function explicitKeys(specs: readonly FieldSpec[]): Set<string> {
  const keys = new Set<string>();
  for (const spec of specs) {
    const parts = spec.key.split('.');
    for (let i = 1; i <= parts.length; i++) {
      if (parts[i - 1] === '*') break;
      keys.add(parts.slice(0, i).join('.'));
    }
  }
  return keys;
}

/** What `file` ships for the row `spec` (one value per chip for `chips.*` rows; one per entry for a list of entries). */
export function shippedFor(files: ShippedFiles, file: string, spec: FieldSpec, specs: readonly FieldSpec[]): ShippedValue[] {
  const root = yamlRoot(files, file);
  if (!root) return [];
  const values: ShippedValue[] = [];
  for (const { path, node } of nodesAt(root, spec.key, explicitKeys(specs))) {
    if ('items' in spec && isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!isMap(item)) return;
        for (const row of spec.items) {
          const value = get(item, row.key);
          if (value !== undefined) values.push(entryValue(file, `${path}[${i}].${row.key}`, value, item));
        }
      });
    } else values.push(shippedValue(file, path, node));
  }
  return values;
}

/** A value of a list entry: an entry's source and confidence hold for each value that gives none. */
function entryValue(file: string, path: string, node: unknown, entry: YAMLMap): ShippedValue {
  const own = shippedValue(file, path, node);
  const inherited = (key: string) => {
    const value = get(entry, key);
    return isScalar(value) ? text(value) : undefined;
  };
  const source = own.source ?? inherited('source');
  const confidence = own.confidence ?? inherited('confidence');
  return { ...own, ...(source !== undefined && { source }), ...(confidence !== undefined && { confidence }) };
}

/** The base file each field-table key belongs to. */
export const FILE_OF_KEY: ReadonlyMap<string, YamlFile> = new Map(
  (Object.keys(FIELD_TABLE) as YamlFile[]).flatMap((file) => FIELD_TABLE[file].map((spec): [string, YamlFile] => [spec.key, file])),
);

/**
 * Every override the shipped scenarios make, by field-table key (`facility.design_pue`,
 * `chips.*.tdp`) or phases.csv column (`phases.poi`), scenarios in name order.
 */
export function scenarioOverrides(files: ShippedFiles): Map<string, Override[]> {
  const overrides = new Map<string, Override[]>();
  const add = (key: string, scenario: string, value: ShippedValue) => overrides.set(key, [...(overrides.get(key) ?? []), { scenario, value }]);
  const sectionExplicit = explicitKeys(SECTION_SPECS);
  const chipSpecs = FIELD_TABLE['chips.yaml'];
  for (const { name, file } of filesUnder(files, 'scenarios')) {
    const root = yamlRoot(files, file);
    if (!root) continue;
    for (const spec of SECTION_SPECS) {
      for (const { path, node } of nodesAt(root, spec.key, sectionExplicit)) add(spec.key, name, shippedValue(file, path, node));
    }
    const chips = get(root, 'chips');
    for (const mode of ['patch', 'add']) {
      const edits = isMap(chips) ? get(chips, mode) : undefined;
      if (!isMap(edits)) continue;
      for (const spec of chipSpecs) {
        const rest = spec.key.slice('chips.'.length);
        for (const { path, node } of nodesAt(edits, rest, new Set(), 'chips')) add(spec.key, name, shippedValue(file, path, node));
      }
    }
    const phases = get(root, 'phases');
    for (const mode of ['patch', 'add']) {
      const edits = isMap(phases) ? get(phases, mode) : undefined;
      if (!isMap(edits)) continue;
      for (const pair of edits.items) {
        const phase = text(pair.key);
        if (!isMap(pair.value)) continue;
        const source = get(pair.value, 'source');
        const confidence = get(pair.value, 'confidence');
        for (const cell of pair.value.items) {
          const column = text(cell.key);
          if (column === 'source' || column === 'confidence') continue;
          add(`phases.${column}`, name, {
            file,
            path: `phases.${phase}.${column}`,
            member: phase,
            value: text(cell.value),
            ...(source !== undefined && { source: text(source) }),
            ...(confidence !== undefined && { confidence: text(confidence) }),
          });
        }
      }
    }
  }
  return overrides;
}

/** A scenario's header: its parent, its question and what it removes. */
export interface ScenarioHeader {
  name: string;
  file: string;
  extends: string;
  question: string;
  removes: string[];
}

export function scenarioHeaders(files: ShippedFiles): ScenarioHeader[] {
  return filesUnder(files, 'scenarios').map(({ name, file }) => {
    const root = yamlRoot(files, file);
    const remove = root && get(root, 'remove');
    return {
      name,
      file,
      extends: root ? text(get(root, 'extends')) : '',
      question: root ? text(get(root, 'question')) : '',
      removes: isSeq(remove) ? remove.items.map(text) : [],
    };
  });
}

/** phases.csv rows as written (header names → cell text). */
export function shippedPhases(files: ShippedFiles): Record<string, string>[] {
  const csv = files.get('phases.csv');
  if (csv === undefined) return [];
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  return parsed.data;
}
