/**
 * What the report is made from: results already computed, handed in as plain
 * data. Nothing here reads a file or runs the model; the CLI gathers it
 * (src/cli/reportInput.ts) from what `run` or `report` computed.
 */
import type { ComparisonReport } from '../../compare/types.js';
import type { AnnualVsHourlyRow, CfePortfolioRow } from '../../results/hourly.js';
import type { ModelResult } from '../../results/types.js';
import type { UncertaintyReport } from '../../uncertainty/runUncertainty.js';

/** The hourly CFE study of one scenario, as far as the report uses it. */
export interface ReportHourly {
  year: number;
  /** Year whose US dollars the costs are in (cfe.costs.currency_year), when stated. */
  currencyYear: number | undefined;
  portfolios: readonly CfePortfolioRow[];
  annualVsHourly: readonly AnnualVsHourlyRow[];
  /** Targets a method could not meet, with the reason in words. */
  unmet: readonly { target: number; method: string; reason: string }[];
}

export interface ReportScenario {
  name: string;
  /** The one sentence the scenario answers (its `question:`). */
  question: string;
  /** Overlays applied, root first (`['base', 'liquid-cooled']`). */
  chain: readonly string[];
  result: ModelResult;
  /** Absent when the scenario has no uncertain inputs, or sampling was skipped. */
  uncertainty?: Pick<UncertaintyReport, 'samples' | 'seed' | 'percentiles' | 'tornado'>;
  /** Absent when the hourly study was skipped. */
  hourly?: ReportHourly;
  /** cost.yaml's currency_year, when the scenario has cost assumptions: the year of every USD amount in the cost section. */
  costCurrencyYear?: number;
  /** For each assumption that differs between scenarios: its `source:` text and the value as written in the file (`12.5%`). */
  assumptions: ReadonlyMap<string, { source: string | undefined; written: string }>;
}

export interface ReportInput {
  /** gwplan's version (package.json), printed in the footer. */
  version: string;
  /** The scenario the others are compared with, and whose hourly and uncertainty results are charted (`base`). */
  baseline: string;
  /** Every scenario, baseline first, in output order. */
  scenarios: readonly ReportScenario[];
  /** Every scenario vs the baseline; absent with a single scenario. */
  comparison?: Pick<ComparisonReport, 'baseline' | 'scenarios' | 'assumptions'>;
}
