/** Plain statistics of hourly series, for the CFE generator tests (the lag correlation is profileStats's own). */
import { autocorrelation } from '../../../src/model/cfe/profileStats.js';

export function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** profileStats's autocorrelation at `lag`, for a series that is not constant. */
export function lagCorrelation(values: Float64Array, lag: number): number {
  const rho = autocorrelation(values, lag);
  if (rho === undefined) throw new Error(`lag ${lag}: the series is constant or shorter than the lag`);
  return rho;
}
