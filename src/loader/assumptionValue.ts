/**
 * One assumption value from YAML: a bare scalar, or a mapping with `value`
 * (or `by_year`), `low`, `high`, `source`, `confidence`, `note` (and, for a
 * money value, `currency_year`). Checked against its field-table row and
 * converted to the model unit. A list of entries (cost.investment.tranches)
 * is read entry by entry against the row's `items`.
 */
import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Distribution } from '../uncertainty/types.js';
import type { Step } from './byYear.js';
import { readDistribution, resolveNumeric } from './distributionSyntax.js';
import { CONFIDENCE, type Bounds, type Choices, type FieldSpec, type ItemListField, type QuantityField } from './fieldTable.js';
import type { Issues } from './issues.js';
import { calendarDate } from './phases.js';
import { parseQuantity, type Measure } from './quantity.js';
import { nearest } from './suggest.js';
import type { AssumptionRecord, Confidence, SourceLocation } from './types.js';
import { nodeKind, scalarText, type YamlEntry, type YamlSource } from './yamlSource.js';

/** A field's effective value, where it is written, and its provenance records. */
export interface Reading {
  /**
   * In the model unit; text for choices and text fields; a step schedule for `by_year`; numbers
   * for a list; the entries of a list of entries.
   */
  value: number | string | readonly Step[] | readonly number[] | readonly ItemReading[];
  at: SourceLocation;
  records: AssumptionRecord[];
  /** Every place that set this field, in chain order (see AssumptionRecord.setBy); `[at]` when read from one file. */
  setBy: SourceLocation[];
  /** Declared on the value itself (low/high, or `distribution:`): how it varies in uncertainty runs. */
  uncertainty?: InlineUncertainty;
  /** A money value's own `currency_year:`, when it gives one (rows with `currencyYear`). */
  currencyYear?: CurrencyYear;
}

/** The year whose dollars a money value is written in. */
export interface CurrencyYear {
  year: number;
  /** The `currency_year:` key. */
  at: SourceLocation;
}

/** One entry of a list of entries: its values by item key (`amount`), each read against its row. */
export interface ItemReading {
  at: SourceLocation;
  /** Valid values only; a key written but unusable is reported and absent here. */
  fields: ReadonlyMap<string, Reading>;
  /** Item keys written, valid or not. */
  given: ReadonlySet<string>;
}

/** A value's own distribution, in model units: from `distribution:`, or triangular(low, value, high) by default. */
export interface InlineUncertainty {
  distribution: Distribution;
  /** The `distribution:` key, or the `low:` key of a default triangular. */
  at: SourceLocation;
}

/** Provenance shared by the values of one mapping (or one CSV row). */
export interface Provenance {
  source?: string;
  confidence?: Confidence;
  note?: string;
}

/** A single value as written, converted, and where it is. */
export interface Written {
  value: number | string;
  written: string;
  at: SourceLocation;
}

/** Read the value node of a field; undefined (with issues reported) when it is unusable. */
export function readValue(node: unknown, keyAt: SourceLocation, spec: FieldSpec, path: string, src: YamlSource, issues: Issues): Reading | undefined {
  if ('items' in spec) return readItems(node, keyAt, spec, path, src, issues);
  if (isMap(node)) return readMapping(node, spec, path, src, issues);
  if ('list' in spec && spec.list) return readList(node, keyAt, spec, path, {}, src, issues);
  const one = readScalar(node, keyAt, spec, path, src, issues);
  return one && { value: one.value, at: one.at, records: [record(path, unitOf(spec), one, {})], setBy: [one.at] };
}

/** The reading of an absent field that has a default, located at its parent key. */
export function defaultReading(spec: FieldSpec, path: string, at: SourceLocation): Reading {
  const written = spec.default!;
  let value: number | string = written;
  if ('measure' in spec) {
    const result = parseQuantity(written, [spec.measure]);
    if (!result.ok) throw new Error(`field table: default "${written}" of ${path} does not parse`);
    value = result.value;
  }
  return { value, at, records: [record(path, unitOf(spec), { value, written, at }, { source: 'gwplan default' })], setBy: [at] };
}

