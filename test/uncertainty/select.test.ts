import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/uncertainty/rng.js';
import { percentilesBySelection } from '../../src/uncertainty/select.js';
import { percentile } from '../../src/uncertainty/statistics.js';

/** The definition: percentile of the values in stable ascending order (ties, -0 and 0 included, in index order). */
function bySorting(values: Float64Array, ps: readonly number[]): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const sorted = Float64Array.from(order, (i) => values[i]!);
  return ps.map((p) => percentile(sorted, p));
}

/** Bit for bit, so that -0 and 0 differ. */
const expectSame = (actual: number[], expected: number[]) => {
  expect(actual.map((v) => Object.is(v, -0) ? '-0' : v)).toEqual(expected.map((v) => Object.is(v, -0) ? '-0' : v));
};

const PS = [0, 0.05, 0.1, 0.5, 0.9, 0.95, 1];

describe('percentilesBySelection', () => {
  it('equals the percentiles of the sorted values on any values (infinities, extremes, -0 included)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true })), (list, ps) => {
        const values = Float64Array.from(list);
        expectSame(percentilesBySelection(values, [...PS, ...ps]), bySorting(values, [...PS, ...ps]));
      }),
      { numRuns: 500 },
    );
  });

  it('equals them on smooth columns with ties, negative values and signed zeros (the bucket path)', () => {
    const values = fc.array(
      fc.oneof({ arbitrary: fc.integer({ min: -100_000, max: 100_000 }).map((k) => k / 3), weight: 10 }, fc.constantFrom(0, -0, -2, 5)),
      { minLength: 1, maxLength: 2000 },
    );
    fc.assert(
      fc.property(values, (list) => {
        const column = Float64Array.from(list);
        expectSame(percentilesBySelection(column, PS), bySorting(column, PS));
      }),
      { numRuns: 300 },
    );
  });

  it('gives a zero the sign the stable sort gives it: the zeros in index order, after the negatives', () => {
    const rng = createRng(8);
    for (let trial = 0; trial < 50; trial++) {
      // Mostly signed zeros in random order, some values either side.
      const column = Float64Array.from({ length: 1000 }, () => {
        const u = rng();
        return u < 0.4 ? -0 : u < 0.8 ? 0 : u < 0.9 ? -rng() : rng();
      });
      expectSame(percentilesBySelection(column, PS), bySorting(column, PS));
    }
  });

  it('reads a column already in order directly, and a constant one too', () => {
    expectSame(percentilesBySelection(Float64Array.from([1, 2, 3, 4]), [0.25, 0.5]), [1.75, 2.5]);
    expectSame(percentilesBySelection(Float64Array.from([-0, 0, -0]), [0, 0.5, 1]), [-0, 0, -0]);
    expectSame(percentilesBySelection(new Float64Array(100).fill(7), [0.1, 0.9]), [7, 7]);
  });

  it('is NaN without values, and rejects probabilities outside [0, 1]', () => {
    expect(percentilesBySelection(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
    expect(() => percentilesBySelection(Float64Array.from([1, 2]), [50])).toThrow(RangeError);
  });
});
