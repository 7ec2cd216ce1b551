/**
 * The model in closed form per year (the fast path for Monte Carlo): everything
 * runModel returns except the hourly series, without an hourly loop.
 *
 * Steps 1-6 and 10-17 are the very functions runModel uses (assemble.ts). Steps 7-9
 * are replaced by:
 *   - energised hours per vintage and year in closed form (energisedHours.ts);
 *   - IT energy = sum_v draw_v,y x EH_v,y; facility = IT x PUE_y + sum_v aux_v x EH_v,y;
 *   - peak facility load per year and peak design load over the horizon, found by
 *     evaluating the hourly load only at the last hour of each segment between
 *     breakpoints (year starts, and each vintage's first hour, ramp end and retirement).
 *     Within a segment every vintage is off, ramping or full throughout, so every term
 *     of the load is non-decreasing in t, and so is their floating-point sum; its
 *     maximum is the segment's last hour. The load at an hour is computed exactly as
 *     the hourly path computes it (same terms, same order), so peaks are bit-identical.
 *   - first peak hour, first violating hour and the count of violating hours: a
 *     binary search inside the one segment where the (monotone) threshold is crossed.
 * Exact whenever PUE does not depend on the hourly load fraction (closedFormIsExact);
 * otherwise both entries fall back to runModel. docs/model.md, "Closed form (fast path)".
 */
import {
  annualFigures,
  assembleResult,
  costRun,
  envelopeRecord,
  fullBuildout,
  prepareRun,
  summaryValues,
  YEAR_FIGURE,
  YEAR_FIGURE_COUNT,
  type PreparedRun,
  type ResultWithoutHourly,
  type YearLoads,
} from './assemble.js';
import { at, makeCalendar, type Calendar } from './calendar.js';
import { COST_FIGURE_COUNT } from './cost/costFigures.js';
import { designLoadMw } from './envelope.js';
import { energisedHoursInYear } from './energisedHours.js';
import { facilityLoadMw, hourSpan, vintageDrawMw } from './energy.js';
import { ENVELOPE_TOLERANCE_MW, envelopeExceededIssue } from './envelopeCheck.js';
import { TECHNOLOGIES, type ModelInputs } from './inputs.js';
import type { ModelIssue } from './issues.js';
import { CLEAN_NAMEPLATE_METRIC, SUMMARY_METRICS, TRANCHE_METRICS, trancheMetricNames, type SummaryMetric } from './summary.js';
import { shareOfCapex } from './cost/tranches.js';
import { runModel } from './runModel.js';
import type { ModelResult } from '../results/types.js';

export type ClosedFormOutcome =
  | { ok: true; result: ResultWithoutHourly; warnings: ModelIssue[] }
  | { ok: false; issues: ModelIssue[]; warnings: ModelIssue[] };

/**
 * True when the closed form reproduces runModel (to rounding): PUE must not depend on
 * the hourly load fraction (partial-load coefficient c = 0). Also false for inputs the
 * loader rejects anyway (negative auxiliary load, annual PUE or power ratio), under which
 * the hourly load need not be monotone between breakpoints.
 */
export function closedFormIsExact(inputs: ModelInputs): boolean {
  if (inputs.facility.partialLoadPueCoefficient > 0) return false;
  if (!(inputs.facility.auxiliaryLoadMw >= 0)) return false;
  for (const x of inputs.facility.annualPue) if (!(x >= 0)) return false;
  for (const x of inputs.utilisation.powerRatio) if (!(x >= 0)) return false;
  for (const c of inputs.chips) if (c.powerRatio !== undefined && !(c.powerRatio >= 0)) return false;
  return true;
}

// ---- scratch (one module-level instance, reused: the closed form is synchronous) -----------------

/** Working arrays of one evaluation, grown as needed and reused, so a call allocates little. */
class Scratch {
  vintageCapacity = 0;
  yearCapacity = 0;
  /** Vintages and years of the current evaluation. */
  V = 0;
  Y = 0;
  /** Per vintage: start hour, ramp hours (0 for none), [h0, h1), rampEnd (hourSpan), P_IT, aux_k. */
  start = new Float64Array(0);
  ramp = new Float64Array(0);
  h0 = new Float64Array(0);
  h1 = new Float64Array(0);
  rampEnd = new Float64Array(0);
  criticalIt = new Float64Array(0);
  aux = new Float64Array(0);
  /** Per vintage x year (index v x Y + y): capped draw, MW; energised hours. */
  draw = new Float64Array(0);
  hours = new Float64Array(0);
  /** Per year: IT MWh, facility MWh, peak facility MW. */
  itEnergy = new Float64Array(0);
  facilityEnergy = new Float64Array(0);
  peakFacility = new Float64Array(0);
  /** Breakpoints (hours): the vintages' own; then merged with the year starts. Per segment: its year, D at its last hour. */
  vintageBreaks = new Float64Array(0);
  breaks = new Float64Array(0);
  segmentYear = new Int32Array(0);
  segmentDesign = new Float64Array(0);
  /** annualFigures and costFigures output of the lean path. */
  figures = new Float64Array(0);
  costFigures = new Float64Array(0);
  /** IT(t), C(t), A(t) of the last loadAt call. */
  it = 0;
  crit = 0;
  auxAt = 0;
  /** Step 9's scan. */
  peakMw = 0;
  peakHour = 0;
  firstViolationHour = -1;
  violationHours = 0;
  worstExcessMw = 0;
  /** The per-year loads handed to the shared steps 10-17: views of the arrays above. */
  readonly loads: YearLoads = {
    itEnergyMwh: this.itEnergy,
    facilityEnergyMwh: this.facilityEnergy,
    peakFacilityMw: this.peakFacility,
    energisedHours: (vi, y) => this.hours[vi * this.Y + y]!,
  };

