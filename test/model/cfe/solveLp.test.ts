import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TECHNOLOGIES, type Technology } from '../../../src/model/inputs.js';
import {
  batteryEnergyCostUsdPerMwhYear,
  batteryPowerCostUsdPerMwYear,
  capacityCostUsdPerMwYear,
} from '../../../src/model/cfe/annualisedCost.js';
import { buildCfeLp } from '../../../src/model/cfe/lpProblem.js';
import { loadCfeSolver, solveCfeSweep, type LpTargetOptimal, type LpTargetResult } from '../../../src/model/cfe/solveLp.js';
import type { CfeProblem, TechnologyCost } from '../../../src/model/cfe/types.js';
import { createRng } from '../../../src/uncertainty/rng.js';

/** Costs with CRF = 1 (rate 0, 1 year), no O&M: capex X USD/kW is 1000 X USD per MW-year. */
const tech = (capexUsdPerKw: number, variableUsdPerMwh = 0): TechnologyCost => ({
  capexUsdPerKw,
  fixedOmUsdPerKwYear: 0,
  lifetimeYears: 1,
  variableUsdPerMwh,
});

interface Tiny {
  load: number[];
  solar?: number[];
  wind?: number[];
  firm?: number[];
  gamma?: number | number[];
  maxMw?: Partial<Record<Technology, number>>;
  battery?: boolean;
  eta?: number;
  maxExcessShare?: number;
  gridUsdPerMwh?: number;
}

/**
 * Hand-solvable problems: solar 100 USD/MW-yr, wind 100, clean firm 200 + 10 USD/MWh,
 * battery 50 USD/MW-yr + 50 USD/MWh-yr, grid 30 USD/MWh. A technology without a profile is
 * capped at 0 MW.
 */
function tiny(o: Tiny): CfeProblem {
  const hours = o.load.length;
  const arr = (values: number[] | undefined) => (values ? Float64Array.from(values) : new Float64Array(hours));
  const gamma = typeof o.gamma === 'number' || o.gamma === undefined ? new Float64Array(hours).fill(o.gamma ?? 0) : Float64Array.from(o.gamma);
  const battery = o.battery ?? true;
  return {
    loadMw: Float64Array.from(o.load),
    capacityFactor: { solar: arr(o.solar), onshore_wind: arr(o.wind), offshore_wind: new Float64Array(hours), clean_firm: arr(o.firm) },
    gridCfeShare: gamma,
    gridEmissionsTPerMwh: new Float64Array(hours).fill(0.4),
    battery: { chargeEfficiency: o.eta ?? 1, dischargeEfficiency: o.eta ?? 1 },
    costs: {
      technology: { solar: tech(0.1), onshore_wind: tech(0.1), offshore_wind: tech(0.1), clean_firm: tech(0.2, 10) },
      battery: battery
        ? { powerCapexUsdPerKw: 0.05, energyCapexUsdPerKwh: 0.05, fixedOmUsdPerKwYear: 0, lifetimeYears: 1 }
        : { powerCapexUsdPerKw: Infinity, energyCapexUsdPerKwh: Infinity, fixedOmUsdPerKwYear: 0, lifetimeYears: 1 },
      discountRate: 0,
      gridUsdPerMwh: o.gridUsdPerMwh ?? 30,
    },
    maxMw: {
      solar: o.solar ? Infinity : 0,
      onshore_wind: o.wind ? Infinity : 0,
      offshore_wind: 0,
      clean_firm: o.firm ? Infinity : 0,
      ...o.maxMw,
    },
    maxExcessShare: o.maxExcessShare ?? Infinity,
  };
}

