/**
 * The least-cost 24/7 CFE portfolio of one year as a linear program, built once as plain
 * data (method.md §5). Nothing here calls a solver: `solveLp.ts` hands these arrays to
 * HiGHS and `lpFormat.ts` writes them as CPLEX LP text.
 *
 * Variables (all >= 0), for T hours t = 0..T-1:
 *   cap_r      installed MW of r in solar, onshore_wind, offshore_wind, clean_firm (<= maxMw_r)
 *   batt_mw    battery power P;  batt_mwh  battery energy E
 *   c_t d_t    battery charge / discharge; s_t state of charge (end of hour t)
 *   g_t x_t    grid import / excess (spilled) energy
 * Rows:
 *   bal_t   sum_r cf_r,t cap_r + d_t - c_t + g_t - x_t = L_t
 *   soc_t   s_t - s_{t-1} - eta_c c_t + d_t / eta_d = 0    (cyclic: s_{-1} is s_{T-1})
 *   cmax_t  c_t - P <= 0;  dmax_t  d_t - P <= 0;  smax_t  s_t - E <= 0
 *   cfe     sum_t (1 - gamma_t) g_t <= (1 - target) sum_t L_t
 *   xcap    sum_t x_t <= maxExcessShare sum_t L_t          (only when the share is finite)
 * Objective: annualised USD = sum_r (capacity cost_r + variable_r sum_t cf_r,t) cap_r
 *   + battery power cost P + battery energy cost E + grid price sum_t g_t.
 *
 * Scaling ('auto', the default): power is counted in units of the mean load (so hourly
 * variables are about 1) and the objective in USD per MWh of annual load (so it reads as
 * the portfolio's cost per MWh, tens of units). `powerUnitMw` and `costUnitUsd` convert
 * back; with scaling 'none' both are 1 and the LP is in MW, MWh and USD.
 *
 * A technology whose cap is 0, whose costs are not finite or whose profile never produces
 * is kept as a column fixed at 0, so the layout (and the LP text) is the same for every
 * input. A battery with a non-finite cost or a zero efficiency is fixed at 0 the same way.
 */
import { TECHNOLOGIES, type Technology } from '../inputs.js';
import {
  batteryEnergyCostUsdPerMwhYear,
  batteryPowerCostUsdPerMwYear,
  capacityCostUsdPerMwYear,
} from './annualisedCost.js';
import type { CfeProblem } from './types.js';

export type LpScaling = 'auto' | 'none';

export interface BuildCfeLpOptions {
  /** 'auto' (default): power in mean-load units, objective in USD per MWh of load. */
  scaling?: LpScaling;
}

/** Where each variable sits in the column vector; hourly blocks start at the given index. */
export interface CfeLpLayout {
  hours: number;
  cap: Record<Technology, number>;
  batteryMw: number;
  batteryMwh: number;
  charge: number;
  discharge: number;
  soc: number;
  grid: number;
  excess: number;
}

/** Row indices: hourly blocks start at the given index; `excessCap` is -1 when absent. */
export interface CfeLpRows {
  balance: number;
  storage: number;
  chargeMax: number;
  dischargeMax: number;
  socMax: number;
  cfe: number;
  excessCap: number;
}

/**
 * An LP `min c'x, rowLower <= A x <= rowUpper, colLower <= x <= colUpper` in plain arrays;
 * A is compressed by row (CSR). Infinite bounds are +-Infinity.
 */
export interface CfeLp {
  numCols: number;
  numRows: number;
  colNames: string[];
  rowNames: string[];
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  rowStarts: Int32Array;
  colIndex: Int32Array;
  values: Float64Array;
  layout: CfeLpLayout;
  rows: CfeLpRows;
  /** MW in one LP power unit (MWh in one LP energy unit). */
  powerUnitMw: number;
  /** USD in one LP objective unit. */
  costUnitUsd: number;
  /** Annual load, MWh (sum of the hourly load). */
  loadMwh: number;
  /** The target whose rhs is currently in the cfe row. */
  target: number;
  /** Technologies and battery fixed at 0, with the reason, for messages. */
  unavailable: UnavailableResource[];
}

