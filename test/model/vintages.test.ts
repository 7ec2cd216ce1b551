import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/model/runModel.js';
import { energisedFraction, energisedFractionAt, isActiveAt, stockAt, type Vintage } from '../../src/model/vintages.js';
import { makeInputs, oneChip, onePhase, runOk } from './fixtures.js';

// Fixture: 100,000 chips x 1,000 W = 100 MW deployed = critical IT; power ratio 0.5 -> 50 MW of IT draw when energised.
const DRAW_MW = 50;

describe('energised fraction (hour midpoint)', () => {
  it('is 0 before the start, 1 on a step, 0 at and after retirement', () => {
    expect(energisedFraction(9, 10, 20, 0)).toBe(0);
    expect(energisedFraction(10, 10, 20, 0)).toBe(1);
    expect(energisedFraction(19, 10, 20, 0)).toBe(1);
    expect(energisedFraction(20, 10, 20, 0)).toBe(0);
  });

  it('ramps linearly at the hour midpoint: ramp of 4 h from hour 10 -> 1/8, 3/8, 5/8, 7/8, then 1', () => {
    expect([10, 11, 12, 13, 14].map((t) => energisedFraction(t, 10, Infinity, 4))).toEqual([0.125, 0.375, 0.625, 0.875, 1]);
  });

  it('at an instant (end-of-year stock) uses the instant, not the midpoint', () => {
    expect(energisedFractionAt(12, 10, Infinity, 4)).toBe(0.5);
    expect(energisedFractionAt(20, 10, 20, 4)).toBe(0); // retired at that instant
    expect(isActiveAt({ startHour: 10, endHour: 20 }, 10)).toBe(true);
    expect(isActiveAt({ startHour: 10, endHour: 20 }, 20)).toBe(false);
  });
});

describe('energised hours in annual energy', () => {
  it('hand check: energised 1 July 2026, no ramp -> 4,416 of 8,760 hours (184 days x 24)', () => {
    const result = runOk(makeInputs({ phases: [onePhase({ energisedOn: '2026-07-01' })] }));
    const y2026 = result.annual[0]!;
    expect(y2026.hours).toBe(8760);
    expect(y2026.itEnergyMwh).toBeCloseTo(DRAW_MW * 4416, 6); // 220,800 MWh
    expect(result.annual[1]!.itEnergyMwh).toBeCloseTo(DRAW_MW * 8760, 6);
  });

  it('leap year: a phase from 1 Jan 2028, no ramp, runs all 8,784 hours of 2028', () => {
    const result = runOk(makeInputs({ horizon: { firstYear: 2028, lastYear: 2028 }, phases: [onePhase({ energisedOn: '2028-01-01' })] }));
    expect(result.annual[0]!.hours).toBe(8784);
    expect(result.annual[0]!.itEnergyMwh).toBeCloseTo(DRAW_MW * 8784, 6); // 439,200 MWh
    expect(result.hourly.itMw).toHaveLength(8784);
  });

  it("a 6-month ramp (6 x 730.5 h = 4,383 h) gives exactly the ramp's integral", () => {
    // From hour 0: integral = 50 MW x (8,760 - 4,383 / 2) h = 50 x 6,568.5 = 328,425 MWh
    const result = runOk(makeInputs({ phases: [onePhase({ rampHours: 4383 })] }));
    expect(result.annual[0]!.itEnergyMwh).toBeCloseTo(328_425, 6);
  });

  it('a ramp across a year end splits into each year by the exact integral', () => {
    // Start 2026-10-01 = hour 6,552; 2,208 h of 2026 remain. Ramp R = 4,383 h.
    // 2026: 50 x 2,208^2 / (2 R) ; 2027: 50 x [(R^2 - 2,208^2) / (2 R) + (8,760 - (R - 2,208))]
    const R = 4383;
    const result = runOk(makeInputs({ phases: [onePhase({ energisedOn: '2026-10-01', rampHours: R })] }));
    expect(result.annual[0]!.itEnergyMwh).toBeCloseTo((DRAW_MW * 2208 ** 2) / (2 * R), 6);
    expect(result.annual[1]!.itEnergyMwh).toBeCloseTo(DRAW_MW * ((R ** 2 - 2208 ** 2) / (2 * R) + 8760 - (R - 2208)), 6);
    // End-of-2026 stock: 2,208 / 4,383 of 100,000 chips = 50,376.4 -> 50,376
    expect(result.annual[0]!.chipsEnd).toBe(50_376);
    expect(result.annual[0]!.criticalItMwEnd).toBeCloseTo((100 * 2208) / R, 9);
  });
});