/** A 48-hour site with realistic costs (reference/facts.md), a sine sun with clouds and an AR(1) wind. */
function synthetic(seed: number, hours = 48, options: { firm?: boolean; maxExcessShare?: number } = {}): CfeProblem {
  const rng = createRng(seed);
  const solar = new Float64Array(hours);
  const wind = new Float64Array(hours);
  const gamma = new Float64Array(hours);
  let z = 0;
  for (let h = 0; h < hours; h++) {
    const hour = h % 24;
    solar[h] = Math.round(1000 * Math.max(0, Math.sin((Math.PI * (hour - 6)) / 12)) * (0.4 + 0.6 * rng())) / 1000;
    z = 0.9 * z + Math.sqrt(1 - 0.81) * (rng() * 2 - 1) * 1.7;
    wind[h] = Math.round(1000 / (1 + Math.exp(-(1.6 * z - 0.5)))) / 1000;
    gamma[h] = Math.round(100 * (0.3 + 0.2 * rng())) / 100;
  }
  const cost = (capexUsdPerKw: number, fixedOmUsdPerKwYear: number, lifetimeYears: number, variableUsdPerMwh = 0): TechnologyCost => ({
    capexUsdPerKw,
    fixedOmUsdPerKwYear,
    lifetimeYears,
    variableUsdPerMwh,
  });
  // Scale annual costs to the 48-hour window so the trade-offs look like a year's.
  const window = hours / 8760;
  return {
    loadMw: Float64Array.from({ length: hours }, (_, h) => 800 + 200 * Math.sin((2 * Math.PI * h) / 24)),
    capacityFactor: { solar, onshore_wind: wind, offshore_wind: new Float64Array(hours), clean_firm: new Float64Array(hours).fill(0.9) },
    gridCfeShare: gamma,
    gridEmissionsTPerMwh: new Float64Array(hours).fill(0.4),
    battery: { chargeEfficiency: 0.95, dischargeEfficiency: 0.92 },
    costs: {
      technology: {
        solar: cost(1100 * window, 20 * window, 30),
        onshore_wind: cost(1400 * window, 40 * window, 30),
        offshore_wind: cost(3500 * window, 90 * window, 30),
        clean_firm: cost(7000 * window, 120 * window, 40, 12),
      },
      battery: { powerCapexUsdPerKw: 250 * window, energyCapexUsdPerKwh: 250 * window, fixedOmUsdPerKwYear: 10 * window, lifetimeYears: 15 },
      discountRate: 0.07,
      gridUsdPerMwh: 60,
    },
    maxMw: { solar: Infinity, onshore_wind: Infinity, offshore_wind: 0, clean_firm: options.firm === false ? 0 : Infinity },
    maxExcessShare: options.maxExcessShare ?? Infinity,
  };
}

function optimal(result: LpTargetResult | undefined): LpTargetOptimal {
  if (!result || result.status !== 'optimal') throw new Error(`expected an optimum, got ${JSON.stringify(result)}`);
  return result;
}

async function solveOne(problem: CfeProblem, target: number): Promise<LpTargetResult> {
  const sweep = await solveCfeSweep(problem, [target]);
  return sweep.results[0]!;
}

/** Google's CFE score recomputed here from the problem, the portfolio and the hourly arrays. */
function recomputedScore(problem: CfeProblem, r: LpTargetOptimal): number {
  let matched = 0;
  let load = 0;
  for (let t = 0; t < problem.loadMw.length; t++) {
    let generation = 0;
    for (const technology of TECHNOLOGIES) generation += problem.capacityFactor[technology][t]! * r.portfolio.mw[technology];
    const clean = generation + r.dispatch.dischargeMw[t]! - r.dispatch.chargeMw[t]!;
    matched += Math.min(problem.loadMw[t]!, clean) + problem.gridCfeShare[t]! * r.dispatch.gridImportMw[t]!;
    load += problem.loadMw[t]!;
  }
  return matched / load;
}

/** Annualised cost recomputed from the portfolio and the hourly grid import, USD per year. */
function recomputedCost(problem: CfeProblem, r: LpTargetOptimal): number {
  const { costs } = problem;
  let usd = 0;
  for (const technology of TECHNOLOGIES) {
    let cfSum = 0;
    for (const cf of problem.capacityFactor[technology]) cfSum += cf;
    const c = costs.technology[technology];
    usd += r.portfolio.mw[technology] * (capacityCostUsdPerMwYear(c, costs.discountRate) + c.variableUsdPerMwh * cfSum);
  }
  if (r.portfolio.batteryMw > 0) usd += r.portfolio.batteryMw * batteryPowerCostUsdPerMwYear(costs.battery, costs.discountRate);
  if (r.portfolio.batteryMwh > 0) usd += r.portfolio.batteryMwh * batteryEnergyCostUsdPerMwhYear(costs.battery, costs.discountRate);
  for (const g of r.dispatch.gridImportMw) usd += costs.gridUsdPerMwh * g;
  return usd;
}

