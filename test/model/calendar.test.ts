import { describe, expect, it } from 'vitest';
import { dateOfHour, hourOfDate, hoursInYear, isLeapYear, isoOfHour, makeCalendar } from '../../src/model/calendar.js';

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
});
