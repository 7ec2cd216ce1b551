/**
 * Hourly IT and facility load, and annual energy. Energy uses average
 * quantities (power ratio, annual PUE); sizing used design ones.
 * Hot loop: Float64Arrays, each vintage fills only the hours it touches.
 */
import { at, type Calendar } from './calendar.js';
import type { ChipSpec } from './inputs.js';
import type { Vintage } from './vintages.js';

/** u: average-to-maximum IT power ratio of a chip in a year (chip override, else the fleet value). */
export function powerRatioFor(chip: ChipSpec, powerRatioByYear: readonly number[], yearIndex: number): number {
  return chip.powerRatio ?? at(powerRatioByYear, yearIndex, 'utilisation.powerRatio');
}

/**
 * Average IT draw of a fully energised vintage, MW: min(N x p_max x u / 1e6, P_IT).
 * The cap is power capping: an oversubscribed fleet cannot draw more than its critical IT.
 */
export function cappedItDrawMw(chips: number, allInW: number, powerRatio: number, criticalItMw: number): number {
  return Math.min((chips * allInW * powerRatio) / 1e6, criticalItMw);
}

/** draw_v,y: a vintage's capped average IT draw in horizon year `yearIndex`, MW (cappedItDrawMw at powerRatioFor). */
export function vintageDrawMw(vintage: Vintage, powerRatioByYear: readonly number[], yearIndex: number): number {
  return cappedItDrawMw(vintage.fleet.chips, vintage.fleet.allInW, powerRatioFor(vintage.chip, powerRatioByYear, yearIndex), vintage.criticalItMw);
}

/**
 * The hours a vintage touches on a horizon of `totalHours` hours: [h0, h1) with
 * h0 = max(0, ceil(start)), h1 = min(H, ceil(end)), and rampEnd, the first hour whose
 * midpoint fraction reaches 1 (t + 0.5 - start >= ramp), never below h0; rampEnd = h0
 * without a ramp. Hours in [h0, rampEnd) are ramp hours, [rampEnd, h1) full ones.
 * Shared by the hourly path (accumulateHourlyLoads) and the closed form.
 */
export interface HourSpan {
  h0: number;
  h1: number;
  rampEnd: number;
}

export function hourSpan(startHour: number, endHour: number, rampHours: number, totalHours: number): HourSpan {
  const h0 = Math.max(0, Math.ceil(startHour));
  const h1 = Math.min(totalHours, Number.isFinite(endHour) ? Math.ceil(endHour) : totalHours);
  const rampEnd = rampHours > 0 ? Math.max(h0, Math.ceil(startHour + rampHours - 0.5)) : h0;
  return { h0, h1, rampEnd };
}

/**
 * Partial-load PUE: PUE_annual + c x max(0, 1/l - 1/l_ref), applied only when c > 0 and l > 0;
 * l = IT draw / energised critical IT.
 */
export function partialLoadPue(annualPue: number, coefficient: number, referenceLoad: number, loadFraction: number): number {
  if (!(coefficient > 0) || !(loadFraction > 0)) return annualPue;
  if (!(referenceLoad > 0)) throw new Error(`partial-load reference load ${referenceLoad}: expected > 0`);
  return annualPue + coefficient * Math.max(0, 1 / loadFraction - 1 / referenceLoad);
}

/** Facility load, MW: IT x PUE + auxiliary. */
export function facilityLoadMw(itMw: number, pue: number, auxMw: number): number {
  return itMw * pue + auxMw;
}

/** Hour-by-hour sums over vintages, plus energised hours per vintage and year. */
export interface HourlyLoads {
  /** IT(t) = sum_v capped draw_v,y x r_v(t), MW. */
  itMw: Float64Array;
  /** Energised critical IT, sum_v P_IT,k x r_v(t), MW. */
  criticalItMw: Float64Array;
  /** Energised auxiliary load, sum_v aux_k x r_v(t), MW. */
  auxMw: Float64Array;
  /** energisedHours[v][y] = sum over year y's hours of r_v(t) (full-energisation-equivalent hours). */
  energisedHours: Float64Array[];
}

/**
 * Fill the hourly arrays. drawMw[v][y] is vintage v's capped draw in year y (cappedItDrawMw).
 * Each vintage touches only [max(0, start), min(H, end)); within it, the ramp hours use the
 * midpoint fraction (t + 0.5 - start) / ramp (capped at 1) and the rest a fraction of 1.
 */
