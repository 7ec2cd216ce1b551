/**
 * The uncertain inputs of one scenario: each value's own distribution (low
 * and high, or `distribution:`), overridden by uncertainty.yaml's entries,
 * and the correlation groups among them; resolved against the scenario's
 * merged values, in model units. docs/uncertainty-inputs.md has the rules.
 *
 * uncertainty.yaml is base's. A scenario that overrides a YAML value
 * replaces the whole value, distribution included, so the file's entry for
 * it no longer applies (the override's own low/high/distribution does). Phase
 * cells cannot carry a distribution, so entries for phase columns keep
 * applying to the scenario's phases. An entry or group member whose path a
 * scenario removed is left out, as is a group member the scenario made
 * certain; a group left with fewer than two inputs is dropped.
 */
import type { CorrelationGroup, UncertainInput } from '../uncertainty/types.js';
import type { Reading } from './assumptionValue.js';
import type { ChipCatalogue } from './chips.js';
import { resolveChoice, resolveNumeric, type DistributionDecl, type NumericTarget } from './distributionSyntax.js';
import type { FieldValues } from './fieldReader.js';
import { FIELD_TABLE, PHASE_COLUMNS, PHASE_POI, PHASE_POI_BOUNDS, PHASE_RAMP, withName, type FieldSpec, type YamlFile } from './fieldTable.js';
import type { Issues } from './issues.js';
import type { PhaseTable, ValueColumn } from './phases.js';
import { VALUE_COLUMNS } from './phases.js';
import type { ScenarioState } from './scenarioState.js';
import { nearest } from './suggest.js';
import type { AssumptionRecord } from './types.js';
import type { UncertaintyDecls, UncertaintyEntry } from './uncertaintyFile.js';

/** What a scenario's uncertainty is resolved with, besides its merged values. */
export interface UncertaintyScope {
  /** uncertainty.yaml, read; undefined when there is none (or it could not be read). */
  decls?: UncertaintyDecls;
  /** Base's field values, when resolving a scenario: a value the scenario overrides is no longer base's. */
  baseYaml?: ReadonlyMap<YamlFile, FieldValues>;
}

export interface ResolvedUncertainty {
  uncertain: UncertainInput[];
  correlationGroups: CorrelationGroup[];
}

/** Something a path may name: a YAML field, or a phase column. */
type Target =
  | { kind: 'field'; path: string; file: YamlFile; spec: FieldSpec; reading: Reading | undefined }
  | { kind: 'phase'; path: string; phase: string; column: ValueColumn; record: AssumptionRecord | undefined };

const HOURS = PHASE_RAMP.measure;

export function resolveUncertainty(
  state: ScenarioState,
  chips: ChipCatalogue | undefined,
  phases: PhaseTable | undefined,
  records: readonly AssumptionRecord[],
  scope: UncertaintyScope,
  issues: Issues,
): ResolvedUncertainty {
  const targets = collectTargets(state, phases);
  const inScenario = scope.baseYaml !== undefined;
  // A phase lost to a broken sheet (header, row, name) is reported there: its paths are not "unknown" too.
  const sheetBroken = state.phases === undefined || issues.errors.some((e) => e.at.file.endsWith('phases.csv') && (e.path === '' || e.path.endsWith('.name')));
  const unknown = (path: string) => !inScenario && !(sheetBroken && path.startsWith('phases.'));
  const fromFile = new Map<string, UncertainInput | 'none'>();
  /** Paths whose entry could not be used (reported): neither their inline distribution nor a group error follows. */
  const broken = new Set<string>();

  for (const entry of scope.decls?.entries ?? []) {
    const target = targets.get(entry.path);
    if (!target) {
      // Base reports a path it does not have; a scenario that removed it simply has nothing to vary.
      if (unknown(entry.path)) issues.add('unknown_path', entry.keyAt, entry.path, { written: entry.path, suggestion: nearest(entry.path, targets.keys()) });
      broken.add(entry.path);
      continue;
    }
    if (!entry.decl || !isValid(target)) {
      broken.add(entry.path);
      continue;
    }
    if (target.kind === 'field' && scope.baseYaml && target.reading !== scope.baseYaml.get(target.file)?.readings.get(target.path)) continue;
    const input = resolveEntry(entry as UncertaintyEntry & { decl: DistributionDecl }, target, chips, issues);
    if (input) fromFile.set(entry.path, input);
    else broken.add(entry.path);
  }

  // Record order: file order, then field order, as the manifest lists them.
  const order = new Map<string, number>();
  records.forEach((r, i) => {
    const path = r.path.replace(/\[\d+\]$/, '');
    if (!order.has(path)) order.set(path, i);
  });
  const uncertain: UncertainInput[] = [];
  for (const target of targets.values()) {
    const declared = fromFile.get(target.path);
    if (declared) {
      if (declared !== 'none') uncertain.push(declared);
    } else if (!broken.has(target.path) && target.kind === 'field' && target.reading?.uncertainty && 'measure' in target.spec) {
      const { distribution, at } = target.reading.uncertainty;
      uncertain.push({ path: target.path, unit: target.spec.measure.unit, distribution, target: { kind: 'value' }, pointValue: target.reading.value as number, at });
    }
  }
  const rank = (path: string) => order.get(path) ?? Number.MAX_SAFE_INTEGER;
  uncertain.sort((a, b) => rank(a.path) - rank(b.path));

  return { uncertain, correlationGroups: resolveGroups(scope.decls, uncertain, targets, broken, inScenario, unknown, issues) };
}

