import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticProfiles } from '../../../src/model/cfe/syntheticProfiles.js';
import { PROFILE_TECHNOLOGIES, type SiteSpec } from '../../../src/model/cfe/types.js';
import { mean } from './series.js';

const MIDWEST: SiteSpec = {
  name: 'midwest',
  latitudeDeg: 41.6,
  longitudeDeg: -93.6,
  utcOffsetHours: -6,
  targetCapacityFactor: { solar: 0.22, onshore_wind: 0.38, offshore_wind: 0.45 },
  seed: 20250101,
};

const bytes = (values: Float64Array) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);
const sha256 = (values: Float64Array) => createHash('sha256').update(bytes(values)).digest('hex');

describe('syntheticProfiles', () => {
  it('returns one profile per variable technology, 8,760 hours in 2030 and 8,784 in 2028', () => {
    for (const [year, hours] of [
      [2030, 8760],
      [2028, 8784],
    ] as const) {
      const profiles = syntheticProfiles(MIDWEST, year);
      expect(Object.keys(profiles)).toEqual([...PROFILE_TECHNOLOGIES]);
      for (const technology of PROFILE_TECHNOLOGIES) expect(profiles[technology].length).toBe(hours);
    }
  });

  it('calibrates every profile to its target within 0.001 (in fact 1e-9), any reachable targets, leap or not', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.28, noNaN: true }),
        fc.double({ min: 0.15, max: 0.5, noNaN: true }),
        fc.double({ min: 0.15, max: 0.5, noNaN: true }),
        fc.constantFrom(2028, 2030, 2031),
        fc.integer({ min: 0, max: 1_000_000 }),
        (solar, onshore, offshore, year, seed) => {
          const site = { ...MIDWEST, seed, targetCapacityFactor: { solar, onshore_wind: onshore, offshore_wind: offshore } };
          const profiles = syntheticProfiles(site, year);
          for (const technology of PROFILE_TECHNOLOGIES) {
            const cf = profiles[technology];
            expect(Math.abs(mean(cf) - site.targetCapacityFactor[technology])).toBeLessThan(1e-9);
            let outside = 0;
            for (const v of cf) if (!(v >= 0 && v <= 1)) outside++;
            expect(outside).toBe(0);
          }
        },
      ),
      { numRuns: 12, seed: 424242 },
    );
  });

  it('is deterministic: same site and year give the same bytes; another seed other bytes', () => {
    const a = syntheticProfiles(MIDWEST, 2030);
    const b = syntheticProfiles({ ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor } }, 2030);
    const c = syntheticProfiles({ ...MIDWEST, seed: MIDWEST.seed + 1 }, 2030);
    for (const technology of PROFILE_TECHNOLOGIES) {
      expect(bytes(a[technology]).equals(bytes(b[technology]))).toBe(true);
      expect(bytes(a[technology]).equals(bytes(c[technology]))).toBe(false);
    }
  });

  it('gives each technology its own stream: changing one target leaves the others byte-identical', () => {
    const base = syntheticProfiles(MIDWEST, 2030);
    const moreSolar = syntheticProfiles({ ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor, solar: 0.25 } }, 2030);
    expect(bytes(base.onshore_wind).equals(bytes(moreSolar.onshore_wind))).toBe(true);
    expect(bytes(base.offshore_wind).equals(bytes(moreSolar.offshore_wind))).toBe(true);
    expect(bytes(base.solar).equals(bytes(moreSolar.solar))).toBe(false);
    // Onshore and offshore weather are not copies of each other.
    const same = syntheticProfiles({ ...MIDWEST, targetCapacityFactor: { solar: 0.22, onshore_wind: 0.4, offshore_wind: 0.4 } }, 2030);
    expect(bytes(same.onshore_wind).equals(bytes(same.offshore_wind))).toBe(false);
  });

  it('produces the pinned bytes for the reference site (cross-machine determinism; update only with a deliberate model change)', () => {
    const profiles = syntheticProfiles(MIDWEST, 2030);
    const digests = Object.fromEntries(PROFILE_TECHNOLOGIES.map((t) => [t, sha256(profiles[t]).slice(0, 16)]));
    expect(digests).toMatchInlineSnapshot(`
      {
        "offshore_wind": "81cdeb0e7bec6816",
        "onshore_wind": "81bc54c73eabd48e",
        "solar": "888141589600c258",
      }
    `);
  });

  it('throws a plain Error naming the technology, target, highest reachable value and the remedy', () => {
    const tooSunny = { ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor, solar: 0.45 } };
    expect(() => syntheticProfiles(tooSunny, 2030)).toThrow(Error);
    expect(() => syntheticProfiles(tooSunny, 2030)).toThrow(
      /synthetic solar profile for site "midwest": target capacity factor 45\.0% cannot be reached; the highest .* at latitude 41\.6 deg .* is \d+\.\d%\. Lower the solar target capacity factor to at most \d+\.\d%, or supply measured hourly capacity factors as a CSV/,
    );
    const tooWindy = { ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor, offshore_wind: 0.75 } };
    expect(() => syntheticProfiles(tooWindy, 2030)).toThrow(/synthetic offshore_wind profile .* target capacity factor 75\.0% cannot be reached; the highest .* is \d+\.\d%/);
    // The advised value is itself reachable.
    let advised = Number.NaN;
    try {
      syntheticProfiles(tooSunny, 2030);
    } catch (error) {
      advised = Number(/at most (\d+\.\d)%/.exec((error as Error).message)![1]) / 100;
    }
    const atAdvice = syntheticProfiles({ ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor, solar: advised } }, 2030);
    expect(mean(atAdvice.solar)).toBeCloseTo(advised, 9);
  });

  it('gives an all-zero profile for a target of 0 (no resource at the site)', () => {
    const noOffshore = syntheticProfiles({ ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor, offshore_wind: 0 } }, 2028);
    expect(noOffshore.offshore_wind.length).toBe(8784);
    expect(noOffshore.offshore_wind.every((v) => v === 0)).toBe(true);
    expect(mean(noOffshore.solar)).toBeCloseTo(0.22, 9);
  });

  it('rejects targets outside [0, 1), a fractional year and a bad seed', () => {
    const withSolar = (solar: number) => ({ ...MIDWEST, targetCapacityFactor: { ...MIDWEST.targetCapacityFactor, solar } });
    expect(() => syntheticProfiles(withSolar(-0.1), 2030)).toThrow(/solar .*target capacity factor -0.1 must be 0 \(no resource\) or a fraction below 1/);
    expect(() => syntheticProfiles(withSolar(22), 2030)).toThrow(/e\.g\. 0\.25 for 25%/);
    expect(() => syntheticProfiles(withSolar(Number.NaN), 2030)).toThrow(/or a fraction below 1/);
    expect(() => syntheticProfiles(MIDWEST, 2030.5)).toThrow(/whole year/);
    expect(() => syntheticProfiles({ ...MIDWEST, seed: 1.5 }, 2030)).toThrow(/seed 1\.5/);
    expect(() => syntheticProfiles({ ...MIDWEST, latitudeDeg: -91 }, 2030)).toThrow(/site "midwest": latitude -91/);
  });
});
