import { describe, expect, it } from 'vitest';
import type { ModelInputs } from '../../src/model/inputs.js';
import { runUncertainty, type Evaluator, type MetricSpec } from '../../src/uncertainty/runUncertainty.js';
import type { Distribution, UncertainInput } from '../../src/uncertainty/types.js';

const at = { file: 'assumptions/x.yaml', line: 1, column: 1 };

function input(path: string, distribution: Distribution, pointValue: number): UncertainInput {
  return { path, unit: '1', distribution, target: { kind: 'value' }, pointValue, at };
}

/**
 * A constructed "model": the sample values pass straight through as inputs, and
 * the metric is big = 10a + b (a and b uniform on [0, 1]) and small = b.
 * So a moves `big` ten times as much as b does, and `small` not at all.
 */
type Values = { a: number; b: number };
const apply = (values: ArrayLike<number>) => ({ a: values[0]!, b: values[1]! }) as unknown as ModelInputs;
const evaluator: Evaluator = {
  metrics: [
    { metric: 'big', unit: 'MW', year: 'all', headline: true },
    { metric: 'small', unit: 'MW', year: 'all', headline: true },
    { metric: 'per_year', unit: 'MWh', year: 2030, headline: false },
  ],
  evaluate(inputs, out) {
    const { a, b } = inputs as unknown as Values;
    out[0] = 10 * a + b;
    out[1] = b;
    out[2] = a;
    return true;
  },
};
const INPUTS = [input('a', { kind: 'uniform', low: 0, high: 1 }, 0.5), input('b', { kind: 'uniform', low: 0, high: 1 }, 0.5)];

