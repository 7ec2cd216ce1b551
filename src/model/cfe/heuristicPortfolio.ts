/**
 * Fast least-cost heuristic for an hourly CFE target (previews and the Monte Carlo path;
 * method.md §5). The least-cost LP is the reference; this was designed to land within a few
 * per cent of it at a tiny fraction of the time.
 *
 * A candidate is a mix: shares of nameplate per technology (summing to 1), a battery power
 * ratio b (battery MW / mean load) and a duration d (battery MWh / battery MW). For a
 * candidate, the overbuild k (total nameplate / mean load) sets every capacity:
 * MW_r = share_r x k x mean load. The CFE score of the greedy dispatch is non-decreasing in k
 * (more generation every hour never raises any hour's grid import), so the smallest k whose
 * score reaches the target is found by a bracketing root search (Illinois regula falsi with
 * bisection safeguards) to a relative tolerance. If building past that k is cheaper (clean
 * energy cheaper than grid energy at low targets) the cost is minimised over k above it.
 *
 * Search: a coarse grid over shares (step 0.1 / 0.2 / 0.25 for 2 / 3 / 4 eligible technologies),
 * in two stages to keep within budget: (A) every share mix with no battery and with the middle
 * battery option (b 0.5, d 4 h); (B) every battery option (b in {0.25, 0.5, 1}, d in {2, 4, 8} h)
 * on the shares of the last three incumbents (on every mix while nothing is feasible, so an
 * infeasible verdict covers the full grid). Then a pattern search around the best: move a
 * share step between two technologies, change b, change d; halve the steps down to a floor
 * (share step 0.025). Branch and bound keeps it fast: capacity, battery and variable costs
 * grow linearly with k, so a candidate can only beat the incumbent if it reaches the target at
 * k_budget = (incumbent - battery cost) / (cost per unit k); grid import falls with k, so the
 * grid cost at k_budget tightens that to a second budget. One or two simulations discard most
 * candidates. Eligible technologies have finite costs, a positive maxMw and a non-zero profile;
 * maxMw caps bound k per candidate (and overbuild <= 50 by default); maxExcessShare is checked
 * at the chosen k (excess grows with k). Deterministic: no random numbers, fixed search order.
 *
 * Costs are annual (capacity per MW-year), so the problem should be one year of hours; shorter
 * test problems work but weigh capacity against a few days of energy.
 */
import { TECHNOLOGIES, type Technology } from '../inputs.js';
import { batteryEnergyCostUsdPerMwhYear, batteryPowerCostUsdPerMwYear, capacityCostUsdPerMwYear } from './annualisedCost.js';
import { annualisedCostUsd, capacityFactorSums, dispatchGeneration, simulateDispatch } from './dispatch.js';
import type { CfeProblem, DispatchSummary, Portfolio } from './types.js';
import { goldenSection } from './goldenSection.js';

export interface HeuristicMix {
  /** Share of total nameplate per technology, summing to 1. */
  shares: Record<Technology, number>;
  /** Battery MW / mean load MW. */
  batteryPowerRatio: number;
  /** Battery MWh / battery MW, hours. */
  batteryDurationH: number;
}

export interface HeuristicOptions {
  /** Coarse grid step on shares; default 0.1 / 0.1 / 0.2 / 0.25 for 1 / 2 / 3 / 4 eligible technologies. */
  shareStep?: number;
  /** Smallest share step of the refinement (default 0.025). */
  minShareStep?: number;
  /** Battery power ratios of the coarse grid (default 0, 0.25, 0.5, 1); [0] means no storage. */
  batteryPowerRatios?: readonly number[];
  /** Battery durations of the coarse grid, hours (default 2, 4, 8). */
  batteryDurationsH?: readonly number[];
  /** Largest overbuild (total nameplate / mean load) tried (default 50). */
  maxOverbuild?: number;
  /** Relative tolerance of the overbuild root search (default 0.002). */
  overbuildRelTol?: number;
  /** Local refinement after the coarse grid (default true). */
  refine?: boolean;
  /**
   * Full coarse grid (every share mix x every battery option). Default false: every share mix
   * with no battery and with the middle battery option, then every battery option on the
   * shares of the last three incumbents (on all shares while nothing is feasible).
   */
  fullGrid?: boolean;
  /** Mixes evaluated first, e.g. the previous target's answer in a sweep (warm start). */
  seeds?: readonly HeuristicMix[];
}

