/**
 * Synthetic hourly wind capacity factors (onshore, offshore) for one year (method.md §6),
 * calibrated to a target annual capacity factor by the Weibull scale.
 *
 *   z_h = [sqrt(1 - f) a_h + sqrt(f) b_h + A_d cos(2 pi (hour_h - peakHour) / 24)
 *          + A_s cos(2 pi (day_h - peakDay) / daysInYear)] / sqrt(1 + A_d^2 / 2 + A_s^2 / 2)
 *   v_h = c (-ln(1 - Phi(z_h)))^(1/k)             (Weibull(k, c) speed at hub height, m/s)
 *   CF_h = (1 - loss) P(v_h)
 *
 * a is a fast AR(1) (gusts and mesoscale, lag-1 h 0.85), b a slow synoptic AR(1) (weather
 * systems, lag-1 h 0.985, e-folding ~66 h) carrying most (f) of the variance so multi-day
 * lulls occur; both are unit-variance standard normals, so z is standard normal apart from
 * the small deterministic diurnal and seasonal terms, and Phi maps it to a uniform, the
 * Weibull quantile to a speed. P is the turbine power curve. Only c is calibrated.
 */
import { hoursInYear, isLeapYear } from '../calendar.js';
import { createRng } from '../../uncertainty/rng.js';
import { countBelow, fillAr1, logNormalExceedance, solveForTarget, sortedSums, type ProfileCalibration, type SortedSums } from './syntheticSolar.js';
import { goldenSection } from './goldenSection.js';

export type WindTechnology = 'onshore_wind' | 'offshore_wind';

/** Turbine, loss and weather-process parameters of one wind technology. */
export interface WindModel {
  /** Weibull shape k of the hourly hub-height speed distribution. */
  weibullShape: number;
  cutInMPerS: number;
  ratedMPerS: number;
  /** Output is 0 at and above this speed. */
  cutOutMPerS: number;
  /**
   * Output falls linearly from rated to 0 over this span just below cut-out (high-wind
   * ride-through, as on most current turbines). It also keeps the annual CF continuous in
   * the Weibull scale, so the root search can hit the target exactly.
   */
  cutOutRampMPerS: number;
  /** Wake, availability and electrical losses, fraction of gross output. */
  lossFraction: number;
  /** Lag-1-hour autocorrelation of the fast component. */
  fastPersistence: number;
  /** Lag-1-hour autocorrelation of the slow (synoptic) component. */
  slowPersistence: number;
  /** Share of the stochastic variance in the slow component. */
  slowVarianceShare: number;
  /** Diurnal term amplitude (standard-normal units) and local clock hour of its peak. */
  diurnalAmplitude: number;
  diurnalPeakLocalHour: number;
  /** Seasonal term amplitude; peaks mid-January north of the equator, mid-July south. */
  seasonalAmplitude: number;
}

export const WIND_MODELS: Record<WindTechnology, WindModel> = {
  onshore_wind: {
    weibullShape: 2, // Rayleigh-like, typical of continental hub-height winds
    cutInMPerS: 3,
    ratedMPerS: 11.5,
    cutOutMPerS: 25,
    cutOutRampMPerS: 1,
    lossFraction: 0.1, // wake ~5%, availability ~3%, electrical ~2%
    fastPersistence: 0.85,
    slowPersistence: 0.985,
    slowVarianceShare: 0.6,
    diurnalAmplitude: 0.15, // hub-height winds over land peak at night (nocturnal low-level jet): ~1.3x midday
    diurnalPeakLocalHour: 1,
    seasonalAmplitude: 0.25, // winter-strong, summer-weak
  },
  offshore_wind: {
    weibullShape: 2.2, // steadier marine winds
    cutInMPerS: 3,
    ratedMPerS: 12,
    cutOutMPerS: 25,
    cutOutRampMPerS: 1,
    lossFraction: 0.12, // larger array wakes, weather-limited access for repairs
    fastPersistence: 0.85,
    slowPersistence: 0.985,
    slowVarianceShare: 0.65,
    diurnalAmplitude: 0.05, // the sea damps the daily heating cycle
    diurnalPeakLocalHour: 15,
    seasonalAmplitude: 0.3,
  },
};

/** Day of year (0-based, may be fractional) where the seasonal term peaks north of the equator: mid-January. */
const NORTHERN_SEASONAL_PEAK_DAY = 15;

/**
 * The hourly standard-normal driver z_h of one year. Draw order (fixed): the fast
 * series, then the slow series, each one draw per hour from `streamSeed`'s stream.
 */
