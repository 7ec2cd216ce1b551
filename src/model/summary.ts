/**
 * summary.csv: headline figures at full build-out and for the first full year, and cost.
 * SUMMARY_METRICS is a fixed list: the same metrics for every assumption file, so scenario
 * comparison, attribution and the closed form's metric vector can rely on it. It is the one
 * list of their names and units, in output order; other code (CLI, scenario comparison)
 * refers to it rather than typing names again.
 * After those rows come two per investment tranche of cost.yaml, in payment order
 * (trancheSummaryRows): their number and names vary with cost.yaml, so they are not in
 * SUMMARY_METRICS; tranches.csv has the full tranche rows.
 */
import type { Technology } from './inputs.js';
import type { SummaryRow, TrancheRow } from '../results/types.js';

export const SUMMARY_METRICS = [
  // Full build-out (the headline fleet)
  { metric: 'full_buildout_date', unit: 'date' },
  { metric: 'first_full_year', unit: 'year' },
  { metric: 'chips', unit: 'chips' },
  { metric: 'servers', unit: 'servers' },
  { metric: 'ultraservers', unit: 'UltraServers' },
  { metric: 'critical_it_mw', unit: 'MW' },
  { metric: 'deployed_it_mw', unit: 'MW' },
  { metric: 'peak_bf16_pflops', unit: 'PFLOP/s' },
  { metric: 'peak_fp8_pflops', unit: 'PFLOP/s' },
  // First full year
  { metric: 'it_energy_mwh', unit: 'MWh' },
  { metric: 'facility_energy_mwh', unit: 'MWh' },
  { metric: 'effective_pue', unit: 'ratio' },
  { metric: 'average_facility_mw', unit: 'MW' },
  { metric: 'peak_facility_mw', unit: 'MW' },
  { metric: 'clean_energy_target_mwh', unit: 'MWh' },
  { metric: 'clean_nameplate_solar_mw', unit: 'MW' },
  { metric: 'clean_nameplate_onshore_wind_mw', unit: 'MW' },
  { metric: 'clean_nameplate_offshore_wind_mw', unit: 'MW' },
  { metric: 'clean_nameplate_clean_firm_mw', unit: 'MW' },
  { metric: 'clean_nameplate_total_mw', unit: 'MW' },
  { metric: 'emissions_location_tco2e', unit: 'tCO2e' },
  { metric: 'emissions_market_tco2e', unit: 'tCO2e' },
  { metric: 'water_m3', unit: 'm3' },
  { metric: 'homes_equivalent', unit: 'homes' },
  { metric: 'delivered_compute_eflop', unit: 'EFLOP' },
  // Envelope
  { metric: 'envelope_limit_mw', unit: 'MW' },
  { metric: 'peak_design_load_mw', unit: 'MW' },
  { metric: 'envelope_margin_mw', unit: 'MW' },
  { metric: 'packaging_margin_mw', unit: 'MW' },
  { metric: 'binding_constraint', unit: '' },
  // Cost (US dollars of the cost currency year): capex at full build-out, then the first full year
  { metric: 'capex_full_buildout_usd', unit: 'USD' },
  { metric: 'capex_usd_per_poi_mw', unit: 'USD/MW' },
  { metric: 'capex_usd_per_peak_fp8_pflops', unit: 'USD/(PFLOP/s)' },
  { metric: 'annualised_cost_usd', unit: 'USD' },
  { metric: 'cost_usd_per_delivered_eflop', unit: 'USD/EFLOP' },
  { metric: 'energy_share_of_annualised_cost', unit: 'ratio' },
] as const satisfies readonly { metric: string; unit: string }[];

export type SummaryMetric = (typeof SUMMARY_METRICS)[number]['metric'];

/** Metric names in output order. */
export const SUMMARY_METRIC_NAMES: readonly SummaryMetric[] = SUMMARY_METRICS.map((m) => m.metric);

/** The nameplate metric of each technology. */
export const CLEAN_NAMEPLATE_METRIC = {
  solar: 'clean_nameplate_solar_mw',
  onshore_wind: 'clean_nameplate_onshore_wind_mw',
  offshore_wind: 'clean_nameplate_offshore_wind_mw',
  clean_firm: 'clean_nameplate_clean_firm_mw',
} as const satisfies Record<Technology, SummaryMetric>;

/** Rows in SUMMARY_METRICS order; the record type makes every metric required. */
export function summaryRows(values: Readonly<Record<SummaryMetric, number | string>>): SummaryRow[] {
  return SUMMARY_METRICS.map(({ metric, unit }) => ({ metric, value: values[metric], unit }));
}

/** The start of every tranche metric's name; no SUMMARY_METRICS name starts with it. */
export const TRANCHE_METRIC_PREFIX = 'tranche_';

/** The two summary metrics of each tranche: their name after `tranche_<name>`, and unit. */
export const TRANCHE_METRICS = {
  capexExceedsYear: { suffix: '_capex_exceeds_year', unit: 'year' },
  shareOfFullBuildoutCapex: { suffix: '_share_of_full_buildout_capex', unit: 'ratio' },
} as const satisfies Record<string, { suffix: string; unit: string }>;

/**
 * The summary metric names of the tranche named `name` (as in cost.yaml, used as written):
 * `tranche_<name>_capex_exceeds_year` and `tranche_<name>_share_of_full_buildout_capex`.
 * Distinct tranche names give distinct metric names, and none is a SUMMARY_METRICS name.
 */
export function trancheMetricNames(name: string): { capexExceedsYear: string; shareOfFullBuildoutCapex: string } {
  return {
    capexExceedsYear: `${TRANCHE_METRIC_PREFIX}${name}${TRANCHE_METRICS.capexExceedsYear.suffix}`,
    shareOfFullBuildoutCapex: `${TRANCHE_METRIC_PREFIX}${name}${TRANCHE_METRICS.shareOfFullBuildoutCapex.suffix}`,
  };
}

/** Whether `metric` has the form of a tranche metric (`tranche_<name>_capex_exceeds_year` or `..._share_of_full_buildout_capex`, name non-empty). */
export function isTrancheMetric(metric: string): boolean {
  return Object.values(TRANCHE_METRICS).some(
    ({ suffix }) => metric.startsWith(TRANCHE_METRIC_PREFIX) && metric.endsWith(suffix) && metric.length > TRANCHE_METRIC_PREFIX.length + suffix.length,
  );
}

/**
 * Two rows per tranche, in payment order (the order of `tranches`): the first horizon year
 * whose cumulative capex reaches the cumulative amount paid (unit `year`; '' when none does,
 * as in tranches.csv), and that amount's share of the full build-out capex (`ratio`).
 */
export function trancheSummaryRows(tranches: readonly TrancheRow[]): SummaryRow[] {
  return tranches.flatMap((tranche) => {
    const names = trancheMetricNames(tranche.name);
    return [
      { metric: names.capexExceedsYear, value: tranche.capexExceedsYear ?? '', unit: TRANCHE_METRICS.capexExceedsYear.unit },
      { metric: names.shareOfFullBuildoutCapex, value: tranche.shareOfFullBuildoutCapex, unit: TRANCHE_METRICS.shareOfFullBuildoutCapex.unit },
    ];
  });
}
