import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedNumber } from '../../src/model/groupedNumber.js';

describe('groupedNumber', () => {
  it('groups thousands and keeps the asked decimals', () => {
    expect(groupedNumber(1234567.25, 0)).toBe('1,234,567');
    expect(groupedNumber(1234567.25, 1, 1)).toBe('1,234,567.3');
    expect(groupedNumber(2.5, 3)).toBe('2.5');
    expect(groupedNumber(2, 2, 2)).toBe('2.00');
    expect(groupedNumber(-999.5, 0)).toBe('-1,000');
    expect(groupedNumber(-0.2, 0)).toBe('-0');
    expect(groupedNumber(0, 3)).toBe('0');
    // The shortest decimal is rounded, as Intl does: 1.005 is 1.00499999999999989... in binary.
    expect(groupedNumber(1.005, 2)).toBe('1.01');
  });

  it('writes what Intl.NumberFormat en-US writes, for any number and decimals', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 8), // exact halves and quarters: the rounding ties
      fc.constantFrom(0, -0, 0.5, -0.5, 999.5, 1e21, -1e21, 123456789012345680000, Infinity, -Infinity, NaN),
    );
    const digits = fc.integer({ min: 0, max: 6 }).chain((max) => fc.tuple(fc.constant(max), fc.integer({ min: 0, max })));
    fc.assert(
      fc.property(value, digits, (v, [max, min]) => {
        const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }).format(v);
        expect(groupedNumber(v, max, min)).toBe(intl);
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  });
});
