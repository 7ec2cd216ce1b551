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
/** Runs this short are insertion-sorted before merging. */
const INSERTION_RUN = 16;

/**
 * Indices that sort `values` ascending, equal values keeping index order (so
 * the result is unique and the same on every machine). Values must not be NaN.
 *
 * Ranking 10,000 values hundreds of times (Spearman per input and metric)
 * must be fast, and a comparator callback is slow, so the sort runs natively:
 * each value's IEEE bits, made order-preserving as a signed 64-bit integer,
 * have their lowest ceil(log2 n) bits replaced by the index, and the
 * BigInt64Array is sorted numerically. That orders by value to within those
 * dropped bits (about 4e-12 relative at n = 10,000) and then by index; runs
 * whose truncated keys are equal are then re-sorted exactly by value (stable
 * merge sort), so the result is exact.
 */
export function sortOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  if (n > 2 ** 32) throw new RangeError(`sortOrder supports at most 2^32 values, got ${n}`);
  const order = new Uint32Array(n);
  if (n < 2) return order;
  const indexBits = 32 - Math.clz32(n - 1);
  const indexMask = (2 ** indexBits - 1) >>> 0;
  const keys = new BigInt64Array(n);
  const asDouble = new Float64Array(keys.buffer);
  const words = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) {
    asDouble[i] = values[i]! + 0; // + 0 turns -0 into 0: they are equal, so they tie
    let high = words[2 * i + HIGH_WORD]!;
    let low = words[2 * i + LOW_WORD]!;
    if (high >= 0x80000000) {
      // Negative: flip all but the sign bit so larger magnitudes sort lower.
      high = (high ^ 0x7fffffff) >>> 0;
      low = ~low >>> 0;
    }
    words[2 * i + HIGH_WORD] = high;
    words[2 * i + LOW_WORD] = ((low & ~indexMask) | i) >>> 0;
  }
  keys.sort();
  let runStart = 0;
  for (let r = 0; r < n; r++) {
    order[r] = words[2 * r + LOW_WORD]! & indexMask;
    const sameKey =
      r > 0 &&
      words[2 * r + HIGH_WORD] === words[2 * r - 2 + HIGH_WORD] &&
      (words[2 * r + LOW_WORD]! & ~indexMask) === (words[2 * r - 2 + LOW_WORD]! & ~indexMask);
    if (!sameKey) {
      if (r - runStart > 1) sortSegmentByValue(order, runStart, r, values);
      runStart = r;
    }
  }
  if (n - runStart > 1) sortSegmentByValue(order, runStart, n, values);
  return order;
}

/**
 * Stable sort of order[start, end) by value (insertion-sorted runs, then
 * bottom-up merges). The segment arrives in index order, so ties stay in it.
 */
function sortSegmentByValue(order: Uint32Array, start: number, end: number, values: ArrayLike<number>): void {
  for (let runStart = start; runStart < end; runStart += INSERTION_RUN) {
    const runEnd = Math.min(end, runStart + INSERTION_RUN);
    for (let i = runStart + 1; i < runEnd; i++) {
      const index = order[i]!;
      const key = values[index]!;
      let j = i - 1;
      while (j >= runStart && values[order[j]!]! > key) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = index;
    }
  }
  const length = end - start;
  if (length <= INSERTION_RUN) return;
  let from = order.slice(start, end);
  let to = new Uint32Array(length);
  for (let width = INSERTION_RUN; width < length; width *= 2) {
    for (let left = 0; left < length; left += 2 * width) {
      const middle = Math.min(length, left + width);
      const right = Math.min(length, left + 2 * width);
      let i = left;
      let j = middle;
      let out = left;
      // Take from the right run only when strictly smaller: stable.
      while (i < middle && j < right) to[out++] = values[from[j]!]! < values[from[i]!]! ? from[j++]! : from[i++]!;
      while (i < middle) to[out++] = from[i++]!;
      while (j < right) to[out++] = from[j++]!;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  order.set(from, start);
}

/**
 * Ranks 1..n, tied values sharing the average of their ranks. Ranked through a
 * native numeric sort of a copy and two binary searches per value: much
 * faster than an index sort for the tens of columns of 10,000 samples that an
 * uncertainty run ranks, and exact. Values must not be NaN.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // first position >= v, and first position > v
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = (first + 1 + lo) / 2; // average of ranks first+1 .. lo
  }
  return ranks;
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
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile probability must be in [0, 1], got ${p}`);
  if (!Number.isSafeInteger(batches) || batches < 2) throw new RangeError(`batches must be an integer >= 2, got ${batches}`);
  const n = values.length;
  if (n < 2 * batches) return Number.NaN;
  const estimates = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    // Boundaries floor(b n / B): sizes differ by at most one.
    const start = Math.floor((b * n) / batches);
    const end = Math.floor(((b + 1) * n) / batches);
    const batch = new Float64Array(end - start);
    for (let i = start; i < end; i++) batch[i - start] = values[i]!;
    estimates[b] = percentile(batch.sort(), p);
  }
  const average = mean(estimates);
  let squares = 0;
  for (let b = 0; b < batches; b++) squares += (estimates[b]! - average) ** 2;
  return Math.sqrt(squares / (batches - 1) / batches);
}
