/** `gwplan run`: evaluate scenarios and write their outputs atomically. */
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../writers/atomicFile.js';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { REPORT_FILE } from '../../writers/report/file.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { headlineLines } from '../headline.js';
import { COMPARE_DIR } from '../../writers/compare/render.js';
import { defaultComparison } from './compare.js';
import { DEFAULT_RENDER, renderAll, writtenSummary } from '../renderOutputs.js';
import { heuristicStudies, RUN_HOURLY } from '../hourlyStudies.js';
import { renderReportPage, reportInput } from '../reportInput.js';

export async function runCommand(options: CommandOptions, io: Io): Promise<number> {
  const evaluated = evaluateSelected(options.assumptions, options.scenarios, io);
  if (typeof evaluated === 'number') return evaluated;
  const hourly = options.hourly === 'none' ? new Map() : heuristicStudies(evaluated, RUN_HOURLY, io);
  if (typeof hourly === 'number') return hourly;
  const { tree, uncertainty } = renderAll(evaluated, {
    ...DEFAULT_RENDER,
    hourly,
    samples: options.samples ?? DEFAULT_RENDER.samples,
    seed: options.seed ?? DEFAULT_RENDER.seed,
  });
  // A run of every scenario also writes compare/ (all vs base), in the same atomic swap so it never lags them,
  // and report.html from the same results (rendered before anything is written, so a failure writes nothing).
  let report: string | undefined;
  if (options.scenarios.length === 0) {
    const comparison = defaultComparison(evaluated, io, uncertainty, hourly);
    if (typeof comparison === 'number') return comparison;
    if (comparison) tree.set(COMPARE_DIR, comparison.files);
    report = await renderReportPage(reportInput(evaluated, { uncertainty, hourly, comparison: comparison?.report }));
  }
  const outDir = resolve(io.cwd, options.out);
  const written = writeOutputTree(outDir, tree);
  if (report !== undefined) written.push(writeFileAtomic(outDir, REPORT_FILE, report));
  for (const run of evaluated) io.stdout(headlineLines(run.name, run.result).join('\n') + '\n');
  io.stdout(writtenSummary(options.out, written));
  return EXIT_OK;
}
