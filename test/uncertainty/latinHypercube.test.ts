import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/uncertainty/latinHypercube.js';
import { createRng } from '../../src/uncertainty/rng.js';
import { spearman } from '../../src/uncertainty/statistics.js';

const bytes = (columns: Float64Array[]) => columns.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('hex'));

/** For each value, the stratum k with k/n <= u < (k+1)/n (the same divisions the sampler uses); -1 if none. */
function strataOf(column: Float64Array): number[] {
  const n = column.length;
  return Array.from(column, (u) => {
    const k = Math.floor(u * n);
    for (const candidate of [k - 1, k, k + 1]) if (candidate / n <= u && u < (candidate + 1) / n) return candidate;
    return -1;
  });
}

describe('latinHypercube', () => {
  it('puts exactly one sample in each stratum [k/n, (k+1)/n), per input, for several n', () => {
    for (const n of [1, 2, 3, 7, 100, 1000, 10_007]) {
      const columns = latinHypercube(n, 3, createRng(n));
      expect(columns).toHaveLength(3);
      for (const column of columns) {
        expect(column).toHaveLength(n);
        const strata = strataOf(column).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, k) => k));
        expect(column.every((u) => u > 0 && u < 1)).toBe(true);
      }
    }
  });

  it('is byte-identical for the same seed and differs for another (pinned values)', () => {
    const a = latinHypercube(1000, 4, createRng(99));
    const b = latinHypercube(1000, 4, createRng(99));
    const c = latinHypercube(1000, 4, createRng(100));
    expect(bytes(a)).toEqual(bytes(b));
    expect(bytes(a)).not.toEqual(bytes(c));
    const pinned = latinHypercube(5, 2, createRng(2024));
    expect(Array.from(pinned[0]!)).toEqual([
      0.9998855662606327, 0.47222327250979007, 0.044236621158651165, 0.7347869476545048, 0.39210707480421975,
    ]);
  });

  it('orders strata independently per input: columns uncorrelated (|Spearman| < 0.04 = 4 sd at n = 10,000)', () => {
    const [x, y, z] = latinHypercube(10_000, 3, createRng(7));
    expect(Math.abs(spearman(x!, y!))).toBeLessThan(0.04);
    expect(Math.abs(spearman(y!, z!))).toBeLessThan(0.04);
  });

  it('never returns 0 or 1, even when the generator returns its extremes', () => {
    // A generator stuck at its largest value pushes every position onto the top of its stratum.
    const top = () => 1 - 2 ** -53;
    const high = latinHypercube(3, 1, top)[0]!;
    expect(high.every((u) => u > 0 && u < 1)).toBe(true);
    expect(strataOf(high).sort()).toEqual([0, 1, 2]);
    expect(Math.max(...high)).toBe(1 - 2 ** -53);
    const bottom = () => 0;
    const low = latinHypercube(3, 1, bottom)[0]!;
    expect(low.every((u) => u > 0 && u < 1)).toBe(true);
    expect(strataOf(low).sort()).toEqual([0, 1, 2]);
  });

  it('rejects a non-integer or empty sample count', () => {
    expect(() => latinHypercube(0, 1, createRng(1))).toThrow(RangeError);
    expect(() => latinHypercube(2.5, 1, createRng(1))).toThrow(RangeError);
    expect(() => latinHypercube(10, -1, createRng(1))).toThrow(RangeError);
    expect(latinHypercube(10, 0, createRng(1))).toEqual([]);
  });
});
