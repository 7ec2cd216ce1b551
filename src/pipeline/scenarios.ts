/**
 * Which scenarios an assumption directory holds. For now the directory itself
 * is the one scenario, `base`; scenario overlays will add to this list.
 */
export interface ScenarioSource {
  name: string;
  /** Directory holding the scenario's assumption files. */
  dir: string;
}

export const BASE_SCENARIO = 'base';

export function listScenarios(assumptionsDir: string): ScenarioSource[] {
  return [{ name: BASE_SCENARIO, dir: assumptionsDir }];
}
