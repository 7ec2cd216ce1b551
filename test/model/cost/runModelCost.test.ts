import { describe, expect, it } from 'vitest';
import { runModelClosedForm } from '../../../src/model/closedForm.js';
import { closedFormMetricCount, closedFormMetricLayout, closedFormMetrics } from '../../../src/model/closedFormMetrics.js';
import { baseCaseInputs, makeInputs, onePhase, runOk, summaryValue } from '../fixtures.js';
import { costInputs } from './costFixture.js';

// CRF(7%, 30) and CRF(7%, 5) by hand (annualised.test.ts).
const CRF30 = 0.0805864;
const CRF5 = 0.2438907;

describe('cost through runModel, on a hand-built one-phase case', () => {
  // 125 MW POI, no headroom, PUE 1.25: 100 MW critical IT, 100,000 chips of 1,000 W (2,000 FP8 TFLOP/s each),
  // energised 2026-01-01 at once, so T_full = 2026-01-01 and the first full year is 2026.
  // 2026: IT 100,000 x 1 kW x 0.5 x 8,760 h = 438,000 MWh; facility x 1.1 = 481,800 MWh, all of it matched.
  const inputs = makeInputs({ horizon: { firstYear: 2026, lastYear: 2030 }, phases: [onePhase()], cost: costInputs(5) });
  const result = runOk(inputs);

  it('writes one cost row per year with the capex booked in 2026', () => {
    expect(result.cost.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(result.cost[0]!.capexTotalUsd).toBeCloseTo(3.4e9, 0);
    expect(result.cost[0]!.opexEnergyUsd).toBeCloseTo(481_800 * 80, 4);
    expect(result.cost[0]!.opexProcurementPremiumUsd).toBeCloseTo(-21 * 481_800, 4);
  });

  it('summary: capex at full build-out and per POI MW and per peak PFLOP/s; first full year per EFLOP and energy share', () => {
    expect(summaryValue(result, 'capex_full_buildout_usd')).toBeCloseTo(3.4e9, 0);
    // 3.4 bn / 125 MW of POI = 27.2 M USD/MW; / (100,000 x 2,000 / 1,000 = 200,000 PFLOP/s) = 17,000 USD/(PFLOP/s)
    expect(summaryValue(result, 'capex_usd_per_poi_mw')).toBeCloseTo(27.2e6, 3);
    expect(summaryValue(result, 'capex_usd_per_peak_fp8_pflops')).toBeCloseTo(17_000, 6);
    // 2026: 1.1 bn x CRF30 + 2.3 bn x CRF5 + 38.544 M - 10.1178 M + 57 M = 735.020 M USD
    const annualised = 1.1e9 * CRF30 + 2.3e9 * CRF5 + 481_800 * 80 - 21 * 481_800 + 57e6;
    expect(Number(summaryValue(result, 'annualised_cost_usd')) / annualised).toBeCloseTo(1, 6);
    // Delivered: 100,000 chips x 8,760 h x 1e15 FLOP/s (BF16) x 0.4 MFU x 3,600 s / 1e18 = 1,261,440,000 EFLOP
    expect(summaryValue(result, 'delivered_compute_eflop')).toBeCloseTo(1_261_440_000, 3);
    expect(Number(summaryValue(result, 'cost_usd_per_delivered_eflop')) / (annualised / 1_261_440_000)).toBeCloseTo(1, 6);
    expect(Number(summaryValue(result, 'energy_share_of_annualised_cost')) / ((481_800 * 80) / annualised)).toBeCloseTo(1, 6);
  });

  it('no tranches, no tranche rows; the closed form gives the same rows', () => {
    expect(result.tranches).toEqual([]);
    const closed = runModelClosedForm(inputs);
    if (!closed.ok) throw new Error('expected ok');
    expect(closed.result.cost).toEqual(result.cost);
  });
});

describe('cost on the shipped base case', () => {
  const result = runOk(baseCaseInputs());
  const cumulative = (year: number) => result.cost.find((r) => r.year === year)!.cumulativeCapexUsd;

  it('capex at full build-out is the cumulative capex through T_full\'s year (2029): refreshes come later (2031, 2032)', () => {
    expect(summaryValue(result, 'full_buildout_date')).toBe('2029-12-30');
    expect(Number(summaryValue(result, 'capex_full_buildout_usd')) / cumulative(2029)).toBeCloseTo(1, 12);
    expect(cumulative(2035)).toBeGreaterThan(cumulative(2029));
    // Refresh IT in 2031 and 2032, no facility.
    expect(result.cost.filter((r) => r.year >= 2030).map((r) => r.capexFacilityUsd)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.cost.filter((r) => r.capexItUsd > 0).map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2031, 2032]);
  });

  it('lands in the published all-in range: 29-35 bn USD per GW (Epoch, Bernstein) of 2 GW', () => {
    const perGw = Number(summaryValue(result, 'capex_full_buildout_usd')) / 2;
    expect(perGw).toBeGreaterThan(25e9);
    expect(perGw).toBeLessThan(40e9);
  });

  it('tranches: upfront paid 2026, the 1 GW milestone met in 2028, in payment order with growing coverage', () => {
    expect(result.tranches.map((t) => [t.name, t.conditionMetYear])).toEqual([
      ['upfront', 2026],
      ['milestones', 2028],
    ]);
    const [upfront, milestones] = result.tranches;
    expect(milestones!.cumulativeUsd).toBeCloseTo(upfront!.amountUsd + milestones!.amountUsd, 0);
    expect(upfront!.shareOfFullBuildoutCapex).toBeLessThan(milestones!.shareOfFullBuildoutCapex);
    // capex_exceeds_year is the first year whose cumulative capex reaches the cumulative amount.
    for (const t of result.tranches) {
      const y = t.capexExceedsYear!;
      expect(cumulative(y)).toBeGreaterThanOrEqual(t.cumulativeUsd);
      if (y > 2026) expect(cumulative(y - 1)).toBeLessThan(t.cumulativeUsd);
    }
  });

  it('annualised cost = capital charge + opex, never NaN; energy is a minority share', () => {
    for (const r of result.cost) {
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      expect(r.capexTotalUsd).toBeCloseTo(r.capexFacilityUsd + r.capexItUsd + r.capexNetworkUsd, 0);
    }
    const share = Number(summaryValue(result, 'energy_share_of_annualised_cost'));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.5);
  });
});

