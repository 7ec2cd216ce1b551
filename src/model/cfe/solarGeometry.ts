/**
 * Sun position and clear-sky irradiance for the synthetic solar profile (method.md §6).
 *
 * Time base: hour h of a profile is hour-beginning local STANDARD time (UTC + a fixed
 * offset, no daylight saving), hour 0 starting at local midnight on 1 January. Each hour
 * is represented by the sun at its midpoint, h + 0.5, so a profile's energy in hour h is
 * centred on that hour and not shifted half an hour early or late.
 *
 * Formulas: the Astronomical Almanac's low-precision sun position (declination and
 * equation of time from the instant's days since J2000.0; ~0.01 deg), the usual hour angle
 * and zenith relations (as in NOAA's solar calculator), far finer than an hourly profile
 * needs. Clear-sky GHI: Haurwitz (1945), the simplest model that needs no atmospheric
 * inputs (Reno, Hansen & Stein, SAND2012-2389).
 */
import { daysFromCivil, hoursInYear } from '../calendar.js';

const DEG = Math.PI / 180;
const MINUTES_PER_HOUR = 60;
/** The sun's hour angle moves 15 deg per hour, i.e. 4 minutes of time per degree of longitude. */
const MINUTES_PER_DEG_LONGITUDE = 4;
/** Haurwitz constants: W/m^2 scale and optical-depth coefficient. */
const HAURWITZ_SCALE_W_PER_M2 = 1098;
const HAURWITZ_EXTINCTION = 0.057;

/** Where a site is and which clock it keeps. */
export interface SolarSite {
  latitudeDeg: number;
  longitudeDeg: number;
  /** Local standard time = UTC + this, hours. */
  utcOffsetHours: number;
}

/** 2000-01-01T12:00 UTC (J2000.0) in days since 1970-01-01T00:00 UTC. */
const J2000_DAYS_SINCE_UNIX_EPOCH = 10957.5;

/**
 * Days from J2000.0 to the instant at local standard clock hour `localClockHour` (may be
 * fractional, e.g. 12.5) of day `dayIndex` (0 = 1 January) of `year`; UTC = local - offset.
 */
export function daysSinceJ2000(year: number, dayIndex: number, localClockHour: number, utcOffsetHours: number): number {
  return daysFromCivil(year, 1, 1) - J2000_DAYS_SINCE_UNIX_EPOCH + dayIndex + (localClockHour - utcOffsetHours) / 24;
}

/** Declination of the sun and the equation of time at one instant. */
export interface SunPosition {
  /** +23.44 deg (in radians) at the June solstice. */
  declinationRad: number;
  /** Apparent minus mean solar time, minutes: about -14 in mid-February, +16 in early November. */
  equationOfTimeMin: number;
}

/**
 * Sun position from days since J2000.0 by the Astronomical Almanac's low-precision formulae
 * (mean longitude L, mean anomaly g, ecliptic longitude lambda, obliquity epsilon): about
 * 0.01 deg in declination and a few seconds in the equation of time for 1950-2050. Unlike a
 * day-of-year Fourier fit, it follows the real year, so equinoxes fall on the right hour of
 * any year (the leap cycle alone moves them by up to 18 h, ~0.3 deg of declination).
 */
export function sunPosition(daysFromJ2000: number): SunPosition {
  const n = daysFromJ2000;
  const meanLongitudeDeg = 280.46 + 0.9856474 * n;
  const meanAnomalyRad = (357.528 + 0.9856003 * n) * DEG;
  const eclipticLongitudeRad = (meanLongitudeDeg + 1.915 * Math.sin(meanAnomalyRad) + 0.02 * Math.sin(2 * meanAnomalyRad)) * DEG;
  const obliquityRad = (23.439 - 0.0000004 * n) * DEG;
  const sinLambda = Math.sin(eclipticLongitudeRad);
  const declinationRad = Math.asin(Math.sin(obliquityRad) * sinLambda);
  const rightAscensionDeg = Math.atan2(Math.cos(obliquityRad) * sinLambda, Math.cos(eclipticLongitudeRad)) / DEG;
  // L - alpha wrapped to (-180, 180] deg; 4 minutes of time per degree.
  const differenceDeg = meanLongitudeDeg - rightAscensionDeg;
  const wrappedDeg = differenceDeg - 360 * Math.round(differenceDeg / 360);
  return { declinationRad, equationOfTimeMin: MINUTES_PER_DEG_LONGITUDE * wrappedDeg };
}

/**
 * Hour angle, degrees: 0 at solar noon, negative in the morning, 15 deg per hour.
 * True solar time = clock time + equation of time + 4 min per degree the site lies east of
 * its time zone's meridian (15 deg x utcOffsetHours).
 */
