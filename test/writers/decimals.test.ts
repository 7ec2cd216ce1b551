import { describe, expect, it } from 'vitest';
import { decimalsForUnit, UNIT_ROUNDING } from '../../src/writers/decimals.js';

describe('rounding rule', () => {
  it.each([
    ['MW', 3],
    ['MWh', 3],
    ['W', 3],
    ['PFLOP/s', 3],
    ['EFLOP', 3],
    ['tCO2e', 3],
    ['m3', 3],
    ['ratio', 6],
    ['UltraServers', 0],
    ['chips', 0],
    ['homes', 0],
  ])('rounds %s to %i decimals', (unit, decimals) => {
    expect(decimalsForUnit(unit, 'test')).toBe(decimals);
  });

  it('lists each unit once', () => {
    const units = UNIT_ROUNDING.map((rule) => rule.unit);
    expect(new Set(units).size).toBe(units.length);
  });

  it('names the unknown unit, where it came from, and the known ones', () => {
    expect(() => decimalsForUnit('GW', 'summary.csv metric envelope')).toThrow(
      /^summary\.csv metric envelope: no rounding rule for unit 'GW'; use one of 'MW', 'MWh'/,
    );
  });
});
