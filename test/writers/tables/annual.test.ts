import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/writers/csv.js';
import { ANNUAL_TABLE } from '../../../src/writers/tables/annual.js';
import { sampleResult } from '../fixtures.js';

describe('annual.csv', () => {
  it('has exactly these columns, in this order', () => {
    const [header] = renderCsv(ANNUAL_TABLE, []).split('\n');
    expect(header).toBe(
      'year,hours,chips_end,critical_it_mw_end,peak_fp8_pflops_end,it_energy_mwh,facility_energy_mwh,effective_pue,average_facility_mw,peak_facility_mw,clean_energy_target_mwh,contracted_clean_mwh,new_clean_energy_mwh,emissions_location_tco2e,emissions_market_tco2e,water_m3,homes_equivalent,delivered_compute_eflop',
    );
  });

  it('writes one row per calendar year', () => {
    const lines = renderCsv(ANNUAL_TABLE, ANNUAL_TABLE.rowsOf(sampleResult())).trimEnd().split('\n');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['2026,8760', '2027,8760', '2028,8784']);
  });
});
