import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/writers/csv.js';
import { PROCUREMENT_TABLE } from '../../../src/writers/tables/procurement.js';
import { sampleResult } from '../fixtures.js';

describe('procurement.csv', () => {
  it('has exactly these columns, in this order', () => {
    const [header] = renderCsv(PROCUREMENT_TABLE, []).split('\n');
    expect(header).toBe('year,technology,energy_share,capacity_factor,energy_mwh,nameplate_mw');
  });

  it('writes one row per year and technology, shares and capacity factors with 6 decimals', () => {
    const lines = renderCsv(PROCUREMENT_TABLE, PROCUREMENT_TABLE.rowsOf(sampleResult())).split('\n');
    expect(lines.slice(1, 5).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      '2026,solar,0.500000,0.233000',
      '2026,onshore_wind,0.400000,0.335000',
      '2026,offshore_wind,0.000000,0.400000',
      '2026,clean_firm,0.100000,0.900000',
    ]);
  });
});
