import { describe, expect, it } from 'vitest';
import {
  clearSkyGhiWPerM2,
  daysSinceJ2000,
  hourAngleDeg,
  hourlySolarGeometry,
  solarNoonLocalHour,
  sunPosition,
  zenithCosine,
} from '../../../src/model/cfe/solarGeometry.js';

const DEG = Math.PI / 180;
/** Des Moines-like site, 93.6 W, on US Central standard time (UTC-6, meridian 90 W). */
const IOWA = { latitudeDeg: 41.6, longitudeDeg: -93.6, utcOffsetHours: -6 };
/** A site on its time zone's meridian: solar noon differs from 12:00 by the equation of time only. */
const ON_MERIDIAN = { latitudeDeg: 40, longitudeDeg: -90, utcOffsetHours: -6 };
/** Southern hemisphere: Sydney-like latitude, UTC+10 (meridian 150 E). */
const SOUTH = { latitudeDeg: -33.9, longitudeDeg: 151.2, utcOffsetHours: 10 };

/** The sun at `hourUtc` UTC on day `dayIndex` (0 = 1 January) of `year`. */
const sunAtUtc = (year: number, dayIndex: number, hourUtc: number) => sunPosition(daysSinceJ2000(year, dayIndex, hourUtc, 0));
const declinationDeg = (year: number, dayIndex: number, hourUtc: number) => sunAtUtc(year, dayIndex, hourUtc).declinationRad / DEG;
const equationOfTimeAtNoon = (dayIndex: number, year = 2030) => sunAtUtc(year, dayIndex, 12).equationOfTimeMin;

describe('sun position (declination, equation of time)', () => {
  it('reaches +/-23.44 deg at the solstices (within 0.5 deg; the formula gives 0.01)', () => {
    // 2030 solstices: 21 June 07:31 UTC (day index 171 = 151 days before June + 20), 21 December 20:09 UTC (day 354).
    expect(Math.abs(declinationDeg(2030, 171, 7.52) - 23.44)).toBeLessThan(0.5);
    expect(Math.abs(declinationDeg(2030, 354, 20.15) + 23.44)).toBeLessThan(0.5);
    expect(declinationDeg(2030, 171, 7.52)).toBeCloseTo(23.436, 1);
    expect(declinationDeg(2030, 354, 20.15)).toBeCloseTo(-23.436, 1);
    // The extremes of the year fall on the solstice days.
    const all = Array.from({ length: 365 }, (_, d) => declinationDeg(2030, d, 12));
    expect(Math.abs(all.indexOf(Math.max(...all)) - 171)).toBeLessThanOrEqual(1);
    expect(Math.abs(all.indexOf(Math.min(...all)) - 354)).toBeLessThanOrEqual(1);
  });

  it('crosses zero at the equinox instants of the actual year (the leap cycle moves them by hours)', () => {
    // 2030: 20 March 13:51 UTC and 22 September 23:27 UTC; 2028: 20 March 02:17 UTC (day 79 in a leap year).
    expect(Math.abs(declinationDeg(2030, 78, 13.85))).toBeLessThan(0.05);
    expect(Math.abs(declinationDeg(2030, 264, 23.45))).toBeLessThan(0.05);
    expect(Math.abs(declinationDeg(2028, 79, 2.28))).toBeLessThan(0.05);
    // The declination moves ~0.4 deg a day there: a day early it is clearly negative.
    expect(declinationDeg(2030, 77, 13.85)).toBeLessThan(-0.3);
  });

  it('has the equation of time at its known extremes: about -14.2 min mid-February, +16.4 min early November', () => {
    const eot = Array.from({ length: 365 }, (_, d) => equationOfTimeAtNoon(d));
    const min = Math.min(...eot);
    const max = Math.max(...eot);
    expect(min).toBeCloseTo(-14.2, 0);
    expect(max).toBeCloseTo(16.4, 0);
    // Minimum around 11 February (day 41), maximum around 3 November (day 306).
    expect(Math.abs(eot.indexOf(min) - 41)).toBeLessThanOrEqual(3);
    expect(Math.abs(eot.indexOf(max) - 306)).toBeLessThanOrEqual(3);
    // Near zero around 15 April (day 104), 13 June (163), 1 September (243) and 25 December (358).
    for (const day of [104, 163, 243, 358]) expect(Math.abs(equationOfTimeAtNoon(day))).toBeLessThan(1);
  });
});

