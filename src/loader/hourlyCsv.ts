/**
 * Hourly CSV files named in cfe.yaml (capacity-factor profiles, a load shape, hourly grid
 * figures): an `hour` (0, 1, 2, ...) or `hour_beginning` (local standard time) column, then
 * value columns. Checked cell by cell with file:line:column; each value column becomes a
 * Float64Array in the model unit. Whether the row count fits the year studied is checked
 * once that year is known (cfe.ts, checkProfileYear).
 */
import { hoursInYear } from '../model/calendar.js';
import type { CsvCell, CsvTable } from './csvSource.js';
import { HOUR_COLUMNS } from './fieldTable.js';
import type { Issues } from './issues.js';
import { nearest } from './suggest.js';

/** A value column: what its cells must be, and the factor to the model unit. */
export interface ValueColumn {
  name: string;
  /** Words for a message: "a capacity factor from 0 to 1". */
  expected: string;
  valid: (value: number) => boolean;
  /** Multiplies each cell (a unit conversion); default 1. */
  scale?: number;
}

export interface HourlyLayout {
  columns: readonly ValueColumn[];
  /** Columns that must be present (others are optional). */
  required?: readonly string[];
  /** Of these, at least one must be present (reported by no_value_columns). */
  oneOf?: readonly string[];
  /** Appended to the no_value_columns message, e.g. why an absent column matters. */
  oneOfNote?: string;
  /** At most one of these may be present (one quantity in several units). */
  atMostOne?: readonly string[];
  /** 24 rows (one day, repeated) is allowed too. */
  diurnal?: boolean;
  /** Header names that are refused with an explanation rather than as unknown. */
  explain?: (column: string, at: CsvCell['at'], issues: Issues) => boolean;
}

export interface HourlyTable {
  /** Data rows. */
  rows: number;
  /** Line of the last data row (the header's when there is none). */
  lastLine: number;
  /** Value columns present, in the model unit. */
  columns: ReadonlyMap<string, Float64Array>;
}

const HOURS_IN_YEAR = 8760;
const HOURS_IN_LEAP_YEAR = 8784;
/** Cell problems reported one by one per file; the rest are counted in one message. */
const MAX_CELL_PROBLEMS = 10;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const HOUR_MS = 3_600_000;

/** The table's columns, checked; undefined (reported) when the header or any cell is wrong. */
export function readHourlyCsv(table: CsvTable, layout: HourlyLayout, issues: Issues): HourlyTable | undefined {
  const header = readHeader(table.header, layout, issues);
  const rows = table.rows;
  const lastLine = rows.at(-1)?.[0]?.at.line ?? table.header[0]?.at.line ?? 1;
  if (!header) return undefined;
  const errorsBefore = issues.errors.length;

  const allowed = layout.diurnal ? [24, HOURS_IN_YEAR, HOURS_IN_LEAP_YEAR] : [HOURS_IN_YEAR, HOURS_IN_LEAP_YEAR];
  if (!allowed.includes(rows.length)) {
    const at = rows.at(-1)?.[0]?.at ?? table.header[0]!.at;
    issues.add('hourly_row_count', at, '', { rows: rows.length, diurnal: layout.diurnal === true });
  }

  const problems = new CellProblems(issues);
  const dataYear = checkHours(rows, header.hour, problems);
  if (dataYear !== undefined && rows.length !== 24 && allowed.includes(rows.length) && rows.length !== hoursInYear(dataYear)) {
    issues.add('hourly_rows_year', rows.at(-1)![0]!.at, '', { rows: rows.length, year: dataYear, hours: hoursInYear(dataYear), whose: 'file' });
  }

  const columns = new Map<string, Float64Array>();
  for (const [index, column] of header.values) {
    const values = new Float64Array(rows.length);
    const scale = column.scale ?? 1;
    rows.forEach((row, i) => {
      const cell = row[index]!;
      const value = NUMBER.test(cell.text) ? Number(cell.text) : Number.NaN;
      if (Number.isFinite(value) && column.valid(value)) values[i] = value * scale;
      else problems.add(cell, () => issues.add('bad_hourly_value', cell.at, column.name, { written: cell.text, hour: i, expected: column.expected }));
    });
    columns.set(column.name, values);
  }
  problems.finish();
  return issues.errors.length > errorsBefore ? undefined : { rows: rows.length, lastLine, columns };
}

interface Header {
  hour: { index: number; name: (typeof HOUR_COLUMNS)[number] };
  /** Value columns present, by cell index. */
  values: [number, ValueColumn][];
}

