/**
 * Typed records of the hourly (24/7) carbon-free procurement study of one scenario and year:
 * what the writers turn into OUT/<scenario>/hourly/*.csv.
 */
import type { Technology } from '../model/inputs.js';

export type PortfolioMethod = 'lp' | 'heuristic';

/** One least-cost portfolio for one CFE target, by one method. */
export interface CfePortfolioRow {
  year: number;
  /** CFE target, 0..1. */
  target: number;
  method: PortfolioMethod;
  mw: Record<Technology, number>;
  batteryMw: number;
  batteryMwh: number;
  /** Clean nameplate (all four technologies) / mean load. */
  overbuildRatio: number;
  cfeScore: number;
  excessMwh: number;
  gridImportMwh: number;
  costUsdPerMwh: number;
  /** Cost per MWh relative to annual matching's, in percent. */
  premiumVsAnnualPct: number;
}

/** Annual-certificate matching (the core's procurement) or one hourly CFE portfolio, side by side. */
export interface AnnualVsHourlyRow {
  year: number;
  /** `annual_matching` (the core model) or `hourly_cfe_<target %>`. */
  basis: string;
  /** Annual matching target, or the CFE target, 0..1. */
  target: number;
  method: 'certificates' | PortfolioMethod;
  mw: Record<Technology, number>;
  batteryMw: number;
  batteryMwh: number;
  totalCleanMw: number;
  /** The hourly CFE score this portfolio reaches when dispatched against the hourly load. */
  hourlyCfeScore: number;
  costUsdPerMwh: number;
}

/** One statistic of one generation profile (profile_stats.csv): the model's own row type. */
export type { ProfileStatRow } from '../model/cfe/profileStats.js';

/** One hour of a dispatched portfolio (dispatch.csv, on request). */
export interface DispatchHourRow {
  target: number;
  method: PortfolioMethod;
  hour: number;
  loadMw: number;
  generationMw: number;
  chargeMw: number;
  dischargeMw: number;
  stateOfChargeMwh: number;
  gridImportMw: number;
  excessMw: number;
}
