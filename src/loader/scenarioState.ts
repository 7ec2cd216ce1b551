/**
 * The inputs of one scenario before their cross-field checks: base's field
 * values and phase rows, with each overlay of the chain applied in order.
 * An override replaces a whole value (number, range, source, confidence, or a
 * whole by_year schedule) and extends its `setBy` chain. Nothing here is
 * mutated once built: applying an overlay copies what it changes.
 */
import type { Reading } from './assumptionValue.js';
import type { FieldValues } from './fieldReader.js';
import { FIELD_TABLE, wildcardMatch, type YamlFile } from './fieldTable.js';
import type { Issues } from './issues.js';
import { ADD_COLUMNS, type Overlay, type RemoveTarget } from './overlay.js';
import type { PhaseCell, PhaseDraft, ValueColumn } from './phases.js';
import { nearest } from './suggest.js';
import type { SourceLocation } from './types.js';

export interface ScenarioState {
  /** Field values of each base YAML file that could be read (chips under `chips.yaml`). */
  yaml: ReadonlyMap<YamlFile, FieldValues>;
  /** Phases in order; undefined when phases.csv could not be read. */
  phases: readonly PhaseDraft[] | undefined;
  /** Chips removed along the chain, with where (`file:line:col`). */
  removedChips: ReadonlyMap<string, string>;
}

const CHIP_SPECS = FIELD_TABLE['chips.yaml'];

/** Which base file each top-level section and field lives in. */
const SECTION_FILE = new Map<string, YamlFile>();
const FIELD_KEYS = new Set<string>();
/** Keys with a `*` outside chips.yaml (`cost.it.*.server_per_chip`). */
const WILDCARD_KEYS: string[] = [];
for (const file of Object.keys(FIELD_TABLE) as YamlFile[]) {
  for (const spec of FIELD_TABLE[file]) {
    SECTION_FILE.set(spec.key.split('.')[0]!, file);
    FIELD_KEYS.add(spec.key);
    if (file !== 'chips.yaml' && spec.key.includes('*')) WILDCARD_KEYS.push(spec.key);
  }
}

/**
 * `overlay` applied to `parent` (named `parentName` in messages). Patches and
 * removals must name what the parent has; additions must not. Problems are
 * reported at the overlay's entries, and the entry is left out.
 */
export function applyOverlay(parent: ScenarioState, overlay: Overlay, parentName: string, issues: Issues): ScenarioState {
  const yaml = new Map(parent.yaml);
  const edit = (file: YamlFile): FieldValues | undefined => {
    const values = yaml.get(file);
    if (!values || values === parent.yaml.get(file)) {
      if (!values) return undefined;
      const copy = { readings: new Map(values.readings), keyAt: new Map(values.keyAt), members: new Map(values.members) };
      yaml.set(file, copy);
      return copy;
    }
    return values;
  };

  for (const [path, keyAt] of overlay.sections.keyAt) {
    const values = edit(SECTION_FILE.get(path.split('.')[0]!)!);
    if (values) setField(values, path, keyAt, overlay.sections);
  }
  // Keys a `*` matched (a chip's costs): a new one joins the parent's, in overlay order.
  for (const [prefix, names] of overlay.sections.members) {
    const values = edit(SECTION_FILE.get(prefix.split('.')[0]!)!);
    if (!values) continue;
    const members = values.members.get(prefix) ?? [];
    values.members.set(prefix, [...members, ...names.filter((name) => !members.includes(name))]);
  }

  const removedChips = new Map(parent.removedChips);
  const chips = edit('chips.yaml');
  if (chips) editChips(chips, overlay, parentName, removedChips, issues);
  const phases = parent.phases && editPhases(parent.phases, overlay, parentName, issues);
  return { yaml, phases, removedChips };
}

/** Take a key written in an overlay; a field's reading replaces the parent's, or clears it when unusable (reported where written). */
function setField(values: FieldValues, path: string, keyAt: SourceLocation, from: FieldValues): void {
  values.keyAt.set(path, keyAt);
  if (!isField(path)) return;
  const next = from.readings.get(path);
  if (next) values.readings.set(path, override(values.readings.get(path), next));
  else values.readings.delete(path);
}

