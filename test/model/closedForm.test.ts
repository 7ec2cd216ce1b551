import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/model/calendar.js';
import { closedFormIsExact, runModelClosedForm } from '../../src/model/closedForm.js';
import {
  CLOSED_FORM_SUMMARY_METRICS,
  CLOSED_FORM_YEAR_METRICS,
  closedFormMetricCount,
  closedFormMetricLayout,
  closedFormMetrics,
  writeMetricsFromResult,
} from '../../src/model/closedFormMetrics.js';
import { energisedHoursInYear } from '../../src/model/energisedHours.js';
import { hourSpan } from '../../src/model/energy.js';
import type { ModelInputs, PhaseSpec } from '../../src/model/inputs.js';
import { runModel } from '../../src/model/runModel.js';
import { SUMMARY_METRICS } from '../../src/model/summary.js';
import { energisedFraction } from '../../src/model/vintages.js';
import { modelInputsArb } from './arbitraryInputs.js';
import { baseCaseInputs, byYear, makeInputs, oneChip, onePhase } from './fixtures.js';

const REL = 1e-9;
const ABS = 1e-9;

function close(a: number, b: number): boolean {
  if (Object.is(a, b)) return true;
  const diff = Math.abs(a - b);
  return diff <= ABS || diff <= REL * Math.max(Math.abs(a), Math.abs(b));
}

