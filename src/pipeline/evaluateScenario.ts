/**
 * One scenario from assumption files to model results: load, run the model,
 * and give the model's findings (e.g. phases exceeding the envelope) the
 * file:line of the assumptions behind them, so every problem reads alike.
 */
import { shownPath } from '../loader/assumptionDir.js';
import { loadAssumptions } from '../loader/loadAssumptions.js';
import { BASE_SCENARIO, SCENARIO_DIR } from '../loader/scenarioFiles.js';
import type { AssumptionRecord, InputIssue, LoadedScenario, SourceLocation } from '../loader/types.js';
import { runModel, type ModelIssue } from '../model/runModel.js';
import type { ModelResult } from '../results/types.js';

export type Evaluation =
  | { ok: true; scenario: LoadedScenario; result: ModelResult; warnings: InputIssue[] }
  | { ok: false; errors: InputIssue[]; warnings: InputIssue[] };

/**
 * Loads scenario `scenario` (default base) of the assumptions in `dir` (shown
 * to the user as `displayDir`) and runs the model. A model finding located in
 * a file the scenario inherits says which scenario it belongs to.
 */
export function evaluateScenario(dir: string, displayDir: string = dir, scenario: string = BASE_SCENARIO): Evaluation {
  const loaded = loadAssumptions(dir, { displayDir, scenario });
  if (!loaded.ok) return loaded;
  const loadedScenario = loaded.scenario;
  const outcome = runModel(loadedScenario.inputs);
  const { name, chain, records } = loadedScenario;
  const ownFile = chain.length > 1 ? shownPath(displayDir, `${SCENARIO_DIR}/${name}.yaml`) : undefined;
  const locate = (issue: ModelIssue) => {
    const located = locateModelIssue(issue, records);
    if (!ownFile || located.at.file === ownFile) return located;
    return { ...located, message: `${located.message} (in scenario "${name}")` };
  };
  const warnings = [...loaded.warnings, ...outcome.warnings.map(locate)];
  if (!outcome.ok) return { ok: false, errors: outcome.issues.map(locate), warnings };
  return { ok: true, scenario: loadedScenario, result: outcome.result, warnings };
}

/**
 * The model speaks of phases by name; point at the first named phase's `poi`
 * cell (the value a user would change), or at the envelope when no phase is named.
 */
export function locateModelIssue(issue: ModelIssue, records: readonly AssumptionRecord[]): InputIssue {
  const phase = issue.phases[0];
  const wanted = phase === undefined ? 'envelope.power' : `phases.${phase}.poi`;
  const record = records.find((r) => r.path === wanted) ?? records.find((r) => r.path.startsWith('phases.'));
  const at: SourceLocation = record?.at ?? { file: '(assumptions)', line: 1, column: 1 };
  return { severity: issue.severity, code: issue.code, at, path: record?.path ?? wanted, message: issue.message };
}
