import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/loader/suggest.js';

describe('nearest', () => {
  it('suggests the closest name for a typo', () => {
    expect(nearest('desing_pue', ['headroom', 'design_pue', 'annual_pue'])).toBe('design_pue');
    expect(nearest('kwh', ['W', 'kW', 'kWh'])).toBe('kWh');
    expect(nearest('notes', ['value', 'source', 'note'])).toBe('note');
  });

  it('suggests nothing when no name is close', () => {
    expect(nearest('xyz', ['design_pue', 'headroom'])).toBeUndefined();
    expect(nearest('ab', ['xy'])).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('desing', 'design')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is a symmetric distance that is zero only for equal words', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
