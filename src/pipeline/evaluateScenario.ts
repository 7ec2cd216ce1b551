/**
 * One scenario from assumption files to model results: load, run the model,
 * and give the model's findings (e.g. phases exceeding the envelope) the
 * file:line of the assumptions behind them, so every problem reads alike.
 */
import { shownPath } from '../loader/assumptionDir.js';
import { loadAssumptions } from '../loader/loadAssumptions.js';
import { BASE_SCENARIO, SCENARIO_DIR } from '../loader/scenarioFiles.js';
import type { AssumptionRecord, InputIssue, LoadedScenario, SourceLocation } from '../loader/types.js';
import { runModelClosedForm, type ClosedFormOutcome } from '../model/closedForm.js';
import { runModel, type ModelIssue } from '../model/runModel.js';
import type { ModelResult } from '../results/types.js';

export type Evaluation<Result = ModelResult> =
  | { ok: true; scenario: LoadedScenario; result: Result; warnings: InputIssue[] }
  | { ok: false; errors: InputIssue[]; warnings: InputIssue[] };

/**
 * Loads scenario `scenario` (default base) of the assumptions in `dir` (shown
 * to the user as `displayDir`) and runs the model. A model finding located in
 * a file the scenario inherits says which scenario it belongs to.
 */
export function evaluateScenario(dir: string, displayDir: string = dir, scenario: string = BASE_SCENARIO): Evaluation {
  return evaluateWith(runModel, dir, displayDir, scenario);
}

/**
 * evaluateScenario without the hourly series: the closed form per year (runModelClosedForm),
 * same checks, same findings, a fraction of the time. For commands that write no
 * deterministic files (`gwplan uncertainty`) but must refuse what `run` refuses.
 */
export function evaluateScenarioLean(dir: string, displayDir: string = dir, scenario: string = BASE_SCENARIO): Evaluation<ClosedFormResult> {
  return evaluateWith(runModelClosedForm, dir, displayDir, scenario);
}

type ClosedFormResult = Extract<ClosedFormOutcome, { ok: true }>['result'];

/** What runModel and runModelClosedForm both return, with their own result type. */
type Outcome<Result> = { ok: true; result: Result; warnings: ModelIssue[] } | { ok: false; issues: ModelIssue[]; warnings: ModelIssue[] };

function evaluateWith<Result>(
  model: (inputs: LoadedScenario['inputs']) => Outcome<Result>,
  dir: string,
  displayDir: string,
  scenario: string,
): Evaluation<Result> {
  const loaded = loadAssumptions(dir, { displayDir, scenario });
  if (!loaded.ok) return loaded;
  const loadedScenario = loaded.scenario;
  const outcome = model(loadedScenario.inputs);
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
