import { describe, expect, it } from 'vitest';
import type { MetricSpec } from '../../src/uncertainty/runUncertainty.js';
import { sampleInputs } from '../../src/uncertainty/sampleInputs.js';
import { gather, mean, percentile, ranksFromOrder, sortOrder } from '../../src/uncertainty/statistics.js';
import { summarise } from '../../src/uncertainty/summarise.js';
import type { CorrelationGroup, Distribution, UncertainInput } from '../../src/uncertainty/types.js';
import { centre } from './referenceRanks.js';

const at = { file: 'assumptions/x.yaml', line: 1, column: 1 };

function input(path: string, distribution: Distribution, pointValue: number): UncertainInput {
  return { path, unit: '1', distribution, target: { kind: 'value' }, pointValue, at };
}

function plainSummarise(inputs: readonly UncertainInput[], inputValues: Float64Array[], metrics: MetricSpec[], metricValues: Float64Array[]) {
  const validSamples = [...metricValues[0]!.keys()].filter((s) => !Number.isNaN(metricValues[0]![s]!));
  const compact = (column: Float64Array) => Float64Array.from(validSamples, (s) => column[s]!);
  const stablySorted = (values: Float64Array) => gather(values, sortOrder(values));
  const ranked = (values: Float64Array) => {
    const order = sortOrder(values);
    return centre(ranksFromOrder(order, gather(values, order)));
  };
  const batchError = (values: Float64Array, p: number) => {
    const batches = 20;
    if (values.length < 2 * batches) return Number.NaN;
    const estimates = Float64Array.from({ length: batches }, (_, b) =>
      percentile(stablySorted(values.slice(Math.floor((b * values.length) / batches), Math.floor(((b + 1) * values.length) / batches))), p),
    );
    const average = mean(estimates);
    return Math.sqrt(estimates.reduce((sum, e) => sum + (e - average) ** 2, 0) / (batches - 1) / batches);
  };
  const inputRanks = inputValues.map((column) => ranked(compact(column)));
  const percentiles = metrics.map((spec, m) => {
    const values = compact(metricValues[m]!);
    const sorted = stablySorted(values);
    const at = (p: number) => (values.length > 0 ? percentile(sorted, p) : 0);
    return { ...spec, mean: values.length > 0 ? mean(values) : 0, p5: at(0.05), p10: at(0.1), p50: at(0.5), p90: at(0.9), p95: at(0.95) };
  });
  const headline = metrics.flatMap((spec, m) => (spec.headline ? [{ spec, values: compact(metricValues[m]!) }] : []));
  const standardErrors = headline.map(({ spec: { metric, unit }, values }) => {
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((p) => batchError(values, p));
    return { metric, unit, p10, p50, p90 };
  });
  const rankCorrelation = headline.flatMap(({ spec, values }) => {
    const y = ranked(values);
    return inputs.map((input, j) => {
      const x = inputRanks[j]!;
      let sum = 0;
      for (let s = 0; s < y.ranks.length; s++) sum += x.ranks[s]! * y.ranks[s]!;
      const rho = x.norm > 0 && y.norm > 0 ? sum / (x.norm * y.norm) : Number.NaN;
      return { metric: spec.metric, input: input.path, spearman: Number.isFinite(rho) ? rho : 0 };
    });
  });
  return { percentiles: percentiles.map(({ headline: _headline, ...row }) => row), standardErrors, rankCorrelation };
}

/** JSON that tells -0 from 0 and shows NaN. */
const exactly = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : String(v)) : v));

describe('summarise', () => {
  const uncertain = [
    input('u', { kind: 'uniform', low: 0, high: 1 }, 0.5),
    input('t', { kind: 'triangular', low: 1, mode: 2, high: 5 }, 2),
    input('p', { kind: 'pert', low: 0, mode: 0.1, high: 1, lambda: 4 }, 0.1),
    input('c', { kind: 'choice', weights: [0.3, 0.3, 0.4] }, 0),
    input('n', { kind: 'normal', mean: 0, sd: 1, min: -Infinity, max: Infinity }, 0),
    input('k', { kind: 'triangular', low: 3, mode: 3, high: 3 }, 3),
  ];
  const group: CorrelationGroup = { name: 'g', paths: ['u', 't', 'c'], matrix: [[1, 0.7, 0.3], [0.7, 1, 0], [0.3, 0, 1]], at };
  const spec = (metric: string, headline: boolean): MetricSpec => ({ metric, unit: '1', year: headline ? 'all' : 2030, headline });
  const metrics = [
    spec('first', true), // NaN marks the invalid samples
    spec('cubed', true), // a monotone function of first: the same ranks
    spec('copy', true), // first again, bit for bit
    spec('few', true), // three values
    spec('zeros', true), // -0 and 0
    spec('flat', true),
    spec('zeros_again', false), // zeros, bit for bit
    spec('zeros_flipped', false), // zeros with the signs of its zeros flipped: must not pass for zeros
    spec('smooth', false),
    spec('flat_again', false),
  ];
  const columns = (values: Float64Array[], invalid: (s: number) => boolean) => {
    const [u, t, p, c, n] = values as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    return metrics.map(({ metric }) =>
      Float64Array.from(u, (_, s) => {
        const first = invalid(s) ? Number.NaN : u[s]! + 2 * t[s]! + p[s]! * n[s]!;
        const zero = c[s] === 1 ? -0 : 0;
        switch (metric) {
          case 'first':
          case 'copy':
            return first;
          case 'cubed':
            return first ** 3;
          case 'few':
            return c[s]!;
          case 'zeros':
          case 'zeros_again':
            return u[s]! < 0.4 ? zero : u[s]!;
          case 'zeros_flipped':
            return u[s]! < 0.4 ? -zero : u[s]!;
          case 'smooth':
            return t[s]! * n[s]!;
          default:
            return 0;
        }
      }),
    );
  };

  it('equals the plain way bit for bit: inputs ranked from strata or sorted, equal columns, ties, signed zeros, invalid samples', () => {
    for (const samples of [1000, 1001]) {
      const inputValues = sampleInputs(uncertain, [group], samples, 17);
      for (const invalid of [() => false, (s: number) => s % 7 === 3]) {
        const metricValues = columns(inputValues, invalid);
        const expected = exactly(plainSummarise(uncertain, inputValues, metrics, metricValues));
        expect(exactly(summarise(uncertain, inputValues, metrics, metricValues)), `n = ${samples}`).toBe(expected);
        // Copies of the input columns carry no uniforms: they are sorted, to the same ranks.
        const copies = inputValues.map((column) => column.slice());
        expect(exactly(summarise(uncertain, copies, metrics, metricValues)), `n = ${samples}, copies`).toBe(expected);
      }
    }
  });

  it('copes with no valid sample and with no headline metric', () => {
    const inputValues = sampleInputs(uncertain, [], 100, 3);
    const metricValues = columns(inputValues, () => true);
    const plain = plainSummarise(uncertain, inputValues, metrics, metricValues);
    expect(exactly(summarise(uncertain, inputValues, metrics, metricValues))).toBe(exactly(plain));
    const perYear = metrics.map((m) => ({ ...m, headline: false }));
    const valid = columns(inputValues, () => false);
    expect(exactly(summarise(uncertain, inputValues, perYear, valid))).toBe(exactly(plainSummarise(uncertain, inputValues, perYear, valid)));
  });
});