  ensure(vintages: number, years: number): void {
    this.V = vintages;
    this.Y = years;
    if (vintages > this.vintageCapacity) {
      const n = Math.max(vintages, 2 * this.vintageCapacity, 16);
      this.vintageCapacity = n;
      this.start = new Float64Array(n);
      this.ramp = new Float64Array(n);
      this.h0 = new Float64Array(n);
      this.h1 = new Float64Array(n);
      this.rampEnd = new Float64Array(n);
      this.criticalIt = new Float64Array(n);
      this.aux = new Float64Array(n);
    }
    if (years > this.yearCapacity) {
      const n = Math.max(years, 2 * this.yearCapacity, 16);
      this.yearCapacity = n;
      this.itEnergy = new Float64Array(n);
      this.facilityEnergy = new Float64Array(n);
      this.peakFacility = new Float64Array(n);
      this.figures = new Float64Array(n * YEAR_FIGURE_COUNT);
      this.costFigures = new Float64Array(n * COST_FIGURE_COUNT);
      this.loads.itEnergyMwh = this.itEnergy;
      this.loads.facilityEnergyMwh = this.facilityEnergy;
      this.loads.peakFacilityMw = this.peakFacility;
    }
    if (this.draw.length < this.vintageCapacity * this.yearCapacity) {
      this.draw = new Float64Array(this.vintageCapacity * this.yearCapacity);
      this.hours = new Float64Array(this.vintageCapacity * this.yearCapacity);
    }
    const maxBreaks = 3 * this.vintageCapacity + this.yearCapacity + 1;
    if (this.breaks.length < maxBreaks) {
      this.vintageBreaks = new Float64Array(maxBreaks);
      this.breaks = new Float64Array(maxBreaks);
      this.segmentYear = new Int32Array(maxBreaks);
      this.segmentDesign = new Float64Array(maxBreaks);
    }
  }

  /**
   * IT(t), C(t), A(t) at hour t of year y into it, crit, auxAt, bit for bit as
   * accumulateHourlyLoads builds them: vintages in order, a ramp hour adding draw x r,
   * P_IT x r, aux x r with r = min(1, midpoint fraction), a full hour adding draw, P_IT, aux.
   */
  loadAt(t: number, y: number): void {
    const { h0, h1, rampEnd, start, ramp, draw, criticalIt, aux: auxK, V, Y } = this;
    let it = 0;
    let crit = 0;
    let aux = 0;
    for (let v = 0; v < V; v++) {
      if (t < h0[v]! || t >= h1[v]!) continue;
      const d = draw[v * Y + y]!;
      if (t < rampEnd[v]!) {
        const f = (t + 0.5 - start[v]!) / ramp[v]!;
        const r = f > 1 ? 1 : f;
        it += d * r;
        crit += criticalIt[v]! * r;
        aux += auxK[v]! * r;
      } else {
        it += d;
        crit += criticalIt[v]!;
        aux += auxK[v]!;
      }
    }
    this.it = it;
    this.crit = crit;
    this.auxAt = aux;
  }

  /** D(t) at hour t of year y (designLoadMw of C(t), A(t), as designLoadAtHourMw). */
  designLoadAt(t: number, y: number, designPue: number): number {
    this.loadAt(t, y);
    return designLoadMw(this.crit, designPue, this.auxAt);
  }

  /** First hour in [lo, hi) whose design load is > threshold (strict) or >= threshold; given that it holds at hi - 1 and D is non-decreasing on [lo, hi). */
  firstHourAbove(lo: number, hi: number, y: number, designPue: number, threshold: number, strict: boolean): number {
    let a = lo;
    let b = hi - 1;
    while (a < b) {
      const m = a + Math.floor((b - a) / 2);
      const d = this.designLoadAt(m, y, designPue);
      if (strict ? d > threshold : !(d < threshold)) b = m;
      else a = m + 1;
    }
    return a;
  }
}

