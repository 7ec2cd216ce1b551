/**
 * The statistics of headline metrics: each column's mean, percentiles and
 * their standard errors, and its Spearman rank correlation with every input.
 * Each column is sorted once, which gives all of them.
 */
import { centredRanksByStrata, centredRanksFromOrder, rankCorrelations, type CentredRanks } from './rankCorrelation.js';
import { sortOrder, sortOrderWithValues } from './sortOrder.js';
import { batchMeansStandardErrors, gather, mean, percentile } from './statistics.js';
import { compact, type ValidSamples } from './validSamples.js';

/** The percentiles of the outputs (p5 ... p95), as fractions. */
export const PERCENTILES: readonly number[] = [5, 10, 50, 90, 95].map((p) => p / 100);

/** The percentiles whose standard errors are reported. */
const STANDARD_ERRORS_AT = [0.1, 0.5, 0.9];

/** Where each figure of a column starts in HeadlineResult.figures: the mean, p5 ... p95, the standard errors of p10, p50, p90. */
export const FIGURE = { mean: 0, percentiles: 1, standardErrors: 1 + PERCENTILES.length } as const;

/** Numbers per column in HeadlineResult.figures. */
export const HEADLINE_FIGURES = FIGURE.standardErrors + STANDARD_ERRORS_AT.length;

export interface HeadlineResult {
  /** HEADLINE_FIGURES numbers per column, column after column. */
  figures: Float64Array;
  /** rho[c][j]: Spearman's rho of column c with input j; NaN where either side is constant. */
  rho: Float64Array[];
}

/**
 * Centred ranks of each input column among the valid samples, into `into`
 * (one vector each, of the valid count): from the Latin-hypercube strata
 * where the column's uniforms are known, else by sorting.
 */
export function rankInputs(
  inputValues: readonly Float64Array[],
  uniforms: readonly (Float64Array | undefined)[],
  valid: ValidSamples,
  into: readonly Float64Array[],
): CentredRanks[] {
  return inputValues.map((column, i) => {
    const u = uniforms[i];
    const byStrata = u && centredRanksByStrata(column, u, into[i]!, valid.index);
    if (byStrata) return byStrata;
    const values = compact(column, valid);
    const order = sortOrder(values);
    return centredRanksFromOrder(order, gather(values, order), into[i]!);
  });
}

/**
 * The figures of each column (valid samples only, all of one length) and its
 * rank correlation with each input (inputRanks, from rankInputs). Each column
 * is sorted once: the order gives its percentiles, its ranks (into
 * rankSpace[c]) and its batch-means standard errors.
 */
export function headlineStatistics(
  inputRanks: readonly CentredRanks[],
  columns: readonly Float64Array[],
  rankSpace: readonly Float64Array[],
): HeadlineResult {
  const figures = new Float64Array(columns.length * HEADLINE_FIGURES);
  const n = columns[0]?.length ?? 0;
  const order = new Uint32Array(n);
  const sorted = new Float64Array(n);
  const ranks = columns.map((column, c) => {
    const at = c * HEADLINE_FIGURES;
    if (n === 0) {
      // No valid sample: mean and percentiles stay 0; there is no standard error.
      figures.fill(Number.NaN, at + FIGURE.standardErrors, at + HEADLINE_FIGURES);
      return centredRanksFromOrder(order, sorted, rankSpace[c]);
    }
    figures[at + FIGURE.mean] = mean(column);
    sortOrderWithValues(column, order, sorted);
    PERCENTILES.forEach((p, k) => (figures[at + FIGURE.percentiles + k] = percentile(sorted, p)));
    const errors = batchMeansStandardErrors(column, order, STANDARD_ERRORS_AT);
    errors.forEach((e, k) => (figures[at + FIGURE.standardErrors + k] = e));
    return centredRanksFromOrder(order, sorted, rankSpace[c]);
  });
  return { figures, rho: rankCorrelations(inputRanks, ranks) };
}
