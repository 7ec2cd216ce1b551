import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualisedCostBreakdown,
  annualisedCostUsd,
  costPerMwhLoad,
  dispatchGeneration,
  lastDispatchPasses,
  simulateDispatch,
} from '../../../src/model/cfe/dispatch.js';
import type { CfeProblem, DispatchTrace, Portfolio } from '../../../src/model/cfe/types.js';
import { defaultCosts, makeProblem, portfolio, syntheticProblem } from './cfeFixtures.js';

function newTrace(n: number): DispatchTrace {
  return {
    generationMw: new Float64Array(n),
    chargeMw: new Float64Array(n),
    dischargeMw: new Float64Array(n),
    stateOfChargeMwh: new Float64Array(n),
    gridImportMw: new Float64Array(n),
    excessMw: new Float64Array(n),
  };
}

const eta = (c: number, d: number) => ({ chargeEfficiency: c, dischargeEfficiency: d });

function expectArrayClose(actual: Float64Array, expected: number[], digits = 12): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i], `index ${i}`).toBeCloseTo(v, digits));
}

describe('simulateDispatch: hand-computed cases', () => {
  it('flat load, square-wave generator, battery 5 MW / 20 MWh at 90% each way (4 hours)', () => {
    // L = 10; G = 20, 20, 0, 0. From empty: charge 5 + 5 (stores 4.5 + 4.5 = 9 MWh, 5 + 5 MW
    // excess); discharge min(10, 5, 8.1) = 5 (SoC 9 - 5/0.9 = 3.444), then 3.444 x 0.9 = 3.1
    // (SoC 0). The year ends empty as it started.
    const problem = makeProblem({ load: [10, 10, 10, 10], cf: { solar: [1, 1, 0, 0] }, battery: eta(0.9, 0.9), gridEmissionsTPerMwh: 0.5 });
    const trace = newTrace(4);
    const s = simulateDispatch(problem, portfolio({ solar: 20 }, 5, 20), trace);
    expectArrayClose(trace.generationMw, [20, 20, 0, 0]);
    expectArrayClose(trace.chargeMw, [5, 5, 0, 0]);
    expectArrayClose(trace.excessMw, [5, 5, 0, 0]);
    expectArrayClose(trace.dischargeMw, [0, 0, 5, 3.1]);
    expectArrayClose(trace.gridImportMw, [0, 0, 5, 6.9]);
    expectArrayClose(trace.stateOfChargeMwh, [4.5, 9, 9 - 5 / 0.9, 0]);
    expect(s.cfeScore).toBeCloseTo((10 + 10 + 5 + 3.1) / 40, 12); // 0.7025
    expect(s.loadMwh).toBeCloseTo(40, 12);
    expect(s.cleanGenerationMwh).toBeCloseTo(40, 12);
    expect(s.excessMwh).toBeCloseTo(10, 12);
    expect(s.gridImportMwh).toBeCloseTo(11.9, 12);
    expect(s.unmatchedHours).toBe(2);
    expect(s.batteryDischargeMwh).toBeCloseTo(8.1, 12);
    expect(s.marketEmissionsT).toBeCloseTo(11.9 * 0.5, 12);
  });

  it('gamma > 0 counts grid import partly: + gamma x grid per hour', () => {
    const base = { load: [10, 10, 10, 10], cf: { solar: [1, 1, 0, 0] }, battery: eta(0.9, 0.9) };
    const flat = simulateDispatch(makeProblem({ ...base, gridCfeShare: 0.5 }), portfolio({ solar: 20 }, 5, 20));
    expect(flat.cfeScore).toBeCloseTo((28.1 + 0.5 * 11.9) / 40, 12); // 0.85125
    // Hourly gamma: only hours 2 and 3 import (5 and 6.9 MW).
    const hourly = simulateDispatch(makeProblem({ ...base, gridCfeShare: [1, 1, 0.2, 0.6] }), portfolio({ solar: 20 }, 5, 20));
    expect(hourly.cfeScore).toBeCloseTo((28.1 + 0.2 * 5 + 0.6 * 6.9) / 40, 12);
  });

  it('cyclic state of charge: the evening surplus carries over to the next morning (8 hours)', () => {
    // L = 10; G = 0, 0, 10, 10, 10, 10, 20, 20; battery 10 MW / 100 MWh, 80% in, 90% out.
    // Pass 1 from empty ends at 2 x 10 x 0.8 = 16 MWh. Pass 2 starts at 16: hour 0 discharges 10
    // (SoC 16 - 10/0.9 = 4.889), hour 1 discharges 4.889 x 0.9 = 4.4 (grid 5.6); ends at 16 again.
    const problem = makeProblem({ load: new Array(8).fill(10), cf: { solar: [0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1] }, battery: eta(0.8, 0.9) });
    const trace = newTrace(8);
    const s = simulateDispatch(problem, portfolio({ solar: 20 }, 10, 100), trace);
    expectArrayClose(trace.dischargeMw, [10, 4.4, 0, 0, 0, 0, 0, 0]);
    expectArrayClose(trace.gridImportMw, [0, 5.6, 0, 0, 0, 0, 0, 0]);
    expectArrayClose(trace.chargeMw, [0, 0, 0, 0, 0, 0, 10, 10]);
    expectArrayClose(trace.stateOfChargeMwh, [16 - 10 / 0.9, 0, 0, 0, 0, 0, 8, 16]);
    expect(s.cfeScore).toBeCloseTo((80 - 5.6) / 80, 12); // 0.93
    expect(s.excessMwh).toBeCloseTo(0, 12);
    expect(lastDispatchPasses()).toBeLessThanOrEqual(3);
  });

  it('a battery that never fills or empties from empty is shifted in one jump to its cyclic state', () => {
    // G - L = +5, -1, +5, -1 with a 10 MW / 100 MWh lossless battery: from empty the year gains
    // 8 MWh without touching a bound; the cyclic year sits at the top (start 99 MWh), charging
    // only 1 MWh per surplus hour and spilling the rest.
    const problem = makeProblem({ load: [10, 10, 10, 10], cf: { solar: [1.5, 0.9, 1.5, 0.9] }, battery: eta(1, 1) });
    const trace = newTrace(4);
    const s = simulateDispatch(problem, portfolio({ solar: 10 }, 10, 100), trace);
    expectArrayClose(trace.stateOfChargeMwh, [100, 99, 100, 99], 9);
    expectArrayClose(trace.chargeMw, [1, 0, 1, 0], 9);
    expectArrayClose(trace.excessMw, [4, 0, 4, 0], 9);
    expect(s.gridImportMwh).toBeCloseTo(0, 12);
    expect(s.cfeScore).toBe(1);
    expect(lastDispatchPasses()).toBe(2);
  });

  it('without a battery the score is sum min(L, G) / sum L (plus gamma x shortfall)', () => {
    const load = [10, 12, 8, 15, 9, 11];
    const solar = [0, 0.2, 0.9, 1, 0.5, 0];
    const wind = [0.6, 0.1, 0.3, 0.2, 0.8, 0.4];
    const gamma = [0.1, 0.3, 0.2, 0, 0.5, 0.25];
    const mw = { solar: 9, onshore_wind: 7 };
    const g = load.map((_, t) => 9 * solar[t]! + 7 * wind[t]!);
    const sumL = load.reduce((a, b) => a + b, 0);
    const matched = load.reduce((a, l, t) => a + Math.min(l, g[t]!), 0);
    const shortfallGamma = load.reduce((a, l, t) => a + gamma[t]! * Math.max(0, l - g[t]!), 0);
    const noGamma = simulateDispatch(makeProblem({ load, cf: { solar, onshore_wind: wind } }), portfolio(mw));
    expect(noGamma.cfeScore).toBeCloseTo(matched / sumL, 14);
    const withGamma = simulateDispatch(makeProblem({ load, cf: { solar, onshore_wind: wind }, gridCfeShare: gamma }), portfolio(mw));
    expect(withGamma.cfeScore).toBeCloseTo((matched + shortfallGamma) / sumL, 14);
    expect(withGamma.excessMwh).toBeCloseTo(g.reduce((a, v, t) => a + Math.max(0, v - load[t]!), 0), 12);
    // Surplus in one hour never counts in another: a 10x overbuild of a one-hour generator.
    const spike = simulateDispatch(makeProblem({ load: [10, 10, 10, 10], cf: { solar: [1, 0, 0, 0] } }), portfolio({ solar: 100 }));
    expect(spike.cfeScore).toBeCloseTo(0.25, 14);
  });

  it('zero load gives a score of 1; mismatched lengths throw', () => {
    expect(simulateDispatch(makeProblem({ load: [0, 0], cf: { solar: [1, 0] } }), portfolio({ solar: 5 }, 1, 2)).cfeScore).toBe(1);
    const problem = makeProblem({ load: [1, 1, 1], cf: { solar: [1, 0, 0] } });
    expect(() => simulateDispatch({ ...problem, gridCfeShare: new Float64Array(2) }, portfolio({ solar: 1 }))).toThrow(RangeError);
    const shortWind = { ...problem, capacityFactor: { ...problem.capacityFactor, onshore_wind: new Float64Array(1) } };
    expect(() => simulateDispatch(shortWind, portfolio({ onshore_wind: 1 }))).toThrow(/onshore_wind/);
    // ... but an unused technology's profile is not read.
    expect(simulateDispatch(shortWind, portfolio({ solar: 1 })).cfeScore).toBeCloseTo(1 / 3, 14);
  });
});

