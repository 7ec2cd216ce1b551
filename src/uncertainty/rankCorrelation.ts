/**
 * Spearman rank correlations of metrics with the uncertain inputs, from
 * centred ranks: each coefficient is one dot product. Sampled inputs are
 * ranked from their Latin-hypercube strata rather than sorted
 * (centredRanksByStrata).
 */
import { gather, sortOrder } from './statistics.js';

/** Average ranks with their mean (n + 1) / 2 subtracted, and the root of their sum of squares. */
export interface CentredRanks {
  ranks: Float64Array;
  norm: number;
}

/**
 * Average ranks (ranksFromOrder: ties share the mean of their ranks) with
 * their mean (n + 1) / 2 subtracted, and the root of their sum of squares
 * (summed in index order), from a sortOrder result and the values in that
 * order: into `into` (allocated when not given; it must not be `sorted`).
 */
export function centredRanksFromOrder(
  order: Uint32Array,
  sorted: Float64Array,
  into: Float64Array = new Float64Array(order.length),
): CentredRanks {
  const n = order.length;
  const middle = (n + 1) / 2;
  let start = 0;
  for (let r = 1; r <= n; r++) {
    if (r < n && sorted[r] === sorted[start]) continue;
    const centred = (start + 1 + r) / 2 - middle; // mean of ranks start+1 .. r, centred
    for (let k = start; k < r; k++) into[order[k]!] = centred;
    start = r;
  }
  let squares = 0;
  for (let i = 0; i < n; i++) squares += into[i]! * into[i]!;
  return { ranks: into, norm: Math.sqrt(squares) };
}

/** Centred average ranks of values (not NaN). */
export function centredRanks(values: ArrayLike<number>): CentredRanks {
  const order = sortOrder(values);
  return centredRanksFromOrder(order, gather(values, order));
}

/** Working arrays of centredRanksByStrata, reused while the length stays (it ranks every input of a run). */
let sampleAtPlace = new Uint32Array(0);
let valueAtPlace = new Float64Array(0);

/**
 * centredRanks of a sampled input's values without sorting, from the
 * uniforms they were made from (a Latin-hypercube column, possibly reordered
 * by Iman-Conover: one uniform per stratum [k/n, (k+1)/n)). The sample in
 * stratum k goes to place k, computed as floor(u n), which never decreases
 * as u grows; the inverse CDF should not decrease either, but that is
 * checked, not assumed: values by place must not decrease. Without ties a
 * sample's rank is its place + 1, known as soon as the place is: one pass
 * places the samples and ranks them, one checks.
 *
 * undefined (sort instead) when two samples share a place, or one falls
 * outside (not such a column), or a value is below the one at the place
 * before, or is NaN. With `validIndex` (each sample's index among the kept
 * ones, -1 to leave it out) only the kept samples are ranked, among
 * themselves. The ranks go into `into`, of the kept count.
 */
export function centredRanksByStrata(
  values: Float64Array,
  uniforms: Float64Array,
  into: Float64Array,
  validIndex?: Int32Array,
): CentredRanks | undefined {
  const n = values.length;
  if (uniforms.length !== n || n >= 2 ** 32) return undefined;
  if (validIndex === undefined ? into.length !== n : validIndex.length !== n) return undefined;
  if (sampleAtPlace.length !== n) {
    sampleAtPlace = new Uint32Array(n);
    valueAtPlace = new Float64Array(n);
  }
  // Ranks as if there were no ties, written as the places are found; overwritten below when there are.
  const squares = placeByStratum(values, uniforms, sampleAtPlace, valueAtPlace, validIndex === undefined ? into : undefined);
  if (squares === undefined) return undefined;
  const ascent = ascentOf(sampleAtPlace, valueAtPlace);
  if (ascent === 'no') return undefined;
  if (validIndex !== undefined) return validCentredRanksAlong(values, sampleAtPlace, validIndex, into);
  if (ascent === 'ties') return centredRanksAlong(values, sampleAtPlace, into);
  return { ranks: into, norm: Math.sqrt(squares) };
}

/*
 * centredRanksByStrata's passes are functions of their own, so each is
 * optimised whole from the first column on.
 */

/**
 * Each sample and its value at its place floor(u n); undefined when a place
 * is outside [0, n). A place taken twice leaves another empty (n samples, n
 * places), which ascentOf finds: no read here, where the places are random.
 * With `ranks`, also each sample's rank were there no ties, place + 1,
 * centred, and returns their sum of squares (in index order): the numbers
 * centredRanksFromOrder gives a run of one at place k, (k + 1 + k + 1) / 2 =
 * k + 1 exactly.
 */