/** Parse a quantity and check its dimension, bounds and integrality; undefined (reported) when invalid. */
export function readQuantity(
  raw: string | number,
  written: string,
  expected: readonly Measure[],
  rules: { bounds?: Bounds | ((measure: Measure) => Bounds); integer?: boolean },
  at: SourceLocation,
  path: string,
  issues: Issues,
): { value: number; measure: Measure } | undefined {
  const result = parseQuantity(raw, expected);
  if (!result.ok) {
    issues.addQuantityProblem(result.problem, written, expected, at, path);
    return undefined;
  }
  const bounds = typeof rules.bounds === 'function' ? rules.bounds(result.measure) : rules.bounds;
  if (bounds && !withinBounds(result.value, bounds)) {
    issues.add('out_of_range', at, path, { written, bounds, unit: result.measure.unit });
    return undefined;
  }
  if (rules.integer && !Number.isInteger(result.value)) {
    issues.add('not_integer', at, path, { written });
    return undefined;
  }
  return result;
}

/** Check text against a zod enum, suggesting the nearest choice. */
export function readChoice(choices: Choices, written: string, at: SourceLocation, path: string, issues: Issues): string | undefined {
  if (choices.safeParse(written).success) return written;
  issues.add('bad_choice', at, path, { written, choices: choices.options, suggestion: nearest(written, choices.options) });
  return undefined;
}

export function withinBounds(value: number, b: Bounds): boolean {
  if (b.min !== undefined && (b.minExclusive ? value <= b.min : value < b.min)) return false;
  if (b.max !== undefined && (b.maxExclusive ? value >= b.max : value > b.max)) return false;
  return true;
}

function readScalar(node: unknown, keyAt: SourceLocation, spec: Exclude<FieldSpec, ItemListField>, path: string, src: YamlSource, issues: Issues): Written | undefined {
  const kind = nodeKind(node);
  if (kind === 'nothing') {
    issues.add('no_value', keyAt, path, { yearly: spec.yearly === true });
    return undefined;
  }
  if (kind !== 'value' || !isScalar(node)) {
    issues.add('wrong_type', src.at(node), path, { found: kind, expected: 'value' });
    return undefined;
  }
  const written = scalarText(node);
  const at = src.at(node);
  if ('text' in spec) {
    const text = String(node.value).trim();
    if (text === '') {
      issues.add('no_value', keyAt, path, { yearly: false });
      return undefined;
    }
    if (spec.text === 'date' && calendarDate(text) === undefined) {
      issues.add('bad_date', at, path, { written: text });
      return undefined;
    }
    return { value: text, written, at };
  }
  if ('choices' in spec) {
    const value = readChoice(spec.choices, String(node.value), at, path, issues);
    return value === undefined ? undefined : { value, written, at };
  }
  const raw = typeof node.value === 'number' ? node.value : String(node.value);
  const quantity = readQuantity(raw, written, [spec.measure], spec, at, path, issues);
  return quantity && { value: quantity.value, written, at };
}

