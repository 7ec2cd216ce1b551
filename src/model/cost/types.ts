/**
 * Cost assumptions of one scenario in model units: US dollars of ONE currency year (the
 * loader converts every value given in another year with the deflator series, or rejects
 * it), MW, years. Filled by the loader from assumptions/cost.yaml.
 */
import type { ByYear, Technology } from '../inputs.js';

/** IT capex of one chip type, per chip installed (accelerator plus its share of the server). */
export interface ChipCost {
  /** Accelerator and server (host CPUs, memory, chassis) per chip, USD. */
  serverUsdPerChip: number;
  /** Networking as a share of serverUsdPerChip (capex_network_usd). */
  networkShare: number;
  /** Storage as a share of serverUsdPerChip (counted in capex_network_usd with networking). */
  storageShare: number;
}

/** When a tranche of the investment is paid. */
export type TrancheCondition =
  | { kind: 'date'; date: string }
  /** Paid once this much critical IT power is energised (a milestone as a model quantity). */
  | { kind: 'energised_critical_it'; mw: number };

export interface InvestmentTranche {
  name: string;
  amountUsd: number;
  condition: TrancheCondition;
}

export interface CostInputs {
  /** The currency year every USD value below is expressed in. */
  currencyYear: number;
  /** Facility construction (shell, power, cooling) per MW of critical IT; excludes IT, land, soft costs. */
  facilityUsdPerMwCriticalIt: number;
  /** Land and soft costs as a share of facility construction. */
  landSoftShare: number;
  /** Per chip name in chips.yaml. */
  chips: Record<string, ChipCost>;
  /** Electricity price paid for facility energy, per year of the horizon. */
  electricityUsdPerMwh: ByYear;
  /** PPA price per technology for annual-matching procurement. */
  ppaUsdPerMwh: Record<Technology, number>;
  /** Depreciation lives: facility (years); IT uses each chip's service_life from chips.yaml. */
  facilityLifeYears: number;
  /** Fixed O&M per year as a share of cumulative capex in service. */
  facilityOmShare: number;
  itOmShare: number;
  /** Weighted average cost of capital, per year (annualisation by capital recovery factor). */
  wacc: number;
  /** The investment structure, in payment order (e.g. upfront, then milestones). */
  tranches: InvestmentTranche[];
}