function placeByStratum(
  values: Float64Array,
  uniforms: Float64Array,
  sampleAt: Uint32Array,
  valueAt: Float64Array,
  ranks: Float64Array | undefined,
): number | undefined {
  const n = values.length;
  const middle = (n + 1) / 2;
  let squares = 0;
  sampleAt.fill(n); // n marks an empty place (it is no sample's index)
  for (let s = 0; s < n; s++) {
    const place = Math.floor(uniforms[s]! * n);
    if (!(place >= 0 && place < n)) return undefined;
    sampleAt[place] = s;
    valueAt[place] = values[s]!;
    if (ranks === undefined) continue;
    const centred = place + 1 - middle;
    ranks[s] = centred;
    squares += centred * centred;
  }
  return squares;
}

/**
 * Whether every place is taken and the values by place rise strictly, or
 * have ties (equal neighbours) but never fall; 'no' when a place is empty,
 * or they fall somewhere (or hold a NaN).
 */
function ascentOf(sampleAt: Uint32Array, valueAt: Float64Array): 'rises' | 'ties' | 'no' {
  const n = sampleAt.length;
  let ties = false;
  if (n > 0 && sampleAt[0] === n) return 'no';
  for (let k = 1; k < n; k++) {
    const before = valueAt[k - 1]!;
    const v = valueAt[k]!;
    if (!(before <= v) || sampleAt[k] === n) return 'no';
    if (before === v) ties = true;
  }
  return ties ? 'ties' : 'rises';
}

/** centredRanksAlong over the kept samples only (validIndex as centredRanksByStrata has it), numbered among themselves. */
function validCentredRanksAlong(
  values: Float64Array,
  order: Uint32Array,
  validIndex: Int32Array,
  into: Float64Array,
): CentredRanks | undefined {
  const keptValues = new Float64Array(into.length);
  const keptOrder = new Uint32Array(into.length);
  let r = 0;
  for (let k = 0; k < order.length; k++) {
    const s = order[k]!;
    const index = validIndex[s]!;
    if (index < 0) continue;
    if (r === into.length) return undefined; // more kept samples than into holds
    keptValues[index] = values[s]!;
    keptOrder[r++] = index;
  }
  return r === into.length ? centredRanksAlong(keptValues, keptOrder, into) : undefined;
}

/**
 * centredRanks(values), given an order of the indices (each once) in which
 * the values should not decrease, such as the strata give for a sampled input
 * (its inverse CDF should be monotone, but that is checked here, not
 * assumed): no sort, one pass. undefined when a value is below the one before
 * it, or is NaN (then sort). The ranks go into `into` when given.
 *
 * Average ranks depend only on which values are equal and how many are
 * smaller, not on the order among equal ones, so any such order gives the
 * ranks a sort would, bit for bit (it is centredRanksFromOrder along that order).
 */
export function centredRanksAlong(
  values: ArrayLike<number>,
  order: Uint32Array,
  into: Float64Array = new Float64Array(order.length),
): CentredRanks | undefined {
  const n = order.length;
  if (values.length !== n || into.length !== n) throw new RangeError('centredRanksAlong needs values, order and into of one length');
  // The values in that order, checked not to decrease (NaN fails the check too); then ranked as a sort's order is.
  if (valuesAlong.length < n) valuesAlong = new Float64Array(n);
  const sorted = valuesAlong.subarray(0, n);
  for (let k = 0; k < n; k++) {
    const v = values[order[k]!]!;
    if (k > 0 && !(v >= sorted[k - 1]!)) return undefined;
    sorted[k] = v;
  }
  return centredRanksFromOrder(order, sorted, into);
}

/** centredRanksAlong's values in order, reused (it ranks every input of a run). */
let valuesAlong = new Float64Array(0);

/**
 * Spearman's rho of every metric with every input: result[m][j] is the
 * Pearson correlation of metric m's centred ranks with input j's, NaN where
 * either side is constant. All rank vectors have the same length.
 *
 * The results are bit-identical to one dot product at a time summed in
 * index order. Centred ranks are multiples of 1/2 no larger than n/2, so
 * every product and every partial sum is a multiple of 1/4 below n^3/4 in
 * magnitude: exact in a double while n^3 <= 2^53 (n up to 208,063), in
 * whatever order it is summed; they are summed in index order all the same.
 * Each pass makes eight sums (four inputs by two metrics), so each loaded
 * rank serves two or four products; and vectors equal to an earlier one are
 * not summed again.
 */