/** A straightforward reference: branchy greedy hour, plain iteration s <- f(s) from empty. */
function referenceDispatch(problem: CfeProblem, p: Portfolio) {
  const n = problem.loadMw.length;
  const g = new Float64Array(n);
  for (const [tech, mw] of Object.entries(p.mw)) {
    const cf = problem.capacityFactor[tech as keyof Portfolio['mw']];
    for (let t = 0; t < n; t++) g[t] = g[t]! + mw * cf[t]!;
  }
  const { chargeEfficiency: ec, dischargeEfficiency: ed } = problem.battery;
  const run = (s0: number) => {
    let soc = s0;
    let grid = 0;
    let excess = 0;
    let discharge = 0;
    let cfe = 0;
    for (let t = 0; t < n; t++) {
      const l = problem.loadMw[t]!;
      let gr = 0;
      if (g[t]! >= l) {
        const c = Math.min(g[t]! - l, p.batteryMw, (p.batteryMwh - soc) / ec);
        soc += c * ec;
        excess += g[t]! - l - c;
      } else {
        const d = Math.min(l - g[t]!, p.batteryMw, soc * ed);
        soc -= d / ed;
        discharge += d;
        gr = l - g[t]! - d;
      }
      grid += gr;
      cfe += Math.min(l, l - gr) + problem.gridCfeShare[t]! * gr;
    }
    return { soc, grid, excess, discharge, cfe };
  };
  let start = 0;
  for (let i = 0; i < 200_000; i++) {
    const r = run(start);
    if (Math.abs(r.soc - start) <= 1e-10 * Math.max(1, p.batteryMwh)) return { ...r, start, converged: true };
    start = r.soc;
  }
  return { ...run(start), start, converged: false };
}

