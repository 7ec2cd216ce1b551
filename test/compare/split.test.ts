import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Coalitions, sequentialShares, shapleyShares, type CoalitionValue } from '../../src/compare/split.js';

/** A game over k factors from a function of the members, metric vector of one. */
function game(k: number, f: (members: readonly boolean[]) => number): Coalitions {
  const value: CoalitionValue = (members) => Float64Array.of(f(members));
  const none = Array.from({ length: k }, () => false);
  const all = Array.from({ length: k }, () => true);
  return new Coalitions(k, value, { none: value(none)!, all: value(all)! });
}

const first = (shares: Float64Array[] | undefined) => shares!.map((share) => share[0]!);

describe('Shapley shares', () => {
  it('split a product of two factors by the hand formula: (a1-a0)(b0+b1)/2 and (b1-b0)(a0+a1)/2', () => {
    const [a0, a1, b0, b1] = [1.14, 1.2, 0.75, 0.6];
    const shares = first(shapleyShares(game(2, ([a, b]) => (a ? a1 : a0) * (b ? b1 : b0))));
    expect(shares[0]).toBeCloseTo(((a1 - a0) * (b0 + b1)) / 2, 14);
    expect(shares[1]).toBeCloseTo(((b1 - b0) * (a0 + a1)) / 2, 14);
  });

  it('give each factor its own effect when effects add, and share an interaction equally', () => {
    const additive = first(shapleyShares(game(3, (m) => (m[0] ? 5 : 0) + (m[1] ? -2 : 0) + (m[2] ? 7 : 0))));
    [5, -2, 7].forEach((own, i) => expect(additive[i]).toBeCloseTo(own, 12));
    // Only both together do anything: each gets half.
    expect(first(shapleyShares(game(2, ([a, b]) => (a && b ? 10 : 0))))).toEqual([5, 5]);
  });

  it('are efficient, symmetric and give a null factor nothing, for any game', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((k) => fc.tuple(fc.constant(k), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2 ** k, maxLength: 2 ** k }))), ([k, table]) => {
        const mask = (members: readonly boolean[]) => members.reduce((acc, m, i) => acc | (m ? 1 << i : 0), 0);
        const shares = first(shapleyShares(game(k, (m) => table[mask(m)]!)));
        const sum = shares.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - (table[2 ** k - 1]! - table[0]!))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(table[2 ** k - 1]! - table[0]!)));
      }),
    );
    // Factor 2 never matters; factors 0 and 1 are interchangeable.
    const shares = first(shapleyShares(game(3, ([a, b]) => (a ? 3 : 0) + (b ? 3 : 0) + (a && b ? 4 : 0))));
    expect(shares[0]).toBeCloseTo(shares[1]!, 12);
    expect(shares[2]).toBe(0);
  });

  it('cost 2^k evaluations less the two known coalitions, each evaluated once', () => {
    let calls = 0;
    const value: CoalitionValue = (m) => {
      calls += 1;
      return Float64Array.of(m.filter(Boolean).length);
    };
    const coalitions = new Coalitions(4, value, { none: Float64Array.of(0), all: Float64Array.of(4) });
    shapleyShares(coalitions);
    sequentialShares(coalitions);
    expect(calls).toBe(14);
    expect(coalitions.evaluations).toBe(14);
  });

  it('give up (undefined) when a coalition cannot be evaluated', () => {
    const value: CoalitionValue = ([a, b]) => (a && !b ? undefined : Float64Array.of(1));
    expect(shapleyShares(new Coalitions(2, value, { none: Float64Array.of(1), all: Float64Array.of(1) }))).toBeUndefined();
  });
});

describe('sequential shares', () => {
  it('give each factor its change when switched on after those before it, summing to the total', () => {
    const [a0, a1, b0, b1] = [1.14, 1.2, 0.75, 0.6];
    const shares = first(sequentialShares(game(2, ([a, b]) => (a ? a1 : a0) * (b ? b1 : b0))));
    expect(shares[0]).toBeCloseTo((a1 - a0) * b0, 14); // the interaction goes to the later factor
    expect(shares[1]).toBeCloseTo(a1 * (b1 - b0), 14);
    expect(shares[0]! + shares[1]!).toBeCloseTo(a1 * b1 - a0 * b0, 14);
  });

  it('need only prefixes, so a failing non-prefix coalition does not matter', () => {
    const value: CoalitionValue = ([a, b]) => (!a && b ? undefined : Float64Array.of((a ? 1 : 0) + (b ? 2 : 0)));
    const coalitions = new Coalitions(2, value, { none: Float64Array.of(0), all: Float64Array.of(3) });
    expect(shapleyShares(coalitions)).toBeUndefined();
    expect(first(sequentialShares(coalitions))).toEqual([1, 2]);
  });
});
