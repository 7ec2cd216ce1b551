/**
 * Column specs of OUT/<scenario>/hourly/*.csv: the 24/7 CFE portfolios, annual matching next
 * to hourly matching, profile statistics and (on request) the hourly dispatch.
 */
import { TECHNOLOGIES, type Technology } from '../../model/inputs.js';
import type { AnnualVsHourlyRow, CfePortfolioRow, DispatchHourRow, ProfileStatRow } from '../../results/hourly.js';
import { quantity, text, type Column, type TableSpec } from '../columns.js';
import { decimalsForUnit } from '../decimals.js';

type HourlyTable<Row> = Omit<TableSpec<Row>, 'rowsOf'>;

const TECHNOLOGY_WORDS: Record<Technology, string> = {
  solar: 'Solar PV',
  onshore_wind: 'Onshore wind',
  offshore_wind: 'Offshore wind',
  clean_firm: 'Clean firm (nuclear, geothermal)',
};

function technologyColumns<Row extends { mw: Record<Technology, number> }>(): Column<Row>[] {
  return TECHNOLOGIES.map((t) =>
    quantity<Row>({ name: `${t}_mw`, unit: 'MW', description: `${TECHNOLOGY_WORDS[t]} nameplate contracted.`, get: (r) => r.mw[t] }),
  );
}

export const CFE_PORTFOLIOS_TABLE: HourlyTable<CfePortfolioRow> = {
  file: 'cfe_portfolios.csv',
  description:
    'One row per CFE target and method: the least-cost portfolio that matches the hourly load to at least that carbon-free share, hour by hour (Google CFE score: surplus in one hour never counts in another; grid imports count at the grid carbon-free share).',
  columns: [
    quantity({ name: 'year', unit: 'year', description: 'Year studied (local standard time of the site).', get: (r) => r.year }),
    quantity({ name: 'target', unit: 'ratio', description: 'CFE target, as a share of the load (0.9 = 90%).', get: (r) => r.target }),
    text({ name: 'method', description: '`lp`: linear program solved by HiGHS (optimal); `heuristic`: greedy dispatch with a search over overbuild and mix (fast).', get: (r) => r.method }),
    ...technologyColumns<CfePortfolioRow>(),
    quantity({ name: 'battery_mw', unit: 'MW', description: 'Battery power (charge and discharge limit).', get: (r) => r.batteryMw }),
    quantity({ name: 'battery_mwh', unit: 'MWh', description: 'Battery energy capacity.', get: (r) => r.batteryMwh }),
    quantity({ name: 'overbuild_ratio', unit: 'ratio', description: 'Clean nameplate (the four technologies) / mean hourly load.', get: (r) => r.overbuildRatio }),
    quantity({ name: 'cfe_score', unit: 'ratio', description: 'CFE score the portfolio reaches, recomputed from its hourly dispatch.', get: (r) => r.cfeScore }),
    quantity({ name: 'excess_mwh', unit: 'MWh', description: 'Clean generation neither used nor stored (curtailed or sold).', get: (r) => r.excessMwh }),
    quantity({ name: 'grid_import_mwh', unit: 'MWh', description: 'Energy bought from the grid in hours the portfolio falls short.', get: (r) => r.gridImportMwh }),
    quantity({
      name: 'cost_usd_per_mwh',
      unit: 'USD/MWh',
      description: 'Annualised cost (capex x (CRF + fixed O&M), variable costs, grid purchases) / annual load, in the currency year of cfe.yaml.',
      get: (r) => r.costUsdPerMwh,
    }),
    quantity({
      name: 'premium_vs_annual_pct',
      unit: '%',
      description: 'cost_usd_per_mwh relative to annual matching (annual_vs_hourly.csv), percent.',
      get: (r) => r.premiumVsAnnualPct,
    }),
  ],
};

