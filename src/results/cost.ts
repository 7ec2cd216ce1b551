/**
 * Cost records the model returns (cost.csv, tranches.csv). Every USD figure is in US dollars
 * of the cost currency year (cost.yaml `currency_year`, recorded in the manifest's assumptions).
 */

/** One row per calendar year of the horizon. */
export interface CostRow {
  year: number;
  /** Facility capex of the phases energised this year (vintage 1 starts; refreshes reuse the facility). */
  capexFacilityUsd: number;
  /** Accelerator and server capex of the vintages (refreshes included) starting this year. */
  capexItUsd: number;
  /** Network and storage capex of the same vintages. */
  capexNetworkUsd: number;
  capexTotalUsd: number;
  /** Facility MWh x electricity price of the year. */
  opexEnergyUsd: number;
  /** Sum over technologies of the year's new clean MWh x (PPA price - electricity price); negative when PPAs are cheaper. */
  opexProcurementPremiumUsd: number;
  /** O&M shares x capex in service. */
  opexOmUsd: number;
  /** Capital charge (capex x CRF) of assets in service + energy + procurement premium + O&M. */
  annualisedCostUsd: number;
  /** capex_total_usd summed from the first horizon year. */
  cumulativeCapexUsd: number;
}

/** One row per investment tranche, in payment order. */
export interface TrancheRow {
  name: string;
  amountUsd: number;
  /** This tranche's amount plus every earlier one's. */
  cumulativeUsd: number;
  /** `date=YYYY-MM-DD` or `energised_critical_it_mw=<MW>`. */
  condition: string;
  /** Calendar year the condition is met; null when energised critical IT never reaches the MW. */
  conditionMetYear: number | null;
  /** First horizon year whose cumulative capex reaches cumulativeUsd; null when none does. */
  capexExceedsYear: number | null;
  /** cumulativeUsd / capex at full build-out (0 when that capex is 0). */
  shareOfFullBuildoutCapex: number;
}