/** A number in [min, max] on a 1e-4 grid (no subnormals: they underflow G + D - C in the check). */
const num = (min: number, max: number) => fc.integer({ min: Math.round(min * 1e4), max: Math.round(max * 1e4) }).map((v) => v / 1e4);

/** Random small problems: 1-48 hours, two profiles, a battery, hourly gamma. */
const smallCase = fc
  .integer({ min: 1, max: 48 })
  .chain((n) =>
    fc.record({
      load: fc.array(num(0, 100), { minLength: n, maxLength: n }),
      solar: fc.array(num(0, 1), { minLength: n, maxLength: n }),
      wind: fc.array(num(0, 1), { minLength: n, maxLength: n }),
      gamma: fc.array(num(0, 1), { minLength: n, maxLength: n }),
      solarMw: num(0, 300),
      windMw: num(0, 300),
      batteryMw: fc.oneof(fc.constant(0), num(0, 100)),
      durationH: num(0.1, 12),
      etaC: num(0.5, 1),
      etaD: num(0.5, 1),
    }),
  );

type SmallCase = typeof smallCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: SmallCase): { problem: CfeProblem; p: Portfolio } {
  const problem = makeProblem({ load: c.load, cf: { solar: c.solar, onshore_wind: c.wind }, gridCfeShare: c.gamma, battery: eta(c.etaC, c.etaD) });
  return { problem, p: portfolio({ solar: c.solarMw, onshore_wind: c.windMw }, c.batteryMw, c.batteryMw * c.durationH) };
}