function readHeader(cells: readonly CsvCell[], layout: HourlyLayout, issues: Issues): Header | undefined {
  const known = [...HOUR_COLUMNS, ...layout.columns.map((c) => c.name)];
  const seen = new Map<string, number>();
  let ok = true;
  cells.forEach(({ text, at }, index) => {
    if (seen.has(text)) {
      issues.add('duplicate_column', at, '', { column: text });
      ok = false;
    } else if (!known.includes(text)) {
      if (!layout.explain?.(text, at, issues)) issues.add('unknown_column', at, '', { column: text, suggestion: nearest(text, known), allowed: known });
      ok = false;
    } else seen.set(text, index);
  });
  const start = cells[0]!.at;
  const hours = HOUR_COLUMNS.filter((c) => seen.has(c));
  if (hours.length === 0) issues.add('missing_hour_column', start, '');
  if (hours.length === 2) issues.add('two_hour_columns', cells[seen.get('hour_beginning')!]!.at, '');
  for (const column of layout.required ?? []) {
    if (!seen.has(column)) {
      issues.add('missing_column', start, '', { column });
      ok = false;
    }
  }
  const several = (layout.atMostOne ?? []).filter((c) => seen.has(c));
  if (several.length > 1) {
    issues.add('same_quantity_columns', cells[seen.get(several[1]!)!]!.at, '', { columns: several });
    ok = false;
  }
  // An unknown column is most likely the value column misspelt: reported as such, not as missing too.
  if (ok && layout.oneOf && !layout.oneOf.some((c) => seen.has(c))) {
    issues.add('no_value_columns', start, '', { allowed: layout.oneOf, unavailable: layout.oneOfNote ?? '' });
    ok = false;
  }
  if (!ok || hours.length !== 1) return undefined;
  const name = hours[0]!;
  const values = layout.columns.filter((c) => seen.has(c.name)).map((c): [number, ValueColumn] => [seen.get(c.name)!, c]);
  return { hour: { index: seen.get(name)!, name }, values };
}

/**
 * The hour column numbers the rows without gaps: 0, 1, 2, ... or consecutive local
 * standard-time hours from 1 January 00:00. Only the first break is reported (every later
 * row would repeat it). Returns the year of hour_beginning, when it is read.
 */
function checkHours(rows: readonly CsvCell[][], hour: Header['hour'], problems: CellProblems): number | undefined {
  let year: number | undefined;
  let expected = 0;
  for (let i = 0; i < rows.length; i++) {
    const cell = rows[i]![hour.index]!;
    if (hour.name === 'hour') {
      if (cell.text === String(i)) continue;
      problems.add(cell, (issues) => issues.add('hour_sequence', cell.at, 'hour', { written: cell.text, expected: String(i), column: 'hour' }));
      return undefined;
    }
    const time = localTime(cell.text);
    if (i === 0 && time !== undefined && time === Date.UTC(new Date(time).getUTCFullYear(), 0, 1)) {
      year = new Date(time).getUTCFullYear();
      expected = time;
    }
    if (year === undefined || time !== expected) {
      const expectedText = year === undefined ? 'the first hour of a year, such as 2025-01-01T00:00' : `${new Date(expected).toISOString().slice(0, 16)}, the hour after the row above`;
      problems.add(cell, (issues) => issues.add('hour_sequence', cell.at, 'hour_beginning', { written: cell.text, expected: expectedText, column: 'hour_beginning' }));
      return undefined;
    }
    expected += HOUR_MS;
  }
  return year;
}

/** `YYYY-MM-DDTHH:MM[:SS]` (or with a space) read as a clock time, in ms; undefined when it is not one. */
function localTime(text: string): number | undefined {
  const match = LOCAL_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  const date = new Date(time);
  const exact = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hours && minutes < 60 && seconds < 60;
  return exact ? time : undefined;
}

/** The first few cell problems of a file one by one; the rest counted in one message at the first of them. */
class CellProblems {
  private count = 0;
  private firstUnreported: CsvCell | undefined;

  constructor(private readonly issues: Issues) {}

  add(cell: CsvCell, report: (issues: Issues) => void): void {
    this.count++;
    if (this.count <= MAX_CELL_PROBLEMS) report(this.issues);
    else this.firstUnreported ??= cell;
  }

  finish(): void {
    if (this.firstUnreported) this.issues.add('more_hourly_problems', this.firstUnreported.at, '', { count: this.count - MAX_CELL_PROBLEMS });
  }
}
