/**
 * Latin-hypercube sampling on the unit cube.
 *
 * Each input gets one column of n uniforms with exactly one value in each
 * stratum [k/n, (k+1)/n): the strata are visited in a random order
 * (Fisher-Yates shuffle) and the position inside each stratum is random.
 * Every marginal is therefore covered evenly, which is what makes the
 * percentiles of a closed-form model converge faster than plain Monte Carlo.
 */
import { randomPermutation } from './permutation.js';
import { drawUniforms, type Rng } from './rng.js';

/** Views of one double's bits, for stepping down one ulp (a rare boundary case only). */
const scratch = new Float64Array(1);
const scratchBits = new BigInt64Array(scratch.buffer);

/** The largest double strictly below a positive finite x. */
function below(x: number): number {
  scratch[0] = x;
  scratchBits[0]! -= 1n;
  return scratch[0]!;
}

/**
 * n x inputs Latin-hypercube uniforms, as one Float64Array column per input.
 * Values lie in the open interval (0, 1): quantile functions of unbounded
 * distributions (normal, lognormal) are infinite at 0 and 1, and a single
 * infinite sample would turn sums and percentiles into Infinity or NaN.
 *
 * The rng is consumed in a fixed order (per input: the shuffle, then one
 * position per stratum), so the columns are a deterministic function of the
 * seed.
 */
export function latinHypercube(samples: number, inputs: number, rng: Rng): Float64Array[] {
  if (!Number.isSafeInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  if (!Number.isSafeInteger(inputs) || inputs < 0) throw new RangeError(`inputs must be a non-negative integer, got ${inputs}`);
  const strata = new Uint32Array(samples);
  // One input's draws, in the order they are consumed: n - 1 for the shuffle, then n positions.
  const draws = new Float64Array(2 * samples - 1);
  const columns = Array.from({ length: inputs }, () => new Float64Array(samples));
  for (let j = 0; j < inputs; j++) {
    drawUniforms(rng, draws, draws.length);
    // A uniformly random order of the strata, from the first n - 1 draws.
    randomPermutation(strata, draws);
    const column = columns[j]!;
    for (let s = 0, q = samples - 1; s < samples; s++, q++) {
      const k = strata[s]!;
      const position = draws[q]!;
      let u = (k + position) / samples;
      if (position > 0.999999 || position === 0) {
        // Rounding can carry a position within an ulp of 1 onto the next stratum's
        // edge (for k = n - 1, onto 1 itself): step back inside the stratum.
        const upper = (k + 1) / samples;
        if (u >= upper) u = below(upper);
        // Position exactly 0 in the first stratum (probability 2^-53): move just inside.
        if (u <= 0) u = upper * 2 ** -53;
      }
      column[s] = u;
    }
  }
  return columns;
}
