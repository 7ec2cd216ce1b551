import { describe, expect, it } from 'vitest';
import { createRng, seedFor } from '../../src/uncertainty/rng.js';
import {
  averageRanks,
  batchMeansStandardError,
  batchMeansStandardErrors,
  gather,
  mean,
  percentile,
  ranksFromOrder,
  sortOrder,
  spearman,
} from '../../src/uncertainty/statistics.js';

const sorted = (values: number[]) => Float64Array.from(values).sort();

describe('percentile (Hyndman-Fan type 7, numpy default)', () => {
  it('matches hand values and numpy.percentile', () => {
    const four = sorted([4, 1, 3, 2]);
    expect(percentile(four, 0.25)).toBe(1.75);
    expect(percentile(four, 0.5)).toBe(2.5);
    expect(percentile(four, 0.75)).toBe(3.25);
    expect(percentile(four, 0)).toBe(1);
    expect(percentile(four, 1)).toBe(4);
    // numpy.percentile([1, 3, 7, 15, 31], [10, 25, 50, 90]) = [1.8, 3, 7, 24.6]
    const five = sorted([31, 1, 15, 3, 7]);
    expect(percentile(five, 0.1)).toBeCloseTo(1.8, 14);
    expect(percentile(five, 0.25)).toBe(3);
    expect(percentile(five, 0.5)).toBe(7);
    expect(percentile(five, 0.9)).toBeCloseTo(24.6, 13);
    expect(percentile(sorted([10]), 0.9)).toBe(10);
    expect(percentile(new Float64Array(0), 0.5)).toBeNaN();
  });

  it('rejects probabilities outside [0, 1] (it takes fractions, not percents)', () => {
    expect(() => percentile(sorted([1, 2]), 50)).toThrow(RangeError);
    expect(() => percentile(sorted([1, 2]), -0.1)).toThrow(RangeError);
  });
});

describe('mean', () => {
  it('averages, compensating cancellation', () => {
    expect(mean([1, 2, 3])).toBe(2);
    expect(mean(Float64Array.from([1e16, 1, -1e16]))).toBeCloseTo(1 / 3, 15);
    expect(mean([])).toBeNaN();
  });
});

describe('sortOrder', () => {
  it('sorts indices by value, ties in index order, matching a stable comparator sort', () => {
    const rng = createRng(3);
    for (const n of [0, 1, 2, 15, 16, 17, 100, 1234]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(rng() * 20)); // many ties
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
      expect(Array.from(sortOrder(values))).toEqual(expected);
    }
  });

  it('is exact for negative, mixed-sign and nearly equal values (every one of the 64 key bits counts)', () => {
    const rng = createRng(4);
    const stable = (values: Float64Array) =>
      Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
    const cases = [
      Float64Array.from({ length: 3000 }, () => (rng() - 0.5) * 10 ** Math.floor(rng() * 20 - 10)),
      Float64Array.from({ length: 3000 }, (_, i) => 1 + (3000 - i) * 2 ** -52), // one run of equal truncated keys
      Float64Array.from({ length: 3000 }, () => -1234.5 * (1 + Math.floor(rng() * 50) * 2 ** -52)),
      Float64Array.from([0, -0, 1e-310, -1e-310, -Infinity, Infinity, 5, -5, 5]),
    ];
    for (const values of cases) expect(Array.from(sortOrder(values))).toEqual(stable(values));
  });
});

describe('spearman', () => {
  it('is 1 for a monotone transform and -1 for a decreasing one', () => {
    const rng = createRng(1);
    const x = Float64Array.from({ length: 1000 }, rng);
    expect(spearman(x, x.map((v) => Math.exp(5 * v) - 3))).toBeCloseTo(1, 14);
    expect(spearman(x, x.map((v) => -(v ** 3)))).toBeCloseTo(-1, 14);
  });

  it('uses average ranks for ties (scipy.stats.spearmanr: 0.9200335844703181)', () => {
    expect(spearman([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 6, 7])).toBeCloseTo(0.9200335844703181, 14);
  });

  it('is NaN for a constant side or fewer than two values; rejects unequal lengths', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1], [2])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});

