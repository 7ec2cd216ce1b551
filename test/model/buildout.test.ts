import { describe, expect, it } from 'vitest';
import { firstFullYearIndex, fullBuildoutHour, headlineVintages } from '../../src/model/buildout.js';
import { makeCalendar } from '../../src/model/calendar.js';
import { runModel } from '../../src/model/runModel.js';
import type { Vintage } from '../../src/model/vintages.js';
import { makeInputs, onePhase, runOk, summaryValue } from './fixtures.js';

const v = (vintage: number, startHour: number, rampHours: number, endHour = Infinity) =>
  ({ vintage, startHour, rampHours, endHour }) as unknown as Vintage;

describe('full build-out', () => {
  it('is the latest first-vintage start + ramp; refresh vintages do not move it', () => {
    expect(fullBuildoutHour([v(1, 0, 100), v(1, 50, 200), v(2, 9000, 4383)])).toBe(250);
  });

  it('headline fleet: vintages installed at T_full (start <= T_full < end)', () => {
    const a = v(1, 0, 0, 100);
    const b = v(1, 50, 200);
    const c = v(2, 100, 0);
    expect(headlineVintages([a, b, c], 250)).toEqual([b, c]);
  });

  it('first full year: the first calendar year starting at or after T_full', () => {
    const cal = makeCalendar(2026, 2030);
    expect(firstFullYearIndex(cal, 0)).toEqual({ yearIndex: 0, beyondHorizon: false });
    expect(firstFullYearIndex(cal, 1)).toEqual({ yearIndex: 1, beyondHorizon: false });
    expect(firstFullYearIndex(cal, 8760)).toEqual({ yearIndex: 1, beyondHorizon: false });
    expect(firstFullYearIndex(cal, 1e6)).toEqual({ yearIndex: 4, beyondHorizon: true });
  });

  it('base-like dates: energised 2029-07-01 with a 4,383 h ramp is full at 2029-12-30T15:00Z; first full year 2030', () => {
    const result = runOk(
      makeInputs({ horizon: { firstYear: 2029, lastYear: 2031 }, phases: [onePhase({ energisedOn: '2029-07-01', rampHours: 4383 })] }),
    );
    expect(summaryValue(result, 'full_buildout_date')).toBe('2029-12-30');
    expect(summaryValue(result, 'first_full_year')).toBe(2030);
  });

  it('warns and uses the last year when the build-out ends after the horizon', () => {
    const outcome = runModel(makeInputs({ phases: [onePhase({ name: 'late', energisedOn: '2027-10-01', rampHours: 4383 })] }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.warnings).toEqual([expect.objectContaining({ severity: 'warning', code: 'full_buildout_after_horizon', phases: ['late'] })]);
    expect(summaryValue(outcome.result, 'first_full_year')).toBe(2027);
  });
});
