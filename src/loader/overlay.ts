/**
 * One scenario overlay file, `scenarios/<name>.yaml`, read on its own: its
 * parent, its question, and what it changes, each value checked where it is
 * written. Whether patched and removed items exist is checked when the
 * overlay is applied to its parent (scenarioState.ts).
 */
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { readChoice, type Provenance } from './assumptionValue.js';
import { readFields, type FieldValues } from './fieldReader.js';
import { CONFIDENCE, FIELD_TABLE, type FieldSpec, type YamlFile } from './fieldTable.js';
import { Issues } from './issues.js';
import { OPTIONAL_COLUMNS, VALUE_COLUMNS, type PhaseCell, type ValueColumn } from './phases.js';
import { BASE_SCENARIO, isScenarioName } from './scenarioFiles.js';
import { nearest } from './suggest.js';
import type { Confidence, SourceLocation } from './types.js';
import { nodeKind, scalarText, type YamlEntry, type YamlSource } from './yamlSource.js';

/** Field-table rows a scenario may override directly: every base YAML field but the chip catalogue's. */
export const SECTION_SPECS: readonly FieldSpec[] = (Object.keys(FIELD_TABLE) as YamlFile[])
  .filter((file) => file !== 'chips.yaml')
  .flatMap((file) => FIELD_TABLE[file]);
const CHIP_SPECS = FIELD_TABLE['chips.yaml'];
/** Chip fields a scenario may remove: the optional ones. */
export const OPTIONAL_CHIP_FIELDS: readonly string[] = CHIP_SPECS.filter((s) => s.optional).map(fieldName);
const CHIP_FIELDS: readonly string[] = CHIP_SPECS.map(fieldName);
/** Columns a new phase must give (phases.csv's required columns, less the name, which is its key). */
export const ADD_COLUMNS: readonly ValueColumn[] = ['energised_on', 'poi', 'chip', 'ramp'];
export const PHASE_EDIT_KEYS: readonly string[] = [...VALUE_COLUMNS, 'source', 'confidence'];
export const TOP_KEYS = ['extends', 'question', 'chips', 'phases', 'remove'] as const;
export const EDIT_KEYS = ['patch', 'add'] as const;

/** A phase as a patch or add gives it. */
export interface PhaseEdit {
  name: string;
  at: SourceLocation;
  cells: Partial<Record<ValueColumn, PhaseCell>>;
}

/** One `remove:` entry: a phase or chip, or one optional column or field of it. */
export interface RemoveTarget {
  kind: 'phase' | 'chip';
  name: string;
  /** A column (phases) or field (chips); absent to remove the whole item. */
  part?: string;
  written: string;
  at: SourceLocation;
}

export interface Overlay {
  /** The parent's name; absent when missing or unusable (reported). */
  extends?: { name: string; at: SourceLocation };
  question?: string;
  /** Overrides of base YAML fields, by path (`facility.design_pue`). */
  sections: FieldValues;
  /** `chips: patch:` and `chips: add:`, by chip path (`chips.trainium3.tdp`); chip names in `members.get('chips')`. */
  chipPatch: FieldValues;
  chipAdd: FieldValues;
  phasePatch: PhaseEdit[];
  phaseAdd: PhaseEdit[];
  removes: RemoveTarget[];
}