export interface HeuristicSolution {
  ok: true;
  target: number;
  portfolio: Portfolio;
  summary: DispatchSummary;
  costUsdPerYear: number;
  costUsdPerMwh: number;
  /** Dispatch simulations run. */
  evaluations: number;
  mix: HeuristicMix & { overbuild: number };
}

export interface HeuristicInfeasible {
  ok: false;
  target: number;
  /** Names the limit, e.g. no storage and no clean firm, maxMw caps or the excess cap. */
  reason: string;
  /** Best CFE score found within the limits searched. */
  bestScore: number;
  evaluations: number;
}

export type HeuristicResult = HeuristicSolution | HeuristicInfeasible;

const DEFAULT_POWER_RATIOS = [0, 0.25, 0.5, 1] as const;
const DEFAULT_DURATIONS_H = [2, 4, 8] as const;
const SCORE_EPS = 1e-12;
/** Stage B of the coarse search tries every battery option on this many best share mixes. */
const STAGE_B_MIXES = 3;

interface Context {
  problem: CfeProblem;
  target: number;
  meanLoadMw: number;
  loadMwh: number;
  eligible: Technology[];
  ineligibleWhy: Partial<Record<Technology, string>>;
  /** USD per MW-year of capacity plus variable cost of a year's generation per MW. */
  usdPerMwYear: Record<Technology, number>;
  batteryUsdPerMwYear: number;
  batteryUsdPerMwhYear: number;
  batteryAllowed: boolean;
  cfSums: Record<Technology, number>;
  maxOverbuild: number;
  relTol: number;
  /** Score with nothing built (the grid's own carbon-free share). */
  scoreAtZero: number;
  evaluations: number;
  scratch: Portfolio;
  /** Generation of the mix being evaluated per unit of overbuild, MW (G_t = k x this). */
  unitGeneration: Float64Array;
  /** The mix unitGeneration was filled for. */
  unitMix: HeuristicMix | undefined;
  /** Best score seen at any candidate's largest allowed build (for the infeasible message). */
  bestScoreAtCap: number;
  excessLimited: boolean;
  bestScoreWithinExcess: number;
}

interface Evaluated {
  feasible: boolean;
  costUsd: number;
  overbuild: number;
  summary: DispatchSummary | undefined;
}

const INFEASIBLE: Evaluated = { feasible: false, costUsd: Infinity, overbuild: NaN, summary: undefined };

function finite(...xs: number[]): boolean {
  return xs.every((x) => Number.isFinite(x));
}

function pct(x: number): string {
  return `${(100 * x).toFixed(x >= 0.995 && x < 1 ? 2 : 1)}%`;
}

