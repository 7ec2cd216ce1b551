/**
 * What `gwplan compare` finds, as typed records (like SDEverywhere's
 * comparison report): the compare core builds a ComparisonReport from
 * evaluated scenarios, and the writers in src/writers/compare turn it into
 * files and a terminal table. Nothing here knows about CSV or rounding.
 */
import type { LoadedScenario } from '../loader/types.js';
import type { ModelResult } from '../results/types.js';

/** One evaluated scenario: what the loader read and what the model made of it. */
export interface ScenarioRun {
  name: string;
  scenario: LoadedScenario;
  result: ModelResult;
}

/** A scenario's value of a numeric metric, and how far it moved from the baseline (delta.ts). */
export interface NumberCell {
  scenario: string;
  value: number;
  /** scenario - baseline, in the metric's unit. */
  delta: number;
  /** 100 x delta / |baseline| (delta.ts convention at a zero baseline). */
  deltaPct: number;
}

/** A date metric: `delta` is signed days; `deltaPct` is relative to the baseline's days from its horizon start. */
export interface DateCell {
  scenario: string;
  value: string;
  delta: number;
  deltaPct: number;
}

export interface TextCell {
  scenario: string;
  value: string;
}

/**
 * Why a tranche cell has no number: the scenario's cost.yaml has no tranche of that name
 * (`absent`), or its cumulative capex never reaches the tranche within the horizon (`never`,
 * an empty `tranche_<name>_capex_exceeds_year` in its summary.csv).
 */
export type NoValue = 'absent' | 'never';

/** A scenario's value of a tranche metric; delta and deltaPct (delta.ts) only when it and the baseline's are both numbers. */
export interface TrancheCell {
  scenario: string;
  value: number | NoValue;
  delta: number | null;
  deltaPct: number | null;
}

/**
 * One headline metric across the baseline and every other scenario: SUMMARY_METRICS in order,
 * then the tranche metrics (two per tranche) of the baseline, then of each other scenario, in
 * first-appearance order.
 */
export type SummaryComparison =
  | { kind: 'number'; metric: string; unit: string; baseline: number; scenarios: NumberCell[] }
  | {
      kind: 'date';
      metric: string;
      /** `date`, as in summary.csv; deltas are in `days`. */
      unit: string;
      baseline: string;
      /** Days from the baseline's horizon start (1 January of its first year) to the baseline's date. */
      baselineDays: number;
      scenarios: DateCell[];
    }
  /** Text metrics (binding_constraint): shown in the terminal table, left out of summary.csv. */
  | { kind: 'text'; metric: string; unit: string; baseline: string; scenarios: TextCell[] }
  /**
   * A tranche metric (`tranche_<name>_capex_exceeds_year`, `tranche_<name>_share_of_full_buildout_capex`),
   * which a scenario may lack or leave empty. In summary.csv and the terminal table, not in attribution.
   */
  | { kind: 'tranche'; metric: string; unit: string; baseline: number | NoValue; scenarios: TrancheCell[] };

/** One row of annual.csv (long format). Baseline rows are included with delta 0. */
export interface AnnualComparison {
  scenario: string;
  year: number;
  metric: string;
  unit: string;
  value: number;
  /** vs the baseline's value in the same year; vs 0 when the baseline's horizon lacks that year. */
  delta: number;
  deltaPct: number;
}

/** One scenario's effective value of an assumption. */
export type AssumptionCell =
  | {
      present: true;
      /** As the model reads it: a number in `unit`, or text (dates, names, vocabulary words). */
      value: number | string;
      /** The record's unit (`1` for plain numbers, `` for text). */
      unit: string;
      /** `file:line:col` where the effective value was set, the file relative to the assumptions directory. */
      setAt: string;
    }
  | { present: false };

/** An assumption path whose effective value differs between at least two compared scenarios. */
export interface AssumptionDiff {
  /** As the user writes it: `facility.annual_pue`, `phases.trn4-c.energised_on`, `facility.annual_pue[2030]` (a by_year year). */
  assumption: string;
  /** One per scenario, baseline first, in report order. */
  cells: AssumptionCell[];
}

export type AttributionMethod =
  /** Exact Shapley values over every subset of the changed assumptions. */
  | 'shapley'
  /** Each assumption's effect when switched on after those before it in file order. */
  | 'sequential'
  /** No split: one row `(all changes together)` carries the whole delta. */
  | 'together';

/** How much of one metric's delta one changed assumption explains. */
export interface AttributionRow {
  scenario: string;
  metric: string;
  /** The metric's unit; `days` for full_buildout_date. */
  unit: string;
  /** A factor label (`chips.trainium3.tdp`, `phases.extra`), or `(all changes together)`. */
  assumption: string;
  contribution: number;
}

export interface ScenarioAttribution {
  scenario: string;
  method: AttributionMethod;
  /** Why the method is not exact Shapley (too many factors, a mix that does not run); '' when it is. */
  reason: string;
  /** The changed assumptions (factors), in file order. */
  factors: string[];
  /** Model runs made (the baseline and the scenario themselves are reused, not counted). */
  modelRuns: number;
  rows: AttributionRow[];
}

export interface ComparisonReport {
  baseline: string;
  /** The other scenarios, in the order given. */
  scenarios: string[];
  summary: SummaryComparison[];
  annual: AnnualComparison[];
  assumptions: AssumptionDiff[];
  attribution: ScenarioAttribution[];
  /** Fallbacks worth a line on stderr, each naming its scenario. */
  warnings: string[];
}

/** The assumption label of the single row written when no split could be computed. */
export const ALL_CHANGES_TOGETHER = '(all changes together)';
