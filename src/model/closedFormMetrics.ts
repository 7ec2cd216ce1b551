/**
 * The Monte Carlo's lean entry: the model's numbers for one set of inputs as a
 * fixed vector (closedFormMetricLayout), in closed form, without rows, strings
 * or objects per call. 10,000 samples a run make the cost per call the run's
 * cost: a sample is sized straight into a reused table of numbers
 * (leanSizing.ts), steps 7-9 are closedFormCore.ts, and steps 10-17 call the
 * functions the full result is assembled with (yearFigures, costRun,
 * summaryNumbers in assemble.ts) on the table. A test checks every entry
 * equals runModelClosedForm's result bit for bit on random inputs.
 */
import { costRun, emptyTotals, headlineTotals, summaryNumbers, SUMMARY_INDEX, technologyShares, YEAR_FIGURE, YEAR_FIGURE_COUNT, yearFigures, type HeadlineTotals, type ResultWithoutHourly } from './assemble.js';
import { firstFullYearIndex } from './buildout.js';
import { at, hoursOfYearIndex } from './calendar.js';
import { closedFormIsExact } from './closedForm.js';
import { cachedCalendar, closedFormCore } from './closedFormCore.js';
import { deliveredComputeEflop, tflopsAtPrecision } from './compute.js';
import { COST_FIGURE_COUNT } from './cost/costFigures.js';
import { shareOfCapex } from './cost/tranches.js';
import { envelopeMarginMw } from './envelopeCheck.js';
import { TECHNOLOGIES, type ModelInputs } from './inputs.js';
import { sizeVintagesLean, type EnvelopeLimit } from './leanSizing.js';
import { runModel } from './runModel.js';
import { packagingLeftoverMw } from './sizing.js';
import { CLEAN_NAMEPLATE_METRIC, SUMMARY_METRICS, TRANCHE_METRICS, trancheMetricNames } from './summary.js';
import { VintageTable } from './vintageTable.js';
import type { ModelResult } from '../results/types.js';

/** Summary metrics with numeric values (full_buildout_date and binding_constraint are text), in SUMMARY_METRICS order. */
export const CLOSED_FORM_SUMMARY_METRICS = SUMMARY_METRICS.filter((m) => m.unit !== 'date' && m.unit !== '');

/** Per-year metrics, in order, repeated for every horizon year after the summary block. */
export const CLOSED_FORM_YEAR_METRICS: readonly { metric: string; unit: string }[] = [
  { metric: 'it_energy_mwh', unit: 'MWh' },
  { metric: 'facility_energy_mwh', unit: 'MWh' },
  { metric: 'clean_energy_target_mwh', unit: 'MWh' },
  { metric: 'new_clean_energy_mwh', unit: 'MWh' },
  ...TECHNOLOGIES.map((t) => ({ metric: CLEAN_NAMEPLATE_METRIC[t], unit: 'MW' })),
  { metric: 'emissions_location_tco2e', unit: 'tCO2e' },
  { metric: 'emissions_market_tco2e', unit: 'tCO2e' },
];

/** Per-year block: the annualFigures field behind each CLOSED_FORM_YEAR_METRICS entry. */
const YEAR_METRIC_FIELDS: readonly number[] = [
  YEAR_FIGURE.itEnergyMwh,
  YEAR_FIGURE.facilityEnergyMwh,
  YEAR_FIGURE.cleanEnergyTargetMwh,
  YEAR_FIGURE.newCleanEnergyMwh,
  ...TECHNOLOGIES.map((_, i) => YEAR_FIGURE.nameplateMw + i),
  YEAR_FIGURE.emissionsLocationTco2e,
  YEAR_FIGURE.emissionsMarketTco2e,
];

/** One entry of the lean metric vector. */
export interface ClosedFormMetric {
  metric: string;
  unit: string;
  /** 'all' for a summary metric, else the calendar year. */
  year: number | 'all';
}

/** Length of the lean metric vector for a horizon of `years` years and `tranches` investment tranches. */
export function closedFormMetricCount(years: number, tranches = 0): number {
  return CLOSED_FORM_SUMMARY_METRICS.length + tranches + years * CLOSED_FORM_YEAR_METRICS.length;
}

