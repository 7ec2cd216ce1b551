import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delta, deltaPct } from '../../src/compare/delta.js';

describe('delta and deltaPct', () => {
  it('are scenario minus baseline, relative to the baseline', () => {
    expect(delta(1500, 1800)).toBe(300);
    expect(deltaPct(1500, 1800)).toBe(20);
    expect(deltaPct(1500, 1200)).toBe(-20);
    expect(deltaPct(-200, -100)).toBe(50); // relative to |baseline|: the value rose
  });

  it('use the documented convention for a zero baseline', () => {
    expect(deltaPct(0, 0)).toBe(0);
    expect(deltaPct(0, 5)).toBe(100);
    expect(deltaPct(0, -5)).toBe(-100);
  });

  it('are always finite for finite inputs', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (b, s) => {
        expect(Number.isFinite(delta(b, s))).toBe(true);
        expect(Number.isFinite(deltaPct(b, s))).toBe(true);
      }),
    );
  });
});
