import { describe, expect, it } from 'vitest';
import { averageMw, cappedItDrawMw, effectivePue, facilityLoadMw, partialLoadPue, powerRatioFor } from '../../src/model/energy.js';
import { byYear, makeInputs, oneChip, onePhase, runOk } from './fixtures.js';

describe('IT draw', () => {
  it('is N x p_max x u, capped at critical IT (power capping when oversubscribed)', () => {
    // 100,000 chips x 1,000 W x 0.5 = 50 MW < 100 MW
    expect(cappedItDrawMw(100_000, 1000, 0.5, 100)).toBeCloseTo(50, 12);
    // 130,000 chips x 1,000 W x 0.9 = 117 MW > 100 MW of critical IT -> 100 MW
    expect(cappedItDrawMw(130_000, 1000, 0.9, 100)).toBe(100);
  });

  it('uses the chip power ratio when set, else the fleet value for the year', () => {
    expect(powerRatioFor(oneChip({ powerRatio: 0.6 }), [0.75, 0.8], 1)).toBe(0.6);
    expect(powerRatioFor(oneChip(), [0.75, 0.8], 1)).toBe(0.8);
  });

  it('oversubscription through runModel: o = 1.3, u = 0.9 -> 130,000 chips, draw capped at 100 MW', () => {
    const result = runOk(makeInputs({ utilisation: { oversubscriptionRatio: 1.3, powerRatio: byYear(2, 0.9) } }));
    const row = result.fleet[0]!;
    expect(row.chips).toBe(130_000);
    expect(row.deployedItMw).toBeCloseTo(130, 9); // above critical IT: allowed when oversubscribed
    expect(result.annual[0]!.itEnergyMwh).toBeCloseTo(100 * 8760, 6);
    expect(result.hourly.itMw[0]).toBeCloseTo(100, 12);
    // u = 0.5 is below the cap: 130,000 x 1,000 W x 0.5 = 65 MW
    const uncapped = runOk(makeInputs({ utilisation: { oversubscriptionRatio: 1.3 } }));
    expect(uncapped.annual[0]!.itEnergyMwh).toBeCloseTo(65 * 8760, 6);
  });
});

describe('facility load and PUE', () => {
  it('uses the annual PUE for energy, never the design PUE: 50 MW x 1.1 = 55 MW', () => {
    const result = runOk(makeInputs());
    const y = result.annual[0]!;
    expect(y.itEnergyMwh).toBeCloseTo(50 * 8760, 6); // 438,000 MWh
    expect(y.facilityEnergyMwh).toBeCloseTo(55 * 8760, 6); // 481,800 MWh (design PUE 1.25 would give 547,500)
    expect(y.effectivePue).toBeCloseTo(1.1, 12);
    expect(y.averageFacilityMw).toBeCloseTo(55, 9);
    expect(y.peakFacilityMw).toBeCloseTo(55, 9);
  });

  it('adds the energised auxiliary load: aux 10 MW -> IT (125 - 10) / 1.25 = 92 MW, draw 46 MW, F = 46 x 1.1 + 10 = 60.6 MW', () => {
    const result = runOk(makeInputs({ facility: { auxiliaryLoadMw: 10 } }));
    expect(result.fleet[0]!.chips).toBe(92_000);
    expect(result.hourly.facilityMw[100]).toBeCloseTo(60.6, 9);
    expect(result.annual[0]!.effectivePue).toBeCloseTo(60.6 / 46, 12);
  });

  it('partial-load PUE: c 0.04, l_ref 0.75, l = 50/100 = 0.5 -> 1.1 + 0.04 x (2 - 1.3333) = 1.126667', () => {
    expect(partialLoadPue(1.1, 0.04, 0.75, 0.5)).toBeCloseTo(1.1 + 0.04 * (2 - 4 / 3), 12);
    expect(partialLoadPue(1.1, 0.04, 0.75, 0.9)).toBe(1.1); // above l_ref: no penalty
    expect(partialLoadPue(1.1, 0, 0.75, 0.5)).toBe(1.1); // c = 0 disables it
    expect(partialLoadPue(1.1, 0.04, 0.75, 0)).toBe(1.1); // l = 0: nothing drawn, nothing applied
    const result = runOk(makeInputs({ facility: { partialLoadPueCoefficient: 0.04, partialLoadReferenceLoad: 0.75 } }));
    expect(result.annual[0]!.facilityEnergyMwh).toBeCloseTo(50 * (1.1 + 0.04 * (2 - 4 / 3)) * 8760, 6);
  });

  it('does not apply redundancy to energy: 250 MW installed at 2N draws what 125 MW of POI draws', () => {
    const poi = runOk(makeInputs());
    const installed = runOk(makeInputs({ envelope: { powerMw: 250, basis: 'installed_electrical', redundancyFactor: 2 } }));
    expect(installed.annual[0]!.facilityEnergyMwh).toBeCloseTo(poi.annual[0]!.facilityEnergyMwh, 6);
  });

  it('small helpers guard their divisions', () => {
    expect(effectivePue(0, 0)).toBe(0);
    expect(averageMw(8760, 8760)).toBe(1);
    expect(averageMw(5, 0)).toBe(0);
    expect(facilityLoadMw(10, 1.2, 1)).toBeCloseTo(13, 12);
  });

  it('annual energy is the sum of the hourly series (MW x 1 h) and the year has no hours outside it', () => {
    const result = runOk(makeInputs({ phases: [onePhase({ energisedOn: '2026-03-15', rampHours: 1000 })] }));
    const hourly2026 = result.hourly.facilityMw.subarray(0, 8760).reduce((a, b) => a + b, 0);
    expect(result.annual[0]!.facilityEnergyMwh).toBeCloseTo(hourly2026, 6);
    expect(result.hourly.facilityMw).toHaveLength(8760 * 2);
    expect(result.hourly.startIso).toBe('2026-01-01T00:00Z');
  });
});
