/**
 * `gwplan compare`'s core: evaluated scenarios in, a ComparisonReport out.
 * Pure (the model runs it calls are pure too); the writers render the report.
 * Every delta and delta_pct comes from delta.ts, the one definition.
 */
import { TECHNOLOGIES } from '../model/inputs.js';
import { CLEAN_NAMEPLATE_METRIC, isTrancheMetric, SUMMARY_METRICS } from '../model/summary.js';
import type { AnnualRow, ModelResult } from '../results/types.js';
// annual.csv's column specs are the one list of its numeric columns and their units.
import { ANNUAL_TABLE } from '../writers/tables/annual.js';
import { diffAssumptions } from './assumptions.js';
import { attributeScenario } from './attribution.js';
import { delta, deltaPct } from './delta.js';
import { DATE_UNIT, daysFrom, numericMetrics, summaryValue } from './metrics.js';
import { MAX_EXACT_FACTORS } from './split.js';
import type { AnnualComparison, ComparisonReport, NoValue, ScenarioRun, SummaryComparison, TrancheCell } from './types.js';

/** Compare every run but `baseline` with it, in the order given. Names must be unique; `baseline` must be one of them. */
export function compareScenarios(runs: readonly ScenarioRun[], baseline: string): ComparisonReport {
  const names = runs.map((run) => run.name);
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  if (repeated.length > 0) throw new Error(`compare: scenario names must be unique; repeated: ${[...new Set(repeated)].join(', ')}`);
  const base = runs.find((run) => run.name === baseline);
  if (!base) throw new Error(`compare: no baseline scenario "${baseline}" among ${names.join(', ')}`);
  const others = runs.filter((run) => run.name !== baseline);
  const firstYear = base.scenario.inputs.horizon.firstYear;

  const metrics = numericMetrics(base.result);
  const attribution = others.map((run) => attributeScenario(base, run, { metrics, firstYear }));
  const report: ComparisonReport = {
    baseline,
    scenarios: others.map((run) => run.name),
    summary: compareSummary(base, others),
    annual: compareAnnual(base, others),
    assumptions: diffAssumptions([base, ...others]),
    attribution,
    // A fallback forced by a mix that does not run deserves a warning; more than 8 factors is the documented rule.
    warnings: attribution
      .filter((a) => a.method === 'together' || (a.method === 'sequential' && a.factors.length <= MAX_EXACT_FACTORS))
      .map((a) => `gwplan compare: scenario "${a.scenario}": ${a.reason}.`),
  };
  checkAttributionSums(report);
  return report;
}

function compareSummary(base: ScenarioRun, others: readonly ScenarioRun[]): SummaryComparison[] {
  return [...compareFixedMetrics(base, others), ...compareTrancheMetrics(base, others)];
}

function compareFixedMetrics(base: ScenarioRun, others: readonly ScenarioRun[]): SummaryComparison[] {
  const firstYear = base.scenario.inputs.horizon.firstYear;
  return SUMMARY_METRICS.map(({ metric, unit }): SummaryComparison => {
    const baseValue = summaryValue(base.result, metric);
    if (unit === DATE_UNIT) {
      // Days from the baseline's horizon start, so delta_pct says how much later relative to how long the baseline takes.
      const baselineDays = daysFrom(firstYear, String(baseValue));
      return {
        kind: 'date',
        metric,
        unit,
        baseline: String(baseValue),
        baselineDays,
        scenarios: others.map((run) => {
          const value = String(summaryValue(run.result, metric));
          const days = daysFrom(firstYear, value);
          return { scenario: run.name, value, delta: delta(baselineDays, days), deltaPct: deltaPct(baselineDays, days) };
        }),
      };
    }
    if (typeof baseValue === 'string') {
      return { kind: 'text', metric, unit, baseline: baseValue, scenarios: others.map((run) => ({ scenario: run.name, value: String(summaryValue(run.result, metric)) })) };
    }
    return {
      kind: 'number',
      metric,
      unit,
      baseline: baseValue,
      scenarios: others.map((run) => {
        const value = summaryValue(run.result, metric);
        if (typeof value !== 'number') throw new Error(`compare: summary metric ${metric} is a number for the baseline but "${value}" for "${run.name}"`);
        return { scenario: run.name, value, delta: delta(baseValue, value), deltaPct: deltaPct(baseValue, value) };
      }),
    };
  });
}