export function readOverlay(src: YamlSource, issues: Issues): Overlay {
  const overlay: Overlay = {
    sections: readFields(src, SECTION_SPECS, issues, { partial: true, otherKeys: TOP_KEYS }),
    chipPatch: emptyValues(),
    chipAdd: emptyValues(),
    phasePatch: [],
    phaseAdd: [],
    removes: [],
  };
  // readFields has reported repeated top-level keys already.
  const top = new Map(src.entries(src.root, '', new Issues()).map((entry) => [entry.key, entry]));
  const fileStart = { file: src.file, line: 1, column: 1 };

  const parent = top.get('extends');
  if (!parent) issues.add('missing_extends', fileStart, 'extends');
  else {
    const name = text(parent, 'extends', src, issues);
    if (name !== undefined && name !== BASE_SCENARIO && !isScenarioName(name)) {
      issues.add('bad_extends', src.valueAt(parent), 'extends', { written: name });
    } else if (name !== undefined) overlay.extends = { name, at: src.valueAt(parent) };
  }

  const question = top.get('question');
  if (!question) issues.add('missing_question', fileStart, 'question');
  else {
    const words = text(question, 'question', src, issues);
    if (words === '') issues.add('missing_question', question.keyAt, 'question');
    else if (words !== undefined) overlay.question = words;
  }

  for (const [section, edits] of [['chips', readChipEdits], ['phases', readPhaseEdits]] as const) {
    const entry = top.get(section);
    const map = entry && editsMap(entry, section, src, issues);
    for (const edit of map ? src.entries(map, section, issues) : []) {
      if (!(EDIT_KEYS as readonly string[]).includes(edit.key)) {
        issues.add('unknown_field', edit.keyAt, `${section}.${edit.key}`, { key: edit.key, suggestion: nearest(edit.key, EDIT_KEYS), allowed: EDIT_KEYS });
        continue;
      }
      const items = editsMap(edit, `${section}.${edit.key}`, src, issues);
      if (items) edits(overlay, edit.key as 'patch' | 'add', items, edit.keyAt, src, issues);
    }
  }

  const remove = top.get('remove');
  if (remove) overlay.removes = readRemoves(remove, src, issues);
  return overlay;
}

/** A mapping of edits; reported when written as something else. */
function editsMap(entry: YamlEntry, path: string, src: YamlSource, issues: Issues): YAMLMap | undefined {
  if (isMap(entry.value)) return entry.value;
  issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'fields' });
  return undefined;
}

function readChipEdits(overlay: Overlay, mode: 'patch' | 'add', map: YAMLMap, mapAt: SourceLocation, src: YamlSource, issues: Issues): void {
  // A patch gives only the fields that change; an addition must give every field, which is
  // checked once it is known to be new (scenarioState.ts), so an existing name gets one error.
  const values = readFields(src, CHIP_SPECS, issues, { map, mapAt, prefix: 'chips', partial: true });
  if (mode === 'patch') {
    for (const { key, keyAt, value } of src.entries(map, 'chips', new Issues())) {
      if (isMap(value) && value.items.length === 0) issues.add('patch_nothing', keyAt, `chips.${key}`, { kind: 'chip' });
    }
  }
  overlay[mode === 'patch' ? 'chipPatch' : 'chipAdd'] = values;
}

function readPhaseEdits(overlay: Overlay, mode: 'patch' | 'add', map: YAMLMap, _mapAt: SourceLocation, src: YamlSource, issues: Issues): void {
  const edits = mode === 'patch' ? overlay.phasePatch : overlay.phaseAdd;
  for (const entry of src.entries(map, 'phases', issues)) {
    const path = `phases.${entry.key}`;
    if (!isMap(entry.value)) {
      issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'fields' });
      continue;
    }
    const fields = new Map<string, YamlEntry>();
    for (const field of src.entries(entry.value, path, issues)) {
      if (PHASE_EDIT_KEYS.includes(field.key)) fields.set(field.key, field);
      else {
        const suggestion = nearest(field.key, PHASE_EDIT_KEYS);
        issues.add('unknown_field', field.keyAt, `${path}.${field.key}`, { key: field.key, suggestion, allowed: PHASE_EDIT_KEYS });
      }
    }
    const provenance = phaseProvenance(fields, path, src, issues);
    const edit: PhaseEdit = { name: entry.key, at: entry.keyAt, cells: {} };
    for (const column of VALUE_COLUMNS) {
      const field = fields.get(column);
      if (field) edit.cells[column] = phaseCell(field, `${path}.${column}`, provenance, src, issues);
    }
    const given = Object.keys(edit.cells).length;
    if (mode === 'patch' && given === 0 && fields.size === entry.value.items.length) {
      issues.add('patch_nothing', entry.keyAt, path, { kind: 'phase' });
    }
    edits.push(edit);
  }
}

