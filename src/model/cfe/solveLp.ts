/**
 * Solves the least-cost 24/7 CFE LP (lpProblem.ts) in-process with HiGHS (the `highs`
 * package: HiGHS 1.15 compiled to WebAssembly, single-threaded), for a sweep of targets.
 *
 * 1. Cold start from the heuristic. A target solved from scratch starts from the heuristic
 *    portfolio of that target (heuristicPortfolio.ts) and its greedy dispatch: HiGHS's
 *    crossover pushes that point (feasible, or nearly) to a basis, and primal simplex goes
 *    on from there. The heuristic is within ~0.1% of the optimum, so on the 8,760-hour bench
 *    problem ~5,000 iterations remain instead of ~33,500 from the slack basis (7 s, not
 *    23-25 s). Primal simplex was the fastest cold algorithm of primal and dual simplex,
 *    interior point with and without crossover and PDLP (test/bench/cfeLp.bench.ts, numbers
 *    in its header); this build's interior point converges slowly on this degenerate LP.
 *    'hipo' is not built into the package.
 * 2. Warm steps. The package's persistent API (`highs.createModel`) keeps one native HiGHS
 *    instance alive, so the LP is passed once as sparse arrays (no LP text is parsed). For
 *    each further target only the rhs of the `cfe` row changes (`changeRowBounds`); HiGHS
 *    keeps the optimal basis valid across the bound change and `run()` starts from it. A
 *    higher target only tightens that row, so the basis stays dual feasible and dual simplex
 *    repairs it: 0.9 -> 0.95 -> 0.98 -> 0.99 take no iterations on the bench (the basis stays
 *    optimal, only its values move). A warm step that needs more than warmIterationLimit
 *    iterations (0.8 -> 0.9 on the bench) is abandoned and its target solved cold as in 1.
 * 3. Memory. The WebAssembly heap only grows; the basis is refactorised every 400 updates
 *    (applySettings) to keep its peak near 400 MB on 8,760 hours (520-540 MB at HiGHS's 5,000).
 * Each result carries its simplex iteration count and whether it was warm-started.
 *
 * `run()` blocks the JavaScript thread while HiGHS works; only the loader is async.
 */
import { createRequire } from 'node:module';
import highsPackage from 'highs';
import type { Highs, InitOptions, Model } from 'highs';
import { groupedNumber } from '../groupedNumber.js';
import { TECHNOLOGIES, type Technology } from '../inputs.js';
import { dispatchTrace } from './dispatch.js';
import { heuristicPortfolio } from './heuristicPortfolio.js';
import { buildCfeLp, lpSize, setCfeTarget, TECHNOLOGY_LABEL, type CfeLp, type LpSize } from './lpProblem.js';
import type { CfeProblem, DispatchTrace, Portfolio } from './types.js';

/**
 * Algorithm of a cold solve. 'hipo' (HiGHS's newer interior-point solver) is not offered:
 * the `highs` 1.15.3 WebAssembly build does not include it and aborts the runtime if asked.
 */
export type LpColdAlgorithm = 'primal-simplex' | 'dual-simplex' | 'ipm' | 'ipm-no-crossover' | 'pdlp';

/** How HiGHS is run. The defaults were picked by test/bench/cfeLp.bench.ts on 8,760 hours. */
export interface LpSolverSettings {
  /**
   * Algorithm of the first (cold) solve, and of every solve when `sweep` is 'cold'. (Its
   * name goes into the run manifest.)
   */
  algorithm: LpColdAlgorithm;
  presolve: 'on' | 'off' | 'choose';
  /**
   * 'warm': each later target starts from the previous optimal basis (dual simplex, as
   * only a row bound changed); 'cold': every target from scratch.
   */
  sweep: 'warm' | 'cold';
  /**
   * Start of a cold simplex solve. 'heuristic' (default): the heuristic portfolio of the
   * target (heuristicPortfolio.ts) and its greedy dispatch, made a basis by HiGHS's crossover
   * (primal push only); the simplex then starts near the optimum. 'slack': the all-slack
   * basis. Ignored by the interior-point and PDLP algorithms.
   */
  start: 'heuristic' | 'slack';
  /**
   * Dual simplex iterations a warm step may take before it gives up and the target is solved
   * cold from its own start instead. A warm step either finishes in a few iterations (the
   * basis stays optimal, or nearly) or needs thousands, which cost more than a fresh start
   * from the heuristic: on the 8,760-hour bench 0.8 -> 0.9 took 10,862 iterations (18 s)
   * warm against 5,026 (7 s) cold, and without clean firm each step took 4,000-15,000.
   */
  warmIterationLimit: number;
}