describe('hour angle and zenith', () => {
  it('puts solar noon at 12:00 minus the equation of time on the zone meridian, 4 min later per degree west', () => {
    for (let day = 0; day < 365; day += 7) {
      const eot = sunPosition(daysSinceJ2000(2030, day, 12, ON_MERIDIAN.utcOffsetHours)).equationOfTimeMin;
      const noon = solarNoonLocalHour(2030, day, ON_MERIDIAN.longitudeDeg, ON_MERIDIAN.utcOffsetHours);
      expect(Math.abs(noon - 12)).toBeLessThan(17 / 60);
      expect(noon).toBeCloseTo(12 - eot / 60, 12);
      // Iowa lies 3.6 deg west of the meridian: noon 14.4 minutes later.
      const iowa = solarNoonLocalHour(2030, day, IOWA.longitudeDeg, IOWA.utcOffsetHours);
      expect((iowa - noon) * 60).toBeCloseTo(14.4, 9);
      // The hour angle is zero there.
      expect(hourAngleDeg(noon, ON_MERIDIAN.longitudeDeg, ON_MERIDIAN.utcOffsetHours, eot)).toBeCloseTo(0, 9);
    }
  });

  it('gives cos(zenith) = cos(latitude - declination) at solar noon: 40 N at the June solstice, 16.56 deg', () => {
    const decl = 23.44 * DEG;
    expect(zenithCosine(40, decl, 0)).toBeCloseTo(Math.cos((40 - 23.44) * DEG), 12);
    // Six hours from noon at an equinox the sun is on the horizon.
    expect(zenithCosine(40, 0, 90)).toBeCloseTo(0, 12);
    expect(zenithCosine(40, 0, -90)).toBeCloseTo(0, 12);
  });

  it('peaks in the hour around 12:00 on the zone meridian, every day of the year', () => {
    const { zenithCosine: cz } = hourlySolarGeometry(ON_MERIDIAN, 2030);
    for (let day = 0; day < 365; day++) {
      const hours = Array.from(cz.subarray(day * 24, day * 24 + 24));
      const peak = hours.indexOf(Math.max(...hours));
      expect([11, 12]).toContain(peak); // midpoints 11:30 or 12:30
      // Morning and afternoon mirror each other about noon (within the equation of time's shift).
      expect(Math.abs(hours[9]! - hours[14]!)).toBeLessThan(0.1);
    }
  });
});