export function windStandardNormal(model: WindModel, year: number, latitudeDeg: number, streamSeed: number): Float64Array {
  const hours = hoursInYear(year);
  const daysInYear = isLeapYear(year) ? 366 : 365;
  const rng = createRng(streamSeed);
  // 1. Two unit-variance AR(1) components.
  const fast = fillAr1(new Float64Array(hours), model.fastPersistence, rng);
  const slow = fillAr1(new Float64Array(hours), model.slowPersistence, rng);
  // 2. Mix, add the diurnal and seasonal terms, rescale to unit variance (a cosine's variance is A^2 / 2).
  const fastWeight = Math.sqrt(1 - model.slowVarianceShare);
  const slowWeight = Math.sqrt(model.slowVarianceShare);
  const norm = 1 / Math.sqrt(1 + 0.5 * model.diurnalAmplitude ** 2 + 0.5 * model.seasonalAmplitude ** 2);
  const peakDay = latitudeDeg >= 0 ? NORTHERN_SEASONAL_PEAK_DAY : NORTHERN_SEASONAL_PEAK_DAY + daysInYear / 2;
  // 3. The deterministic terms take 24 + 366 values: tabulate them (at hour and day midpoints).
  const diurnal = new Float64Array(24);
  for (let hour = 0; hour < 24; hour++) {
    diurnal[hour] = model.diurnalAmplitude * Math.cos((2 * Math.PI * (hour + 0.5 - model.diurnalPeakLocalHour)) / 24);
  }
  const seasonal = new Float64Array(daysInYear);
  for (let day = 0; day < daysInYear; day++) {
    seasonal[day] = model.seasonalAmplitude * Math.cos((2 * Math.PI * (day + 0.5 - peakDay)) / daysInYear);
  }
  const z = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    z[h] = norm * (fastWeight * fast[h]! + slowWeight * slow[h]! + diurnal[h % 24]! + seasonal[(h / 24) | 0]!);
  }
  return z;
}

/**
 * Weibull speeds for scale c = 1 m/s: w_h = (-ln(1 - Phi(z_h)))^(1/k), so v_h = c w_h.
 * ln(1 - Phi(z)) is taken from whichever tail is small, so neither tail loses digits.
 */
export function unitWeibullSpeeds(z: Float64Array, weibullShape: number): Float64Array {
  const w = new Float64Array(z.length);
  const inverseShape = 1 / weibullShape;
  for (let h = 0; h < z.length; h++) {
    w[h] = (-logNormalExceedance(z[h]!)) ** inverseShape;
  }
  return w;
}

/** Turbine output as a fraction of rating at hub-height speed v (m/s), before losses. */
export function turbinePowerFraction(windSpeedMPerS: number, model: WindModel): number {
  const v = windSpeedMPerS;
  if (v < model.cutInMPerS || v >= model.cutOutMPerS) return 0;
  if (v < model.ratedMPerS) {
    // Cubic between cut-in and rated: kinetic power ~ v^3, zero at cut-in, one at rated.
    const cutIn3 = model.cutInMPerS ** 3;
    return (v * v * v - cutIn3) / (model.ratedMPerS ** 3 - cutIn3);
  }
  const rampStart = model.cutOutMPerS - model.cutOutRampMPerS;
  return v <= rampStart ? 1 : (model.cutOutMPerS - v) / model.cutOutRampMPerS;
}

/**
 * Annual mean CF at Weibull scale `scaleMPerS`; fills `out` with the hourly CF when given.
 * The calibration calls this a few dozen times, so the power curve is inlined with its
 * constants hoisted (same arithmetic as turbinePowerFraction).
 */
export function windCapacityFactorAt(unitSpeeds: Float64Array, scaleMPerS: number, model: WindModel, out?: Float64Array): number {
  const net = 1 - model.lossFraction;
  const cutIn = model.cutInMPerS;
  const rated = model.ratedMPerS;
  const cutOut = model.cutOutMPerS;
  const ramp = model.cutOutRampMPerS;
  const rampStart = cutOut - ramp;
  const cutIn3 = cutIn ** 3;
  const cubicSpan = rated ** 3 - cutIn3;
  let sum = 0;
  for (let h = 0; h < unitSpeeds.length; h++) {
    const v = scaleMPerS * unitSpeeds[h]!;
    let power: number;
    if (v < cutIn || v >= cutOut) power = 0;
    else if (v < rated) power = (v * v * v - cutIn3) / cubicSpan;
    else power = v <= rampStart ? 1 : (cutOut - v) / ramp;
    const cf = net * power;
    if (out !== undefined) out[h] = cf;
    sum += cf;
  }
  return sum / unitSpeeds.length;
}

