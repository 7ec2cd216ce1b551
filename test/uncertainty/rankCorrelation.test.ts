import { describe, expect, it } from 'vitest';
import { compileQuantile } from '../../src/uncertainty/distributions.js';
import { induceRankCorrelation } from '../../src/uncertainty/imanConover.js';
import { latinHypercube } from '../../src/uncertainty/latinHypercube.js';
import {
  centredRanks,
  centredRanksAlong,
  centredRanksByStrata,
  centredRanksFromOrder,
  rankCorrelations,
  rankVectors,
  type CentredRanks,
} from '../../src/uncertainty/rankCorrelation.js';
import { createRng } from '../../src/uncertainty/rng.js';
import { gather, ranksFromOrder, sortOrder, spearman } from '../../src/uncertainty/statistics.js';
import type { Distribution } from '../../src/uncertainty/types.js';
import { centre } from './referenceRanks.js';

/** One coefficient at a time, the plain way: NaN for a constant side, else the dot product over the norms. */
function reference(x: CentredRanks, y: CentredRanks): number {
  if (!(x.norm > 0 && y.norm > 0)) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < x.ranks.length; i++) sum += x.ranks[i]! * y.ranks[i]!;
  return sum / (x.norm * y.norm);
}

describe('rankCorrelations', () => {
  const n = 1001;
  const rng = createRng(12);
  const column = (kind: number) =>
    Float64Array.from({ length: n }, (_, i) => (kind === 0 ? 3 : kind === 1 ? Math.floor(rng() * 7) : rng() * (1 + (i % 5))));

  it('equals one coefficient at a time, bit for bit, for any number of inputs and metrics (constants give NaN)', () => {
    for (const k of [0, 1, 3, 4, 5, 8, 9]) {
      // Input 1 constant when there is one; metrics: a constant one among tied and smooth ones, an odd count.
      const inputs = Array.from({ length: k }, (_, j) => centredRanks(column(j === 1 ? 0 : 1 + (j % 2))));
      const metrics = [column(2), column(0), column(1), column(2), column(1)].map(centredRanks);
      const rho = rankCorrelations(inputs, metrics);
      expect(rho).toHaveLength(metrics.length);
      metrics.forEach((metric, m) => {
        expect(rho[m]).toHaveLength(k);
        inputs.forEach((input, j) => expect(Object.is(rho[m]![j], reference(input, metric)), `k = ${k}, metric ${m}, input ${j}`).toBe(true));
      });
      if (k > 1) expect(rho[0]![1]).toBeNaN();
      expect(Array.from(rho[1]!).every(Number.isNaN)).toBe(true);
    }
  });

  it('is Spearman\'s rho', () => {
    const x = column(2);
    const y = x.map((v, i) => v * v + (i % 3));
    const [[rho]] = rankCorrelations([centredRanks(x)], [centredRanks(y)]) as [Float64Array];
    expect(rho).toBeCloseTo(spearman(x, y), 14);
  });
});

/** Bit-for-bit equality of two rank results (the ranks and the norm). */
function expectSameRanks(actual: CentredRanks | undefined, expected: CentredRanks, label: string): void {
  expect(actual, label).toBeDefined();
  expect(Object.is(actual!.norm, expected.norm), `${label}: norm`).toBe(true);
  const bytes = (ranks: Float64Array) => Buffer.from(ranks.buffer, ranks.byteOffset, ranks.byteLength);
  expect(bytes(actual!.ranks).equals(bytes(expected.ranks)), `${label}: ranks`).toBe(true);
}

describe('centredRanksFromOrder and centredRanksAlong', () => {
  const rng = createRng(21);
  const columns = [
    Float64Array.from({ length: 1001 }, () => rng()),
    Float64Array.from({ length: 1000 }, () => Math.floor(rng() * 5) - 2), // ties
    Float64Array.from({ length: 999 }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : rng())), // signed zeros tie
    new Float64Array(0),
  ];

  it('equal centre(ranksFromOrder(...)), bit for bit', () => {
    for (const values of columns) {
      const order = sortOrder(values);
      const sorted = gather(values, order);
      expectSameRanks(centredRanksFromOrder(order, sorted), centre(ranksFromOrder(order, sorted)), `n = ${values.length}`);
    }
  });

  it('rank along any order in which the values do not decrease, however ties are ordered; undefined along any other', () => {
    for (const values of columns) {
      // Ties in reverse index order: not the stable sort's order, the same ranks.
      const order = Uint32Array.from([...values.keys()].sort((a, b) => values[a]! - values[b]! || b - a));
      expectSameRanks(centredRanksAlong(values, order), centredRanks(values), `n = ${values.length}`);
      if (values.length > 1) expect(centredRanksAlong(values, order.slice().reverse())).toBeUndefined();
    }
    expect(centredRanksAlong(Float64Array.from([1, Number.NaN, 2]), Uint32Array.from([0, 1, 2]))).toBeUndefined();
  });
});