export interface UnavailableResource {
  resource: Technology | 'battery';
  reason: 'capped at 0 MW' | 'cost not finite' | 'no output in its profile' | 'zero efficiency';
}

export interface LpSize {
  rows: number;
  columns: number;
  nonZeros: number;
}

/** Short planner name of a technology, for messages. */
export const TECHNOLOGY_LABEL: Record<Technology, string> = {
  solar: 'solar',
  onshore_wind: 'onshore wind',
  offshore_wind: 'offshore wind',
  clean_firm: 'clean firm',
};

function checkProblem(problem: CfeProblem): number {
  const hours = problem.loadMw.length;
  if (hours < 1) throw new RangeError('CFE LP: the load has no hours');
  const same = (what: string, array: Float64Array) => {
    if (array.length !== hours) throw new RangeError(`CFE LP: ${what} has ${array.length} hours, the load has ${hours}`);
  };
  for (const technology of TECHNOLOGIES) same(`the ${TECHNOLOGY_LABEL[technology]} capacity factor`, problem.capacityFactor[technology]);
  same('the grid CFE share', problem.gridCfeShare);
  for (let t = 0; t < hours; t++) {
    const load = problem.loadMw[t]!;
    if (!(load >= 0) || !Number.isFinite(load)) throw new RangeError(`CFE LP: load at hour ${t} is ${load} MW; it must be finite and >= 0`);
    const gamma = problem.gridCfeShare[t]!;
    if (!(gamma >= 0 && gamma <= 1)) throw new RangeError(`CFE LP: grid CFE share at hour ${t} is ${gamma}; it must be in [0, 1]`);
    for (const technology of TECHNOLOGIES) {
      const cf = problem.capacityFactor[technology][t]!;
      if (!(cf >= 0) || !Number.isFinite(cf)) throw new RangeError(`CFE LP: ${TECHNOLOGY_LABEL[technology]} capacity factor at hour ${t} is ${cf}; it must be finite and >= 0`);
    }
  }
  for (const technology of TECHNOLOGIES) {
    const cap = problem.maxMw[technology];
    if (Number.isNaN(cap) || cap < 0) throw new RangeError(`CFE LP: max MW of ${TECHNOLOGY_LABEL[technology]} is ${cap}; it must be >= 0 or Infinity`);
  }
  if (Number.isNaN(problem.maxExcessShare) || problem.maxExcessShare < 0) {
    throw new RangeError(`CFE LP: max excess share is ${problem.maxExcessShare}; it must be >= 0 or Infinity`);
  }
  const { chargeEfficiency, dischargeEfficiency } = problem.battery;
  for (const [what, eta] of [['charge', chargeEfficiency], ['discharge', dischargeEfficiency]] as const) {
    if (!(eta >= 0 && eta <= 1)) throw new RangeError(`CFE LP: battery ${what} efficiency is ${eta}; it must be in (0, 1]`);
  }
  return hours;
}

function checkTarget(target: number): void {
  if (!(target >= 0 && target <= 1)) throw new RangeError(`CFE LP: target ${target} must be in [0, 1]`);
}

/** Right-hand side of the cfe row for a target, in LP units. */
export function cfeRowRhs(lp: CfeLp, target: number): number {
  checkTarget(target);
  return ((1 - target) * lp.loadMwh) / lp.powerUnitMw;
}

/** Puts a new target into the cfe row (the only number that changes along a sweep). */
export function setCfeTarget(lp: CfeLp, target: number): void {
  lp.rowUpper[lp.rows.cfe] = cfeRowRhs(lp, target);
  lp.target = target;
}

/** Column and row names: readable in LP text, none starting with 'e' or a digit. */
function names(hours: number, hasExcessCap: boolean): { colNames: string[]; rowNames: string[] } {
  const colNames = [...TECHNOLOGIES.map((technology) => `cap_${technology}`), 'batt_mw', 'batt_mwh'];
  for (const prefix of ['c', 'd', 's', 'g', 'x']) for (let t = 0; t < hours; t++) colNames.push(`${prefix}_${t}`);
  const rowNames: string[] = [];
  for (const prefix of ['bal', 'soc', 'cmax', 'dmax', 'smax']) for (let t = 0; t < hours; t++) rowNames.push(`${prefix}_${t}`);
  rowNames.push('cfe');
  if (hasExcessCap) rowNames.push('xcap');
  return { colNames, rowNames };
}

