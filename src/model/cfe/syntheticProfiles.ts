/**
 * Synthetic hourly capacity-factor profiles of every variable technology for one site and
 * year (method.md §6): the fallback when no measured hourly CSV is supplied.
 *
 * Deterministic: each technology draws from its own stream, seedFor(site.seed, technology),
 * so the bytes depend only on (site, year) and never on the order technologies are built or
 * on one another's targets. The streams do not depend on the year: a study of 2030 and one
 * of 2031 see the same synthetic weather (shifted by nothing but the calendar), so year-to-
 * year differences in results come from the model, not from re-drawn weather.
 */
import { hoursInYear } from '../calendar.js';
import { seedFor } from '../../uncertainty/rng.js';
import { PROFILE_TECHNOLOGIES, type ProfileTechnology, type SiteSpec } from './types.js';
import { checkSolarSite } from './solarGeometry.js';
import { SOLAR_MODEL, syntheticSolar, type ProfileCalibration } from './syntheticSolar.js';
import { syntheticWind, WIND_MODELS } from './syntheticWind.js';

/** A fraction as a percentage with one decimal, rounded down (so "at most" advice is reachable). */
function percentFloor(fraction: number): string {
  return `${(Math.floor(fraction * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** Why a technology's ceiling is where it is, for the unreachable-target message. */
function ceilingReason(technology: ProfileTechnology, site: SiteSpec): string {
  if (technology === 'solar') {
    return (
      `at latitude ${site.latitudeDeg} deg (clear-sky sun x sampled cloudiness, DC/AC ${SOLAR_MODEL.dcAcRatio}, ` +
      `yield factor at most ${SOLAR_MODEL.maxYieldFactor})`
    );
  }
  const model = WIND_MODELS[technology];
  return `with any Weibull scale (power curve to ${model.cutOutMPerS} m/s cut-out, ${percent(model.lossFraction)} losses)`;
}

function unreachableTargetError(technology: ProfileTechnology, site: SiteSpec, target: number, highest: number): Error {
  return new Error(
    `synthetic ${technology} profile for site "${site.name}": target capacity factor ${percent(target)} cannot be reached; ` +
      `the highest the synthetic model gives ${ceilingReason(technology, site)} is ${percent(highest)}. ` +
      `Lower the ${technology} target capacity factor to at most ${percentFloor(highest)}, ` +
      `or supply measured hourly capacity factors as a CSV (8,760 or 8,784 rows) instead of the synthetic profile.`,
  );
}

function checkSite(site: SiteSpec, year: number): void {
  if (!Number.isInteger(year)) throw new Error(`synthetic profiles: year ${year} must be a whole year`);
  if (!Number.isSafeInteger(site.seed)) throw new Error(`synthetic profiles for site "${site.name}": seed ${site.seed} must be a safe integer`);
  try {
    checkSolarSite(site);
  } catch (error) {
    throw new Error(`synthetic profiles for site "${site.name}": ${(error as Error).message}`);
  }
  for (const technology of PROFILE_TECHNOLOGIES) {
    const target = site.targetCapacityFactor[technology];
    if (!(target >= 0 && target < 1)) {
      throw new Error(
        `synthetic ${technology} profile for site "${site.name}": target capacity factor ${target} must be 0 (no resource) or a fraction below 1 (e.g. 0.25 for 25%)`,
      );
    }
  }
}

/**
 * Hourly AC capacity factors (0..1) of solar, onshore and offshore wind at `site` for
 * `year`, hour 0 = local standard midnight on 1 January, 8,760 or 8,784 values each, every
 * profile's annual mean equal to its target (within 1e-12); a target of 0 (no resource) gives zeros. Throws a plain Error naming the
 * technology, its target, the highest reachable value and the remedy when a target is out
 * of the synthetic model's reach.
 */
export function syntheticProfiles(site: SiteSpec, year: number): Record<ProfileTechnology, Float64Array> {
  // 1. Inputs the generators cannot recover from.
  checkSite(site, year);
  const build = (technology: ProfileTechnology): Float64Array => {
    // 2. One seeded stream per technology; calibrate to the target.
    const target = site.targetCapacityFactor[technology];
    // A site without the resource (target 0) gets an all-zero profile; the loader also caps its MW at 0.
    if (target === 0) return new Float64Array(hoursInYear(year));
    const streamSeed = seedFor(site.seed, technology);
    const result: ProfileCalibration =
      technology === 'solar' ? syntheticSolar(site, year, target, streamSeed) : syntheticWind(technology, site.latitudeDeg, year, target, streamSeed);
    // 3. An unreachable target is the user's to fix: say which, by how much, and how.
    if (!result.reachable) throw unreachableTargetError(technology, site, target, result.highestReachableCapacityFactor);
    if (result.capacityFactor.length !== hoursInYear(year)) throw new Error(`synthetic ${technology} profile: wrong length (internal fault)`);
    return result.capacityFactor;
  };
  return { solar: build('solar'), onshore_wind: build('onshore_wind'), offshore_wind: build('offshore_wind') };
}