describe('centredRanksByStrata', () => {
  const n = 2000;
  const distributions: Distribution[] = [
    { kind: 'uniform', low: -1, high: 3 },
    { kind: 'triangular', low: 0, mode: 0.2, high: 1 },
    { kind: 'pert', low: 10, mode: 11, high: 20, lambda: 4 },
    { kind: 'normal', mean: 0, sd: 1, min: -1, max: Infinity },
    { kind: 'lognormal', p10: 1, p90: 30 },
    { kind: 'choice', weights: [0.2, 0.5, 0.3] }, // many ties
    { kind: 'triangular', low: 5, mode: 5, high: 5 }, // constant
  ];
  const sample = (uniforms: Float64Array, d: Distribution) => uniforms.map(compileQuantile(d));

  it('equals sorting on Latin-hypercube columns of every kind of distribution, ties included', () => {
    const uniforms = latinHypercube(n, distributions.length, createRng(31));
    distributions.forEach((d, j) => {
      const values = sample(uniforms[j]!, d);
      expectSameRanks(centredRanksByStrata(values, uniforms[j]!, new Float64Array(n)), centredRanks(values), d.kind);
    });
  });

  it('equals sorting on columns reordered by Iman-Conover, and on odd lengths', () => {
    for (const length of [1, 2, 3, 1001]) {
      const uniforms = induceRankCorrelation(latinHypercube(length, 3, createRng(length)), [[1, 0.8, -0.4], [0.8, 1, 0], [-0.4, 0, 1]], createRng(5));
      uniforms.forEach((u, j) => {
        const values = sample(u, distributions[j]!);
        expectSameRanks(centredRanksByStrata(values, u, new Float64Array(length)), centredRanks(values), `n = ${length}, input ${j}`);
      });
    }
  });

  it('ranks only the kept samples, among themselves', () => {
    const uniforms = latinHypercube(n, 2, createRng(32));
    const rng = createRng(33);
    const kept = Array.from({ length: n }, () => rng() < 0.7);
    let count = 0;
    const validIndex = Int32Array.from(kept, (keep) => (keep ? count++ : -1));
    [distributions[1]!, distributions[5]!].forEach((d, j) => {
      const values = sample(uniforms[j]!, d);
      const keptValues = values.filter((_, s) => kept[s]);
      expectSameRanks(centredRanksByStrata(values, uniforms[j]!, new Float64Array(count), validIndex), centredRanks(keptValues), d.kind);
    });
  });

  it('gives up (undefined) when values fall as the uniforms rise, a stratum holds two samples, or a value is NaN', () => {
    const [u] = latinHypercube(n, 1, createRng(34)) as [Float64Array];
    const into = new Float64Array(n);
    // Monotone but for one step down by an ulp, as a numeric quantile function might make.
    const inStratum = (k: number) => u.findIndex((x) => Math.floor(x * n) === k);
    const wobbly = u.slice();
    wobbly[inStratum(1000)] = u[inStratum(999)]! * (1 - 2 ** -53);
    expect(wobbly[inStratum(1000)]).toBeLessThan(wobbly[inStratum(999)]!);
    expect(centredRanksByStrata(wobbly, u, into)).toBeUndefined();
    expect(centredRanksByStrata(u.map((x) => Math.sin(20 * x)), u, into)).toBeUndefined();
    const twoInOne = u.slice();
    twoInOne[twoInOne.indexOf(Math.max(...u))] = u[0]!;
    expect(centredRanksByStrata(twoInOne, twoInOne, into)).toBeUndefined();
    const withNaN = u.slice();
    withNaN[7] = Number.NaN;
    expect(centredRanksByStrata(withNaN, u, into)).toBeUndefined();
    expect(centredRanksByStrata(u, u.map((x) => x + 1), into)).toBeUndefined(); // outside [0, 1)
  });
});

describe('rankCorrelations', () => {
  const rng = createRng(41);
  const ranked = (length: number, ties: boolean) =>
    centredRanks(Float64Array.from({ length }, () => (ties ? Math.floor(rng() * 9) : rng())));

  it('gives the bits of one index-order sum at a time, on rankVectors views of one reused buffer', () => {
    for (const length of [1000, 1001]) {
      const inputs = Array.from({ length: 6 }, (_, j) => ranked(length, j === 2));
      const metrics = Array.from({ length: 3 }, (_, m) => ranked(length, m === 1));
      const space = rankVectors(inputs.length + metrics.length, length);
      const inPlace = [...inputs, ...metrics].map(({ ranks, norm }, k) => ({ ranks: (space[k]!.set(ranks), space[k]!), norm }));
      const rho = rankCorrelations(inPlace.slice(0, inputs.length), inPlace.slice(inputs.length));
      metrics.forEach((metric, m) =>
        inputs.forEach((input, j) => expect(Object.is(rho[m]![j], reference(input, metric)), `n = ${length}, ${m}, ${j}`).toBe(true)),
      );
    }
  });

  it('gives equal vectors the same coefficients, also for vectors long enough that another summing order could round', () => {
    const input = ranked(1000, false);
    const metric = ranked(1000, true);
    const rho = rankCorrelations([input, input, ranked(1000, false)], [metric, { ranks: metric.ranks.slice(), norm: metric.norm }]);
    expect(rho[1]).toEqual(rho[0]);
    expect(rho[0]![1]).toBe(rho[0]![0]);
    const long = 208_064; // the first length whose sums could be inexact in an order other than the index order
    const [x, y] = [ranked(long, false), ranked(long, true)];
    expect(Object.is(rankCorrelations([x], [y])[0]![0], reference(x, y))).toBe(true);
  });
});
