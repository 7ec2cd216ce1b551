/**
 * Investment tranches against the build (docs/model.md, "Cost", C9): when each tranche's
 * condition is met, when cumulative capex first reaches the cumulative amount paid, and what
 * share of the full build-out capex that amount covers.
 */
import { dateOfHour, yearOfDate } from '../calendar.js';
import { energisedFractionAt, type Vintage } from '../vintages.js';
import type { TrancheRow } from '../../results/cost.js';
import { COST_FIGURE, COST_FIGURE_COUNT } from './costFigures.js';
import type { InvestmentTranche, TrancheCondition } from './types.js';

/** Relative tolerance on "reaches": a sum of phase MW computed in floating point may land a few ulps short. */
const REACH_TOLERANCE = 1e-9;

/** Energised critical IT at an instant (MW): sum over vintages of P_IT x instantaneous fraction (stockAt's rule). */
export function energisedCriticalItMwAt(vintages: readonly Vintage[], instantHour: number): number {
  let mw = 0;
  for (const v of vintages) mw += v.criticalItMw * energisedFractionAt(instantHour, v.startHour, v.endHour, v.rampHours);
  return mw;
}

/**
 * C9a. First instant (hours from the horizon start) at which energised critical IT reaches `mw`,
 * or null when it never does. C(T) is piecewise linear between the vintages' breakpoints (start,
 * ramp end, retirement) and right-continuous at them, so each breakpoint is checked, then the
 * linear piece after it solved for the crossing. `mw <= 0` is met at the first start.
 */
export function criticalItReachedHour(vintages: readonly Vintage[], mw: number): number | null {
  const breaks: number[] = [];
  for (const v of vintages) {
    breaks.push(v.startHour);
    if (v.rampHours > 0) breaks.push(v.startHour + v.rampHours);
    if (Number.isFinite(v.endHour)) breaks.push(v.endHour);
  }
  breaks.sort((a, b) => a - b);
  if (breaks.length === 0) return null;
  if (mw <= 0) return breaks[0]!;
  const threshold = mw - REACH_TOLERANCE * mw;
  for (let i = 0; i < breaks.length; i++) {
    const b = breaks[i]!;
    const c0 = energisedCriticalItMwAt(vintages, b);
    if (c0 >= threshold) return b;
    const next = breaks[i + 1];
    if (next === undefined || next === b) continue;
    // Linear on [b, next): slope from the midpoint (every vintage is off, ramping or full throughout).
    const mid = (b + next) / 2;
    const slope = (energisedCriticalItMwAt(vintages, mid) - c0) / (mid - b);
    if (slope > 0) {
      const t = b + (threshold - c0) / slope;
      if (t < next) return t;
    }
  }
  return null;
}

/** C9b. The calendar year a condition is met: the date's year, or the year energised critical IT first reaches the MW (null: never). */
export function conditionMetYear(condition: TrancheCondition, vintages: readonly Vintage[], firstYear: number): number | null {
  if (condition.kind === 'date') return yearOfDate(condition.date);
  const hour = criticalItReachedHour(vintages, condition.mw);
  return hour === null ? null : yearOfDate(dateOfHour(hour, firstYear));
}

/** C9c. First horizon year whose cumulative capex reaches `amountUsd` (null: none does). */
export function capexReachesYear(costFigures: ArrayLike<number>, firstYear: number, years: number, amountUsd: number): number | null {
  const threshold = amountUsd - REACH_TOLERANCE * Math.abs(amountUsd);
  for (let y = 0; y < years; y++) {
    if (costFigures[y * COST_FIGURE_COUNT + COST_FIGURE.cumulativeCapexUsd]! >= threshold) return firstYear + y;
  }
  return null;
}

/** C9d. Share of the full build-out capex a cumulative amount covers; 0 when that capex is 0. */
export function shareOfCapex(cumulativeUsd: number, capexFullBuildoutUsd: number): number {
  return capexFullBuildoutUsd === 0 ? 0 : cumulativeUsd / capexFullBuildoutUsd;
}

/** The condition as one text cell: `date=YYYY-MM-DD` or `energised_critical_it_mw=<MW>`. */
export function conditionText(condition: TrancheCondition): string {
  return condition.kind === 'date' ? `date=${condition.date}` : `energised_critical_it_mw=${condition.mw}`;
}

/** One row per tranche, in payment order; amounts accumulate in that order. */
export function trancheRows(
  tranches: readonly InvestmentTranche[],
  vintages: readonly Vintage[],
  calendar: { firstYear: number; years: number },
  costFigures: ArrayLike<number>,
  capexFullBuildoutUsd: number,
): TrancheRow[] {
  let cumulative = 0;
  return tranches.map((tranche) => {
    cumulative += tranche.amountUsd;
    return {
      name: tranche.name,
      amountUsd: tranche.amountUsd,
      cumulativeUsd: cumulative,
      condition: conditionText(tranche.condition),
      conditionMetYear: conditionMetYear(tranche.condition, vintages, calendar.firstYear),
      capexExceedsYear: capexReachesYear(costFigures, calendar.firstYear, calendar.years, cumulative),
      shareOfFullBuildoutCapex: shareOfCapex(cumulative, capexFullBuildoutUsd),
    };
  });
}
