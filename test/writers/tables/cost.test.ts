import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/writers/csv.js';
import { COST_TABLE, TRANCHES_TABLE } from '../../../src/writers/tables/cost.js';
import type { TrancheRow } from '../../../src/results/types.js';
import { sampleResult } from '../fixtures.js';

describe('cost.csv', () => {
  it('has exactly these columns, in this order', () => {
    const [header] = renderCsv(COST_TABLE, []).split('\n');
    expect(header).toBe(
      'year,capex_facility_usd,capex_it_usd,capex_network_usd,capex_total_usd,opex_energy_usd,opex_procurement_premium_usd,opex_om_usd,annualised_cost_usd,cumulative_capex_usd',
    );
  });

  it('writes one row per calendar year, whole dollars, a negative premium with its sign', () => {
    const lines = renderCsv(COST_TABLE, COST_TABLE.rowsOf(sampleResult())).trimEnd().split('\n');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['2026', '2027', '2028']);
    for (const line of lines.slice(1)) for (const cell of line.split(',').slice(1)) expect(cell).toMatch(/^-?\d+$/);
    expect(lines[2]!.split(',')[6]).toMatch(/^-\d+$/); // PPAs cheaper than grid power
  });

  it('says in every USD column description which currency year it is in', () => {
    expect(COST_TABLE.description).toContain("cost.yaml's currency_year");
  });
});

describe('tranches.csv', () => {
  it('has exactly these columns, in this order', () => {
    const [header] = renderCsv(TRANCHES_TABLE, []).split('\n');
    expect(header).toBe('name,amount_usd,cumulative_usd,condition,condition_met_year,capex_exceeds_year,share_of_full_buildout_capex');
  });

  it('writes a year, or an empty cell when the condition or the capex never gets there', () => {
    const row: TrancheRow = {
      name: 'milestones',
      amountUsd: 34_148_936_170.21,
      cumulativeUsd: 48_784_194_528.88,
      condition: 'energised_critical_it_mw=1000',
      conditionMetYear: 2028,
      capexExceedsYear: null,
      shareOfFullBuildoutCapex: 0.7965585250836,
    };
    expect(renderCsv(TRANCHES_TABLE, [row, { ...row, name: 'never', conditionMetYear: null, capexExceedsYear: 2029 }])).toBe(
      [
        'name,amount_usd,cumulative_usd,condition,condition_met_year,capex_exceeds_year,share_of_full_buildout_capex',
        'milestones,34148936170,48784194529,energised_critical_it_mw=1000,2028,,0.796559',
        'never,34148936170,48784194529,energised_critical_it_mw=1000,,2029,0.796559',
        '',
      ].join('\n'),
    );
  });
});
