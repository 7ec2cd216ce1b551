import { describe, expect, it } from 'vitest';
import { runModel } from '../../src/model/runModel.js';
import {
  allInWPerChip,
  chipsThatFit,
  deployedItMw,
  packagingLeftoverMw,
  packagingUnitItMw,
  serversFor,
  sizeFleet,
  ultraserversFor,
} from '../../src/model/sizing.js';
import { makeInputs, oneChip, onePhase, runOk } from './fixtures.js';

const trn3 = oneChip({
  name: 'trainium3',
  tdpW: 1000,
  allInPower: { method: 'factors', serverFactor: 1.53, itFactor: 1.14 },
  chipsPerServer: 4,
  chipsPerUltraserver: 144,
  peakBf16Tflops: 671,
  peakFp8Tflops: 2517,
});

describe('all-in W per chip', () => {
  it('explicit: taken as given', () => {
    expect(allInWPerChip(oneChip({ allInPower: { method: 'explicit', allInW: 1800 } }))).toBe(1800);
  });
  it('factors: 1,000 W TDP x 1.53 x 1.14 = 1,744.2 W', () => {
    expect(allInWPerChip(trn3)).toBeCloseTo(1744.2, 9);
  });
  it('parts: (1,000 W + 2,000 W host / 4 chips) x (1 + 0.1) = 1,650 W', () => {
    const chip = oneChip({ tdpW: 1000, chipsPerServer: 4, allInPower: { method: 'parts', hostWPerServer: 2000, networkStorageShare: 0.1 } });
    expect(allInWPerChip(chip)).toBeCloseTo(1650, 9);
  });
  it('throws on a non-positive result (an internal fault: the loader rejects it)', () => {
    expect(() => allInWPerChip(oneChip({ allInPower: { method: 'explicit', allInW: 0 } }))).toThrow();
  });
});

describe('chips that fit', () => {
  it('hand check: 189 MW of IT / (1,744.2 W x 144) = 752.49 UltraServers -> 752 x 144 = 108,288 chips', () => {
    expect(chipsThatFit(189, 1744.2, 144, 1)).toBe(108_288);
    const fleet = sizeFleet(trn3, 189, 1);
    expect(fleet).toMatchObject({ chips: 108_288, servers: 27_072, ultraservers: 752 });
    // deployed 108,288 x 1,744.2 W = 188.876 MW; peak BF16 108,288 x 671 / 1000 = 72,661.248 PFLOP/s
    expect(fleet.deployedItMw).toBeCloseTo(188.8759296, 9);
    expect(fleet.peakBf16Pflops).toBeCloseTo(72_661.248, 6);
    expect(fleet.peakFp8Pflops).toBeCloseTo(272_560.896, 6);
  });

  it('oversubscription 1.3 puts more chips under the same IT: floor(1.3 x 752.49) = 978 UltraServers', () => {
    expect(chipsThatFit(189, 1744.2, 144, 1.3)).toBe(978 * 144);
  });

  it('keeps a unit that fits exactly despite floating-point error (1.001 MW / 1,000 W = 1000.9999999999999 in floats)', () => {
    expect((1.001 * 1e6) / 1000).toBeLessThan(1001); // the trap
    expect(chipsThatFit(1.001, 1000, 1, 1)).toBe(1001);
  });

  it('gives 0 for no or negative critical IT', () => {
    expect(chipsThatFit(0, 1000, 1, 1)).toBe(0);
    expect(chipsThatFit(-5, 1000, 1, 1)).toBe(0);
  });

  it('counts servers, UltraServers, deployed MW and the packaging leftover', () => {
    expect(serversFor(288, 4)).toBe(72);
    expect(ultraserversFor(288, 144)).toBe(2);
    expect(deployedItMw(288, 1744.2)).toBeCloseTo(0.5023296, 12);
    // one UltraServer needs 144 x 1,744.2 W / 1.0 = 0.2511648 MW of critical IT
    expect(packagingUnitItMw(144, 1744.2, 1)).toBeCloseTo(0.2511648, 12);
    // 189 - 188.8759296 = 0.1240704 MW left by rounding down
    expect(packagingLeftoverMw(189, 188.8759296, 1)).toBeCloseTo(0.1240704, 9);
  });

  it('warns and sizes 0 chips when a phase cannot hold one UltraServer', () => {
    // 0.2 MW POI / 1.25 = 0.16 MW of IT < 0.2511648 MW per UltraServer
    const outcome = runModel(
      makeInputs({
        envelope: { powerMw: 125 },
        chips: [{ ...trn3, name: 'chip' }],
        phases: [onePhase({ name: 'big', poi: { kind: 'mw', mw: 100 } }), onePhase({ name: 'crumb', poi: { kind: 'mw', mw: 0.2 } })],
      }),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings).toHaveLength(1);
    expect(outcome.warnings[0]).toMatchObject({ severity: 'warning', code: 'phase_below_packaging_unit', phases: ['crumb'] });
    expect(outcome.result.fleet.find((r) => r.phase === 'crumb')!.chips).toBe(0);
  });

  it('sizes the one-phase fixture: 125 MW POI / 1.25 = 100 MW of IT / 1,000 W = 100,000 chips', () => {
    const row = runOk(makeInputs()).fleet[0]!;
    expect(row).toMatchObject({ chips: 100_000, servers: 100_000, ultraservers: 100_000, allInWPerChip: 1000 });
    expect(row.criticalItMw).toBeCloseTo(100, 9);
    expect(row.deployedItMw).toBeCloseTo(100, 9);
  });
});