const S = new Scratch();

/** makeCalendar, cached per horizon (the calendar is immutable). */
const calendars = new Map<number, Calendar>();
function cachedCalendar(firstYear: number, lastYear: number): Calendar {
  const key = firstYear * 100_000 + lastYear;
  let calendar = calendars.get(key);
  if (calendar === undefined || calendar.firstYear !== firstYear || calendar.lastYear !== lastYear) {
    calendar = makeCalendar(firstYear, lastYear);
    if (calendars.size > 64) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

// ---- the core: steps 7-9 in closed form ---------------------------------------------------------

/**
 * Steps 7-9: fills S (energised hours, per-year energy and peak facility load, the design-load scan).
 * `findPeakHour` false leaves S.peakHour unset: the lean metric vector has no peak date, and the
 * search is a fifth of the work.
 */
function closedFormCore(inputs: ModelInputs, run: PreparedRun, findPeakHour = true): void {
  const { calendar, vintages, limitMw } = run;
  const { facility, utilisation } = inputs;
  const designPue = facility.designPue;
  const H = calendar.totalHours;
  const ys = calendar.yearStartHour;
  const V = vintages.length;
  const Y = calendar.years;
  S.ensure(V, Y);
  const { draw, hours, aux: auxK, vintageBreaks, breaks, segmentYear, segmentDesign, itEnergy, facilityEnergy, peakFacility } = S;

  // 7. Per vintage: span of hours, capped draw per year, energised hours per year (closed form).
  //    Its breakpoints (first hour, ramp end, retirement) go to vintageBreaks.
  let nb = 0;
  for (let v = 0; v < V; v++) {
    const vin = vintages[v]!;
    const span = hourSpan(vin.startHour, vin.endHour, vin.rampHours, H);
    const ramp = vin.rampHours > 0 ? vin.rampHours : 0;
    S.start[v] = vin.startHour;
    S.ramp[v] = ramp;
    S.h0[v] = span.h0;
    S.h1[v] = span.h1;
    S.rampEnd[v] = span.rampEnd;
    S.criticalIt[v] = vin.criticalItMw;
    auxK[v] = vin.auxMw;
    for (let y = 0; y < Y; y++) {
      draw[v * Y + y] = vintageDrawMw(vin, utilisation.powerRatio, y);
      hours[v * Y + y] = energisedHoursInYear(span, vin.startHour, ramp, ys[y]!, ys[y + 1]!);
    }
    if (span.h0 < span.h1) {
      vintageBreaks[nb++] = span.h0;
      if (span.rampEnd > span.h0 && span.rampEnd < span.h1) vintageBreaks[nb++] = span.rampEnd;
      vintageBreaks[nb++] = span.h1;
    }
  }

  // 8. Annual energy: IT = sum_v draw x EH; facility = IT x PUE_y + sum_v aux x EH.
  for (let y = 0; y < Y; y++) {
    let it = 0;
    let aux = 0;
    for (let v = 0; v < V; v++) {
      const eh = hours[v * Y + y]!;
      it += draw[v * Y + y]! * eh;
      aux += auxK[v]! * eh;
    }
    itEnergy[y] = it;
    facilityEnergy[y] = facilityLoadMw(it, at(facility.annualPue, y, 'facility.annualPue'), aux);
    peakFacility[y] = 0;
  }

  // Segments: the vintage breakpoints sorted (insertion sort: a few dozen entries, mostly in
  // order already), merged with the year starts, duplicates dropped. All lie in [0, H].
  for (let i = 1; i < nb; i++) {
    const x = vintageBreaks[i]!;
    let j = i - 1;
    while (j >= 0 && vintageBreaks[j]! > x) {
      vintageBreaks[j + 1] = vintageBreaks[j]!;
      j--;
    }
    vintageBreaks[j + 1] = x;
  }
  let n = 0;
  for (let i = 0, k = 0; i < nb || k <= Y; ) {
    const next = k > Y || (i < nb && vintageBreaks[i]! < ys[k]!) ? vintageBreaks[i++]! : ys[k++]!;
    if (n === 0 || next !== breaks[n - 1]!) breaks[n++] = next;
  }

  // 8-9. Peaks at each segment's last hour: facility load per year, design load over the horizon.
  const violationLimit = limitMw + ENVELOPE_TOLERANCE_MW;
  let peakMw = 0;
  let firstViolationHour = -1;
  let violationHours = 0;
  let worstExcessMw = 0;
  let y = 0;
  const segments = n - 1;
  for (let s = 0; s < segments; s++) {
    const lo = breaks[s]!;
    const hi = breaks[s + 1]!;
    while (ys[y + 1]! <= lo) y++;
    segmentYear[s] = y;
    S.loadAt(hi - 1, y);
    const f = facilityLoadMw(S.it, facility.annualPue[y]!, S.auxAt);
    if (f > peakFacility[y]!) peakFacility[y] = f;
    const d = designLoadMw(S.crit, designPue, S.auxAt);
    segmentDesign[s] = d;
    if (d > peakMw) peakMw = d;
    if (d > violationLimit) {
      const first = S.firstHourAbove(lo, hi, y, designPue, violationLimit, true);
      if (firstViolationHour < 0) firstViolationHour = first;
      violationHours += hi - first;
      if (d - limitMw > worstExcessMw) worstExcessMw = d - limitMw;
    }
  }
  // The first hour within 1e-9 MW of the peak (scanDesignLoad's rule).
  const threshold = peakMw - 1e-9;
  let peakHour = H - 1;
  for (let s = 0; findPeakHour && s < segments; s++) {
    if (!(segmentDesign[s]! < threshold)) {
      peakHour = S.firstHourAbove(breaks[s]!, breaks[s + 1]!, segmentYear[s]!, designPue, threshold, false);
      break;
    }
  }
  S.peakMw = peakMw;
  S.peakHour = peakHour;
  S.firstViolationHour = firstViolationHour;
  S.violationHours = violationHours;
  S.worstExcessMw = worstExcessMw;
}

function violationIssue(inputs: ModelInputs, run: PreparedRun): ModelIssue {
  const t = S.firstViolationHour;
  const { calendar } = run;
  let y = 0;
  while (y < calendar.years - 1 && calendar.yearStartHour[y + 1]! <= t) y++;
  const load = S.designLoadAt(t, y, inputs.facility.designPue);
  return envelopeExceededIssue(run.vintages, S, load, run.limitMw, calendar.firstYear);
}

/**
 * runModel without the hourly series, in closed form per year: fleet, annual and procurement
 * rows, envelope record and summary equal runModel's to rounding (about 1e-13 relative for
 * energies; peaks, dates, the peak hour and the binding constraint identical). Falls back
 * to runModel when the closed form is not exact (closedFormIsExact).
 */
export function runModelClosedForm(inputs: ModelInputs): ClosedFormOutcome {
  if (!closedFormIsExact(inputs)) {
    const outcome = runModel(inputs);
    if (!outcome.ok) return outcome;
    const { hourly: _hourly, ...result } = outcome.result;
    return { ok: true, result, warnings: outcome.warnings };
  }
  const prepared = prepareRun(inputs, cachedCalendar);
  if (!prepared.ok) return prepared;
  const { run, warnings } = prepared;
  closedFormCore(inputs, run);
  if (S.firstViolationHour >= 0) return { ok: false, issues: [violationIssue(inputs, run)], warnings };
  const result = assembleResult(inputs, run, S.loads, S, warnings);
  return { ok: true, result, warnings };
}

// ---- lean entry: a fixed vector of numbers ------------------------------------------------------

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

const SUMMARY_KEYS: readonly SummaryMetric[] = CLOSED_FORM_SUMMARY_METRICS.map((m) => m.metric);

/**
 * The lean entry for Monte Carlo: writes the closedFormMetricLayout vector into `out`
 * (length >= closedFormMetricCount(years)) and returns true; when the model reports an
 * error (envelope exceeded, no critical IT, ...) fills it with NaN and returns false.
 * Same numbers as runModelClosedForm (same functions), without building rows or strings.
 * Falls back to runModel when the closed form is not exact.
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
  const prepared = prepareRun(inputs, cachedCalendar);
  if (!prepared.ok) return fail(out, count);
  const { run, warnings } = prepared;
  closedFormCore(inputs, run, false);
  if (S.firstViolationHour >= 0) return fail(out, count);
  const buildout = fullBuildout(run.calendar, run.vintages, warnings);
  const figures = annualFigures(inputs, run, S.loads, false, S.figures);
  const envelope = envelopeRecord(inputs, run.limitMw, S.peakMw, '', buildout.headline);
  const cost = costRun(inputs, run, figures, S.costFigures);
  const values = summaryValues(run, buildout, figures, envelope, cost, '');
  let k = 0;
  for (let i = 0; i < SUMMARY_KEYS.length; i++) out[k++] = values[SUMMARY_KEYS[i]!] as number;
  // Tranche shares as trancheRows computes them: amounts accumulate in payment order.
  let cumulativeUsd = 0;
  for (const t of tranches) {
    cumulativeUsd += t.amountUsd;
    out[k++] = shareOfCapex(cumulativeUsd, cost.capexFullBuildoutUsd);
  }
  for (let y = 0; y < years; y++) {
    const o = y * YEAR_FIGURE_COUNT;
    for (let i = 0; i < YEAR_METRIC_FIELDS.length; i++) out[k++] = figures[o + YEAR_METRIC_FIELDS[i]!]!;
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
