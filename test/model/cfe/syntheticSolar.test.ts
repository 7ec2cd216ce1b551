import { describe, expect, it } from 'vitest';
import { hourlySolarGeometry } from '../../../src/model/cfe/solarGeometry.js';
import {
  CALIBRATION_TOLERANCE,
  SOLAR_MODEL,
  countBelow,
  fillAr1,
  logNormalExceedance,
  normalCdfFast,
  solarCapacityFactorAt,
  solarClearSkyIndex,
  solarMeanCapacityFactorSorted,
  solveForTarget,
  sortedSums,
  syntheticSolar,
} from '../../../src/model/cfe/syntheticSolar.js';
import { normalCdf } from '../../../src/uncertainty/distributions.js';
import { createRng, seedFor } from '../../../src/uncertainty/rng.js';
import { lagCorrelation, mean } from './series.js';

const IOWA = { latitudeDeg: 41.6, longitudeDeg: -93.6, utcOffsetHours: -6 };
const ARIZONA = { latitudeDeg: 33.4, longitudeDeg: -112, utcOffsetHours: -7 };
const SEED = seedFor(20250101, 'solar');

function calibrated(site: typeof IOWA, year: number, target: number, seed = SEED) {
  const result = syntheticSolar(site, year, target, seed);
  if (!result.reachable) throw new Error(`unexpectedly unreachable: ${result.highestReachableCapacityFactor}`);
  return result;
}

describe('synthetic solar: calibration', () => {
  it('hits the target annual CF (far inside 0.1 pp) for several targets, leap and non-leap years', () => {
    for (const year of [2028, 2030]) {
      for (const target of [0.12, 0.18, 0.22, 0.26]) {
        const result = calibrated(IOWA, year, target);
        expect(result.capacityFactor.length).toBe(year === 2028 ? 8784 : 8760);
        expect(Math.abs(mean(result.capacityFactor) - target)).toBeLessThan(1e-9);
        expect(result.achievedCapacityFactor).toBeCloseTo(mean(result.capacityFactor), 14);
      }
    }
  });

  it('reaches a desert-tracker CF (30%) at 33 N, clipping the sunniest hours at exactly 1', () => {
    const { capacityFactor } = calibrated(ARIZONA, 2030, 0.3);
    expect(Math.abs(mean(capacityFactor) - 0.3)).toBeLessThan(1e-9);
    const clipped = capacityFactor.filter((cf) => cf === 1).length;
    expect(clipped).toBeGreaterThan(100); // DC/AC 1.3: clear middays hit the inverter limit
    expect(Math.max(...capacityFactor)).toBe(1);
  });

  it('keeps every hour within [0, 1] and exactly 0 whenever the sun is down', () => {
    const { capacityFactor } = calibrated(IOWA, 2030, 0.22);
    const { clearSkyGhiWPerM2 } = hourlySolarGeometry(IOWA, 2030);
    const faults: string[] = [];
    for (let h = 0; h < capacityFactor.length; h++) {
      const cf = capacityFactor[h]!;
      const sunUp = clearSkyGhiWPerM2[h]! > 0;
      if (!(cf >= 0 && cf <= 1) || (sunUp ? cf === 0 : cf !== 0)) faults.push(`hour ${h}: ${cf}`);
    }
    expect(faults).toEqual([]);
  });

  it('applies clipping after scaling: CF = min(1, DC/AC x s x kc x GHI_clear / 1000)', () => {
    const result = calibrated(IOWA, 2030, 0.25);
    const kc = solarClearSkyIndex(2030, SEED);
    const { clearSkyGhiWPerM2 } = hourlySolarGeometry(IOWA, 2030);
    for (const h of [12, 4000 + 12, 4000 + 13, 8000 + 11]) {
      const unclipped = SOLAR_MODEL.dcAcRatio * result.scale * ((kc[h]! * clearSkyGhiWPerM2[h]!) / 1000);
      expect(result.capacityFactor[h]).toBeCloseTo(Math.min(1, unclipped), 14);
    }
  });

  it('reports an unreachable target with the highest CF the yield-factor cap allows', () => {
    const result = syntheticSolar(IOWA, 2030, 0.45, SEED);
    expect(result.reachable).toBe(false);
    if (result.reachable) return;
    const highest = result.highestReachableCapacityFactor;
    expect(highest).toBeGreaterThan(0.25);
    expect(highest).toBeLessThan(0.45);
    // At that ceiling the calibration itself still succeeds.
    const atCeiling = syntheticSolar(IOWA, 2030, highest, SEED);
    expect(atCeiling.reachable).toBe(true);
    // Nearer the pole the ceiling is lower.
    const north = syntheticSolar({ latitudeDeg: 60, longitudeDeg: 10, utcOffsetHours: 1 }, 2030, 0.45, SEED);
    expect(north.reachable).toBe(false);
    if (!north.reachable) expect(north.highestReachableCapacityFactor).toBeLessThan(highest);
  });

  it('evaluates the mean CF from sorted prefix sums exactly as the hour-by-hour formula', () => {
    const kc = solarClearSkyIndex(2030, SEED);
    const { clearSkyGhiWPerM2 } = hourlySolarGeometry(IOWA, 2030);
    const x = kc.map((k, h) => (k * clearSkyGhiWPerM2[h]!) / 1000);
    const sums = sortedSums(x);
    for (const s of [0, 0.1, 0.5, 0.9, 1.2, 1.7, 2, 5]) {
      expect(solarMeanCapacityFactorSorted(sums, s)).toBeCloseTo(solarCapacityFactorAt(x, s), 13);
    }
  });
});

