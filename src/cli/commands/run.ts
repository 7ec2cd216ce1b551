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
  const written = writeOutputTree(resolve(io.cwd, options.out), renderAll(evaluated));
  for (const run of evaluated) io.stdout(headlineLines(run.name, run.result).join('\n') + '\n');
  const outDir = options.out.replace(/\/+$/, '');
  io.stdout(`wrote ${written.length} files: ${written.map((file) => `${outDir}/${file}`).join(', ')}\n`);
  return EXIT_OK;
}
