import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../../src/model/calendar.js';
import { localYearLoadMw, reshapeLoadMw } from '../../../src/model/cfe/hourlyLoad.js';

describe('localYearLoadMw', () => {
  const calendar = makeCalendar(2027, 2029); // 8,760 + 8,784 + 8,760 hours
  const utcHourIndex = Float64Array.from({ length: calendar.totalHours }, (_, t) => t);

  it('takes the year in local standard time: UTC-5 starts 5 UTC hours later', () => {
    const load = localYearLoadMw(utcHourIndex, calendar, 2028, -5);
    expect(load.length).toBe(8784);
    expect(load[0]).toBe(8760 + 5);
    expect(load[8783]).toBe(8760 + 8783 + 5);
    expect(Array.from(localYearLoadMw(utcHourIndex, calendar, 2028, 0).subarray(0, 2))).toEqual([8760, 8761]);
  });

  it('repeats the nearest modelled hour outside the horizon', () => {
    expect(localYearLoadMw(utcHourIndex, calendar, 2027, 3)[0]).toBe(0); // would be UTC hour -3
    const last = localYearLoadMw(utcHourIndex, calendar, 2029, -8);
    expect(last[8759]).toBe(calendar.totalHours - 1);
  });

  it('rejects a year outside the horizon', () => {
    expect(() => localYearLoadMw(utcHourIndex, calendar, 2030, 0)).toThrow(/outside the modelled horizon 2027-2029/);
  });
});

describe('reshapeLoadMw', () => {
  it('keeps the energy and follows a daily shape', () => {
    const flat = new Float64Array(48).fill(100);
    const shape = Array.from({ length: 24 }, (_, h) => (h < 12 ? 1 : 3));
    const shaped = reshapeLoadMw(flat, shape);
    expect(shaped.reduce((a, b) => a + b, 0)).toBeCloseTo(4800, 9);
    expect(shaped[0]).toBeCloseTo(50, 12);
    expect(shaped[12]).toBeCloseTo(150, 12);
    expect(shaped[36]).toBeCloseTo(150, 12);
  });

  it('accepts a full-year shape and rejects other lengths', () => {
    const load = Float64Array.from([10, 20, 30]);
    const shaped = reshapeLoadMw(load, [1, 1, 2]);
    expect(shaped.reduce((a, b) => a + b, 0)).toBeCloseTo(60, 12);
    expect(shaped[2]! / shaped[1]!).toBeCloseTo(3, 12);
    expect(() => reshapeLoadMw(load, [1, 2])).toThrow(/3 hourly values or 24/);
  });
});
