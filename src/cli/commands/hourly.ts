/**
 * `gwplan hourly`: the 24/7 CFE study of each scenario by the LP (HiGHS), the heuristic or
 * both, written to OUT/<scenario>/hourly/ only (the rest of each scenario's directory stays).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { groupedNumber } from '../../model/groupedNumber.js';
import { formatCfeLp } from '../../model/cfe/lpFormat.js';
import { buildCfeLp } from '../../model/cfe/lpProblem.js';
import {
  assembleStudy,
  heuristicPortfolios,
  lpPortfolios,
  prepareHourly,
  type FoundPortfolio,
  type HourlySettings,
  type HourlyStudy,
  type UnmetTarget,
} from '../../pipeline/hourly.js';
import { GWPLAN_VERSION } from '../../version.js';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { heuristicGaps, HOURLY_DIR, renderHourly } from '../../writers/hourly/render.js';
import { formatIssue } from '../../loader/types.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { reportErrors } from '../hourlyStudies.js';
import { EXIT_INVALID, EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { progressBar } from '../progressBar.js';
import { scenarioPart, writtenSummary } from '../renderOutputs.js';

const money = (value: number) => groupedNumber(value, 2, 2);
const mw = (value: number) => groupedNumber(value, 0);

export async function hourlyCommand(options: CommandOptions, io: Io): Promise<number> {
  const evaluated = evaluateSelected(options.assumptions, options.scenarios, io);
  if (typeof evaluated === 'number') return evaluated;
  if (options.exportLp !== undefined && evaluated.length !== 1) {
    io.stderr(`gwplan hourly: --export-lp writes one LP; choose one scenario with --scenario NAME (${evaluated.length} selected).\n`);
    return EXIT_INVALID;
  }
  const settings: HourlySettings = {
    year: options.year,
    targets: options.targets,
    method: options.method ?? 'both',
    writeDispatch: options.writeDispatch ?? false,
  };

  // Prepare every scenario first, so every input problem is reported before any solve starts.
  const prepared = evaluated.map((run) => ({ run, outcome: prepareHourly(run.scenario, run.result, settings) }));
  const issues = prepared.flatMap(({ outcome }) => (outcome.ok ? [] : outcome.issues));
  const failed = reportErrors([...new Map(issues.map((issue) => [formatIssue(issue), issue])).values()], io);
  if (failed !== undefined) return failed;

  const tree = new Map<string, Map<string, string>>();
  const studies: [string, HourlyStudy][] = [];
  for (const { run, outcome } of prepared) {
    if (!outcome.ok) continue;
    const hourly = outcome.hourly;
    if (options.exportLp !== undefined) {
      const path = resolve(io.cwd, options.exportLp);
      writeFileSync(path, formatCfeLp(buildCfeLp(hourly.problem, hourly.targets[0]!)), 'utf8');
      io.stdout(`${run.name}: wrote the LP of year ${hourly.year}, target ${hourly.targets[0]} (CPLEX LP format) to ${options.exportLp}\n`);
    }
    const found: FoundPortfolio[] = [];
    const unmet: UnmetTarget[] = [];
    let lp: HourlyStudy['lp'];
    if (settings.method !== 'lp') {
      const started = performance.now();
      const heuristic = heuristicPortfolios(hourly, settings.writeDispatch);
      found.push(...heuristic.found);
      unmet.push(...heuristic.unmet);
      io.stdout(`${run.name}: heuristic, ${hourly.targets.length} targets in ${Math.round(performance.now() - started)} ms\n`);
    }
    if (settings.method !== 'heuristic') {
      const bar = io.isTty ? progressBar(io) : undefined;
      const solved = await lpPortfolios(hourly, bar && ((done, total) => bar(`${run.name} LP`, done, total)), found);
      found.push(...solved.found);
      unmet.push(...solved.unmet);
      lp = solved.lp;
      io.stdout(
        `${run.name}: LP ${mw(solved.lp.rows)} rows x ${mw(solved.lp.columns)} columns, ${mw(solved.lp.nonZeros)} non-zeros; ` +
          `${hourly.targets.length} targets in ${(solved.solveMs / 1000).toFixed(1)} s\n`,
      );
    }
    const study = assembleStudy(hourly, run.scenario, run.result, found, unmet, settings, lp);
    studies.push([run.name, study]);
    tree.set(`${run.name}/${HOURLY_DIR}`, scenarioPart(renderHourly(study, { version: GWPLAN_VERSION, scenario: run.name }), HOURLY_DIR));
  }
  const written = writeOutputTree(resolve(io.cwd, options.out), tree);
  for (const [name, study] of studies) io.stdout(summaryLines(name, study));
  io.stdout(writtenSummary(options.out, written));
  return EXIT_OK;
}

function summaryLines(name: string, study: HourlyStudy): string {
  const annual = study.annualVsHourly[0]!;
  const lines = [
    `${name}, ${study.year}: annual matching ${mw(annual.totalCleanMw)} MW clean, hourly CFE ${(annual.hourlyCfeScore * 100).toFixed(1)}%, ${money(annual.costUsdPerMwh)} USD/MWh`,
  ];
  for (const row of study.portfolios) {
    lines.push(
      `  ${(row.target * 100).toFixed(1).padStart(5)}% ${row.method.padEnd(9)} ${mw(row.overbuildRatio * study.meanLoadMw).padStart(7)} MW clean, ` +
        `battery ${mw(row.batteryMw)} MW / ${mw(row.batteryMwh)} MWh, ${money(row.costUsdPerMwh)} USD/MWh (${row.premiumVsAnnualPct >= 0 ? '+' : ''}${row.premiumVsAnnualPct.toFixed(1)}% vs annual)`,
    );
  }
  for (const { target, gapPct } of heuristicGaps(study)) lines.push(`  ${(target * 100).toFixed(1).padStart(5)}% heuristic cost gap to the LP optimum: ${gapPct.toFixed(2)}%`);
  for (const miss of study.unmet) lines.push(`  ${(miss.target * 100).toFixed(1).padStart(5)}% ${miss.method.padEnd(9)} not met: ${miss.reason}`);
  return `${lines.join('\n')}\n`;
}
