/**
 * A ComparisonReport as the files of OUT/compare/, rendered in memory (pure);
 * the CLI writes them with writeOutputTree like every other output. Also the
 * column tables of docs/compare.md, from the same specs.
 */
import { checkAttributionSums } from '../../compare/compareScenarios.js';
import type { ComparisonReport } from '../../compare/types.js';
import type { ColumnInfo } from '../columns.js';
import { csvFile } from '../csv.js';
import { columnTableSection, roundingSection } from '../outputsDoc.js';
import { COMPARE_ROUNDING, MIN_SHARE_DECIMALS } from './decimals.js';
import type { RangeComparison } from '../../compare/ranges.js';
import type { HourlyComparison } from '../../compare/hourly.js';
import {
  HOURLY_COMPARE_TABLE,
  RANGES_TABLE,
  ANNUAL_COMPARE_TABLE,
  assumptionsTable,
  ATTRIBUTION_TABLE,
  compareColumnInfo,
  summaryTable,
  type CompareTable,
  type SummaryCsvRow,
} from './tables.js';

/** The output subdirectory; a scenario cannot take this name. */
export const COMPARE_DIR = 'compare';

/** File name -> content: summary.csv, annual.csv, assumptions.csv, attribution.csv, in that order. */
export function renderComparison(
  report: ComparisonReport,
  ranges: readonly RangeComparison[] = [],
  hourly: readonly HourlyComparison[] = [],
): Map<string, string> {
  const clash = headerClash(report.baseline, report.scenarios);
  if (clash) throw new Error(`compare: ${clash}`);
  // Checked again here, so no writer of a report can skip it.
  checkAttributionSums(report);
  const all = [report.baseline, ...report.scenarios];
  const summaryRows = report.summary.filter((row): row is SummaryCsvRow => row.kind !== 'text');
  return new Map([
    csvFile(summaryTable(report.baseline, report.scenarios), summaryRows),
    csvFile(ANNUAL_COMPARE_TABLE, report.annual),
    csvFile(assumptionsTable(all), report.assumptions),
    csvFile(ATTRIBUTION_TABLE, report.attribution.flatMap((a) => a.rows)),
    // Only when the scenarios were sampled: an empty file would look like a result.
    ...(ranges.length > 0 ? [csvFile(RANGES_TABLE, ranges)] : []),
    ...(hourly.length > 0 ? [csvFile(HOURLY_COMPARE_TABLE, hourly)] : []),
  ]);
}


/**
 * Scenario names become column names; two columns of one file must not share
 * a name (`x_delta` beside a scenario named `x_delta`, or a scenario named
 * `metric`). A message for the user, or undefined when the names fit.
 */
export function headerClash(baseline: string, scenarios: readonly string[]): string | undefined {
  const tables: CompareTable<never>[] = [
    summaryTable(baseline, scenarios) as CompareTable<never>,
    assumptionsTable([baseline, ...scenarios]) as CompareTable<never>,
  ];
  for (const table of tables) {
    const names = table.columns.map((c) => c.name);
    const repeated = names.find((name, i) => names.indexOf(name) !== i);
    if (repeated !== undefined) {
      return `scenario names give ${table.file} two columns named "${repeated}"; rename a scenario file so that no name is "metric", "unit" or "assumption", or another name plus "_delta", "_delta_pct" or "_set_at".`;
    }
  }
  return undefined;
}

export const COMPARE_COLUMNS_START = '<!-- compare-columns:start -->';
export const COMPARE_COLUMNS_END = '<!-- compare-columns:end -->';

/** Markdown for docs/compare.md: each file's columns, scenario columns shown for one scenario. */
export function renderCompareColumnTables(): string {
  const tables: { file: string; description: string; columns: ColumnInfo[] }[] = [
    info(summaryTable('<baseline>', ['<scenario>'])),
    info(ANNUAL_COMPARE_TABLE),
    info(assumptionsTable(['<baseline>', '<scenario>'])),
    info(ATTRIBUTION_TABLE),
    info(RANGES_TABLE),
    info(HOURLY_COMPARE_TABLE),
  ];
  const sections = tables.map((table) => columnTableSection(`compare/${table.file}`, table.description, table.columns));
  const rounding = roundingSection(
    'Decimals of the compare-only units',
    `Every other unit keeps its decimals from docs/outputs.md (Decimals by unit); attribution shares keep at least ${MIN_SHARE_DECIMALS}.`,
    COMPARE_ROUNDING,
  );
  return `\n${[...sections, rounding].join('\n\n')}\n`;
}

function info<Row>(table: CompareTable<Row>) {
  return { file: table.file, description: table.description, columns: table.columns.map((column) => compareColumnInfo(column)) };
}



