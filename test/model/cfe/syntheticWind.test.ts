import { describe, expect, it } from 'vitest';
import { sortedSums } from '../../../src/model/cfe/syntheticSolar.js';
import {
  WIND_MODELS,
  syntheticWind,
  turbinePowerFraction,
  unitWeibullSpeeds,
  windCapacityFactorAt,
  windMeanCapacityFactorSorted,
  windStandardNormal,
  type WindTechnology,
} from '../../../src/model/cfe/syntheticWind.js';
import { normalQuantile } from '../../../src/uncertainty/distributions.js';
import { seedFor } from '../../../src/uncertainty/rng.js';
import { lagCorrelation, mean } from './series.js';

const TECHNOLOGIES: WindTechnology[] = ['onshore_wind', 'offshore_wind'];
const LATITUDE = 41.6;

function longestRunBelow(x: Float64Array, threshold: number): number {
  let best = 0;
  let run = 0;
  for (const v of x) {
    run = v < threshold ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function wind(technology: WindTechnology, year: number, target: number, seed = 20250101, latitude = LATITUDE): Float64Array {
  const result = syntheticWind(technology, latitude, year, target, seedFor(seed, technology));
  if (!result.reachable) throw new Error(`unexpectedly unreachable: ${result.highestReachableCapacityFactor}`);
  return result.capacityFactor;
}

describe('turbine power curve', () => {
  const onshore = WIND_MODELS.onshore_wind;
  it('is 0 below cut-in and from cut-out, cubic to rated, flat to the ramp, linear down to cut-out', () => {
    expect(turbinePowerFraction(0, onshore)).toBe(0);
    expect(turbinePowerFraction(2.99, onshore)).toBe(0);
    expect(turbinePowerFraction(3, onshore)).toBe(0); // the cubic starts from zero: continuous
    expect(turbinePowerFraction(8, onshore)).toBeCloseTo((8 ** 3 - 27) / (11.5 ** 3 - 27), 14);
    expect(turbinePowerFraction(11.5, onshore)).toBe(1);
    expect(turbinePowerFraction(20, onshore)).toBe(1);
    expect(turbinePowerFraction(24, onshore)).toBe(1);
    expect(turbinePowerFraction(24.5, onshore)).toBeCloseTo(0.5, 14);
    expect(turbinePowerFraction(25, onshore)).toBe(0);
    expect(turbinePowerFraction(40, onshore)).toBe(0);
    // Offshore is rated at 12 m/s.
    expect(turbinePowerFraction(11.9, WIND_MODELS.offshore_wind)).toBeLessThan(1);
    expect(turbinePowerFraction(12, WIND_MODELS.offshore_wind)).toBe(1);
  });

  it('is nondecreasing up to the ramp', () => {
    let previous = 0;
    for (let v = 0; v <= 24; v += 0.01) {
      const p = turbinePowerFraction(v, onshore);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });
});

describe('Weibull mapping', () => {
  it('maps standard-normal quantiles to Weibull quantiles: w = (-ln(1 - p))^(1/k)', () => {
    const n = 1000;
    const p = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const z = Float64Array.from(p, (pi) => normalQuantile(pi));
    for (const k of [2, 2.2]) {
      const w = unitWeibullSpeeds(z, k);
      p.forEach((pi, i) => expect(w[i]).toBeCloseTo((-Math.log(1 - pi)) ** (1 / k), 6));
    }
  });

  it('gives the driver unit variance with its deterministic terms included', () => {
    const z = windStandardNormal(WIND_MODELS.onshore_wind, 2030, LATITUDE, 99);
    const m = mean(z);
    const variance = z.reduce((a, v) => a + (v - m) ** 2, 0) / z.length;
    // One year of a persistent process: its sample mean and variance wander, but not far.
    expect(Math.abs(m)).toBeLessThan(0.35);
    expect(variance).toBeGreaterThan(0.6);
    expect(variance).toBeLessThan(1.4);
  });
});

describe('synthetic wind: calibration', () => {
  it('hits the target annual CF (far inside 0.1 pp) for several targets, both technologies, leap and non-leap years', () => {
    for (const technology of TECHNOLOGIES) {
      for (const year of [2028, 2030]) {
        for (const target of [0.2, 0.3, 0.38, 0.45, 0.5]) {
          const cf = wind(technology, year, target);
          expect(cf.length).toBe(year === 2028 ? 8784 : 8760);
          expect(Math.abs(mean(cf) - target)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it('evaluates the mean CF from sorted prefix sums exactly as the hour-by-hour power curve', () => {
    for (const technology of TECHNOLOGIES) {
      const model = WIND_MODELS[technology];
      const w = unitWeibullSpeeds(windStandardNormal(model, 2030, LATITUDE, 5), model.weibullShape);
      const sums = sortedSums(w);
      for (const c of [0.5, 2, 5, 7.3, 9, 12, 18, 25, 40]) {
        expect(windMeanCapacityFactorSorted(sums, c, model)).toBeCloseTo(windCapacityFactorAt(w, c, model), 13);
      }
    }
  });

  it('reports an unreachable target with the highest CF any Weibull scale gives', () => {
    for (const technology of TECHNOLOGIES) {
      const result = syntheticWind(technology, LATITUDE, 2030, 0.8, seedFor(1, technology));
      expect(result.reachable).toBe(false);
      if (result.reachable) continue;
      const highest = result.highestReachableCapacityFactor;
      // Below the loss-limited ceiling, above any realistic fleet CF.
      expect(highest).toBeLessThan(1 - WIND_MODELS[technology].lossFraction);
      expect(highest).toBeGreaterThan(0.5);
      // Just below the ceiling is reachable; just above is not.
      expect(syntheticWind(technology, LATITUDE, 2030, highest - 1e-4, seedFor(1, technology)).reachable).toBe(true);
      expect(syntheticWind(technology, LATITUDE, 2030, highest + 1e-4, seedFor(1, technology)).reachable).toBe(false);
    }
  });
});

describe('synthetic wind: weather statistics', () => {
  it('has plausible persistence and lulls: 1-h autocorrelation 0.7-0.97, 24-h lower, a lull of 12 h or more, values in [0, 1]', () => {
    for (const technology of TECHNOLOGIES) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const cf = wind(technology, 2030, 0.38, seed);
        const lag1 = lagCorrelation(cf, 1);
        const lag24 = lagCorrelation(cf, 24);
        expect(lag1).toBeGreaterThan(0.7);
        expect(lag1).toBeLessThan(0.97);
        expect(lag24).toBeLessThan(lag1);
        expect(lag24).toBeGreaterThan(0.1); // synoptic memory survives a day
        expect(longestRunBelow(cf, 0.1)).toBeGreaterThanOrEqual(12);
        expect(Math.min(...cf)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...cf)).toBeLessThanOrEqual(1 - WIND_MODELS[technology].lossFraction);
      }
    }
  });

  it('is windier in winter than summer in the north, the reverse in the south (averaged over seeds)', () => {
    const seasonRatio = (latitude: number) => {
      let winter = 0;
      let summer = 0;
      for (let seed = 1; seed <= 8; seed++) {
        const cf = wind('onshore_wind', 2030, 0.35, seed, latitude);
        winter += mean(cf.subarray(0, 59 * 24)) + mean(cf.subarray(334 * 24)); // Jan-Feb, Dec
        summer += mean(cf.subarray(151 * 24, 243 * 24)); // Jun-Aug
      }
      return winter / 2 / summer;
    };
    expect(seasonRatio(41.6)).toBeGreaterThan(1.1);
    expect(seasonRatio(-35)).toBeLessThan(1 / 1.1);
  });

  it('blows harder at night than at midday onshore (hub-height low-level jet), averaged over seeds', () => {
    let night = 0;
    let midday = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const cf = wind('onshore_wind', 2030, 0.35, seed);
      for (let d = 0; d < 365; d++) {
        night += cf[d * 24 + 1]! + cf[d * 24 + 2]!;
        midday += cf[d * 24 + 12]! + cf[d * 24 + 13]!;
      }
    }
    expect(night / midday).toBeGreaterThan(1.05);
  });

  it('is deterministic per seed stream; onshore and offshore draw from different streams', () => {
    const a = wind('onshore_wind', 2030, 0.35, 11);
    const b = wind('onshore_wind', 2030, 0.35, 11);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(wind('onshore_wind', 2030, 0.35, 12).buffer))).toBe(false);
    // Same base seed, other technology: its own stream, so hour-by-hour weather differs.
    const offshore = wind('offshore_wind', 2030, 0.35, 11);
    let agree = 0;
    for (let h = 0; h < a.length; h++) if (Math.abs(a[h]! - offshore[h]!) < 1e-12) agree++;
    expect(agree).toBeLessThan(a.length * 0.5);
  });
});
