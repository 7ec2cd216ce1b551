/**
 * Monte Carlo over the uncertain inputs of one scenario. Pure: no I/O.
 *
 * 1. Draw a Latin hypercube of uniforms, one column per uncertain input.
 * 2. Induce each correlation group's rank correlation (Iman-Conover); marginals are untouched.
 * 3. Map uniforms to values through each input's inverse CDF.
 * 4. Evaluate the model once per sample (closed form where exact) into a metrics matrix.
 * 5. Summarise: percentiles, standard errors (batch means), Spearman rank correlations,
 *    and a tornado (each input at its P10 and P90, every other input at its P50).
 */
import type { ModelInputs } from '../model/inputs.js';
import { compileQuantile, quantile } from './distributions.js';
import { induceRankCorrelation } from './imanConover.js';
import { latinHypercube } from './latinHypercube.js';
import { createRng, seedFor } from './rng.js';
import { centre, centredRanks, rankCorrelations, type CentredRanks } from './rankCorrelation.js';
import { percentilesBySelection } from './select.js';
import { batchMeansStandardErrors, gather, mean, percentile, ranksFromOrder, sortOrder } from './statistics.js';
import type { CorrelationGroup, UncertainInput } from './types.js';

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 20_260_227;

/** The percentiles of PercentileRow (p5 ... p95), as fractions. */
const PERCENTILES = [5, 10, 50, 90, 95].map((p) => p / 100);

/** One output number per sample: a headline metric (`year: 'all'`) or a per-year one. */
export interface MetricSpec {
  metric: string;
  unit: string;
  year: number | 'all';
  /** Headline metrics also get standard errors, a tornado and rank correlations. */
  headline: boolean;
}

/** Turns model inputs into the metric vector; false when the sampled inputs are invalid. */
export interface Evaluator {
  metrics: readonly MetricSpec[];
  evaluate(inputs: ModelInputs, out: Float64Array): boolean;
}

export interface PercentileRow {
  metric: string;
  unit: string;
  year: number | 'all';
  mean: number;
  p5: number;
  p10: number;
  p50: number;
  p90: number;
  p95: number;
}

export interface TornadoRow {
  metric: string;
  unit: string;
  input: string;
  inputUnit: string;
  inputLow: number;
  inputHigh: number;
  outputAtLow: number;
  outputAtHigh: number;
  swing: number;
}

export interface RankCorrelationRow {
  metric: string;
  input: string;
  spearman: number;
}

