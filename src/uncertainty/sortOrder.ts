/**
 * sortOrder: the indices that sort a column ascending, ties in index order.
 *
 * An uncertainty run sorts and ranks about a hundred columns of 10,000
 * samples, and a comparator sort is slow, so there are three O(n) methods,
 * all stable and exact, so all give the one right answer:
 * - a counting sort, for columns of a few distinct values (a year, a count);
 * - a bucket sort on the values (buckets equally wide between the minimum and
 *   the maximum, then one insertion sort), for the smooth
 *   distributions of model outputs;
 * - a least-significant-digit radix sort on the values' IEEE bits: for what
 *   the others handle badly (far outliers, infinities).
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
let keyOf = new Uint8Array(0);

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
  keyOf = new Uint8Array(n);
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
  // Counting first: on a smooth column it gives up within a few values; the bucket sort gives up on a few-valued one
  // only after its histogram.
  if (!countingSortOrder(values, order) && !bucketSortOrder(values, order)) radixSortOrder(values, order);
  return order;
}

/**
 * sortOrder into `order`, and the values in that order into `sorted` (what
 * gather(values, order) gives): for callers that want both, in arrays they
 * reuse. The bucket sort has the sorted values at hand, so usually there is
 * no gather pass. Both arrays have the values' length.
 */
export function sortOrderWithValues(values: ArrayLike<number>, order: Uint32Array, sorted: Float64Array): void {
  const n = values.length;
  if (order.length !== n || sorted.length !== n) throw new RangeError(`sortOrderWithValues needs arrays of length ${n}`);
  if (isNonDecreasing(values)) {
    for (let i = 0; i < n; i++) {
      order[i] = i;
      sorted[i] = values[i]!;
    }
    return;
  }
  if (countingSortOrder(values, order, sorted) || bucketSortOrder(values, order, sorted)) return; // in sortOrder's order
  radixSortOrder(values, order);
  for (let r = 0; r < n; r++) sorted[r] = values[order[r]!]!;
}

/** True when every value is <= the next: then the stable ascending order is the identity. */
export function isNonDecreasing(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! <= values[i]!)) return false;
  return true;
}

/** Bucket sort gives up when its insertion sort would cost more than this many moves per value (sum of squared bucket sizes / n). */
const BUCKET_COST_LIMIT = 8;

/**
 * sortOrder by bucket sort, into `order` (and the values in that order into
 * `sortedValues`, when given); false (both unusable) when the values do not
 * spread over the buckets well enough. Exported for tests.
 *
 * n buckets of equal width span [min, max]; bucket(v) =
 * floor((v - min) n / (max - min)) never decreases as v grows (each rounded
 * step is monotone), so the buckets are in value order. Indices are dealt in
 * index order and then insertion-sorted by value, moving only past strictly
 * greater values: the result is stable.
 */
export function bucketSortOrder(values: ArrayLike<number>, order: Uint32Array, sortedValues?: Float64Array): boolean {
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
  // Bucket starts (ends[] becomes each bucket's end after dealing), and the insertion sort's cost.
  let start = 0;
  let cost = 0;
  for (let b = 0; b < n; b++) {
    const size = ends[b]!;
    ends[b] = start;
    start += size;
    cost += size * size;
  }
  if (cost > BUCKET_COST_LIMIT * n) return false;
  const sorted = sortedValues ?? bucketValues;
  for (let i = 0; i < n; i++) {
    const r = ends[bucketOf[i]!]!++;
    order[r] = i;
    sorted[r] = values[i]!;
  }
  // One insertion sort over the whole array rather than one per bucket: every value of an earlier bucket is
  // strictly smaller, so nothing moves out of its bucket, and there is no loop per bucket to mispredict.
  for (let r = 1; r < n; r++) {
    const v = sorted[r]!;
    if (!(sorted[r - 1]! > v)) continue;
    const index = order[r]!;
    let j = r - 1;
    do {
      order[j + 1] = order[j]!;
      sorted[j + 1] = sorted[j]!;
      j--;
    } while (j >= 0 && sorted[j]! > v);
    order[j + 1] = index;
    sorted[j + 1] = v;
  }
  return true;
}

/** Most distinct values countingSortOrder takes. */
const FEW_VALUES = 16;

/**
 * sortOrder by counting, into `order` (and the values in that order into
 * `sortedValues`, when given), for a column of at most FEW_VALUES distinct
 * values; false (both unusable) for more. Each value's key is its distinct
 * value's place in ascending order, and indices are dealt by key in index
 * order: stable. -0 and 0 are one key. Exported for tests.
 */
export function countingSortOrder(values: ArrayLike<number>, order: Uint32Array, sortedValues?: Float64Array): boolean {
  const n = values.length;
  reserve(n);
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let key = 0;
    while (key < distinct.length && distinct[key] !== v) key++;
    if (key === distinct.length) {
      if (key === FEW_VALUES) return false;
      distinct.push(v);
    }
    keyOf[i] = key;
  }
  // Keys in order of first appearance -> keys in ascending order of value.
  const ascending = distinct.map((_, key) => key).sort((a, b) => distinct[a]! - distinct[b]!);
  const rankOfKey = new Uint8Array(distinct.length);
  ascending.forEach((key, rank) => (rankOfKey[key] = rank));
  const starts = new Uint32Array(distinct.length);
  for (let i = 0; i < n; i++) starts[rankOfKey[keyOf[i]!]!]!++;
  let start = 0;
  for (let rank = 0; rank < distinct.length; rank++) {
    const count = starts[rank]!;
    starts[rank] = start;
    start += count;
  }
  const sorted = sortedValues ?? bucketValues;
  for (let i = 0; i < n; i++) {
    const r = starts[rankOfKey[keyOf[i]!]!]!++;
    order[r] = i;
    sorted[r] = values[i]!;
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
