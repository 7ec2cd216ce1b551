import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomPermutation } from '../../src/uncertainty/permutation.js';

/** Fisher-Yates written out on a plain array: the q-th swap exchanges place n-1-q with floor(draws[q] (i + 1)). */
function shuffledReference<T>(items: readonly T[], draws: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1, q = 0; i > 0; i--, q++) {
    const swap = Math.min(i, Math.floor(draws[q]! * (i + 1)));
    [out[i], out[swap]] = [out[swap]!, out[i]!];
  }
  return out;
}

describe('randomPermutation', () => {
  it('is a permutation of 0..n-1, the order the reference shuffle gives, and reading order[i] of a column shuffles it the same way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: Math.max(0, n - 1), maxLength: Math.max(0, n - 1) }))), ([n, draws]) => {
        const order = randomPermutation(new Uint32Array(n), draws);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
        const identity = Array.from({ length: n }, (_, k) => k);
        expect([...order]).toEqual(shuffledReference(identity, draws));
        const column = identity.map((k) => k * 1.5 - 7);
        expect(identity.map((i) => column[order[i]!])).toEqual(shuffledReference(column, draws));
      }),
    );
  });

  it('keeps a draw that rounds u (i + 1) up to i + 1 in range', () => {
    const order = randomPermutation(new Uint32Array(3), [1 - 2 ** -53, 1 - 2 ** -53]);
    expect([...order].sort()).toEqual([0, 1, 2]);
  });

  it('says how many draws it needs when given too few', () => {
    expect(() => randomPermutation(new Uint32Array(4), [0.5, 0.5])).toThrow(/randomPermutation of 4 needs 3 draws, got 2/);
  });
});