function isField(path: string): boolean {
  return (
    FIELD_KEYS.has(path) || (path.startsWith('chips.') && path.split('.').length === 3) || WILDCARD_KEYS.some((key) => wildcardMatch(key, path) !== undefined)
  );
}

/** `next` replaces `prev` whole; every record's `setBy` is the chain so far plus where `next` sets it. */
export function override(prev: Reading | undefined, next: Reading): Reading {
  if (!prev) return next;
  const records = next.records.map((r) => {
    // A by_year schedule's years chain to the same year before, else to the field.
    const before = prev.records.find((p) => p.path === r.path)?.setBy ?? prev.setBy;
    return { ...r, setBy: [...before, r.at] };
  });
  return { ...next, records, setBy: [...prev.setBy, next.at] };
}

function editChips(chips: FieldValues, overlay: Overlay, parentName: string, removedChips: Map<string, string>, issues: Issues): void {
  const names = chips.members.get('chips') ?? [];
  const members = [...names];
  const patched = overlay.chipPatch.members.get('chips') ?? [];
  for (const name of patched) {
    const chipPath = `chips.${name}`;
    if (!names.includes(name)) {
      issues.add('patch_unknown', overlay.chipPatch.keyAt.get(chipPath)!, chipPath, { kind: 'chip', name, parent: parentName, suggestion: nearest(name, names) });
      continue;
    }
    for (const [path, keyAt] of under(overlay.chipPatch.keyAt, chipPath)) setField(chips, path, keyAt, overlay.chipPatch);
  }
  for (const name of overlay.chipAdd.members.get('chips') ?? []) {
    const chipPath = `chips.${name}`;
    if (names.includes(name)) {
      issues.add('add_existing', overlay.chipAdd.keyAt.get(chipPath)!, chipPath, { kind: 'chip', name, parent: parentName });
      continue;
    }
    members.push(name);
    removedChips.delete(name);
    for (const [path, keyAt] of under(overlay.chipAdd.keyAt, chipPath)) setField(chips, path, keyAt, overlay.chipAdd);
    // A new chip is specified in full, as in chips.yaml.
    for (const spec of CHIP_SPECS.filter((s) => !s.optional && 'measure' in s)) {
      const key = spec.key.split('.').pop()!;
      if (overlay.chipAdd.keyAt.has(`${chipPath}.${key}`)) continue;
      issues.add('missing_field', overlay.chipAdd.keyAt.get(chipPath)!, `${chipPath}.${key}`, { key, parent: name, ...('measure' in spec && { measures: [spec.measure] }) });
    }
  }
  for (const target of overlay.removes.filter((t) => t.kind === 'chip')) {
    const chipPath = `chips.${target.name}`;
    const path = target.part ? `${chipPath}.${target.part}` : chipPath;
    const patchAt = patched.includes(target.name) ? overlay.chipPatch.keyAt.get(path) : undefined;
    if (patchAt) {
      issues.add('remove_conflict', target.at, target.written, { line: patchAt.line });
    } else if (!names.includes(target.name)) {
      reportMissing(target, names, parentName, issues);
    } else if (!members.includes(target.name)) {
      continue; // the whole chip is removed by an earlier entry
    } else if (target.part && !chips.keyAt.has(path)) {
      issues.add('remove_unknown', target.at, target.written, { what: `${target.part} for chip "${target.name}"`, parent: parentName, suggestion: undefined });
    } else if (target.part) {
      chips.keyAt.delete(path);
      chips.readings.delete(path);
    } else {
      members.splice(members.indexOf(target.name), 1);
      for (const [p] of [...under(chips.keyAt, chipPath)]) chips.keyAt.delete(p);
      for (const [p] of [...under(chips.readings, chipPath)]) chips.readings.delete(p);
      removedChips.set(target.name, `${target.at.file}:${target.at.line}:${target.at.column}`);
    }
  }
  chips.members.set('chips', members);
}

