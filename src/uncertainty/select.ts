/**
 * Percentiles by selection: for each p, exactly the number
 * percentile(gather(values, sortOrder(values)), p) gives, mostly without
 * sorting the column.
 *
 * A percentile reads at most two order statistics. A histogram over equally
 * wide buckets between the minimum and the maximum tells which bucket holds
 * each of them and at which place; only those few buckets' values are then
 * collected and sorted. Order statistics are unique values, so this finds the
 * same ones as a full sort. The only values that compare equal yet differ are
 * -0 and 0, whose order the stable sort decides (index order); zeroAt
 * reproduces that.
 */
import { isNonDecreasing, sortOrder } from './sortOrder.js';
import { gather, percentile } from './statistics.js';

/** Values per bucket on average: few enough that the buckets to sort stay small, enough that the histogram is cheap. */
const VALUES_PER_BUCKET = 8;

/** Working arrays, grown as needed and reused, since every per-year metric's column comes here. */
let counts = new Uint32Array(0);
let cursors = new Int32Array(0);
let collected = new Float64Array(0);

/**
 * percentile(sorted, p) for each p of `ps` (fractions in [0, 1]) of the
 * ascending-sorted `values`; bit-identical, the sign of a zero included.
 * NaN for each p when there are no values. Values must not be NaN.
 */
export function percentilesBySelection(values: Float64Array, ps: readonly number[]): number[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile probability must be in [0, 1], got ${p}`);
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  // A column already in order (a constant one, say) is its own sorted copy.
  if (isNonDecreasing(values)) return ps.map((p) => percentile(values, p));
  // percentile's positions: h = (n - 1) p, the order statistics floor(h) and, when h is not whole, the next.
  const ranks: number[] = [];
  for (const p of ps) {
    const h = (n - 1) * p;
    const below = Math.floor(h);
    ranks.push(below);
    if (h - below !== 0) ranks.push(below + 1);
  }
  const found = orderStatistics(values, [...new Set(ranks)].sort((a, b) => a - b));
  if (found === undefined) {
    // The values' range gives no bucket width (infinite values, an overflowing range): sort.
    const sorted = gather(values, sortOrder(values));
    return ps.map((p) => percentile(sorted, p));
  }
  // A zero's sign needs a look at the column only if it holds a -0 (checked once).
  let negativeZero: boolean | undefined;
  const statistic = (k: number) => {
    const v = found.get(k)!;
    if (v !== 0) return v;
    negativeZero ??= hasNegativeZero(values);
    return negativeZero ? zeroAt(values, k) : 0;
  };
  // percentile's arithmetic, term for term.
  return ps.map((p) => {
    const h = (n - 1) * p;
    const below = Math.floor(h);
    const fraction = h - below;
    const low = statistic(below);
    return fraction === 0 ? low : low + fraction * (statistic(below + 1) - low);
  });
}

/**
 * The k-th smallest value (0-based) for each k of `ks` (ascending, in
 * [0, n)), up to the sign of a zero; undefined when min and max give no
 * bucket width. bucket(v) = floor((v - min) m / (max - min)) never decreases
 * as v grows (each rounded step is monotone), so the buckets are in value
 * order, and the k-th value is the (k - start)-th of the bucket that spans
 * position k. The passes over the values are functions of their own, so
 * each is optimised whole from the first column on.
 */
function orderStatistics(values: Float64Array, ks: readonly number[]): Map<number, number> | undefined {
  const n = values.length;
  range(values);
  const min = rangeMin;
  const max = rangeMax;
  const m = Math.max(1, Math.floor(n / VALUES_PER_BUCKET));
  const scale = m / (max - min);
  if (!(scale > 0 && scale < Infinity)) return undefined;
  if (counts.length < m) {
    counts = new Uint32Array(m);
    cursors = new Int32Array(m).fill(-1);
  }
  if (collected.length < n) collected = new Float64Array(n);
  histogram(values, min, scale, m, counts);
  // The bucket of each k, and where its values go in `collected` (cursors[b] >= 0 marks a wanted bucket).
  const wanted: { bucket: number; start: number; offset: number; size: number }[] = [];
  let start = 0;
  let offset = 0;
  let b = 0;
  for (const k of ks) {
    while (start + counts[b]! <= k) start += counts[b++]!;
    if (cursors[b] === -1) {
      wanted.push({ bucket: b, start, offset, size: counts[b]! });
      cursors[b] = offset;
      offset += counts[b]!;
    }
  }
  collect(values, min, scale, m, cursors, collected);
  const found = new Map<number, number>();
  for (const w of wanted) {
    cursors[w.bucket] = -1;
    const bucketValues = collected.subarray(w.offset, w.offset + w.size).sort();
    for (const k of ks) if (k >= w.start && k < w.start + w.size) found.set(k, bucketValues[k - w.start]!);
  }
  return found;
}

/*
 * range's result. Module variables rather than a returned { min, max }: such an object
 * holds small integers in one column and doubles in the next, and each change of
 * representation threw away range's optimised code (tens of times a run).
 */
let rangeMin = 0;
let rangeMax = 0;

/** The smallest and largest value, into rangeMin and rangeMax. */
function range(values: Float64Array): void {
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  rangeMin = min;
  rangeMax = max;
}

/*
 * The bucket of v: (v - min) scale is >= 0 and at most about m (< 2^31), so
 * truncating with | 0 is floor, and cheaper than Math.floor; v = max can
 * land on m, which goes to the last bucket.
 */

/** counts[b] = how many values fall in bucket b of m (bucket as orderStatistics says). */
function histogram(values: Float64Array, min: number, scale: number, m: number, counts: Uint32Array): void {
  const last = m - 1;
  counts.fill(0, 0, m);
  for (let i = 0; i < values.length; i++) {
    const bucket = ((values[i]! - min) * scale) | 0;
    counts[bucket < last ? bucket : last]!++;
  }
}

/** Each value of a wanted bucket (cursors[b] >= 0) into `collected` at its bucket's cursor. */
function collect(values: Float64Array, min: number, scale: number, m: number, cursors: Int32Array, collected: Float64Array): void {
  const last = m - 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const scaled = ((v - min) * scale) | 0;
    const bucket = scaled < last ? scaled : last;
    const at = cursors[bucket]!;
    if (at >= 0) {
      collected[at] = v;
      cursors[bucket] = at + 1;
    }
  }
}

function hasNegativeZero(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Object.is(values[i], -0)) return true;
  return false;
}

/**
 * The k-th value of the stable ascending order when that value is a zero:
 * -0 and 0 tie, so the zeros appear in index order after the negatives, and
 * the k-th is zero number k - (count of negatives) in index order.
 */
function zeroAt(values: Float64Array, k: number): number {
  let skip = k;
  for (let i = 0; i < values.length; i++) if (values[i]! < 0) skip--;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0 && skip-- === 0) return v;
  }
  throw new Error('zeroAt: the k-th value is not a zero');
}
