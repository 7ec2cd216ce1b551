/**
 * Hourly greedy battery dispatch of one portfolio over one year, Google's CFE score and
 * the portfolio's annualised cost (method.md §5).
 *
 * Per hour t: clean generation G_t = sum_r cf_r,t x MW_r. A surplus (G > L) charges the
 * battery, limited by its power and by the energy room left (charge efficiency applied on
 * the way in); the rest is excess. A deficit (G < L) discharges the battery, limited by its
 * power and by stored energy x discharge efficiency; the rest is grid import.
 *
 * Cyclic state of charge: the year ends where it started. The map from the starting state
 * of charge s to the end-of-year state f(s) is monotone and non-expansive, so iterating
 * s <- f(s) from an empty battery rises to the smallest fixed point. Two facts make it
 * finish in at most 3 passes (exact arithmetic): once a pass touches full (or empty), every
 * trajectory started above (or below) it merges with it, so f is flat there and the next
 * start is already a fixed point; a pass that touches neither bound is a pure shift,
 * f(s') = s' + (f(s) - s), so the start is moved in one jump to where the trajectory just
 * touches full (or empty). Passes are capped at MAX_SOC_PASSES.
 *
 * CFE score (Google): CFE_h = min(L_h, G_h + D_h - C_h) + gamma_h x grid_h, score =
 * sum CFE_h / sum L_h. Under the greedy balance min(L, G + D - C) = L - grid, so the hourly
 * term is computed as L - (1 - gamma) x grid, which is exactly L in fully matched hours.
 * Surplus in one hour never counts in another (only through the battery).
 */
import { TECHNOLOGIES, type Technology } from '../inputs.js';
import { batteryEnergyCostUsdPerMwhYear, batteryPowerCostUsdPerMwYear, capacityCostUsdPerMwYear } from './annualisedCost.js';
import type { CfeProblem, DispatchSummary, DispatchTrace, Portfolio } from './types.js';

/** Cap on passes over the year to make the state of charge cyclic (3 suffice in exact arithmetic). */
export const MAX_SOC_PASSES = 8;
/** An hour counts as unmatched when its grid import exceeds this, MW. */
export const UNMATCHED_IMPORT_MW = 1e-9;
/** Cyclic tolerance: |end - start| state of charge <= this x max(1, battery MWh). */
export const SOC_CYCLE_TOLERANCE = 1e-9;

// Results of one pass, written into a module scratch to avoid an object per pass.
const END_SOC = 0;
const MAX_SOC = 1;
const MIN_SOC = 2;
const HIT_FULL = 3;
const HIT_EMPTY = 4;
const GEN = 5;
const EXCESS = 6;
const GRID = 7;
const UNMATCHED = 8;
const DISCHARGE = 9;
const EMISSIONS = 10;
const CFE = 11;
const LOAD = 12;
const pass = new Float64Array(13);
let passesOfLastCall = 0;

/** Diagnostics: number of passes over the year the last simulateDispatch call needed. */
export function lastDispatchPasses(): number {
  return passesOfLastCall;
}

function runPass(
  load: Float64Array,
  gamma: Float64Array,
  emissionFactor: Float64Array,
  generation: Float64Array,
  scale: number,
  powerMw: number,
  energyMwh: number,
  etaC: number,
  etaD: number,
  soc0: number,
  trace: DispatchTrace | undefined,
): void {
  const n = load.length;
  let soc = soc0;
  let maxSoc = soc0;
  let minSoc = soc0;
  let hitFull = 0;
  let hitEmpty = 0;
  let genSum = 0;
  let excessSum = 0;
  let gridSum = 0;
  let unmatched = 0;
  let dischargeSum = 0;
  let emissions = 0;
  let cfeSum = 0;
  let loadSum = 0;
  const invC = 1 / etaC;
  const invD = 1 / etaD;
  // Branch-free hour (Math.min/max): surplus and deficit hours alternate unpredictably.
  for (let t = 0; t < n; t++) {
    const l = load[t]!;
    const g = scale * generation[t]!;
    const net = g - l;
    const surplus = Math.max(net, 0);
    const deficit = Math.max(-net, 0);
    const chargeCap = Math.min(surplus, powerMw);
    const room = (energyMwh - soc) * invC;
    const charge = Math.min(chargeCap, room);
    const dischargeCap = Math.min(deficit, powerMw);
    const available = soc * etaD;
    const discharge = Math.min(dischargeCap, available);
    hitFull |= (surplus > 0 ? 1 : 0) & (room <= chargeCap ? 1 : 0);
    hitEmpty |= (deficit > 0 ? 1 : 0) & (available <= dischargeCap ? 1 : 0);
    soc = Math.min(energyMwh, Math.max(0, soc + charge * etaC - discharge * invD));
    maxSoc = Math.max(maxSoc, soc);
    minSoc = Math.min(minSoc, soc);
    const grid = deficit - discharge;
    const excess = surplus - charge;
    genSum += g;
    excessSum += excess;
    gridSum += grid;
    dischargeSum += discharge;
    loadSum += l;
    unmatched += grid > UNMATCHED_IMPORT_MW ? 1 : 0;
    emissions += grid * emissionFactor[t]!;
    cfeSum += l - grid + gamma[t]! * grid;
    if (trace !== undefined) {
      trace.generationMw[t] = g;
      trace.chargeMw[t] = charge;
      trace.dischargeMw[t] = discharge;
      trace.stateOfChargeMwh[t] = soc;
      trace.gridImportMw[t] = grid;
      trace.excessMw[t] = excess;
    }
  }
  pass[END_SOC] = soc;
  pass[MAX_SOC] = maxSoc;
  pass[MIN_SOC] = minSoc;
  pass[HIT_FULL] = hitFull;
  pass[HIT_EMPTY] = hitEmpty;
  pass[GEN] = genSum;
  pass[EXCESS] = excessSum;
  pass[GRID] = gridSum;
  pass[UNMATCHED] = unmatched;
  pass[DISCHARGE] = dischargeSum;
  pass[EMISSIONS] = emissions;
  pass[CFE] = cfeSum;
  pass[LOAD] = loadSum;
}

