/**
 * Rounding of the compare files: every unit of the model's outputs keeps its
 * decimals from decimals.ts; the two units only comparisons have are added
 * here rather than in the shared rule, which describes the model's outputs.
 */
import { decimalsForUnit, type UnitRounding } from '../decimals.js';

export const DAYS_UNIT = 'days';
export const PCT_UNIT = '%';

export const COMPARE_ROUNDING: readonly UnitRounding[] = [
  { unit: DAYS_UNIT, decimals: 0, resolution: '1 day (a date delta; dates are whole UTC days)' },
  { unit: PCT_UNIT, decimals: 4, resolution: '1e-4 percentage points (1 ppm of the baseline, as ratios)' },
];

/**
 * Attribution shares carry at least this many decimals: a whole-number change
 * (chips, servers, days) splits into halves and thirds when factors interact,
 * and rounding those to whole units would make the rows visibly not add up.
 */
export const MIN_SHARE_DECIMALS = 3;

const DECIMALS = new Map(COMPARE_ROUNDING.map((rule) => [rule.unit, rule.decimals]));

export function compareDecimals(unit: string, what: string): number {
  return DECIMALS.get(unit) ?? decimalsForUnit(unit, what);
}
