/** Full build-out: when the last phase's first vintage is fully energised, and what is installed then. */
import { at, type Calendar } from './calendar.js';
import { isActiveAt, type Vintage } from './vintages.js';

/** T_full, hours from horizon start: max over phases of vintage 1's (start + ramp). */
export function fullBuildoutHour(vintages: readonly Vintage[]): number {
  let t = -Infinity;
  for (const v of vintages) if (v.vintage === 1) t = Math.max(t, v.startHour + Math.max(0, v.rampHours));
  if (!Number.isFinite(t)) throw new Error('no first vintage: full build-out undefined');
  return t;
}

/** The headline fleet: vintages installed (start <= T_full < end) at T_full. */
export function headlineVintages(vintages: readonly Vintage[], fullHour: number): Vintage[] {
  return vintages.filter((v) => isActiveAt(v, fullHour));
}

/**
 * First full year: the first calendar year starting at or after T_full (the first
 * horizon year if T_full is before the horizon). Beyond the horizon: the last year, flagged.
 */
export function firstFullYearIndex(calendar: Calendar, fullHour: number): { yearIndex: number; beyondHorizon: boolean } {
  for (let y = 0; y < calendar.years; y++) {
    if (at(calendar.yearStartHour, y) >= fullHour) return { yearIndex: y, beyondHorizon: false };
  }
  return { yearIndex: calendar.years - 1, beyondHorizon: true };
}