/** `source:` and `confidence:` of a phase edit: they describe the columns it gives. */
function phaseProvenance(fields: ReadonlyMap<string, YamlEntry>, path: string, src: YamlSource, issues: Issues): Provenance {
  const provenance: Provenance = {};
  const source = fields.get('source');
  const sourceText = source && text(source, `${path}.source`, src, issues);
  if (sourceText) provenance.source = sourceText;
  const confidence = fields.get('confidence');
  const word = confidence && text(confidence, `${path}.confidence`, src, issues);
  if (word !== undefined) {
    const choice = readChoice(CONFIDENCE, word, src.valueAt(confidence!), `${path}.confidence`, issues);
    if (choice) provenance.confidence = choice as Confidence;
  }
  return provenance;
}

/** A phase value as a CSV cell would hold it; unusable (reported) when not a single value. */
function phaseCell(field: YamlEntry, path: string, provenance: Provenance, src: YamlSource, issues: Issues): PhaseCell {
  const at = src.valueAt(field);
  const kind = nodeKind(field.value);
  if (kind === 'value' && isScalar(field.value)) {
    const value = field.value.value;
    const written = typeof value === 'string' ? value.trim() : scalarText(field.value);
    return { text: written, at, provenance, setBy: [at] };
  }
  if (kind === 'nothing') issues.add('no_cell_value', field.keyAt, path);
  else issues.add('wrong_type', at, path, { found: kind, expected: 'cell' });
  return { text: '', at, provenance, setBy: [at], unusable: true };
}

function readRemoves(entry: YamlEntry, src: YamlSource, issues: Issues): RemoveTarget[] {
  if (!isSeq(entry.value)) {
    issues.add('wrong_type', src.valueAt(entry), 'remove', { found: nodeKind(entry.value), expected: 'targets' });
    return [];
  }
  const targets: RemoveTarget[] = [];
  const firstLine = new Map<string, number>();
  for (const item of entry.value.items) {
    const at = src.at(item);
    if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
      issues.add('wrong_type', at, 'remove', { found: nodeKind(item), expected: 'text' });
      continue;
    }
    const written = String(item.value).trim();
    const first = firstLine.get(written);
    if (first !== undefined) {
      issues.add('duplicate_remove', at, written, { firstLine: first });
      continue;
    }
    firstLine.set(written, at.line);
    const target = removeTarget(written, at, issues);
    if (target) targets.push(target);
  }
  return targets;
}

/** `phases.<name>[.<column>]` or `chips.<name>[.<field>]`; undefined (reported) for anything else. */
function removeTarget(written: string, at: SourceLocation, issues: Issues): RemoveTarget | undefined {
  const match = /^(phases|chips)\.(.+)$/.exec(written);
  if (!match) {
    issues.add('remove_bad_target', at, written, { written });
    return undefined;
  }
  const kind = match[1] === 'phases' ? 'phase' : 'chip';
  const rest = match[2]!;
  const dot = rest.lastIndexOf('.');
  const part = dot > 0 ? rest.slice(dot + 1) : undefined;
  const parts = kind === 'phase' ? [...VALUE_COLUMNS, 'name', 'source', 'confidence'] : CHIP_FIELDS;
  if (part === undefined || !parts.includes(part)) return { kind, name: rest, written, at };
  const name = rest.slice(0, dot);
  const optional: readonly string[] = kind === 'phase' ? OPTIONAL_COLUMNS : OPTIONAL_CHIP_FIELDS;
  if (optional.includes(part)) return { kind, name, part, written, at };
  if (kind === 'phase' && !(VALUE_COLUMNS as readonly string[]).includes(part)) issues.add('remove_bad_target', at, written, { written });
  else issues.add('remove_required', at, written, { kind, name, part });
  return undefined;
}

/** A single text value; undefined (reported) when it is a mapping, a list or nothing. */
function text(entry: YamlEntry, path: string, src: YamlSource, issues: Issues): string | undefined {
  if (isScalar(entry.value) && entry.value.value !== null && typeof entry.value.value !== 'object') {
    return String(entry.value.value).trim();
  }
  issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'text' });
  return undefined;
}

function fieldName(spec: FieldSpec): string {
  return spec.key.split('.').pop()!;
}

function emptyValues(): FieldValues {
  return { readings: new Map(), keyAt: new Map(), members: new Map() };
}
