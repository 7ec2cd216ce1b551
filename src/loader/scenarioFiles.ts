/**
 * Which scenarios an assumptions directory holds: `base` (the directory
 * itself) and one overlay per file in `scenarios/`, named after the file.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_SCENARIO = 'base';
export const BASE_QUESTION = 'The reported ~2 GW of AWS Trainium capacity for OpenAI, as shipped.';
/** Overlays live here, relative to the assumptions directory. */
export const SCENARIO_DIR = 'scenarios';

/** Lowercase letters, digits and hyphens, not starting with a hyphen (it would read as a command-line option). */
const NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface ScenarioFile {
  /** The file name without `.yaml` (`base.yaml` and `.yml` files keep their whole name, which is not a valid one). */
  name: string;
  /** Path relative to the assumptions directory, e.g. `scenarios/liquid-cooled.yaml`. */
  file: string;
  /** Whether the name may be used: right characters, and not `base`. */
  valid: boolean;
}

export function isScenarioName(name: string): boolean {
  return NAME.test(name) && name !== BASE_SCENARIO;
}

/** Every `.yaml` (and misnamed `.yml`) file in `scenarios/`, sorted by name; none when there is no such directory. */
export function scenarioFiles(dir: string): ScenarioFile[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, SCENARIO_DIR));
  } catch {
    return [];
  }
  const found: ScenarioFile[] = [];
  for (const fileName of names) {
    if (!fileName.endsWith('.yaml') && !fileName.endsWith('.yml')) continue;
    const file = `${SCENARIO_DIR}/${fileName}`;
    if (!statSync(join(dir, file), { throwIfNoEntry: false })?.isFile()) continue;
    // `base.yaml` and `.yml` files keep their whole file name, which is no scenario name: loading them says why.
    const stem = fileName.endsWith('.yaml') ? fileName.slice(0, -'.yaml'.length) : fileName;
    const name = stem === BASE_SCENARIO ? fileName : stem;
    found.push({ name, file, valid: isScenarioName(name) });
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A valid file name close to a misnamed one (`Liquid_Cooled.yml` → `liquid-cooled.yaml`), if there is one. */
export function suggestFileName(fileName: string): string | undefined {
  const stem = fileName
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return isScenarioName(stem) ? `${stem}.yaml` : undefined;
}