function expectPhysical(problem: CfeProblem, r: LpTargetOptimal): void {
  const d = r.dispatch;
  const hours = problem.loadMw.length;
  const { chargeEfficiency: ec, dischargeEfficiency: ed } = problem.battery;
  const tol = 1e-6 * Math.max(...problem.loadMw);
  for (let t = 0; t < hours; t++) {
    let generation = 0;
    for (const technology of TECHNOLOGIES) generation += problem.capacityFactor[technology][t]! * r.portfolio.mw[technology];
    expect(d.generationMw[t]).toBeCloseTo(generation, 6);
    // Energy balance, each hour.
    expect(Math.abs(generation + d.dischargeMw[t]! - d.chargeMw[t]! + d.gridImportMw[t]! - d.excessMw[t]! - problem.loadMw[t]!)).toBeLessThan(tol);
    // Cyclic state of charge: hour 0 follows hour T-1.
    const previous = d.stateOfChargeMwh[(t + hours - 1) % hours]!;
    expect(Math.abs(d.stateOfChargeMwh[t]! - previous - ec * d.chargeMw[t]! + d.dischargeMw[t]! / ed)).toBeLessThan(tol);
    expect(d.chargeMw[t]).toBeLessThanOrEqual(r.portfolio.batteryMw + tol);
    expect(d.dischargeMw[t]).toBeLessThanOrEqual(r.portfolio.batteryMw + tol);
    expect(d.stateOfChargeMwh[t]).toBeLessThanOrEqual(r.portfolio.batteryMwh + tol);
    for (const series of [d.chargeMw, d.dischargeMw, d.stateOfChargeMwh, d.gridImportMw, d.excessMw]) expect(series[t]).toBeGreaterThanOrEqual(0);
    expect(Math.min(d.gridImportMw[t]!, d.excessMw[t]!)).toBe(0);
  }
}

