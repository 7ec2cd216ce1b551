/**
 * Annual matching and each hourly CFE portfolio, per scenario, beside the baseline's, for
 * compare/hourly.csv: how a scenario moves the MW, storage and cost that 24/7 matching needs.
 */
import type { AnnualVsHourlyRow } from '../results/hourly.js';
import { delta } from './delta.js';

export interface HourlyComparison extends AnnualVsHourlyRow {
  scenario: string;
  /** This row's cost - the baseline's row of the same basis and method (0 on its own rows, and where the baseline has no such row). */
  costDeltaUsdPerMwh: number;
  /** total_clean_mw - the baseline's. */
  totalCleanMwDelta: number;
}

/** The baseline's rows, then each scenario's, in annual_vs_hourly.csv order; scenarios without hourly results are skipped. */
export function compareHourly(
  baseline: string,
  scenarios: readonly string[],
  rows: ReadonlyMap<string, readonly AnnualVsHourlyRow[] | undefined>,
): HourlyComparison[] {
  const base = rows.get(baseline);
  if (!base) return [];
  const key = (row: AnnualVsHourlyRow) => `${row.basis}|${row.method}`;
  const baseByKey = new Map(base.map((row) => [key(row), row]));
  const out: HourlyComparison[] = [];
  for (const name of [baseline, ...scenarios]) {
    for (const row of rows.get(name) ?? []) {
      const reference = baseByKey.get(key(row));
      out.push({
        ...row,
        scenario: name,
        costDeltaUsdPerMwh: reference ? delta(reference.costUsdPerMwh, row.costUsdPerMwh) : 0,
        totalCleanMwDelta: reference ? delta(reference.totalCleanMw, row.totalCleanMw) : 0,
      });
    }
  }
  return out;
}
