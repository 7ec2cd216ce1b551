/**
 * Which scenarios an assumptions directory holds: `base` (the directory
 * itself), then one per file in `scenarios/`, sorted by name. A misnamed file
 * is listed too: loading it reports the name, so it is never silently skipped.
 */
import { BASE_SCENARIO, scenarioFiles } from '../loader/scenarioFiles.js';

export interface ScenarioSource {
  name: string;
  /** The assumptions directory every scenario of it is loaded from. */
  assumptionsDir: string;
  /** The overlay file, relative to `assumptionsDir` (`scenarios/<name>.yaml`); absent for base. */
  file?: string;
}

export { BASE_SCENARIO };

export function listScenarios(assumptionsDir: string): ScenarioSource[] {
  return [
    { name: BASE_SCENARIO, assumptionsDir },
    ...scenarioFiles(assumptionsDir).map(({ name, file }) => ({ name, assumptionsDir, file })),
  ];
}
