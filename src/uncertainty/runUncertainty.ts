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
import { centredRanksByStrata, centredRanksFromOrder, rankCorrelations, rankVectors, type CentredRanks } from './rankCorrelation.js';
import { percentilesBySelection } from './select.js';
import { sortOrder, sortOrderWithValues } from './sortOrder.js';
import { batchMeansStandardErrors, gather, mean, percentile } from './statistics.js';
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
  const metricCount = evaluator.metrics.length;
  const metricValues = Array.from({ length: metricCount }, () => new Float64Array(n));
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
  const valid = validSamples(metricValues[0], n);
  const percentiles: PercentileRow[] = [];
  const standardErrors: StandardErrorRow[] = [];
  // Ranks are stored centred ((n + 1) / 2 subtracted), so a Spearman coefficient is one dot product.
  // Only headline metrics are correlated with the inputs, so the inputs are ranked only if there is one.
  const headlineCount = metrics.filter((spec) => spec.headline).length;
  // Rank vectors in one buffer reused from call to call (rankVectors: fresh memory cost ~3 ms a run).
  const rankSpace = rankVectors(headlineCount > 0 ? inputValues.length + headlineCount : 0, valid.count);
  const inputRanks = headlineCount > 0 ? inputValues.map((column, i) => inputCentredRanks(column, valid, rankSpace[i]!)) : [];
  const headline: { spec: MetricSpec; ranks: CentredRanks }[] = [];
  // Each headline metric's sort order and sorted values, in arrays it hands on to the next.
  const order = new Uint32Array(valid.count);
  const sorted = new Float64Array(valid.count);
  // A column equal to an earlier one has the same statistics: they are reused. (In the shipped base scenario 43 of
  // 136 are: clean_energy_target_mwh equals facility_energy_mwh, and many per-year columns are all zero.)
  const earlier = new IdenticalColumns();
  const statisticsOf: ColumnStatistics[] = [];
  for (let m = 0; m < metrics.length; m++) {
    const spec = metrics[m]!;
    const column = compact(metricValues[m]!, valid);
    const same = earlier.find(column, (e) => !spec.headline || metrics[e]!.headline);
    const statistics = same === undefined ? columnStatistics(column, spec.headline, order, sorted) : statisticsOf[same]!;
    if (same === undefined) earlier.add(column, m);
    statisticsOf.push(statistics);
    const [p5, p10, p50, p90, p95] = statistics.percentiles;
    const { metric, unit, year } = spec;
    percentiles.push({ metric, unit, year, mean: statistics.mean, p5: p5!, p10: p10!, p50: p50!, p90: p90!, p95: p95! });
    if (!spec.headline) continue;
    const [se10, se50, se90] = statistics.standardErrors!;
    standardErrors.push({ metric, unit, p10: se10!, p50: se50!, p90: se90! });
    // Ranked from the sort columnStatistics just did, unless reused; kept for an identical column later.
    statistics.ranks ??= centredRanksFromOrder(order, sorted, rankSpace[inputValues.length + headline.length]);
    headline.push({ spec, ranks: statistics.ranks });
  }
  // Every headline metric with every input, in one go (faster than a metric at a time).
  const rho = rankCorrelations(inputRanks, headline.map((h) => h.ranks));
  const rankCorrelation: RankCorrelationRow[] = headline.flatMap(({ spec }, h) =>
    inputs.map((input, i) => ({ metric: spec.metric, input: input.path, spearman: Number.isFinite(rho[h]![i]!) ? rho[h]![i]! : 0 })),
  );
  return { percentiles, standardErrors, rankCorrelation };
}

/** What summarise computes for one column; standard errors and ranks for headline metrics only. */
interface ColumnStatistics {
  mean: number;
  /** At PERCENTILES. */
  percentiles: readonly number[];
  /** Of the 10th, 50th and 90th percentiles. */
  standardErrors?: readonly number[];
  ranks?: CentredRanks;
}

/**
 * A column's mean and percentiles; for a headline metric also the standard
 * errors, and the column sorted into `order` and `sorted` (for its ranks).
 */
