/**
 * The changed assumptions between two scenarios ("factors"), found by a
 * structural diff of their ModelInputs, and baseline inputs with any subset of
 * them switched to the scenario's values.
 *
 * A factor is a leaf that differs, except that a ByYear array, a chip's
 * all-in power method object, and an added or removed chip or phase each
 * count as one factor (splitting them would make mixes no scenario could
 * hold). Chips and phases are matched by name. Labels are the user-facing
 * paths, taken from the loader's field table (FIELD_TABLE keys, PHASE_COLUMNS)
 * so a new assumption gets a label without anyone editing this file.
 */
import { ASSUMPTION_FILES, FIELD_TABLE, PHASE_COLUMNS, withName, type FieldSpec, type YamlFile } from '../loader/fieldTable.js';
import type { ChipSpec, ModelInputs, PhaseSpec } from '../model/inputs.js';

export interface Factor {
  /** User-facing assumption path, e.g. `facility.annual_pue`, `chips.trainium3.tdp`, `phases.trn4-c.energised_on`, `phases.extra`. */
  label: string;
  /** Switch this assumption to the scenario's value in a draft of the baseline inputs. */
  apply(draft: Draft): void;
}

/** Baseline inputs being mixed; mutable plain data (a structured clone). */
export interface Draft {
  inputs: MutableInputs;
  /** First horizon year of the scenario whose array a yearly field now holds; absent = the baseline's. */
  yearlyFrom: Map<string, number>;
}

type MutableInputs = Omit<ModelInputs, 'chips' | 'phases'> & { chips: ChipSpec[]; phases: PhaseSpec[] };

const SCALAR_SPECS: readonly FieldSpec[] = ASSUMPTION_FILES.flatMap((file) =>
  file === 'chips.yaml' || file === 'phases.csv' ? [] : FIELD_TABLE[file],
);
const YEARLY_FIELDS: readonly string[] = SCALAR_SPECS.filter((spec) => spec.yearly).map((spec) => spec.field);
const CHIP_SPECS: readonly FieldSpec[] = FIELD_TABLE['chips.yaml'];

/** The factors that turn `base` into `scenario`, in file order (ASSUMPTION_FILES, then field-table or row order). */
export function diffInputs(base: ModelInputs, scenario: ModelInputs): Factor[] {
  const factors: Factor[] = [];
  for (const file of ASSUMPTION_FILES) {
    if (file === 'chips.yaml') factors.push(...chipFactors(base.chips, scenario.chips));
    else if (file === 'phases.csv') factors.push(...phaseFactors(base.phases, scenario.phases));
    else {
      const done = new Set<string>();
      for (const spec of FIELD_TABLE[file]) {
        // A row that fills no field itself (cost.deflators) changes the fields it converts, which are factors of their own.
        if (!spec.field) continue;
        // Rows with a `*` (cost.it.*.server_per_chip): factors per key it matched (a chip's costs).
        if (spec.field.includes('*')) {
          const container = spec.field.slice(0, spec.field.indexOf('*') - 1);
          if (!done.has(container)) factors.push(...memberFactors(file, container, base, scenario));
          done.add(container);
          continue;
        }
        // Rows that decide one field together (cfe.profiles.*) are one factor, named by their common parent.
        if (done.has(spec.field)) continue;
        done.add(spec.field);
        const from = getPath(base, spec.field);
        const to = getPath(scenario, spec.field);
        const same = spec.yearly
          ? sameByYear(from as readonly number[], base.horizon, to as readonly number[], scenario.horizon)
          : deepEqual(from, to);
        if (same) continue;
        const rows = FIELD_TABLE[file].filter((other) => other.field === spec.field);
        // A row the loader turns into several fields switches them all (an hourly CSV's columns).
        const also = [...new Set(rows.flatMap((row) => row.alsoFills ?? []))].map((field): [string, unknown] => [field, getPath(scenario, field)]);
        factors.push({
          label: commonKey(rows.map((row) => row.key)),
          apply: (draft) => {
            setPath(draft.inputs, spec.field, structuredClone(to));
            for (const [field, value] of also) setPath(draft.inputs, field, structuredClone(value));
            if (spec.yearly) draft.yearlyFrom.set(spec.field, scenario.horizon.firstYear);
          },
        });
      }
    }
  }
  return factors;
}

