/**
 * Summary statistics of Monte Carlo output: percentiles, the mean, Spearman
 * rank correlation, and the standard error of a percentile by batch means.
 * Probabilities are fractions in [0, 1] (0.9 for the 90th percentile).
 */

/**
 * The p-quantile (p in [0, 1]) of ascending-sorted values by linear
 * interpolation between order statistics: h = (n - 1) p, result =
 * x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]) with 0-based x.
 * This is Hyndman & Fan's type 7, the default of numpy, R and Excel's
 * PERCENTILE.INC. Sort with Float64Array.prototype.sort() (numeric). NaN when
 * there are no values.
 */
export function percentile(sorted: Float64Array, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile probability must be in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const fraction = h - below;
  const low = sorted[below]!;
  return fraction === 0 ? low : low + fraction * (sorted[below + 1]! - low);
}

/** Arithmetic mean with Neumaier-compensated summation; NaN when empty. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + compensation) / n;
}

/** Word order of the platform, so the 64-bit sort keys below mean the same everywhere. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW_WORD = LITTLE_ENDIAN ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;
/** Radix digits of 11 bits: six passes cover 64 bits, and 2,048 buckets stay in cache. */
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const PASSES = 6;

/**
 * Indices that sort `values` ascending, equal values keeping index order (so
 * the result is unique and the same on every machine). Values must not be NaN.
 *
 * An uncertainty run sorts and ranks hundreds of columns of 10,000 samples, and
 * a comparator sort is slow, so this is a stable least-significant-digit radix
 * sort on each value's IEEE bits made order-preserving as an unsigned 64-bit
 * integer (sign bit flipped for positives, all bits flipped for negatives). It
 * is exact (all 64 bits), O(n), and skips digits that every value shares.
 */
export function sortOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  if (n >= 2 ** 32) throw new RangeError(`sortOrder supports fewer than 2^32 values, got ${n}`);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  // 1. Order-preserving keys, two 32-bit words per value.
  const asDouble = new Float64Array(n);
  const words = new Uint32Array(asDouble.buffer);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  for (let i = 0; i < n; i++) asDouble[i] = values[i]! + 0; // + 0 turns -0 into 0: they are equal, so they tie
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_WORD]!;
    const l = words[2 * i + LOW_WORD]!;
    if (h >= 0x80000000) {
      high[i] = ~h >>> 0;
      low[i] = ~l >>> 0;
    } else {
      high[i] = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
  }
  // 2. The six digits of every key, and their histograms, in one pass.
  const digits = new Uint16Array(PASSES * n);
  const counts = new Uint32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const l = low[i]!;
    const h = high[i]!;
    const d0 = l & DIGIT_MASK;
    const d1 = (l >>> 11) & DIGIT_MASK;
    const d2 = ((l >>> 22) | (h << 10)) & DIGIT_MASK;
    const d3 = (h >>> 1) & DIGIT_MASK;
    const d4 = (h >>> 12) & DIGIT_MASK;
    const d5 = h >>> 23;
    digits[i] = d0;
    digits[n + i] = d1;
    digits[2 * n + i] = d2;
    digits[3 * n + i] = d3;
    digits[4 * n + i] = d4;
    digits[5 * n + i] = d5;
    counts[d0]!++;
    counts[BUCKETS + d1]!++;
    counts[2 * BUCKETS + d2]!++;
    counts[3 * BUCKETS + d3]!++;
    counts[4 * BUCKETS + d4]!++;
    counts[5 * BUCKETS + d5]!++;
  }
  // 3. One stable scatter per digit, least significant first; a digit all values share is skipped.
  let spare = new Uint32Array(n);
  const offsets = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    let shared = false;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b]!;
      if (c === n) shared = true;
      offsets[b] = sum;
      sum += c;
    }
    if (shared) continue;
    const passDigits = digits.subarray(pass * n, (pass + 1) * n);
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      spare[offsets[passDigits[i]!]!++] = i;
    }
    const swap = order;
    order = spare;
    spare = swap;
  }
  return order;
}

/** values in ascending order, read through sortOrder's result. */
export function gather(values: ArrayLike<number>, order: Uint32Array): Float64Array {
  const sorted = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) sorted[r] = values[order[r]!]!;
  return sorted;
}