describe('simulateDispatch: properties on random small problems', () => {
  it('balances every hour, respects limits, and the state of charge is cyclic', () => {
    fc.assert(
      fc.property(smallCase, (c) => {
        const { problem, p } = build(c);
        const n = c.load.length;
        const tr = newTrace(n);
        const s = simulateDispatch(problem, p, tr);
        const scale = 1e-9 * Math.max(1, ...c.load, c.solarMw + c.windMw);
        const { chargeEfficiency: ec, dischargeEfficiency: ed } = problem.battery;
        let prevSoc = tr.stateOfChargeMwh[n - 1]!; // cyclic: the state before hour 0
        for (let t = 0; t < n; t++) {
          const [g, ch, d, gr, ex, soc] = [tr.generationMw[t]!, tr.chargeMw[t]!, tr.dischargeMw[t]!, tr.gridImportMw[t]!, tr.excessMw[t]!, tr.stateOfChargeMwh[t]!];
          expect(Math.abs(g + d - ch + gr - ex - c.load[t]!)).toBeLessThanOrEqual(scale);
          for (const v of [ch, d, gr, ex, soc]) expect(v).toBeGreaterThanOrEqual(0);
          expect(ch).toBeLessThanOrEqual(p.batteryMw + scale);
          expect(d).toBeLessThanOrEqual(p.batteryMw + scale);
          expect(ch * d).toBe(0);
          expect(soc).toBeLessThanOrEqual(p.batteryMwh * (1 + 1e-12) + 1e-12);
          expect(Math.abs(soc - (prevSoc + ch * ec - d / ed))).toBeLessThanOrEqual(1e-9 * Math.max(1, p.batteryMwh));
          prevSoc = soc;
        }
        // No energy from nothing: stored in = drawn out over the cyclic year.
        const sumC = tr.chargeMw.reduce((a, v) => a + v, 0);
        expect(Math.abs(sumC * ec - s.batteryDischargeMwh / ed)).toBeLessThanOrEqual(1e-8 * Math.max(1, p.batteryMwh));
        // The summary is the trace's sums and the score is Google's formula on the trace.
        let cfe = 0;
        let sumL = 0;
        for (let t = 0; t < n; t++) {
          const l = c.load[t]!;
          cfe += Math.min(l, tr.generationMw[t]! + tr.dischargeMw[t]! - tr.chargeMw[t]!) + c.gamma[t]! * tr.gridImportMw[t]!;
          sumL += l;
        }
        if (sumL > 0) expect(s.cfeScore).toBeCloseTo(cfe / sumL, 9);
        expect(s.cfeScore).toBeGreaterThanOrEqual(0);
        expect(s.cfeScore).toBeLessThanOrEqual(1);
        expect(s.gridImportMwh).toBeCloseTo(tr.gridImportMw.reduce((a, v) => a + v, 0), 9);
        expect(s.excessMwh).toBeCloseTo(tr.excessMw.reduce((a, v) => a + v, 0), 9);
        expect(s.unmatchedHours).toBe(tr.gridImportMw.filter((v) => v > 1e-9).length);
        // The trace-free kernel gives the same summary.
        const noTrace = simulateDispatch(problem, p);
        expect(noTrace.cfeScore).toBeCloseTo(s.cfeScore, 12);
        expect(noTrace.gridImportMwh).toBeCloseTo(s.gridImportMwh, 9);
        expect(lastDispatchPasses()).toBeLessThanOrEqual(4);
      }),
      { numRuns: 400, seed: 20240611 },
    );
  });

  it('agrees with a plain reference (branchy hour, iterate start <- end until it repeats)', () => {
    fc.assert(
      fc.property(smallCase, (c) => {
        const { problem, p } = build(c);
        const ref = referenceDispatch(problem, p);
        fc.pre(ref.converged);
        const s = simulateDispatch(problem, p);
        const sumL = c.load.reduce((a, v) => a + v, 0);
        const tol = 1e-7 * Math.max(1, sumL);
        expect(Math.abs(s.gridImportMwh - ref.grid)).toBeLessThanOrEqual(tol);
        expect(Math.abs(s.excessMwh - ref.excess)).toBeLessThanOrEqual(tol);
        expect(Math.abs(s.batteryDischargeMwh - ref.discharge)).toBeLessThanOrEqual(tol);
        if (sumL > 0) expect(Math.abs(s.cfeScore - ref.cfe / sumL)).toBeLessThanOrEqual(1e-7);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the score is non-decreasing in overbuild for a fixed mix, and a battery never lowers it', () => {
    fc.assert(
      fc.property(smallCase, num(0, 3), num(0, 3), (c, a, b) => {
        const { problem, p } = build(c);
        const [k1, k2] = a <= b ? [a, b] : [b, a];
        const scaled = (k: number, withBattery: boolean): Portfolio => ({
          mw: { solar: k * p.mw.solar, onshore_wind: k * p.mw.onshore_wind, offshore_wind: 0, clean_firm: 0 },
          batteryMw: withBattery ? p.batteryMw : 0,
          batteryMwh: withBattery ? p.batteryMwh : 0,
        });
        const s1 = simulateDispatch(problem, scaled(k1, true)).cfeScore;
        const s2 = simulateDispatch(problem, scaled(k2, true)).cfeScore;
        expect(s2).toBeGreaterThanOrEqual(s1 - 1e-12);
        expect(s1).toBeGreaterThanOrEqual(0);
        expect(s2).toBeLessThanOrEqual(1);
        expect(s2).toBeGreaterThanOrEqual(simulateDispatch(problem, scaled(k2, false)).cfeScore - 1e-12);
      }),
      { numRuns: 300, seed: 99 },
    );
  });

  it('on a synthetic year: monotone in overbuild and cyclic, in at most 3 passes', () => {
    const problem = syntheticProblem(3);
    let prev = -Infinity;
    for (let k = 0; k <= 8; k += 0.25) {
      const tr = newTrace(8760);
      const s = simulateDispatch(problem, portfolio({ solar: 40 * k, onshore_wind: 60 * k }, 50, 400), tr);
      expect(lastDispatchPasses()).toBeLessThanOrEqual(3);
      expect(s.cfeScore).toBeGreaterThanOrEqual(prev - 1e-12);
      prev = s.cfeScore;
      // Hour 0 starts from the state at the end of the year.
      const before = tr.stateOfChargeMwh[8759]!;
      const expected = before + tr.chargeMw[0]! * problem.battery.chargeEfficiency - tr.dischargeMw[0]! / problem.battery.dischargeEfficiency;
      expect(tr.stateOfChargeMwh[0]).toBeCloseTo(expected, 6);
    }
    expect(prev).toBeGreaterThan(0.9);
  });

  it('dispatchGeneration with a scale equals simulateDispatch of the scaled portfolio', () => {
    const problem = syntheticProblem(5, {}, 24 * 30);
    const unit = new Float64Array(24 * 30);
    for (let t = 0; t < unit.length; t++) unit[t] = 0.5 * problem.capacityFactor.solar[t]! + 0.5 * problem.capacityFactor.onshore_wind[t]!;
    const a = dispatchGeneration(problem, unit, 300, 40, 160);
    const b = simulateDispatch(problem, portfolio({ solar: 150, onshore_wind: 150 }, 40, 160));
    expect(a.cfeScore).toBeCloseTo(b.cfeScore, 12);
    expect(a.excessMwh).toBeCloseTo(b.excessMwh, 6);
  });
});

describe('annualised cost', () => {
  it('equals a hand calculation (7% WACC; CRF 30 y = 0.080586, 40 y = 0.075009, 15 y = 0.109795)', () => {
    const crf = (n: number) => 0.07 / (1 - 1.07 ** -n);
    expect(crf(30)).toBeCloseTo(0.080586, 6);
    expect(crf(40)).toBeCloseTo(0.075009, 6);
    expect(crf(15)).toBeCloseTo(0.109795, 6);
    // 4 hours, L = 100; solar 100 MW (cf 1, 1, 0, 0), firm 50 MW at 0.9, battery 20 MW / 80 MWh.
    const problem = makeProblem({ load: [100, 100, 100, 100], cf: { solar: [1, 1, 0, 0], clean_firm: 0.9 }, battery: eta(1, 1) });
    const p = portfolio({ solar: 100, clean_firm: 50 }, 20, 80);
    const s = simulateDispatch(problem, p);
    // G = 145, 145, 45, 45: charge 20 + 20 (excess 25 + 25), discharge 20 + 20, grid 35 + 35.
    expect(s.gridImportMwh).toBeCloseTo(70, 12);
    expect(s.excessMwh).toBeCloseTo(50, 12);
    const solarUsd = 100 * 1000 * (1100 * crf(30) + 16.5); // 10,514,504
    const firmUsd = 50 * 1000 * (6000 * crf(40) + 120); // 28,502,742
    const batteryUsd = 20 * 1000 * (250 * crf(15) + 31.25) + 80 * 1000 * 250 * crf(15); // 3,369,866
    const variableUsd = 10 * 50 * 0.9 * 4; // firm runs flat: 180 MWh x $10, none of it spared as excess
    const gridUsd = 85 * 70;
    const expected = solarUsd + firmUsd + batteryUsd + variableUsd + gridUsd;
    expect(solarUsd).toBeCloseTo(10_514_504, -1);
    expect(annualisedCostUsd(problem, p, s)).toBeCloseTo(expected, 4);
    expect(costPerMwhLoad(problem, p, s)).toBeCloseTo(expected / 400, 6);
    const parts = annualisedCostBreakdown(problem, p, s);
    expect(parts.capacityUsd).toBeCloseTo(solarUsd + firmUsd, 4);
    expect(parts.batteryUsd).toBeCloseTo(batteryUsd, 4);
    expect(parts.variableUsd).toBeCloseTo(1800, 9);
    expect(parts.gridUsd).toBeCloseTo(5950, 9);
  });

  it('charges variable cost on generation that ends up as excess, and skips unused technologies', () => {
    const costs = defaultCosts();
    costs.technology.offshore_wind.capexUsdPerKw = NaN; // missing cost of a technology not built
    costs.technology.clean_firm.variableUsdPerMwh = 20;
    const problem = makeProblem({ load: [10, 10], cf: { clean_firm: 1 }, costs });
    const p = portfolio({ clean_firm: 30 });
    const s = simulateDispatch(problem, p);
    expect(s.excessMwh).toBeCloseTo(40, 12);
    const parts = annualisedCostBreakdown(problem, p, s);
    expect(parts.variableUsd).toBeCloseTo(20 * 60, 9); // all 60 MWh produced, 40 of them excess
    expect(Number.isFinite(parts.totalUsd)).toBe(true);
    expect(parts.gridUsd).toBe(0);
  });
});
