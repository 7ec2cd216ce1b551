import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfHour, hourOfDate, hoursInYear, isLeapYear, isoDateOfEpochDay, isoOfHour, makeCalendar } from '../../src/model/calendar.js';

describe('calendar', () => {
  it('knows leap years: 2028 and 2032 have 8,784 hours, 2100 is not leap, 2000 is', () => {
    expect(hoursInYear(2027)).toBe(8760);
    expect(hoursInYear(2028)).toBe(8784);
    expect(hoursInYear(2032)).toBe(8784);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it('lays out the base horizon 2026-2035: 8 x 8,760 + 2 x 8,784 = 87,648 hours', () => {
    const c = makeCalendar(2026, 2035);
    expect(c.years).toBe(10);
    expect(c.totalHours).toBe(8 * 8760 + 2 * 8784);
    // 2028 starts after 2026 and 2027: 2 x 8,760 = 17,520; 2029 after 2028's 8,784 more.
    expect(c.yearStartHour[2]).toBe(17_520);
    expect(c.yearStartHour[3]).toBe(17_520 + 8784);
  });

  it('reads dates as 00:00 UTC, in hours from the horizon start', () => {
    // 1 July 2026: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30 = 181 days = 4,344 h
    expect(hourOfDate('2026-07-01', 2026)).toBe(4344);
    expect(hourOfDate('2026-01-01', 2026)).toBe(0);
    expect(hourOfDate('2025-12-31', 2026)).toBe(-24);
    // 2028-03-01 in a leap year: 2 x 8,760 + (31 + 29) x 24
    expect(hourOfDate('2028-03-01', 2026)).toBe(17_520 + 60 * 24);
  });

  it('rejects malformed or impossible dates as internal faults', () => {
    expect(() => hourOfDate('2026-02-30', 2026)).toThrow(/does not exist/);
    expect(() => hourOfDate('1 July 2026', 2026)).toThrow(/YYYY-MM-DD/);
  });

  it('writes hours back as ISO instants and dates', () => {
    expect(isoOfHour(0, 2026)).toBe('2026-01-01T00:00Z');
    expect(isoOfHour(4344 + 15, 2026)).toBe('2026-07-01T15:00Z');
    expect(dateOfHour(4344 + 23.5, 2026)).toBe('2026-07-01');
  });

  // hourOfDate, isoOfHour and dateOfHour are plain arithmetic (the closed form calls them per
  // sample); they must agree with Date, which they replaced, everywhere.
  const yearStartMs = (year: number) => {
    const d = new Date(0);
    d.setUTCFullYear(year, 0, 1);
    return d.getTime();
  };
  const dateHour = (date: string, firstYear: number) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)!;
    const d = new Date(yearStartMs(Number(m[1])));
    d.setUTCMonth(Number(m[2]) - 1, Number(m[3]));
    const exists = d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
    return exists ? (d.getTime() - yearStartMs(firstYear)) / 3_600_000 : 'does not exist';
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  it('isoDateOfEpochDay agrees with Date for every day of years 0-9999, and declines fractions and years outside', () => {
    const mismatches: number[] = [];
    const first = Math.round(yearStartMs(0) / 86_400_000);
    const last = Math.round(yearStartMs(10_000) / 86_400_000) - 1;
    for (let day = first; day <= last; day++) {
      if (isoDateOfEpochDay(day) !== new Date(day * 86_400_000).toISOString().slice(0, 10)) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect([isoDateOfEpochDay(first - 1), isoDateOfEpochDay(last + 1), isoDateOfEpochDay(0.5)]).toEqual([undefined, undefined, undefined]);
  });

  it('hourOfDate agrees with Date for every day 1899-2201 and any horizon start, and rejects what Date rejects', () => {
    const mismatches: string[] = [];
    for (let year = 1899; year <= 2201; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const date = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
          let actual: number | string;
          try {
            actual = hourOfDate(date, 2026);
          } catch (e) {
            actual = /does not exist/.test((e as Error).message) ? 'does not exist' : (e as Error).message;
          }
          if (actual !== dateHour(date, 2026)) mismatches.push(date);
        }
      }
    }
    expect(mismatches).toEqual([]);
    for (const firstYear of [1, 1600, 2000, 2100, 9999]) expect(hourOfDate('2026-03-01', firstYear)).toBe(dateHour('2026-03-01', firstYear));
    for (const bad of ['2026-1-01', '2026/01/01', ' 2026-01-01', '2026-01-01 ', '2026-01-0x', '', '+2026-01-01']) {
      expect(() => hourOfDate(bad, 2026)).toThrow(/YYYY-MM-DD/);
    }
  });

  it('isoOfHour and dateOfHour agree with Date.toISOString, whole and fractional hours', () => {
    const viaDate = (hour: number, firstYear: number) => new Date(yearStartMs(firstYear) + Math.floor(hour * 3_600_000)).toISOString();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9998 }),
        fc.oneof(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.double({ min: -2e6, max: 2e6, noNaN: true })),
        (firstYear, hour) => {
          const iso = viaDate(hour, firstYear);
          expect(isoOfHour(hour, firstYear)).toBe(`${iso.slice(0, 16)}Z`);
          expect(dateOfHour(hour, firstYear)).toBe(iso.slice(0, 10));
        },
      ),
      { numRuns: 3000 },
    );
    const mismatches: number[] = [];
    for (let hour = -50_000; hour < 200_000; hour += 7) if (isoOfHour(hour + 0.5, 2026) !== `${viaDate(hour + 0.5, 2026).slice(0, 16)}Z`) mismatches.push(hour);
    expect(mismatches).toEqual([]);
  });
});