/**
 * windCapacityFactorAt's annual mean from sorted unit speeds w: with v = c w, the hours split
 * at cut-in, rated, ramp start and cut-out into zero, cubic, full and ramp pieces, each a
 * sum of 1, w or w^3 over an index range, read off the prefix sums.
 */
export function windMeanCapacityFactorSorted(unitSpeeds: SortedSums, scaleMPerS: number, model: WindModel): number {
  const { sorted, prefix, prefixCube } = unitSpeeds;
  const c = scaleMPerS;
  if (!(c > 0)) return 0;
  const cutIn3 = model.cutInMPerS ** 3;
  const rampStart = model.cutOutMPerS - model.cutOutRampMPerS;
  // 1. Index ranges: [a, b) cubic, [b, d) full, [d, e) ramp (d: first w with c w > rampStart).
  const a = countBelow(sorted, model.cutInMPerS / c);
  const b = countBelow(sorted, model.ratedMPerS / c);
  const d = countBelow(sorted, rampStart / c, true);
  const e = countBelow(sorted, model.cutOutMPerS / c);
  // 2. Sum each piece in closed form.
  const cubic = (c * c * c * (prefixCube[b]! - prefixCube[a]!) - (b - a) * cutIn3) / (model.ratedMPerS ** 3 - cutIn3);
  const full = d - b;
  const ramp = ((e - d) * model.cutOutMPerS - c * (prefix[e]! - prefix[d]!)) / model.cutOutRampMPerS;
  return ((1 - model.lossFraction) * (cubic + full + ramp)) / sorted.length;
}

/** Weibull scales scanned for the first bracket, m/s: 0.25, 0.5, ... 40 (mean speed ~0.9x scale). */
const SCAN_STEP_M_PER_S = 0.25;
const SCAN_MAX_M_PER_S = 40;

/**
 * One year of hourly wind capacity factors whose mean equals `targetCapacityFactor`
 * (within CALIBRATION_TOLERANCE), or `reachable: false` with the highest mean any Weibull scale gives.
 * CF(c) rises with c from 0 and falls again once many hours pass cut-out, so:
 * scan c for the first grid point at or above the target, then solve on the rising side.
 */
export function syntheticWind(
  technology: WindTechnology,
  latitudeDeg: number,
  year: number,
  targetCapacityFactor: number,
  streamSeed: number,
): ProfileCalibration {
  const model = WIND_MODELS[technology];
  // 1. Standard-normal driver -> unit-scale Weibull speeds (both independent of c).
  const unitSpeeds = unitWeibullSpeeds(windStandardNormal(model, year, latitudeDeg, streamSeed), model.weibullShape);
  const sums = sortedSums(unitSpeeds);
  const cfAt = (scale: number) => windMeanCapacityFactorSorted(sums, scale, model);
  // 2. Scan for the first scale reaching the target, remembering the best seen.
  let previousScale = 0; // CF(0) = 0: every speed is below cut-in
  let bestScale = 0;
  let best = 0;
  for (let scale = SCAN_STEP_M_PER_S; scale <= SCAN_MAX_M_PER_S; scale += SCAN_STEP_M_PER_S) {
    const cf = cfAt(scale);
    if (cf >= targetCapacityFactor) {
      // 3. Root search inside [previous, this], where CF crosses the target (CF is continuous in c).
      const calibrated = solveForTarget(cfAt, targetCapacityFactor, previousScale, scale);
      const capacityFactor = new Float64Array(unitSpeeds.length);
      const achieved = windCapacityFactorAt(unitSpeeds, calibrated, model, capacityFactor);
      return { reachable: true, capacityFactor, scale: calibrated, achievedCapacityFactor: achieved };
    }
    if (cf > best) {
      best = cf;
      bestScale = scale;
    }
    previousScale = scale;
  }
  // 4. Unreachable: refine the maximum around the best grid point (golden-section search).
  return { reachable: false, highestReachableCapacityFactor: Math.max(best, goldenMaximum(cfAt, bestScale - SCAN_STEP_M_PER_S, bestScale + SCAN_STEP_M_PER_S)) };
}

/** Largest value of f found by golden-section search on [lo, hi] (f unimodal there; lo clamped at 0). */
function goldenMaximum(f: (x: number) => number, lo: number, hi: number): number {
  return Math.max(...goldenSection(f, Math.max(lo, 0), hi, { leftWins: (c, d) => c >= d, steps: 60 }));
}
