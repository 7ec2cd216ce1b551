import { describe, expect, it } from 'vitest';
import { decimalsOf, formatPct, formatSigned, formatTable } from '../../src/check/textTable.js';

describe('text tables and number formats', () => {
  it('aligns columns, right-aligning where asked, without trailing spaces', () => {
    const lines = formatTable(['metric', 'value', 'note'], [['chips', '649872', ''], ['effective_pue', '1.148822', 'x']], ['left', 'right', 'left'], '  ');
    expect(lines).toEqual([
      '  metric            value  note',
      '  chips            649872',
      '  effective_pue  1.148822  x',
    ]);
  });

  it('signs deltas, and never prints -0', () => {
    expect(formatSigned(12.5, 3)).toBe('+12.500');
    expect(formatSigned(-0.001, 3)).toBe('-0.001');
    expect(formatSigned(0, 3)).toBe('0.000');
    expect(formatSigned(-0.0001, 3)).toBe('0.000');
    expect(formatSigned(441, 0)).toBe('+441');
  });

  it('prints percentages with two decimals, and small ones with two significant digits', () => {
    expect(formatPct(5.2231)).toBe('+5.22%');
    expect(formatPct(-20)).toBe('-20.00%');
    expect(formatPct(0)).toBe('0.00%');
    expect(formatPct(0.0012345)).toBe('+0.0012%');
    expect(formatPct(-0.00005)).toBe('-0.00005%');
  });

  it('counts written decimals', () => {
    expect(decimalsOf('1.148822')).toBe(6);
    expect(decimalsOf('649872')).toBe(0);
  });
});