/** runPass without the trace stores (they keep V8 from holding the loop state in registers). */
function runPassNoTrace(
  load: Float64Array,
  gamma: Float64Array,
  emissionFactor: Float64Array,
  generation: Float64Array,
  scale: number,
  powerMw: number,
  energyMwh: number,
  etaC: number,
  etaD: number,
  soc0: number,
): void {
  const n = load.length;
  let soc = soc0;
  let maxSoc = soc0;
  let minSoc = soc0;
  let hitFull = 0;
  let hitEmpty = 0;
  let genSum = 0;
  let excessSum = 0;
  let gridSum = 0;
  let unmatched = 0;
  let dischargeSum = 0;
  let emissions = 0;
  let cfeSum = 0;
  let loadSum = 0;
  const invC = 1 / etaC;
  const invD = 1 / etaD;
  // Branch-free hour (Math.min/max): surplus and deficit hours alternate unpredictably.
  for (let t = 0; t < n; t++) {
    const l = load[t]!;
    const g = scale * generation[t]!;
    const net = g - l;
    const surplus = Math.max(net, 0);
    const deficit = Math.max(-net, 0);
    const chargeCap = Math.min(surplus, powerMw);
    const room = (energyMwh - soc) * invC;
    const charge = Math.min(chargeCap, room);
    const dischargeCap = Math.min(deficit, powerMw);
    const available = soc * etaD;
    const discharge = Math.min(dischargeCap, available);
    hitFull |= (surplus > 0 ? 1 : 0) & (room <= chargeCap ? 1 : 0);
    hitEmpty |= (deficit > 0 ? 1 : 0) & (available <= dischargeCap ? 1 : 0);
    soc = Math.min(energyMwh, Math.max(0, soc + charge * etaC - discharge * invD));
    maxSoc = Math.max(maxSoc, soc);
    minSoc = Math.min(minSoc, soc);
    const grid = deficit - discharge;
    const excess = surplus - charge;
    genSum += g;
    excessSum += excess;
    gridSum += grid;
    dischargeSum += discharge;
    loadSum += l;
    unmatched += grid > UNMATCHED_IMPORT_MW ? 1 : 0;
    emissions += grid * emissionFactor[t]!;
    cfeSum += l - grid + gamma[t]! * grid;
  }
  pass[END_SOC] = soc;
  pass[MAX_SOC] = maxSoc;
  pass[MIN_SOC] = minSoc;
  pass[HIT_FULL] = hitFull;
  pass[HIT_EMPTY] = hitEmpty;
  pass[GEN] = genSum;
  pass[EXCESS] = excessSum;
  pass[GRID] = gridSum;
  pass[UNMATCHED] = unmatched;
  pass[DISCHARGE] = dischargeSum;
  pass[EMISSIONS] = emissions;
  pass[CFE] = cfeSum;
  pass[LOAD] = loadSum;
}

