import { describe, expect, it } from 'vitest';
import { centredRanks, rankCorrelations, type CentredRanks } from '../../src/uncertainty/rankCorrelation.js';
import { createRng } from '../../src/uncertainty/rng.js';
import { spearman } from '../../src/uncertainty/statistics.js';

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