/**
 * Factors of the rows whose field has a `*` under `container` (`cost.chips`), member by member
 * (in the baseline's order, then the scenario's new ones): a field that differs is one factor; a
 * member only one side has (an added chip's costs) is one factor, the whole member.
 */
function memberFactors(file: YamlFile, container: string, base: ModelInputs, scenario: ModelInputs): Factor[] {
  const rows = FIELD_TABLE[file].filter((row) => row.field.startsWith(`${container}.*`));
  const keyPrefix = rows[0]!.key.slice(0, rows[0]!.key.indexOf('*') - 1);
  const members = (inputs: ModelInputs) => (getPath(inputs, container) ?? {}) as Record<string, unknown>;
  const [from, to] = [members(base), members(scenario)];
  const names = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  const factors: Factor[] = [];
  for (const name of names) {
    const [was, now] = [from[name], to[name]];
    if (was === undefined || now === undefined) {
      factors.push({
        label: `${keyPrefix}.${name}`,
        apply: (draft) => {
          const parent = getPath(draft.inputs, container) as Record<string, unknown>;
          if (now === undefined) delete parent[name];
          else parent[name] = structuredClone(now);
        },
      });
      continue;
    }
    for (const row of rows) {
      const field = withName(row.field, name);
      const value = getPath(scenario, field);
      if (deepEqual(getPath(base, field), value)) continue;
      factors.push({ label: withName(row.key, name), apply: (draft) => setPath(draft.inputs, field, structuredClone(value)) });
    }
  }
  return factors;
}

/** The key itself, or the deepest parent that several keys share (`cfe.profiles`). */
function commonKey(keys: readonly string[]): string {
  const parts = keys.map((key) => key.split('.'));
  const shared: string[] = [];
  for (let i = 0; parts.every((p) => p.length > i && p[i] === parts[0]![i]); i++) shared.push(parts[0]![i]!);
  return shared.join('.') || keys.join(' + ');
}

/**
 * The baseline inputs with the factors for which `take(i)` is true switched
 * to the scenario. Yearly arrays are then re-indexed by calendar year onto the
 * mix's horizon, holding the first and last values beyond their own horizon
 * (as the loader expands a by_year schedule), so a horizon change mixes with
 * any other factor.
 */
export function mixInputs(base: ModelInputs, factors: readonly Factor[], take: (index: number) => boolean): ModelInputs {
  const draft: Draft = { inputs: structuredClone(base) as MutableInputs, yearlyFrom: new Map() };
  factors.forEach((factor, i) => {
    if (take(i)) factor.apply(draft);
  });
  const { firstYear, lastYear } = draft.inputs.horizon;
  for (const field of YEARLY_FIELDS) {
    const from = draft.yearlyFrom.get(field) ?? base.horizon.firstYear;
    const values = getPath(draft.inputs, field) as readonly number[];
    setPath(draft.inputs, field, reindex(values, from, firstYear, lastYear));
  }
  return draft.inputs;
}

/**
 * True when two inputs are the same scenario: equal leaves, chips and phases
 * compared by name whatever their order. Used to check that all factors
 * together rebuild the scenario, so no changed assumption can go unnamed.
 */
export function sameInputs(a: ModelInputs, b: ModelInputs): boolean {
  const byName = (inputs: ModelInputs) => ({
    ...inputs,
    chips: [...inputs.chips].sort((x, y) => compareText(x.name, y.name)),
    phases: [...inputs.phases].sort((x, y) => compareText(x.name, y.name)),
  });
  return deepEqual(byName(a), byName(b));
}

