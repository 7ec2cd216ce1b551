/**
 * sortOrder: the indices that sort a column ascending, ties in index order.
 *
 * An uncertainty run sorts and ranks about a hundred columns of 10,000
 * samples, and a comparator sort is slow, so there are two O(n) methods, both
 * stable and exact, so both give the one right answer:
 * - a bucket sort on the values (buckets equally wide between the minimum and
 *   the maximum, then insertion sort inside each): the faster one, for the
 *   smooth distributions of model outputs;
 * - a least-significant-digit radix sort on the values' IEEE bits: for what
 *   the buckets handle badly (a few distinct values, far outliers, infinities).
 */

/**
 * Working arrays, grown as needed and reused: fresh ones for every column
 * (~0.4 MB at 10,000 values) were a good part of a run's garbage collection.
 */
let capacity = 0;
let bucketOf = new Uint32Array(0);
let bucketEnds = new Uint32Array(0);
let bucketValues = new Float64Array(0);
let keyDoubles = new Float64Array(0);
let keyWords = new Uint32Array(0);
let keyHigh = new Uint32Array(0);
let keyLow = new Uint32Array(0);
let keyDigits = new Uint16Array(0);
let spareOrder = new Uint32Array(0);

function reserve(n: number): void {
  if (n <= capacity) return;
  capacity = n;
  bucketOf = new Uint32Array(n);
  bucketEnds = new Uint32Array(n);
  bucketValues = new Float64Array(n);
  keyDoubles = new Float64Array(n);
  keyWords = new Uint32Array(keyDoubles.buffer);
  keyHigh = new Uint32Array(n);
  keyLow = new Uint32Array(n);
  keyDigits = new Uint16Array(PASSES * n);
  spareOrder = new Uint32Array(n);
}

/**
 * Indices that sort `values` ascending, equal values keeping index order (so
 * the result is unique and the same on every machine; -0 and 0 are equal).
 * Values must not be NaN.
 */
export function sortOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  if (n >= 2 ** 32) throw new RangeError(`sortOrder supports fewer than 2^32 values, got ${n}`);
  const order = new Uint32Array(n);
  if (isNonDecreasing(values)) {
    // Ties are already in index order (a constant column, say): the identity.
    for (let i = 0; i < n; i++) order[i] = i;
    return order;
  }
  if (!bucketSortOrder(values, order)) radixSortOrder(values, order);
  return order;
}

/** True when every value is <= the next: then the stable ascending order is the identity. */
export function isNonDecreasing(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! <= values[i]!)) return false;
  return true;
}

/** Bucket sort gives up when its insertion sorts would cost more than this many moves per value (sum of squared bucket sizes / n). */
const BUCKET_COST_LIMIT = 8;

/**
 * sortOrder by bucket sort, into `order`; false (order unusable) when the
 * values do not spread over the buckets well enough. Exported for tests.
 *
 * n buckets of equal width span [min, max]; bucket(v) =
 * floor((v - min) n / (max - min)) never decreases as v grows (each rounded
 * step is monotone), so the buckets are in value order. Indices are dealt in
 * index order and each bucket is insertion-sorted by value, moving only past
 * strictly greater values: the result is stable.
 */
export function bucketSortOrder(values: ArrayLike<number>, order: Uint32Array): boolean {
  const n = values.length;
  if (n === 0) return true;
  reserve(n);
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  const scale = n / (max - min);
  // Infinite or overflowing ranges, and subnormal ones, give no usable scale.
  if (!(scale > 0 && scale < Infinity)) return false;
  const last = n - 1;
  const ends = bucketEnds;
  ends.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const b = Math.min(Math.floor((values[i]! - min) * scale), last);
    bucketOf[i] = b;
    ends[b]!++;
  }
  // Bucket starts (ends[] becomes each bucket's end after dealing), and the insertion sorts' cost.
  let start = 0;
  let cost = 0;
  for (let b = 0; b < n; b++) {
    const size = ends[b]!;
    ends[b] = start;
    start += size;
    cost += size * size;
  }
  if (cost > BUCKET_COST_LIMIT * n) return false;
  const sorted = bucketValues;
  for (let i = 0; i < n; i++) {
    const r = ends[bucketOf[i]!]!++;
    order[r] = i;
    sorted[r] = values[i]!;
  }
  start = 0;
  for (let b = 0; b < n; b++) {
    const end = ends[b]!;
    for (let r = start + 1; r < end; r++) {
      const index = order[r]!;
      const v = sorted[r]!;
      let j = r - 1;
      while (j >= start && sorted[j]! > v) {
        order[j + 1] = order[j]!;
        sorted[j + 1] = sorted[j]!;
        j--;
      }
      order[j + 1] = index;
      sorted[j + 1] = v;
    }
    start = end;
  }
  return true;
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
const counts = new Uint32Array(PASSES * BUCKETS);
const offsets = new Uint32Array(BUCKETS);

/**
 * sortOrder by a stable least-significant-digit radix sort, into `result`
 * (exported for tests): on each value's IEEE bits made order-preserving as
 * an unsigned 64-bit integer (sign bit flipped for positives, all bits
 * flipped for negatives). Exact (all 64 bits); skips digits that every value
 * shares.
 */
export function radixSortOrder(values: ArrayLike<number>, result: Uint32Array): void {
  const n = values.length;
  reserve(n);
  const words = keyWords;
  const high = keyHigh;
  const low = keyLow;
  const digits = keyDigits;
  // 1. Order-preserving keys, two 32-bit words per value.
  for (let i = 0; i < n; i++) keyDoubles[i] = values[i]! + 0; // + 0 turns -0 into 0: they are equal, so they tie
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
  counts.fill(0);
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
  //    The passes alternate between two arrays, the first chosen so that the last pass fills `result`.
  const passes: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) if (!digitShared(pass, n)) passes.push(pass);
  let order = passes.length % 2 === 0 ? result : spareOrder;
  let spare = passes.length % 2 === 0 ? spareOrder : result;
  for (let i = 0; i < n; i++) order[i] = i;
  for (const pass of passes) {
    const base = pass * BUCKETS;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      offsets[b] = sum;
      sum += counts[base + b]!;
    }
    const first = pass * n;
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      spare[offsets[digits[first + i]!]!++] = i;
    }
    const swap = order;
    order = spare;
    spare = swap;
  }
}

/** True when one bucket of the pass's histogram holds all n keys. */
function digitShared(pass: number, n: number): boolean {
  const base = pass * BUCKETS;
  for (let b = 0; b < BUCKETS; b++) if (counts[base + b] === n) return true;
  return false;
}