function buildContext(problem: CfeProblem, target: number, options: HeuristicOptions): Context {
  const n = problem.loadMw.length;
  if (n === 0) throw new RangeError('the load has no hours');
  const cfSums = capacityFactorSums(problem);
  let loadMwh = 0;
  for (let t = 0; t < n; t++) loadMwh += problem.loadMw[t]!;
  const { costs } = problem;
  const eligible: Technology[] = [];
  const ineligibleWhy: Partial<Record<Technology, string>> = {};
  const usdPerMwYear = {} as Record<Technology, number>;
  for (const tech of TECHNOLOGIES) {
    const cost = costs.technology[tech];
    const perMw = cost === undefined ? NaN : capacityCostUsdPerMwYear(cost, costs.discountRate) + cost.variableUsdPerMwh * cfSums[tech];
    usdPerMwYear[tech] = perMw;
    const cf = problem.capacityFactor[tech];
    if (cost === undefined || !finite(perMw) || !(cost.lifetimeYears > 0)) ineligibleWhy[tech] = 'no finite cost';
    else if (!(problem.maxMw[tech] > 0)) ineligibleWhy[tech] = 'maxMw is 0';
    else if (cf === undefined || cf.length !== n || !(cfSums[tech] > 0)) ineligibleWhy[tech] = 'zero capacity factor';
    else eligible.push(tech);
  }
  const batteryUsdPerMwYear = batteryPowerCostUsdPerMwYear(costs.battery, costs.discountRate);
  const batteryUsdPerMwhYear = batteryEnergyCostUsdPerMwhYear(costs.battery, costs.discountRate);
  const ratios = options.batteryPowerRatios ?? DEFAULT_POWER_RATIOS;
  const batteryAllowed =
    finite(batteryUsdPerMwYear, batteryUsdPerMwhYear) && costs.battery.lifetimeYears > 0 && ratios.some((r) => r > 0);
  const scratch: Portfolio = { mw: { solar: 0, onshore_wind: 0, offshore_wind: 0, clean_firm: 0 }, batteryMw: 0, batteryMwh: 0 };
  const ctx: Context = {
    problem,
    target,
    meanLoadMw: loadMwh / n,
    loadMwh,
    eligible,
    ineligibleWhy,
    usdPerMwYear,
    batteryUsdPerMwYear,
    batteryUsdPerMwhYear,
    batteryAllowed,
    cfSums,
    maxOverbuild: options.maxOverbuild ?? 50,
    relTol: options.overbuildRelTol ?? 0.002,
    scoreAtZero: 0,
    evaluations: 0,
    scratch,
    unitGeneration: new Float64Array(n),
    unitMix: undefined,
    bestScoreAtCap: -Infinity,
    excessLimited: false,
    bestScoreWithinExcess: -Infinity,
  };
  ctx.scoreAtZero = simulate(ctx, zeroMix(), 0).cfeScore;
  ctx.bestScoreAtCap = ctx.scoreAtZero;
  ctx.bestScoreWithinExcess = ctx.scoreAtZero;
  return ctx;
}

function zeroMix(): HeuristicMix {
  return { shares: { solar: 0, onshore_wind: 0, offshore_wind: 0, clean_firm: 0 }, batteryPowerRatio: 0, batteryDurationH: 0 };
}

function fillPortfolio(ctx: Context, mix: HeuristicMix, k: number, out: Portfolio): Portfolio {
  const totalMw = k * ctx.meanLoadMw;
  for (const tech of TECHNOLOGIES) out.mw[tech] = mix.shares[tech] * totalMw;
  out.batteryMw = mix.batteryPowerRatio * ctx.meanLoadMw;
  out.batteryMwh = out.batteryMw * mix.batteryDurationH;
  return out;
}

function simulate(ctx: Context, mix: HeuristicMix, k: number): DispatchSummary {
  ctx.evaluations++;
  if (ctx.unitMix !== mix) {
    const unit = ctx.unitGeneration;
    unit.fill(0);
    for (const tech of TECHNOLOGIES) {
      const mwPerK = mix.shares[tech] * ctx.meanLoadMw;
      if (mwPerK === 0) continue;
      const cf = ctx.problem.capacityFactor[tech];
      for (let t = 0; t < unit.length; t++) unit[t] = unit[t]! + mwPerK * cf[t]!;
    }
    ctx.unitMix = mix;
  }
  const batteryMw = mix.batteryPowerRatio * ctx.meanLoadMw;
  return dispatchGeneration(ctx.problem, ctx.unitGeneration, k, batteryMw, batteryMw * mix.batteryDurationH);
}

function costAt(ctx: Context, mix: HeuristicMix, k: number, summary: DispatchSummary): number {
  return annualisedCostUsd(ctx.problem, fillPortfolio(ctx, mix, k, ctx.scratch), summary, ctx.cfSums);
}

