/**
 * Scenarios for compare tests, built from ModelInputs (test/model/fixtures.ts)
 * so they need neither the loader nor files: a name, inputs, optional records.
 */
import type { AssumptionRecord, LoadedScenario } from '../../src/loader/types.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import type { ScenarioRun } from '../../src/compare/types.js';
import { runOk } from '../model/fixtures.js';

export function scenarioRun(name: string, inputs: ModelInputs, records: AssumptionRecord[] = [], files: LoadedScenario['files'] = []): ScenarioRun {
  const scenario: LoadedScenario = { name, chain: [name], question: '', inputs, records, files, uncertain: [], correlationGroups: [] };
  return { name, scenario, result: runOk(inputs) };
}

/** A provenance record set at `file:line:column` (file as the loader shows it: assumptions dir + name). */
export function record(path: string, value: number | string, unit: string, file: string, line: number, column = 3): AssumptionRecord {
  const at = { file, line, column };
  return { path, value, unit, written: String(value), at, setBy: [at] };
}
