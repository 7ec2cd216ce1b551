import { describe, expect, it } from 'vitest';
import { TECHNOLOGIES } from '../../../src/model/inputs.js';
import {
  batteryEnergyCostUsdPerMwhYear,
  batteryPowerCostUsdPerMwYear,
  capacityCostUsdPerMwYear,
} from '../../../src/model/cfe/annualisedCost.js';
import { buildCfeLp, cfeRowRhs, lpSize, setCfeTarget, type CfeLp } from '../../../src/model/cfe/lpProblem.js';
import type { CfeProblem, TechnologyCost } from '../../../src/model/cfe/types.js';

const cost = (capexUsdPerKw: number, variableUsdPerMwh = 0): TechnologyCost => ({
  capexUsdPerKw,
  fixedOmUsdPerKwYear: 10,
  lifetimeYears: 20,
  variableUsdPerMwh,
});

/** Four hours, flat load 100 MW; solar at cf 0.5 only (wind and firm capped at 0 unless given). */
function problem(overrides: Partial<CfeProblem> = {}, hours = 4): CfeProblem {
  const flat = (v: number) => new Float64Array(hours).fill(v);
  return {
    loadMw: flat(100),
    capacityFactor: { solar: flat(0.5), onshore_wind: flat(0.3), offshore_wind: flat(0.45), clean_firm: flat(0.9) },
    gridCfeShare: flat(0.25),
    gridEmissionsTPerMwh: flat(0.4),
    battery: { chargeEfficiency: 0.95, dischargeEfficiency: 0.9 },
    costs: {
      technology: { solar: cost(1000), onshore_wind: cost(1300), offshore_wind: cost(3000), clean_firm: cost(6000, 12) },
      battery: { powerCapexUsdPerKw: 300, energyCapexUsdPerKwh: 200, fixedOmUsdPerKwYear: 5, lifetimeYears: 15 },
      discountRate: 0.06,
      gridUsdPerMwh: 55,
    },
    maxMw: { solar: Infinity, onshore_wind: 0, offshore_wind: 0, clean_firm: 0 },
    maxExcessShare: 0.2,
    ...overrides,
  };
}

/** Dense view of row i, keyed by column name. */
function row(lp: CfeLp, name: string): Record<string, number> {
  const i = lp.rowNames.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  const out: Record<string, number> = {};
  for (let k = lp.rowStarts[i]!; k < lp.rowStarts[i + 1]!; k++) out[lp.colNames[lp.colIndex[k]!]!] = lp.values[k]!;
  return out;
}

const col = (lp: CfeLp, name: string) => lp.colNames.indexOf(name);

