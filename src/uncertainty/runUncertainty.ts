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
import { quantile } from './distributions.js';
import { sampleInputs } from './sampleInputs.js';
import { summarise } from './summarise.js';
import type { CorrelationGroup, UncertainInput } from './types.js';

export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 20_260_227;

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
  /** Called as each step ends (for timing the steps). */
  onStep?: (step: UncertaintyStep) => void;
}

/**
 * runUncertainty's steps, in order: steps 1-3; step 4's first tenth of the samples, then the rest; step 5's
 * statistics, and its tornado. The tenth is timed apart because a fresh process runs the model's first
 * ~1,000 samples mostly before V8 has compiled it (docs/uncertainty.md, "Cost").
 */
export type UncertaintyStep = 'sampled' | 'tenth-evaluated' | 'evaluated' | 'summarised' | 'tornado';

/** The model inputs of one sample; they may be overwritten by the next call, so each is evaluated at once. */
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
  options.onStep?.('sampled');

  // 4. The model per sample, into column-major metric arrays.
  const metricValues = Array.from({ length: evaluator.metrics.length }, () => new Float64Array(n));
  const run: SampleRun = { samples: n, inputValues, apply, evaluator, metricValues, onProgress: options.onProgress };
  const tenth = Math.ceil(n / 10);
  let invalidSamples = evaluateSamples(run, 0, tenth);
  options.onStep?.('tenth-evaluated');
  invalidSamples += evaluateSamples(run, tenth, n);
  options.onStep?.('evaluated');

  // 5. Statistics over the valid samples only; the tornado.
  const { percentiles, standardErrors, rankCorrelation } = summarise(inputs, inputValues, evaluator.metrics, metricValues);
  options.onStep?.('summarised');
  const tornadoRows = tornado(inputs, apply, evaluator);
  options.onStep?.('tornado');
  return {
    samples: n,
    seed: options.seed,
    invalidSamples,
    inputs,
    percentiles,
    tornado: tornadoRows,
    rankCorrelation,
    standardErrors,
    inputValues,
    metricValues,
  };
}

/** What evaluateSamples needs besides the range of samples. */
interface SampleRun {
  samples: number;
  inputValues: readonly Float64Array[];
  apply: ApplySample;
  evaluator: Evaluator;
  /** One column per metric, samples long: what step 4 fills. */
  metricValues: readonly Float64Array[];
  onProgress: ((done: number, total: number) => void) | undefined;
}

/** Samples per block of metric rows (evaluateSamples): ~70 kB of rows, within a core's cache. */
const ROW_BLOCK = 64;

/**
 * Step 4 for samples from..to-1 into run.metricValues (NaN for an invalid sample); returns how many
 * were invalid. Each sample's row goes into a block of rows, and each full block into the columns:
 * writing one value into each of ~140 columns per sample cost ~2 µs a sample, the block ~0.3 µs (it
 * stays in cache). A function of its own, and small, so that V8 optimises its loop early; in
 * runUncertainty, which is large and called once, the loop ran unoptimised for longer.
 */
function evaluateSamples(run: SampleRun, from: number, to: number): number {
  const { samples, inputValues, apply, evaluator, metricValues, onProgress } = run;
  const width = metricValues.length;
  const progressEvery = Math.max(1, Math.floor(samples / 50));
  const values = new Float64Array(inputValues.length);
  const row = new Float64Array(width);
  const block = new Float64Array(ROW_BLOCK * width);
  let invalid = 0;
  for (let start = from; start < to; start += ROW_BLOCK) {
    const end = Math.min(to, start + ROW_BLOCK);
    for (let s = start; s < end; s++) {
      for (let i = 0; i < values.length; i++) values[i] = inputValues[i]![s]!;
      if (!evaluator.evaluate(apply(values), row)) {
        invalid++;
        row.fill(Number.NaN);
      }
      block.set(row, (s - start) * width);
      if (onProgress && (s + 1) % progressEvery === 0) onProgress(s + 1, samples);
    }
    blockToColumns(block, width, start, end, metricValues);
  }
  return invalid;
}

/** Rows start..end-1 of `block` (row-major, `width` metrics a row) into `columns` at those samples. */
function blockToColumns(block: Float64Array, width: number, start: number, end: number, columns: readonly Float64Array[]): void {
  for (let m = 0; m < width; m++) {
    const column = columns[m]!;
    for (let s = start, k = m; s < end; s++, k += width) column[s] = block[k]!;
  }
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
