/**
 * What `gwplan check` compares in each output CSV, derived from the writers'
 * table specs so a new column is checked without touching this file. Only the
 * row keys are stated here: a new table must say how its rows are matched.
 */
import { isTrancheMetric, SUMMARY_METRICS, TRANCHE_METRIC_PREFIX, TRANCHE_METRICS } from '../model/summary.js';
import { UNIT_ROUNDING } from '../writers/decimals.js';
import { OUTPUT_TABLES } from '../writers/outputTables.js';
import type { TableShape } from './compareTables.js';
import type { NameFamily, TolerableNames } from './tolerances.js';

/** The columns that identify a row of each output CSV. */
export const ROW_KEYS: Readonly<Record<string, readonly string[]>> = {
  'fleet.csv': ['phase', 'vintage'],
  'annual.csv': ['year'],
  'procurement.csv': ['year', 'technology'],
  'summary.csv': ['metric'],
  'cost.csv': ['year'],
  // Tranche names are unique (the loader checks).
  'tranches.csv': ['name'],
};

const SUMMARY_FILE = 'summary.csv';
const NUMBER_UNITS = new Set(UNIT_ROUNDING.map((rounding) => rounding.unit));

/** One shape per output CSV, in the order they are written. */
export function checkedTables(): TableShape[] {
  return OUTPUT_TABLES.map((table) => {
    const key = ROW_KEYS[table.file];
    if (!key) throw new Error(`src/check/shapes.ts: no row key for ${table.file}; add its key columns to ROW_KEYS`);
    return {
      file: table.file,
      key,
      // unit '' is a text column; null (summary.csv value) varies by row and is told apart by the cells.
      text: new Set(table.columns.filter((column) => column.unit === '').map((column) => column.name)),
      rowsAreMetrics: table.file === SUMMARY_FILE,
    };
  });
}

/**
 * summary.csv's tranche metrics (two per tranche of cost.yaml): their names depend on the
 * assumptions, so a tolerance names them by form. Both are numbers (a year, a ratio); an
 * empty year (capex never reaches the tranche) compares exactly, as text.
 */
export const TRANCHE_NAME_FAMILY: NameFamily = {
  prefix: TRANCHE_METRIC_PREFIX,
  help: `a tranche metric is ${Object.values(TRANCHE_METRICS)
    .map(({ suffix }) => `"${TRANCHE_METRIC_PREFIX}<name>${suffix}"`)
    .join(' or ')}, <name> being a tranche's name in cost.yaml.`,
  matches: isTrancheMetric,
};

/** The names a tolerance may be given for, per file: number columns (not row keys), and summary.csv's number metrics and tranche metrics. */
export function tolerableNames(): TolerableNames {
  const numeric = new Map<string, Set<string>>();
  const text = new Map<string, Set<string>>();
  const families = new Map<string, readonly NameFamily[]>();
  for (const shape of checkedTables()) {
    const table = OUTPUT_TABLES.find((t) => t.file === shape.file)!;
    if (shape.rowsAreMetrics) {
      numeric.set(shape.file, new Set(SUMMARY_METRICS.filter((m) => NUMBER_UNITS.has(m.unit)).map((m) => m.metric)));
      text.set(shape.file, new Set(SUMMARY_METRICS.filter((m) => !NUMBER_UNITS.has(m.unit)).map((m) => m.metric)));
      families.set(shape.file, [TRANCHE_NAME_FAMILY]);
    } else {
      const isNumber = (name: string) => !shape.text.has(name) && !shape.key.includes(name);
      numeric.set(shape.file, new Set(table.columns.map((c) => c.name).filter(isNumber)));
      text.set(shape.file, new Set(table.columns.map((c) => c.name).filter((name) => !isNumber(name))));
    }
  }
  return { numeric, text, families };
}
