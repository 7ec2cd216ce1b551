/**
 * The hourly (24/7) CFE study of one evaluated scenario: joins the core model's hourly load,
 * the scenario's cfe assumptions, the generation profiles, and the two portfolio methods
 * (heuristic: synchronous and fast; LP: HiGHS, asynchronous) into typed result rows.
 *
 * 1. Pick the year: --year, else cfe.year, else the first full build-out year.
 * 2. Load: that year's facility MW from the core model, in the site's local standard time,
 *    reshaped by cfe.load_shape_file if given (energy unchanged).
 * 3. Profiles: synthetic (site preset) or the CSV; clean firm flat at its availability.
 * 4. Grid: carbon-free share and emission factor per hour (flat or the hourly CSV).
 * 5. Annual matching (the core's procurement MW of that year) dispatched hour by hour: its
 *    hourly score and cost, the baseline of every premium.
 * 6. Portfolios per target by the heuristic and/or the LP; each portfolio's score is
 *    recomputed from its own hourly dispatch.
 */
import type { InputIssue, LoadedScenario } from '../loader/types.js';
import { checkProfileYear } from '../loader/cfe.js';
import { at, hoursInYear, makeCalendar } from '../model/calendar.js';
import { localYearLoadMw, reshapeLoadMw } from '../model/cfe/hourlyLoad.js';
import { annualisedCostUsd, dispatchTrace, simulateDispatch } from '../model/cfe/dispatch.js';
import { heuristicSweep } from '../model/cfe/heuristicPortfolio.js';
import { solveCfeSweep } from '../model/cfe/solveLp.js';
import { profileStats, type ProfileStatRow } from '../model/cfe/profileStats.js';
import { syntheticProfiles } from '../model/cfe/syntheticProfiles.js';
import type { CfeProblem, DispatchTrace, HourlyCapacityFactors, Portfolio } from '../model/cfe/types.js';
import { TECHNOLOGIES, type Technology } from '../model/inputs.js';
import type { AnnualVsHourlyRow, CfePortfolioRow, DispatchHourRow, PortfolioMethod } from '../results/hourly.js';
import type { ModelResult } from '../results/types.js';

export type HourlyMethod = 'heuristic' | 'lp' | 'both';

export interface HourlySettings {
  /** Overrides cfe.year. */
  year?: number;
  /** Overrides cfe.targets. */
  targets?: readonly number[];
  method: HourlyMethod;
  /** Keep each portfolio's hourly dispatch (dispatch.csv). */
  writeDispatch: boolean;
}

/** The prepared one-year problem, before any portfolio is sought. */
export interface HourlyProblem {
  year: number;
  /** How the year was chosen, for the manifest. */
  yearBasis: 'option --year' | 'cfe.year' | 'first full build-out year';
  targets: readonly number[];
  problem: CfeProblem;
  loadMwh: number;
  meanLoadMw: number;
  profileSource: string;
  utcOffsetHours: number;
  profileStats: ProfileStatRow[];
}

/**
 * A portfolio found by one method for one target, scored on that method's own hourly
 * dispatch: the heuristic's greedy dispatch, or the LP's optimal one.
 */
export interface FoundPortfolio {
  target: number;
  method: PortfolioMethod;
  portfolio: Portfolio;
  costUsdPerYear: number;
  cfeScore: number;
  excessMwh: number;
  gridImportMwh: number;
  /** The hourly dispatch, when asked for (dispatch.csv). */
  trace?: DispatchTrace;
}

/** A target a method could not meet, in planner words. */
export interface UnmetTarget {
  target: number;
  method: PortfolioMethod;
  reason: string;
}

export interface HourlyStudy extends HourlyProblem {
  portfolios: CfePortfolioRow[];
  annualVsHourly: AnnualVsHourlyRow[];
  unmet: UnmetTarget[];
  dispatch: DispatchHourRow[] | undefined;
  /** LP size and settings, when the LP ran (deterministic facts only: no timings). */
  lp: { rows: number; columns: number; nonZeros: number; algorithm: string } | undefined;
}

export type Prepared = { ok: true; hourly: HourlyProblem } | { ok: false; issues: InputIssue[] };