/** Builds the LP of `problem` at `target` (0..1). */
export function buildCfeLp(problem: CfeProblem, target: number, options: BuildCfeLpOptions = {}): CfeLp {
  const hours = checkProblem(problem);
  checkTarget(target);
  const scaling = options.scaling ?? 'auto';

  let loadMwh = 0;
  for (let t = 0; t < hours; t++) loadMwh += problem.loadMw[t]!;
  if (!(loadMwh > 0)) throw new RangeError('CFE LP: the annual load is 0 MWh; there is nothing to match');
  const powerUnitMw = scaling === 'auto' ? loadMwh / hours : 1;
  const costUnitUsd = scaling === 'auto' ? loadMwh : 1;
  /** Objective coefficient, in LP units, of a variable costing `usd` per MW (or MWh). */
  const cost = (usd: number) => (usd * powerUnitMw) / costUnitUsd;

  const hasExcessCap = Number.isFinite(problem.maxExcessShare);
  const numCols = 6 + 5 * hours;
  const numRows = 5 * hours + 1 + (hasExcessCap ? 1 : 0);
  const layout: CfeLpLayout = {
    hours,
    cap: { solar: 0, onshore_wind: 1, offshore_wind: 2, clean_firm: 3 },
    batteryMw: 4,
    batteryMwh: 5,
    charge: 6,
    discharge: 6 + hours,
    soc: 6 + 2 * hours,
    grid: 6 + 3 * hours,
    excess: 6 + 4 * hours,
  };
  const rows: CfeLpRows = {
    balance: 0,
    storage: hours,
    chargeMax: 2 * hours,
    dischargeMax: 3 * hours,
    socMax: 4 * hours,
    cfe: 5 * hours,
    excessCap: hasExcessCap ? 5 * hours + 1 : -1,
  };

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(Infinity);
  const unavailable: UnavailableResource[] = [];

  const { costs } = problem;
  for (const technology of TECHNOLOGIES) {
    const column = layout.cap[technology];
    const techCost = costs.technology[technology];
    const capacityUsd = capacityCostUsdPerMwYear(techCost, costs.discountRate);
    let cfSum = 0;
    for (const cf of problem.capacityFactor[technology]) cfSum += cf;
    const usdPerMw = capacityUsd + techCost.variableUsdPerMwh * cfSum;
    let reason: UnavailableResource['reason'] | undefined;
    if (problem.maxMw[technology] === 0) reason = 'capped at 0 MW';
    else if (!Number.isFinite(usdPerMw)) reason = 'cost not finite';
    else if (cfSum === 0) reason = 'no output in its profile';
    if (reason) {
      unavailable.push({ resource: technology, reason });
      colUpper[column] = 0;
    } else {
      colCost[column] = cost(usdPerMw);
      colUpper[column] = problem.maxMw[technology] / powerUnitMw;
    }
  }
  const etaC = problem.battery.chargeEfficiency;
  const etaD = problem.battery.dischargeEfficiency;
  const powerUsd = batteryPowerCostUsdPerMwYear(costs.battery, costs.discountRate);
  const energyUsd = batteryEnergyCostUsdPerMwhYear(costs.battery, costs.discountRate);
  const batteryReason: UnavailableResource['reason'] | undefined =
    !Number.isFinite(powerUsd) || !Number.isFinite(energyUsd) ? 'cost not finite' : etaC === 0 || etaD === 0 ? 'zero efficiency' : undefined;
  if (batteryReason) {
    unavailable.push({ resource: 'battery', reason: batteryReason });
    for (const column of [layout.batteryMw, layout.batteryMwh, layout.charge, layout.discharge, layout.soc]) {
      const count = column >= layout.charge ? hours : 1;
      colUpper.fill(0, column, column + count);
    }
  } else {
    colCost[layout.batteryMw] = cost(powerUsd);
    colCost[layout.batteryMwh] = cost(energyUsd);
  }
  if (!Number.isFinite(costs.gridUsdPerMwh)) throw new RangeError(`CFE LP: grid price is ${costs.gridUsdPerMwh} USD/MWh; it must be finite`);
  colCost.fill(cost(costs.gridUsdPerMwh), layout.grid, layout.grid + hours);

  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const capacity = 20 * hours + 8;
  const rowStarts = new Int32Array(numRows + 1);
  const colIndex = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let nnz = 0;
  let row = 0;
  const entry = (column: number, value: number) => {
    if (value === 0) return;
    colIndex[nnz] = column;
    values[nnz] = value;
    nnz++;
  };
  const endRow = (lower: number, upper: number) => {
    rowLower[row] = lower;
    rowUpper[row] = upper;
    row++;
    rowStarts[row] = nnz;
  };

  for (let t = 0; t < hours; t++) {
    for (const technology of TECHNOLOGIES) {
      if (colUpper[layout.cap[technology]] !== 0) entry(layout.cap[technology], problem.capacityFactor[technology][t]!);
    }
    entry(layout.charge + t, -1);
    entry(layout.discharge + t, 1);
    entry(layout.grid + t, 1);
    entry(layout.excess + t, -1);
    const load = problem.loadMw[t]! / powerUnitMw;
    endRow(load, load);
  }
  for (let t = 0; t < hours; t++) {
    const previous = (t + hours - 1) % hours;
    // With one hour, s_t - s_{t-1} cancels and is left out (HiGHS rejects a repeated column).
    if (previous !== t) {
      entry(layout.soc + t, 1);
      entry(layout.soc + previous, -1);
    }
    if (!batteryReason) {
      entry(layout.charge + t, -etaC);
      entry(layout.discharge + t, 1 / etaD);
    }
    // Sort the row's columns (HiGHS needs no order; the LP text reads better).
    sortRow(colIndex, values, rowStarts[row]!, nnz);
    endRow(0, 0);
  }
  for (const [block, bound] of [
    [layout.charge, layout.batteryMw],
    [layout.discharge, layout.batteryMw],
    [layout.soc, layout.batteryMwh],
  ] as const) {
    for (let t = 0; t < hours; t++) {
      entry(bound, -1);
      entry(block + t, 1);
      endRow(-Infinity, 0);
    }
  }
  for (let t = 0; t < hours; t++) entry(layout.grid + t, 1 - problem.gridCfeShare[t]!);
  endRow(-Infinity, ((1 - target) * loadMwh) / powerUnitMw);
  if (hasExcessCap) {
    for (let t = 0; t < hours; t++) entry(layout.excess + t, 1);
    endRow(-Infinity, (problem.maxExcessShare * loadMwh) / powerUnitMw);
  }

  const { colNames, rowNames } = names(hours, hasExcessCap);
  return {
    numCols,
    numRows,
    colNames,
    rowNames,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    rowStarts,
    colIndex: colIndex.slice(0, nnz),
    values: values.slice(0, nnz),
    layout,
    rows,
    powerUnitMw,
    costUnitUsd,
    loadMwh,
    target,
    unavailable,
  };
}

/** Insertion sort of one short CSR row by column index. */
function sortRow(colIndex: Int32Array, values: Float64Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const column = colIndex[i]!;
    const value = values[i]!;
    let j = i - 1;
    while (j >= start && colIndex[j]! > column) {
      colIndex[j + 1] = colIndex[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    colIndex[j + 1] = column;
    values[j + 1] = value;
  }
}

/** Rows, columns and non-zeros of the LP (for the run manifest). Builds the LP if given a problem. */
export function lpSize(source: CfeLp | CfeProblem): LpSize {
  const lp = 'rowStarts' in source ? source : buildCfeLp(source, 0.5);
  return { rows: lp.numRows, columns: lp.numCols, nonZeros: lp.values.length };
}
