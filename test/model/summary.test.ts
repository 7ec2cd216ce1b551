import { describe, expect, it } from 'vitest';
import { CLEAN_NAMEPLATE_METRIC, SUMMARY_METRICS, SUMMARY_METRIC_NAMES } from '../../src/model/summary.js';
import { makeInputs, runOk, summaryValue } from './fixtures.js';

describe('summary', () => {
  it('has exactly these metrics, in this order, with these units', () => {
    expect(SUMMARY_METRICS.map((m) => [m.metric, m.unit])).toEqual([
      ['full_buildout_date', 'date'],
      ['first_full_year', 'year'],
      ['chips', 'chips'],
      ['servers', 'servers'],
      ['ultraservers', 'UltraServers'],
      ['critical_it_mw', 'MW'],
      ['deployed_it_mw', 'MW'],
      ['peak_bf16_pflops', 'PFLOP/s'],
      ['peak_fp8_pflops', 'PFLOP/s'],
      ['it_energy_mwh', 'MWh'],
      ['facility_energy_mwh', 'MWh'],
      ['effective_pue', 'ratio'],
      ['average_facility_mw', 'MW'],
      ['peak_facility_mw', 'MW'],
      ['clean_energy_target_mwh', 'MWh'],
      ['clean_nameplate_solar_mw', 'MW'],
      ['clean_nameplate_onshore_wind_mw', 'MW'],
      ['clean_nameplate_offshore_wind_mw', 'MW'],
      ['clean_nameplate_clean_firm_mw', 'MW'],
      ['clean_nameplate_total_mw', 'MW'],
      ['emissions_location_tco2e', 'tCO2e'],
      ['emissions_market_tco2e', 'tCO2e'],
      ['water_m3', 'm3'],
      ['homes_equivalent', 'homes'],
      ['delivered_compute_eflop', 'EFLOP'],
      ['envelope_limit_mw', 'MW'],
      ['peak_design_load_mw', 'MW'],
      ['envelope_margin_mw', 'MW'],
      ['packaging_margin_mw', 'MW'],
      ['binding_constraint', ''],
      ['capex_full_buildout_usd', 'USD'],
      ['capex_usd_per_poi_mw', 'USD/MW'],
      ['capex_usd_per_peak_fp8_pflops', 'USD/(PFLOP/s)'],
      ['annualised_cost_usd', 'USD'],
      ['cost_usd_per_delivered_eflop', 'USD/EFLOP'],
      ['energy_share_of_annualised_cost', 'ratio'],
    ]);
    expect(SUMMARY_METRIC_NAMES).toHaveLength(36);
    expect(Object.values(CLEAN_NAMEPLATE_METRIC).every((m) => SUMMARY_METRIC_NAMES.includes(m))).toBe(true);
  });

  it('writes rows in that order, with the first full year and the envelope filled in', () => {
    const result = runOk(makeInputs());
    expect(result.summary.map((r) => r.metric)).toEqual(SUMMARY_METRIC_NAMES);
    // fixture: full at 2026-01-01 -> first full year 2026; 100,000 chips; 481,800 MWh of facility energy
    expect(summaryValue(result, 'full_buildout_date')).toBe('2026-01-01');
    expect(summaryValue(result, 'first_full_year')).toBe(2026);
    expect(summaryValue(result, 'chips')).toBe(100_000);
    expect(summaryValue(result, 'facility_energy_mwh')).toBeCloseTo(481_800, 6);
    expect(summaryValue(result, 'clean_nameplate_total_mw')).toBeCloseTo(
      ['solar', 'onshore_wind', 'offshore_wind', 'clean_firm'].reduce((acc, t) => acc + Number(summaryValue(result, `clean_nameplate_${t}_mw`)), 0),
      9,
    );
    expect(summaryValue(result, 'binding_constraint')).toBe('envelope');
    expect(result.summary.find((r) => r.metric === 'binding_constraint')!.unit).toBe('');
  });
});