/** Every path the scenario has, in file order: YAML fields (chips field by field), then phase columns. */
function collectTargets(state: ScenarioState, phases: PhaseTable | undefined): Map<string, Target> {
  const targets = new Map<string, Target>();
  const phaseRecords = new Map((phases?.records ?? []).map((r) => [r.path, r]));
  for (const file of Object.keys(FIELD_TABLE) as YamlFile[]) {
    const values = state.yaml.get(file);
    if (!values) continue;
    const add = (path: string, spec: FieldSpec) => {
      const reading = values.readings.get(path);
      if (reading || values.keyAt.has(path)) targets.set(path, { kind: 'field', path, file, spec, reading });
    };
    if (file === 'chips.yaml') {
      for (const name of values.members.get('chips') ?? []) {
        for (const spec of FIELD_TABLE[file]) add(`chips.${name}.${spec.key.split('.').pop()}`, spec);
      }
    } else {
      for (const spec of FIELD_TABLE[file]) {
        if (!spec.key.includes('*')) add(spec.key, spec);
        // `cost.it.*.server_per_chip`: one target per key the `*` matched.
        else for (const name of values.members.get(spec.key.slice(0, spec.key.indexOf('*') - 1)) ?? []) add(withName(spec.key, name), spec);
      }
    }
  }
  for (const draft of state.phases ?? []) {
    for (const column of VALUE_COLUMNS) {
      const cell = draft.cells[column];
      const path = `phases.${draft.name}.${column}`;
      const record = phaseRecords.get(path);
      // An empty optional cell (no end_of_life, no refresh) is no value to vary; an empty required one is reported.
      if (!cell || (!cell.text && !cell.unusable && !record && !PHASE_COLUMNS[column].filled)) continue;
      targets.set(path, { kind: 'phase', path, phase: draft.name, column, record });
    }
  }
  return targets;
}

/** A field that never varies (the hourly CFE inputs, for now). */
function fixedField(target: Target): boolean {
  return target.kind === 'field' && target.spec.fixed === true;
}

/** Why a fixed field cannot vary: the hourly CFE inputs, or cost's currency year, deflators and tranches. */
function notVaried(path: string): 'cfe_not_varied' | 'cost_not_varied' {
  return path.startsWith('cost.') ? 'cost_not_varied' : 'cfe_not_varied';
}

/** Whether the target's own value could be read (a problem with it is reported where it is written). */
function isValid(target: Target): boolean {
  return target.kind === 'field' ? target.reading !== undefined : target.record !== undefined;
}