/** Cost per unit of overbuild (capacity + variable) and the fixed battery cost of a mix. */
function linearCosts(ctx: Context, mix: HeuristicMix): { perK: number; battery: number } {
  let perK = 0;
  for (const tech of TECHNOLOGIES) if (mix.shares[tech] > 0) perK += mix.shares[tech] * ctx.usdPerMwYear[tech];
  perK *= ctx.meanLoadMw;
  const batteryMw = mix.batteryPowerRatio * ctx.meanLoadMw;
  const battery = batteryMw > 0 ? batteryMw * (ctx.batteryUsdPerMwYear + mix.batteryDurationH * ctx.batteryUsdPerMwhYear) : 0;
  return { perK, battery };
}

function overbuildCap(ctx: Context, mix: HeuristicMix): number {
  let cap = ctx.maxOverbuild;
  for (const tech of TECHNOLOGIES) {
    const share = mix.shares[tech];
    if (share > 0) cap = Math.min(cap, ctx.problem.maxMw[tech] / (share * ctx.meanLoadMw));
  }
  return cap;
}

function excessOk(ctx: Context, summary: DispatchSummary): boolean {
  return summary.excessMwh <= ctx.problem.maxExcessShare * ctx.loadMwh * (1 + 1e-12) + 1e-9;
}

/**
 * Cheapest cost of a candidate mix at the target, or INFEASIBLE when it cannot reach the
 * target or cannot beat `incumbent` (branch and bound).
 */
function evaluate(ctx: Context, mix: HeuristicMix, incumbent: number, hint: number): Evaluated {
  const x = ctx.target;
  const { perK, battery } = linearCosts(ctx, mix);
  const kCap = overbuildCap(ctx, mix);
  // Above kBudget the capacity, battery and variable costs alone exceed the incumbent.
  const kBudget = Number.isFinite(incumbent) && perK > 0 ? (incumbent - battery) / perK : Infinity;
  const kTop = Math.min(kCap, kBudget);
  if (!(kTop >= 0)) return INFEASIBLE;
  let summary: DispatchSummary;
  let kMin: number;
  if (ctx.scoreAtZero >= x - SCORE_EPS) {
    kMin = 0;
    summary = simulate(ctx, mix, 0);
  } else {
    if (!(kTop > 0)) return INFEASIBLE;
    let hi = kTop;
    let lo = 0;
    const sTop = simulate(ctx, mix, hi);
    if (kBudget >= kCap) {
      ctx.bestScoreAtCap = Math.max(ctx.bestScoreAtCap, sTop.cfeScore);
      if (excessOk(ctx, sTop)) ctx.bestScoreWithinExcess = Math.max(ctx.bestScoreWithinExcess, sTop.cfeScore);
      else if (sTop.cfeScore < x - SCORE_EPS && !Number.isFinite(incumbent)) recordScoreWithinExcess(ctx, mix, hi);
    }
    if (sTop.cfeScore < x - SCORE_EPS) return INFEASIBLE;
    summary = sTop;
    let fLo = ctx.scoreAtZero - x;
    let fHi = sTop.cfeScore - x;
    if (Number.isFinite(kBudget)) {
      // Grid import only falls with k, so every k <= kTop pays at least the grid cost at kTop:
      // a tighter budget, tested with one more simulation.
      const kBudget2 = (incumbent - battery - ctx.problem.costs.gridUsdPerMwh * sTop.gridImportMwh) / perK;
      if (!(kBudget2 > 0)) return INFEASIBLE;
      if (kBudget2 < hi * (1 - ctx.relTol)) {
        const s2 = simulate(ctx, mix, kBudget2);
        if (s2.cfeScore < x - SCORE_EPS) return INFEASIBLE;
        hi = kBudget2;
        fHi = s2.cfeScore - x;
        summary = s2;
      }
    }
    // A hint (a neighbour's overbuild) narrows the bracket with one simulation.
    if (hint > lo && hint < hi) {
      const s = simulate(ctx, mix, hint);
      if (s.cfeScore >= x - SCORE_EPS) {
        hi = hint;
        fHi = s.cfeScore - x;
        summary = s;
      } else {
        lo = hint;
        fLo = s.cfeScore - x;
      }
    }
    let side = 0;
    let width = hi - lo;
    let bisectNext = false;
    for (let iter = 0; iter < 60 && hi - lo > ctx.relTol * hi; iter++) {
      let k: number;
      if (bisectNext || !(fHi - fLo > 0)) k = 0.5 * (lo + hi);
      else {
        k = (lo * fHi - hi * fLo) / (fHi - fLo);
        const margin = 0.02 * (hi - lo);
        k = Math.min(hi - margin, Math.max(lo + margin, k));
      }
      const s = simulate(ctx, mix, k);
      const f = s.cfeScore - x;
      if (f >= -SCORE_EPS) {
        hi = k;
        fHi = f;
        summary = s;
        if (side === 1) fLo *= 0.5;
        side = 1;
      } else {
        lo = k;
        fLo = f;
        if (side === -1) fHi *= 0.5;
        side = -1;
      }
      // Safeguard: bisect when an iteration did not halve the bracket.
      bisectNext = hi - lo > 0.5 * width;
      width = hi - lo;
    }
    kMin = hi;
  }
  if (!excessOk(ctx, summary)) {
    ctx.excessLimited = true;
    if (!Number.isFinite(incumbent)) recordScoreWithinExcess(ctx, mix, kMin);
    return INFEASIBLE;
  }
  const atMin: Evaluated = { feasible: true, costUsd: costAt(ctx, mix, kMin, summary), overbuild: kMin, summary };
  const best = cheaperAbove(ctx, mix, atMin, kTop);
  return best.costUsd < incumbent ? best : INFEASIBLE;
}