/**
 * Presolve finds nothing to remove in this LP (one empty column) and its postsolve cleanup
 * costs time, so it is off (from the slack basis: cold 23-25 s instead of 24-42 s on the
 * 8,760-hour bench). The other choices: see the header.
 */
export const DEFAULT_LP_SOLVER_SETTINGS: Readonly<LpSolverSettings> = Object.freeze({
  algorithm: 'primal-simplex',
  presolve: 'off',
  sweep: 'warm',
  start: 'heuristic',
  warmIterationLimit: 150,
});

/** Basis updates between refactorisations (see applySettings). */
export const SIMPLEX_UPDATE_LIMIT = 400;

/** HiGHS options of an algorithm; simplex_strategy 4 is primal, 1 serial dual. */
const ALGORITHM_OPTIONS: Record<LpColdAlgorithm, Record<string, string | number>> = {
  'primal-simplex': { solver: 'simplex', simplex_strategy: 4 },
  'dual-simplex': { solver: 'simplex', simplex_strategy: 1 },
  ipm: { solver: 'ipm', run_crossover: 'on' },
  'ipm-no-crossover': { solver: 'ipm', run_crossover: 'off' },
  pdlp: { solver: 'pdlp' },
};

export interface SolveCfeSweepOptions {
  onProgress?(done: number, total: number): void;
  /** Time limit of each target's solve, seconds (default: none). */
  timeLimitS?: number;
  /** Year being solved, for messages. */
  year?: number;
  /** Solver settings (defaults: DEFAULT_LP_SOLVER_SETTINGS). */
  solver?: Partial<LpSolverSettings>;
  /**
   * Heuristic portfolios already found, by target (heuristicSweep's, when the caller ran it):
   * a cold solve starts from these instead of computing heuristicPortfolio again.
   */
  heuristicPortfolios?: ReadonlyMap<number, Portfolio>;
}

export interface LpIterations {
  simplex: number;
  ipm: number;
  crossover: number;
}

export interface LpTargetOptimal {
  status: 'optimal';
  target: number;
  portfolio: Portfolio;
  /** Annualised cost of the portfolio plus grid purchases, USD per year. */
  objectiveUsdPerYear: number;
  /** objectiveUsdPerYear / annual load, USD per MWh of load. */
  costUsdPerMwh: number;
  /** Hourly CFE score recomputed from `dispatch` (sum (min(L, G + D - C) + gamma g) / sum L). */
  cfeScore: number;
  /** Hourly solution, MW (state of charge in MWh, end of hour). */
  dispatch: DispatchTrace;
  solveMs: number;
  /** True when this solve started from the previous target's basis. */
  warmStarted: boolean;
  iterations: LpIterations;
}

export interface LpTargetFailed {
  status: 'infeasible' | 'time_limit' | 'error';
  target: number;
  /** Planner-worded explanation and what to do; never a solver dump. */
  message: string;
  solveMs: number;
  /** For 'infeasible': the highest CFE score the limits allow (when it could be computed). */
  maxAchievableCfe?: number;
}

export type LpTargetResult = LpTargetOptimal | LpTargetFailed;

export interface LpSweepResult {
  /** One result per target, ascending by target. */
  results: LpTargetResult[];
  size: LpSize;
  settings: LpSolverSettings;
  /** Time to load the solver (first call in a process only), to build the LP and to solve all targets. */
  loadMs: number;
  buildMs: number;
  totalMs: number;
}

/**
 * The package's types are a CommonJS declaration with `export default`, so under NodeNext
 * TypeScript types the default import as the module object; at run time the ESM entry
 * (build/highs.mjs) default-exports the loader itself. Accept both shapes.
 */
