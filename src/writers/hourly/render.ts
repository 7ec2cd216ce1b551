/**
 * An HourlyStudy as the files of OUT/<scenario>/hourly/, rendered in memory (pure). The keys
 * are paths inside the scenario's directory, so the scenario and its hourly outputs are
 * swapped into place together.
 */
import type { HourlyStudy } from '../../pipeline/hourly.js';
import { csvFile } from '../csv.js';
import { decimalsForUnit } from '../decimals.js';
import { formatFixed } from '../number.js';
import { ANNUAL_VS_HOURLY_TABLE, CFE_PORTFOLIOS_TABLE, DISPATCH_TABLE, PROFILE_STATS_TABLE } from './tables.js';

export const HOURLY_DIR = 'hourly';

export const CFE_SCORE_DEFINITION =
  "Google's CFE score: sum over hours of [min(load, clean generation + discharge - charge) + grid carbon-free share x grid import] / annual load; surplus in one hour never counts in another";

export interface HourlyRenderOptions {
  version: string;
  scenario: string;
}

export function renderHourly(study: HourlyStudy, options: HourlyRenderOptions): Map<string, string> {
  const files = new Map<string, string>([
    csvFile(CFE_PORTFOLIOS_TABLE, study.portfolios, HOURLY_DIR),
    csvFile(ANNUAL_VS_HOURLY_TABLE, study.annualVsHourly, HOURLY_DIR),
    csvFile(PROFILE_STATS_TABLE, study.profileStats, HOURLY_DIR),
  ]);
  if (study.dispatch) files.set(...csvFile(DISPATCH_TABLE, study.dispatch, HOURLY_DIR));
  files.set(`${HOURLY_DIR}/manifest.json`, manifest(study, options));
  return files;
}


function manifest(study: HourlyStudy, options: HourlyRenderOptions): string {
  const round = (value: number, unit: string) => Number(formatFixed(value, decimalsForUnit(unit, 'hourly manifest'), 'hourly manifest'));
  const methods = [...new Set(study.portfolios.map((p) => p.method).concat(study.unmet.map((u) => u.method)))].sort();
  const document = {
    manifest_version: 1,
    gwplan_version: options.version,
    scenario: options.scenario,
    year: study.year,
    year_basis: study.yearBasis,
    time_basis: `hour-beginning, local standard time UTC${study.utcOffsetHours >= 0 ? '+' : ''}${study.utcOffsetHours} (the core model's UTC load shifted to it)`,
    load_mwh: round(study.loadMwh, 'MWh'),
    mean_load_mw: round(study.meanLoadMw, 'MW'),
    targets: study.targets,
    methods,
    cfe_score: CFE_SCORE_DEFINITION,
    profiles: study.profileSource,
    currency_year: study.problem.costs.currencyYear,
    currency_note: study.problem.costs.restatedFrom
      ? `cfe.yaml's costs are in ${study.problem.costs.restatedFrom.year} dollars, restated in ${study.problem.costs.currencyYear} dollars with cost.deflators (x ${study.problem.costs.restatedFrom.factor.toFixed(6)})`
      : `cfe.yaml's costs are in ${study.problem.costs.currencyYear} dollars, as cost.yaml's`,
    cost_basis:
      'annualised: capex x (capital recovery factor + fixed O&M share) + variable cost of all generation (excess included) + grid price x grid import; excess earns nothing',
    unmet_targets: study.unmet.map((u) => ({ target: u.target, method: u.method, reason: u.reason })),
    heuristic_gap_to_lp_pct: heuristicGaps(study).map(({ target, gapPct }) => ({ target, gap_pct: round(gapPct, '%') })),
    lp: study.lp
      ? { rows: study.lp.rows, columns: study.lp.columns, non_zeros: study.lp.nonZeros, algorithm: study.lp.algorithm, solver: 'HiGHS (highs npm package, WebAssembly)' }
      : null,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Where both methods met a target: how much dearer the heuristic's portfolio is than the LP optimum, percent. */
export function heuristicGaps(study: HourlyStudy): { target: number; gapPct: number }[] {
  const gaps: { target: number; gapPct: number }[] = [];
  for (const lp of study.portfolios.filter((p) => p.method === 'lp')) {
    const heuristic = study.portfolios.find((p) => p.method === 'heuristic' && p.target === lp.target);
    if (heuristic) gaps.push({ target: lp.target, gapPct: (heuristic.costUsdPerMwh / lp.costUsdPerMwh - 1) * 100 });
  }
  return gaps;
}
