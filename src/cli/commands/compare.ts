/**
 * `gwplan compare [SCENARIO...] [--baseline NAME]`: why do these scenarios
 * differ? Writes OUT/compare/ atomically and prints the headline comparison.
 * `run` (every scenario, at least two) and `check-outputs` render the same
 * directory through `defaultComparison`.
 */
import { resolve } from 'node:path';
import { compareScenarios } from '../../compare/compareScenarios.js';
import { attributionLines, headlineTable } from '../../compare/terminalTable.js';
import type { ComparisonReport } from '../../compare/types.js';
import { compareRanges, type RangeComparison } from '../../compare/ranges.js';
import { scenarioUncertainty, type ScenarioUncertainty } from '../../pipeline/uncertainty.js';
import { BASE_SCENARIO } from '../../pipeline/scenarios.js';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { COMPARE_DIR, headerClash, renderComparison } from '../../writers/compare/render.js';
import { evaluateSelected, type EvaluatedScenario } from '../evaluateSelected.js';
import { EXIT_INVALID, EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { DEFAULT_RENDER } from '../renderOutputs.js';
import { compareHourly, type HourlyComparison } from '../../compare/hourly.js';
import type { HourlyStudy } from '../../pipeline/hourly.js';
import { heuristicStudies, RUN_HOURLY } from '../hourlyStudies.js';

/** The terminal is read at this width; wider tables wrap their scenario columns into blocks. */
const TERMINAL_WIDTH = 120;

export function compareCommand(options: CommandOptions, io: Io): number {
  const baseline = options.baseline ?? BASE_SCENARIO;
  const named = options.names ?? [];
  // Evaluate only what is compared, so a broken scenario elsewhere does not block this comparison.
  const requested = named.length > 0 ? [...new Set([baseline, ...named])] : [];
  const evaluated = evaluateSelected(options.assumptions, requested, io);
  if (typeof evaluated === 'number') return evaluated;
  const base = evaluated.find((run) => run.name === baseline);
  if (!base) {
    io.stderr(`gwplan compare: no baseline scenario named "${baseline}" in ${options.assumptions}. Scenarios: ${evaluated.map((r) => r.name).join(', ')}.\n`);
    return EXIT_INVALID;
  }
  const order = named.length > 0 ? named : evaluated.map((run) => run.name);
  const others = [...new Set(order)].filter((name) => name !== baseline).map((name) => evaluated.find((run) => run.name === name)!);
  if (others.length === 0) {
    io.stderr(
      `gwplan compare: nothing to compare with "${baseline}": no other scenario ${named.length > 0 ? 'was named' : `in ${options.assumptions}`}. ` +
        `Add a scenario file under ${options.assumptions}/scenarios/, or name scenarios: gwplan compare NAME... [--baseline NAME].\n`,
    );
    return EXIT_INVALID;
  }
  const runs = [base, ...others];
  const problem = nameProblem(runs);
  if (problem) {
    io.stderr(`gwplan compare: ${problem}\n`);
    return EXIT_INVALID;
  }

  const report = compareScenarios(runs, baseline);
  // Sampled with run's defaults, so compare/ranges.csv matches what `run` writes.
  const uncertainty = new Map(runs.map((run) => [run.name, scenarioUncertainty(run.scenario, { samples: DEFAULT_RENDER.samples, seed: DEFAULT_RENDER.seed })]));
  // The hourly heuristic as `run` computes it, so compare/hourly.csv matches what `run` writes.
  const hourly = heuristicStudies(runs, RUN_HOURLY, io);
  if (typeof hourly === 'number') return hourly;
  const files = renderComparison(report, rangesOf(report, uncertainty), hourlyOf(report, hourly));
  const written = writeOutputTree(resolve(io.cwd, options.out), new Map([[COMPARE_DIR, files]]));
  for (const warning of report.warnings) io.stderr(`${warning}\n`);
  const outDir = options.out.replace(/\/+$/, '');
  io.stdout(`${terminalReport(report, `${outDir}/${COMPARE_DIR}`).join('\n')}\n`);
  io.stdout(`wrote ${written.length} files to ${outDir}/${COMPARE_DIR}/: ${[...files.keys()].join(', ')}\n`);
  return EXIT_OK;
}

/** OUT/compare/'s files and the report they were rendered from (which `run` also puts in report.html). */
export interface DefaultComparison {
  files: Map<string, string>;
  report: ComparisonReport;
}

/**
 * OUT/compare/ as `run` and `check-outputs` write it: every scenario against
 * `base`. Undefined with fewer than two scenarios; an exit code (after a
 * message) when scenario names cannot make a comparison.
 */
export function defaultComparison(
  evaluated: readonly EvaluatedScenario[],
  io: Io,
  uncertainty: ReadonlyMap<string, ScenarioUncertainty | undefined> = new Map(),
  hourly: ReadonlyMap<string, HourlyStudy> = new Map(),
): DefaultComparison | undefined | number {
  if (evaluated.length < 2 || !evaluated.some((run) => run.name === BASE_SCENARIO)) return undefined;
  const problem = nameProblem(evaluated);
  if (problem) {
    io.stderr(`gwplan: ${problem}\n`);
    return EXIT_INVALID;
  }
  const report = compareScenarios(evaluated, BASE_SCENARIO);
  for (const warning of report.warnings) io.stderr(`${warning}\n`);
  return { files: renderComparison(report, rangesOf(report, uncertainty), hourlyOf(report, hourly)), report };
}

function hourlyOf(report: ComparisonReport, hourly: ReadonlyMap<string, HourlyStudy>): HourlyComparison[] {
  return compareHourly(report.baseline, report.scenarios, new Map([...hourly].map(([name, study]) => [name, study.annualVsHourly])));
}

function rangesOf(report: ComparisonReport, uncertainty: ReadonlyMap<string, ScenarioUncertainty | undefined>): RangeComparison[] {
  const percentiles = new Map([...uncertainty].map(([name, u]) => [name, u?.report.percentiles]));
  return compareRanges(report.baseline, report.scenarios, percentiles);
}

/** A scenario named `compare` would share its output directory; names also become CSV column names. */
function nameProblem(runs: readonly EvaluatedScenario[]): string | undefined {
  if (runs.some((run) => run.name === COMPARE_DIR)) {
    return `a scenario named "${COMPARE_DIR}" would overwrite the comparison directory ${COMPARE_DIR}/; rename its file.`;
  }
  return headerClash(runs[0]!.name, runs.slice(1).map((run) => run.name));
}

function terminalReport(report: ComparisonReport, dir: string): string[] {
  const numeric = report.summary.filter((row) => row.kind !== 'text').length;
  return [
    `${report.scenarios.length === 1 ? report.scenarios[0] : `${report.scenarios.length} scenarios`} vs ${report.baseline} (headline metrics and tranches; change = delta %, days for a date, years for a year):`,
    '',
    ...headlineTable(report, TERMINAL_WIDTH),
    '',
    ...attributionLines(report, TERMINAL_WIDTH),
    '',
    ...wrap(
      `All ${numeric} headline metrics with deltas: ${dir}/summary.csv; every year: annual.csv; what differs and where it was set: ` +
        'assumptions.csv; how much of each delta each changed assumption explains: attribution.csv; ranges: ranges.csv; ' +
        'annual vs 24/7 matching: hourly.csv.',
      TERMINAL_WIDTH,
    ),
  ];
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}