export function hourAngleDeg(localClockHour: number, longitudeDeg: number, utcOffsetHours: number, equationOfTimeMin: number): number {
  const offsetMinutes = equationOfTimeMin + MINUTES_PER_DEG_LONGITUDE * longitudeDeg - MINUTES_PER_HOUR * utcOffsetHours;
  const trueSolarMinutes = localClockHour * MINUTES_PER_HOUR + offsetMinutes;
  return trueSolarMinutes / MINUTES_PER_DEG_LONGITUDE - 180;
}

/** cos(zenith) = sin(lat) sin(decl) + cos(lat) cos(decl) cos(hour angle); negative when the sun is down. */
export function zenithCosine(latitudeDeg: number, declinationRad: number, hourAngleDegrees: number): number {
  const lat = latitudeDeg * DEG;
  return Math.sin(lat) * Math.sin(declinationRad) + Math.cos(lat) * Math.cos(declinationRad) * Math.cos(hourAngleDegrees * DEG);
}

/** Haurwitz clear-sky global horizontal irradiance, W/m^2: 1098 cos z exp(-0.057 / cos z); 0 when the sun is down. */
export function clearSkyGhiWPerM2(zenithCos: number): number {
  if (!(zenithCos > 0)) return 0;
  return HAURWITZ_SCALE_W_PER_M2 * zenithCos * Math.exp(-HAURWITZ_EXTINCTION / zenithCos);
}

/** Local standard clock time (hours, e.g. 12.25 = 12:15) of solar noon on day `dayIndex` (0 = 1 January) of `year`. */
export function solarNoonLocalHour(year: number, dayIndex: number, longitudeDeg: number, utcOffsetHours: number): number {
  // Hour angle 0 <=> clock minutes = 720 - offset; the equation of time taken at 12:00 (it moves ~1 s over the gap).
  const eotMin = sunPosition(daysSinceJ2000(year, dayIndex, 12, utcOffsetHours)).equationOfTimeMin;
  const offsetMinutes = eotMin + MINUTES_PER_DEG_LONGITUDE * longitudeDeg - MINUTES_PER_HOUR * utcOffsetHours;
  return (720 - offsetMinutes) / MINUTES_PER_HOUR;
}

/** Sun position and clear-sky irradiance at each hour's midpoint of one year. */
export interface HourlySolarGeometry {
  /** cos(zenith) at the hour's midpoint; <= 0 when the sun is down. */
  zenithCosine: Float64Array;
  /** Haurwitz clear-sky GHI at the hour's midpoint, W/m^2 (0 at night). */
  clearSkyGhiWPerM2: Float64Array;
}

/** Checks a site's coordinates; throws a plain Error naming the bad field. */
export function checkSolarSite(site: SolarSite): void {
  if (!(site.latitudeDeg >= -90 && site.latitudeDeg <= 90)) throw new Error(`latitude ${site.latitudeDeg} deg: expected -90..90`);
  if (!(site.longitudeDeg >= -180 && site.longitudeDeg <= 180)) throw new Error(`longitude ${site.longitudeDeg} deg: expected -180..180`);
  if (!(site.utcOffsetHours >= -12 && site.utcOffsetHours <= 14)) throw new Error(`UTC offset ${site.utcOffsetHours} h: expected -12..14`);
}

/** Geometry for every hour of `year` (8,760 or 8,784 hours), sampled at hour midpoints. */
export function hourlySolarGeometry(site: SolarSite, year: number): HourlySolarGeometry {
  checkSolarSite(site);
  const hours = hoursInYear(year);
  const zenithCos = new Float64Array(hours);
  const ghi = new Float64Array(hours);
  const sinLat = Math.sin(site.latitudeDeg * DEG);
  const cosLat = Math.cos(site.latitudeDeg * DEG);
  const meridianMinutes = MINUTES_PER_DEG_LONGITUDE * site.longitudeDeg - MINUTES_PER_HOUR * site.utcOffsetHours;
  for (let h = 0; h < hours; h++) {
    // 1. The hour's midpoint in local standard time: day index and clock hour (0.5, 1.5, ... 23.5).
    const dayIndex = Math.floor(h / 24);
    const clockHour = (h % 24) + 0.5;
    // 2. Declination and equation of time at that instant.
    const { declinationRad: declination, equationOfTimeMin } = sunPosition(daysSinceJ2000(year, dayIndex, clockHour, site.utcOffsetHours));
    // 3. True solar time -> hour angle (same arithmetic as hourAngleDeg, site terms hoisted).
    const trueSolarMinutes = clockHour * MINUTES_PER_HOUR + equationOfTimeMin + meridianMinutes;
    const hourAngleRad = (trueSolarMinutes / MINUTES_PER_DEG_LONGITUDE - 180) * DEG;
    // 4. cos(zenith), then Haurwitz clear-sky GHI (0 below the horizon).
    const cz = sinLat * Math.sin(declination) + cosLat * Math.cos(declination) * Math.cos(hourAngleRad);
    zenithCos[h] = cz;
    ghi[h] = clearSkyGhiWPerM2(cz);
  }
  return { zenithCosine: zenithCos, clearSkyGhiWPerM2: ghi };
}