type HighsLoader = (options?: InitOptions) => Promise<Highs>;
const loadHighs: HighsLoader =
  typeof (highsPackage as unknown) === 'function' ? (highsPackage as unknown as HighsLoader) : (highsPackage as unknown as { default: HighsLoader }).default;

let loading: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once per process. The .wasm file is located through
 * Node's resolver (package export `highs/runtime`), so it is found from the TypeScript
 * sources and from the esbuild bundle in dist/ alike.
 */
export function loadCfeSolver(): Promise<Highs> {
  return (loading ??= loadFreshSolver());
}

/** A new HiGHS WebAssembly instance; it becomes the one loadCfeSolver hands out. */
function reloadCfeSolver(): Promise<Highs> {
  loading = undefined;
  return loadCfeSolver();
}

function loadFreshSolver(): Promise<Highs> {
  return (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('highs/runtime');
    return loadHighs({ locateFile: (file: string) => (file.endsWith('.wasm') ? wasmPath : file) });
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
}

/** Percent for messages: 0.999 -> "99.9%". */
function pct(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}

/** Percent rounded down to 0.01 %, so a reachable limit is never overstated. */
function pctFloor(share: number): string {
  return `${Math.floor(share * 10000 + 1e-6) / 100}%`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function sizeText(size: LpSize): string {
  const n = (x: number) => groupedNumber(x, 3);
  return `${n(size.rows)} rows, ${n(size.columns)} columns, ${n(size.nonZeros)} non-zeros`;
}

function what(lp: CfeLp, target: number, year: number | undefined): string {
  const yearText = year === undefined ? '' : ` for ${year}`;
  return `the least-cost 24/7 CFE portfolio LP${yearText} at target ${pct(target)} (${groupedNumber(lp.layout.hours, 3)} hours; ${sizeText(lpSize(lp))})`;
}

const ADVICE =
  'Try a lower target or relaxed capacity caps, or export the LP with --export-lp FILE and solve it with another LP solver (HiGHS native, CBC, Gurobi) to see where it fails.';

function errorMessage(lp: CfeLp, target: number, year: number | undefined, cause: string): string {
  return `Solving ${what(lp, target, year)} failed: ${cause}. ${ADVICE}`;
}

/** The HiGHS model of an LP, from the plain arrays (no text parsing). */
function passModel(highs: Highs, lp: CfeLp): Model {
  return highs.createModel({
    numCols: lp.numCols,
    numRows: lp.numRows,
    colCost: lp.colCost,
    colLower: lp.colLower,
    colUpper: lp.colUpper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: {
      format: 'csr',
      numRows: lp.numRows,
      numCols: lp.numCols,
      starts: lp.rowStarts,
      indices: lp.colIndex,
      values: lp.values,
    },
    colNames: lp.colNames,
    rowNames: lp.rowNames,
  });
}

function infoNumber(model: Model, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return 0;
  }
}

/** Google's hourly CFE score of a dispatch: sum_t (min(L, G + D - C) + gamma g) / sum_t L. */
export function cfeScoreOfDispatch(
  loadMw: Float64Array,
  gridCfeShare: Float64Array,
  dispatch: Pick<DispatchTrace, 'generationMw' | 'chargeMw' | 'dischargeMw' | 'gridImportMw'>,
): number {
  let matched = 0;
  let load = 0;
  for (let t = 0; t < loadMw.length; t++) {
    const l = loadMw[t]!;
    const clean = dispatch.generationMw[t]! + dispatch.dischargeMw[t]! - dispatch.chargeMw[t]!;
    matched += Math.min(l, clean) + gridCfeShare[t]! * dispatch.gridImportMw[t]!;
    load += l;
  }
  return matched / load;
}

/** Reads the optimal solution back in MW, MWh and USD. */
function extract(model: Model, lp: CfeLp, problem: CfeProblem): Omit<LpTargetOptimal, 'status' | 'target' | 'solveMs' | 'warmStarted' | 'iterations'> {
  const x = model.getSolution().colValue;
  const unit = lp.powerUnitMw;
  const { layout } = lp;
  const hours = layout.hours;
  const value = (column: number) => Math.max(0, x[column]!) * unit;
  const mw = {} as Record<Technology, number>;
  for (const technology of TECHNOLOGIES) mw[technology] = value(layout.cap[technology]);
  const portfolio: Portfolio = { mw, batteryMw: value(layout.batteryMw), batteryMwh: value(layout.batteryMwh) };

  const block = (start: number) => {
    const out = new Float64Array(hours);
    for (let t = 0; t < hours; t++) out[t] = value(start + t);
    return out;
  };
  const chargeMw = block(layout.charge);
  const dischargeMw = block(layout.discharge);
  const stateOfChargeMwh = block(layout.soc);
  const gridImportMw = block(layout.grid);
  const excessMw = block(layout.excess);
  const generationMw = new Float64Array(hours);
  for (let t = 0; t < hours; t++) {
    let generation = 0;
    for (const technology of TECHNOLOGIES) generation += problem.capacityFactor[technology][t]! * mw[technology];
    generationMw[t] = generation;
    // Import and excess in the same hour cancel (possible at a zero grid price): net them,
    // which keeps the balance and can only lower cost and grid import.
    const both = Math.min(gridImportMw[t]!, excessMw[t]!);
    gridImportMw[t] = gridImportMw[t]! - both;
    excessMw[t] = excessMw[t]! - both;
  }
  const dispatch: DispatchTrace = { generationMw, chargeMw, dischargeMw, stateOfChargeMwh, gridImportMw, excessMw };
  const objectiveUsdPerYear = model.getObjectiveValue() * lp.costUnitUsd;
  return {
    portfolio,
    objectiveUsdPerYear,
    costUsdPerMwh: objectiveUsdPerYear / lp.loadMwh,
    cfeScore: cfeScoreOfDispatch(problem.loadMw, problem.gridCfeShare, dispatch),
    dispatch,
  };
}

/**
 * The highest CFE score the limits allow: the LP with the cfe row freed and the objective
 * replaced by the CFE shortfall sum_t (1 - gamma_t) g_t / sum_t L_t. Leaves the model changed.
 */
function maxAchievableCfe(model: Model, lp: CfeLp, problem: CfeProblem, freeExcessCap: boolean): number | undefined {
  const shortfall = new Float64Array(lp.numCols);
  const perUnit = lp.powerUnitMw / lp.loadMwh;
  for (let t = 0; t < lp.layout.hours; t++) shortfall[lp.layout.grid + t] = (1 - problem.gridCfeShare[t]!) * perUnit;
  model.changeColsCost({ kind: 'range', from: 0, to: lp.numCols - 1 }, shortfall);
  model.changeRowBounds(lp.rows.cfe, -Infinity, Infinity);
  if (freeExcessCap && lp.rows.excessCap >= 0) model.changeRowBounds(lp.rows.excessCap, -Infinity, Infinity);
  model.clearSolver();
  model.options.set({ presolve: 'on', ...ALGORITHM_OPTIONS['primal-simplex'] });
  model.zeroAllClocks();
  model.run();
  if (model.getModelStatus() !== 7) return undefined;
  return Math.min(1, Math.max(0, 1 - model.getObjectiveValue()));
}

/** Why a target cannot be met, in planner words. */
function explainInfeasible(lp: CfeLp, problem: CfeProblem, target: number, best: number | undefined, bestWithoutExcessCap: number | undefined): string {
  const reasons: string[] = [];
  const techUnavailable = lp.unavailable.filter((u): u is { resource: Technology; reason: typeof u.reason } => u.resource !== 'battery');
  const byReason = new Map<string, string[]>();
  for (const u of techUnavailable) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), TECHNOLOGY_LABEL[u.resource]]);
  const described = [...byReason].map(([reason, techs]) => `${listOf(techs)} ${techs.length > 1 && reason === 'no output in its profile' ? 'have no output in their profiles' : reason === 'no output in its profile' ? 'has no output in its profile' : `${techs.length > 1 ? 'are' : 'is'} ${reason === 'cost not finite' ? 'priced as not available (cost not finite)' : reason}`}`);
  if (techUnavailable.length === TECHNOLOGIES.length) {
    let gammaLoad = 0;
    for (let t = 0; t < lp.layout.hours; t++) gammaLoad += problem.gridCfeShare[t]! * problem.loadMw[t]!;
    reasons.push(`no clean generation is allowed (${listOf(described)}), so only the grid's own carbon-free share counts, ${pct(gammaLoad / lp.loadMwh)} of the load`);
  } else if (described.length > 0) {
    reasons.push(listOf(described));
  }
  const battery = lp.unavailable.find((u) => u.resource === 'battery');
  const firmOut = techUnavailable.some((u) => u.resource === 'clean_firm');
  if (battery && firmOut && techUnavailable.length < TECHNOLOGIES.length) {
    reasons.push(`no storage and no clean firm are allowed (battery ${battery.reason === 'zero efficiency' ? 'efficiency is 0' : 'cost not finite'}), so hours without sun or wind fall back on the grid`);
  } else if (battery) {
    reasons.push(`no storage is allowed (battery ${battery.reason === 'zero efficiency' ? 'efficiency is 0' : 'cost not finite'})`);
  }
  const caps = TECHNOLOGIES.filter((technology) => Number.isFinite(problem.maxMw[technology]) && problem.maxMw[technology] > 0 && !techUnavailable.some((u) => u.resource === technology));
  if (caps.length > 0) reasons.push(`capacity is capped: ${listOf(caps.map((technology) => `${TECHNOLOGY_LABEL[technology]} at ${groupedNumber(problem.maxMw[technology], 3)} MW`))}`);
  const excessTooTight = lp.rows.excessCap >= 0 && bestWithoutExcessCap !== undefined && best !== undefined && bestWithoutExcessCap > best + 1e-6;
  if (excessTooTight) {
    const without = bestWithoutExcessCap >= target - 1e-7 ? 'without it the target could be met' : `without it ${pctFloor(bestWithoutExcessCap)} would be reachable`;
    reasons.push(`the excess cap (${pct(problem.maxExcessShare)} of annual load) is too tight: ${without}`);
  }
  const reach = best === undefined ? '' : ` the highest hourly CFE score these limits allow is ${pctFloor(best)}.`;
  const because = reasons.length > 0 ? ` Limits: ${reasons.join('; ')}.` : '';
  const relax: string[] = [];
  if (techUnavailable.length > 0 || caps.length > 0) relax.push('allow or raise capacity');
  if (battery) relax.push('allow storage');
  if (excessTooTight) relax.push('raise the excess cap');
  const todo =
    best === undefined ? ' Lower the target' : best < 1e-4 ? ' Allow some clean capacity' : ` Lower the target to at most ${pctFloor(best)}`;
  return `CFE target ${pct(target)} cannot be met:${reach}${because}${todo}${relax.length > 0 ? `, or ${listOf(relax)}` : ''}.`;
}

