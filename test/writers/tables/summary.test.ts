import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/writers/csv.js';
import { SUMMARY_TABLE } from '../../../src/writers/tables/summary.js';
import { SUMMARY_METRICS, TRANCHE_METRICS, trancheSummaryRows } from '../../../src/model/summary.js';
import type { SummaryRow } from '../../../src/results/types.js';
import { decimalsForUnit } from '../../../src/writers/decimals.js';

describe('summary.csv', () => {
  it('has exactly these columns, in this order', () => {
    const [header] = renderCsv(SUMMARY_TABLE, []).split('\n');
    expect(header).toBe('metric,value,unit');
  });

  it('rounds each number by its own unit and writes text as is, in the order given', () => {
    const rows: SummaryRow[] = [
      { metric: 'critical_it', value: 1788.12345, unit: 'MW' },
      { metric: 'effective_pue', value: 1.1499999, unit: 'ratio' },
      { metric: 'chips', value: 1_000_000, unit: 'chips' },
      { metric: 'homes', value: 1_634_200.6, unit: 'homes' },
      { metric: 'binding_constraint', value: 'envelope', unit: '' },
      { metric: 'peak_at', value: '2031-07-01T00:00:00Z', unit: '' },
    ];
    expect(renderCsv(SUMMARY_TABLE, rows)).toBe(
      [
        'metric,value,unit',
        'critical_it,1788.123,MW',
        'effective_pue,1.150000,ratio',
        'chips,1000000,chips',
        'homes,1634201,homes',
        'binding_constraint,envelope,',
        'peak_at,2031-07-01T00:00:00Z,',
        '',
      ].join('\n'),
    );
  });

  it("writes a tranche's rows: its year, or empty when capex never reaches it, and its share", () => {
    const rows = trancheSummaryRows([
      { name: 'upfront', amountUsd: 1, cumulativeUsd: 1, condition: 'date=2026-02-27', conditionMetYear: 2026, capexExceedsYear: 2027, shareOfFullBuildoutCapex: 0.2389684 },
      { name: 'rest', amountUsd: 9, cumulativeUsd: 10, condition: 'date=2027-01-01', conditionMetYear: 2027, capexExceedsYear: null, shareOfFullBuildoutCapex: 2.5 },
    ]);
    expect(renderCsv(SUMMARY_TABLE, rows)).toBe(
      [
        'metric,value,unit',
        'tranche_upfront_capex_exceeds_year,2027,year',
        'tranche_upfront_share_of_full_buildout_capex,0.238968,ratio',
        'tranche_rest_capex_exceeds_year,,year',
        'tranche_rest_share_of_full_buildout_capex,2.500000,ratio',
        '',
      ].join('\n'),
    );
  });

  it('refuses a number whose unit has no rounding rule, naming the metric', () => {
    const rows: SummaryRow[] = [{ metric: 'envelope', value: 2, unit: 'GW' }];
    expect(() => renderCsv(SUMMARY_TABLE, rows)).toThrow(/^summary\.csv metric envelope: no rounding rule for unit 'GW'/);
  });

  // Contract with src/model/summary.ts: a unit without a rule would stop every run.
  it('has a rounding rule for every unit the model gives a number in', () => {
    const textUnits = new Set(['', 'date']);
    for (const { metric, unit } of [...SUMMARY_METRICS, ...Object.values(TRANCHE_METRICS).map(({ suffix, unit }) => ({ metric: suffix, unit }))]) {
      if (!textUnits.has(unit)) expect(() => decimalsForUnit(unit, metric), metric).not.toThrow();
    }
  });
});