describe('solveCfeSweep on hand-solvable LPs', () => {
  it('flat load, one technology at cf 0.5, gamma 0, target 100%: capacity = load / 0.5', async () => {
    const problem = tiny({ load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5] });
    const r = optimal(await solveOne(problem, 1));
    expect(r.portfolio.mw.solar).toBeCloseTo(200, 6);
    expect(r.portfolio.batteryMw).toBeCloseTo(0, 6);
    expect(r.portfolio.batteryMwh).toBeCloseTo(0, 6);
    expect(r.objectiveUsdPerYear).toBeCloseTo(200 * 100, 4); // 200 MW x 100 USD/MW-yr
    expect(r.costUsdPerMwh).toBeCloseTo(20000 / 400, 6);
    expect(r.cfeScore).toBeCloseTo(1, 9);
    expectPhysical(problem, r);
  });

  it('target 50%: the cheapest mix of solar and grid import', async () => {
    // cost(k) = 100 k + 30 x 4 x (100 - 0.5 k) rises with k, so k is the least meeting
    // 4 (100 - 0.5 k) <= 0.5 x 400: k = 100 MW, grid 200 MWh, cost 10,000 + 6,000.
    const problem = tiny({ load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5] });
    const r = optimal(await solveOne(problem, 0.5));
    expect(r.portfolio.mw.solar).toBeCloseTo(100, 6);
    expect(r.objectiveUsdPerYear).toBeCloseTo(16000, 4);
    expect(r.cfeScore).toBeCloseTo(0.5, 9);
  });

  it('a grid CFE share gamma > 0 lowers the capacity needed', async () => {
    // Target 75%: (1 - gamma) 4 (100 - 0.5 k) <= 100. gamma 0: k = 150; gamma 0.5: k = 100.
    const base = { load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5] };
    const without = optimal(await solveOne(tiny({ ...base, gamma: 0 }), 0.75));
    const withGamma = optimal(await solveOne(tiny({ ...base, gamma: 0.5 }), 0.75));
    expect(without.portfolio.mw.solar).toBeCloseTo(150, 6);
    expect(without.objectiveUsdPerYear).toBeCloseTo(150 * 100 + 30 * 4 * 25, 4);
    expect(withGamma.portfolio.mw.solar).toBeCloseTo(100, 6);
    expect(withGamma.objectiveUsdPerYear).toBeCloseTo(100 * 100 + 30 * 4 * 50, 4);
    expect(withGamma.cfeScore).toBeCloseTo(0.75, 9);
  });

  it('storage instead of overbuild when it is cheaper (lossless battery)', async () => {
    // Sun [1, 0.2], load 100: overbuild alone needs 500 MW (cost 50,000). With a battery,
    // cost = 100 k + 100 (100 - 0.2 k) rises with k, so k = 200 / 1.2: P = E = 100 - 0.2 k.
    const problem = tiny({ load: [100, 100], solar: [1, 0.2] });
    const r = optimal(await solveOne(problem, 1));
    const k = 200 / 1.2;
    expect(r.portfolio.mw.solar).toBeCloseTo(k, 5);
    expect(r.portfolio.batteryMw).toBeCloseTo(100 - 0.2 * k, 5);
    expect(r.portfolio.batteryMwh).toBeCloseTo(100 - 0.2 * k, 5);
    expect(r.objectiveUsdPerYear).toBeCloseTo(100 * k + 100 * (100 - 0.2 * k), 3);
    expectPhysical(problem, r);
    const overbuild = optimal(await solveOne(tiny({ load: [100, 100], solar: [1, 0.2], battery: false }), 1));
    expect(overbuild.portfolio.mw.solar).toBeCloseTo(500, 5);
    expect(overbuild.objectiveUsdPerYear).toBeCloseTo(50000, 3);
    expect(r.objectiveUsdPerYear).toBeLessThan(overbuild.objectiveUsdPerYear);
  });

  it('storage with losses (0.9 each way)', async () => {
    // Charge c = k - 100 in hour 0; discharge d = 0.81 c = 100 - 0.2 k in hour 1, so
    // k = 181 / 1.01; P = c, E = 0.9 c. Cost rises with k, so this k is the optimum.
    const problem = tiny({ load: [100, 100], solar: [1, 0.2], eta: 0.9 });
    const r = optimal(await solveOne(problem, 1));
    const k = 181 / 1.01;
    const c = k - 100;
    expect(r.portfolio.mw.solar).toBeCloseTo(k, 5);
    expect(r.portfolio.batteryMw).toBeCloseTo(c, 5);
    expect(r.portfolio.batteryMwh).toBeCloseTo(0.9 * c, 5);
    expect(r.objectiveUsdPerYear).toBeCloseTo(100 * k + 50 * c + 50 * 0.9 * c, 3);
    expectPhysical(problem, r);
  });

  it('folds the clean-firm variable cost into its capacity cost', async () => {
    // 100 MW at availability 1 over 4 hours: 100 x (200 + 10 USD/MWh x 4 h).
    const r = optimal(await solveOne(tiny({ load: [100, 100, 100, 100], firm: [1, 1, 1, 1] }), 1));
    expect(r.portfolio.mw.clean_firm).toBeCloseTo(100, 6);
    expect(r.objectiveUsdPerYear).toBeCloseTo(24000, 4);
  });

  it('uses the annualised costs of annualisedCost.ts (CRF, O&M, kW to MW)', async () => {
    const problem = tiny({ load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5] });
    problem.costs.discountRate = 0.07;
    problem.costs.technology.solar = { capexUsdPerKw: 1100, fixedOmUsdPerKwYear: 20, lifetimeYears: 30, variableUsdPerMwh: 0 };
    problem.costs.gridUsdPerMwh = 1e6; // grid never pays
    const r = optimal(await solveOne(problem, 0));
    expect(r.portfolio.mw.solar).toBeCloseTo(200, 6);
    expect(r.objectiveUsdPerYear / (200 * capacityCostUsdPerMwYear(problem.costs.technology.solar, 0.07))).toBeCloseTo(1, 9);
  });

  it('respects a finite capacity cap', async () => {
    // Solar capped at 120 MW; wind (same price, cf 0.4) covers the rest at target 100%.
    const problem = tiny({ load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5], wind: [0.4, 0.4, 0.4, 0.4], maxMw: { solar: 120 } });
    const r = optimal(await solveOne(problem, 1));
    expect(r.portfolio.mw.solar).toBeCloseTo(120, 6);
    expect(r.portfolio.mw.onshore_wind).toBeCloseTo((100 - 60) / 0.4, 6);
  });
});

