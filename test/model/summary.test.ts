import { describe, expect, it } from 'vitest';
import {
  CLEAN_NAMEPLATE_METRIC,
  isTrancheMetric,
  SUMMARY_METRICS,
  SUMMARY_METRIC_NAMES,
  trancheMetricNames,
  trancheSummaryRows,
} from '../../src/model/summary.js';
import type { TrancheRow } from '../../src/results/types.js';
import { baseCaseInputs, makeInputs, runOk, summaryValue } from './fixtures.js';

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

  it('writes rows in that order, with the first full year and the envelope filled in, then the tranche rows', () => {
    const result = runOk(makeInputs());
    expect(result.summary.map((r) => r.metric)).toEqual([
      ...SUMMARY_METRIC_NAMES,
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
    ]);
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

describe('tranche summary rows', () => {
  const tranche = (name: string, cumulativeUsd: number, capexExceedsYear: number | null, shareOfFullBuildoutCapex: number): TrancheRow => ({
    name,
    amountUsd: 1,
    cumulativeUsd,
    condition: 'date=2026-01-01',
    conditionMetYear: 2026,
    capexExceedsYear,
    shareOfFullBuildoutCapex,
  });

  it('names two metrics per tranche after it, none of them a fixed metric', () => {
    expect(trancheMetricNames('upfront')).toEqual({
      capexExceedsYear: 'tranche_upfront_capex_exceeds_year',
      shareOfFullBuildoutCapex: 'tranche_upfront_share_of_full_buildout_capex',
    });
    expect(isTrancheMetric('tranche_upfront_capex_exceeds_year')).toBe(true);
    expect(isTrancheMetric('tranche_Series A_share_of_full_buildout_capex')).toBe(true);
    expect(isTrancheMetric('tranche__capex_exceeds_year')).toBe(false); // no name
    expect(isTrancheMetric('tranche_upfront_capex')).toBe(false);
    expect(isTrancheMetric('upfront_capex_exceeds_year')).toBe(false);
    expect(SUMMARY_METRIC_NAMES.some(isTrancheMetric)).toBe(false);
  });

  it('gives each tranche, in the order given, its capex year (empty when never reached) and its share', () => {
    // 30 and 60 of a 100 build: reached in 2027 and 2029; 150 (after a 90 tranche) is never reached.
    const rows = trancheSummaryRows([tranche('a', 30, 2027, 0.3), tranche('b', 60, 2029, 0.6), tranche('late one', 150, null, 1.5)]);
    expect(rows).toEqual([
      { metric: 'tranche_a_capex_exceeds_year', value: 2027, unit: 'year' },
      { metric: 'tranche_a_share_of_full_buildout_capex', value: 0.3, unit: 'ratio' },
      { metric: 'tranche_b_capex_exceeds_year', value: 2029, unit: 'year' },
      { metric: 'tranche_b_share_of_full_buildout_capex', value: 0.6, unit: 'ratio' },
      { metric: 'tranche_late one_capex_exceeds_year', value: '', unit: 'year' },
      { metric: 'tranche_late one_share_of_full_buildout_capex', value: 1.5, unit: 'ratio' },
    ]);
    expect(trancheSummaryRows([])).toEqual([]);
  });

  it('follows the fixed metrics in the model summary, from the tranche rows, on the shipped base case', () => {
    const result = runOk(baseCaseInputs());
    expect(result.summary.slice(0, SUMMARY_METRICS.length).map((r) => r.metric)).toEqual(SUMMARY_METRIC_NAMES);
    const tail = result.summary.slice(SUMMARY_METRICS.length);
    expect(tail).toEqual(trancheSummaryRows(result.tranches));
    // Upfront (15 bn of 2026 = 14.6 bn of 2025) is reached by 2027's cumulative capex; with the milestones (48.8 bn), 2029.
    expect(tail.map((r) => [r.metric, r.unit])).toEqual([
      ['tranche_upfront_capex_exceeds_year', 'year'],
      ['tranche_upfront_share_of_full_buildout_capex', 'ratio'],
      ['tranche_milestones_capex_exceeds_year', 'year'],
      ['tranche_milestones_share_of_full_buildout_capex', 'ratio'],
    ]);
    expect(tail[0]!.value).toBe(2027);
    expect(tail[1]!.value).toBeCloseTo(0.238968, 6);
    expect(tail[2]!.value).toBe(2029);
    expect(tail[3]!.value).toBeCloseTo(0.796559, 6);
    expect(Number(tail[3]!.value) * Number(summaryValue(result, 'capex_full_buildout_usd'))).toBeCloseTo(result.tranches[1]!.cumulativeUsd, 0);
  });

  it('writes an empty year when cumulative capex never reaches a tranche within the horizon', () => {
    const inputs = makeInputs();
    const result = runOk({ ...inputs, cost: { ...inputs.cost, tranches: [{ name: 'all', amountUsd: 1e15, condition: { kind: 'date', date: '2026-06-01' } }] } });
    expect(result.summary.slice(SUMMARY_METRICS.length)).toEqual([
      { metric: 'tranche_all_capex_exceeds_year', value: '', unit: 'year' },
      { metric: 'tranche_all_share_of_full_buildout_capex', value: result.tranches[0]!.shareOfFullBuildoutCapex, unit: 'ratio' },
    ]);
    expect(result.tranches[0]!.capexExceedsYear).toBeNull();
  });
});
