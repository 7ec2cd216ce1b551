/**
 * Step 5 of the Monte Carlo (runUncertainty): the statistics over the valid
 * samples. Every metric gets its mean and percentiles; headline metrics also
 * the standard errors of three percentiles and the rank correlation with
 * every input (headlineStatistics).
 */
import { FIGURE, HEADLINE_FIGURES, PERCENTILES, headlineStatistics, rankInputs, type HeadlineResult } from './headlineStatistics.js';
import { rankVectors } from './rankCorrelation.js';
import type { MetricSpec, PercentileRow, RankCorrelationRow, StandardErrorRow } from './runUncertainty.js';
import { sampledUniforms } from './sampleInputs.js';
import { percentilesBySelection } from './select.js';
import { mean } from './statistics.js';
import type { UncertainInput } from './types.js';
import { compact, validSamples, type ValidSamples } from './validSamples.js';

export interface Summary {
  percentiles: PercentileRow[];
  standardErrors: StandardErrorRow[];
  rankCorrelation: RankCorrelationRow[];
}

/**
 * 5.1 Find the columns equal to an earlier one: they reuse its statistics.
 * 5.2 The per-year columns' means and percentiles (by selection: no sort).
 * 5.3 The headline columns' statistics, and their rank correlations with the inputs.
 * 5.4 The rows, in metric order.
 */
export function summarise(
  inputs: readonly UncertainInput[],
  inputValues: readonly Float64Array[],
  metrics: readonly MetricSpec[],
  metricValues: readonly Float64Array[],
): Summary {
  const n = metricValues[0]?.length ?? 0;
  const valid = validSamples(metricValues[0], n);
  const columns = metricValues.map((values) => compact(values, valid));
  const plan = reusePlan(metrics, columns);
  const perYear = new Map<number, { mean: number; percentiles: number[] }>();
  for (const m of plan.perYear) {
    const column = columns[m]!;
    // No valid sample: zeros, as for a headline metric.
    if (column.length === 0) perYear.set(m, { mean: 0, percentiles: PERCENTILES.map(() => 0) });
    else perYear.set(m, { mean: mean(column), percentiles: percentilesBySelection(column, PERCENTILES) });
  }
  const headline = headlineFigures(inputValues, valid, plan.headline.map((m) => columns[m]!));
  return summaryRows(inputs, metrics, plan, perYear, headline);
}

/** Which column's statistics each metric takes, and the columns to compute (each once). */
interface ReusePlan {
  /** For each metric, the metric whose column (equal to its own) gets the statistics. */
  source: number[];
  /** Headline metrics computed, in order; their statistics come in this order. */
  headline: number[];
  /** Per-year metrics computed. */
  perYear: number[];
}

/**
 * A column equal to an earlier one has the same statistics: they are reused. (In the shipped base scenario 43 of
 * 136 are: clean_energy_target_mwh equals facility_energy_mwh, and many per-year columns are all zero.) A headline
 * metric reuses only a headline metric's, which has its standard errors and ranks.
 */
function reusePlan(metrics: readonly MetricSpec[], columns: readonly Float64Array[]): ReusePlan {
  const earlier = new IdenticalColumns();
  const plan: ReusePlan = { source: [], headline: [], perYear: [] };
  metrics.forEach((spec, m) => {
    const column = columns[m]!;
    const same = earlier.find(column, (e) => !spec.headline || metrics[e]!.headline);
    if (same !== undefined) {
      plan.source.push(same);
      return;
    }
    earlier.add(column, m);
    plan.source.push(m);
    (spec.headline ? plan.headline : plan.perYear).push(m);
  });
  return plan;
}

/** headlineStatistics of the columns, the inputs ranked first (from their strata where known). */
function headlineFigures(inputValues: readonly Float64Array[], valid: ValidSamples, columns: readonly Float64Array[]): HeadlineResult {
  // Only headline metrics are correlated with the inputs, so the inputs are ranked only if there is one.
  if (columns.length === 0) return { figures: new Float64Array(0), rho: [] };
  // Ranks are stored centred ((n + 1) / 2 subtracted), so a Spearman coefficient is one dot product.
  // Rank vectors in one buffer reused from call to call (rankVectors: fresh memory cost ~3 ms a run).
  const space = rankVectors(inputValues.length + columns.length, valid.count);
  const uniforms = inputValues.map((column) => sampledUniforms(column));
  const inputRanks = rankInputs(inputValues, uniforms, valid, space.slice(0, inputValues.length));
  return headlineStatistics(inputRanks, columns, space.slice(inputValues.length));
}

function summaryRows(
  inputs: readonly UncertainInput[],
  metrics: readonly MetricSpec[],
  plan: ReusePlan,
  perYear: ReadonlyMap<number, { mean: number; percentiles: number[] }>,
  headline: HeadlineResult,
): Summary {
  const slot = new Map(plan.headline.map((m, c) => [m, c]));
  const summary: Summary = { percentiles: [], standardErrors: [], rankCorrelation: [] };
  metrics.forEach((spec, m) => {
    const source = plan.source[m]!;
    const { metric, unit, year } = spec;
    const c = slot.get(source);
    const f = c === undefined ? undefined : headline.figures.subarray(c * HEADLINE_FIGURES, (c + 1) * HEADLINE_FIGURES);
    const average = f ? f[FIGURE.mean]! : perYear.get(source)!.mean;
    const [p5, p10, p50, p90, p95] = f ? f.subarray(FIGURE.percentiles, FIGURE.standardErrors) : perYear.get(source)!.percentiles;
    summary.percentiles.push({ metric, unit, year, mean: average, p5: p5!, p10: p10!, p50: p50!, p90: p90!, p95: p95! });
    if (c === undefined || !spec.headline) return;
    const [se10, se50, se90] = f!.subarray(FIGURE.standardErrors);
    summary.standardErrors.push({ metric, unit, p10: se10!, p50: se50!, p90: se90! });
    const rho = headline.rho[c]!;
    inputs.forEach((input, i) => summary.rankCorrelation.push({ metric, input: input.path, spearman: Number.isFinite(rho[i]!) ? rho[i]! : 0 }));
  });
  return summary;
}

/**
 * Columns seen so far, found again by content: a fingerprint of three
 * values narrows the search, then the values are compared bit for bit (-0
 * and 0 differ).
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
    return list?.find((e) => usable(e.index) && sameBits(e.column, column))?.index;
  }

  private static fingerprint(column: Float64Array): string {
    const n = column.length;
    return n === 0 ? '' : `${n} ${column[0]} ${column[n >> 1]} ${column[n - 1]}`;
  }
}

/**
 * The same bits, so the same statistics (-0 and 0 differ). Compared as 32-bit integers: Object.is on each
 * double cost ~5 ms a run in a fresh process.
 */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Int32Array(a.buffer, a.byteOffset, a.length * 2);
  const y = new Int32Array(b.buffer, b.byteOffset, b.length * 2);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}
