/** `gwplan run`: evaluate scenarios and write their outputs atomically. */
import { resolve } from 'node:path';
import { formatIssue } from '../../loader/types.js';
import { GWPLAN_VERSION } from '../../version.js';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { renderScenarioOutputs } from '../../writers/scenarioOutputs.js';
import { evaluateSelected, type EvaluatedScenario } from '../evaluateSelected.js';
import { EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { headlineLines } from '../headline.js';
import { COMPARE_DIR } from '../../writers/compare/render.js';
import { defaultComparison } from './compare.js';

/** `wrote 10 files: outputs/base/{annual.csv, ...}, outputs/compare/{...}`: one group per directory. */
export function writtenSummary(outDir: string, written: readonly string[]): string {
  const byDir = new Map<string, string[]>();
  for (const file of written) {
    const slash = file.lastIndexOf('/');
    const dir = file.slice(0, slash);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file.slice(slash + 1)]);
  }
  const root = outDir.replace(/\/+$/, '');
  const groups = [...byDir].map(([dir, files]) => `  ${root}/${dir}/ ${files.join(', ')}`);
  return `wrote ${written.length} files:\n${groups.join('\n')}\n`;
}

/** Renders every evaluated scenario's files, keyed by scenario then file name. */
export function renderAll(evaluated: EvaluatedScenario[]): Map<string, Map<string, string>> {
  const tree = new Map<string, Map<string, string>>();
  for (const { name, scenario, result, warnings } of evaluated) {
    tree.set(name, renderScenarioOutputs(scenario, result, { version: GWPLAN_VERSION, warnings: warnings.map(formatIssue) }));
  }
  return tree;
}

export function runCommand(options: CommandOptions, io: Io): number {
  const evaluated = evaluateSelected(options.assumptions, options.scenarios, io);
  if (typeof evaluated === 'number') return evaluated;
  const tree = renderAll(evaluated);
  // A run of every scenario also writes compare/ (all vs base), in the same atomic swap so it never lags them.
  if (options.scenarios.length === 0) {
    const comparison = defaultComparison(evaluated, io);
    if (typeof comparison === 'number') return comparison;
    if (comparison) tree.set(COMPARE_DIR, comparison);
  }
  const written = writeOutputTree(resolve(io.cwd, options.out), tree);
  for (const run of evaluated) io.stdout(headlineLines(run.name, run.result).join('\n') + '\n');
  io.stdout(writtenSummary(options.out, written));
  return EXIT_OK;
}
