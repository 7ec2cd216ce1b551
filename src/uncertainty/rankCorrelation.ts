/**
 * Spearman rank correlations of metrics with the uncertain inputs, from
 * centred ranks: each coefficient is one dot product.
 */
import { gather, ranksFromOrder, sortOrder } from './statistics.js';

/** Average ranks with their mean (n + 1) / 2 subtracted, and the root of their sum of squares. */
export interface CentredRanks {
  ranks: Float64Array;
  norm: number;
}

/** Centres average ranks in place (ranks from ranksFromOrder). */
export function centre(ranks: Float64Array): CentredRanks {
  const middle = (ranks.length + 1) / 2;
  let squares = 0;
  for (let i = 0; i < ranks.length; i++) {
    const d = ranks[i]! - middle;
    ranks[i] = d;
    squares += d * d;
  }
  return { ranks, norm: Math.sqrt(squares) };
}

/** Centred average ranks of values (not NaN). */
export function centredRanks(values: ArrayLike<number>): CentredRanks {
  const order = sortOrder(values);
  return centre(ranksFromOrder(order, gather(values, order)));
}

/**
 * Spearman's rho of every metric with every input: result[m][j] is the
 * Pearson correlation of metric m's centred ranks with input j's, NaN where
 * either side is constant. All rank vectors have the same length.
 *
 * Each coefficient's sum runs over the samples in order, exactly as one dot
 * product at a time would, so the results are bit-identical to that. What
 * makes it faster is doing eight sums per pass (four inputs by two metrics):
 * each loaded rank serves two or four products.
 */
export function rankCorrelations(inputs: readonly CentredRanks[], metrics: readonly CentredRanks[]): Float64Array[] {
  const rho = metrics.map(() => new Float64Array(inputs.length).fill(Number.NaN));
  const k = inputs.length;
  // A constant metric correlates with nothing: no sums for it.
  const active = metrics.flatMap((metric, m) => (metric.norm > 0 ? [m] : []));
  if (k === 0 || active.length === 0) return rho;
  const n = inputs[0]!.ranks.length;
  const sums = new Float64Array(8);
  for (let q = 0; q < active.length; q += 2) {
    // An odd metric out is paired with itself, an incomplete group of inputs with the last input: those extra sums are dropped.
    const m0 = active[q]!;
    const m1 = active[Math.min(q + 1, active.length - 1)]!;
    const y0 = metrics[m0]!.ranks;
    const y1 = metrics[m1]!.ranks;
    for (let j = 0; j < k; j += 4) {
      const x0 = inputs[j]!.ranks;
      const x1 = inputs[Math.min(j + 1, k - 1)]!.ranks;
      const x2 = inputs[Math.min(j + 2, k - 1)]!.ranks;
      const x3 = inputs[Math.min(j + 3, k - 1)]!.ranks;
      dots(x0, x1, x2, x3, y0, y1, n, sums);
      for (let c = 0; c < 4 && j + c < k; c++) {
        const norm = inputs[j + c]!.norm;
        if (!(norm > 0)) continue;
        rho[m0]![j + c] = sums[c]! / (norm * metrics[m0]!.norm);
        rho[m1]![j + c] = sums[4 + c]! / (norm * metrics[m1]!.norm);
      }
    }
  }
  return rho;
}

/** The eight dot products of x0..x3 with y0 and y1 into out (x with y0 first), each summed in index order. */
function dots(
  x0: Float64Array,
  x1: Float64Array,
  x2: Float64Array,
  x3: Float64Array,
  y0: Float64Array,
  y1: Float64Array,
  n: number,
  out: Float64Array,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t0 = 0;
  let t1 = 0;
  let t2 = 0;
  let t3 = 0;
  for (let i = 0; i < n; i++) {
    const a0 = x0[i]!;
    const a1 = x1[i]!;
    const a2 = x2[i]!;
    const a3 = x3[i]!;
    const b0 = y0[i]!;
    const b1 = y1[i]!;
    s0 += a0 * b0;
    s1 += a1 * b0;
    s2 += a2 * b0;
    s3 += a3 * b0;
    t0 += a0 * b1;
    t1 += a1 * b1;
    t2 += a2 * b1;
    t3 += a3 * b1;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  out[4] = t0;
  out[5] = t1;
  out[6] = t2;
  out[7] = t3;
}