/** Steps 1-4. Problems are located at the assumption behind them. */
export function prepareHourly(scenario: LoadedScenario, result: ModelResult, settings: Pick<HourlySettings, 'year' | 'targets'>): Prepared {
  const { inputs } = scenario;
  const cfe = inputs.cfe;
  const { firstYear, lastYear } = inputs.horizon;
  const issueAt = (path: string, code: string, message: string): InputIssue => {
    const record = scenario.records.find((r) => r.path === path) ?? scenario.records.find((r) => r.path.startsWith('cfe.'));
    return { severity: 'error', code, at: record?.at ?? { file: 'cfe.yaml', line: 1, column: 1 }, path, message };
  };

  // 1. The year.
  const firstFull = result.summary.find((r) => r.metric === 'first_full_year')?.value;
  const year = settings.year ?? cfe.year ?? (typeof firstFull === 'number' ? firstFull : lastYear);
  const yearBasis = settings.year !== undefined ? 'option --year' : cfe.year !== undefined ? 'cfe.year' : 'first full build-out year';
  if (!(year >= firstYear && year <= lastYear)) {
    return {
      ok: false,
      issues: [
        issueAt('cfe.year', 'hourly_year_outside_horizon', `hourly year ${year} is outside the horizon ${firstYear}-${lastYear}; choose a year within it (--year or cfe.year).`),
      ],
    };
  }
  const profileIssues = checkProfileYear(cfe, year);
  if (profileIssues.length > 0) return { ok: false, issues: profileIssues };

  // 2. Load, local standard time.
  const utcOffsetHours = cfe.profiles.kind === 'synthetic' ? cfe.profiles.site.utcOffsetHours : cfe.profiles.utcOffsetHours;
  const calendar = makeCalendar(firstYear, lastYear);
  let loadMw = localYearLoadMw(result.hourly.facilityMw, calendar, year, utcOffsetHours);
  if (cfe.loadShape) {
    if (cfe.loadShape.length !== 24 && cfe.loadShape.length !== loadMw.length) {
      return {
        ok: false,
        issues: [
          issueAt(
            'cfe.load_shape_file',
            'load_shape_length',
            `the load shape has ${cfe.loadShape.length} rows but ${year} has ${loadMw.length} hours; give 24 rows (one day) or ${loadMw.length} (the year).`,
          ),
        ],
      };
    }
    loadMw = reshapeLoadMw(loadMw, cfe.loadShape);
  }
  let loadMwh = 0;
  for (let h = 0; h < loadMw.length; h++) loadMwh += loadMw[h]!;
  if (!(loadMwh > 0)) {
    return {
      ok: false,
      issues: [issueAt('cfe.year', 'hourly_year_without_load', `no phase is energised in ${year}, so there is no load to match; choose a later year (--year or cfe.year).`)],
    };
  }

  // 3. Profiles.
  const hours = hoursInYear(year);
  let variable: Record<'solar' | 'onshore_wind' | 'offshore_wind', Float64Array>;
  let profileSource: string;
  if (cfe.profiles.kind === 'synthetic') {
    const site = cfe.profiles.site;
    try {
      variable = syntheticProfiles(site, year);
    } catch (error) {
      return { ok: false, issues: [issueAt('cfe.profiles.site', 'synthetic_profile_unreachable', (error as Error).message)] };
    }
    profileSource = `synthetic, site preset ${site.name} (${site.latitudeDeg} deg N, ${site.longitudeDeg} deg E, UTC${signed(site.utcOffsetHours)}), seed ${site.seed}`;
  } else {
    variable = cfe.profiles.capacityFactor;
    profileSource = `CSV ${cfe.profiles.file} (UTC${signed(utcOffsetHours)})`;
  }
  const capacityFactor: HourlyCapacityFactors = {
    solar: variable.solar,
    onshore_wind: variable.onshore_wind,
    offshore_wind: variable.offshore_wind,
    clean_firm: new Float64Array(hours).fill(cfe.cleanFirmAvailability),
  };

  // 4. Grid, per hour.
  const yearIndex = year - firstYear;
  const perHour = (value: number | Float64Array) => (typeof value === 'number' ? new Float64Array(hours).fill(value) : value);
  const emissions = cfe.gridEmissionsTPerMwh ?? at(inputs.context.gridEmissionsTco2ePerMwh, yearIndex, 'context.gridEmissionsTco2ePerMwh');
  const problem: CfeProblem = {
    loadMw,
    capacityFactor,
    gridCfeShare: perHour(cfe.gridCfeShare),
    gridEmissionsTPerMwh: perHour(emissions),
    battery: cfe.battery,
    costs: cfe.costs,
    maxMw: cfe.maxMw,
    maxExcessShare: cfe.maxExcessShare,
  };
  return {
    ok: true,
    hourly: {
      year,
      yearBasis,
      targets: settings.targets ?? cfe.targets,
      problem,
      loadMwh,
      meanLoadMw: loadMwh / hours,
      profileSource,
      utcOffsetHours,
      profileStats: profileStats(
        { solar: variable.solar, onshore_wind: variable.onshore_wind, offshore_wind: variable.offshore_wind },
        year,
      ),
    },
  };
}

