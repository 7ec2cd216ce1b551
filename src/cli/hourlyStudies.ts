/**
 * The hourly CFE study of each evaluated scenario, with every problem printed in one pass
 * (like evaluateSelected). The heuristic runs synchronously; the LP (HiGHS) is asynchronous.
 */
import { formatIssue, type InputIssue } from '../loader/types.js';
import { heuristicStudy, type HourlySettings, type HourlyStudy } from '../pipeline/hourly.js';
import { printErrors, type EvaluatedScenario } from './evaluateSelected.js';
import type { Io } from './io.js';

/** What `run` and `check-outputs` compute: the heuristic with the assumption files' targets and year. */
export const RUN_HOURLY: HourlySettings = { method: 'heuristic', writeDispatch: false };

/** Each scenario's heuristic study, or an exit code after every problem has been printed. */
export function heuristicStudies(evaluated: readonly EvaluatedScenario[], settings: HourlySettings, io: Io): Map<string, HourlyStudy> | number {
  const studies = new Map<string, HourlyStudy>();
  const errors: InputIssue[] = [];
  const printed = new Set<string>();
  for (const { name, scenario, result } of evaluated) {
    const outcome = heuristicStudy(scenario, result, settings);
    if (outcome.ok) studies.set(name, outcome.study);
    else for (const issue of outcome.issues) if (!printed.has(formatIssue(issue)) && printed.add(formatIssue(issue))) errors.push(issue);
  }
  return reportErrors(errors, io) ?? studies;
}

/** Prints the hourly study's located errors (printErrors); EXIT_INVALID, or undefined when there are none. */
export function reportErrors(errors: readonly InputIssue[], io: Io): number | undefined {
  return printErrors(errors, 'the hourly (cfe) assumptions', io);
}