/** Options of one solve: the cold algorithm, or dual simplex from the kept basis. */
function applySettings(model: Model, settings: LpSolverSettings, warm: boolean, timeLimitS: number | undefined): void {
  const algorithm = ALGORITHM_OPTIONS[warm ? 'dual-simplex' : settings.algorithm];
  if (!algorithm) throw new Error(`unknown LP algorithm '${settings.algorithm}'`);
  model.options.set({
    output_flag: false,
    presolve: settings.presolve,
    // Dual simplex with Devex pricing (1), not steepest edge: from a basis that is not all
    // slack, steepest edge first computes one weight per row (~11 s on 8,760 hours). HiGHS
    // reads this option once, when its simplex is first set up, so it is set for every solve.
    simplex_dual_edge_weight_strategy: 1,
    // Refactorise the basis after 400 updates instead of HiGHS's 5,000: from a crossover
    // basis the stored updates are long, and at 5,000 the WebAssembly heap of the 8,760-hour
    // bench passed 500 MB; at 400 the peak is ~380-415 MB at the same speed (test/bench/cfeLp.bench.ts).
    simplex_update_limit: SIMPLEX_UPDATE_LIMIT,
    simplex_iteration_limit: warm ? settings.warmIterationLimit : 2147483647,
    ...algorithm,
  });
  // The option facade rejects Infinity; without a limit the default (none) is left alone.
  if (timeLimitS !== undefined) model.options.set('time_limit', timeLimitS);
}

