/** Year-varying assumptions: a single value, or a `by_year` step schedule. */
import type { ByYear } from '../model/inputs.js';

export interface Step {
  year: number;
  value: number;
}

/**
 * One value per horizon year. A schedule is a step function: each year takes
 * the value of the latest listed year at or before it; years before the first
 * listed year take the first value.
 */
export function expandByYear(schedule: number | readonly Step[], firstYear: number, lastYear: number): ByYear {
  const steps = typeof schedule === 'number' ? [{ year: firstYear, value: schedule }] : [...schedule].sort((a, b) => a.year - b.year);
  const values: number[] = [];
  let current = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    while (current + 1 < steps.length && steps[current + 1]!.year <= year) current++;
    values.push(steps[current]!.value);
  }
  return values;
}
