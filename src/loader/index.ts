/** The loader's public surface: assumption files (and scenario overlays) → ModelInputs with provenance. */
export { loadAssumptions, type LoadOptions } from './loadAssumptions.js';
export { checkProfileYear } from './cfe.js';
export { BASE_QUESTION, BASE_SCENARIO } from './scenarioFiles.js';
export * from './types.js';