export function rankCorrelations(inputs: readonly CentredRanks[], metrics: readonly CentredRanks[]): Float64Array[] {
  const rho = metrics.map(() => new Float64Array(inputs.length).fill(Number.NaN));
  // A constant side correlates with nothing: no sums for it. A vector ranked exactly as an earlier one (servers as
  // chips: one a monotone function of the other) has that one's coefficients: copied, not summed again.
  const inputGroups = distinctVarying(inputs);
  const metricGroups = distinctVarying(metrics);
  const active = metricGroups.distinct;
  const activeInputs = inputGroups.distinct;
  const k = activeInputs.length;
  if (k > 0 && active.length > 0) {
    const sums = new Float64Array(8);
    for (let q = 0; q < active.length; q += 2) {
      // An odd metric out is paired with itself, an incomplete group of inputs with the last input: those extra sums are dropped.
      const m0 = active[q]!;
      const m1 = active[Math.min(q + 1, active.length - 1)]!;
      const y0 = metrics[m0]!.ranks;
      const y1 = metrics[m1]!.ranks;
      for (let g = 0; g < k; g += 4) {
        const x0 = inputs[activeInputs[g]!]!.ranks;
        const x1 = inputs[activeInputs[Math.min(g + 1, k - 1)]!]!.ranks;
        const x2 = inputs[activeInputs[Math.min(g + 2, k - 1)]!]!.ranks;
        const x3 = inputs[activeInputs[Math.min(g + 3, k - 1)]!]!.ranks;
        dots(x0, x1, x2, x3, y0, y1);
        sums[0] = dot0;
        sums[1] = dot1;
        sums[2] = dot2;
        sums[3] = dot3;
        sums[4] = dot4;
        sums[5] = dot5;
        sums[6] = dot6;
        sums[7] = dot7;
        for (let c = 0; c < 4 && g + c < k; c++) {
          const j = activeInputs[g + c]!;
          const norm = inputs[j]!.norm;
          rho[m0]![j] = sums[c]! / (norm * metrics[m0]!.norm);
          rho[m1]![j] = sums[4 + c]! / (norm * metrics[m1]!.norm);
        }
      }
    }
  }
  // What was left out as equal to an earlier vector takes that one's coefficients.
  for (const m of active)
    for (let j = 0; j < inputs.length; j++) {
      const original = inputGroups.sameAs[j]!;
      if (original !== j) rho[m]![j] = rho[m]![original]!;
    }
  for (let m = 0; m < metrics.length; m++) {
    const original = metricGroups.sameAs[m]!;
    if (original !== m) rho[m]!.set(rho[original]!);
  }
  return rho;
}

/**
 * The rank vectors that vary (norm > 0) and are not equal to an earlier one,
 * by index, and for each vector the index whose coefficients it shares
 * (itself unless equal to an earlier one). Comparing is cheap: unequal rank
 * vectors almost always differ within their first few entries.
 */
function distinctVarying(vectors: readonly CentredRanks[]): { distinct: number[]; sameAs: number[] } {
  const distinct: number[] = [];
  const sameAs = vectors.map((_, i) => i);
  vectors.forEach((vector, i) => {
    if (!(vector.norm > 0)) return;
    const earlier = distinct.find((d) => sameRanks(vectors[d]!, vector));
    if (earlier === undefined) distinct.push(i);
    else sameAs[i] = earlier;
  });
  return { distinct, sameAs };
}

function sameRanks(a: CentredRanks, b: CentredRanks): boolean {
  if (a.ranks === b.ranks) return true;
  if (a.norm !== b.norm || a.ranks.length !== b.ranks.length) return false;
  for (let i = 0; i < a.ranks.length; i++) if (a.ranks[i] !== b.ranks[i]) return false;
  return true;
}

/**
 * dots' results, read by the caller at once: module variables, not an output array, because V8 compiles
 * dots while its loop runs (on-stack replacement), before the stores after the loop have ever run; a store
 * into an array without that record made the compiled dots bail out at every call (~150 times a run).
 * Stores into module variables need no such record.
 */
let dot0 = 0;
let dot1 = 0;
let dot2 = 0;
let dot3 = 0;
let dot4 = 0;
let dot5 = 0;
let dot6 = 0;
let dot7 = 0;

/** The eight dot products of x0..x3 with y0 and y1 into dot0..dot7 (x with y0 first), each summed in index order. */
function dots(x0: Float64Array, x1: Float64Array, x2: Float64Array, x3: Float64Array, y0: Float64Array, y1: Float64Array): void {
  const n = y0.length;
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
  dot0 = s0;
  dot1 = s1;
  dot2 = s2;
  dot3 = s3;
  dot4 = t0;
  dot5 = t1;
  dot6 = t2;
  dot7 = t3;
}

/** The buffer rankVectors hands out, kept from call to call (grown when too small). */
let rankSpace = new ArrayBuffer(0);

/**
 * `count` vectors of `length` doubles for centred ranks (fill them with
 * centredRanksFromOrder and the like), views of one buffer kept from call to
 * call: fresh memory for them (6.6 MB at 10,000 samples and 83 vectors) cost
 * ~3 ms a run in zeroing, page faults and garbage collection. Working space:
 * valid until the next call, which reuses it.
 */
export function rankVectors(count: number, length: number): Float64Array[] {
  const bytes = count * length * 8;
  if (rankSpace.byteLength < bytes) rankSpace = new ArrayBuffer(bytes);
  return Array.from({ length: count }, (_, k) => new Float64Array(rankSpace, k * length * 8, length));
}
