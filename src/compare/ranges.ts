/**
 * P10/P50/P90 of each headline metric per scenario, beside the baseline's,
 * for compare/ranges.csv: where the scenarios' ranges overlap, a difference
 * in point values may not be a difference that matters.
 */
import type { PercentileRow } from '../uncertainty/runUncertainty.js';
import { delta, deltaPct } from './delta.js';

export interface RangeComparison {
  scenario: string;
  metric: string;
  unit: string;
  p10: number;
  p50: number;
  p90: number;
  /** scenario P50 - baseline P50 (0 on the baseline's own rows). */
  p50Delta: number;
  p50DeltaPct: number;
}

/**
 * Rows for the baseline, then each scenario, in headline-metric order; only
 * scenarios with uncertainty results, and none at all when the baseline has none.
 */
export function compareRanges(
  baseline: string,
  scenarios: readonly string[],
  percentiles: ReadonlyMap<string, readonly PercentileRow[] | undefined>,
): RangeComparison[] {
  const headline = (name: string) => percentiles.get(name)?.filter((row) => row.year === 'all');
  const base = headline(baseline);
  if (!base) return [];
  const baseP50 = new Map(base.map((row) => [row.metric, row.p50]));
  return [baseline, ...scenarios].flatMap((scenario) =>
    (headline(scenario) ?? []).map((row) => {
      const reference = baseP50.get(row.metric) ?? 0;
      return {
        scenario,
        metric: row.metric,
        unit: row.unit,
        p10: row.p10,
        p50: row.p50,
        p90: row.p90,
        p50Delta: delta(reference, row.p50),
        p50DeltaPct: deltaPct(reference, row.p50),
      };
    }),
  );
}