describe('synthetic solar: weather', () => {
  it('is deterministic: the same seed gives identical bytes, another seed different ones', () => {
    const a = calibrated(IOWA, 2030, 0.22).capacityFactor;
    const b = calibrated(IOWA, 2030, 0.22).capacityFactor;
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    const c = calibrated(IOWA, 2030, 0.22, seedFor(7, 'solar')).capacityFactor;
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });

  it('draws a clear-sky index in [0.15, 1) with a mid-latitude mean and day-to-day persistence', () => {
    const kc = solarClearSkyIndex(2030, SEED);
    expect(Math.min(...kc)).toBeGreaterThanOrEqual(SOLAR_MODEL.clearnessFloor);
    expect(Math.max(...kc)).toBeLessThan(1);
    expect(mean(kc)).toBeGreaterThan(0.6);
    expect(mean(kc)).toBeLessThan(0.82);
    // Daily means of kc: cloudy and clear days both occur and tend to follow each other.
    const daily = new Float64Array(365);
    for (let d = 0; d < 365; d++) daily[d] = mean(kc.subarray(d * 24, d * 24 + 24));
    expect(Math.min(...daily)).toBeLessThan(0.35);
    expect(Math.max(...daily)).toBeGreaterThan(0.9);
    const lag1Day = lagCorrelation(daily, 1);
    expect(lag1Day).toBeGreaterThan(0.3);
    expect(lag1Day).toBeLessThan(0.9);
  });

  it('makes cloudy days: daily energy varies well beyond the clear-sky seasonal curve', () => {
    const { capacityFactor } = calibrated(IOWA, 2030, 0.22);
    const { clearSkyGhiWPerM2 } = hourlySolarGeometry(IOWA, 2030);
    const ratios: number[] = [];
    for (let d = 0; d < 365; d++) {
      const cf = mean(capacityFactor.subarray(d * 24, d * 24 + 24));
      const clear = mean(clearSkyGhiWPerM2.subarray(d * 24, d * 24 + 24));
      ratios.push(cf / clear);
    }
    ratios.sort((p, q) => p - q);
    expect(ratios[36]! / ratios[328]!).toBeLessThan(0.5); // 10th vs 90th percentile day
  });
});

describe('numerical helpers', () => {
  it('solves f(x) = target for an increasing function, to the calibration tolerance', () => {
    const cube = (x: number) => x * x * x;
    expect(Math.abs(cube(solveForTarget(cube, 0.2, 0, 1)) - 0.2)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    // Piecewise linear with a flat top, like a clipped CF curve.
    const clipped = (x: number) => Math.min(1, 3 * x) * 0.5 + 0.1 * x;
    expect(Math.abs(clipped(solveForTarget(clipped, 0.55, 0, 2)) - 0.55)).toBeLessThanOrEqual(CALIBRATION_TOLERANCE);
    // Targets at or outside the bracket return its ends.
    expect(solveForTarget(cube, 0, 0, 1)).toBe(0);
    expect(solveForTarget(cube, 2, 0, 1)).toBe(1);
  });

  it('approximates the normal CDF to 2e-7 relative and its log upper tail far out', () => {
    for (let z = -8; z <= 8; z += 0.01) {
      expect(Math.abs(normalCdfFast(z) - normalCdf(z)) / normalCdf(z)).toBeLessThan(2e-7);
      const exact = z >= 0 ? Math.log(normalCdf(-z)) : Math.log1p(-normalCdf(z));
      expect(Math.abs(logNormalExceedance(z) - exact)).toBeLessThanOrEqual(2e-7 * Math.abs(exact) + 1e-300);
    }
    // ln(1 - Phi(40)) = -ln(40 sqrt(2 pi)) - 800 - ...: finite, no underflow to -Infinity.
    expect(logNormalExceedance(40)).toBeCloseTo(-804.6084, 3);
  });

  it('fills a stationary unit-variance AR(1) with the requested lag-1 correlation', () => {
    const x = fillAr1(new Float64Array(200_000), 0.8, createRng(3));
    expect(mean(x)).toBeCloseTo(0, 1);
    const variance = x.reduce((a, v) => a + v * v, 0) / x.length;
    expect(variance).toBeCloseTo(1, 1);
    expect(lagCorrelation(x, 1)).toBeCloseTo(0.8, 2);
    expect(lagCorrelation(x, 2)).toBeCloseTo(0.64, 1);
  });

  it('counts values below a threshold by binary search', () => {
    const sorted = Float64Array.from([0, 0, 0.1, 0.5, 0.5, 0.9]);
    expect(countBelow(sorted, 0)).toBe(0);
    expect(countBelow(sorted, 0, true)).toBe(2);
    expect(countBelow(sorted, 0.5)).toBe(3);
    expect(countBelow(sorted, 0.5, true)).toBe(5);
    expect(countBelow(sorted, 2)).toBe(6);
  });
});