/**
 * Starts a cold solve from the heuristic portfolio of `target` and its greedy dispatch: the
 * point (feasible, or nearly) goes to HiGHS's crossover, which pushes it to a basis. Returns
 * false, leaving the model without a basis, when there is no heuristic portfolio or the
 * crossover fails; the solve then starts from the slack basis. Rethrows a trap of the
 * WebAssembly runtime (WebAssembly.RuntimeError), after which the instance is not reused.
 */
function heuristicStart(model: Model, lp: CfeLp, problem: CfeProblem, target: number, known: ReadonlyMap<number, Portfolio> | undefined): boolean {
  const portfolio = known?.get(target) ?? heuristicOf(problem, target);
  if (!portfolio) return false;
  const { layout } = lp;
  const hours = layout.hours;
  const trace = dispatchTrace(problem, portfolio);
  const unit = lp.powerUnitMw;
  const x = new Float64Array(lp.numCols);
  // Clipped to the column bounds (a column fixed at 0 stays 0).
  const put = (column: number, mw: number) => {
    x[column] = Math.min(lp.colUpper[column]!, Math.max(lp.colLower[column]!, mw / unit));
  };
  for (const technology of TECHNOLOGIES) put(layout.cap[technology], portfolio.mw[technology]);
  put(layout.batteryMw, portfolio.batteryMw);
  put(layout.batteryMwh, portfolio.batteryMwh);
  for (let t = 0; t < hours; t++) {
    put(layout.charge + t, trace.chargeMw[t]!);
    put(layout.discharge + t, trace.dischargeMw[t]!);
    put(layout.soc + t, trace.stateOfChargeMwh[t]!);
    put(layout.grid + t, trace.gridImportMw[t]!);
    put(layout.excess + t, trace.excessMw[t]!);
  }
  try {
    // A run stopped at 0 iterations first: it sets up the solver's state, without which
    // crossover on a fresh model sometimes traps (memory access out of bounds) in the
    // highs 1.15.3 WebAssembly build once an earlier model has been disposed.
    model.options.set({ simplex_iteration_limit: 0, presolve: 'off' });
    model.run();
    model.crossover({ colValue: x });
    return true;
  } catch (error) {
    // A trap leaves the WebAssembly instance in an unknown state: solveCfeSweep replaces it.
    if (error instanceof WebAssembly.RuntimeError) throw error;
    model.clearSolver();
    return false;
  }
}