export const ANNUAL_VS_HOURLY_TABLE: HourlyTable<AnnualVsHourlyRow> = {
  file: 'annual_vs_hourly.csv',
  description:
    "The core model's annual-certificate matching (procurement.csv of the same year) next to each hourly CFE portfolio: MW by technology, storage, the hourly score each reaches and cost per MWh.",
  columns: [
    quantity({ name: 'year', unit: 'year', description: 'Year studied.', get: (r) => r.year }),
    text({ name: 'basis', description: '`annual_matching` (certificates over a year) or `hourly_cfe_<target>` (24/7 matching).', get: (r) => r.basis }),
    quantity({ name: 'target', unit: 'ratio', description: 'Annual matching target or hourly CFE target.', get: (r) => r.target }),
    text({ name: 'method', description: '`certificates` (the core model), `lp` or `heuristic`.', get: (r) => r.method }),
    ...technologyColumns<AnnualVsHourlyRow>(),
    quantity({ name: 'battery_mw', unit: 'MW', description: 'Battery power.', get: (r) => r.batteryMw }),
    quantity({ name: 'battery_mwh', unit: 'MWh', description: 'Battery energy capacity.', get: (r) => r.batteryMwh }),
    quantity({ name: 'total_clean_mw', unit: 'MW', description: 'Sum of the four technology columns.', get: (r) => r.totalCleanMw }),
    quantity({
      name: 'hourly_cfe_score',
      unit: 'ratio',
      description: 'CFE score this portfolio reaches hour by hour (annual matching typically falls well short of its annual 100%).',
      get: (r) => r.hourlyCfeScore,
    }),
    quantity({ name: 'cost_usd_per_mwh', unit: 'USD/MWh', description: 'Annualised cost / annual load.', get: (r) => r.costUsdPerMwh }),
  ],
};

export const PROFILE_STATS_TABLE: HourlyTable<ProfileStatRow> = {
  file: 'profile_stats.csv',
  description:
    'One row per generation profile and statistic: annual and monthly capacity factor, mean diurnal shape, autocorrelation, longest lull and correlation between technologies; for checking synthetic or supplied profiles against known sites.',
  columns: [
    text({ name: 'technology', description: 'Profile the statistic describes.', get: (r) => r.technology }),
    text({ name: 'statistic', description: 'What is measured (docs/outputs.md lists them).', get: (r) => r.statistic }),
    text({ name: 'period', description: '`year`, a month `YYYY-MM`, or a local hour `hour_HH`.', get: (r) => r.period }),
    { kind: 'unit-value', name: 'value', description: 'The statistic, rounded by its unit.', get: (r) => r.value, decimalsFor: (r) => decimalsForUnit(r.unit, 'profile_stats.csv value') },
    text({ name: 'unit', description: '`ratio` (capacity factors, correlations) or `h` (run lengths).', get: (r) => r.unit }),
  ],
};

export const DISPATCH_TABLE: HourlyTable<DispatchHourRow> = {
  file: 'dispatch.csv',
  description: 'One row per hour, target and method (only with --write-dispatch): how the portfolio meets the load.',
  columns: [
    quantity({ name: 'target', unit: 'ratio', description: 'CFE target of the portfolio.', get: (r) => r.target }),
    text({ name: 'method', description: '`lp` or `heuristic`.', get: (r) => r.method }),
    quantity({ name: 'hour', unit: 'h', description: 'Hour of the year, 0-based, hour-beginning, local standard time.', get: (r) => r.hour }),
    quantity({ name: 'load_mw', unit: 'MW', description: 'Facility load.', get: (r) => r.loadMw }),
    quantity({ name: 'generation_mw', unit: 'MW', description: 'Clean generation of the portfolio.', get: (r) => r.generationMw }),
    quantity({ name: 'charge_mw', unit: 'MW', description: 'Battery charging (from clean surplus).', get: (r) => r.chargeMw }),
    quantity({ name: 'discharge_mw', unit: 'MW', description: 'Battery discharging.', get: (r) => r.dischargeMw }),
    quantity({ name: 'state_of_charge_mwh', unit: 'MWh', description: 'Stored energy at the end of the hour.', get: (r) => r.stateOfChargeMwh }),
    quantity({ name: 'grid_import_mw', unit: 'MW', description: 'Grid import.', get: (r) => r.gridImportMw }),
    quantity({ name: 'excess_mw', unit: 'MW', description: 'Surplus neither used nor stored.', get: (r) => r.excessMw }),
  ],
};