function editPhases(parent: readonly PhaseDraft[], overlay: Overlay, parentName: string, issues: Issues): PhaseDraft[] {
  const phases = [...parent];
  const names = parent.map((p) => p.name);
  const known = names.filter((name) => !name.startsWith('(line '));
  for (const edit of overlay.phasePatch) {
    const index = phases.findIndex((p) => p.name === edit.name);
    if (index < 0) {
      issues.add('patch_unknown', edit.at, `phases.${edit.name}`, { kind: 'phase', name: edit.name, parent: parentName, suggestion: nearest(edit.name, known) });
      continue;
    }
    const draft = phases[index]!;
    const cells = { ...draft.cells };
    for (const [column, cell] of Object.entries(edit.cells) as [ValueColumn, PhaseCell][]) {
      cells[column] = { ...cell, setBy: [...setBy(draft.cells[column], column), cell.at] };
    }
    phases[index] = { ...draft, cells };
  }
  for (const edit of overlay.phaseAdd) {
    if (names.includes(edit.name)) {
      issues.add('add_existing', edit.at, `phases.${edit.name}`, { kind: 'phase', name: edit.name, parent: parentName });
      continue;
    }
    for (const column of ADD_COLUMNS.filter((c) => !edit.cells[c])) {
      issues.add('missing_phase_column', edit.at, `phases.${edit.name}.${column}`, { column, name: edit.name });
    }
    phases.push({ name: edit.name, nameAt: edit.at, cells: edit.cells });
  }
  for (const target of overlay.removes.filter((t) => t.kind === 'phase')) {
    const patch = overlay.phasePatch.find((p) => p.name === target.name);
    const patchAt = target.part ? patch?.cells[target.part as ValueColumn]?.at : patch?.at;
    const index = phases.findIndex((p) => p.name === target.name);
    if (patchAt) {
      issues.add('remove_conflict', target.at, target.written, { line: patchAt.line });
    } else if (!names.includes(target.name)) {
      reportMissing(target, known, parentName, issues);
    } else if (index < 0) {
      continue; // the whole phase is removed by an earlier entry
    } else if (target.part) {
      const column = target.part as ValueColumn;
      const cell = phases[index]!.cells[column];
      if (!cell || (!cell.text && !cell.unusable)) {
        issues.add('remove_unknown', target.at, target.written, { what: `${column} for phase "${target.name}"`, parent: parentName, suggestion: undefined });
        continue;
      }
      const cells = { ...phases[index]!.cells };
      delete cells[column];
      phases[index] = { ...phases[index]!, cells };
    } else {
      phases.splice(index, 1);
    }
  }
  return phases;
}

/** Where a cell was set so far; an empty cell set nothing, except a ramp's (a step). */
function setBy(cell: PhaseCell | undefined, column: ValueColumn): readonly SourceLocation[] {
  return cell && (cell.text || cell.unusable || column === 'ramp') ? cell.setBy : [];
}

/** A removal naming nothing the parent has; a misspelt column or field after a real name is suggested as such. */
function reportMissing(target: RemoveTarget, names: readonly string[], parentName: string, issues: Issues): void {
  const dot = target.name.lastIndexOf('.');
  const owner = dot > 0 ? target.name.slice(0, dot) : undefined;
  if (owner !== undefined && names.includes(owner)) {
    const part = target.name.slice(dot + 1);
    const parts = target.kind === 'phase' ? ['end_of_life', 'refresh_to'] : optionalChipFields();
    issues.add('remove_unknown', target.at, target.written, {
      what: `${part} for ${target.kind} "${owner}"`,
      parent: parentName,
      suggestion: nearestPath(part, parts, `${target.kind}s.${owner}.`),
    });
    return;
  }
  const suggestion = nearest(target.name, names);
  issues.add('remove_unknown', target.at, target.written, {
    what: `${target.kind} "${target.name}"`,
    parent: parentName,
    suggestion: suggestion && `${target.kind}s.${suggestion}`,
  });
}

function nearestPath(word: string, candidates: readonly string[], prefix: string): string | undefined {
  const found = nearest(word, candidates);
  return found && `${prefix}${found}`;
}

function optionalChipFields(): string[] {
  return CHIP_SPECS.filter((s) => s.optional).map((s) => s.key.split('.').pop()!);
}

/** Entries of a path-keyed map at `path` or below it. */
function* under<V>(map: ReadonlyMap<string, V>, path: string): Generator<[string, V]> {
  for (const entry of map) if (entry[0] === path || entry[0].startsWith(`${path}.`)) yield entry;
}
