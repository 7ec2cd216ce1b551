/** cost.csv: capex, opex and annualised cost, one row per calendar year; tranches.csv: the investment tranches against the build. */
import type { CostRow, TrancheRow } from '../../results/cost.js';
import { quantity, text, type TableSpec } from '../columns.js';

/** Where the currency is stated, for every USD column. */
const USD_OF = "US dollars of cost.yaml's currency_year (listed with the assumptions in manifest.json)";

export const COST_TABLE: TableSpec<CostRow> = {
  file: 'cost.csv',
  description:
    `One row per calendar year of the horizon, in ${USD_OF}. Capex is booked in the calendar year an asset starts ` +
    '(capex of assets started before the horizon in its first year); capital charges and O&M are paid in whole years from that year while the asset is in service.',
  rowsOf: (result) => result.cost,
  columns: [
    quantity({ name: 'year', unit: 'year', description: 'Calendar year.', get: (r) => r.year }),
    quantity({
      name: 'capex_facility_usd',
      unit: 'USD',
      description: 'Facility capex of phases energised this year: critical IT x construction per MW x (1 + land and soft share). A refresh reuses the facility.',
      get: (r) => r.capexFacilityUsd,
    }),
    quantity({
      name: 'capex_it_usd',
      unit: 'USD',
      description: 'Accelerators and servers of vintages (refreshes included) starting this year: chips x server USD per chip.',
      get: (r) => r.capexItUsd,
    }),
    quantity({
      name: 'capex_network_usd',
      unit: 'USD',
      description: 'Network and storage of the same vintages: chips x server USD per chip x (network share + storage share).',
      get: (r) => r.capexNetworkUsd,
    }),
    quantity({ name: 'capex_total_usd', unit: 'USD', description: 'capex_facility_usd + capex_it_usd + capex_network_usd.', get: (r) => r.capexTotalUsd }),
    quantity({
      name: 'opex_energy_usd',
      unit: 'USD',
      description: "Facility energy (annual.csv facility_energy_mwh) x the year's electricity price.",
      get: (r) => r.opexEnergyUsd,
    }),
    quantity({
      name: 'opex_procurement_premium_usd',
      unit: 'USD',
      description:
        "Sum over technologies of the year's new clean MWh (procurement.csv energy_mwh) x (PPA price - electricity price); negative when PPAs are cheaper than grid power.",
      get: (r) => r.opexProcurementPremiumUsd,
    }),
    quantity({
      name: 'opex_om_usd',
      unit: 'USD',
      description: 'Facility O&M share x facility capex in service + IT O&M share x IT and network capex in service.',
      get: (r) => r.opexOmUsd,
    }),
    quantity({
      name: 'annualised_cost_usd',
      unit: 'USD',
      description:
        'Capital charge (capex x capital recovery factor at the WACC over the facility life or the chip service life) of every asset in service, plus opex_energy_usd, opex_procurement_premium_usd and opex_om_usd.',
      get: (r) => r.annualisedCostUsd,
    }),
    quantity({
      name: 'cumulative_capex_usd',
      unit: 'USD',
      description: 'capex_total_usd summed from the first horizon year through this one.',
      get: (r) => r.cumulativeCapexUsd,
    }),
  ],
};

/** A year, or '' when there is none. */
function yearText(year: number | null): string {
  return year === null ? '' : String(year);
}

export const TRANCHES_TABLE: TableSpec<TrancheRow> = {
  file: 'tranches.csv',
  description:
    `One row per investment tranche of cost.yaml, in payment order, in ${USD_OF}: when its condition is met and when cumulative capex ` +
    '(cost.csv) first reaches the amount paid so far. As many rows as cost.yaml has tranches.',
  rowsOf: (result) => result.tranches,
  columns: [
    text({ name: 'name', description: 'Tranche name, as in cost.yaml.', get: (r) => r.name }),
    quantity({ name: 'amount_usd', unit: 'USD', description: "This tranche's amount.", get: (r) => r.amountUsd }),
    quantity({ name: 'cumulative_usd', unit: 'USD', description: 'This amount plus every earlier tranche\'s.', get: (r) => r.cumulativeUsd }),
    text({
      name: 'condition',
      description: 'When it is paid: `date=YYYY-MM-DD`, or `energised_critical_it_mw=<MW>` (once that much critical IT is energised).',
      get: (r) => r.condition,
    }),
    text({
      name: 'condition_met_year',
      description:
        "Calendar year the condition is met: the date's year, or the year energised critical IT (ramps pro rata, at the instant) first reaches the MW; empty when it never does.",
      get: (r) => yearText(r.conditionMetYear),
    }),
    text({
      name: 'capex_exceeds_year',
      description: 'First horizon year whose cumulative_capex_usd reaches cumulative_usd; empty when none does.',
      get: (r) => yearText(r.capexExceedsYear),
    }),
    quantity({
      name: 'share_of_full_buildout_capex',
      unit: 'ratio',
      description: 'cumulative_usd / capex at full build-out (summary.csv capex_full_buildout_usd); above 1 when the tranches exceed the build.',
      get: (r) => r.shareOfFullBuildoutCapex,
    }),
  ],
};