/**
 * The layout closedFormMetrics writes: CLOSED_FORM_SUMMARY_METRICS (year 'all'); then each
 * tranche's share of the full build-out capex (`tranche_<name>_share_of_full_buildout_capex`,
 * year 'all', payment order); then for each horizon year in order the CLOSED_FORM_YEAR_METRICS
 * block. Entry of metric k of year index y: CLOSED_FORM_SUMMARY_METRICS.length + tranches +
 * y x CLOSED_FORM_YEAR_METRICS.length + k. A tranche's year (`..._capex_exceeds_year`) is not
 * in the vector: capex may never reach a tranche within the horizon, and "never" has no percentile.
 */
export function closedFormMetricLayout(horizon: ModelInputs['horizon'], tranches: readonly { name: string }[] = []): ClosedFormMetric[] {
  const layout: ClosedFormMetric[] = CLOSED_FORM_SUMMARY_METRICS.map((m) => ({ metric: m.metric, unit: m.unit, year: 'all' }));
  for (const t of tranches) {
    layout.push({ metric: trancheMetricNames(t.name).shareOfFullBuildoutCapex, unit: TRANCHE_METRICS.shareOfFullBuildoutCapex.unit, year: 'all' });
  }
  for (let year = horizon.firstYear; year <= horizon.lastYear; year++) {
    for (const m of CLOSED_FORM_YEAR_METRICS) layout.push({ metric: m.metric, unit: m.unit, year });
  }
  return layout;
}

/** Where each CLOSED_FORM_SUMMARY_METRICS entry sits in summaryNumbers' output. */
const SUMMARY_POSITIONS: readonly number[] = CLOSED_FORM_SUMMARY_METRICS.map((m) => SUMMARY_INDEX[m.metric]);

/** Reused per call (the model is synchronous): the sized vintages, step 2's limit, the year, cost and summary figures. */
const table = new VintageTable();
const limit: EnvelopeLimit = { limitMw: 0, poiEquivalentMw: 0 };
const totals: HeadlineTotals = emptyTotals();
const envelope = { limitMw: 0, peakDesignLoadMw: 0, marginMw: 0, packagingMarginMw: 0 };
const summary = new Float64Array(SUMMARY_METRICS.length);
let figures = new Float64Array(0);
let costFigures = new Float64Array(0);
/** Per technology (TECHNOLOGIES order): energy share and capacity factor. */
const shares = new Float64Array(TECHNOLOGIES.length);
const capacityFactors = new Float64Array(TECHNOLOGIES.length);
/** Per vintage: the chip's peak TFLOP/s at the precision MFU is quoted against. */
let tflops = new Float64Array(16);

/**
 * Writes the closedFormMetricLayout vector of `inputs` into `out` (length >=
 * closedFormMetricCount(years, tranches)) and returns true; when the model reports an
 * error (envelope exceeded, no critical IT, ...) fills it with NaN and returns false.
 * The same numbers as runModelClosedForm's result. Falls back to runModel when the
 * closed form is not exact.
 */