/** For the infeasible message: the score at the largest overbuild within the excess cap. */
function recordScoreWithinExcess(ctx: Context, mix: HeuristicMix, kTooHigh: number): void {
  let lo = 0;
  let hi = kTooHigh;
  let score = ctx.scoreAtZero;
  for (let i = 0; i < 30 && hi - lo > ctx.relTol * hi; i++) {
    const k = 0.5 * (lo + hi);
    const s = simulate(ctx, mix, k);
    if (excessOk(ctx, s)) {
      lo = k;
      score = s.cfeScore;
    } else hi = k;
  }
  ctx.bestScoreWithinExcess = Math.max(ctx.bestScoreWithinExcess, score);
}

/**
 * Building past the smallest feasible overbuild can be cheaper when clean energy costs less
 * than grid energy. The cost along k is close to convex: probe upwards, expand while it
 * falls, then golden-section search the last bracket.
 */
function cheaperAbove(ctx: Context, mix: HeuristicMix, start: Evaluated, kCap: number): Evaluated {
  const k0 = start.overbuild;
  let step = Math.max(0.05 * k0, 0.05);
  const at = (k: number): Evaluated => {
    const s = simulate(ctx, mix, k);
    if (!excessOk(ctx, s)) return { feasible: false, costUsd: Infinity, overbuild: k, summary: s };
    return { feasible: true, costUsd: costAt(ctx, mix, k, s), overbuild: k, summary: s };
  };
  if (k0 + step > kCap) return start;
  let prev = start;
  let cur = at(k0 + step);
  if (!(cur.costUsd < prev.costUsd)) return start;
  let lo = k0;
  // Expand: lo < prev.k < cur.k with cost falling.
  for (let i = 0; i < 12; i++) {
    step *= 2;
    const kNext = Math.min(kCap, cur.overbuild + step);
    if (kNext <= cur.overbuild) break;
    const next = at(kNext);
    lo = prev.overbuild;
    prev = cur;
    cur = next;
    if (!(cur.costUsd < prev.costUsd)) break;
  }
  if (cur.costUsd < prev.costUsd) return cur; // still falling at the cap
  // Minimum in [lo, cur.k]; golden section around prev, to 1% of the overbuild.
  let best = prev;
  const [fc, fd] = goldenSection(at, lo, cur.overbuild, {
    leftWins: (c, d) => c.costUsd < d.costUsd,
    steps: 8,
    narrowEnough: (a, b) => !(b - a > 0.01 * b),
  });
  for (const e of [fc, fd]) if (e.feasible && e.costUsd < best.costUsd) best = e;
  return best;
}

