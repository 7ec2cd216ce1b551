/**
 * Steps 7-9 of the model in closed form per year (the fast path; docs/model.md,
 * "Closed form (fast path)"), from the sized vintages (vintageTable.ts):
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
 * Exact whenever PUE does not depend on the hourly load fraction (closedForm.ts,
 * closedFormIsExact). Used by runModelClosedForm and by the lean closedFormMetrics.
 */
import { at, makeCalendar, type Calendar } from './calendar.js';
import type { YearLoads } from './assemble.js';
import { designLoadMw } from './envelope.js';
import { energisedHoursInYear } from './energisedHours.js';
import { cappedItDrawMw, facilityLoadMw, hourSpan } from './energy.js';
import { ENVELOPE_TOLERANCE_MW } from './envelopeCheck.js';
import type { ModelInputs } from './inputs.js';
import type { VintageTable } from './vintageTable.js';

/** What steps 7-9 leave for steps 10-17: per-year loads and the horizon's design-load scan. */
export interface ClosedFormLoads {
  /** Per-year IT and facility MWh, peak facility MW, energised hours per vintage and year. */
  readonly loads: YearLoads;
  /** Peak design load, MW, and its first hour (unset when not asked for). */
  readonly peakMw: number;
  readonly peakHour: number;
  /** First hour above the envelope limit (+ tolerance), or -1; hours above it; the largest excess, MW. */
  readonly firstViolationHour: number;
  readonly violationHours: number;
  readonly worstExcessMw: number;
  /** Energised hours of vintage v in year index y at v x years + y (what loads.energisedHours reads). */
  readonly energisedHours: Float64Array;
  /** D(t), the design load at hour t of horizon year index y, MW (for the violation message). */
  designLoadAt(t: number, y: number, designPue: number): number;
}

/** Working arrays of one evaluation, grown as needed and reused, so a call allocates little. */
class Scratch implements ClosedFormLoads {
  vintageCapacity = 0;
  yearCapacity = 0;
  /** Vintages and years of the current evaluation. */
  V = 0;
  Y = 0;
  /** The vintages of the current evaluation (start, ramp, P_IT and aux_k are read from it). */
  table: VintageTable | undefined;
  /** Per vintage: [h0, h1) and rampEnd (hourSpan). */
  h0 = new Float64Array(0);
  h1 = new Float64Array(0);
  rampEnd = new Float64Array(0);
  /** Per vintage x year (index v x Y + y): capped draw, MW; energised hours. */
  draw = new Float64Array(0);
  energisedHours = new Float64Array(0);
  /** Per year: IT MWh, facility MWh, peak facility MW. */
  itEnergy = new Float64Array(0);
  facilityEnergy = new Float64Array(0);
  peakFacility = new Float64Array(0);
  /** Breakpoints (hours): the vintages' own; then merged with the year starts. Per segment: its year, D at its last hour. */
  vintageBreaks = new Float64Array(0);
  breaks = new Float64Array(0);
  segmentYear = new Int32Array(0);
  segmentDesign = new Float64Array(0);
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
    energisedHours: (vi, y) => this.energisedHours[vi * this.Y + y]!,
  };

  ensure(vintages: number, years: number): void {
    this.V = vintages;
    this.Y = years;
    if (vintages > this.vintageCapacity) {
      const n = Math.max(vintages, 2 * this.vintageCapacity, 16);
      this.vintageCapacity = n;
      this.h0 = new Float64Array(n);
      this.h1 = new Float64Array(n);
      this.rampEnd = new Float64Array(n);
    }
    if (years > this.yearCapacity) {
      const n = Math.max(years, 2 * this.yearCapacity, 16);
      this.yearCapacity = n;
      this.itEnergy = new Float64Array(n);
      this.facilityEnergy = new Float64Array(n);
      this.peakFacility = new Float64Array(n);
      this.loads.itEnergyMwh = this.itEnergy;
      this.loads.facilityEnergyMwh = this.facilityEnergy;
      this.loads.peakFacilityMw = this.peakFacility;
    }
    if (this.draw.length < this.vintageCapacity * this.yearCapacity) {
      this.draw = new Float64Array(this.vintageCapacity * this.yearCapacity);
      this.energisedHours = new Float64Array(this.vintageCapacity * this.yearCapacity);
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
    const { h0, h1, rampEnd, draw, V, Y } = this;
    const { startHour: start, rampHours: ramp, criticalItMw: criticalIt, auxMw: auxK } = this.table!;
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
export function cachedCalendar(firstYear: number, lastYear: number): Calendar {
  const key = firstYear * 100_000 + lastYear;
  let calendar = calendars.get(key);
  if (calendar === undefined || calendar.firstYear !== firstYear || calendar.lastYear !== lastYear) {
    calendar = makeCalendar(firstYear, lastYear);
    if (calendars.size > 64) calendars.clear();
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * Steps 7-9 for the vintages in `vintages`: energised hours, per-year energy and peak facility
 * load, the design-load scan. The result is this module's scratch, valid until the next call.
 * `findPeakHour` false leaves peakHour unset: the lean metric vector has no peak date, and the
 * search is a fifth of the work.
 */
export function closedFormCore(
  inputs: ModelInputs,
  calendar: Calendar,
  vintages: VintageTable,
  limitMw: number,
  findPeakHour = true,
): ClosedFormLoads {
  const { facility, utilisation } = inputs;
  const designPue = facility.designPue;
  const H = calendar.totalHours;
  const ys = calendar.yearStartHour;
  const V = vintages.count;
  const Y = calendar.years;
  S.ensure(V, Y);
  S.table = vintages;
  const auxK = vintages.auxMw;
  const { draw, energisedHours: hours, vintageBreaks, breaks, segmentYear, segmentDesign, itEnergy, facilityEnergy, peakFacility } = S;

  // 7. Per vintage: span of hours, capped draw per year, energised hours per year (closed form).
  //    Its breakpoints (first hour, ramp end, retirement) go to vintageBreaks.
  //    The fleet's power ratio per year, checked once here rather than per vintage and year.
  const powerRatio = utilisation.powerRatio;
  if (V > 0) at(powerRatio, Y - 1, 'utilisation.powerRatio'); // the last year's entry: an internal error if short
  let nb = 0;
  for (let v = 0; v < V; v++) {
    const startHour = vintages.startHour[v]!;
    const rampHours = vintages.rampHours[v]!;
    const criticalIt = vintages.criticalItMw[v]!;
    const span = hourSpan(startHour, vintages.endHour[v]!, rampHours, H);
    // The ramp is read only for ramp hours, which exist only when rampHours > 0 (hourSpan).
    S.h0[v] = span.h0;
    S.h1[v] = span.h1;
    S.rampEnd[v] = span.rampEnd;
    const chips = vintages.chips[v]!;
    const allInW = vintages.allInW[v]!;
    // The chip's own power ratio, read once (powerRatioFor's rule: it overrides the fleet's by-year value).
    const chipRatio = vintages.chip[v]!.powerRatio;
    for (let y = 0; y < Y; y++) {
      // vintageDrawMw, from the table.
      draw[v * Y + y] = cappedItDrawMw(chips, allInW, chipRatio ?? powerRatio[y]!, criticalIt);
      hours[v * Y + y] = energisedHoursInYear(span, startHour, rampHours, ys[y]!, ys[y + 1]!);
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
  return S;
}

