/**
 * Shared by every command: pick the scenarios asked for, evaluate them all,
 * and print every input problem (errors and warnings) in one pass.
 */
import { resolve } from 'node:path';
import { formatIssue, type InputIssue, type LoadedScenario } from '../loader/types.js';
import { evaluateScenario, evaluateScenarioLean, type Evaluation } from '../pipeline/evaluateScenario.js';
import { listScenarios } from '../pipeline/scenarios.js';
import type { ModelResult } from '../results/types.js';
import { EXIT_INVALID, type Io } from './io.js';

export interface EvaluatedScenario<Result = ModelResult> {
  name: string;
  scenario: LoadedScenario;
  result: Result;
  warnings: InputIssue[];
}

/** Evaluated scenarios, or an exit code after every problem has been printed. */
export function evaluateSelected(assumptionsDir: string, requested: string[], io: Io): EvaluatedScenario[] | number {
  return selectAndEvaluate(assumptionsDir, requested, io, evaluateScenario);
}

/**
 * evaluateSelected with the closed form per year instead of the hourly model: the same
 * problems refused and printed, no hourly series. For commands that write no deterministic files.
 */
export function evaluateSelectedLean(assumptionsDir: string, requested: string[], io: Io) {
  return selectAndEvaluate(assumptionsDir, requested, io, evaluateScenarioLean);
}

function selectAndEvaluate<Result>(
  assumptionsDir: string,
  requested: string[],
  io: Io,
  evaluate: (dir: string, displayDir: string, scenario: string) => Evaluation<Result>,
): EvaluatedScenario<Result>[] | number {
  const available = listScenarios(resolve(io.cwd, assumptionsDir));
  const displayDir = assumptionsDir.replaceAll('\\', '/').replace(/\/+$/, '');
  const unknown = requested.filter((name) => !available.some((s) => s.name === name));
  if (unknown.length > 0) {
    io.stderr(`gwplan: no scenario named ${unknown.map((n) => `"${n}"`).join(', ')} in ${assumptionsDir}. Scenarios: ${available.map((s) => s.name).join(', ')}.\n`);
    return EXIT_INVALID;
  }
  const selected = requested.length === 0 ? available : available.filter((s) => requested.includes(s.name));
  const evaluated: EvaluatedScenario<Result>[] = [];
  const errors: InputIssue[] = [];
  // Scenarios share base (and perhaps other ancestors): a problem they share is printed once.
  const printed = new Set<string>();
  const fresh = (issue: InputIssue) => !printed.has(formatIssue(issue)) && printed.add(formatIssue(issue));
  for (const source of selected) {
    const evaluation = evaluate(source.assumptionsDir, displayDir, source.name);
    for (const warning of evaluation.warnings.filter(fresh)) io.stderr(`${formatIssue(warning)}\n`);
    if (evaluation.ok) evaluated.push({ name: source.name, scenario: evaluation.scenario, result: evaluation.result, warnings: evaluation.warnings });
    else errors.push(...evaluation.errors.filter(fresh));
  }
  return printErrors(errors, 'the assumption files', io) ?? evaluated;
}

/** Prints located errors and a count saying nothing was written; EXIT_INVALID, or undefined when there are none. */
export function printErrors(errors: readonly InputIssue[], where: string, io: Io): number | undefined {
  if (errors.length === 0) return undefined;
  for (const error of errors) io.stderr(`${formatIssue(error)}\n`);
  const noun = errors.length === 1 ? 'error' : 'errors';
  io.stderr(`${errors.length} ${noun} in ${where}; nothing was written. Fix the ${noun} above and run again.\n`);
  return EXIT_INVALID;
}