describe('solveCfeSweep on a 48-hour synthetic site', () => {
  it('the CFE score recomputed from the hourly dispatch equals the target (binding) and the reported score to 1e-6', async () => {
    const problem = synthetic(7);
    const targets = [0.85, 0.9, 0.95];
    const sweep = await solveCfeSweep(problem, targets);
    for (const result of sweep.results) {
      const r = optimal(result);
      const score = recomputedScore(problem, r);
      expect(Math.abs(score - r.cfeScore)).toBeLessThan(1e-6);
      expect(Math.abs(score - r.target)).toBeLessThan(1e-6); // grid is cheaper than clean here, so the target binds
      expectPhysical(problem, r);
      expect(recomputedCost(problem, r) / r.objectiveUsdPerYear).toBeCloseTo(1, 8);
    }
  });

  it('with an excess cap the excess stays within it', async () => {
    const problem = synthetic(11, 48, { maxExcessShare: 0.05 });
    const r = optimal(await solveOne(problem, 0.95));
    const excess = r.dispatch.excessMw.reduce((a, b) => a + b, 0);
    const load = problem.loadMw.reduce((a, b) => a + b, 0);
    expect(excess).toBeLessThanOrEqual(0.05 * load * (1 + 1e-9) + 1e-6);
    expectPhysical(problem, r);
  });

  it('sweeps warm: later targets start from the previous basis, results come back ascending', async () => {
    const problem = synthetic(3);
    const progress: [number, number][] = [];
    const sweep = await solveCfeSweep(problem, [0.95, 0.8, 0.9], { onProgress: (done, total) => progress.push([done, total]) });
    expect(sweep.results.map((r) => r.target)).toEqual([0.8, 0.9, 0.95]);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const [first, ...rest] = sweep.results.map(optimal);
    expect(first!.warmStarted).toBe(false);
    for (const r of rest) expect(r.warmStarted).toBe(true);
    expect(sweep.size).toEqual({ rows: 5 * 48 + 1, columns: 5 * 48 + 6, nonZeros: expect.any(Number) });
  });

  it('cost is non-decreasing in the target (property, random sites and targets)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.uniqueArray(fc.integer({ min: 10, max: 100 }), { minLength: 2, maxLength: 5 }),
        fc.boolean(),
        async (seed, percents, firm) => {
          const problem = synthetic(seed, 48, { firm });
          const sweep = await solveCfeSweep(
            problem,
            percents.map((p) => p / 100),
          );
          let previous = -Infinity;
          for (const result of sweep.results) {
            const r = optimal(result);
            expect(r.objectiveUsdPerYear).toBeGreaterThanOrEqual(previous - 1e-6 * Math.abs(previous));
            expect(r.cfeScore).toBeGreaterThanOrEqual(r.target - 1e-6);
            previous = r.objectiveUsdPerYear;
          }
        },
      ),
      { numRuns: 12, seed: 424242 },
    );
  });

  it('warm and cold sweeps agree', async () => {
    const problem = synthetic(5);
    const targets = [0.7, 0.9, 0.99];
    const warm = await solveCfeSweep(problem, targets);
    const cold = await solveCfeSweep(problem, targets, { solver: { sweep: 'cold' } });
    for (let i = 0; i < targets.length; i++) {
      expect(optimal(warm.results[i]).objectiveUsdPerYear / optimal(cold.results[i]).objectiveUsdPerYear).toBeCloseTo(1, 8);
    }
  });
});

/** Calls `seen` with the start point of every crossover of the loaded solver's models, until the test ends. */
async function watchCrossovers(seen: (colValue: ArrayLike<number>) => void): Promise<void> {
  const highs = await loadCfeSolver();
  const createModel = highs.createModel;
  highs.createModel = ((...args: Parameters<typeof createModel>) => {
    const model = createModel.apply(highs, args);
    const crossover = model.crossover.bind(model);
    model.crossover = (...a: Parameters<typeof crossover>) => {
      seen((a[0] as { colValue: ArrayLike<number> }).colValue);
      return crossover(...a);
    };
    return model;
  }) as typeof createModel;
  onTestFinished(() => {
    highs.createModel = createModel;
  });
}