function* compositions(total: number, parts: number): Generator<number[]> {
  if (parts === 1) {
    yield [total];
    return;
  }
  for (let first = total; first >= 0; first--) for (const rest of compositions(total - first, parts - 1)) yield [first, ...rest];
}

function defaultShareStep(eligibleCount: number): number {
  return eligibleCount <= 2 ? 0.1 : eligibleCount === 3 ? 0.2 : 0.25;
}

function mixKey(mix: HeuristicMix): string {
  const r = (v: number) => Math.round(v * 1e9);
  const b = r(mix.batteryPowerRatio);
  return `${TECHNOLOGIES.map((t) => r(mix.shares[t])).join(',')}|${b}|${b === 0 ? 0 : r(mix.batteryDurationH)}`;
}

function batteryOptions(ctx: Context, options: HeuristicOptions): Array<[number, number]> {
  const out: Array<[number, number]> = [[0, 0]];
  if (!ctx.batteryAllowed) return out;
  const durations = options.batteryDurationsH ?? DEFAULT_DURATIONS_H;
  for (const b of options.batteryPowerRatios ?? DEFAULT_POWER_RATIOS) {
    if (b > 0) for (const d of durations) if (d > 0) out.push([b, d]);
  }
  return out;
}

function infeasibleReason(ctx: Context, options: HeuristicOptions): string {
  const x = ctx.target;
  const head = `target ${pct(x)} is not reachable`;
  if (ctx.eligible.length === 0) {
    const why = TECHNOLOGIES.map((t) => `${t}: ${ctx.ineligibleWhy[t]}`).join('; ');
    return `${head}: no clean technology is eligible (${why}); grid alone gives ${pct(ctx.scoreAtZero)}`;
  }
  if (ctx.excessLimited && ctx.bestScoreAtCap >= x - SCORE_EPS) {
    return (
      `${head} within the excess cap (excess <= ${pct(ctx.problem.maxExcessShare)} of load): ` +
      `every portfolio that reaches it curtails more; best score within the cap ${pct(ctx.bestScoreWithinExcess)}`
    );
  }
  const limits: string[] = [];
  const firmWhy = ctx.ineligibleWhy.clean_firm;
  if (!ctx.batteryAllowed) {
    const why = finite(ctx.batteryUsdPerMwYear, ctx.batteryUsdPerMwhYear) ? 'none allowed' : 'battery cost not finite';
    limits.push(`no storage (${why})`);
  } else {
    const maxB = Math.max(...(options.batteryPowerRatios ?? DEFAULT_POWER_RATIOS));
    const maxD = Math.max(...(options.batteryDurationsH ?? DEFAULT_DURATIONS_H));
    limits.push(`storage up to ${maxB} x mean load for ${maxD} h`);
  }
  if (firmWhy !== undefined) limits.push(`no clean firm (${firmWhy})`);
  const used = ctx.eligible.join(', ');
  limits.push(`only ${used} eligible`);
  const capped = TECHNOLOGIES.filter((t) => Number.isFinite(ctx.problem.maxMw[t]) && ctx.ineligibleWhy[t] === undefined);
  limits.push(
    capped.length > 0
      ? `build capped by maxMw (${capped.map((t) => `${t} ${ctx.problem.maxMw[t]} MW`).join(', ')}) and overbuild <= ${ctx.maxOverbuild} x mean load`
      : `overbuild <= ${ctx.maxOverbuild} x mean load`,
  );
  if (Number.isFinite(ctx.problem.maxExcessShare)) limits.push(`excess <= ${pct(ctx.problem.maxExcessShare)} of load`);
  return `${head}: with ${limits.join(', ')}, the best CFE score is ${pct(bestScoreOf(ctx))}`;
}

