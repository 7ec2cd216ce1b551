/** The loader's public surface: assumption files → ModelInputs with provenance. */
export { loadAssumptions } from './loadAssumptions.js';
export * from './types.js';
