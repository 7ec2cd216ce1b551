/**
 * Synthetic hourly solar PV capacity factors for one year (method.md §6), AC at the
 * inverter output, calibrated to a target annual capacity factor.
 *
 *   x_h  = kc_h x GHI_clear,h / 1000            (normalised horizontal irradiance, kW/m^2)
 *   kc_h = kcFloor + (1 - kcFloor) x Phi(mu + sigmaDay d_day(h) + sigmaHour e_h)
 *   CF_h = min(1, dcAcRatio x s x x_h)           (inverter clipping after scaling)
 *
 * d is a daily AR(1) cloudiness state (whole overcast or clear days, some persistence),
 * e an hourly AR(1) perturbation (passing clouds), both standard normal; Phi maps their
 * sum to a clear-sky index in [kcFloor, 1) with mass near both ends, as observed clear and
 * overcast days give. s, the "yield factor" (performance ratio x plane-of-array gain over
 * horizontal, which this model does not resolve), is the one calibrated scale: a bracketed
 * root search puts the annual mean of CF_h on the target. Night hours are exactly 0.
 */
import { hoursInYear } from '../calendar.js';
import { normalQuantile } from '../../uncertainty/distributions.js';
import { createRng, type Rng } from '../../uncertainty/rng.js';
import { hourlySolarGeometry, type SolarSite } from './solarGeometry.js';

/** Parameters of the synthetic solar model; the reasons are in the comments. */
export const SOLAR_MODEL = {
  /** DC module rating over AC inverter rating: typical US utility PV 1.25-1.35. */
  dcAcRatio: 1.3,
  /**
   * Largest yield factor s the calibration may use. s absorbs three things the model does not
   * resolve: plane-of-array gain over horizontal (two-axis tracking ~1.3-1.45x in clear
   * climates), a performance ratio up to ~1.1 (cold or bifacial modules), and a sunnier sky
   * than this generic one (desert clear-sky index ~0.85-0.9 vs ~0.7 here, ~1.25x). Their
   * product is ~1.9-2.0; a target needing more is not physical at that latitude.
   */
  maxYieldFactor: 2,
  /** Clear-sky index under thick overcast (diffuse light only). */
  clearnessFloor: 0.15,
  /** Probit-scale offset: mean clear-sky index ~0.7 (0.15 + 0.85 Phi(0.6 / 1.5)), a mid-latitude continental sky. */
  clearnessOffset: 0.6,
  /** Day-to-day cloudiness: sd (probit units) and lag-1-day autocorrelation (weather lasts 1-3 days). */
  dailyCloudSd: 1.0,
  dailyPersistence: 0.6,
  /** Within-day cloudiness: sd and lag-1-hour autocorrelation (cloud fields persist a few hours). */
  hourlyCloudSd: 0.5,
  hourlyPersistence: 0.8,
} as const;

const SQRT1_2 = Math.SQRT1_2;

/**
 * ln(erfc(x)) for x >= 0 by the Chebyshev fit of Press et al. (Numerical Recipes, erfcc):
 * erfc(x) = t exp(-x^2 - 1.26551223 + t P(t)), t = 1 / (1 + x / 2), relative error below
 * 1.2e-7 for every x >= 0. Returned as a logarithm so far tails neither underflow nor lose
 * digits. No loop and one log: the profiles map ~26,000 values through it per year, where
 * the series of uncertainty/normalCdf cost several times more. Synthetic weather needs
 * determinism, not the 16th digit.
 */
function logErfcNonNegative(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    1.00002368 +
    t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))));
  return Math.log(t) - x * x - 1.26551223 + t * poly;
}

/** Standard normal CDF Phi(z) to ~1e-7 relative (see logErfcNonNegative). */
export function normalCdfFast(z: number): number {
  const tail = 0.5 * Math.exp(logErfcNonNegative(Math.abs(z) * SQRT1_2)); // Phi(-|z|)
  return z < 0 ? tail : 1 - tail;
}

/** ln(1 - Phi(z)), the log upper-tail probability, from whichever tail is small. */
export function logNormalExceedance(z: number): number {
  return z >= 0 ? -Math.LN2 + logErfcNonNegative(z * SQRT1_2) : Math.log1p(-0.5 * Math.exp(logErfcNonNegative(-z * SQRT1_2)));
}

