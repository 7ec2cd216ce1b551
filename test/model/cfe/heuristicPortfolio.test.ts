import { describe, expect, it } from 'vitest';
import { annualisedCostUsd, simulateDispatch } from '../../../src/model/cfe/dispatch.js';
import { heuristicPortfolio, heuristicSweep, type HeuristicResult, type HeuristicSolution } from '../../../src/model/cfe/heuristicPortfolio.js';
import type { CfeProblem } from '../../../src/model/cfe/types.js';
import { defaultCosts, makeProblem, syntheticProblem } from './cfeFixtures.js';

function solved(r: HeuristicResult): HeuristicSolution {
  if (!r.ok) throw new Error(`expected a solution, got: ${r.reason}`);
  return r;
}

function expectConsistent(problem: CfeProblem, r: HeuristicSolution): void {
  const again = simulateDispatch(problem, r.portfolio);
  expect(again.cfeScore).toBeCloseTo(r.summary.cfeScore, 12);
  expect(r.summary.cfeScore).toBeGreaterThanOrEqual(r.target - 1e-9);
  expect(r.costUsdPerYear).toBeCloseTo(annualisedCostUsd(problem, r.portfolio, again), 3);
  expect(r.costUsdPerMwh).toBeCloseTo(r.costUsdPerYear / again.loadMwh, 9);
  for (const [tech, mw] of Object.entries(r.portfolio.mw)) {
    expect(mw).toBeGreaterThanOrEqual(0);
    expect(mw).toBeLessThanOrEqual(problem.maxMw[tech as keyof typeof problem.maxMw] * (1 + 1e-9));
  }
  expect(r.summary.excessMwh).toBeLessThanOrEqual(problem.maxExcessShare * r.summary.loadMwh * (1 + 1e-9) + 1e-6);
}

const TARGETS = [0.8, 0.9, 0.95, 0.98, 0.99];

describe('heuristicPortfolio on a synthetic year', () => {
  // Solar + onshore + offshore wind + battery, no clean firm: the hard case.
  const problem = syntheticProblem(11, { maxMw: { clean_firm: 0 } });
  const sweep = heuristicSweep(problem, TARGETS);

  it('meets each target, consistently with simulateDispatch and annualisedCostUsd', () => {
    for (const r of sweep) expectConsistent(problem, solved(r));
  });

  it('costs more for a higher target and builds more (overbuild, storage)', () => {
    const costs = sweep.map((r) => solved(r).costUsdPerMwh);
    for (let i = 1; i < costs.length; i++) expect(costs[i]!).toBeGreaterThan(costs[i - 1]!);
    const last = solved(sweep[sweep.length - 1]!);
    const first = solved(sweep[0]!);
    expect(last.mix.overbuild).toBeGreaterThan(first.mix.overbuild);
    expect(last.portfolio.batteryMwh).toBeGreaterThan(0); // 99% without clean firm needs storage
    expect(last.portfolio.mw.clean_firm).toBe(0);
  });

  it('lands at the smallest overbuild for its mix (the score just reaches the target)', () => {
    for (const r of sweep.map(solved)) {
      // 1% less of everything misses the target unless building past it was cheaper.
      const less = { ...r.portfolio, mw: { ...r.portfolio.mw } };
      for (const t of Object.keys(less.mw) as (keyof typeof less.mw)[]) less.mw[t] *= 0.99;
      const lower = simulateDispatch(problem, less);
      const lowerCost = annualisedCostUsd(problem, less, lower);
      expect(lower.cfeScore < r.target || lowerCost > r.costUsdPerYear).toBe(true);
    }
  });

  it('is deterministic', () => {
    const again = heuristicPortfolio(problem, 0.95);
    const fromSweep = solved(sweep[2]!);
    const single = solved(again);
    expect(single.costUsdPerYear).toBeCloseTo(solved(heuristicPortfolio(problem, 0.95)).costUsdPerYear, 9);
    // Warm-started sweep and a cold single solve agree within the search tolerance.
    expect(Math.abs(single.costUsdPerMwh / fromSweep.costUsdPerMwh - 1)).toBeLessThan(0.01);
  });

  it('the two-stage coarse search is within 0.3% of the full grid (every mix x every battery option)', () => {
    const two = solved(sweep[2]!);
    const full = solved(heuristicPortfolio(problem, 0.95, { fullGrid: true }));
    expect(full.evaluations).toBeGreaterThan(two.evaluations);
    expect(two.costUsdPerYear).toBeLessThanOrEqual(full.costUsdPerYear * 1.003);
  });

  it('is not beaten by a fine brute-force search over the wind/solar split (no battery)', () => {
    const twoTech = syntheticProblem(11, { maxMw: { clean_firm: 0, offshore_wind: 0 } });
    const target = 0.85;
    const r = solved(heuristicPortfolio(twoTech, target, { batteryPowerRatios: [0] }));
    expect(r.portfolio.batteryMw).toBe(0);
    const meanLoad = 100;
    let bruteBest = Infinity;
    for (let i = 0; i <= 50; i++) {
      const share = i / 50;
      const at = (k: number) => {
        const p = { mw: { solar: share * k * meanLoad, onshore_wind: (1 - share) * k * meanLoad, offshore_wind: 0, clean_firm: 0 }, batteryMw: 0, batteryMwh: 0 };
        const s = simulateDispatch(twoTech, p);
        return { s, cost: annualisedCostUsd(twoTech, p, s) };
      };
      let lo = 0;
      let hi = 50;
      if (at(hi).s.cfeScore < target) continue;
      for (let j = 0; j < 50; j++) {
        const mid = 0.5 * (lo + hi);
        if (at(mid).s.cfeScore >= target) hi = mid;
        else lo = mid;
      }
      // Cost along k above the smallest feasible overbuild (building more can be cheaper).
      for (let m = 0; m <= 40; m++) bruteBest = Math.min(bruteBest, at(hi * (1 + m / 40)).cost);
    }
    expect(r.costUsdPerYear).toBeLessThanOrEqual(bruteBest * 1.003);
  });
});