export function closedFormMetrics(inputs: ModelInputs, out: Float64Array): boolean {
  const years = inputs.horizon.lastYear - inputs.horizon.firstYear + 1;
  const tranches = inputs.cost.tranches;
  const count = closedFormMetricCount(years, tranches.length);
  if (out.length < count) throw new Error(`closedFormMetrics: out has ${out.length} entries, expected >= ${count}`);
  if (!closedFormIsExact(inputs)) {
    const outcome = runModel(inputs);
    if (!outcome.ok) return fail(out, count);
    writeMetricsFromResult(outcome.result, out);
    return true;
  }
  // 1-6. Calendar, envelope limit, phase budgets, vintages sized (prepareRun's steps, into the table).
  if (inputs.phases.length === 0) return fail(out, count);
  const calendar = cachedCalendar(inputs.horizon.firstYear, inputs.horizon.lastYear);
  if (!sizeVintagesLean(inputs, table, limit)) return fail(out, count);
  const V = table.count;
  // 7-9. Energy per year and the design-load scan (no peak hour: the vector has no dates).
  const core = closedFormCore(inputs, calendar, table, limit.limitMw, false);
  if (core.firstViolationHour >= 0) return fail(out, count);

  // 10. T_full (fullBuildoutHour), the first full year, the headline fleet's totals.
  let fullHour = -Infinity;
  for (let v = 0; v < V; v++) if (table.vintage[v] === 1) fullHour = Math.max(fullHour, table.startHour[v]! + Math.max(0, table.rampHours[v]!));
  if (!Number.isFinite(fullHour)) throw new Error('no first vintage: full build-out undefined');
  const fullYearIndex = firstFullYearIndex(calendar, fullHour).yearIndex;
  headlineTotals(table, fullHour, totals);
  // Step 15's packaging margin over the same headline vintages (packagingMarginMw's sum).
  const o = inputs.utilisation.oversubscriptionRatio;
  let packagingMarginMw = 0;
  for (let v = 0; v < V; v++) {
    if (fullHour >= table.startHour[v]! && fullHour < table.endHour[v]!) packagingMarginMw += packagingLeftoverMw(table.criticalItMw[v]!, table.deployedItMw[v]!, o);
  }

  // 11-14. Year figures (no end-of-year stock: the vector does not hold it), delivered compute summed over vintages.
  if (figures.length < years * YEAR_FIGURE_COUNT) {
    figures = new Float64Array(years * YEAR_FIGURE_COUNT);
    costFigures = new Float64Array(years * COST_FIGURE_COUNT);
  }
  if (tflops.length < V) tflops = new Float64Array(2 * V);
  for (let v = 0; v < V; v++) tflops[v] = tflopsAtPrecision(table.chip[v]!, inputs.utilisation.mfuPrecision);
  technologyShares(inputs.procurement, shares, capacityFactors);
  const hours = core.energisedHours;
  for (let y = 0; y < years; y++) {
    const mfu = at(inputs.utilisation.modelFlopsUtilisation, y, 'utilisation.modelFlopsUtilisation');
    let eflop = 0;
    for (let v = 0; v < V; v++) eflop += deliveredComputeEflop(table.chips[v]! * hours[v * years + y]!, tflops[v]!, mfu);
    yearFigures(inputs, y, hoursOfYearIndex(calendar, y), core.loads, eflop, shares, capacityFactors, figures);
  }

  // 15-17. Envelope numbers, cost, summary.
  envelope.limitMw = limit.limitMw;
  envelope.peakDesignLoadMw = core.peakMw;
  envelope.marginMw = envelopeMarginMw(limit.limitMw, core.peakMw);
  envelope.packagingMarginMw = packagingMarginMw;
  const cost = costRun(inputs, { calendar, table }, figures, costFigures);
  summaryNumbers(summary, calendar.firstYear, limit.poiEquivalentMw, fullYearIndex, totals, figures, envelope, cost);

  let k = 0;
  for (let i = 0; i < SUMMARY_POSITIONS.length; i++) out[k++] = summary[SUMMARY_POSITIONS[i]!]!;
  // Tranche shares as trancheRows computes them: amounts accumulate in payment order.
  let cumulativeUsd = 0;
  for (const t of tranches) {
    cumulativeUsd += t.amountUsd;
    out[k++] = shareOfCapex(cumulativeUsd, cost.capexFullBuildoutUsd);
  }
  for (let y = 0; y < years; y++) {
    const f = y * YEAR_FIGURE_COUNT;
    for (let i = 0; i < YEAR_METRIC_FIELDS.length; i++) out[k++] = figures[f + YEAR_METRIC_FIELDS[i]!]!;
  }
  return true;
}

function fail(out: Float64Array, count: number): false {
  out.fill(Number.NaN, 0, count);
  return false;
}

/** The closedFormMetricLayout vector read off a full result (runModel's or runModelClosedForm's). */
export function writeMetricsFromResult(result: ResultWithoutHourly | ModelResult, out: Float64Array): void {
  let k = 0;
  const numberOf = (metric: string) => {
    const value = result.summary.find((r) => r.metric === metric)?.value;
    return typeof value === 'number' ? value : Number.NaN;
  };
  for (const m of CLOSED_FORM_SUMMARY_METRICS) out[k++] = numberOf(m.metric);
  for (const t of result.tranches) out[k++] = numberOf(trancheMetricNames(t.name).shareOfFullBuildoutCapex);
  result.annual.forEach((row, y) => {
    out[k++] = row.itEnergyMwh;
    out[k++] = row.facilityEnergyMwh;
    out[k++] = row.cleanEnergyTargetMwh;
    out[k++] = row.newCleanEnergyMwh;
    for (let i = 0; i < TECHNOLOGIES.length; i++) out[k++] = result.procurement[y * TECHNOLOGIES.length + i]!.nameplateMw;
    out[k++] = row.emissionsLocationTco2e;
    out[k++] = row.emissionsMarketTco2e;
  });
}