export interface StandardErrorRow {
  metric: string;
  unit: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface UncertaintyReport {
  samples: number;
  seed: number;
  /** Samples whose inputs the model rejected; they are left out of every statistic. */
  invalidSamples: number;
  inputs: readonly UncertainInput[];
  percentiles: PercentileRow[];
  tornado: TornadoRow[];
  rankCorrelation: RankCorrelationRow[];
  standardErrors: StandardErrorRow[];
  /** Sampled input values, one column per input (for --write-samples). */
  inputValues: Float64Array[];
  /** Metric values per sample, one column per metric; NaN marks an invalid sample. */
  metricValues: Float64Array[];
}

export interface UncertaintyOptions {
  samples: number;
  seed: number;
  /** Called now and then with the number of samples evaluated (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export type ApplySample = (values: ArrayLike<number>) => ModelInputs;

export function runUncertainty(
  inputs: readonly UncertainInput[],
  groups: readonly CorrelationGroup[],
  apply: ApplySample,
  evaluator: Evaluator,
  options: UncertaintyOptions,
): UncertaintyReport {
  const n = options.samples;
  const inputValues = sampleInputs(inputs, groups, n, options.seed);

  // 4. The model per sample, into column-major metric arrays.
  const metricCount = evaluator.metrics.length;
  const metricValues = Array.from({ length: metricCount }, () => new Float64Array(n));
  const row = new Float64Array(metricCount);
  const values = new Float64Array(inputs.length);
  let invalidSamples = 0;
  const progressEvery = Math.max(1, Math.floor(n / 50));
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < inputs.length; i++) values[i] = inputValues[i]![s]!;
    const ok = evaluator.evaluate(apply(values), row);
    if (!ok) invalidSamples++;
    for (let m = 0; m < metricCount; m++) metricValues[m]![s] = ok ? row[m]! : Number.NaN;
    if (options.onProgress && (s + 1) % progressEvery === 0) options.onProgress(s + 1, n);
  }

  // 5. Statistics over the valid samples only.
  const { percentiles, standardErrors, rankCorrelation } = summarise(inputs, inputValues, evaluator.metrics, metricValues);
  return {
    samples: n,
    seed: options.seed,
    invalidSamples,
    inputs,
    percentiles,
    tornado: tornado(inputs, apply, evaluator),
    rankCorrelation,
    standardErrors,
    inputValues,
    metricValues,
  };
}

/**
 * Step 5, the statistics over the valid samples (those whose first metric is
 * not NaN): every metric's mean and percentiles; for headline metrics also
 * standard errors and the rank correlation with every input.
 */
export function summarise(
  inputs: readonly UncertainInput[],
  inputValues: readonly Float64Array[],
  metrics: readonly MetricSpec[],
  metricValues: readonly Float64Array[],
): Pick<UncertaintyReport, 'percentiles' | 'standardErrors' | 'rankCorrelation'> {
  const n = metricValues[0]?.length ?? 0;
  const valid = validMask(metricValues[0], n);
  let validCount = 0;
  for (let s = 0; s < n; s++) validCount += valid[s]!;
  const percentiles: PercentileRow[] = [];
  const standardErrors: StandardErrorRow[] = [];
  // Ranks are stored centred ((n + 1) / 2 subtracted), so a Spearman coefficient is one dot product.
  // Only headline metrics are correlated with the inputs, so the inputs are ranked only if there is one.
  const headline: { spec: MetricSpec; ranks: CentredRanks }[] = [];
  const hasHeadline = metrics.some((spec) => spec.headline);
  const inputRanks = hasHeadline ? inputValues.map((column) => centredRanks(compact(column, valid, validCount))) : [];
  metrics.forEach((spec, m) => {
    const column = compact(metricValues[m]!, valid, validCount);
    const row = (values: readonly number[]): PercentileRow => ({
      metric: spec.metric,
      unit: spec.unit,
      year: spec.year,
      mean: column.length > 0 ? mean(column) : 0,
      p5: values[0]!,
      p10: values[1]!,
      p50: values[2]!,
      p90: values[3]!,
      p95: values[4]!,
    });
    if (!spec.headline) {
      // Percentiles alone: selecting the order statistics gives the same numbers as sorting, faster.
      percentiles.push(row(column.length > 0 ? percentilesBySelection(column, PERCENTILES) : PERCENTILES.map(() => 0)));
      return;
    }
    // Headline metrics are sorted once; the order gives percentiles, ranks and batch estimates.
    const order = sortOrder(column);
    const sorted = gather(column, order);
    percentiles.push(row(PERCENTILES.map((p) => (sorted.length > 0 ? percentile(sorted, p) : 0))));
    const [p10, p50, p90] = batchMeansStandardErrors(column, order, [0.1, 0.5, 0.9]);
    standardErrors.push({ metric: spec.metric, unit: spec.unit, p10: p10!, p50: p50!, p90: p90! });
    headline.push({ spec, ranks: centre(ranksFromOrder(order, sorted)) });
  });
  // Every headline metric with every input, in one go (faster than a metric at a time).
  const rho = rankCorrelations(inputRanks, headline.map((h) => h.ranks));
  const rankCorrelation: RankCorrelationRow[] = headline.flatMap(({ spec }, h) =>
    inputs.map((input, i) => ({ metric: spec.metric, input: input.path, spearman: Number.isFinite(rho[h]![i]!) ? rho[h]![i]! : 0 })),
  );
  return { percentiles, standardErrors, rankCorrelation };
}

/** Steps 1-3: a column of sampled values per input, in model units. */
export function sampleInputs(
  inputs: readonly UncertainInput[],
  groups: readonly CorrelationGroup[],
  samples: number,
  seed: number,
): Float64Array[] {
  const uniforms = latinHypercube(samples, inputs.length, createRng(seedFor(seed, 'latin-hypercube')));
  const column = new Map(inputs.map((input, i) => [input.path, i]));
  for (const group of groups) {
    const indices = group.paths.map((path) => column.get(path)!);
    const induced = induceRankCorrelation(
      indices.map((i) => uniforms[i]!),
      group.matrix.map((r) => [...r]),
      createRng(seedFor(seed, `correlation:${group.name}`)),
    );
    indices.forEach((i, k) => (uniforms[i] = induced[k]!));
  }
  return inputs.map((input, i) => {
    const inverse = compileQuantile(input.distribution);
    const u = uniforms[i]!;
    const values = new Float64Array(samples);
    for (let s = 0; s < samples; s++) values[s] = inverse(u[s]!);
    return values;
  });
}

/**
 * Each input swung from its P10 to its P90 with every other input at its P50,
 * sorted by swing (largest first) within each headline metric.
 */
function tornado(inputs: readonly UncertainInput[], apply: ApplySample, evaluator: Evaluator): TornadoRow[] {
  const medians = inputs.map((input) => quantile(input.distribution, 0.5));
  const out = new Float64Array(evaluator.metrics.length);
  const runAt = (i: number, value: number): Float64Array | undefined => {
    const values = Float64Array.from(medians);
    values[i] = value;
    return evaluator.evaluate(apply(values), out) ? Float64Array.from(out) : undefined;
  };
  const rows: TornadoRow[] = [];
  const swings = inputs.map((input, i) => {
    const inputLow = quantile(input.distribution, 0.1);
    const inputHigh = quantile(input.distribution, 0.9);
    return { input, inputLow, inputHigh, atLow: runAt(i, inputLow), atHigh: runAt(i, inputHigh) };
  });
  evaluator.metrics.forEach((spec, m) => {
    if (!spec.headline) return;
    const metricRows = swings
      .filter((s) => s.atLow && s.atHigh)
      .map((s) => ({
        metric: spec.metric,
        unit: spec.unit,
        input: s.input.path,
        inputUnit: s.input.unit,
        inputLow: s.inputLow,
        inputHigh: s.inputHigh,
        outputAtLow: s.atLow![m]!,
        outputAtHigh: s.atHigh![m]!,
        swing: Math.abs(s.atHigh![m]! - s.atLow![m]!),
      }));
    // Ties (e.g. inputs that do not move this metric) keep file order, so output is deterministic.
    metricRows.sort((a, b) => b.swing - a.swing);
    rows.push(...metricRows);
  });
  return rows;
}

function validMask(first: Float64Array | undefined, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (let s = 0; s < n; s++) mask[s] = first === undefined || !Number.isNaN(first[s]!) ? 1 : 0;
  return mask;
}

/** The values of the valid samples (`count` of them), in sample order. */
function compact(values: Float64Array, valid: Uint8Array, count: number): Float64Array {
  if (count === values.length) return values;
  const out = new Float64Array(count);
  let k = 0;
  for (let s = 0; s < valid.length; s++) if (valid[s]) out[k++] = values[s]!;
  return out;
}