export function accumulateHourlyLoads(calendar: Calendar, vintages: readonly Vintage[], drawMw: readonly Float64Array[]): HourlyLoads {
  const H = calendar.totalHours;
  const itMw = new Float64Array(H);
  const criticalItMw = new Float64Array(H);
  const auxMw = new Float64Array(H);
  const energisedHours: Float64Array[] = [];
  vintages.forEach((v, vi) => {
    const hours = new Float64Array(calendar.years);
    energisedHours.push(hours);
    const draws = drawMw[vi];
    if (!draws) throw new Error(`vintage ${v.phase}/${v.vintage}: no draw`);
    const { h0, h1, rampEnd } = hourSpan(v.startHour, v.endHour, v.rampHours, H);
    if (h0 >= h1) return;
    const ramp = v.rampHours > 0 ? v.rampHours : 0;
    const pIt = v.criticalItMw;
    const aux = v.auxMw;
    for (let y = 0; y < calendar.years; y++) {
      const ys = at(calendar.yearStartHour, y);
      const ye = at(calendar.yearStartHour, y + 1);
      const a = Math.max(h0, ys);
      const b = Math.min(h1, ye);
      if (a >= b) continue;
      const draw = at(draws, y);
      let sum = 0;
      const rampStop = Math.min(b, rampEnd);
      for (let t = a; t < rampStop; t++) {
        const f = (t + 0.5 - v.startHour) / ramp;
        const r = f > 1 ? 1 : f;
        itMw[t]! += draw * r;
        criticalItMw[t]! += pIt * r;
        auxMw[t]! += aux * r;
        sum += r;
      }
      for (let t = Math.max(a, rampEnd); t < b; t++) {
        itMw[t]! += draw;
        criticalItMw[t]! += pIt;
        auxMw[t]! += aux;
      }
      sum += Math.max(0, b - Math.max(a, rampEnd));
      hours[y] = sum;
    }
  });
  return { itMw, criticalItMw, auxMw, energisedHours };
}

export interface YearEnergy {
  itEnergyMwh: number;
  facilityEnergyMwh: number;
  peakFacilityMw: number;
}

/**
 * Facility load F(t) = IT(t) x PUE(t) + aux(t), with PUE(t) from partialLoadPue at
 * l(t) = IT(t) / energised critical IT(t); annual sums of hourly MW x 1 h.
 */
export function facilityLoads(
  calendar: Calendar,
  loads: HourlyLoads,
  annualPue: readonly number[],
  coefficient: number,
  referenceLoad: number,
): { facilityMw: Float64Array; years: YearEnergy[] } {
  const facilityMw = new Float64Array(calendar.totalHours);
  const { itMw, criticalItMw, auxMw } = loads;
  const years: YearEnergy[] = [];
  for (let y = 0; y < calendar.years; y++) {
    const pue = at(annualPue, y, 'facility.annualPue');
    const ys = at(calendar.yearStartHour, y);
    const ye = at(calendar.yearStartHour, y + 1);
    let itSum = 0;
    let facilitySum = 0;
    let peak = 0;
    for (let t = ys; t < ye; t++) {
      const it = itMw[t]!;
      const crit = criticalItMw[t]!;
      const p = coefficient > 0 && crit > 0 ? partialLoadPue(pue, coefficient, referenceLoad, it / crit) : pue;
      const f = facilityLoadMw(it, p, auxMw[t]!);
      facilityMw[t] = f;
      itSum += it;
      facilitySum += f;
      if (f > peak) peak = f;
    }
    years.push({ itEnergyMwh: itSum, facilityEnergyMwh: facilitySum, peakFacilityMw: peak });
  }
  return { facilityMw, years };
}

/** Effective PUE = facility / IT energy; 0 when there is no IT energy. */
export function effectivePue(facilityEnergyMwh: number, itEnergyMwh: number): number {
  return itEnergyMwh > 0 ? facilityEnergyMwh / itEnergyMwh : 0;
}

/** Average facility load over a year, MW: facility MWh / hours. */
export function averageMw(energyMwh: number, hours: number): number {
  return hours > 0 ? energyMwh / hours : 0;
}