describe('heuristicPortfolio: limits and tiny cases', () => {
  it('finds the analytic overbuild of a one-technology case (target 40% with cf 1, 0)', () => {
    // L = 10 every hour; solar cf 1, 0, 1, 0: score = min(1, k) / 2, so 40% needs k = 0.8.
    const problem = makeProblem({ load: [10, 10, 10, 10], cf: { solar: [1, 0, 1, 0] } });
    const r = solved(heuristicPortfolio(problem, 0.4, { batteryPowerRatios: [0] }));
    expect(r.portfolio.mw.solar).toBeCloseTo(8, 1);
    expect(r.portfolio.mw.solar).toBeGreaterThanOrEqual(8 - 1e-9);
    expect(r.summary.cfeScore).toBeCloseTo(0.4, 2);
  });

  it('a target met by the grid alone builds nothing when building costs more', () => {
    const problem = makeProblem({ load: [10, 10, 10, 10], cf: { solar: [1, 0, 1, 0] }, gridCfeShare: 0.6 });
    const r = solved(heuristicPortfolio(problem, 0.5));
    expect(r.portfolio.mw.solar).toBe(0);
    expect(r.summary.cfeScore).toBeCloseTo(0.6, 12);
    expect(r.costUsdPerMwh).toBeCloseTo(85, 9);
  });

  it('100% with solar only and no storage is infeasible, naming no storage and no clean firm', () => {
    const year = syntheticProblem(2, { maxMw: { clean_firm: 0, onshore_wind: 0, offshore_wind: 0 } }, 24 * 14);
    const r = heuristicPortfolio(year, 1, { batteryPowerRatios: [0] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/target 100\.0% is not reachable/);
    expect(r.reason).toMatch(/no storage/);
    expect(r.reason).toMatch(/no clean firm \(maxMw is 0\)/);
    expect(r.reason).toMatch(/only solar eligible/);
    expect(r.bestScore).toBeGreaterThan(0.3);
    expect(r.bestScore).toBeLessThan(0.7); // nights are never matched
  });

  it('names a missing clean-firm cost and a missing battery cost', () => {
    const costs = defaultCosts();
    costs.technology.clean_firm.capexUsdPerKw = NaN;
    costs.battery.energyCapexUsdPerKwh = NaN;
    const problem = syntheticProblem(2, { costs, maxMw: { onshore_wind: 0, offshore_wind: 0 } }, 24 * 14);
    const r = heuristicPortfolio(problem, 0.99);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/no clean firm \(no finite cost\)/);
    expect(r.reason).toMatch(/no storage \(battery cost not finite\)/);
  });

  it('the same solar-only case reaches 100% once clean firm is allowed', () => {
    const problem = syntheticProblem(2, { maxMw: { onshore_wind: 0, offshore_wind: 0 } }, 24 * 14);
    const r = solved(heuristicPortfolio(problem, 1, { batteryPowerRatios: [0] }));
    expect(r.summary.cfeScore).toBe(1);
    expect(r.summary.unmatchedHours).toBe(0);
    expect(r.portfolio.mw.clean_firm).toBeGreaterThan(0);
  });

  it('respects maxMw caps and names them when they bind', () => {
    const capped = syntheticProblem(4, { maxMw: { clean_firm: 0, offshore_wind: 0, onshore_wind: 150, solar: 150 } }, 24 * 28);
    const ok = solved(heuristicPortfolio(capped, 0.8));
    expectConsistent(capped, ok);
    const tooHigh = heuristicPortfolio(capped, 0.999, { batteryPowerRatios: [0] });
    expect(tooHigh.ok).toBe(false);
    if (!tooHigh.ok) expect(tooHigh.reason).toMatch(/maxMw \(solar 150 MW, onshore_wind 150 MW\)/);
  });

  it('respects the excess cap, and names it when it is what makes a target unreachable', () => {
    const free = syntheticProblem(6, { maxMw: { clean_firm: 0 } }, 24 * 28);
    const loose = solved(heuristicPortfolio(free, 0.9));
    const excessShare = loose.summary.excessMwh / loose.summary.loadMwh;
    expect(excessShare).toBeGreaterThan(0.05);
    const capped = { ...free, maxExcessShare: 0.5 * excessShare };
    const r = solved(heuristicPortfolio(capped, 0.9));
    expectConsistent(capped, r);
    expect(r.costUsdPerMwh).toBeGreaterThanOrEqual(loose.costUsdPerMwh * (1 - 1e-9));
    const tight = heuristicPortfolio({ ...free, maxExcessShare: 0.001 }, 0.95);
    expect(tight.ok).toBe(false);
    if (tight.ok) return;
    expect(tight.reason).toMatch(/excess cap \(excess <= 0\.1% of load\)/);
    expect(tight.bestScore).toBeLessThan(0.95); // the best score within the cap, not beyond it
  });

  it('rejects a target outside (0, 1]', () => {
    const problem = makeProblem({ load: [1, 1], cf: { solar: [1, 0] } });
    expect(() => heuristicPortfolio(problem, 0)).toThrow(RangeError);
    expect(() => heuristicPortfolio(problem, 1.01)).toThrow(RangeError);
  });
});