/** The heuristic portfolio of one target, or undefined when it finds none (or does not take the target, 0). */
function heuristicOf(problem: CfeProblem, target: number): Portfolio | undefined {
  try {
    const heuristic = heuristicPortfolio(problem, target);
    return heuristic.ok ? heuristic.portfolio : undefined;
  } catch {
    return undefined;
  }
}

/** What a cold solve starts from: the problem, and heuristic portfolios already found (SolveCfeSweepOptions). */
interface ColdStart {
  problem: CfeProblem;
  known: ReadonlyMap<number, Portfolio> | undefined;
}

/** Solves the current model cold: from the heuristic start when asked and a simplex runs, else from the slack basis. */
function runCold(model: Model, lp: CfeLp, start: ColdStart, target: number, settings: LpSolverSettings, timeLimitS: number | undefined): number {
  model.clearSolver();
  applySettings(model, settings, false, timeLimitS);
  if (settings.start === 'heuristic' && (settings.algorithm === 'primal-simplex' || settings.algorithm === 'dual-simplex')) {
    heuristicStart(model, lp, start.problem, target, start.known);
    applySettings(model, settings, false, timeLimitS); // heuristicStart changed some
  }
  model.zeroAllClocks();
  return model.run().modelStatus;
}

/** How one target's solve went: HiGHS's model status, and whether it was warm. */
interface SolvedTarget {
  status: number;
  warm: boolean;
  /** Iterations of a warm step given up for a cold start (counted in the result's iterations). */
  abandonedIterations: number;
}

/**
 * Solves the model at its current target: from the kept basis by dual simplex when `warm`; a
 * warm step that reaches settings.warmIterationLimit is given up and the target solved cold
 * (runCold) within the time left.
 */