function signed(hours: number): string {
  return hours >= 0 ? `+${hours}` : `${hours}`;
}

/** Step 6, heuristic: one portfolio per target, or the reason it cannot be met. */
export function heuristicPortfolios(hourly: HourlyProblem, keepTrace: boolean): { found: FoundPortfolio[]; unmet: UnmetTarget[] } {
  const found: FoundPortfolio[] = [];
  const unmet: UnmetTarget[] = [];
  for (const outcome of heuristicSweep(hourly.problem, hourly.targets)) {
    if (!outcome.ok) {
      unmet.push({ target: outcome.target, method: 'heuristic', reason: outcome.reason });
      continue;
    }
    found.push({
      target: outcome.target,
      method: 'heuristic',
      portfolio: outcome.portfolio,
      costUsdPerYear: outcome.costUsdPerYear,
      cfeScore: outcome.summary.cfeScore,
      excessMwh: outcome.summary.excessMwh,
      gridImportMwh: outcome.summary.gridImportMwh,
      trace: keepTrace ? dispatchTrace(hourly.problem, outcome.portfolio) : undefined,
    });
  }
  return { found, unmet };
}

/** Steps 5-6 joined: rows of cfe_portfolios.csv and annual_vs_hourly.csv (and dispatch.csv). */
export function assembleStudy(
  hourly: HourlyProblem,
  scenario: LoadedScenario,
  result: ModelResult,
  found: readonly FoundPortfolio[],
  unmet: readonly UnmetTarget[],
  settings: Pick<HourlySettings, 'writeDispatch'>,
  lp: HourlyStudy['lp'],
): HourlyStudy {
  const { problem, year, loadMwh, meanLoadMw } = hourly;

  // 5. Annual matching: the core's nameplate of this year, no storage, dispatched hour by hour.
  const annualMw = Object.fromEntries(TECHNOLOGIES.map((t) => [t, 0])) as Record<Technology, number>;
  for (const row of result.procurement) if (row.year === year) annualMw[row.technology] = row.nameplateMw;
  const annualPortfolio: Portfolio = { mw: annualMw, batteryMw: 0, batteryMwh: 0 };
  const annualSummary = simulateDispatch(problem, annualPortfolio);
  const annualCostPerMwh = annualisedCostUsd(problem, annualPortfolio, annualSummary) / loadMwh;
  const matchingShare = at(scenario.inputs.procurement.matchingTargetShare, year - scenario.inputs.horizon.firstYear, 'procurement.matchingTargetShare');

  const totalMw = (p: Portfolio) => TECHNOLOGIES.reduce((sum, t) => sum + p.mw[t], 0);
  const ordered = [...found].sort((a, b) => a.target - b.target || methodOrder(a.method) - methodOrder(b.method));
  const portfolios: CfePortfolioRow[] = [];
  const annualVsHourly: AnnualVsHourlyRow[] = [
    {
      year,
      basis: 'annual_matching',
      target: matchingShare,
      method: 'certificates',
      mw: annualMw,
      batteryMw: 0,
      batteryMwh: 0,
      totalCleanMw: totalMw(annualPortfolio),
      hourlyCfeScore: annualSummary.cfeScore,
      costUsdPerMwh: annualCostPerMwh,
    },
  ];
  const dispatch: DispatchHourRow[] | undefined = settings.writeDispatch ? [] : undefined;
  // annual_vs_hourly.csv shows one portfolio per target: the LP's where it ran (optimal), else the heuristic's.
  const preferred = new Map<number, FoundPortfolio>();
  for (const entry of ordered) if (!preferred.has(entry.target) || entry.method === 'lp') preferred.set(entry.target, entry);

  for (const entry of ordered) {
    const costUsdPerMwh = entry.costUsdPerYear / loadMwh;
    const { portfolio } = entry;
    portfolios.push({
      year,
      target: entry.target,
      method: entry.method,
      mw: portfolio.mw,
      batteryMw: portfolio.batteryMw,
      batteryMwh: portfolio.batteryMwh,
      overbuildRatio: totalMw(portfolio) / meanLoadMw,
      cfeScore: entry.cfeScore,
      excessMwh: entry.excessMwh,
      gridImportMwh: entry.gridImportMwh,
      costUsdPerMwh,
      premiumVsAnnualPct: (costUsdPerMwh / annualCostPerMwh - 1) * 100,
    });
    if (preferred.get(entry.target) === entry) {
      annualVsHourly.push({
        year,
        basis: `hourly_cfe_${percentWord(entry.target)}`,
        target: entry.target,
        method: entry.method,
        mw: portfolio.mw,
        batteryMw: portfolio.batteryMw,
        batteryMwh: portfolio.batteryMwh,
        totalCleanMw: totalMw(portfolio),
        hourlyCfeScore: entry.cfeScore,
        costUsdPerMwh,
      });
    }
    if (dispatch && entry.trace) {
      const t = entry.trace;
      for (let h = 0; h < problem.loadMw.length; h++) {
        dispatch.push({
          target: entry.target,
          method: entry.method,
          hour: h,
          loadMw: problem.loadMw[h]!,
          generationMw: t.generationMw[h]!,
          chargeMw: t.chargeMw[h]!,
          dischargeMw: t.dischargeMw[h]!,
          stateOfChargeMwh: t.stateOfChargeMwh[h]!,
          gridImportMw: t.gridImportMw[h]!,
          excessMw: t.excessMw[h]!,
        });
      }
    }
  }
  return { ...hourly, portfolios, annualVsHourly, unmet: [...unmet], dispatch, lp };
}

