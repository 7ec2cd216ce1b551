import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/writers/csv.js';
import { FLEET_TABLE } from '../../../src/writers/tables/fleet.js';
import { sampleResult } from '../fixtures.js';

describe('fleet.csv', () => {
  it('has exactly these columns, in this order', () => {
    const [header] = renderCsv(FLEET_TABLE, []).split('\n');
    expect(header).toBe(
      'phase,vintage,chip,energised_on,retired_on,poi_mw,critical_it_mw,all_in_w_per_chip,chips,servers,ultraservers,deployed_it_mw,peak_bf16_pflops,peak_fp8_pflops',
    );
  });

  it('writes one row per phase and vintage, a vintage running past the horizon with an empty retired_on', () => {
    const lines = renderCsv(FLEET_TABLE, FLEET_TABLE.rowsOf(sampleResult())).split('\n');
    expect(lines.slice(1)).toEqual([
      'trn3-a,1,trainium3,2026-10-01,2028-04-01,250.000,188.104,1744.200,107712,26928,748,187.871,72274.752,271111.104',
      'trn3-a,2,trainium3,2028-04-01,,250.000,188.104,1744.200,107712,26928,748,187.871,72274.752,271111.104',
      '',
    ]);
  });
});
