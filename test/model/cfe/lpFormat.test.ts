import { describe, expect, it } from 'vitest';
import { formatCfeLp } from '../../../src/model/cfe/lpFormat.js';
import { buildCfeLp, setCfeTarget } from '../../../src/model/cfe/lpProblem.js';
import { loadCfeSolver, solveCfeSweep } from '../../../src/model/cfe/solveLp.js';
import type { CfeProblem, TechnologyCost } from '../../../src/model/cfe/types.js';
import { createRng } from '../../../src/uncertainty/rng.js';

const cost = (capexUsdPerKw: number, fixedOmUsdPerKwYear: number, variableUsdPerMwh = 0): TechnologyCost => ({
  capexUsdPerKw,
  fixedOmUsdPerKwYear,
  lifetimeYears: 25,
  variableUsdPerMwh,
});

/** A small random site: sun by day with clouds, random wind, random grid CFE share. */
function site(seed: number, hours: number, maxExcessShare = Infinity): CfeProblem {
  const rng = createRng(seed);
  const solar = new Float64Array(hours);
  const wind = new Float64Array(hours);
  const gamma = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    solar[h] = Math.round(1000 * Math.max(0, Math.sin((Math.PI * ((h % 24) - 6)) / 12)) * rng()) / 1000;
    wind[h] = Math.round(1000 * rng()) / 1000;
    gamma[h] = Math.round(100 * 0.5 * rng()) / 100;
  }
  const window = hours / 8760;
  return {
    loadMw: Float64Array.from({ length: hours }, (_, h) => 500 + 100 * Math.cos((2 * Math.PI * h) / 24)),
    capacityFactor: { solar, onshore_wind: wind, offshore_wind: new Float64Array(hours), clean_firm: new Float64Array(hours).fill(0.85) },
    gridCfeShare: gamma,
    gridEmissionsTPerMwh: new Float64Array(hours).fill(0.5),
    battery: { chargeEfficiency: 0.93, dischargeEfficiency: 0.93 },
    costs: {
      technology: {
        solar: cost(1100 * window, 20 * window),
        onshore_wind: cost(1400 * window, 40 * window),
        offshore_wind: cost(3500 * window, 90 * window),
        clean_firm: cost(7000 * window, 120 * window, 12),
      },
      battery: { powerCapexUsdPerKw: 250 * window, energyCapexUsdPerKwh: 250 * window, fixedOmUsdPerKwYear: 10 * window, lifetimeYears: 15 },
      discountRate: 0.07,
      gridUsdPerMwh: 60,
    },
    maxMw: { solar: Infinity, onshore_wind: 2000, offshore_wind: 0, clean_firm: Infinity },
    maxExcessShare,
  };
}

describe('formatCfeLp', () => {
  it('writes the sections, readable names and fixed columns', () => {
    const text = formatCfeLp(buildCfeLp(site(1, 24), 0.9, { scaling: 'none' }), { comments: ['scenario base, year 2030'] });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^\\ gwplan: least-cost 24\/7/);
    expect(lines).toContain('\\ scenario base, year 2030');
    const sections = ['Minimize', 'Subject To', 'Bounds', 'End'].map((s) => lines.indexOf(s));
    expect(sections.every((i, k) => i > 0 && (k === 0 || i > sections[k - 1]!))).toBe(true);
    expect(text).toMatch(/^ cost: \+ [0-9.e+-]+ cap_solar /m);
    expect(text).toContain(` soc_0: - 0.93 c_0 + ${1 / 0.93} d_0 + 1 s_0 - 1 s_23 = 0`);
    expect(text).toContain(' cmax_1: - 1 batt_mw + 1 c_1 <= 0');
    expect(text).toContain(' cap_offshore_wind = 0');
    expect(text).toContain(' 0 <= cap_onshore_wind <= 2000');
    expect(text).toContain(' cap_solar >= 0');
    expect(text).not.toMatch(/Infinity|NaN|-0 /);
    expect(text.endsWith('End\n')).toBe(true);
  });

  it('is deterministic, and a new target changes only the cfe row and the header', () => {
    const lp = buildCfeLp(site(2, 24), 0.8);
    const a = formatCfeLp(lp);
    expect(formatCfeLp(buildCfeLp(site(2, 24), 0.8))).toBe(a);
    setCfeTarget(lp, 0.95);
    const b = formatCfeLp(lp);
    const diff = a
      .split('\n')
      .map((line, i) => [line, b.split('\n')[i]] as const)
      .filter(([x, y]) => x !== y);
    expect(diff.length).toBe(2);
    expect(diff[0]![0]).toMatch(/CFE target 0.8/);
    expect(diff[1]![1]).toMatch(/<= 1\.20*\d?$/); // (1 - 0.95) x 24 hours of mean load
  });

  it('wraps long rows to at most 100 characters', () => {
    const text = formatCfeLp(buildCfeLp(site(3, 300, 0.3), 0.9));
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    const cfeStart = lines.findIndex((l) => l.startsWith(' cfe:'));
    expect(lines[cfeStart + 1]).toMatch(/^ {2}[+-] /); // continuation line
  });

  it('round trip: HiGHS reading the text gets the same LP and the same optimum as the in-process path', async () => {
    const problem = site(4, 72, 0.5);
    for (const target of [0.7, 0.95]) {
      const lp = buildCfeLp(problem, target);
      const text = formatCfeLp(lp);
      const highs = await loadCfeSolver();
      const fromText = highs.solve(text, { output_flag: false });
      expect(fromText.Status).toBe('Optimal');
      const inProcess = (await solveCfeSweep(problem, [target])).results[0]!;
      if (inProcess.status !== 'optimal') throw new Error(inProcess.message);
      expect((fromText.ObjectiveValue * lp.costUnitUsd) / inProcess.objectiveUsdPerYear).toBeCloseTo(1, 9);
      expect(Object.keys(fromText.Columns).length).toBe(lp.numCols);
      expect(fromText.Rows.length).toBe(lp.numRows);
      const solar = fromText.Columns['cap_solar'];
      expect(solar && 'Primal' in solar ? solar.Primal * lp.powerUnitMw : NaN).toBeCloseTo(inProcess.portfolio.mw.solar, 3);
      // Same matrix: the parsed model has the same non-zeros.
      const parsed = highs.createModel({ format: 'lp', data: text });
      try {
        expect(parsed.getDimensions().numNonzeros).toBe(lp.values.length);
      } finally {
        parsed.dispose();
      }
    }
  });

  it('unscaled and scaled LPs give the same optimum in USD', async () => {
    const problem = site(5, 48);
    const highs = await loadCfeSolver();
    const usd = (scaling: 'auto' | 'none') => {
      const lp = buildCfeLp(problem, 0.9, { scaling });
      const result = highs.solve(formatCfeLp(lp), { output_flag: false });
      expect(result.Status).toBe('Optimal');
      return result.ObjectiveValue * lp.costUnitUsd;
    };
    expect(usd('auto') / usd('none')).toBeCloseTo(1, 8);
  });
});
