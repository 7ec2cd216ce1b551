/** annual.csv: energy, procurement need, emissions and compute, one row per calendar year. */
import type { AnnualRow } from '../../results/types.js';
import { quantity, type TableSpec } from '../columns.js';

export const ANNUAL_TABLE: TableSpec<AnnualRow> = {
  file: 'annual.csv',
  description: 'One row per calendar year of the horizon. `_end` columns are the stock at 24:00 UTC on 31 December; the others are totals over the year.',
  rowsOf: (result) => result.annual,
  columns: [
    quantity({ name: 'year', unit: 'year', description: 'Calendar year, 1 January 00:00 UTC to 31 December 24:00 UTC.', get: (r) => r.year }),
    quantity({ name: 'hours', unit: 'h', description: 'Hours in the year: 8760, or 8784 in a leap year.', get: (r) => r.hours }),
    quantity({
      name: 'chips_end',
      unit: 'chips',
      description: 'Energised chips at the end of the year; a phase mid-ramp counts pro rata, rounded to whole chips.',
      get: (r) => r.chipsEnd,
    }),
    quantity({ name: 'critical_it_mw_end', unit: 'MW', description: 'Critical IT capacity energised at the end of the year.', get: (r) => r.criticalItMwEnd }),
    quantity({ name: 'peak_fp8_pflops_end', unit: 'PFLOP/s', description: 'Peak dense FP8 compute energised at the end of the year.', get: (r) => r.peakFp8PflopsEnd }),
    quantity({ name: 'it_energy_mwh', unit: 'MWh', description: "IT energy: the year's hourly average IT draw, summed.", get: (r) => r.itEnergyMwh }),
    quantity({
      name: 'facility_energy_mwh',
      unit: 'MWh',
      description: 'Facility energy: hourly IT draw x annual PUE plus auxiliary load, summed.',
      get: (r) => r.facilityEnergyMwh,
    }),
    quantity({
      name: 'effective_pue',
      unit: 'ratio',
      description: 'facility_energy_mwh / it_energy_mwh; 0 when there is no IT energy that year.',
      get: (r) => r.effectivePue,
    }),
    quantity({ name: 'average_facility_mw', unit: 'MW', description: 'facility_energy_mwh / hours.', get: (r) => r.averageFacilityMw }),
    quantity({ name: 'peak_facility_mw', unit: 'MW', description: 'Highest hourly facility load in the year.', get: (r) => r.peakFacilityMw }),
    quantity({
      name: 'clean_energy_target_mwh',
      unit: 'MWh',
      description: 'Matching target x facility energy (grossed up for T&D losses under `gross_up_td_losses`).',
      get: (r) => r.cleanEnergyTargetMwh,
    }),
    quantity({ name: 'contracted_clean_mwh', unit: 'MWh', description: 'Clean energy already under contract for the year (an input).', get: (r) => r.contractedCleanMwh }),
    quantity({
      name: 'new_clean_energy_mwh',
      unit: 'MWh',
      description: 'Clean energy still to procure: max(0, clean_energy_target_mwh - contracted_clean_mwh).',
      get: (r) => r.newCleanEnergyMwh,
    }),
    quantity({
      name: 'emissions_location_tco2e',
      unit: 'tCO2e',
      description: 'Location-based emissions: facility energy x grid emission factor.',
      get: (r) => r.emissionsLocationTco2e,
    }),
    quantity({
      name: 'emissions_market_tco2e',
      unit: 'tCO2e',
      description: 'Market-based emissions: facility energy not matched by clean energy x residual-mix factor.',
      get: (r) => r.emissionsMarketTco2e,
    }),
    quantity({ name: 'water_m3', unit: 'm3', description: 'On-site water use: WUE x IT energy.', get: (r) => r.waterM3 }),
    quantity({
      name: 'homes_equivalent',
      unit: 'homes',
      description: 'Facility energy / average household electricity use per year.',
      get: (r) => r.homesEquivalent,
    }),
    quantity({
      name: 'delivered_compute_eflop',
      unit: 'EFLOP',
      description: 'Peak FLOP/s at the MFU precision x model-FLOPs utilisation x energised seconds, in EFLOP (1e18 FLOP).',
      get: (r) => r.deliveredComputeEflop,
    }),
  ],
};