/**
 * Average ranks (1..n, ties sharing the mean of their ranks) from a sortOrder
 * result and the values in that order: one pass over runs of equal values.
 */
export function ranksFromOrder(order: Uint32Array, sorted: Float64Array): Float64Array {
  const n = order.length;
  const ranks = new Float64Array(n);
  let start = 0;
  for (let r = 1; r <= n; r++) {
    if (r < n && sorted[r] === sorted[start]) continue;
    const rank = (start + 1 + r) / 2; // mean of ranks start+1 .. r
    for (let k = start; k < r; k++) ranks[order[k]!] = rank;
    start = r;
  }
  return ranks;
}

/** Ranks 1..n, tied values sharing the average of their ranks. Values must not be NaN. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = sortOrder(values);
  return ranksFromOrder(order, gather(values, order));
}

/**
 * Pearson correlation of two average-rank vectors (from averageRanks): the
 * Spearman correlation of the values they rank. NaN when either is constant.
 */
export function rankCorrelation(rx: ArrayLike<number>, ry: ArrayLike<number>): number {
  const n = rx.length;
  if (ry.length !== n) throw new RangeError(`rankCorrelation needs equal lengths, got ${n} and ${ry.length}`);
  if (n < 2) return Number.NaN;
  const centre = (n + 1) / 2; // the mean of any average-rank vector
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - centre;
    const dy = ry[i]! - centre;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/**
 * Spearman's rank correlation: the Pearson correlation of the average ranks
 * (ties share the mean of their ranks). NaN when either side is constant or
 * shorter than 2. Values must not be NaN. To correlate one column with many,
 * rank each once with averageRanks and use rankCorrelation.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (y.length !== x.length) throw new RangeError(`spearman needs equal lengths, got ${x.length} and ${y.length}`);
  return rankCorrelation(averageRanks(x), averageRanks(y));
}

/**
 * Standard error of the p-quantile estimate of `values` by batch means: split
 * the samples, in their sampling order, into `batches` consecutive batches of
 * (near) equal size, estimate the quantile in each, and return
 * sd(batch estimates) / sqrt(batches). A quantile estimate's variance scales
 * as 1/size, so this estimates the full sample's standard error.
 *
 * The batches must be exchangeable. Latin-hypercube samples arrive with their
 * strata in random order, so consecutive batches are random subsets; each
 * batch is then an unstratified sample, which makes this the plain Monte
 * Carlo standard error - an upper bound on the Latin hypercube's own, so a
 * conservative figure. NaN with fewer than 2 values per batch.
 */
export function batchMeansStandardError(values: ArrayLike<number>, p: number, batches = 20): number {
  if (!Number.isSafeInteger(batches) || batches < 2) throw new RangeError(`batches must be an integer >= 2, got ${batches}`);
  return batchMeansStandardErrors(values, sortOrder(values), [p], batches)[0]!;
}

/**
 * batchMeansStandardError for several probabilities at once, from a sortOrder
 * result: walking the values in ascending order and dealing each to its batch
 * leaves every batch sorted, so no batch is sorted again.
 */
export function batchMeansStandardErrors(
  values: ArrayLike<number>,
  order: Uint32Array,
  ps: readonly number[],
  batches = 20,
): number[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile probability must be in [0, 1], got ${p}`);
  const n = values.length;
  if (n < 2 * batches) return ps.map(() => Number.NaN);
  const starts = new Uint32Array(batches + 1);
  for (let b = 0; b <= batches; b++) starts[b] = Math.floor((b * n) / batches);
  // Batch of sample index i: the b with starts[b] <= i < starts[b + 1].
  const batchOf = new Uint16Array(n);
  for (let b = 0; b < batches; b++) batchOf.fill(b, starts[b]!, starts[b + 1]!);
  const dealt = new Float64Array(n);
  const fill = Uint32Array.from(starts.subarray(0, batches));
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    dealt[fill[batchOf[i]!]!++] = values[i]!;
  }
  return ps.map((p) => {
    const estimates = new Float64Array(batches);
    for (let b = 0; b < batches; b++) estimates[b] = percentile(dealt.subarray(starts[b]!, starts[b + 1]!), p);
    const average = mean(estimates);
    let squares = 0;
    for (let b = 0; b < batches; b++) squares += (estimates[b]! - average) ** 2;
    return Math.sqrt(squares / (batches - 1) / batches);
  });
}

