import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../../src/writers/csv.js';
import { SUMMARY_TABLE } from '../../../src/writers/tables/summary.js';
import { SUMMARY_METRICS } from '../../../src/model/summary.js';
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

  it('refuses a number whose unit has no rounding rule, naming the metric', () => {
    const rows: SummaryRow[] = [{ metric: 'envelope', value: 2, unit: 'GW' }];
    expect(() => renderCsv(SUMMARY_TABLE, rows)).toThrow(/^summary\.csv metric envelope: no rounding rule for unit 'GW'/);
  });

  // Contract with src/model/summary.ts: a unit without a rule would stop every run.
  it('has a rounding rule for every unit the model gives a number in', () => {
    const textUnits = new Set(['', 'date']);
    for (const { metric, unit } of SUMMARY_METRICS) {
      if (!textUnits.has(unit)) expect(() => decimalsForUnit(unit, metric), metric).not.toThrow();
    }
  });
});
