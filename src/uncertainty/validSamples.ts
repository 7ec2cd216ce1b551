/**
 * The samples the statistics use: those whose first metric is not NaN (the
 * model rejected the others' inputs, and they are left out of every statistic).
 */

export interface ValidSamples {
  /** 1 for a valid sample, 0 for an invalid one. */
  mask: Uint8Array;
  count: number;
  /** Each sample's index among the valid ones (-1 for an invalid one); undefined when all are valid. */
  index: Int32Array | undefined;
}

/** Which of the n samples are valid, judged by `first` (all of them when there is no metric). */
export function validSamples(first: Float64Array | undefined, n: number): ValidSamples {
  const mask = new Uint8Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    mask[s] = first === undefined || !Number.isNaN(first[s]!) ? 1 : 0;
    count += mask[s]!;
  }
  if (count === n) return { mask, count, index: undefined };
  const index = new Int32Array(n);
  let k = 0;
  for (let s = 0; s < n; s++) index[s] = mask[s] ? k++ : -1;
  return { mask, count, index };
}

/** The values of the valid samples, in sample order (the column itself when all are valid). */
export function compact(values: Float64Array, valid: ValidSamples): Float64Array {
  if (valid.count === values.length) return values;
  const out = new Float64Array(valid.count);
  let k = 0;
  for (let s = 0; s < valid.mask.length; s++) if (valid.mask[s]) out[k++] = values[s]!;
  return out;
}
