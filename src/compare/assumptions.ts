/**
 * assumptions.csv: every assumption whose effective value differs between any
 * of the compared scenarios, with where each scenario's value was set. Built
 * from the loader's records (path, value in model unit, `at`), so it names
 * exactly what the user wrote, overlay file and all.
 *
 * A `by_year` field is compared year by year over every year any scenario's
 * horizon covers, as the model reads it: rows `facility.annual_pue[2030]` for
 * the years that differ. When every scenario gives it as one value it stays
 * one row, `facility.annual_pue`.
 */
import { FIELD_TABLE } from '../loader/fieldTable.js';
import type { AssumptionRecord, InputFile, SourceLocation } from '../loader/types.js';
import type { AssumptionCell, AssumptionDiff, ScenarioRun } from './types.js';

const YEARLY_KEYS: ReadonlySet<string> = new Set(
  Object.values(FIELD_TABLE)
    .flat()
    .filter((spec) => spec.yearly)
    .map((spec) => spec.key),
);

interface Effective {
  firstYear: number;
  lastYear: number;
  /** Records by path, for values given once. */
  plain: Map<string, AssumptionRecord>;
  /** By-year steps of a yearly key, sorted by year. */
  steps: Map<string, { year: number; record: AssumptionRecord }[]>;
  files: readonly InputFile[];
}

/** Differing assumptions across `runs` (baseline first), in file order. */
export function diffAssumptions(runs: readonly ScenarioRun[]): AssumptionDiff[] {
  const effective = runs.map(effectiveOf);
  const rows: AssumptionDiff[] = [];
  for (const key of mergedKeys(runs.map((run) => run.scenario.records))) {
    if (YEARLY_KEYS.has(key) && effective.some((e) => e.steps.has(key))) {
      const first = Math.min(...effective.map((e) => e.firstYear));
      const last = Math.max(...effective.map((e) => e.lastYear));
      for (let year = first; year <= last; year++) {
        const cells = effective.map((e) => cellOf(year < e.firstYear || year > e.lastYear ? undefined : recordFor(e, key, year), e.files));
        if (differ(cells)) rows.push({ assumption: `${key}[${year}]`, cells });
      }
    } else {
      const cells = effective.map((e) => cellOf(e.plain.get(key), e.files));
      if (differ(cells)) rows.push({ assumption: key, cells });
    }
  }
  return rows;
}

function effectiveOf(run: ScenarioRun): Effective {
  const { horizon } = run.scenario.inputs;
  const e: Effective = { firstYear: horizon.firstYear, lastYear: horizon.lastYear, plain: new Map(), steps: new Map(), files: run.scenario.files };
  for (const record of run.scenario.records) {
    const { key, year } = keyOf(record.path);
    if (year === undefined) e.plain.set(key, record);
    else e.steps.set(key, [...(e.steps.get(key) ?? []), { year, record }].sort((a, b) => a.year - b.year));
  }
  return e;
}

/** `facility.annual_pue[2030]` -> key `facility.annual_pue`, year 2030; any other path is its own key. */
function keyOf(path: string): { key: string; year?: number } {
  const match = /^(.*)\[(\d+)\]$/.exec(path);
  return match && YEARLY_KEYS.has(match[1]!) ? { key: match[1]!, year: Number(match[2]) } : { key: path };
}

/** The record that sets `year`'s value: a single value, or the latest step at or before it (the first step before any). */
function recordFor(e: Effective, key: string, year: number): AssumptionRecord | undefined {
  const steps = e.steps.get(key);
  if (!steps) return e.plain.get(key);
  return [...steps].reverse().find((step) => step.year <= year)?.record ?? steps[0]?.record;
}

/**
 * Keys of every scenario in one file order: the baseline's order, with a key
 * only another scenario has (an added phase) placed after the key that
 * precedes it there.
 */
function mergedKeys(recordLists: readonly (readonly AssumptionRecord[])[]): string[] {
  const keys: string[] = [];
  for (const records of recordLists) {
    let after = -1;
    for (const record of records) {
      const { key } = keyOf(record.path);
      const index = keys.indexOf(key);
      if (index >= 0) after = index;
      else keys.splice(++after, 0, key);
    }
  }
  return keys;
}

function cellOf(record: AssumptionRecord | undefined, files: readonly InputFile[]): AssumptionCell {
  if (!record) return { present: false };
  return { present: true, value: record.value, unit: record.unit, setAt: setAt(record.at, files) };
}

function differ(cells: readonly AssumptionCell[]): boolean {
  const [first, ...rest] = cells;
  return rest.some((cell) => {
    if (!first || cell.present !== first.present) return true;
    return cell.present && first.present && (cell.value !== first.value || cell.unit !== first.unit);
  });
}

/**
 * `file:line:col` with the file relative to the assumptions directory, as the
 * manifest's `set_at`: the loader shows the path as given (maybe absolute),
 * and the longest input file path it ends with names it.
 */
export function setAt(at: SourceLocation, files: readonly InputFile[]): string {
  let best: string | undefined;
  for (const { path } of files) {
    const matches = at.file === path || at.file.endsWith(`/${path}`);
    if (matches && (best === undefined || path.length > best.length)) best = path;
  }
  return `${best ?? at.file}:${at.line}:${at.column}`;
}