describe('buildCfeLp', () => {
  it('has 5T + 6 columns, 5T + 1 rows (+1 with an excess cap) and the non-zeros counted by hand', () => {
    const lp = buildCfeLp(problem(), 0.9);
    expect(lp.numCols).toBe(26);
    expect(lp.numRows).toBe(22);
    // balance 4 x (solar, c, d, g, x) + storage 4 x 4 + limits 3 x 4 x 2 + cfe 4 + xcap 4
    expect(lpSize(lp)).toEqual({ rows: 22, columns: 26, nonZeros: 20 + 16 + 24 + 4 + 4 });
    expect(lpSize(problem())).toEqual(lpSize(lp));
    const noCap = buildCfeLp(problem({ maxExcessShare: Infinity }), 0.9);
    expect(noCap.numRows).toBe(21);
    expect(noCap.rows.excessCap).toBe(-1);
    expect(noCap.rowNames).not.toContain('xcap');
  });

  it('size for a year of 8,760 hours', () => {
    const year = problem({ maxExcessShare: Infinity }, 8760);
    const size = lpSize(year);
    expect(size.rows).toBe(5 * 8760 + 1);
    expect(size.columns).toBe(5 * 8760 + 6);
    expect(size.nonZeros).toBe(8760 * (5 + 4 + 6 + 1));
  });

  it('writes the balance, cyclic storage, battery limits, cfe and excess rows (unscaled)', () => {
    const p = problem();
    const lp = buildCfeLp(p, 0.9, { scaling: 'none' });
    expect(row(lp, 'bal_2')).toEqual({ cap_solar: 0.5, c_2: -1, d_2: 1, g_2: 1, x_2: -1 });
    expect(lp.rowLower[lp.rowNames.indexOf('bal_2')]).toBe(100);
    expect(lp.rowUpper[lp.rowNames.indexOf('bal_2')]).toBe(100);
    // Cyclic: hour 0 follows hour 3.
    expect(row(lp, 'soc_0')).toEqual({ c_0: -0.95, d_0: 1 / 0.9, s_0: 1, s_3: -1 });
    expect(row(lp, 'soc_3')).toEqual({ c_3: -0.95, d_3: 1 / 0.9, s_2: -1, s_3: 1 });
    expect(row(lp, 'cmax_1')).toEqual({ batt_mw: -1, c_1: 1 });
    expect(row(lp, 'dmax_1')).toEqual({ batt_mw: -1, d_1: 1 });
    expect(row(lp, 'smax_1')).toEqual({ batt_mwh: -1, s_1: 1 });
    expect(row(lp, 'cfe')).toEqual({ g_0: 0.75, g_1: 0.75, g_2: 0.75, g_3: 0.75 });
    expect(lp.rowUpper[lp.rows.cfe]).toBeCloseTo(0.1 * 400, 9);
    expect(lp.rowLower[lp.rows.cfe]).toBe(-Infinity);
    expect(row(lp, 'xcap')).toEqual({ x_0: 1, x_1: 1, x_2: 1, x_3: 1 });
    expect(lp.rowUpper[lp.rows.excessCap]).toBeCloseTo(0.2 * 400, 9);
  });

  it('objective: annualised capacity costs (+ variable cost folded in), battery, grid price', () => {
    const p = problem({ maxMw: { solar: Infinity, onshore_wind: 500, offshore_wind: 0, clean_firm: Infinity } });
    const lp = buildCfeLp(p, 0.9, { scaling: 'none' });
    const rate = p.costs.discountRate;
    expect(lp.colCost[col(lp, 'cap_solar')]).toBeCloseTo(capacityCostUsdPerMwYear(p.costs.technology.solar, rate), 6);
    expect(lp.colCost[col(lp, 'cap_clean_firm')]).toBeCloseTo(capacityCostUsdPerMwYear(p.costs.technology.clean_firm, rate) + 12 * 0.9 * 4, 6);
    expect(lp.colCost[col(lp, 'batt_mw')]).toBeCloseTo(batteryPowerCostUsdPerMwYear(p.costs.battery, rate), 6);
    expect(lp.colCost[col(lp, 'batt_mwh')]).toBeCloseTo(batteryEnergyCostUsdPerMwhYear(p.costs.battery, rate), 6);
    expect(lp.colCost[col(lp, 'g_3')]).toBe(55);
    expect(lp.colCost[col(lp, 'x_3')]).toBe(0);
    expect(lp.colUpper[col(lp, 'cap_onshore_wind')]).toBe(500);
    expect(lp.colUpper[col(lp, 'cap_solar')]).toBe(Infinity);
  });

  it('auto scaling: power in mean-load units, objective in USD per MWh of load', () => {
    const p = problem({ loadMw: Float64Array.from([50, 150, 100, 100]) });
    const raw = buildCfeLp(p, 0.9, { scaling: 'none' });
    const scaled = buildCfeLp(p, 0.9);
    expect(scaled.powerUnitMw).toBe(100);
    expect(scaled.costUnitUsd).toBe(400);
    for (let j = 0; j < raw.numCols; j++) {
      expect(scaled.colCost[j]).toBeCloseTo((raw.colCost[j]! * 100) / 400, 9);
      expect(scaled.colUpper[j]).toBe(raw.colUpper[j]! / 100);
    }
    for (let i = 0; i < raw.numRows; i++) {
      if (Number.isFinite(raw.rowUpper[i]!)) expect(scaled.rowUpper[i]).toBeCloseTo(raw.rowUpper[i]! / 100, 12);
    }
    expect(Array.from(scaled.values)).toEqual(Array.from(raw.values));
  });

  it('fixes unavailable resources at 0 and says why', () => {
    const p = problem({
      maxMw: { solar: Infinity, onshore_wind: Infinity, offshore_wind: Infinity, clean_firm: 0 },
    });
    p.capacityFactor.offshore_wind = new Float64Array(4);
    p.costs.technology.onshore_wind = { ...p.costs.technology.onshore_wind, capexUsdPerKw: Infinity };
    p.battery = { chargeEfficiency: 0, dischargeEfficiency: 0.9 };
    const lp = buildCfeLp(p, 0.9);
    expect(lp.unavailable).toEqual([
      { resource: 'onshore_wind', reason: 'cost not finite' },
      { resource: 'offshore_wind', reason: 'no output in its profile' },
      { resource: 'clean_firm', reason: 'capped at 0 MW' },
      { resource: 'battery', reason: 'zero efficiency' },
    ]);
    for (const name of ['cap_onshore_wind', 'cap_offshore_wind', 'cap_clean_firm', 'batt_mw', 'batt_mwh', 'c_0', 'd_3', 's_2']) {
      expect(lp.colUpper[col(lp, name)]).toBe(0);
      expect(lp.colCost[col(lp, name)]).toBe(0);
    }
    expect(Object.keys(row(lp, 'bal_0'))).not.toContain('cap_clean_firm');
    expect(Number.isFinite(lp.colCost.reduce((a, b) => a + b, 0))).toBe(true);
  });

  it('one hour: the cyclic state of charge cancels out of its own row', () => {
    const lp = buildCfeLp(problem({}, 1), 0.5, { scaling: 'none' });
    expect(row(lp, 'soc_0')).toEqual({ c_0: -0.95, d_0: 1 / 0.9 });
  });

  it('setCfeTarget changes only the cfe row rhs', () => {
    const lp = buildCfeLp(problem(), 0.8);
    const before = { lower: Float64Array.from(lp.rowLower), upper: Float64Array.from(lp.rowUpper), cost: Float64Array.from(lp.colCost) };
    setCfeTarget(lp, 0.95);
    expect(lp.target).toBe(0.95);
    for (let i = 0; i < lp.numRows; i++) {
      expect(lp.rowLower[i]).toBe(before.lower[i]);
      if (i !== lp.rows.cfe) expect(lp.rowUpper[i]).toBe(before.upper[i]);
    }
    expect(lp.rowUpper[lp.rows.cfe]).toBeCloseTo((0.05 * 400) / lp.powerUnitMw, 12);
    expect(cfeRowRhs(lp, 1)).toBe(0);
    expect(Array.from(lp.colCost)).toEqual(Array.from(before.cost));
    expect(buildCfeLp(problem(), 0.95).rowUpper).toEqual(lp.rowUpper);
  });

  it('names are unique and safe for LP text (no leading digit, e or E)', () => {
    const lp = buildCfeLp(problem({}, 30), 0.9);
    for (const names of [lp.colNames, lp.rowNames]) {
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-df-zA-DF-Z_][A-Za-z0-9_]*$/);
    }
    expect(lp.colNames.slice(0, 6)).toEqual([...TECHNOLOGIES.map((t) => `cap_${t}`), 'batt_mw', 'batt_mwh']);
    expect(lp.colNames).toContain('c_0');
  });

  it('rejects malformed input with a message naming the field', () => {
    expect(() => buildCfeLp(problem(), 1.2)).toThrow(/target 1.2/);
    expect(() => buildCfeLp(problem({ loadMw: new Float64Array(4) }), 0.9)).toThrow(/annual load is 0 MWh/);
    expect(() => buildCfeLp(problem({ gridCfeShare: new Float64Array(3) }), 0.9)).toThrow(/grid CFE share has 3 hours, the load has 4/);
    const p = problem();
    p.capacityFactor.solar[2] = Number.NaN;
    expect(() => buildCfeLp(p, 0.9)).toThrow(/solar capacity factor at hour 2/);
  });
});