/** Paths where `actual` differs from `expected`: numbers beyond 1e-9 relative (1e-9 absolute near 0), anything else not identical. */
function differences(expected: unknown, actual: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !close(expected, actual)) out.push(`${path}: expected ${expected}, got ${String(actual)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) out.push(`${path}: expected ${expected.length} entries`);
    else expected.forEach((x, i) => differences(x, actual[i], `${path}[${i}]`, out));
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') out.push(`${path}: expected an object`);
    else {
      const keys = Object.keys(expected);
      if (keys.join() !== Object.keys(actual).join()) out.push(`${path}: keys ${keys.join()} vs ${Object.keys(actual).join()}`);
      for (const k of keys) differences((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], `${path}.${k}`, out);
    }
  } else if (expected !== actual) out.push(`${path}: expected ${String(expected)}, got ${String(actual)}`);
  return out;
}

/** The closed form against runModel: same success, same issues and warnings (text identical), results equal to 1e-9. */
function expectSameAsRunModel(inputs: ModelInputs): { ok: boolean } {
  const hourly = runModel(inputs);
  const closed = runModelClosedForm(inputs);
  expect(closed.ok).toBe(hourly.ok);
  expect(closed.warnings).toEqual(hourly.warnings);
  if (!hourly.ok || !closed.ok) {
    expect(!closed.ok && closed.issues).toEqual(!hourly.ok && hourly.issues);
  } else {
    const { hourly: _series, ...expected } = hourly.result;
    expect(differences(expected, closed.result)).toEqual([]);
  }
  // The lean vector: the same numbers as the full result, NaN and false when the run fails.
  const years = inputs.horizon.lastYear - inputs.horizon.firstYear + 1;
  const count = closedFormMetricCount(years, inputs.cost.tranches.length);
  const lean = new Float64Array(count + 1).fill(-1);
  const ok = closedFormMetrics(inputs, lean);
  expect(ok).toBe(hourly.ok);
  expect(lean[lean.length - 1]).toBe(-1); // nothing written past the layout
  if (hourly.ok) {
    const expected = new Float64Array(count);
    writeMetricsFromResult(hourly.result, expected);
    const bad = [...expected].flatMap((x, i) => (close(x, lean[i]!) ? [] : [`${i}: expected ${x}, got ${lean[i]}`]));
    expect(bad).toEqual([]);
  } else {
    expect([...lean.subarray(0, count)].every(Number.isNaN)).toBe(true);
  }
  return { ok: hourly.ok };
}

const MONTH_H = 730.5;
const phase = (overrides: Partial<PhaseSpec>): PhaseSpec => onePhase(overrides);
const tenYears = (overrides: Parameters<typeof makeInputs>[0] = {}) =>
  makeInputs({ horizon: { firstYear: 2026, lastYear: 2035 }, ...overrides });

describe('runModelClosedForm equals runModel', () => {
  it('on the shipped base case, with identical dates, peak hour and binding constraint', () => {
    const inputs = baseCaseInputs();
    expect(closedFormIsExact(inputs)).toBe(true);
    expectSameAsRunModel(inputs);
    const closed = runModelClosedForm(inputs);
    const hourly = runModel(inputs);
    if (!closed.ok || !hourly.ok) throw new Error('expected ok runs');
    expect(closed.result.envelope.peakAt).toBe('2029-12-30T15:00Z');
    expect(closed.result.envelope.peakAt).toBe(hourly.result.envelope.peakAt);
    // Peaks are evaluated exactly as the hourly path evaluates them: bit-identical.
    expect(closed.result.envelope.peakDesignLoadMw).toBe(hourly.result.envelope.peakDesignLoadMw);
    expect(closed.result.annual.map((a) => a.peakFacilityMw)).toEqual(hourly.result.annual.map((a) => a.peakFacilityMw));
    expect(closed.result.summary.map((r) => r.value).filter((v) => typeof v === 'string')).toEqual(['2029-12-30', 'envelope']);
  });

  it('on random inputs (fast-check): horizons with leap years, ramps 0-12 months, refreshes, capping, by-year values', () => {
    let ok = 0;
    let failed = 0;
    fc.assert(
      fc.property(modelInputsArb(), (inputs) => {
        if (expectSameAsRunModel(inputs).ok) ok++;
        else failed++;
      }),
      { numRuns: 250 },
    );
    // Both branches are exercised: valid runs and envelope violations / sizing errors.
    expect(ok).toBeGreaterThan(25);
    expect(failed).toBeGreaterThan(10);
  });

  it('on random inputs squeezed under the envelope (share POIs summing to at most 1, so most runs are valid)', () => {
    fc.assert(
      fc.property(modelInputsArb(), fc.double({ min: 0.05, max: 1, noNaN: true }), (inputs, scale) => {
        const total = inputs.phases.length;
        const phases = inputs.phases.map((p) => ({ ...p, poi: { kind: 'share' as const, share: (scale / total) * 0.999 } }));
        expectSameAsRunModel({ ...inputs, phases });
      }),
      { numRuns: 120 },
    );
  });
});

describe('closed form edge cases', () => {
  it('a phase energised before the horizon, its ramp running into it', () => {
    expectSameAsRunModel(tenYears({ phases: [phase({ energisedOn: '2025-09-15', rampHours: 6 * MONTH_H })] }));
    expectSameAsRunModel(tenYears({ phases: [phase({ energisedOn: '2020-01-01', rampHours: 12 * MONTH_H })] }));
  });

  it('a ramp crossing a year end, whole-hour (4,383 h) and half-hour (1 month = 730.5 h) ramps', () => {
    for (const rampHours of [6 * MONTH_H, MONTH_H, 5 * MONTH_H, 0.3, 0.5, 0.7, 1234.567]) {
      expectSameAsRunModel(tenYears({ phases: [phase({ energisedOn: '2026-12-15', rampHours })] }));
    }
  });

  it('retirement mid-ramp, with and without a refresh (the phase dips and ramps again)', () => {
    const chips = [oneChip(), oneChip({ name: 'next', allInPower: { method: 'explicit', allInW: 1500 } })];
    expectSameAsRunModel(
      tenYears({ chips, phases: [phase({ energisedOn: '2027-03-01', rampHours: 6 * MONTH_H, endOfLife: '2027-05-01', refreshTo: 'next' })] }),
    );
    expectSameAsRunModel(tenYears({ chips, phases: [phase({ energisedOn: '2027-03-01', rampHours: 6 * MONTH_H, endOfLife: '2027-05-01' })] }));
    // Refresh ramping across a year end while a second phase stays energised.
    expectSameAsRunModel(
      tenYears({
        chips,
        phases: [
          phase({ name: 'a', poi: { kind: 'share', share: 0.5 }, energisedOn: '2026-02-01', rampHours: MONTH_H, endOfLife: '2030-11-20', refreshTo: 'next' }),
          phase({ name: 'b', poi: { kind: 'share', share: 0.5 }, energisedOn: '2026-06-01', rampHours: 3 * MONTH_H }),
        ],
      }),
    );
  });

  it('a zero-chip phase (below one packaging unit) keeps its aux and critical IT but draws nothing', () => {
    const chips = [oneChip(), oneChip({ name: 'big', chipsPerUltraserver: 1_000_000 })];
    const inputs = tenYears({
      chips,
      facility: { auxiliaryLoadMw: 5 },
      phases: [
        phase({ name: 'a', poi: { kind: 'share', share: 0.6 }, rampHours: 2 * MONTH_H }),
        phase({ name: 'z', poi: { kind: 'share', share: 0.4 }, chip: 'big', energisedOn: '2027-07-01', rampHours: 3 * MONTH_H }),
      ],
    });
    expectSameAsRunModel(inputs);
    expect(runModelClosedForm(inputs).warnings.map((w) => w.code)).toEqual(['phase_below_packaging_unit']);
  });

  it('an envelope violation gives the same issue text (first hour, phases, hours over, worst excess)', () => {
    const inputs = tenYears({
      phases: [
        phase({ name: 'a', poi: { kind: 'share', share: 0.7 }, rampHours: 6 * MONTH_H }),
        phase({ name: 'b', poi: { kind: 'share', share: 0.7 }, energisedOn: '2026-03-01', rampHours: MONTH_H, endOfLife: '2029-03-01' }),
      ],
    });
    expectSameAsRunModel(inputs);
    const closed = runModelClosedForm(inputs);
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.issues[0]).toMatchObject({ code: 'envelope_exceeded', phases: ['a', 'b'] });
  });

  it('sizing errors, an empty phase list, full build-out after the horizon, phases after the horizon', () => {
    expectSameAsRunModel(tenYears({ phases: [] }));
    expectSameAsRunModel(tenYears({ phases: [phase({ poi: { kind: 'mw', mw: 0 } })] }));
    expectSameAsRunModel(tenYears({ phases: [phase({ endOfLife: '2026-01-01' })] }));
    expectSameAsRunModel(tenYears({ phases: [phase({ energisedOn: '2035-12-31', rampHours: 12 * MONTH_H })] }));
    expectSameAsRunModel(tenYears({ phases: [phase({ energisedOn: '2040-01-01' })] }));
    expectSameAsRunModel(tenYears({ phases: [phase({ energisedOn: '2035-12-31' })] }));
  });

  it('leap-year and century horizons, one-year horizons, by-year PUE and power ratio', () => {
    for (const [firstYear, lastYear] of [[2028, 2028], [2099, 2101], [2024, 2033]] as const) {
      const n = lastYear - firstYear + 1;
      expectSameAsRunModel(
        makeInputs({
          horizon: { firstYear, lastYear },
          facility: { annualPue: Array.from({ length: n }, (_, i) => 1.1 + 0.01 * i) },
          utilisation: { powerRatio: Array.from({ length: n }, (_, i) => 0.5 + 0.03 * i) },
          phases: [phase({ energisedOn: `${firstYear}-02-28`, rampHours: 2 * MONTH_H })],
        }),
      );
    }
  });

  it('oversubscription with power capping', () => {
    expectSameAsRunModel(
      tenYears({
        chips: [oneChip({ powerRatio: 1 })],
        utilisation: { oversubscriptionRatio: 1.3, powerRatio: byYear(10, 0.9) },
        phases: [phase({ rampHours: 4 * MONTH_H })],
      }),
    );
  });
});

describe('closedFormIsExact and the fallback', () => {
  it('is false with a partial-load PUE term (c > 0); both entries then fall back to runModel', () => {
    const inputs = tenYears({
      facility: { partialLoadPueCoefficient: 0.05, partialLoadReferenceLoad: 0.75 },
      phases: [phase({ rampHours: 6 * MONTH_H })],
    });
    expect(closedFormIsExact(inputs)).toBe(false);
    expect(closedFormIsExact(tenYears())).toBe(true);
    expectSameAsRunModel(inputs);
  });

  it('falls back on random partial-load inputs too', () => {
    fc.assert(
      fc.property(modelInputsArb({ partialLoad: true }), (inputs) => {
        expect(closedFormIsExact(inputs)).toBe(false);
        expectSameAsRunModel(inputs);
      }),
      { numRuns: 15 },
    );
  });
});

describe('energisedHoursInYear', () => {
  it('equals the hour-by-hour sum of midpoint fractions (random starts, ends, ramps and years)', () => {
    const H = 3 * 8760;
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -20_000, max: H + 100 }), fc.double({ min: -20_000, max: H + 100, noNaN: true })),
        fc.option(fc.integer({ min: 1, max: 30_000 }), { nil: null }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 9000, noNaN: true }), fc.integer({ min: 1, max: 12 }).map((m) => m * MONTH_H)),
        fc.integer({ min: 0, max: 2 }),
        (start, life, ramp, y) => {
          const end = life === null ? Infinity : start + life;
          const span = hourSpan(start, end, ramp, H);
          const ys = y * 8760;
          const ye = ys + 8760;
          let brute = 0;
          for (let t = Math.max(ys, span.h0); t < Math.min(ye, span.h1); t++) brute += energisedFraction(t, start, end, ramp);
          const closed = energisedHoursInYear(span, start, ramp > 0 ? ramp : 0, ys, ye);
          expect(Math.abs(closed - brute)).toBeLessThanOrEqual(1e-9 * Math.max(1, brute));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('by hand: a 1-month (730.5 h) ramp from hour 0 gives 730 ramp hours summing to 730^2 / 2 / 730.5, then full hours', () => {
    const span = hourSpan(0, Infinity, MONTH_H, 8760);
    expect(span.rampEnd).toBe(730); // hour 730's midpoint 730.5 reaches the ramp end: a full hour
    expect(energisedHoursInYear(span, 0, MONTH_H, 0, 8760)).toBeCloseTo((730 * 730) / 2 / MONTH_H + (8760 - 730), 9);
    // Energised 1 July (hour 4,344) with no ramp: 4,416 hours.
    expect(energisedHoursInYear(hourSpan(4344, Infinity, 0, 8760), 4344, 0, 0, 8760)).toBe(4416);
  });
});

describe('closedFormMetrics layout', () => {
  it('is the numeric summary metrics, then each tranche\'s share, then per year the energy, procurement and emissions block', () => {
    const tranches = [{ name: 'upfront' }, { name: 'milestones' }];
    const layout = closedFormMetricLayout({ firstYear: 2026, lastYear: 2035 }, tranches);
    expect(layout).toHaveLength(closedFormMetricCount(10, 2));
    expect(CLOSED_FORM_SUMMARY_METRICS.map((m) => m.metric)).toEqual(
      SUMMARY_METRICS.filter((m) => m.metric !== 'full_buildout_date' && m.metric !== 'binding_constraint').map((m) => m.metric),
    );
    expect(CLOSED_FORM_YEAR_METRICS.map((m) => m.metric)).toEqual([
      'it_energy_mwh',
      'facility_energy_mwh',
      'clean_energy_target_mwh',
      'new_clean_energy_mwh',
      'clean_nameplate_solar_mw',
      'clean_nameplate_onshore_wind_mw',
      'clean_nameplate_offshore_wind_mw',
      'clean_nameplate_clean_firm_mw',
      'emissions_location_tco2e',
      'emissions_market_tco2e',
    ]);
    const t = CLOSED_FORM_SUMMARY_METRICS.length;
    expect(layout[t]).toEqual({ metric: 'tranche_upfront_share_of_full_buildout_capex', unit: 'ratio', year: 'all' });
    expect(layout[t + 1]).toEqual({ metric: 'tranche_milestones_share_of_full_buildout_capex', unit: 'ratio', year: 'all' });
    const s = t + tranches.length;
    expect(layout[s]).toEqual({ metric: 'it_energy_mwh', unit: 'MWh', year: 2026 });
    expect(layout[s + CLOSED_FORM_YEAR_METRICS.length * 9 + 9]).toEqual({ metric: 'emissions_market_tco2e', unit: 'tCO2e', year: 2035 });
    // Every summary value the model reports as a number is in the vector, but a tranche's year.
    const inputs = baseCaseInputs();
    const outcome = runModel(inputs);
    if (!outcome.ok) throw new Error('expected ok');
    const numeric = outcome.result.summary.filter((r) => typeof r.value === 'number' && !r.metric.endsWith('_capex_exceeds_year')).map((r) => r.metric);
    const full = closedFormMetricLayout(inputs.horizon, inputs.cost.tranches);
    expect(full.filter((m) => m.year === 'all').map((m) => m.metric)).toEqual(numeric);
  });

  it('throws when out is too short', () => {
    expect(() => closedFormMetrics(baseCaseInputs(), new Float64Array(3))).toThrow(/expected >=/);
  });

  it('calendar cache: results do not depend on call order across horizons', () => {
    const a = baseCaseInputs();
    const b = makeInputs({ horizon: { firstYear: 2027, lastYear: 2029 } });
    const first = runModelClosedForm(a);
    runModelClosedForm(b);
    expect(runModelClosedForm(a)).toEqual(first);
    expect(makeCalendar(2027, 2029).totalHours).toBe(8760 + 8784 + 8760);
  });
});