describe('solveCfeSweep starts', () => {
  const same = (a: LpTargetResult | undefined, b: LpTargetResult | undefined) =>
    expect(optimal(a).objectiveUsdPerYear / optimal(b).objectiveUsdPerYear).toBeCloseTo(1, 9);

  it('from the heuristic portfolio reach the optimum of the slack start (random sites, with and without firm)', async () => {
    // Count the crossovers, to know the heuristic start ran rather than silently falling back.
    let crossovers = 0;
    await watchCrossovers(() => crossovers++);
    for (const [seed, firm] of [
      [11, true],
      [12, false],
      [13, true],
    ] as const) {
      const problem = synthetic(seed, 96, { firm });
      const targets = [0.6, 0.85, 0.97];
      const heuristic = await solveCfeSweep(problem, targets, { solver: { sweep: 'cold' } });
      const slack = await solveCfeSweep(problem, targets, { solver: { sweep: 'cold', start: 'slack' } });
      for (let i = 0; i < targets.length; i++) {
        same(heuristic.results[i], slack.results[i]);
        expect(optimal(heuristic.results[i]).cfeScore).toBeGreaterThanOrEqual(targets[i]! - 1e-6);
      }
    }
    expect(crossovers).toBe(9); // three sites x three targets, each cold from its heuristic start
  });

  it('from heuristic portfolios the caller already has, when given, to the same optimum', async () => {
    const problem = synthetic(14, 96);
    const target = 0.9;
    const own = await solveCfeSweep(problem, [target]);
    // A start that is not the heuristic's own: the crossover must receive it, and the optimum stays.
    const given = { mw: { solar: 123, onshore_wind: 0, offshore_wind: 0, clean_firm: 45 }, batteryMw: 6, batteryMwh: 24 };
    const starts: Float64Array[] = [];
    await watchCrossovers((colValue) => starts.push(Float64Array.from(colValue)));
    const sweep = await solveCfeSweep(problem, [target], { heuristicPortfolios: new Map([[target, given]]) });
    same(sweep.results[0], own.results[0]);
    const lp = buildCfeLp(problem, target);
    expect(starts).toHaveLength(1);
    expect(starts[0]![lp.layout.cap.solar]! * lp.powerUnitMw).toBeCloseTo(123, 9);
    expect(starts[0]![lp.layout.batteryMwh]! * lp.powerUnitMw).toBeCloseTo(24, 9);
  });

  it('a warm step that needs more than its iteration limit solves its target cold instead, to the same optimum', async () => {
    const problem = synthetic(21, 96);
    const targets = [0.5, 0.9];
    const reference = await solveCfeSweep(problem, targets, { solver: { sweep: 'cold' } });
    // One iteration is too few for 0.5 -> 0.9 (the old basis is far from the new optimum).
    const capped = await solveCfeSweep(problem, targets, { solver: { warmIterationLimit: 1 } });
    const step = optimal(capped.results[1]);
    expect(step.warmStarted).toBe(false);
    expect(step.iterations.simplex).toBeGreaterThan(1); // the abandoned warm iteration is counted too
    same(capped.results[1], reference.results[1]);
  });

  it('a trap in the WebAssembly solver: the target is solved again in a fresh instance', async () => {
    const problem = synthetic(22, 96);
    const reference = await solveCfeSweep(problem, [0.9]);
    const trapped = await loadCfeSolver();
    const createModel = trapped.createModel.bind(trapped);
    // Every model of this instance traps in crossover, as the WebAssembly build sometimes does.
    trapped.createModel = ((...args: Parameters<typeof createModel>) => {
      const model = createModel(...args);
      model.crossover = () => {
        throw new WebAssembly.RuntimeError('memory access out of bounds');
      };
      return model;
    }) as typeof trapped.createModel;
    const sweep = await solveCfeSweep(problem, [0.9, 0.95]);
    same(sweep.results[0], reference.results[0]);
    expect(optimal(sweep.results[1]).cfeScore).toBeGreaterThanOrEqual(0.95 - 1e-6);
    // The trapped instance is dropped: later sweeps get the fresh one.
    expect(await loadCfeSolver()).not.toBe(trapped);
  });
});