describe('clear-sky irradiance (Haurwitz)', () => {
  it('is 1098 cos z exp(-0.057 / cos z), 0 with the sun down', () => {
    expect(clearSkyGhiWPerM2(1)).toBeCloseTo(1098 * Math.exp(-0.057), 10); // 1037.2 W/m^2 overhead
    expect(clearSkyGhiWPerM2(0.5)).toBeCloseTo(549 * Math.exp(-0.114), 10);
    expect(clearSkyGhiWPerM2(0)).toBe(0);
    expect(clearSkyGhiWPerM2(-0.3)).toBe(0);
    expect(clearSkyGhiWPerM2(1e-6)).toBe(0); // the exponential underflows smoothly, no NaN
  });

  it('samples each hour at its midpoint in local standard time', () => {
    const year = 2030;
    const { zenithCosine: cz, clearSkyGhiWPerM2: ghi } = hourlySolarGeometry(IOWA, year);
    for (const h of [0, 13, 2000, 4100, 8759]) {
      const day = Math.floor(h / 24);
      const clock = (h % 24) + 0.5;
      // UTC = local - offset: 00:30 CST on 1 January 2030 is 06:30 UTC.
      const sun = sunPosition(daysSinceJ2000(year, day, clock, IOWA.utcOffsetHours));
      const ha = hourAngleDeg(clock, IOWA.longitudeDeg, IOWA.utcOffsetHours, sun.equationOfTimeMin);
      const expected = zenithCosine(IOWA.latitudeDeg, sun.declinationRad, ha);
      expect(cz[h]).toBeCloseTo(expected, 12);
      expect(ghi[h]).toBeCloseTo(clearSkyGhiWPerM2(expected), 9);
    }
    expect(daysSinceJ2000(2030, 0, 0.5, -6)).toBeCloseTo(daysSinceJ2000(2030, 0, 6.5, 0), 12);
    expect(daysSinceJ2000(2000, 0, 12, 0)).toBe(0); // J2000.0 is 2000-01-01 12:00 UTC
  });

  it('is zero at local midnight every day, and all night in the polar winter', () => {
    for (const site of [IOWA, SOUTH, ON_MERIDIAN]) {
      const { clearSkyGhiWPerM2: ghi } = hourlySolarGeometry(site, 2030);
      for (let day = 0; day < 365; day++) {
        expect(ghi[day * 24]).toBe(0); // 00:00-01:00
        expect(ghi[day * 24 + 23]).toBe(0); // 23:00-24:00
      }
    }
    const arctic = hourlySolarGeometry({ latitudeDeg: 80, longitudeDeg: 15, utcOffsetHours: 1 }, 2030).clearSkyGhiWPerM2;
    const december = arctic.subarray(334 * 24, 365 * 24);
    expect(Math.max(...december)).toBe(0);
  });

  it('has a 15-hour June day and a 9-hour December day at 41.6 N (hours with the sun up at midpoint)', () => {
    const { clearSkyGhiWPerM2: ghi } = hourlySolarGeometry(IOWA, 2030);
    const sunHours = (day: number) => Array.from(ghi.subarray(day * 24, day * 24 + 24)).filter((g) => g > 0).length;
    expect(Math.abs(sunHours(171) - 15)).toBeLessThanOrEqual(1);
    expect(Math.abs(sunHours(354) - 9)).toBeLessThanOrEqual(1);
  });

  it('gives more summer than winter energy in the north, and the reverse in the south', () => {
    const energy = (ghi: Float64Array, fromDay: number, toDay: number) => ghi.subarray(fromDay * 24, toDay * 24).reduce((a, b) => a + b, 0);
    const north = hourlySolarGeometry(IOWA, 2030).clearSkyGhiWPerM2;
    const south = hourlySolarGeometry(SOUTH, 2030).clearSkyGhiWPerM2;
    // June-July (days 151-212) vs December-January (days 0-31 and 334-365), 62 days each.
    const summerN = energy(north, 151, 213);
    const winterN = energy(north, 0, 31) + energy(north, 334, 365);
    expect(summerN / winterN).toBeGreaterThan(2);
    const juneJulyS = energy(south, 151, 213);
    const decJanS = energy(south, 0, 31) + energy(south, 334, 365);
    expect(decJanS / juneJulyS).toBeGreaterThan(1.8);
  });

  it('covers 8,784 hours in a leap year and 8,760 otherwise', () => {
    expect(hourlySolarGeometry(IOWA, 2028).zenithCosine.length).toBe(8784);
    expect(hourlySolarGeometry(IOWA, 2029).zenithCosine.length).toBe(8760);
    // 31 December 2028 is day index 365 and still near the winter solstice.
    const ghi = hourlySolarGeometry(IOWA, 2028).clearSkyGhiWPerM2;
    const lastDayNoon = ghi[365 * 24 + 12]!;
    const firstDayNoon = ghi[12]!;
    expect(Math.abs(lastDayNoon - firstDayNoon) / firstDayNoon).toBeLessThan(0.03);
  });

  it('rejects impossible coordinates', () => {
    expect(() => hourlySolarGeometry({ latitudeDeg: 95, longitudeDeg: 0, utcOffsetHours: 0 }, 2030)).toThrow(/latitude 95/);
    expect(() => hourlySolarGeometry({ latitudeDeg: 10, longitudeDeg: 200, utcOffsetHours: 0 }, 2030)).toThrow(/longitude 200/);
  });
});
