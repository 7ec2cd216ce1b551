import { describe, expect, it } from 'vitest';
import { compareRanges } from '../../src/compare/ranges.js';
import type { PercentileRow } from '../../src/uncertainty/runUncertainty.js';

const row = (metric: string, p50: number, year: number | 'all' = 'all'): PercentileRow => ({
  metric,
  unit: 'MW',
  year,
  mean: p50,
  p5: p50 - 2,
  p10: p50 - 1,
  p50,
  p90: p50 + 1,
  p95: p50 + 2,
});

describe('compareRanges', () => {
  it('lists headline percentiles per scenario, baseline first, with the P50 delta', () => {
    const percentiles = new Map([
      ['base', [row('critical_it_mw', 1500), row('critical_it_mw', 100, 2030)]],
      ['wet', [row('critical_it_mw', 1650)]],
    ]);
    expect(compareRanges('base', ['wet'], percentiles)).toEqual([
      { scenario: 'base', metric: 'critical_it_mw', unit: 'MW', p10: 1499, p50: 1500, p90: 1501, p50Delta: 0, p50DeltaPct: 0 },
      { scenario: 'wet', metric: 'critical_it_mw', unit: 'MW', p10: 1649, p50: 1650, p90: 1651, p50Delta: 150, p50DeltaPct: 10 },
    ]);
  });

  it('is empty when the baseline was not sampled, and skips scenarios that were not', () => {
    expect(compareRanges('base', ['wet'], new Map([['wet', [row('x', 1)]]]))).toEqual([]);
    const rows = compareRanges('base', ['dry'], new Map([['base', [row('x', 1)]], ['dry', undefined]]));
    expect(rows.map((r) => r.scenario)).toEqual(['base']);
  });
});