/** Best score found within every limit, the excess cap included. */
function bestScoreOf(ctx: Context): number {
  return Number.isFinite(ctx.problem.maxExcessShare) ? ctx.bestScoreWithinExcess : ctx.bestScoreAtCap;
}

/** Least-cost portfolio (heuristic) for one CFE target in (0, 1]. */
export function heuristicPortfolio(problem: CfeProblem, target: number, options: HeuristicOptions = {}): HeuristicResult {
  if (!(target > 0 && target <= 1)) throw new RangeError(`CFE target must be in (0, 1], got ${target}`);
  const ctx = buildContext(problem, target, options);
  if (ctx.eligible.length === 0 && ctx.scoreAtZero < target - SCORE_EPS) {
    return { ok: false, target, reason: infeasibleReason(ctx, options), bestScore: ctx.scoreAtZero, evaluations: ctx.evaluations };
  }
  const m = ctx.eligible.length;
  const cache = new Map<string, Evaluated>();
  let bestMix: HeuristicMix | undefined;
  let best: Evaluated = INFEASIBLE;
  const incumbents: HeuristicMix[] = [];

  const consider = (mix: HeuristicMix, hint: number): boolean => {
    const key = mixKey(mix);
    if (cache.has(key)) return false;
    const e = evaluate(ctx, mix, best.costUsd, hint);
    cache.set(key, e);
    if (e.feasible && e.costUsd < best.costUsd * (1 - 1e-9)) {
      best = e;
      bestMix = mix;
      incumbents.push(mix);
      return true;
    }
    return false;
  };

  // Seeds first (warm start), then the coarse grid.
  for (const seed of options.seeds ?? []) {
    const ok = TECHNOLOGIES.every((t) => seed.shares[t] === 0 || ctx.eligible.includes(t));
    if (ok && (seed.batteryPowerRatio === 0 || ctx.batteryAllowed)) consider(cloneMix(seed), 0);
  }
  const step = options.shareStep ?? defaultShareStep(m);
  const units = Math.max(1, Math.round(1 / step));
  const batteries = batteryOptions(ctx, options);
  const mixes = m > 0 ? [...compositions(units, m)] : [];
  const withShares = (parts: number[], b: number, d: number): HeuristicMix => {
    const mix = zeroMix();
    parts.forEach((u, i) => (mix.shares[ctx.eligible[i]!] = u / units));
    mix.batteryPowerRatio = b;
    mix.batteryDurationH = d;
    return mix;
  };
  if (options.fullGrid) {
    for (const [b, d] of batteries) for (const parts of mixes) consider(withShares(parts, b, d), best.feasible ? best.overbuild : 0);
  } else {
    // Stage A: every share mix with no battery and with the middle battery option.
    const middle = batteries.length > 1 ? batteries[Math.ceil((batteries.length - 1) / 2)]! : undefined;
    for (const [b, d] of middle === undefined ? [batteries[0]!] : [batteries[0]!, middle]) {
      for (const parts of mixes) consider(withShares(parts, b, d), best.feasible ? best.overbuild : 0);
    }
    // Stage B: every battery option for the last few incumbents' shares (all shares if none is feasible yet).
    const shareKeys = new Set<string>();
    const stageB: Record<Technology, number>[] = [];
    const sources = best.feasible ? [...incumbents].reverse() : mixes.map((parts) => withShares(parts, 0, 0));
    for (const mix of sources) {
      const key = TECHNOLOGIES.map((t) => mix.shares[t].toFixed(9)).join(',');
      if (shareKeys.has(key)) continue;
      shareKeys.add(key);
      stageB.push(mix.shares);
      if (best.feasible && stageB.length >= STAGE_B_MIXES) break;
    }
    for (const [b, d] of batteries) {
      for (const shares of stageB) consider({ shares: { ...shares }, batteryPowerRatio: b, batteryDurationH: d }, best.feasible ? best.overbuild : 0);
    }
  }

  if (bestMix === undefined || !best.feasible) {
    return { ok: false, target, reason: infeasibleReason(ctx, options), bestScore: bestScoreOf(ctx), evaluations: ctx.evaluations };
  }

  if (options.refine ?? true) {
    let shareStep = 1 / units / 2;
    let powerStep = 0.125;
    let durationStep = 1;
    const minShare = options.minShareStep ?? 0.025;
    for (let round = 0; round < 400; round++) {
      const centre: HeuristicMix = bestMix;
      let improved = false;
      for (const neighbour of neighbours(ctx, centre, shareStep, powerStep, durationStep)) {
        if (consider(neighbour, best.overbuild)) {
          improved = true;
          break;
        }
      }
      if (!improved) {
        if (shareStep / 2 < minShare - 1e-12) break;
        shareStep /= 2;
        powerStep /= 2;
        durationStep /= 2;
      }
    }
  }

  const mix = bestMix as HeuristicMix;
  const k = best.overbuild;
  const portfolio = fillPortfolio(ctx, mix, k, zeroPortfolio());
  // Final summary from the public simulation (equal to the kernel's up to rounding).
  const summary = simulateDispatch(problem, portfolio);
  ctx.evaluations++;
  const costUsdPerYear = annualisedCostUsd(problem, portfolio, summary, ctx.cfSums);
  return {
    ok: true,
    target,
    portfolio,
    summary,
    costUsdPerYear,
    costUsdPerMwh: costUsdPerYear / ctx.loadMwh,
    evaluations: ctx.evaluations,
    mix: { ...cloneMix(mix), overbuild: k },
  };
}