describe('cost in the closed form (the Monte Carlo path)', () => {
  it('gives the hourly model\'s cost rows, tranche rows and cost metrics on the base case', () => {
    const inputs = baseCaseInputs();
    const hourly = runOk(inputs);
    const closed = runModelClosedForm(inputs);
    if (!closed.ok) throw new Error('expected ok');
    const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    closed.result.cost.forEach((row, y) => {
      for (const [k, v] of Object.entries(row)) expect(rel(v, hourly.cost[y]![k as keyof typeof row]), `${row.year} ${k}`).toBe(true);
    });
    expect(closed.result.tranches).toEqual(hourly.tranches);
    // The lean vector carries the cost metrics, so uncertainty runs give them ranges.
    const layout = closedFormMetricLayout(inputs.horizon, inputs.cost.tranches);
    const out = new Float64Array(closedFormMetricCount(10, inputs.cost.tranches.length));
    expect(closedFormMetrics(inputs, out)).toBe(true);
    for (const metric of ['capex_full_buildout_usd', 'capex_usd_per_poi_mw', 'capex_usd_per_peak_fp8_pflops', 'annualised_cost_usd', 'cost_usd_per_delivered_eflop', 'energy_share_of_annualised_cost']) {
      const k = layout.findIndex((m) => m.metric === metric && m.year === 'all');
      expect(k, metric).toBeGreaterThanOrEqual(0);
      expect(rel(out[k]!, Number(summaryValue(hourly, metric))), metric).toBe(true);
    }
    // ... and each tranche's share of the full build-out capex, as tranches.csv has it.
    expect(hourly.tranches.length).toBeGreaterThan(0);
    for (const tranche of hourly.tranches) {
      const k = layout.findIndex((m) => m.metric === `tranche_${tranche.name}_share_of_full_buildout_capex`);
      expect(k, tranche.name).toBeGreaterThanOrEqual(0);
      expect(rel(out[k]!, tranche.shareOfFullBuildoutCapex), tranche.name).toBe(true);
    }
  });
});