function readMapping(map: YAMLMap, spec: Exclude<FieldSpec, ItemListField>, path: string, src: YamlSource, issues: Issues): Reading | undefined {
  const ranges = ['low', 'high', 'distribution'];
  const allowed = [
    'value',
    ...('measure' in spec && !spec.fixed && !spec.list ? ranges : []),
    ...(spec.yearly ? ['by_year'] : []),
    ...(spec.currencyYear ? ['currency_year'] : []),
    'source',
    'confidence',
    'note',
  ];
  const fields = new Map<string, YamlEntry>();
  let unwantedByYear = false;
  for (const entry of src.entries(map, path, issues)) {
    if (allowed.includes(entry.key)) fields.set(entry.key, entry);
    else if (spec.fixed && ranges.includes(entry.key)) issues.add(path.startsWith('cost.') ? 'cost_fixed_input' : 'fixed_input', entry.keyAt, path, { key: entry.key });
    else if (entry.key === 'by_year') {
      issues.add('by_year_not_allowed', entry.keyAt, path);
      unwantedByYear = true;
    } else issues.add('unknown_field', entry.keyAt, `${path}.${entry.key}`, { key: entry.key, suggestion: nearest(entry.key, allowed), allowed });
  }
  const provenance = readProvenance(fields, path, src, issues);
  const currencyEntry = fields.get('currency_year');
  const currencyYear = currencyEntry && readCurrencyYear(currencyEntry, path, src, issues);
  // A bad currency year is reported, and the value still read, so its own problems are reported too.
  const withYear = (reading: Reading | undefined): Reading | undefined =>
    currencyEntry && !currencyYear ? undefined : reading && currencyYear ? { ...reading, currencyYear } : reading;
  const value = fields.get('value');
  const byYear = fields.get('by_year');
  if (value && byYear) {
    issues.add('value_and_by_year', byYear.keyAt, path);
    return undefined;
  }
  if (byYear) {
    const rangeKey = fields.get('low') ?? fields.get('high');
    if (rangeKey) {
      issues.add('by_year_with_range', rangeKey.keyAt, path);
      return undefined;
    }
    const distribution = fields.get('distribution');
    if (distribution && !(isScalar(distribution.value) && distribution.value.value === 'none')) {
      issues.add('by_year_distribution', distribution.keyAt, path, {});
      return undefined;
    }
    return withYear(readByYear(byYear, spec as QuantityField, path, provenance, src, issues));
  }
  if (!value) {
    if (!unwantedByYear) issues.add('no_value', src.at(map), path, { yearly: spec.yearly === true });
    return undefined;
  }
  if ('list' in spec && spec.list) return readList(value.value, value.keyAt, spec, path, provenance, src, issues);
  const read = (entry: YamlEntry | undefined, at: string) => entry && readScalar(entry.value, entry.keyAt, spec, at, src, issues);
  const one = read(value, path);
  const low = read(fields.get('low'), `${path}.low`);
  const high = read(fields.get('high'), `${path}.high`);
  if (!one) return undefined;
  if (low && high && low.value > high.value) {
    issues.add('low_above_high', low.at, `${path}.low`, { low: low.written, high: high.written });
    return undefined;
  }
  if ((low && one.value < low.value) || (high && one.value > high.value)) {
    issues.add('value_outside_range', one.at, path, { written: one.written, low: low?.written, high: high?.written });
    return undefined;
  }
  const uncertainty = 'measure' in spec ? readInlineUncertainty(spec, path, one, { low, high }, fields, src, issues) : undefined;
  if (uncertainty === false) return undefined;
  const range = { ...(low && { low: low.value as number }), ...(high && { high: high.value as number }) };
  return withYear({
    value: one.value,
    at: one.at,
    records: [record(path, unitOf(spec), one, { ...range, ...provenance })],
    setBy: [one.at],
    ...(uncertainty && { uncertainty }),
  });
}

/** `currency_year: 2024`: a whole four-digit year; undefined (reported) otherwise. */
function readCurrencyYear(entry: YamlEntry, path: string, src: YamlSource, issues: Issues): CurrencyYear | undefined {
  const node = entry.value;
  const at = src.valueAt(entry);
  if (!isScalar(node) || node.value === null) {
    issues.add('bad_currency_year', node ? at : entry.keyAt, `${path}.currency_year`, { written: isScalar(node) ? '' : nodeKind(node) });
    return undefined;
  }
  const written = scalarText(node);
  if (!isFourDigitYear(node.value)) {
    issues.add('bad_currency_year', at, `${path}.currency_year`, { written });
    return undefined;
  }
  return { year: node.value as number, at: entry.keyAt };
}

/** A year written with four digits (1000-9999), as a YAML number. */
export function isFourDigitYear(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999;
}

/**
 * A list of entries, each a mapping read against the row's `items` (keys relative to the entry).
 * An empty list is valid (nothing of the kind). Entry-level source/confidence/note hold for
 * each value of the entry that gives none of its own.
 */