function zeroPortfolio(): Portfolio {
  return { mw: { solar: 0, onshore_wind: 0, offshore_wind: 0, clean_firm: 0 }, batteryMw: 0, batteryMwh: 0 };
}

function cloneMix(mix: HeuristicMix): HeuristicMix {
  return { shares: { ...mix.shares }, batteryPowerRatio: mix.batteryPowerRatio, batteryDurationH: mix.batteryDurationH };
}

function* neighbours(ctx: Context, centre: HeuristicMix, shareStep: number, powerStep: number, durationStep: number): Generator<HeuristicMix> {
  const techs = ctx.eligible;
  for (const from of techs) {
    for (const to of techs) {
      if (from === to || centre.shares[from] < shareStep - 1e-12) continue;
      const mix = cloneMix(centre);
      mix.shares[from] = Math.max(0, centre.shares[from] - shareStep);
      mix.shares[to] = centre.shares[to] + shareStep;
      yield mix;
    }
  }
  if (!ctx.batteryAllowed) return;
  for (const sign of [1, -1]) {
    const b = centre.batteryPowerRatio + sign * powerStep;
    if (b < -1e-12) continue;
    const mix = cloneMix(centre);
    mix.batteryPowerRatio = Math.max(0, b);
    if (centre.batteryPowerRatio === 0) mix.batteryDurationH = 4;
    yield mix;
  }
  if (centre.batteryPowerRatio > 0) {
    for (const sign of [1, -1]) {
      const d = centre.batteryDurationH + sign * durationStep;
      if (d <= 0) continue;
      const mix = cloneMix(centre);
      mix.batteryDurationH = d;
      yield mix;
    }
  }
}

/**
 * Heuristic portfolios for several targets (ascending order recommended): each target is
 * warm-started from the previous answer's mix.
 */
export function heuristicSweep(problem: CfeProblem, targets: readonly number[], options: HeuristicOptions = {}): HeuristicResult[] {
  const out: HeuristicResult[] = [];
  let seeds: HeuristicMix[] = [...(options.seeds ?? [])];
  for (const target of targets) {
    const result = heuristicPortfolio(problem, target, { ...options, seeds });
    out.push(result);
    if (result.ok) seeds = [cloneMix(result.mix), ...(options.seeds ?? [])];
  }
  return out;
}