/** 2^-54: keeps a uniform of exactly 0 off the quantile's -Infinity. */
const HALF_ULP_OF_UNIFORM = 5.551115123125783e-17;

/** A standard normal draw by inversion (one uniform per draw, so streams stay aligned). */
export function standardNormal(rng: Rng): number {
  return normalQuantile(rng() + HALF_ULP_OF_UNIFORM);
}

/**
 * Fills `out` with a stationary AR(1) standard-normal series: x_0 ~ N(0, 1),
 * x_t = phi x_{t-1} + sqrt(1 - phi^2) eps_t, so every x_t has variance 1.
 */
export function fillAr1(out: Float64Array, persistence: number, rng: Rng): Float64Array {
  const innovationSd = Math.sqrt(1 - persistence * persistence);
  let state = standardNormal(rng);
  for (let t = 0; t < out.length; t++) {
    if (t > 0) state = persistence * state + innovationSd * standardNormal(rng);
    out[t] = state;
  }
  return out;
}

/** Calibration stops when the annual CF is this close to its target (fraction, i.e. 1e-10 pp). */
export const CALIBRATION_TOLERANCE = 1e-12;

/**
 * Root of f(x) = target for a continuous f with f(lo) < target <= f(hi): Illinois
 * (modified regula falsi), which keeps the sign-change bracket like bisection but needs ~10
 * evaluations instead of ~45 on these smooth, piecewise-polynomial CF curves. Stops at
 * |f(x) - target| <= CALIBRATION_TOLERANCE or a bracket 1e-14 (relative) wide.
 */
export function solveForTarget(f: (x: number) => number, target: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  let fa = f(a) - target;
  let fb = f(b) - target;
  if (fa >= 0) return a;
  if (fb <= 0) return b;
  let lastSide = 0;
  let x = b;
  for (let i = 0; i < 200; i++) {
    // 1. Secant point inside the bracket; bisect if rounding pushed it onto an end.
    x = (a * fb - b * fa) / (fb - fa);
    if (!(x > a && x < b)) x = 0.5 * (a + b);
    const fx = f(x) - target;
    if (Math.abs(fx) <= CALIBRATION_TOLERANCE || b - a <= 1e-14 * b) return x;
    // 2. Keep the sign change; halve the stale end's value when the same side moves twice (Illinois).
    if (fx < 0) {
      a = x;
      fa = fx;
      if (lastSide < 0) fb *= 0.5;
      lastSide = -1;
    } else {
      b = x;
      fb = fx;
      if (lastSide > 0) fa *= 0.5;
      lastSide = 1;
    }
  }
  return x;
}

/**
 * Hourly clear-sky index kc_h for one year from one seeded stream. Draw order (fixed):
 * the daily series (one draw per day), then the hourly series (one per hour).
 */
export function solarClearSkyIndex(year: number, streamSeed: number): Float64Array {
  const hours = hoursInYear(year);
  const days = hours / 24;
  const rng = createRng(streamSeed);
  // 1. Daily cloudiness state and hourly perturbation, each a unit-variance AR(1).
  const daily = fillAr1(new Float64Array(days), SOLAR_MODEL.dailyPersistence, rng);
  const hourly = fillAr1(new Float64Array(hours), SOLAR_MODEL.hourlyPersistence, rng);
  // 2. Probit mix -> clear-sky index in [floor, 1).
  const kc = new Float64Array(hours);
  const span = 1 - SOLAR_MODEL.clearnessFloor;
  for (let h = 0; h < hours; h++) {
    const z = SOLAR_MODEL.clearnessOffset + SOLAR_MODEL.dailyCloudSd * daily[(h / 24) | 0]! + SOLAR_MODEL.hourlyCloudSd * hourly[h]!;
    kc[h] = SOLAR_MODEL.clearnessFloor + span * normalCdfFast(z);
  }
  return kc;
}