describe('batchMeansStandardError', () => {
  // i.i.d. uniforms: the p-quantile estimate has SE sqrt(p (1 - p) / n) / f(q) with f = 1.
  const n = 100_000;
  const uniforms = (seed: number) => {
    const rng = createRng(seedFor(seed, 'batch-means'));
    return Float64Array.from({ length: n }, rng);
  };

  it('one sample, 20 batches: within a factor 1.5 of sqrt(p (1 - p) / n) (the estimator itself is ~16% noisy)', () => {
    for (const p of [0.1, 0.5, 0.9]) {
      const theory = Math.sqrt((p * (1 - p)) / n);
      const ratio = batchMeansStandardError(uniforms(1), p) / theory;
      expect(ratio, `p = ${p}`).toBeGreaterThan(1 / 1.5);
      expect(ratio, `p = ${p}`).toBeLessThan(1.5);
    }
  });

  it('averaged over 10 seeds: the median SE within 10% of sqrt(0.25 / n) = 0.00158', () => {
    let total = 0;
    for (let seed = 0; seed < 10; seed++) total += batchMeansStandardError(uniforms(seed), 0.5);
    expect(Math.abs(total / 10 / Math.sqrt(0.25 / n) - 1)).toBeLessThan(0.1);
  });

  it('is NaN with fewer than two values per batch; rejects bad arguments', () => {
    expect(batchMeansStandardError(new Float64Array(39), 0.5)).toBeNaN();
    expect(batchMeansStandardError(new Float64Array(40), 0.5)).toBe(0);
    expect(() => batchMeansStandardError(new Float64Array(100), 0.5, 1)).toThrow(RangeError);
    expect(() => batchMeansStandardError(new Float64Array(100), 90)).toThrow(RangeError);
  });
});

describe('ranks and batch estimates from one sort', () => {
  it('ranksFromOrder gives average ranks: ties share the mean of their ranks', () => {
    const values = Float64Array.from([30, 10, 20, 10, 30, 30]);
    const order = sortOrder(values);
    expect(Array.from(gather(values, order))).toEqual([10, 10, 20, 30, 30, 30]);
    expect(Array.from(ranksFromOrder(order, gather(values, order)))).toEqual([5, 1.5, 3, 1.5, 5, 5]);
    expect(Array.from(averageRanks(values))).toEqual([5, 1.5, 3, 1.5, 5, 5]);
  });

  // The definition, batch by batch: sort each batch, take its quantile, sd of the estimates / sqrt(batches).
  const reference = (values: Float64Array, p: number, batches = 20) => {
    const estimates: number[] = [];
    for (let b = 0; b < batches; b++) {
      const batch = values.slice(Math.floor((b * values.length) / batches), Math.floor(((b + 1) * values.length) / batches)).sort();
      estimates.push(percentile(batch, p));
    }
    const average = mean(estimates);
    return Math.sqrt(estimates.reduce((s, e) => s + (e - average) ** 2, 0) / (batches - 1) / batches);
  };

  it('batchMeansStandardErrors equals the batch-by-batch definition for each probability, bit for bit', () => {
    const rng = createRng(9);
    for (const n of [40, 41, 999, 10_000]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(rng() * 50) / 7); // ties included
      const ps = [0.1, 0.5, 0.9];
      const together = batchMeansStandardErrors(values, sortOrder(values), ps);
      ps.forEach((p, k) => expect(together[k], `n = ${n}, p = ${p}`).toBe(reference(values, p)));
    }
    expect(batchMeansStandardErrors(new Float64Array(39), sortOrder(new Float64Array(39)), [0.5])[0]).toBeNaN();
  });
});
