/**
 * Summary statistics of Monte Carlo output: percentiles, the mean, Spearman
 * rank correlation, and the standard error of a percentile by batch means.
 * Probabilities are fractions in [0, 1] (0.9 for the 90th percentile).
 */
import { sortOrder } from './sortOrder.js';

// The sort is its own module; it is also exported here, where its users find it.
export { sortOrder };

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
    // Neumaier: the rounding error of sum + v is (larger - t) + smaller. The operands are picked first so that
    // the one sum is always run (a branch per case left one unrun, and V8 discarded its compiled mean when it ran).
    const sumLarger = Math.abs(sum) >= Math.abs(v);
    const larger = sumLarger ? sum : v;
    const smaller = sumLarger ? v : sum;
    compensation += larger - t + smaller;
    sum = t;
  }
  return (sum + compensation) / n;
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
 * result: walking the values in ascending order and counting each batch's
 * values as they come, the k-th one met of a batch is the batch's k-th
 * smallest. So no batch is sorted, nor even collected: only the two order
 * statistics each estimate interpolates between are picked out.
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
  const { starts, batchOf, positions, first, wanted } = batchPlan(n, batches, ps);
  const picked = new Float64Array(wanted.length);
  pickOrderStatistics(values, order, batchOf, wanted, first, picked);
  // percentile(each batch's sorted values, p), term for term; plain loops, since this runs for every headline metric.
  const errors: number[] = [];
  const estimates = new Float64Array(batches);
  for (const p of ps) {
    for (let b = 0; b < batches; b++) {
      const size = starts[b + 1]! - starts[b]!;
      const h = (size - 1) * p;
      const below = Math.floor(h);
      const fraction = h - below;
      const at = first[b]! + positions[b]!.indexOf(below);
      const low = picked[at]!;
      estimates[b] = fraction === 0 ? low : low + fraction * (picked[at + 1]! - low); // below + 1 is the next position read
    }
    const average = mean(estimates);
    let squares = 0;
    for (let b = 0; b < batches; b++) squares += (estimates[b]! - average) ** 2;
    errors.push(Math.sqrt(squares / (batches - 1) / batches));
  }
  return errors;
}

/**
 * Walks the values in ascending order (by `order`), counting each batch's as
 * they come: the k-th met of a batch is its k-th smallest, picked when k is
 * wanted (see BatchPlan). A function of its own, so it is optimised whole.
 */
function pickOrderStatistics(
  values: ArrayLike<number>,
  order: Uint32Array,
  batchOf: Uint32Array,
  wanted: Int32Array,
  first: Uint32Array,
  picked: Float64Array,
): void {
  const next = first.slice(); // each batch's next position to pick
  const seen = new Uint32Array(first.length);
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    const b = batchOf[i]!;
    const k = next[b]!;
    const count = seen[b]!;
    seen[b] = count + 1;
    if (count === wanted[k]) {
      picked[k] = values[i]!;
      next[b] = k + 1;
    }
  }
}

/**
 * What batchMeansStandardErrors reads: batch b is samples starts[b] ..
 * starts[b + 1] - 1 (sizes within one of each other), batchOf[i] is sample
 * i's batch; positions[b] are the places in batch b's sorted values that
 * percentile reads for the ps (ascending, no repeats), and wanted holds them
 * flat, batch b's from first[b], each batch's closed by -1 (which no count
 * equals).
 */
interface BatchPlan {
  starts: Uint32Array;
  batchOf: Uint32Array;
  positions: number[][];
  first: Uint32Array;
  wanted: Int32Array;
}

/** The last plan and what it was made for: every headline metric of a run asks for the same one. */
let lastPlan: { key: string; plan: BatchPlan } | undefined;

function batchPlan(n: number, batches: number, ps: readonly number[]): BatchPlan {
  const key = `${n} ${batches} ${ps.join(' ')}`;
  if (lastPlan?.key === key) return lastPlan.plan;
  const starts = new Uint32Array(batches + 1);
  for (let b = 0; b <= batches; b++) starts[b] = Math.floor((b * n) / batches);
  const batchOf = new Uint32Array(n);
  for (let b = 0; b < batches; b++) batchOf.fill(b, starts[b]!, starts[b + 1]!);
  const positions: number[][] = [];
  for (let b = 0; b < batches; b++) {
    const size = starts[b + 1]! - starts[b]!;
    const read = new Set<number>();
    for (const p of ps) {
      const h = (size - 1) * p;
      const below = Math.floor(h);
      read.add(below);
      if (h - below !== 0) read.add(below + 1);
    }
    positions.push([...read].sort((x, y) => x - y));
  }
  const first = new Uint32Array(batches);
  const flat: number[] = [];
  positions.forEach((list, b) => {
    first[b] = flat.length;
    flat.push(...list, -1);
  });
  const plan = { starts, batchOf, positions, first, wanted: Int32Array.from(flat) };
  lastPlan = { key, plan };
  return plan;
}