function solveTarget(
  highs: Highs,
  model: Model,
  lp: CfeLp,
  start: ColdStart,
  target: number,
  settings: LpSolverSettings,
  warm: boolean,
  timeLimitS: number | undefined,
): SolvedTarget {
  if (!warm) return { status: runCold(model, lp, start, target, settings, timeLimitS), warm: false, abandonedIterations: 0 };
  const started = performance.now();
  applySettings(model, settings, true, timeLimitS);
  model.zeroAllClocks();
  const status = model.run().modelStatus;
  if (status !== highs.constants.modelStatus.iterationLimit) return { status, warm: true, abandonedIterations: 0 };
  // Far from the new optimum: this target from its own cold start instead.
  const abandonedIterations = infoNumber(model, 'simplex_iteration_count');
  const remainingS = timeLimitS === undefined ? undefined : Math.max(0, timeLimitS - (performance.now() - started) / 1000);
  return { status: runCold(model, lp, start, target, settings, remainingS), warm: false, abandonedIterations };
}

/**
 * Least-cost portfolios of `problem` for each target (0..1), solved in ascending order in
 * one HiGHS instance, each from the previous target's basis when settings.sweep is 'warm'.
 * Once a target is infeasible every higher one is too; they are reported without solving.
 */
export async function solveCfeSweep(problem: CfeProblem, targets: readonly number[], options: SolveCfeSweepOptions = {}): Promise<LpSweepResult> {
  const settings: LpSolverSettings = { ...DEFAULT_LP_SOLVER_SETTINGS, ...options.solver };
  const start = performance.now();
  const sorted = [...targets].sort((a, b) => a - b);
  const total = sorted.length;
  const results: LpTargetResult[] = [];
  const progress = () => options.onProgress?.(results.length, total);

  const buildStart = performance.now();
  const lp = buildCfeLp(problem, sorted.find((t) => t >= 0 && t <= 1) ?? 0);
  const buildMs = performance.now() - buildStart;
  const size = lpSize(lp);
  const finish = (loadMs: number): LpSweepResult => ({ results, size, settings, loadMs, buildMs, totalMs: performance.now() - start });

  const loadStart = performance.now();
  let highs: Highs;
  try {
    highs = await loadCfeSolver();
  } catch (error) {
    const cause = `the HiGHS solver could not be loaded (${error instanceof Error ? error.message : String(error)}); reinstall the dependencies with npm ci`;
    for (const target of sorted) {
      results.push({ status: 'error', target, message: errorMessage(lp, target, options.year, cause), solveMs: 0 });
      progress();
    }
    return finish(performance.now() - loadStart);
  }
  const loadMs = performance.now() - loadStart;

  let model: Model | undefined;
  try {
    model = passModel(highs, lp);
  } catch (error) {
    const cause = `HiGHS did not accept the model (${error instanceof Error ? error.message : String(error)})`;
    for (const target of sorted) {
      results.push({ status: 'error', target, message: errorMessage(lp, target, options.year, cause), solveMs: 0 });
      progress();
    }
    return finish(loadMs);
  }

  try {
    let infeasibleFrom: LpTargetFailed | undefined;
    let haveBasis = false;
    /** True once a trapped solver instance was replaced (done at most once per sweep). */
    let replaced = false;
    const coldStart: ColdStart = { problem, known: options.heuristicPortfolios };
    for (const target of sorted) {
      if (!(target >= 0 && target <= 1)) {
        results.push({ status: 'error', target, message: `CFE target ${target} is not a share between 0 and 1 (0% to 100%); fix the targets in the assumption file.`, solveMs: 0 });
        progress();
        continue;
      }
      if (infeasibleFrom) {
        const best = infeasibleFrom.maxAchievableCfe;
        results.push({
          status: 'infeasible',
          target,
          message: infeasibleFrom.message.replace(/^CFE target [^ ]+ cannot/, `CFE target ${pct(target)} cannot`),
          solveMs: 0,
          ...(best === undefined ? {} : { maxAchievableCfe: best }),
        });
        progress();
        continue;
      }
      const solveStart = performance.now();
      const failed = (error: unknown) => {
        const cause = `HiGHS stopped with an error (${error instanceof Error ? error.message : String(error)})`;
        results.push({ status: 'error', target, message: errorMessage(lp, target, options.year, cause), solveMs: performance.now() - solveStart });
        progress();
        haveBasis = false;
      };
      let solved: SolvedTarget;
      try {
        setCfeTarget(lp, target);
        model.changeRowBounds(lp.rows.cfe, -Infinity, lp.rowUpper[lp.rows.cfe]!);
        solved = solveTarget(highs, model, lp, coldStart, target, settings, settings.sweep === 'warm' && haveBasis, options.timeLimitS);
      } catch (error) {
        if (!(error instanceof WebAssembly.RuntimeError) || replaced) {
          failed(error);
          continue;
        }
        // The solver trapped (a fault of the WebAssembly build, seen only in crossover): this
        // instance cannot be trusted. Solve this target again, once, in a fresh instance, from
        // the slack basis; later targets go on there. The trapped model is not disposed.
        replaced = true;
        haveBasis = false;
        try {
          highs = await reloadCfeSolver();
          model = passModel(highs, lp);
          solved = solveTarget(highs, model, lp, coldStart, target, { ...settings, start: 'slack' }, false, options.timeLimitS);
        } catch (retryError) {
          failed(retryError);
          continue;
        }
      }
      const { status, warm, abandonedIterations } = solved;
      const iterations: LpIterations = {
        simplex: abandonedIterations + infoNumber(model, 'simplex_iteration_count'),
        ipm: infoNumber(model, 'ipm_iteration_count'),
        crossover: infoNumber(model, 'crossover_iteration_count'),
      };
      if (status === highs.constants.modelStatus.optimal) {
        const solution = extract(model, lp, problem);
        results.push({ status: 'optimal', target, ...solution, solveMs: performance.now() - solveStart, warmStarted: warm, iterations });
        haveBasis = infoNumber(model, 'basis_validity') === 1;
      } else if (status === highs.constants.modelStatus.infeasible || status === highs.constants.modelStatus.unboundedOrInfeasible) {
        // Costs are >= 0 and every variable >= 0, so the LP cannot be unbounded: it is infeasible.
        let best: number | undefined;
        let bestWithoutExcessCap: number | undefined;
        try {
          best = maxAchievableCfe(model, lp, problem, false);
          bestWithoutExcessCap = lp.rows.excessCap >= 0 ? maxAchievableCfe(model, lp, problem, true) : best;
        } catch {
          best = undefined;
        }
        const solveMs = performance.now() - solveStart;
        if (best !== undefined && best >= target - 1e-7) {
          const cause = `HiGHS reported the target infeasible, yet a CFE score of ${pctFloor(best)} is reachable within the limits (numerical difficulty)`;
          results.push({ status: 'error', target, message: errorMessage(lp, target, options.year, cause), solveMs });
          progress();
          break; // the model was changed by the diagnosis; the remaining targets are not solved
        }
        infeasibleFrom = {
          status: 'infeasible',
          target,
          message: explainInfeasible(lp, problem, target, best, bestWithoutExcessCap),
          solveMs,
          ...(best === undefined ? {} : { maxAchievableCfe: best }),
        };
        results.push(infeasibleFrom);
      } else if (status === highs.constants.modelStatus.timeLimit) {
        results.push({
          status: 'time_limit',
          target,
          message: `Solving ${what(lp, target, options.year)} stopped at the time limit of ${options.timeLimitS} s before an optimum was found. Raise the LP time limit, solve fewer targets, or export the LP with --export-lp FILE and solve it with another LP solver.`,
          solveMs: performance.now() - solveStart,
        });
        haveBasis = false;
      } else {
        const cause = `HiGHS ended with model status ${status} (${statusName(highs, status)}) instead of an optimum`;
        results.push({ status: 'error', target, message: errorMessage(lp, target, options.year, cause), solveMs: performance.now() - solveStart });
        haveBasis = false;
      }
      progress();
    }
    // Targets left unsolved after a break.
    for (const target of sorted.slice(results.length)) {
      results.push({ status: 'error', target, message: errorMessage(lp, target, options.year, 'not solved after an earlier solver failure'), solveMs: 0 });
      progress();
    }
  } finally {
    model.dispose();
  }
  return finish(loadMs);
}

function statusName(highs: Highs, status: number): string {
  for (const [name, code] of Object.entries(highs.constants.modelStatus)) if (code === status) return name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return 'unknown';
}
