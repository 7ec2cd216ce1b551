import { describe, expect, it } from 'vitest';
import { guardFormula } from '../../src/writers/formulaGuard.js';

describe('guardFormula', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-x', '-cmd|/C calc!A0', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a single quote',
    (text) => {
      expect(guardFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(['trn3-a', 'hall "B", east', '2026-10-01', '', "'already quoted", ' =leading space'])('leaves %j as is', (text) => {
    expect(guardFormula(text)).toBe(text);
  });
});