describe('solveCfeSweep when a target cannot be met', () => {
  const solverWords = /highs|status|primal|dual|simplex|row|column/i;

  it('no clean generation allowed: says so, with the grid share that still counts', async () => {
    const problem = tiny({ load: [100, 100], gamma: 0.3 });
    const r = (await solveCfeSweep(problem, [0.9])).results[0]!;
    expect(r.status).toBe('infeasible');
    if (r.status === 'optimal') return;
    expect(r.message).toMatch(/^CFE target 90% cannot be met: /);
    expect(r.message).toContain('no clean generation is allowed');
    expect(r.message).toContain('solar, onshore wind, offshore wind and clean firm are capped at 0 MW');
    expect(r.message).toContain('30% of the load');
    expect(r.maxAchievableCfe).toBeCloseTo(0.3, 6);
    expect(r.message).not.toMatch(solverWords);
  });

  it('no storage and no clean firm: hours without sun fall back on the grid', async () => {
    const problem = tiny({ load: [100, 100], solar: [1, 0], battery: false });
    const r = (await solveCfeSweep(problem, [1])).results[0]!;
    expect(r.status).toBe('infeasible');
    if (r.status === 'optimal') return;
    expect(r.message).toMatch(/^CFE target 100% cannot be met: the highest hourly CFE score these limits allow is 50%/);
    expect(r.message).toContain('no storage and no clean firm are allowed');
    expect(r.message).toContain('Lower the target to at most 50%');
    expect(r.message).not.toMatch(solverWords);
  });

  it('excess cap too tight: names the cap; lower targets in the same sweep still solve', async () => {
    // Without a battery, 100% needs 500 MW of sun [1, 0.2] and 400 MWh of excess (200% of
    // load). With excess <= 20% of load (40 MWh) solar stops at 140 MW: score (100 + 28) / 200.
    const problem = tiny({ load: [100, 100], solar: [1, 0.2], battery: false, maxExcessShare: 0.2 });
    const sweep = await solveCfeSweep(problem, [0.5, 0.7, 1]);
    const [low, mid, high] = sweep.results;
    expect(optimal(low).cfeScore).toBeCloseTo(0.5, 6);
    for (const [r, percent] of [
      [mid, '70%'],
      [high, '100%'],
    ] as const) {
      expect(r!.status).toBe('infeasible');
      if (r!.status === 'optimal') continue;
      expect(r!.message).toMatch(new RegExp(`^CFE target ${percent} cannot be met: the highest hourly CFE score these limits allow is 64%`));
      expect(r!.message).toContain('the excess cap (20% of annual load) is too tight: without it the target could be met');
      expect(r!.message).not.toMatch(solverWords);
      expect(r!.maxAchievableCfe).toBeCloseTo(0.64, 6);
    }
  });

  it('capped capacity names the caps', async () => {
    const problem = tiny({ load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5], maxMw: { solar: 100 } });
    const r = (await solveCfeSweep(problem, [0.9])).results[0]!;
    expect(r.status).toBe('infeasible');
    if (r.status === 'optimal') return;
    expect(r.message).toContain('capacity is capped: solar at 100 MW');
    expect(r.maxAchievableCfe).toBeCloseTo(0.5, 6);
  });
});

describe('solveCfeSweep on solver trouble', () => {
  it('a solver error says what was being solved (year, target, LP size) and what to do', async () => {
    const problem = tiny({ load: [100, 100, 100, 100], solar: [0.5, 0.5, 0.5, 0.5] });
    // An option value HiGHS rejects stands in for any solver exception.
    const sweep = await solveCfeSweep(problem, [0.9], { year: 2031, solver: { algorithm: 'no-such-solver' as 'primal-simplex' } });
    const r = sweep.results[0]!;
    expect(r.status).toBe('error');
    if (r.status === 'optimal') return;
    expect(r.message).toMatch(/^Solving the least-cost 24\/7 CFE portfolio LP for 2031 at target 90% \(4 hours; 21 rows, 26 columns, \d+ non-zeros\) failed: /);
    expect(r.message).toContain('--export-lp');
    expect(r.message).toContain('lower target');
  });

  it('a time limit is reported as such, with what to do', async () => {
    const sweep = await solveCfeSweep(synthetic(1, 2000), [0.9], { timeLimitS: 0.001 });
    const r = sweep.results[0]!;
    expect(r.status).toBe('time_limit');
    if (r.status === 'optimal') return;
    expect(r.message).toContain('at target 90% (2,000 hours; ');
    expect(r.message).toContain('time limit of 0.001 s');
    expect(r.message).toContain('--export-lp');
  });

  it('a target outside [0, 1] is an error naming the fix', async () => {
    const sweep = await solveCfeSweep(tiny({ load: [1, 1], solar: [1, 1] }), [1.5, 0.5]);
    expect(optimal(sweep.results[0]).target).toBe(0.5);
    const bad = sweep.results[1]!;
    expect(bad.status).toBe('error');
    if (bad.status !== 'optimal') expect(bad.message).toContain('not a share between 0 and 1');
  });
});
