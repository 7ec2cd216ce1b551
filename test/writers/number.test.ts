import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/writers/number.js';

describe('formatFixed', () => {
  it('keeps trailing zeros so every row of a column has the same decimals', () => {
    expect(formatFixed(2.5, 3, 'x')).toBe('2.500');
    expect(formatFixed(250, 3, 'x')).toBe('250.000');
    expect(formatFixed(107712, 0, 'x')).toBe('107712');
  });

  it('rounds the stored value to nearest, ties away from zero', () => {
    expect(formatFixed(0.0005, 3, 'x')).toBe('0.001');
    expect(formatFixed(2.5, 0, 'x')).toBe('3');
    expect(formatFixed(-2.5, 0, 'x')).toBe('-3');
    // 1.005 is stored as 1.00499999999999989...: rounding the stored value gives 1.00.
    expect(formatFixed(1.005, 2, 'x')).toBe('1.00');
  });

  it('never uses exponent notation, however large or small', () => {
    expect(formatFixed(1e21, 3, 'x')).toBe('1000000000000000000000.000');
    expect(formatFixed(-1.5e22, 0, 'x')).toBe('-15000000000000000000000');
    expect(formatFixed(1e-7, 3, 'x')).toBe('0.000');
    expect(formatFixed(1e-7, 7, 'x')).toBe('0.0000001');
  });

  it('never writes negative zero', () => {
    expect(formatFixed(-0, 3, 'x')).toBe('0.000');
    expect(formatFixed(-0.0004, 3, 'x')).toBe('0.000');
    expect(formatFixed(-1e-12, 0, 'x')).toBe('0');
    expect(formatFixed(-0.0005, 3, 'x')).toBe('-0.001');
  });

  it.each([NaN, Infinity, -Infinity])('throws naming the column for %s', (value) => {
    expect(() => formatFixed(value, 3, 'annual.csv line 4 column it_energy_mwh')).toThrow(
      /^annual\.csv line 4 column it_energy_mwh: cannot write (NaN|-?Infinity); .*internal fault/,
    );
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
  const decimals = fc.integer({ min: 0, max: 9 });

  it('round-trips through parseFloat within half a unit of the last decimal', () => {
    fc.assert(
      fc.property(finite, decimals, (value, d) => {
        const text = formatFixed(value, d, 'x');
        const halfUnit = 0.5 * 10 ** -d;
        // Slack for the double nearest the printed text (and the half-unit's own rounding).
        const slack = Math.abs(value) * Number.EPSILON * 2 + halfUnit * 1e-9;
        return Math.abs(Number.parseFloat(text) - value) <= halfUnit + slack;
      }),
    );
  });

  it('is plain decimal text with exactly the decimals asked for, never "e" nor "-0"', () => {
    fc.assert(
      fc.property(finite, decimals, (value, d) => {
        const text = formatFixed(value, d, 'x');
        const shape = d === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${d}}$`);
        return shape.test(text) && !text.includes('e') && !/^-0(\.0*)?$/.test(text);
      }),
    );
  });
});
