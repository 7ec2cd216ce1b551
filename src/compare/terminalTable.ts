/**
 * The terminal view of a comparison: a few headline metrics and every
 * investment tranche's rows, aligned, in blocks that fit the width (scenario
 * columns wrap to a new block rather than the line wrapping), then one line
 * per scenario on what changed and how its deltas were attributed. The CSVs
 * hold every metric; this is the glance.
 */
import { groupedNumber } from '../model/groupedNumber.js';
import type { SummaryMetric } from '../model/summary.js';
import type { ComparisonReport, ScenarioAttribution, SummaryComparison } from './types.js';

/** What fits, computes, draws, must be procured and emits, plus when and what binds. */
export const HEADLINE_METRICS: readonly SummaryMetric[] = [
  'full_buildout_date',
  'chips',
  'peak_fp8_pflops',
  'delivered_compute_eflop',
  'facility_energy_mwh',
  'effective_pue',
  'clean_nameplate_total_mw',
  'emissions_location_tco2e',
  'binding_constraint',
];

const GAP = '  ';
const grouped = (value: number) => groupedNumber(value, 0);
const ratio = (value: number) => groupedNumber(value, 3, 3);

export function headlineTable(report: ComparisonReport, width = 120): string[] {
  const rows = [
    ...HEADLINE_METRICS.map((metric) => report.summary.find((row) => row.metric === metric)).filter((row): row is SummaryComparison => row !== undefined),
    // Then every investment tranche's rows, in the report's order.
    ...report.summary.filter((row) => row.kind === 'tranche'),
  ];
  const fixed: Column[] = [
    { header: 'metric', cells: rows.map((r) => r.metric), right: false },
    { header: 'unit', cells: rows.map((r) => r.unit), right: false },
    { header: report.baseline, cells: rows.map((r) => valueText(r, r.baseline)), right: true },
  ];
  const perScenario = report.scenarios.map((scenario, i): Column[] => [
    { header: scenario, cells: rows.map((r) => valueText(r, r.scenarios[i]!.value)), right: true },
    { header: 'change', cells: rows.map((r) => changeText(r, i)), right: true },
  ]);

  const blocks: Column[][] = [];
  let current: Column[] = [];
  for (const columns of perScenario) {
    if (current.length > 0 && blockWidth([...fixed, ...current, ...columns]) > width) {
      blocks.push(current);
      current = [];
    }
    current.push(...columns);
  }
  blocks.push(current);

  const lines: string[] = [];
  blocks.forEach((block, b) => {
    if (b > 0) lines.push('');
    lines.push(...renderColumns([...fixed, ...block]));
  });
  return lines;
}

/**
 * Per scenario: how its deltas were split, then its changed assumptions
 * wrapped to the width (at most MAX_LIST_LINES lines, then `+N more`).
 */
export function attributionLines(report: ComparisonReport, width = 120): string[] {
  return report.attribution.flatMap((a) => {
    const count = `${a.factors.length} changed assumption${a.factors.length === 1 ? '' : 's'}`;
    if (a.factors.length === 0) return [`${a.scenario}: no changed assumptions; nothing to attribute`];
    return [`${a.scenario}: ${count}, ${methodText(a)}:`, ...wrapList(a.factors, width)];
  });
}

const MAX_LIST_LINES = 3;
const INDENT = '    ';

function methodText(a: ScenarioAttribution): string {
  const runs = `${a.modelRuns} model run${a.modelRuns === 1 ? '' : 's'}`;
  if (a.method === 'shapley') return `split by exact Shapley values (${runs})`;
  if (a.method === 'sequential') return `split by sequential substitution in file order (${runs})`;
  return 'not split (a mix of them does not run): one row for all changes together';
}

function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = `${item}${i < items.length - 1 ? ',' : ''}`;
    // The last line keeps room for ` (+N more)`.
    const limit = lines.length === MAX_LIST_LINES - 1 ? width - ' (+999 more)'.length : width;
    if (line !== '' && INDENT.length + line.length + 1 + piece.length > limit) {
      if (lines.length === MAX_LIST_LINES - 1) {
        lines.push(`${line} (+${items.length - i} more)`);
        return lines.map((l) => `${INDENT}${l}`);
      }
      lines.push(line);
      line = '';
    }
    line = line === '' ? piece : `${line} ${piece}`;
  }
  lines.push(line);
  return lines.map((l) => `${INDENT}${l}`);
}

interface Column {
  header: string;
  cells: string[];
  right: boolean;
}

function columnWidth(column: Column): number {
  return Math.max(column.header.length, ...column.cells.map((c) => c.length));
}

function blockWidth(columns: readonly Column[]): number {
  return columns.reduce((sum, column, i) => sum + columnWidth(column) + (i > 0 ? GAP.length : 0), 0);
}

function renderColumns(columns: readonly Column[]): string[] {
  const widths = columns.map(columnWidth);
  const line = (texts: readonly string[]) =>
    texts
      .map((t, i) => (columns[i]!.right ? t.padStart(widths[i]!) : t.padEnd(widths[i]!)))
      .join(GAP)
      .trimEnd();
  const rows = columns[0]!.cells.map((_, r) => line(columns.map((c) => c.cells[r]!)));
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...rows];
}

/** A number in its unit; a tranche the scenario lacks is `-`, one its capex never reaches `never`. */
function valueText(row: SummaryComparison, value: number | string): string {
  if (row.kind === 'tranche' && value === 'absent') return '-';
  if (typeof value === 'string') return value;
  if (row.unit === 'year') return String(value);
  return row.unit === 'ratio' ? ratio(value) : grouped(value);
}

/** Delta % for numbers, signed days for a date, signed years for a tranche's year, `changed` for text (and a tranche value that is not a number on one side). */
function changeText(row: SummaryComparison, index: number): string {
  if (row.kind === 'text') return row.scenarios[index]!.value === row.baseline ? '' : 'changed';
  if (row.kind === 'tranche') {
    const cell = row.scenarios[index]!;
    if (cell.delta === null || cell.deltaPct === null) return cell.value === row.baseline ? '' : 'changed';
    if (row.unit === 'year') return cell.delta === 0 ? '0 y' : `${cell.delta > 0 ? '+' : ''}${cell.delta} y`;
    return percentChange(cell.delta, cell.deltaPct);
  }
  const cell = row.scenarios[index]!;
  if (row.kind === 'date') return cell.delta === 0 ? '0 d' : `${cell.delta > 0 ? '+' : ''}${grouped(cell.delta)} d`;
  return percentChange(cell.delta, cell.deltaPct);
}

function percentChange(delta: number, deltaPct: number): string {
  if (delta === 0) return '0.0%';
  const sign = deltaPct > 0 ? '+' : deltaPct < 0 ? '-' : delta > 0 ? '+' : '-';
  return `${sign}${Math.abs(deltaPct).toFixed(1)}%`;
}
