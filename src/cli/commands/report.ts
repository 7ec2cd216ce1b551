/**
 * `gwplan report [--assumptions DIR] [--out DIR]`: evaluates every scenario,
 * computes in memory what `run` would (heuristic hourly studies, uncertainty
 * with run's samples and seed, the comparison with base), and writes one
 * self-contained page, OUT/report.html, atomically. `run` writes the same
 * page from what it has already computed (renderRunReport).
 */
import { resolve } from 'node:path';
import { scenarioUncertainty } from '../../pipeline/uncertainty.js';
import { writeFileAtomic } from '../../writers/atomicFile.js';
import { REPORT_FILE } from '../../writers/report/file.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { heuristicStudies, RUN_HOURLY } from '../hourlyStudies.js';
import { EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { DEFAULT_RENDER } from '../renderOutputs.js';
import { renderReportPage, reportComparison, reportInput } from '../reportInput.js';

export async function reportCommand(options: CommandOptions, io: Io): Promise<number> {
  const evaluated = evaluateSelected(options.assumptions, [], io);
  if (typeof evaluated === 'number') return evaluated;
  const hourly = heuristicStudies(evaluated, RUN_HOURLY, io);
  if (typeof hourly === 'number') return hourly;
  const uncertainty = new Map(evaluated.map((run) => [run.name, scenarioUncertainty(run.scenario, { samples: DEFAULT_RENDER.samples, seed: DEFAULT_RENDER.seed })]));
  const html = await renderReportPage(reportInput(evaluated, { uncertainty, hourly, comparison: reportComparison(evaluated) }));
  writeFileAtomic(resolve(io.cwd, options.out), REPORT_FILE, html);
  io.stdout(`wrote ${options.out.replace(/\/+$/, '')}/${REPORT_FILE} (${evaluated.length} scenario${evaluated.length === 1 ? '' : 's'}); open it in a browser, or print it on A4.\n`);
  return EXIT_OK;
}