function columnStatistics(column: Float64Array, headline: boolean, order: Uint32Array, sorted: Float64Array): ColumnStatistics {
  if (column.length === 0) return { mean: 0, percentiles: PERCENTILES.map(() => 0), standardErrors: headline ? [NaN, NaN, NaN] : undefined };
  const average = mean(column);
  // Percentiles alone: selecting the order statistics gives the same numbers as sorting, faster.
  if (!headline) return { mean: average, percentiles: percentilesBySelection(column, PERCENTILES) };
  // Headline metrics are sorted once; the order gives percentiles, ranks and batch estimates.
  sortOrderWithValues(column, order, sorted);
  return {
    mean: average,
    percentiles: PERCENTILES.map((p) => percentile(sorted, p)),
    standardErrors: batchMeansStandardErrors(column, order, [0.1, 0.5, 0.9]),
  };
}

/**
 * Columns seen so far, found again by content: a fingerprint of three
 * values narrows the search, then the values are compared (-0 and 0 differ).
 */
class IdenticalColumns {
  private readonly byFingerprint = new Map<string, { column: Float64Array; index: number }[]>();

  add(column: Float64Array, index: number): void {
    const key = IdenticalColumns.fingerprint(column);
    const list = this.byFingerprint.get(key);
    if (list) list.push({ column, index });
    else this.byFingerprint.set(key, [{ column, index }]);
  }

  /** The index of an earlier column with the same bits that `usable` accepts. */
  find(column: Float64Array, usable: (index: number) => boolean): number | undefined {
    const list = this.byFingerprint.get(IdenticalColumns.fingerprint(column));
    return list?.find((e) => usable(e.index) && sameValues(e.column, column))?.index;
  }

  private static fingerprint(column: Float64Array): string {
    const n = column.length;
    return n === 0 ? '' : `${n} ${column[0]} ${column[n >> 1]} ${column[n - 1]}`;
  }
}

/** The same values (Object.is: -0 and 0 differ), so the same statistics. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * The uniforms each column from sampleInputs was computed from, so summarise
 * can rank that column from its strata instead of sorting it (ranking the
 * inputs was a quarter of its time). Kept beside the columns rather than in
 * the report, so that the columns bring them wherever they are passed, the
 * report's included; weak, so they go when the column goes. Safe if a column
 * is changed later: the order is checked against the values.
 */
const uniformsOf = new WeakMap<Float64Array, Float64Array>();

/**
 * Centred ranks of an input column among the valid samples, into `into`:
 * from its strata when sampleInputs made it, else by sorting.
 */
function inputCentredRanks(column: Float64Array, valid: ValidSamples, into: Float64Array): CentredRanks {
  const uniforms = uniformsOf.get(column);
  const byStrata = uniforms && centredRanksByStrata(column, uniforms, into, valid.index);
  if (byStrata) return byStrata;
  const values = compact(column, valid);
  const order = sortOrder(values);
  return centredRanksFromOrder(order, gather(values, order), into);
}

/**
 * Steps 1-3: a column of sampled values per input, in model units. Each
 * column's uniforms are remembered (uniformsOf) for summarise.
 */
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
    uniformsOf.set(values, u);
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

/** The samples the statistics use: those whose first metric is not NaN. */
interface ValidSamples {
  /** 1 for a valid sample, 0 for an invalid one. */
  mask: Uint8Array;
  count: number;
  /** Each sample's index among the valid ones (-1 for an invalid one); undefined when all are valid. */
  index: Int32Array | undefined;
}

function validSamples(first: Float64Array | undefined, n: number): ValidSamples {
  const mask = new Uint8Array(n);
  let count = 0;
  for (let s = 0; s < n; s++) {
    mask[s] = first === undefined || !Number.isNaN(first[s]!) ? 1 : 0;
    count += mask[s]!;
  }
  if (count === n) return { mask, count, index: undefined };
  const index = new Int32Array(n);
  let k = 0;
  for (let s = 0; s < n; s++) index[s] = mask[s] ? k++ : -1;
  return { mask, count, index };
}

/** The values of the valid samples, in sample order (the column itself when all are valid). */
function compact(values: Float64Array, valid: ValidSamples): Float64Array {
  if (valid.count === values.length) return values;
  const out = new Float64Array(valid.count);
  let k = 0;
  for (let s = 0; s < valid.mask.length; s++) if (valid.mask[s]) out[k++] = values[s]!;
  return out;
}
