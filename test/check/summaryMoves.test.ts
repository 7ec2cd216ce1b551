import { describe, expect, it } from 'vitest';
import { deltaPct } from '../../src/compare/delta.js';
import { formatMoves, summaryMoves } from '../../src/check/summaryMoves.js';
import type { SummaryRow } from '../../src/results/types.js';

const BEFORE: SummaryRow[] = [
  { metric: 'full_buildout_date', value: '2029-12-30', unit: 'date' },
  { metric: 'chips', value: 649872, unit: 'chips' },
  { metric: 'facility_energy_mwh', value: 11407565.261, unit: 'MWh' },
  { metric: 'effective_pue', value: 1.148822, unit: 'ratio' },
  { metric: 'emissions_market_tco2e', value: 0, unit: 'tCO2e' },
  { metric: 'binding_constraint', value: 'envelope', unit: '' },
];

function withValues(changes: Record<string, number | string>): SummaryRow[] {
  return BEFORE.map((row) => (row.metric in changes ? { ...row, value: changes[row.metric]! } : row));
}

describe('summaryMoves', () => {
  it('is empty when nothing printed changed, including changes below the printed decimals', () => {
    expect(summaryMoves(BEFORE, BEFORE)).toEqual([]);
    expect(summaryMoves(BEFORE, withValues({ facility_energy_mwh: 11407565.2612, effective_pue: 1.1488221 }))).toEqual([]);
  });

  it('lists numbers by |delta %| descending, with delta and delta % from compare/delta', () => {
    const moves = summaryMoves(BEFORE, withValues({ chips: 600000, facility_energy_mwh: 12000000, effective_pue: 1.2 }));
    expect(moves.map((m) => m.metric)).toEqual(['chips', 'facility_energy_mwh', 'effective_pue']);
    const energy = moves.find((m) => m.metric === 'facility_energy_mwh')!;
    expect(energy).toMatchObject({ unit: 'MWh', before: '11407565.261', after: '12000000.000', decimals: 3 });
    expect(energy.delta).toBeCloseTo(592434.739, 6);
    expect(energy.deltaPct).toBe(deltaPct(11407565.261, 12000000));
  });

  it("moves a tranche's year in years, and to or from '' (never reached) as a change without delta", () => {
    const tranche = (year: number | string): SummaryRow[] => [
      ...BEFORE,
      { metric: 'tranche_upfront_capex_exceeds_year', value: year, unit: 'year' },
      { metric: 'tranche_upfront_share_of_full_buildout_capex', value: 0.238968, unit: 'ratio' },
    ];
    expect(summaryMoves(tranche(2027), tranche(2027))).toEqual([]);
    expect(summaryMoves(tranche(2027), tranche(2028))).toEqual([
      { metric: 'tranche_upfront_capex_exceeds_year', unit: 'year', before: '2027', after: '2028', delta: 1, deltaPct: deltaPct(2027, 2028), decimals: 0 },
    ]);
    expect(summaryMoves(tranche(2027), tranche(''))).toEqual([
      { metric: 'tranche_upfront_capex_exceeds_year', unit: 'year', before: '2027', after: '', delta: null, deltaPct: null, decimals: null },
    ]);
    // A tranche added: its rows were absent before.
    expect(summaryMoves(BEFORE, tranche(2027)).map((m) => [m.metric, m.before, m.after])).toEqual([
      ['tranche_upfront_capex_exceeds_year', '', '2027'],
      ['tranche_upfront_share_of_full_buildout_capex', '', '0.238968'],
    ]);
  });

  it('puts changed text first (it has no delta %) and uses the zero-baseline convention', () => {
    const moves = summaryMoves(BEFORE, withValues({ binding_constraint: 'phases', emissions_market_tco2e: 5, chips: 649873 }));
    expect(moves.map((m) => m.metric)).toEqual(['binding_constraint', 'emissions_market_tco2e', 'chips']);
    expect(moves[0]).toMatchObject({ before: 'envelope', after: 'phases', delta: null, deltaPct: null });
    expect(moves[1]!.deltaPct).toBe(100);
  });

  it('formats an aligned table', () => {
    const lines = formatMoves(summaryMoves(BEFORE, withValues({ facility_energy_mwh: 12000000, binding_constraint: 'phases' })));
    expect(lines[0]).toMatch(/^ {2}metric\s+unit\s+before\s+after\s+delta\s+delta %$/);
    expect(lines[1]).toMatch(/^ {2}binding_constraint\s+envelope\s+phases\s+-\s+-$/);
    expect(lines[2]).toMatch(/^ {2}facility_energy_mwh\s+MWh\s+11407565\.261\s+12000000\.000\s+\+592434\.739\s+\+5\.19%$/);
  });
});
