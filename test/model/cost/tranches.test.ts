import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../../src/model/assemble.js';
import { COST_FIGURE_COUNT, capexFullBuildoutUsd, costFigures } from '../../../src/model/cost/costFigures.js';
import {
  conditionMetYear,
  conditionText,
  criticalItReachedHour,
  energisedCriticalItMwAt,
  trancheRows,
} from '../../../src/model/cost/tranches.js';
import type { InvestmentTranche } from '../../../src/model/cost/types.js';
import { hourOfDate, isoOfHour } from '../../../src/model/calendar.js';
import { TECHNOLOGIES } from '../../../src/model/inputs.js';
import type { Vintage } from '../../../src/model/vintages.js';
import { vintageTable } from '../../../src/model/vintageTable.js';
import { makeInputs, onePhase } from '../fixtures.js';
import { costInputs } from './costFixture.js';

const MONTH_H = 730.5;

// Two 62.5 MW-POI phases of 50 MW critical IT each (125 MW envelope, PUE 1.25, no headroom):
// a energised 2026-01-01 at once; b from 2027-07-01 with an 8-month (5,844 h) ramp, full at 2028-02-29T12:00Z.
const inputs = makeInputs({
  horizon: { firstYear: 2026, lastYear: 2030 },
  phases: [
    onePhase({ name: 'a', poi: { kind: 'share', share: 0.5 } }),
    onePhase({ name: 'b', poi: { kind: 'share', share: 0.5 }, energisedOn: '2027-07-01', rampHours: 8 * MONTH_H }),
  ],
});
const prepared = prepareRun(inputs);
if (!prepared.ok) throw new Error('expected a valid plan');
const vintages: Vintage[] = prepared.run.vintages;
const cost = costInputs(5);
const figures = costFigures(
  cost,
  { firstYear: 2026, years: 5 },
  vintageTable(vintages),
  new Float64Array(5 * (1 + TECHNOLOGIES.length)),
  { stride: 1 + TECHNOLOGIES.length, facilityEnergyMwh: 0, technologyEnergyMwh: 1 },
  new Float64Array(5 * COST_FIGURE_COUNT),
);
// Each phase: facility 50 MW x 11 M = 0.55 bn; 50,000 chips x 23,000 = 1.15 bn -> 1.7 bn, booked 2026 and 2027.
const FULL = 3.4e9;

describe('energised critical IT and when it reaches a level', () => {
  it('is 50 MW from 2026, ramps linearly from 2027-07-01, 100 MW from 2028-02-29T12:00Z', () => {
    const b = hourOfDate('2027-07-01', 2026);
    expect(energisedCriticalItMwAt(vintages, b - 1)).toBeCloseTo(50, 9);
    expect(energisedCriticalItMwAt(vintages, b + 4 * MONTH_H)).toBeCloseTo(75, 9);
    expect(isoOfHour(b + 8 * MONTH_H, 2026)).toBe('2028-02-29T12:00Z');
    expect(energisedCriticalItMwAt(vintages, b + 8 * MONTH_H)).toBeCloseTo(100, 9);
  });

  it('reaches 50 MW at the first start, 75 MW half-way up the ramp (2027-10-30T18:00Z), 100 MW at the ramp end, 150 MW never', () => {
    expect(criticalItReachedHour(vintages, 50)).toBe(0);
    expect(criticalItReachedHour(vintages, 0)).toBe(0);
    // (the 1e-9 relative "reaches" tolerance moves a crossing on a ramp earlier by microseconds)
    expect(criticalItReachedHour(vintages, 75)!).toBeCloseTo(hourOfDate('2027-07-01', 2026) + 4 * MONTH_H, 4);
    expect(isoOfHour(hourOfDate('2027-07-01', 2026) + 4 * MONTH_H, 2026)).toBe('2027-10-30T18:00Z');
    // "reaches" allows a few ulps: the ramp end itself, where the sum is 100 to rounding.
    expect(criticalItReachedHour(vintages, 100)!).toBeCloseTo(hourOfDate('2027-07-01', 2026) + 8 * MONTH_H, 4);
    expect(criticalItReachedHour(vintages, 150)).toBeNull();
  });

  it('a retirement before the level is reached resets the climb: the refresh must reach it again', () => {
    const v = prepareRun(
      makeInputs({
        horizon: { firstYear: 2026, lastYear: 2030 },
        phases: [onePhase({ rampHours: 12 * MONTH_H, endOfLife: '2026-04-01', refreshTo: 'chip' })],
      }),
    );
    if (!v.ok) throw new Error('expected a valid plan');
    // Vintage 1 reaches 100 x 2,160 / 8,766 = 24.6 MW by 2026-04-01 and retires; the refresh ramps from 0 again.
    const hour = criticalItReachedHour(v.run.vintages, 50)!;
    expect(hour).toBeCloseTo(hourOfDate('2026-04-01', 2026) + 6 * MONTH_H, 4);
  });
});