function methodOrder(method: PortfolioMethod): number {
  return method === 'lp' ? 0 : 1;
}

/** 0.95 -> "95", 0.999 -> "99.9": a basis label without a decimal point where none is needed. */
function percentWord(share: number): string {
  return String(Math.round(share * 100_000) / 1000);
}

/** The heuristic study, synchronously (what `run` writes). */
export function heuristicStudy(scenario: LoadedScenario, result: ModelResult, settings: HourlySettings): { ok: true; study: HourlyStudy } | { ok: false; issues: InputIssue[] } {
  const prepared = prepareHourly(scenario, result, settings);
  if (!prepared.ok) return prepared;
  const { found, unmet } = heuristicPortfolios(prepared.hourly, settings.writeDispatch);
  return { ok: true, study: assembleStudy(prepared.hourly, scenario, result, found, unmet, settings, undefined) };
}

/**
 * Step 6, LP: HiGHS per target (warm-started sweep); the LP's own dispatch scores each portfolio.
 * `heuristic`: the heuristic's portfolios when already found, to start cold solves from.
 */
export async function lpPortfolios(
  hourly: HourlyProblem,
  onProgress?: (done: number, total: number) => void,
  heuristic: readonly FoundPortfolio[] = [],
): Promise<{ found: FoundPortfolio[]; unmet: UnmetTarget[]; lp: NonNullable<HourlyStudy['lp']>; solveMs: number }> {
  const { problem } = hourly;
  // The heuristic's portfolios, when already found, are the LP's cold starts (not searched again).
  const heuristicPortfolios = new Map(heuristic.filter((f) => f.method === 'heuristic').map((f) => [f.target, f.portfolio]));
  const sweep = await solveCfeSweep(problem, hourly.targets, { onProgress, year: hourly.year, heuristicPortfolios });
  const found: FoundPortfolio[] = [];
  const unmet: UnmetTarget[] = [];
  for (const outcome of sweep.results) {
    if (outcome.status !== 'optimal') {
      unmet.push({ target: outcome.target, method: 'lp', reason: outcome.message });
      continue;
    }
    let excessMwh = 0;
    let gridImportMwh = 0;
    for (let h = 0; h < problem.loadMw.length; h++) {
      excessMwh += outcome.dispatch.excessMw[h]!;
      gridImportMwh += outcome.dispatch.gridImportMw[h]!;
    }
    found.push({
      target: outcome.target,
      method: 'lp',
      portfolio: outcome.portfolio,
      costUsdPerYear: outcome.objectiveUsdPerYear,
      cfeScore: outcome.cfeScore,
      excessMwh,
      gridImportMwh,
      trace: outcome.dispatch,
    });
  }
  const lp = { rows: sweep.size.rows, columns: sweep.size.columns, nonZeros: sweep.size.nonZeros, algorithm: sweep.settings.algorithm };
  return { found, unmet, lp, solveMs: sweep.totalMs };
}