function readItems(node: unknown, keyAt: SourceLocation, spec: ItemListField, path: string, src: YamlSource, issues: Issues): Reading | undefined {
  if (!isSeq(node)) {
    issues.add('wrong_type', isMap(node) || isSeq(node) || isScalar(node) ? src.at(node) : keyAt, path, { found: nodeKind(node), expected: 'items' });
    return undefined;
  }
  const at = src.at(node);
  const keys = [...spec.items.map((item) => item.key), 'source', 'confidence', 'note'];
  const items: ItemReading[] = [];
  const records: AssumptionRecord[] = [];
  let complete = true;
  (node as YAMLSeq).items.forEach((item, i) => {
    const itemPath = `${path}[${i}]`;
    const itemAt = src.at(item);
    if (!isMap(item)) {
      issues.add('wrong_type', itemAt, itemPath, { found: nodeKind(item), expected: 'fields' });
      complete = false;
      return;
    }
    const entries = new Map<string, YamlEntry>();
    for (const entry of src.entries(item, itemPath, issues)) {
      if (keys.includes(entry.key)) entries.set(entry.key, entry);
      else {
        issues.add('unknown_field', entry.keyAt, `${itemPath}.${entry.key}`, { key: entry.key, suggestion: nearest(entry.key, keys), allowed: keys });
        complete = false;
      }
    }
    const provenance = readProvenance(entries, itemPath, src, issues);
    const fields = new Map<string, Reading>();
    for (const row of spec.items) {
      const entry = entries.get(row.key);
      if (!entry) {
        if (!row.optional) {
          issues.add('missing_item_field', itemAt, `${itemPath}.${row.key}`, { key: row.key, list: path.split('.').pop()!, ...expectedOf(row) });
          complete = false;
        }
        continue;
      }
      const reading = readValue(entry.value, entry.keyAt, row, `${itemPath}.${row.key}`, src, issues);
      if (!reading) {
        complete = false;
        continue;
      }
      const own = { ...reading, records: reading.records.map((r) => ({ ...provenance, ...definedOnly(r) })) };
      fields.set(row.key, own);
      records.push(...own.records);
    }
    items.push({ at: itemAt, fields, given: new Set(entries.keys()) });
  });
  if (!complete) return undefined;
  return { value: items, at, records, setBy: [at] };
}

/** What a missing value of `row` should be, for "add ... with ...". */
export function expectedOf(row: FieldSpec): { measures?: readonly Measure[]; choices?: readonly string[]; expected?: 'list' | 'text' | 'items' | 'date' } {
  if ('items' in row) return { expected: 'items' };
  if ('choices' in row) return { choices: row.choices.options };
  if ('text' in row) return { expected: row.text === 'date' ? 'date' : 'text' };
  return row.list ? { expected: 'list' } : { measures: [row.measure] };
}

/** A record without its undefined keys, so that spreading it keeps what is underneath. */
function definedOnly(r: AssumptionRecord): AssumptionRecord {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as unknown as AssumptionRecord;
}

/**
 * How a single value varies: `distribution:` if given (`none`: not at all),
 * else triangular(low, value, high) when it has a range. False when a
 * problem was reported (the value is then unusable).
 */
function readInlineUncertainty(
  spec: QuantityField,
  path: string,
  one: Written,
  range: { low: Written | undefined; high: Written | undefined },
  fields: ReadonlyMap<string, YamlEntry>,
  src: YamlSource,
  issues: Issues,
): InlineUncertainty | undefined | false {
  const [lowKey, highKey, distKey] = [fields.get('low'), fields.get('high'), fields.get('distribution')];
  // A low or high that could not be read is reported already.
  if ((lowKey && !range.low) || (highKey && !range.high)) return false;
  const decl = distKey && readDistribution(distKey.value, distKey.keyAt, `${path}.distribution`, src, issues, true);
  if (distKey && !decl) return false;
  if (decl?.type === 'none' || (!decl && !lowKey && !highKey)) return undefined;
  if (spec.integer) {
    issues.add('distribution_on_integer', (distKey ?? lowKey ?? highKey)!.keyAt, path, { inline: true });
    return false;
  }
  if (!decl) {
    if (!range.low || !range.high) {
      issues.add('one_sided_range', (lowKey ?? highKey)!.keyAt, path, { given: range.low ? 'low' : 'high' });
      return false;
    }
    return { distribution: { kind: 'triangular', low: range.low.value as number, mode: one.value as number, high: range.high.value as number }, at: lowKey!.keyAt };
  }
  const given = (w: Written | undefined) => w && { value: w.value as number, written: w.written, at: w.at };
  const target = { path, measure: spec.measure, ...(spec.bounds && { bounds: spec.bounds }), value: one.value as number, low: given(range.low), high: given(range.high) };
  const distribution = resolveNumeric(decl, target, issues, true);
  if (distribution === undefined) return false;
  return distribution === 'none' ? undefined : { distribution, at: distKey!.keyAt };
}