/**
 * The tranche rows of every scenario's summary (tranches differ between cost.yamls): the
 * baseline's, then each other scenario's not seen yet, in the order they appear. A scenario
 * lacking a tranche, or whose capex never reaches it (''), gets no number and no delta.
 */
function compareTrancheMetrics(base: ScenarioRun, others: readonly ScenarioRun[]): SummaryComparison[] {
  const units = new Map<string, string>();
  for (const run of [base, ...others]) {
    for (const row of run.result.summary) if (isTrancheMetric(row.metric) && !units.has(row.metric)) units.set(row.metric, row.unit);
  }
  return [...units].map(([metric, unit]): SummaryComparison => {
    const baseline = trancheValue(base, metric);
    return {
      kind: 'tranche',
      metric,
      unit,
      baseline,
      scenarios: others.map((run): TrancheCell => {
        const value = trancheValue(run, metric);
        if (typeof baseline !== 'number' || typeof value !== 'number') return { scenario: run.name, value, delta: null, deltaPct: null };
        return { scenario: run.name, value, delta: delta(baseline, value), deltaPct: deltaPct(baseline, value) };
      }),
    };
  });
}

/** A tranche metric's number in a scenario, or why it has none. */
function trancheValue(run: ScenarioRun, metric: string): number | NoValue {
  const row = run.result.summary.find((r) => r.metric === metric);
  if (row === undefined) return 'absent';
  if (typeof row.value === 'number') return row.value;
  if (row.value === '') return 'never';
  throw new Error(`compare: tranche metric ${metric} of "${run.name}" is text ("${row.value}"); expected a number or '' (internal fault)`);
}

/** A numeric annual metric: a column of annual.csv, or a technology's nameplate from procurement. */
interface AnnualMetric {
  metric: string;
  unit: string;
  get(result: ModelResult, row: AnnualRow): number;
}

const ANNUAL_METRICS: readonly AnnualMetric[] = [
  ...ANNUAL_TABLE.columns.flatMap((column): AnnualMetric[] =>
    column.kind === 'number' && column.name !== 'year' ? [{ metric: column.name, unit: column.unit, get: (_result, row) => column.get(row) }] : [],
  ),
  ...TECHNOLOGIES.map(
    (technology): AnnualMetric => ({
      metric: CLEAN_NAMEPLATE_METRIC[technology],
      unit: 'MW',
      get: (result, row) => result.procurement.find((p) => p.year === row.year && p.technology === technology)?.nameplateMw ?? 0,
    }),
  ),
];

/**
 * Long format, baseline rows first (delta 0), then each scenario over its own
 * horizon. A year the baseline's horizon lacks is compared with 0.
 */
function compareAnnual(base: ScenarioRun, others: readonly ScenarioRun[]): AnnualComparison[] {
  const baseRows = new Map(base.result.annual.map((row) => [row.year, row]));
  const rows: AnnualComparison[] = [];
  for (const run of [base, ...others]) {
    for (const row of run.result.annual) {
      const baseRow = baseRows.get(row.year);
      for (const { metric, unit, get } of ANNUAL_METRICS) {
        const value = get(run.result, row);
        const reference = baseRow ? get(base.result, baseRow) : 0;
        rows.push({ scenario: run.name, year: row.year, metric, unit, value, delta: delta(reference, value), deltaPct: deltaPct(reference, value) });
      }
    }
  }
  return rows;
}

/**
 * Contributions for a scenario and metric must sum to the delta in summary.csv
 * (to rounding). A failure is a bug, caught here before anything is written.
 */
export function checkAttributionSums(report: ComparisonReport): void {
  for (const row of report.summary) {
    // Text and tranche metrics are not attributed (attribution covers numericMetrics, from SUMMARY_METRICS).
    if (row.kind === 'text' || row.kind === 'tranche') continue;
    for (const cell of row.scenarios) {
      const shares = report.attribution.find((a) => a.scenario === cell.scenario)?.rows.filter((r) => r.metric === row.metric) ?? [];
      const sum = shares.reduce((acc, r) => acc + r.contribution, 0);
      if (Math.abs(sum - cell.delta) > 1e-6 * Math.max(1, Math.abs(cell.delta))) {
        throw new Error(`compare: the attribution of ${row.metric} for "${cell.scenario}" sums to ${sum}, but its delta is ${cell.delta}`);
      }
    }
  }
}
