import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/uncertainty/rng.js';
import {
  bucketSortOrder,
  countingSortOrder,
  isNonDecreasing,
  radixSortOrder,
  sortOrder,
  sortOrderWithValues,
} from '../../src/uncertainty/sortOrder.js';

/** The definition: indices by value, ties (-0 and 0 included) in index order. */
function stableOrder(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

/** Every double but NaN: -0, infinities, subnormals and extremes included. */
const anyValues = fc.array(fc.double({ noNaN: true }), { maxLength: 300 });
/** Smooth, spread values with a few ties and signed zeros: what the bucket sort takes. */
const smoothValues = fc.array(
  fc.oneof({ arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => k / 7), weight: 20 }, fc.constantFrom(0, -0, 1 / 7)),
  { minLength: 2, maxLength: 400 },
);

const run = (sort: (values: Float64Array, order: Uint32Array) => unknown, values: Float64Array) => {
  const order = new Uint32Array(values.length);
  const done = sort(values, order);
  return { done, order: Array.from(order) };
};

describe('sortOrder', () => {
  it('equals a stable comparator sort on any values (both methods, and the choice between them)', () => {
    fc.assert(
      fc.property(anyValues, (list) => {
        const values = Float64Array.from(list);
        const expected = stableOrder(values);
        expect(Array.from(sortOrder(values))).toEqual(expected);
        expect(run(radixSortOrder, values).order).toEqual(expected);
        const bucket = run(bucketSortOrder, values);
        if (bucket.done) expect(bucket.order).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('bucket sort takes smooth values, and is stable for their ties and signed zeros', () => {
    let taken = 0;
    fc.assert(
      fc.property(smoothValues, (list) => {
        const values = Float64Array.from(list);
        const bucket = run(bucketSortOrder, values);
        if (bucket.done) taken++;
        if (bucket.done) expect(bucket.order).toEqual(stableOrder(values));
      }),
      { numRuns: 300 },
    );
    expect(taken).toBeGreaterThan(200); // the property did test the bucket sort
    const rng = createRng(5);
    // A bell-shaped column like a model output's, with signed zeros sprinkled in.
    const column = Float64Array.from({ length: 10_000 }, (_, i) => (i % 97 === 0 ? (i % 2 ? -0 : 0) : (rng() + rng() + rng() - 1.5) * 1e6));
    const bucket = run(bucketSortOrder, column);
    expect(bucket.done).toBe(true);
    expect(bucket.order).toEqual(stableOrder(column));
  });

  it('bucket sort gives up on few distinct values, far outliers and infinities; counting or radix sort then sorts them', () => {
    const rng = createRng(6);
    const cases = [
      Float64Array.from({ length: 2000 }, () => Math.floor(rng() * 3)),
      Float64Array.from({ length: 2000 }, (_, i) => (i === 7 ? 1e300 : rng())),
      Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? Infinity : rng())),
      Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? -Infinity : rng())),
      Float64Array.from({ length: 100 }, (_, i) => (i % 2 ? -Number.MAX_VALUE : Number.MAX_VALUE)), // max - min overflows
    ];
    for (const values of cases) {
      expect(run(bucketSortOrder, values).done).toBe(false);
      expect(Array.from(sortOrder(values))).toEqual(stableOrder(values));
    }
  });

  it('ties -0 with 0 in both methods (index order)', () => {
    const values = Float64Array.from([0, -0, 1, -0, 0, -1]);
    const expected = [5, 0, 1, 3, 4, 2];
    expect(run(radixSortOrder, values).order).toEqual(expected);
    expect(run(bucketSortOrder, values)).toEqual({ done: true, order: expected });
  });

  it('returns the identity for values already in order, ties and signed zeros included', () => {
    const values = Float64Array.from([-3, -0, 0, -0, 2, 2, 5]);
    expect(isNonDecreasing(values)).toBe(true);
    expect(Array.from(sortOrder(values))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(isNonDecreasing(Float64Array.from([1, 0]))).toBe(false);
  });

  it('counting sort takes columns of up to 16 distinct values, stably (signed zeros tie), and declines more', () => {
    const fewValues = fc.array(fc.constantFrom(-2.5, -0, 0, 1, 3, Infinity, -Infinity, 1e300), { maxLength: 300 });
    fc.assert(
      fc.property(fewValues, (list) => {
        const values = Float64Array.from(list);
        expect(run(countingSortOrder, values)).toEqual({ done: true, order: stableOrder(values) });
      }),
      { numRuns: 200 },
    );
    const sixteen = Float64Array.from({ length: 500 }, (_, i) => (i * 7) % 16);
    expect(run(countingSortOrder, sixteen).done).toBe(true);
    expect(run(countingSortOrder, Float64Array.from({ length: 500 }, (_, i) => (i * 7) % 17)).done).toBe(false);
  });

  it('sortOrderWithValues gives sortOrder and the values in that order, signed zeros as they are', () => {
    const rng = createRng(8);
    const cases = [
      Float64Array.from({ length: 3000 }, () => (rng() - 0.5) * 1e3), // bucket sort
      Float64Array.from({ length: 3000 }, (_, i) => (i % 5 === 0 ? -0 : Math.floor(rng() * 4))), // counting sort
      Float64Array.from({ length: 3000 }, (_, i) => (i === 9 ? 1e300 : rng())), // radix sort
      Float64Array.from([-1, -0, 0, 2]), // already in order
      new Float64Array(0),
    ];
    for (const values of cases) {
      const order = new Uint32Array(values.length);
      const sorted = new Float64Array(values.length);
      sortOrderWithValues(values, order, sorted);
      const expected = sortOrder(values);
      expect(Array.from(order)).toEqual(Array.from(expected));
      expect(Array.from(sorted, (v) => Object.is(v, -0))).toEqual(Array.from(expected, (i) => Object.is(values[i], -0)));
      expect(Array.from(sorted)).toEqual(Array.from(expected, (i) => values[i]));
    }
  });
});