describe('tranche coverage on a hand-built case', () => {
  const tranches: InvestmentTranche[] = [
    { name: 'upfront', amountUsd: 1e9, condition: { kind: 'date', date: '2026-03-01' } },
    { name: 'half', amountUsd: 2e9, condition: { kind: 'energised_critical_it', mw: 75 } },
    { name: 'exact', amountUsd: 0.4e9, condition: { kind: 'energised_critical_it', mw: 100 } },
    { name: 'beyond', amountUsd: 1e9, condition: { kind: 'energised_critical_it', mw: 150 } },
  ];
  const rows = trancheRows(tranches, vintages, { firstYear: 2026, years: 5 }, figures, capexFullBuildoutUsd(cost, vintageTable(vintages)));

  it('accumulates amounts in order', () => {
    expect(capexFullBuildoutUsd(cost, vintageTable(vintages))).toBeCloseTo(FULL, 0);
    expect(rows.map((r) => [r.name, r.amountUsd, r.cumulativeUsd])).toEqual([
      ['upfront', 1e9, 1e9],
      ['half', 2e9, 3e9],
      ['exact', 0.4e9, 3.4e9],
      ['beyond', 1e9, 4.4e9],
    ]);
  });

  it('condition met: the date\'s year; the year energised critical IT reaches the MW; null when it never does', () => {
    expect(rows.map((r) => r.conditionMetYear)).toEqual([2026, 2027, 2028, null]);
    expect(rows.map((r) => r.condition)).toEqual(['date=2026-03-01', 'energised_critical_it_mw=75', 'energised_critical_it_mw=100', 'energised_critical_it_mw=150']);
  });

  it('capex reaches the cumulative amount: 1.7 bn by 2026, 3.4 bn by 2027 (equality counts), never 4.4 bn', () => {
    expect(rows.map((r) => r.capexExceedsYear)).toEqual([2026, 2027, 2027, null]);
  });

  it('share of the full build-out capex (3.4 bn) the cumulative amount covers; above 1 when funding exceeds the build', () => {
    expect(rows[0]!.shareOfFullBuildoutCapex).toBeCloseTo(1 / 3.4, 12);
    expect(rows[1]!.shareOfFullBuildoutCapex).toBeCloseTo(3 / 3.4, 12);
    expect(rows[2]!.shareOfFullBuildoutCapex).toBeCloseTo(1, 12);
    expect(rows[3]!.shareOfFullBuildoutCapex).toBeCloseTo(4.4 / 3.4, 12);
    expect(trancheRows(tranches, vintages, { firstYear: 2026, years: 5 }, figures, 0)[0]!.shareOfFullBuildoutCapex).toBe(0);
  });

  it('a date outside the horizon still gives its year', () => {
    expect(conditionMetYear({ kind: 'date', date: '2040-06-30' }, vintages, 2026)).toBe(2040);
    expect(conditionText({ kind: 'date', date: '2040-06-30' })).toBe('date=2040-06-30');
  });
});
