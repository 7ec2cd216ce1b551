/**
 * The core of `gwplan check` (pure): a committed CSV and its recomputed
 * counterpart, both parsed, in; every breach out, as typed records. Rows are
 * matched by their key columns and cells by column name (order of rows and
 * columns is left to check-outputs, which compares bytes); numbers compare
 * within tolerance, text exactly, and a missing or extra file, row or column
 * is a breach too.
 */
import { delta, deltaPct } from '../compare/delta.js';
import type { ParsedTable } from './parsedTable.js';
import { decimalsOf } from './textTable.js';
import { allowedDelta, toleranceFor, type Tolerances } from './tolerances.js';

export interface TableShape {
  file: string;
  /** Columns that identify a row, e.g. `year` and `technology`. */
  key: readonly string[];
  /** Columns always compared as text (names, dates), whatever they hold. */
  text: ReadonlySet<string>;
  /** summary.csv: each row is a metric named by its key; the breach names the metric, not the column. */
  rowsAreMetrics: boolean;
}

export type BreachKind =
  | 'number' // a number outside its tolerance
  | 'text' // a text cell (or a cell that is not a number on one side) that differs
  | 'missing-file'
  | 'extra-file'
  | 'missing-row'
  | 'extra-row'
  | 'duplicate-row'
  | 'missing-column'
  | 'extra-column'
  | 'malformed';

/** "missing" = recomputed but not in the committed outputs; "extra" = committed but no longer recomputed. */
export interface Breach {
  kind: BreachKind;
  scenario: string;
  file: string;
  /** Row key as written, joined with '/' ("2030", "2030/solar", "trn3-a/1"); '' for summary.csv and whole-file breaches. */
  row: string;
  /** Column name, or the summary.csv metric; '' when the whole row or file is concerned. */
  metric: string;
  /** Cell text on each side; '' when that side has no cell. For `malformed`, what is wrong. */
  committed: string;
  recomputed: string;
  /** recomputed - committed, and its percentage of |committed| (src/compare/delta.ts); numbers only. */
  delta: number | null;
  deltaPct: number | null;
  /** Decimals the cells are written with, for showing delta. */
  decimals: number | null;
  /** The largest |delta| allowed; null when compared exactly. */
  tolerance: number | null;
}

export interface TableComparison {
  breaches: Breach[];
  /** Cells compared that passed (numbers within tolerance, text equal). */
  withinTolerance: number;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A breach record with every field not given left empty (text '' or null). */
export function breachOf(kind: BreachKind, scenario: string, file: string, fields: Partial<Breach> = {}): Breach {
  return {
    kind,
    scenario,
    file,
    row: '',
    metric: '',
    committed: '',
    recomputed: '',
    delta: null,
    deltaPct: null,
    decimals: null,
    tolerance: null,
    ...fields,
  };
}

/** Compares one file of one scenario; `committed` undefined means the committed file does not exist. */
export function compareTable(
  scenario: string,
  shape: TableShape,
  committed: ParsedTable | undefined,
  recomputed: ParsedTable,
  tolerances: Tolerances,
): TableComparison {
  const breaches: Breach[] = [];
  const breach = (kind: BreachKind, fields: Partial<Breach> = {}) => breaches.push(breachOf(kind, scenario, shape.file, fields));
  if (!committed) {
    breach('missing-file');
    return { breaches, withinTolerance: 0 };
  }
  for (const problem of committed.problems) breach('malformed', { committed: `line ${problem.line}: ${problem.message}` });
  if (committed.header.length === 0) {
    breach('malformed', { committed: 'file is empty' });
    return { breaches, withinTolerance: 0 };
  }

  const seen = new Set<string>();
  for (const name of committed.header) {
    if (seen.has(name)) breach('malformed', { metric: name, committed: `column "${name}" appears twice in the header` });
    seen.add(name);
  }
  const committedIndex = new Map(committed.header.map((name, i) => [name, i] as const).reverse());
  const recomputedIndex = new Map(recomputed.header.map((name, i) => [name, i] as const));
  for (const name of recomputed.header) if (!committedIndex.has(name)) breach('missing-column', { metric: name });
  for (const name of new Set(committed.header)) if (!recomputedIndex.has(name)) breach('extra-column', { metric: name });
  if (shape.key.some((name) => !committedIndex.has(name))) return { breaches, withinTolerance: 0 };

  const keyOf = (row: readonly string[], index: ReadonlyMap<string, number>) => shape.key.map((name) => row[index.get(name)!] ?? '').join('/');
  const committedRows = new Map<string, readonly string[]>();
  committed.rows.forEach((row, i) => {
    const line = i + 2;
    if (row.length !== committed.header.length) {
      breach('malformed', { row: keyOf(row, committedIndex), committed: `line ${line} has ${row.length} cells, the header ${committed.header.length}` });
      return;
    }
    const key = keyOf(row, committedIndex);
    if (committedRows.has(key)) breach('duplicate-row', { row: key, committed: `line ${line}` });
    else committedRows.set(key, row);
  });

  let withinTolerance = 0;
  const compared = recomputed.header.filter((name) => committedIndex.has(name) && !shape.key.includes(name));
  const recomputedKeys = new Set<string>();
  for (const row of recomputed.rows) {
    const key = keyOf(row, recomputedIndex);
    recomputedKeys.add(key);
    const where = shape.rowsAreMetrics ? { row: '', metric: key } : { row: key, metric: '' };
    const old = committedRows.get(key);
    if (!old) {
      breach('missing-row', where);
      continue;
    }
    for (const column of compared) {
      const now = row[recomputedIndex.get(column)!] ?? '';
      const was = old[committedIndex.get(column)!] ?? '';
      const metric = shape.rowsAreMetrics ? (column === 'value' ? key : `${key} (${column})`) : column;
      const at = { row: where.row, metric, committed: was, recomputed: now };
      if (shape.text.has(column) || !PLAIN_NUMBER.test(was) || !PLAIN_NUMBER.test(now)) {
        if (was === now) withinTolerance += 1;
        else breach('text', at);
        continue;
      }
      const before = Number(was);
      const after = Number(now);
      const allowed = allowedDelta(toleranceFor(tolerances, shape.file, metric), before);
      const change = delta(before, after);
      // Slack of a few ulps: 1.001 - 1.000 must pass an absolute tolerance of 0.001.
      if (Math.abs(change) <= allowed + 1e-12 * Math.max(1, Math.abs(before), Math.abs(after))) {
        withinTolerance += 1;
        continue;
      }
      breach('number', { ...at, delta: change, deltaPct: deltaPct(before, after), decimals: Math.max(decimalsOf(was), decimalsOf(now)), tolerance: allowed });
    }
  }
  for (const key of committedRows.keys()) {
    if (!recomputedKeys.has(key)) breach('extra-row', shape.rowsAreMetrics ? { metric: key } : { row: key });
  }
  return { breaches, withinTolerance };
}