/** The same year without a battery: branch-free, one pass. */
function runPassNoBattery(
  load: Float64Array,
  gamma: Float64Array,
  emissionFactor: Float64Array,
  generation: Float64Array,
  scale: number,
): void {
  const n = load.length;
  let genSum = 0;
  let excessSum = 0;
  let gridSum = 0;
  let unmatched = 0;
  let emissions = 0;
  let lossSum = 0;
  let loadSum = 0;
  for (let t = 0; t < n; t++) {
    const l = load[t]!;
    const g = scale * generation[t]!;
    const d = l - g;
    const grid = d > 0 ? d : 0;
    genSum += g;
    loadSum += l;
    excessSum += d < 0 ? -d : 0;
    gridSum += grid;
    unmatched += grid > UNMATCHED_IMPORT_MW ? 1 : 0;
    emissions += grid * emissionFactor[t]!;
    lossSum += grid - gamma[t]! * grid;
  }
  pass[END_SOC] = 0;
  pass[MAX_SOC] = 0;
  pass[MIN_SOC] = 0;
  pass[HIT_FULL] = 0;
  pass[HIT_EMPTY] = 0;
  pass[GEN] = genSum;
  pass[EXCESS] = excessSum;
  pass[GRID] = gridSum;
  pass[UNMATCHED] = unmatched;
  pass[DISCHARGE] = 0;
  pass[EMISSIONS] = emissions;
  pass[CFE] = loadSum - lossSum;
  pass[LOAD] = loadSum;
}

// Reused buffer for the hourly generation of simulateDispatch (no allocation per call).
let generationBuffer = new Float64Array(0);

function checkLength(name: string, a: Float64Array | undefined, n: number): void {
  if (a === undefined || a.length !== n) throw new RangeError(`${name} has ${a?.length ?? 0} hours, load has ${n}`);
}

/** simulateDispatch's hourly trace of `portfolio`, in new arrays as long as the load. */
export function dispatchTrace(problem: CfeProblem, portfolio: Portfolio): DispatchTrace {
  const hours = problem.loadMw.length;
  const trace: DispatchTrace = {
    generationMw: new Float64Array(hours),
    chargeMw: new Float64Array(hours),
    dischargeMw: new Float64Array(hours),
    stateOfChargeMwh: new Float64Array(hours),
    gridImportMw: new Float64Array(hours),
    excessMw: new Float64Array(hours),
  };
  simulateDispatch(problem, portfolio, trace);
  return trace;
}

/**
 * Simulates one year (any number of hours) of greedy dispatch with a cyclic state of charge.
 * If `trace` is given its arrays (at least as long as the load) are filled hour by hour;
 * stateOfChargeMwh is the state at the end of each hour, so the state before hour 0 equals
 * stateOfChargeMwh[n - 1].
 */
export function simulateDispatch(problem: CfeProblem, portfolio: Portfolio, trace?: DispatchTrace): DispatchSummary {
  const n = problem.loadMw.length;
  if (generationBuffer.length !== n) generationBuffer = new Float64Array(n);
  const generation = generationBuffer;
  generation.fill(0);
  for (const tech of TECHNOLOGIES) {
    const mw = portfolio.mw[tech];
    if (mw === 0) continue;
    const cf = problem.capacityFactor[tech];
    checkLength(`capacity factors of ${tech}`, cf, n);
    for (let t = 0; t < n; t++) generation[t] = generation[t]! + mw * cf![t]!;
  }
  return dispatchGeneration(problem, generation, 1, portfolio.batteryMw, portfolio.batteryMwh, trace);
}

/**
 * The dispatch kernel behind simulateDispatch: clean generation per hour is
 * scale x generation[t] (the heuristic passes one mix's generation per MW of overbuild and
 * varies the scale). Same rules, same summary.
 */