describe('refresh vintages', () => {
  const refreshed = () =>
    makeInputs({
      chips: [oneChip(), oneChip({ name: 'next', allInPower: { method: 'explicit', allInW: 2000 }, peakFp8Tflops: 6000 })],
      phases: [onePhase({ endOfLife: '2027-01-01', refreshTo: 'next' })],
    });

  it('replaces vintage 1 at end of life with the refresh chip, re-sized for the same critical IT', () => {
    const result = runOk(refreshed());
    expect(result.fleet).toHaveLength(2);
    expect(result.fleet[0]).toMatchObject({ vintage: 1, chip: 'chip', chips: 100_000, energisedOn: '2026-01-01', retiredOn: '2027-01-01' });
    // same 100 MW of IT / 2,000 W = 50,000 chips
    expect(result.fleet[1]).toMatchObject({ vintage: 2, chip: 'next', chips: 50_000, energisedOn: '2027-01-01', retiredOn: '' });
    expect(result.fleet[1]!.criticalItMw).toBeCloseTo(100, 9);
    // 2027 draw: min(50,000 x 2,000 W x 0.5, 100 MW) = 50 MW, all year
    expect(result.annual[1]!.itEnergyMwh).toBeCloseTo(50 * 8760, 6);
    // Stock at the instant 2027-01-01: vintage 1 retired, vintage 2 (no ramp) fully in: 50,000 chips, 50,000 x 6,000 / 1000 PFLOP/s
    expect(result.annual[0]!.chipsEnd).toBe(50_000);
    expect(result.annual[0]!.peakFp8PflopsEnd).toBeCloseTo(300_000, 6);
  });

  it('ramps the refresh like the original: the phase dips while the new vintage ramps', () => {
    const inputs = refreshed();
    const result = runOk({ ...inputs, phases: [onePhase({ endOfLife: '2027-01-01', refreshTo: 'next', rampHours: 730.5 })] });
    // 2027: vintage 1 is gone; the 730.5 h ramp loses half its length: 50 MW x (8,760 - 730.5 / 2) h.
    // The ramp ends mid-hour (730.5 h), so the midpoint rule is off by a sliver of that one hour:
    // 50 MW x (730^2 / (2 x 730.5) + 1 - 365.75) h = 0.0086 MWh.
    expect(Math.abs(result.annual[1]!.itEnergyMwh - 50 * (8760 - 730.5 / 2))).toBeLessThan(0.01);
  });

  it('rejects an end of life on or before energisation, and a refresh without end of life', () => {
    const early = runModel(makeInputs({ phases: [onePhase({ name: 'x', energisedOn: '2027-01-01', endOfLife: '2026-06-01' })] }));
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.issues[0]).toMatchObject({ code: 'end_of_life_not_after_energisation', phases: ['x'] });
    const noEol = runModel(makeInputs({ phases: [onePhase({ name: 'y', refreshTo: 'chip' })] }));
    expect(noEol.ok).toBe(false);
    if (!noEol.ok) expect(noEol.issues[0]).toMatchObject({ code: 'refresh_without_end_of_life', phases: ['y'] });
  });

  it('throws on an unknown chip (an internal fault: the loader rejects it)', () => {
    expect(() => runModel(makeInputs({ phases: [onePhase({ chip: 'nope' })] }))).toThrow(/not in the catalogue/);
  });
});

describe('stock at an instant', () => {
  it('counts ramping vintages pro rata', () => {
    const v = {
      startHour: 0,
      endHour: Infinity,
      rampHours: 100,
      criticalItMw: 10,
      fleet: { chips: 1000, peakFp8Pflops: 2000 },
    } as unknown as Vintage;
    expect(stockAt([v], 25)).toEqual({ chips: 250, criticalItMw: 2.5, peakFp8Pflops: 500 });
  });
});
