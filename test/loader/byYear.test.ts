import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandByYear } from '../../src/loader/byYear.js';

describe('expandByYear', () => {
  it('repeats a single value over the horizon', () => {
    expect(expandByYear(1.14, 2026, 2028)).toEqual([1.14, 1.14, 1.14]);
  });

  it('holds each listed value until the next listed year', () => {
    const schedule = [
      { year: 2030, value: 1.1 },
      { year: 2026, value: 1.14 },
    ];
    expect(expandByYear(schedule, 2026, 2032)).toEqual([1.14, 1.14, 1.14, 1.14, 1.1, 1.1, 1.1]);
  });

  it('gives years before the first listed year the first value', () => {
    expect(expandByYear([{ year: 2028, value: 2 }], 2026, 2029)).toEqual([2, 2, 2, 2]);
  });

  it('takes, for every year, the latest listed value at or before it', () => {
    const steps = fc.uniqueArray(fc.record({ year: fc.integer({ min: 2000, max: 2060 }), value: fc.double({ noNaN: true }) }), {
      minLength: 1,
      selector: (s) => s.year,
    });
    fc.assert(
      fc.property(steps, fc.integer({ min: 2000, max: 2060 }), fc.integer({ min: 0, max: 30 }), (schedule, first, span) => {
        const values = expandByYear(schedule, first, first + span);
        expect(values).toHaveLength(span + 1);
        values.forEach((value, i) => {
          const atOrBefore = schedule.filter((s) => s.year <= first + i).sort((a, b) => b.year - a.year)[0];
          const firstListed = [...schedule].sort((a, b) => a.year - b.year)[0]!;
          expect(value).toBe((atOrBefore ?? firstListed).value);
        });
      }),
    );
  });
});