function readByYear(entry: YamlEntry, spec: QuantityField, path: string, provenance: Provenance, src: YamlSource, issues: Issues): Reading | undefined {
  if (!isMap(entry.value)) {
    issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'years' });
    return undefined;
  }
  const years: { year: number; one: Written }[] = [];
  let complete = true;
  for (const { key, keyAt, value } of src.entries(entry.value, `${path}.by_year`, issues)) {
    if (!/^\d{1,4}$/.test(key)) {
      issues.add('bad_year', keyAt, path, { written: key });
      complete = false;
      continue;
    }
    const one = readScalar(value, keyAt, spec, `${path}[${key}]`, src, issues);
    if (one) years.push({ year: Number(key), one });
    else complete = false;
  }
  if (years.length === 0 && complete) issues.add('empty_by_year', entry.keyAt, path);
  if (years.length === 0 || !complete) return undefined;
  years.sort((a, b) => a.year - b.year);
  return {
    value: years.map(({ year, one }) => ({ year, value: one.value as number })),
    at: entry.keyAt,
    records: years.map(({ year, one }) => record(`${path}[${year}]`, spec.measure.unit, one, provenance)),
    setBy: [entry.keyAt],
  };
}

/** A list of values (`[0.8, 0.9]`), each checked against the row; one record per item, `path[i]`. */
function readList(node: unknown, keyAt: SourceLocation, spec: QuantityField, path: string, provenance: Provenance, src: YamlSource, issues: Issues): Reading | undefined {
  const kind = nodeKind(node);
  if (kind === 'nothing') {
    issues.add('no_value', keyAt, path, { yearly: false });
    return undefined;
  }
  if (!isSeq(node)) {
    issues.add('wrong_type', src.at(node), path, { found: kind, expected: 'list' });
    return undefined;
  }
  const at = src.at(node);
  if (node.items.length === 0) {
    issues.add('empty_list', at, path);
    return undefined;
  }
  const items: Written[] = [];
  (node as YAMLSeq).items.forEach((item, i) => {
    const one = readScalar(item, at, spec, `${path}[${i}]`, src, issues);
    if (one) items.push(one);
  });
  if (items.length < node.items.length) return undefined;
  return {
    value: items.map((one) => one.value as number),
    at,
    records: items.map((one, i) => record(`${path}[${i}]`, spec.measure.unit, one, provenance)),
    setBy: [at],
  };
}

function readProvenance(fields: Map<string, YamlEntry>, path: string, src: YamlSource, issues: Issues): Provenance {
  const provenance: Provenance = {};
  for (const key of ['source', 'confidence', 'note'] as const) {
    const entry = fields.get(key);
    if (!entry) continue;
    if (!isScalar(entry.value) || entry.value.value === null) {
      issues.add('wrong_type', src.valueAt(entry), `${path}.${key}`, { found: nodeKind(entry.value), expected: 'text' });
      continue;
    }
    const text = String(entry.value.value);
    if (key !== 'confidence') provenance[key] = text;
    else {
      const confidence = readChoice(CONFIDENCE, text, src.at(entry.value), `${path}.confidence`, issues);
      if (confidence) provenance.confidence = confidence as Confidence;
    }
  }
  return provenance;
}

function unitOf(spec: FieldSpec): string {
  return 'measure' in spec ? spec.measure.unit : '';
}

/**
 * A provenance record; `unit` is the model unit (`1` for plain numbers, `` for text).
 * `setBy` defaults to `[at]`: set in one place (overlays extend it when they merge).
 */
export function record(
  path: string,
  unit: string,
  one: Written,
  extra: Provenance & { low?: number; high?: number },
  setBy: SourceLocation[] = [one.at],
): AssumptionRecord {
  return { path, value: one.value, unit, written: one.written, ...extra, at: one.at, setBy };
}