function chipFactors(base: readonly ChipSpec[], scenario: readonly ChipSpec[]): Factor[] {
  const factors: Factor[] = [];
  for (const from of base) {
    const to = scenario.find((chip) => chip.name === from.name);
    if (!to) {
      factors.push({ label: `chips.${from.name}`, apply: (d) => void (d.inputs.chips = d.inputs.chips.filter((c) => c.name !== from.name)) });
      continue;
    }
    const chipOf = (draft: Draft) => draft.inputs.chips.find((chip) => chip.name === from.name)!;
    for (const spec of CHIP_SPECS) {
      if (spec.method) continue;
      const field = spec.field as keyof ChipSpec;
      if (deepEqual(from[field], to[field])) continue;
      factors.push({ label: `chips.${from.name}.${lastKey(spec)}`, apply: (d) => assignOrDelete(chipOf(d), field, to[field]) });
    }
    if (!deepEqual(from.allInPower, to.allInPower)) {
      // The method object is one factor: its fields only mean something together.
      const changed = CHIP_SPECS.filter((spec) => {
        if (!spec.method) return false;
        const value = (chip: ChipSpec) => (chip.allInPower.method === spec.method ? (chip.allInPower as Record<string, unknown>)[spec.field] : undefined);
        return value(from) !== value(to);
      });
      factors.push({
        label: changed.map((spec) => `chips.${from.name}.${lastKey(spec)}`).join(' + '),
        apply: (d) => void (chipOf(d).allInPower = structuredClone(to.allInPower)),
      });
    }
  }
  for (const added of scenario) {
    if (base.some((chip) => chip.name === added.name)) continue;
    factors.push({ label: `chips.${added.name}`, apply: (d) => void d.inputs.chips.push(structuredClone(added)) });
  }
  return factors;
}

function phaseFactors(base: readonly PhaseSpec[], scenario: readonly PhaseSpec[]): Factor[] {
  const factors: Factor[] = [];
  for (const from of base) {
    const to = scenario.find((phase) => phase.name === from.name);
    if (!to) {
      factors.push({ label: `phases.${from.name}`, apply: (d) => void (d.inputs.phases = d.inputs.phases.filter((p) => p.name !== from.name)) });
      continue;
    }
    const phaseOf = (draft: Draft) => draft.inputs.phases.find((phase) => phase.name === from.name)!;
    const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((f) => f !== 'name') as (keyof PhaseSpec)[];
    const columns = new Map(fields.map((field) => [field, phaseColumn(field)]));
    const rank = (field: keyof PhaseSpec) => PHASE_COLUMN_NAMES.indexOf(columns.get(field)!) >>> 0; // unknown columns last
    for (const field of fields.sort((a, b) => rank(a) - rank(b))) {
      if (deepEqual(from[field], to[field])) continue;
      factors.push({ label: `phases.${from.name}.${columns.get(field)}`, apply: (d) => assignOrDelete(phaseOf(d), field, to[field]) });
    }
  }
  for (const added of scenario) {
    if (base.some((phase) => phase.name === added.name)) continue;
    factors.push({ label: `phases.${added.name}`, apply: (d) => void d.inputs.phases.push(structuredClone(added)) });
  }
  return factors;
}

const PHASE_COLUMN_NAMES = Object.keys(PHASE_COLUMNS);

/** phases.csv column of a PhaseSpec field: `energisedOn` -> `energised_on`, `rampHours` -> `ramp` (the unit suffix dropped). */
export function phaseColumn(field: string): string {
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const matches = PHASE_COLUMN_NAMES.filter((column) => snake === column || snake.startsWith(`${column}_`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? snake;
}

function lastKey(spec: FieldSpec): string {
  return spec.key.split('.').at(-1)!;
}

/** Equal over every calendar year either horizon covers, each array held flat beyond its own horizon. */
function sameByYear(a: readonly number[], ah: ModelInputs['horizon'], b: readonly number[], bh: ModelInputs['horizon']): boolean {
  const first = Math.min(ah.firstYear, bh.firstYear);
  const last = Math.max(ah.lastYear, bh.lastYear);
  for (let year = first; year <= last; year++) {
    if (valueIn(a, ah.firstYear, year) !== valueIn(b, bh.firstYear, year)) return false;
  }
  return true;
}

function valueIn(values: readonly number[], firstYear: number, year: number): number | undefined {
  return values[Math.min(Math.max(year - firstYear, 0), values.length - 1)];
}

function reindex(values: readonly number[], from: number, firstYear: number, lastYear: number): number[] {
  const out: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) out.push(valueIn(values, from, year)!);
  return out;
}

function assignOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = structuredClone(value);
}

function getPath(target: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], target);
}

function setPath(target: object, path: string, value: unknown): void {
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, target as Record<string, unknown>);
  parent[parts.at(-1)!] = value;
}

/** Structural equality of plain data; an absent key equals an undefined one. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
