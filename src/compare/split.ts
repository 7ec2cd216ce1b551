/**
 * Splitting a change in a vector of metrics among k factors, given the value
 * of any coalition (subset of factors switched on). Pure arithmetic: the model
 * is behind `value`, which returns undefined for a coalition that cannot run.
 *
 * Shapley: factor i gets the average, over every order of switching the
 * factors on, of the change it makes when switched on; an interaction between
 * factors is shared equally among them. Exact, efficient (the shares sum to
 * v(all) - v(none)), and independent of file order, at 2^k evaluations.
 * Sequential substitution: factor i gets v(first i) - v(first i-1), in the
 * given order; k evaluations, also sums to v(all) - v(none), but an
 * interaction goes wholly to whichever factor comes later.
 */

/** Value of a coalition: `members[i]` true when factor i takes the scenario's value. */
export type CoalitionValue = (members: readonly boolean[]) => Float64Array | undefined;

/** Largest k for exact Shapley: 2^8 = 256 model runs, about 1.3 s at ~5 ms a run. */
export const MAX_EXACT_FACTORS = 8;

export interface Split {
  /** One vector per factor, in the metrics' order. */
  shares: Float64Array[];
  /** Coalitions evaluated (not counting the cached `none` and `all`). */
  evaluations: number;
}

/** Caches coalition values by membership, and counts the evaluations that were not given up front. */
export class Coalitions {
  private readonly cache = new Map<string, Float64Array | undefined>();
  evaluations = 0;

  constructor(
    readonly k: number,
    private readonly value: CoalitionValue,
    /** v(none) and v(all), known already (the baseline's and the scenario's own results). */
    known: { none: Float64Array; all: Float64Array },
  ) {
    this.cache.set(keyOf(Array.from({ length: k }, () => false)), known.none);
    this.cache.set(keyOf(Array.from({ length: k }, () => true)), known.all);
  }

  get(members: readonly boolean[]): Float64Array | undefined {
    const key = keyOf(members);
    if (this.cache.has(key)) return this.cache.get(key);
    this.evaluations += 1;
    const result = this.value(members);
    this.cache.set(key, result);
    return result;
  }
}

function keyOf(members: readonly boolean[]): string {
  return members.map((m) => (m ? '1' : '0')).join('');
}

function membersOf(mask: number, k: number): boolean[] {
  return Array.from({ length: k }, (_, i) => (mask & (1 << i)) !== 0);
}

/** Exact Shapley values; undefined as soon as one coalition cannot be evaluated. */
export function shapleyShares(coalitions: Coalitions): Float64Array[] | undefined {
  const { k } = coalitions;
  if (k > 30) throw new Error(`exact Shapley over ${k} factors is not computable; use sequential substitution`);
  const values: Float64Array[] = [];
  for (let mask = 0; mask < 2 ** k; mask++) {
    const value = coalitions.get(membersOf(mask, k));
    if (!value) return undefined;
    values.push(value);
  }
  // weight[s] = s! (k - s - 1)! / k!: the share of orders in which exactly s others precede factor i.
  const factorial = (n: number) => Array.from({ length: n }, (_, i) => i + 1).reduce((a, b) => a * b, 1);
  const weight = Array.from({ length: k }, (_, s) => (factorial(s) * factorial(k - s - 1)) / factorial(k));
  const width = values[0]!.length;
  const shares = Array.from({ length: k }, () => new Float64Array(width));
  for (let i = 0; i < k; i++) {
    const bit = 1 << i;
    for (let mask = 0; mask < 2 ** k; mask++) {
      if (mask & bit) continue;
      const w = weight[popcount(mask)]!;
      const without = values[mask]!;
      const with_ = values[mask | bit]!;
      for (let m = 0; m < width; m++) shares[i]![m]! += w * (with_[m]! - without[m]!);
    }
  }
  return shares;
}

/** Sequential substitution in factor order; undefined when a prefix cannot be evaluated. */
export function sequentialShares(coalitions: Coalitions): Float64Array[] | undefined {
  const { k } = coalitions;
  const prefix = (n: number) => coalitions.get(Array.from({ length: k }, (_, i) => i < n));
  const shares: Float64Array[] = [];
  let previous = prefix(0);
  for (let n = 1; n <= k; n++) {
    const current = prefix(n);
    if (!previous || !current) return undefined;
    shares.push(current.map((value, m) => value - previous![m]!));
    previous = current;
  }
  return shares;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
