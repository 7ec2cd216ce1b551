import { describe, expect, it } from 'vitest';
import { FIGURE, HEADLINE_FIGURES, PERCENTILES, headlineStatistics, rankInputs } from '../../src/uncertainty/headlineStatistics.js';
import { rankVectors } from '../../src/uncertainty/rankCorrelation.js';
import { sampleInputs, sampledUniforms } from '../../src/uncertainty/sampleInputs.js';
import { batchMeansStandardError, mean, percentile, sortOrder, gather, spearman } from '../../src/uncertainty/statistics.js';
import type { UncertainInput } from '../../src/uncertainty/types.js';
import { validSamples } from '../../src/uncertainty/validSamples.js';

const at = { file: 'assumptions/x.yaml', line: 1, column: 1 };
const inputs: UncertainInput[] = [
  { path: 'x', unit: '1', distribution: { kind: 'triangular', low: 0, mode: 1, high: 4 }, target: { kind: 'value' }, pointValue: 1, at },
  { path: 'y', unit: '1', distribution: { kind: 'uniform', low: -1, high: 1 }, target: { kind: 'value' }, pointValue: 0, at },
];

describe('headlineStatistics', () => {
  const n = 2000;
  const [x, y] = sampleInputs(inputs, [], n, 5) as [Float64Array, Float64Array];
  // Two metrics: one driven by x (with a little y), one a constant.
  const driven = Float64Array.from(x, (v, s) => 3 * v + 0.1 * y[s]!);
  const flat = new Float64Array(n).fill(7);
  const space = rankVectors(4, n);
  const valid = validSamples(driven, n);
  const inputRanks = rankInputs([x, y], [sampledUniforms(x), sampledUniforms(y)], valid, space.slice(0, 2));
  const { figures, rho } = headlineStatistics(inputRanks, [driven, flat], space.slice(2));

  it('lays out mean, the percentiles and their standard errors per column, as the plain functions give them', () => {
    const sorted = gather(driven, sortOrder(driven));
    expect(figures.length).toBe(2 * HEADLINE_FIGURES);
    expect(FIGURE).toEqual({ mean: 0, percentiles: 1, standardErrors: 1 + PERCENTILES.length });
    expect(figures[0]).toBe(mean(driven));
    PERCENTILES.forEach((p, k) => expect(figures[1 + k]).toBe(percentile(sorted, p)));
    [0.1, 0.5, 0.9].forEach((p, k) => expect(figures[1 + PERCENTILES.length + k]).toBe(batchMeansStandardError(driven, p)));
    // The constant column: its value everywhere, no spread.
    expect(Array.from(figures.subarray(HEADLINE_FIGURES, HEADLINE_FIGURES + 1 + PERCENTILES.length))).toEqual([7, 7, 7, 7, 7, 7]);
    expect(Array.from(figures.subarray(HEADLINE_FIGURES + 1 + PERCENTILES.length, 2 * HEADLINE_FIGURES))).toEqual([0, 0, 0]);
  });

  it("gives each column's Spearman rho with each input; NaN against a constant", () => {
    expect(rho[0]![0]).toBeCloseTo(spearman(driven, x), 12);
    expect(rho[0]![1]).toBeCloseTo(spearman(driven, y), 12);
    expect(rho[0]![0]).toBeGreaterThan(0.99);
    expect(Number.isNaN(rho[1]![0]!)).toBe(true);
  });

  it('ranks inputs from their strata as sorting does', () => {
    const sortedRanks = rankInputs([x, y], [undefined, undefined], valid, rankVectors(2, n));
    expect(Array.from(sortedRanks[0]!.ranks)).toEqual(Array.from(inputRanks[0]!.ranks));
    expect(sortedRanks[1]!.norm).toBe(inputRanks[1]!.norm);
  });

  it('gives zeros and no standard error when there is no valid sample', () => {
    const none = headlineStatistics([], [new Float64Array(0)], [new Float64Array(0)]);
    expect(Array.from(none.figures.subarray(0, 1 + PERCENTILES.length))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(none.figures.subarray(1 + PERCENTILES.length)).every(Number.isNaN)).toBe(true);
  });
});