export function dispatchGeneration(
  problem: CfeProblem,
  generation: Float64Array,
  scale: number,
  batteryMw: number,
  batteryMwh: number,
  trace?: DispatchTrace,
): DispatchSummary {
  const load = problem.loadMw;
  const n = load.length;
  checkLength('generation', generation, n);
  checkLength('gridCfeShare', problem.gridCfeShare, n);
  checkLength('gridEmissionsTPerMwh', problem.gridEmissionsTPerMwh, n);
  const gamma = problem.gridCfeShare;
  const factor = problem.gridEmissionsTPerMwh;
  const { chargeEfficiency: etaC, dischargeEfficiency: etaD } = problem.battery;
  const hasBattery = batteryMw > 0 && batteryMwh > 0;
  if (!hasBattery && trace === undefined) {
    runPassNoBattery(load, gamma, factor, generation, scale);
    passesOfLastCall = 1;
  } else {
    if (hasBattery && !(etaC > 0 && etaC <= 1 && etaD > 0 && etaD <= 1)) {
      throw new RangeError(`battery efficiencies must be in (0, 1], got ${etaC} and ${etaD}`);
    }
    const powerMw = hasBattery ? batteryMw : 0;
    const energyMwh = hasBattery ? batteryMwh : 0;
    const chargeEff = hasBattery ? etaC : 1;
    const dischargeEff = hasBattery ? etaD : 1;
    let start = 0;
    const tolerance = SOC_CYCLE_TOLERANCE * Math.max(1, energyMwh);
    for (let p = 1; p <= MAX_SOC_PASSES; p++) {
      if (trace === undefined) runPassNoTrace(load, gamma, factor, generation, scale, powerMw, energyMwh, chargeEff, dischargeEff, start);
      else runPass(load, gamma, factor, generation, scale, powerMw, energyMwh, chargeEff, dischargeEff, start, trace);
      passesOfLastCall = p;
      if (!hasBattery) break;
      const end = pass[END_SOC]!;
      if (Math.abs(end - start) <= tolerance || p === MAX_SOC_PASSES) break;
      const touchedFull = pass[HIT_FULL] === 1 || pass[MAX_SOC]! >= energyMwh - tolerance;
      const touchedEmpty = pass[HIT_EMPTY] === 1;
      if (!touchedFull && !touchedEmpty) {
        // Pure shift: move the start so the trajectory just touches full (or empty).
        start = end > start ? end + (energyMwh - pass[MAX_SOC]!) : end - pass[MIN_SOC]!;
        start = Math.min(energyMwh, Math.max(0, start));
      } else {
        start = end;
      }
    }
  }

  const loadMwh = pass[LOAD]!;
  return {
    cfeScore: loadMwh > 0 ? pass[CFE]! / loadMwh : 1,
    loadMwh,
    cleanGenerationMwh: pass[GEN]!,
    excessMwh: pass[EXCESS]!,
    gridImportMwh: pass[GRID]!,
    unmatchedHours: pass[UNMATCHED]!,
    batteryDischargeMwh: pass[DISCHARGE]!,
    marketEmissionsT: pass[EMISSIONS]!,
  };
}

/** Annual sum of each technology's capacity factors (MWh per MW installed). */
export function capacityFactorSums(problem: CfeProblem): Record<Technology, number> {
  const out = {} as Record<Technology, number>;
  for (const tech of TECHNOLOGIES) {
    const cf = problem.capacityFactor[tech];
    let sum = 0;
    if (cf !== undefined) for (let t = 0; t < cf.length; t++) sum += cf[t]!;
    out[tech] = sum;
  }
  return out;
}

export interface AnnualisedCostBreakdown {
  /** Generation capacity: capex x CRF + fixed O&M, summed over technologies. */
  capacityUsd: number;
  /** Battery power and energy capacity. */
  batteryUsd: number;
  /** Variable cost of all generation, including generation that ends up as excess. */
  variableUsd: number;
  /** Grid import x grid price. */
  gridUsd: number;
  totalUsd: number;
}

/**
 * Annualised cost parts of a dispatched portfolio. `cfSums` (from capacityFactorSums) may be
 * passed to skip summing the profiles again. Technologies with 0 MW are skipped, so a missing
 * (non-finite) cost of an unused technology does not poison the total.
 */
export function annualisedCostBreakdown(
  problem: CfeProblem,
  portfolio: Portfolio,
  summary: DispatchSummary,
  cfSums: Record<Technology, number> = capacityFactorSums(problem),
): AnnualisedCostBreakdown {
  const { costs } = problem;
  let capacityUsd = 0;
  let variableUsd = 0;
  for (const tech of TECHNOLOGIES) {
    const mw = portfolio.mw[tech];
    if (mw === 0) continue;
    const cost = costs.technology[tech];
    capacityUsd += mw * capacityCostUsdPerMwYear(cost, costs.discountRate);
    variableUsd += cost.variableUsdPerMwh * mw * cfSums[tech];
  }
  let batteryUsd = 0;
  if (portfolio.batteryMw > 0) batteryUsd += portfolio.batteryMw * batteryPowerCostUsdPerMwYear(costs.battery, costs.discountRate);
  if (portfolio.batteryMwh > 0) batteryUsd += portfolio.batteryMwh * batteryEnergyCostUsdPerMwhYear(costs.battery, costs.discountRate);
  const gridUsd = costs.gridUsdPerMwh * summary.gridImportMwh;
  return { capacityUsd, batteryUsd, variableUsd, gridUsd, totalUsd: capacityUsd + batteryUsd + variableUsd + gridUsd };
}

/** Annualised cost, USD per year: capacity + battery + variable (incl. excess) + grid import. */
export function annualisedCostUsd(
  problem: CfeProblem,
  portfolio: Portfolio,
  summary: DispatchSummary,
  cfSums?: Record<Technology, number>,
): number {
  return annualisedCostBreakdown(problem, portfolio, summary, cfSums).totalUsd;
}

/** Annualised cost per MWh of load: annual cost / annual load MWh. */
export function costPerMwhLoad(
  problem: CfeProblem,
  portfolio: Portfolio,
  summary: DispatchSummary,
  cfSums?: Record<Technology, number>,
): number {
  return annualisedCostUsd(problem, portfolio, summary, cfSums) / summary.loadMwh;
}
