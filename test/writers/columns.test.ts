import { describe, expect, it } from 'vitest';
import { columnInfo, quantity, text } from '../../src/writers/columns.js';

describe('column specs', () => {
  it('give a quantity the decimals of its unit', () => {
    const column = quantity<{ mw: number }>({ name: 'poi_mw', unit: 'MW', description: 'd', get: (r) => r.mw });
    expect(columnInfo(column)).toEqual({ name: 'poi_mw', unit: 'MW', decimals: 3, description: 'd' });
  });

  it('refuse a quantity whose unit has no rounding rule', () => {
    expect(() => quantity<number>({ name: 'cost_eur', unit: 'EUR', description: 'd', get: (r) => r })).toThrow(
      /^column cost_eur: no rounding rule for unit 'EUR'/,
    );
  });

  it('describe text columns with unit "" and no decimals, per-row values with neither', () => {
    expect(columnInfo(text<string>({ name: 'phase', description: 'd', get: (r) => r }))).toEqual({
      name: 'phase',
      unit: '',
      decimals: null,
      description: 'd',
    });
    expect(columnInfo<string>({ kind: 'unit-value', name: 'value', description: 'd', get: (r) => r, decimalsFor: () => 0 })).toEqual({
      name: 'value',
      unit: null,
      decimals: null,
      description: 'd',
    });
  });
});