/** AC capacity factor of each hour at yield factor s: min(1, dcAc x s x x_h); returns the annual mean. */
export function solarCapacityFactorAt(normalisedIrradiance: Float64Array, yieldFactor: number, out?: Float64Array): number {
  const gain = SOLAR_MODEL.dcAcRatio * yieldFactor;
  let sum = 0;
  for (let h = 0; h < normalisedIrradiance.length; h++) {
    const dcOverAc = gain * normalisedIrradiance[h]!;
    const cf = dcOverAc < 1 ? dcOverAc : 1; // inverter clipping at AC nameplate
    if (out !== undefined) out[h] = cf;
    sum += cf;
  }
  return sum / normalisedIrradiance.length;
}

/**
 * Values sorted ascending with prefix sums of x and x^3 (entry i = sum of the i smallest):
 * a mean CF curve that is piecewise polynomial in x then costs two or four binary searches
 * per evaluation instead of a pass over the year, so calibration is almost free.
 */
export interface SortedSums {
  sorted: Float64Array;
  prefix: Float64Array;
  prefixCube: Float64Array;
}

export function sortedSums(values: Float64Array): SortedSums {
  const sorted = values.slice().sort(); // typed-array sort: numeric, ascending
  const prefix = new Float64Array(sorted.length + 1);
  const prefixCube = new Float64Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!;
    prefix[i + 1] = prefix[i]! + x;
    prefixCube[i + 1] = prefixCube[i]! + x * x * x;
  }
  return { sorted, prefix, prefixCube };
}

/** Number of sorted values < threshold (`orEqual`: <= threshold), by binary search. */
export function countBelow(sorted: Float64Array, threshold: number, orEqual = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid]!;
    if (x < threshold || (orEqual && x === threshold)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** solarCapacityFactorAt's annual mean from sorted irradiance: (gain x sum of unclipped x + clipped hours) / n. */
export function solarMeanCapacityFactorSorted(irradiance: SortedSums, yieldFactor: number): number {
  const gain = SOLAR_MODEL.dcAcRatio * yieldFactor;
  const n = irradiance.sorted.length;
  if (!(gain > 0)) return 0;
  const unclipped = countBelow(irradiance.sorted, 1 / gain);
  return (gain * irradiance.prefix[unclipped]! + (n - unclipped)) / n;
}

export type ProfileCalibration =
  | {
      reachable: true;
      capacityFactor: Float64Array;
      /** The calibrated scale (solar: yield factor s; wind: Weibull scale, m/s). */
      scale: number;
      achievedCapacityFactor: number;
    }
  | { reachable: false; highestReachableCapacityFactor: number };

/**
 * One year of hourly solar AC capacity factors calibrated so their mean equals
 * `targetCapacityFactor` (within CALIBRATION_TOLERANCE), or `reachable: false` with the highest mean the
 * model allows (yield factor at its maximum) when the target is above it.
 */
export function syntheticSolar(site: SolarSite, year: number, targetCapacityFactor: number, streamSeed: number): ProfileCalibration {
  // 1. Clear-sky shape at hour midpoints, then the seeded clear-sky index.
  const { clearSkyGhiWPerM2 } = hourlySolarGeometry(site, year);
  const kc = solarClearSkyIndex(year, streamSeed);
  // 2. Normalised all-sky horizontal irradiance x_h, kW/m^2 (1 = standard test conditions).
  const irradiance = new Float64Array(kc.length);
  for (let h = 0; h < kc.length; h++) irradiance[h] = (kc[h]! * clearSkyGhiWPerM2[h]!) / 1000;
  // 3. Reachability: the mean CF is nondecreasing in s, so its maximum is at maxYieldFactor.
  const highest = solarCapacityFactorAt(irradiance, SOLAR_MODEL.maxYieldFactor);
  if (!(targetCapacityFactor <= highest)) return { reachable: false, highestReachableCapacityFactor: highest };
  // 4. Solve for s (the mean CF is continuous, piecewise linear and nondecreasing in s) on sorted sums,
  //    then write the hours once with the direct formula.
  const sums = sortedSums(irradiance);
  const scale = solveForTarget((s) => solarMeanCapacityFactorSorted(sums, s), targetCapacityFactor, 0, SOLAR_MODEL.maxYieldFactor);
  const capacityFactor = new Float64Array(kc.length);
  const achieved = solarCapacityFactorAt(irradiance, scale, capacityFactor);
  return { reachable: true, capacityFactor, scale, achievedCapacityFactor: achieved };
}
