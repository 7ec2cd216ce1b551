/**
 * `gwplan check-outputs` (npm run check:outputs): the committed outputs must
 * be exactly what the committed assumptions produce. Regenerates into a
 * temporary directory through the same writer as `run`, then compares bytes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { diffTrees, formatTreeDiff, readTree } from '../../writers/compareTrees.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { EXIT_FAULT, EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { DEFAULT_RENDER, renderAll } from '../renderOutputs.js';
import { heuristicStudies, RUN_HOURLY } from '../hourlyStudies.js';
import { COMPARE_DIR } from '../../writers/compare/render.js';
import { defaultComparison } from './compare.js';
import { REPORT_FILE } from '../../writers/report/file.js';
import { renderReportPage, reportInput } from '../reportInput.js';

export async function checkOutputsCommand(options: CommandOptions, io: Io): Promise<number> {
  const evaluated = evaluateSelected(options.assumptions, [], io);
  if (typeof evaluated === 'number') return evaluated;
  const fresh = mkdtempSync(join(tmpdir(), 'gwplan-check-'));
  try {
    const hourly = heuristicStudies(evaluated, RUN_HOURLY, io);
    if (typeof hourly === 'number') return hourly;
    const { tree, uncertainty } = renderAll(evaluated, { ...DEFAULT_RENDER, hourly });
    // compare/ as `run` writes it (every scenario vs base, when there are two or more).
    const comparison = defaultComparison(evaluated, io, uncertainty, hourly);
    if (typeof comparison === 'number') return comparison;
    if (comparison) tree.set(COMPARE_DIR, comparison.files);
    // report.html, the one top-level file, as `run` writes it from the same results.
    const report = await renderReportPage(reportInput(evaluated, { uncertainty, hourly, comparison: comparison?.report }));
    writeOutputTree(fresh, tree);
    const committedRoot = resolve(io.cwd, options.out);
    let stale = 0;
    for (const name of tree.keys()) {
      const diff = diffTrees(readTree(join(fresh, name)), readTree(join(committedRoot, name)));
      const problems = diff.changed.length + diff.missing.length + diff.extra.length;
      if (problems === 0) continue;
      stale += problems;
      io.stderr(`${options.out}/${name}:\n${formatTreeDiff(diff)}\n`);
    }
    const committedReport = join(committedRoot, REPORT_FILE);
    const reportDiff = diffTrees(
      new Map([[REPORT_FILE, report]]),
      new Map(existsSync(committedReport) ? [[REPORT_FILE, readFileSync(committedReport, 'utf8')]] : []),
    );
    const reportProblems = reportDiff.changed.length + reportDiff.missing.length;
    if (reportProblems > 0) {
      stale += reportProblems;
      io.stderr(`${options.out}:\n${formatTreeDiff(reportDiff)}\n`);
    }
    if (stale > 0) {
      io.stderr(`${stale} output file(s) are stale. Run 'npm start' to regenerate them, review the diff, and commit.\n`);
      return EXIT_FAULT;
    }
    io.stdout(`${options.out}: up to date (${evaluated.map((run) => run.name).join(', ')}).\n`);
    return EXIT_OK;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}