describe('runUncertainty', () => {
  const report = runUncertainty(INPUTS, [], apply, evaluator, { samples: 2000, seed: 7 });

  it('gives percentiles of the metric: 10a + b is between 0 and 11 with median ~5.5', () => {
    const big = report.percentiles.find((r) => r.metric === 'big')!;
    expect(big.p5).toBeGreaterThan(0);
    expect(big.p95).toBeLessThan(11);
    expect(big.p10).toBeLessThan(big.p50);
    expect(big.p50).toBeLessThan(big.p90);
    expect(big.p50).toBeCloseTo(5.5, 0);
    expect(big.mean).toBeCloseTo(5.5, 1);
    expect(report.percentiles.find((r) => r.metric === 'per_year')!.year).toBe(2030);
  });

  it('ranks the tornado by swing: a swings big by 10 x 0.8 = 8, b by 0.8', () => {
    const big = report.tornado.filter((r) => r.metric === 'big');
    expect(big.map((r) => r.input)).toEqual(['a', 'b']);
    // Each input goes from its P10 (0.1) to its P90 (0.9) with the other at its P50 (0.5).
    expect(big[0]).toMatchObject({ inputLow: 0.1, inputHigh: 0.9 });
    expect(big[0]!.outputAtLow).toBeCloseTo(10 * 0.1 + 0.5, 12);
    expect(big[0]!.outputAtHigh).toBeCloseTo(10 * 0.9 + 0.5, 12);
    expect(big[0]!.swing).toBeCloseTo(8, 12);
    expect(big[1]!.swing).toBeCloseTo(0.8, 12);
    // Per-year metrics get no tornado rows.
    expect(report.tornado.some((r) => r.metric === 'per_year')).toBe(false);
  });

  it('finds the rank correlations: a drives big, b alone drives small', () => {
    const rho = (metric: string, path: string) => report.rankCorrelation.find((r) => r.metric === metric && r.input === path)!.spearman;
    expect(rho('big', 'a')).toBeGreaterThan(0.95);
    expect(rho('big', 'b')).toBeLessThan(0.2);
    expect(rho('small', 'b')).toBeCloseTo(1, 12);
    expect(Math.abs(rho('small', 'a'))).toBeLessThan(0.1);
  });

  it('is deterministic for a seed, and another seed keeps p50 within a few standard errors', () => {
    const again = runUncertainty(INPUTS, [], apply, evaluator, { samples: 2000, seed: 7 });
    expect(again.percentiles).toEqual(report.percentiles);
    expect(again.inputValues).toEqual(report.inputValues);
    const other = runUncertainty(INPUTS, [], apply, evaluator, { samples: 2000, seed: 8 });
    expect(other.inputValues).not.toEqual(report.inputValues);
    const p50 = (r: typeof report) => r.percentiles.find((row) => row.metric === 'big')!.p50;
    const se = report.standardErrors.find((row) => row.metric === 'big')!.p50;
    expect(Math.abs(p50(other) - p50(report))).toBeLessThan(3 * se);
  });

  it('reproduces the deterministic value exactly when every range is degenerate', () => {
    const degenerate = [
      input('a', { kind: 'triangular', low: 0.3, mode: 0.3, high: 0.3 }, 0.3),
      input('b', { kind: 'triangular', low: 0.2, mode: 0.2, high: 0.2 }, 0.2),
    ];
    const fixed = runUncertainty(degenerate, [], apply, evaluator, { samples: 100, seed: 1 });
    const big = fixed.percentiles.find((r) => r.metric === 'big')!;
    const deterministic = 10 * 0.3 + 0.2;
    for (const value of [big.mean, big.p5, big.p10, big.p50, big.p90, big.p95]) expect(value).toBe(deterministic);
  });

  it('leaves invalid samples out of every statistic and counts them', () => {
    const picky: Evaluator = { ...evaluator, evaluate: (inputs, out) => (inputs as unknown as Values).a < 0.5 && evaluator.evaluate(inputs, out) };
    const filtered = runUncertainty(INPUTS, [], apply, picky, { samples: 1000, seed: 3 });
    expect(filtered.invalidSamples).toBe(500); // one sample per stratum: exactly half the strata lie above 0.5
    expect(filtered.percentiles.find((r) => r.metric === 'per_year')!.p95).toBeLessThan(0.5);
  });

  it('gives a metric the same percentiles, bit for bit, whether it is a headline metric (sorted) or not (selected)', () => {
    // Ties, signed zeros and negative values: what could tell the two paths apart.
    const value = (a: number, b: number) => (a < 0.3 ? (b < 0.9 ? -0 : 0) : a < 0.5 ? Math.round(b * 4) - 2 : a * b);
    const twice: Evaluator = {
      metrics: [
        { metric: 'x', unit: '1', year: 'all', headline: true },
        { metric: 'x', unit: '1', year: 2030, headline: false },
      ],
      evaluate(inputs, out) {
        const { a, b } = inputs as unknown as Values;
        out[0] = out[1] = value(a, b);
        return true;
      },
    };
    // 2,001 samples: P5, P10, P50, P90 and P95 each fall on one order statistic, so a -0 can show.
    const same = runUncertainty(INPUTS, [], apply, twice, { samples: 2001, seed: 5 });
    const [headline, perYear] = same.percentiles.map(({ year: _year, ...row }) => Object.values(row).map((v) => (Object.is(v, -0) ? '-0' : v)));
    expect(perYear).toEqual(headline);
    expect(Object.is(same.percentiles[0]!.p10, -0)).toBe(true); // a -0 among 0s: its sign needs the stable order
  });

  it('reports progress', () => {
    const seen: number[] = [];
    runUncertainty(INPUTS, [], apply, evaluator, { samples: 100, seed: 1, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(100);
  });

  it('reports the end of each step, in order, after the samples are evaluated and before returning', () => {
    const seen: string[] = [];
    let evaluations = 0;
    const counting: Evaluator = { ...evaluator, evaluate: (inputs, out) => (evaluations++, evaluator.evaluate(inputs, out)) };
    const report = runUncertainty(INPUTS, [], apply, counting, { samples: 50, seed: 1, onStep: (step) => seen.push(`${step} after ${evaluations}`) });
    // The tornado evaluates each input at its P10 and P90.
    expect(seen).toEqual(['sampled after 0', 'tenth-evaluated after 5', 'evaluated after 50', 'summarised after 50', `tornado after ${50 + 2 * INPUTS.length}`]);
    expect(report.tornado.length).toBeGreaterThan(0);
  });
});