/** An uncertainty.yaml entry against its target; 'none' when declared certain; undefined when reported. */
function resolveEntry(
  entry: UncertaintyEntry & { decl: DistributionDecl },
  target: Target,
  chips: ChipCatalogue | undefined,
  issues: Issues,
): UncertainInput | 'none' | undefined {
  const { decl } = entry;
  const at = entry.keyAt;
  if (decl.type === 'none') return 'none';
  const numeric = (numberTarget: NumericTarget, unit: string, kind: 'value' | 'date_shift_hours'): UncertainInput | undefined => {
    const distribution = resolveNumeric(decl, numberTarget, issues, false);
    if (!distribution || distribution === 'none') return undefined;
    return { path: target.path, unit, distribution, target: { kind }, pointValue: numberTarget.value, at };
  };

  if (target.kind === 'field') {
    const { spec, reading } = target;
    if (spec.fixed) {
      issues.add(notVaried(target.path), at, target.path, { inGroup: false });
      return undefined;
    }
    if (!('measure' in spec)) {
      issues.add('not_numeric', at, target.path, { type: decl.type, what: 'text' });
      return undefined;
    }
    if (typeof reading!.value !== 'number') {
      issues.add('by_year_distribution', at, target.path, { setAt: `${reading!.at.file}:${reading!.at.line}:${reading!.at.column}` });
      return undefined;
    }
    if (spec.integer) {
      issues.add('distribution_on_integer', at, target.path, { inline: false });
      return undefined;
    }
    return numeric({ path: target.path, measure: spec.measure, ...(spec.bounds && { bounds: spec.bounds }), value: reading!.value }, spec.measure.unit, 'value');
  }

  const record = target.record!;
  switch (target.column) {
    case 'energised_on':
      return numeric({ path: target.path, measure: HOURS, value: 0, shift: true }, HOURS.unit, 'date_shift_hours');
    case 'end_of_life':
      issues.add('not_numeric', at, target.path, { type: decl.type, what: 'end_of_life', phase: target.phase });
      return undefined;
    case 'chip':
    case 'refresh_to': {
      if (decl.type !== 'choice') {
        issues.add('not_numeric', at, target.path, { type: decl.type, what: 'chip' });
        return undefined;
      }
      if (!chips) return undefined; // the catalogue could not be read: reported there
      const choice = resolveChoice(decl, { path: target.path, current: record.value as string, chips: chips.names }, issues);
      return (
        choice && { path: target.path, unit: '', distribution: choice.distribution, target: { kind: 'choice', options: choice.options }, pointValue: choice.pointValue, at }
      );
    }
    case 'poi': {
      const measure = PHASE_POI.find((m) => m.unit === record.unit)!;
      const bounds = measure.dimension === 'power' ? PHASE_POI_BOUNDS.power : PHASE_POI_BOUNDS.share;
      return numeric({ path: target.path, measure, bounds, value: record.value as number }, measure.unit, 'value');
    }
    case 'ramp':
      return numeric({ path: target.path, measure: HOURS, bounds: PHASE_RAMP.bounds, value: record.value as number }, HOURS.unit, 'value');
  }
}

/** Groups among the resolved inputs: in base every member must be a numeric uncertain input; a scenario leaves out what it removed or made certain. */
function resolveGroups(
  decls: UncertaintyDecls | undefined,
  uncertain: readonly UncertainInput[],
  targets: ReadonlyMap<string, Target>,
  broken: ReadonlySet<string>,
  inScenario: boolean,
  unknown: (path: string) => boolean,
  issues: Issues,
): CorrelationGroup[] {
  const byPath = new Map(uncertain.map((input) => [input.path, input]));
  const groups: CorrelationGroup[] = [];
  for (const group of decls?.groups ?? []) {
    const kept: number[] = [];
    let usable = group.matrix !== undefined;
    group.inputs.forEach(({ path, at }, k) => {
      const input = byPath.get(path);
      if (input?.target.kind === 'choice') {
        if (!inScenario) issues.add('correlated_choice', at, path);
        usable = false;
      } else if (input) kept.push(k);
      else if (inScenario) return;
      else if (broken.has(path)) usable = false;
      else if (!targets.has(path)) {
        if (unknown(path)) issues.add('unknown_path', at, path, { written: path, suggestion: nearest(path, targets.keys()) });
        usable = false;
      } else if (fixedField(targets.get(path)!)) {
        if (!inScenario) issues.add(notVaried(path), at, path, { inGroup: true });
        usable = false;
      } else if (isValid(targets.get(path)!)) {
        issues.add('correlated_certain', at, path);
        usable = false;
      } else usable = false;
    });
    if (!usable || kept.length < 2) continue;
    groups.push({
      name: group.name,
      paths: kept.map((k) => group.inputs[k]!.path),
      matrix: kept.map((i) => kept.map((j) => group.matrix![i]![j]!)),
      at: group.at,
    });
  }
  return groups;
}
