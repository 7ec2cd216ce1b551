/** Every file of one scenario's output directory, rendered in memory (pure). */
import type { LoadedScenario } from '../loader/types.js';
import type { ModelResult } from '../results/types.js';
import { renderManifest } from './manifest.js';
import { OUTPUT_TABLES } from './outputTables.js';

export interface RenderOptions {
  /** gwplan version recorded in the manifest. */
  version: string;
  /** Input and model warnings, already formatted (`file:line:col path: message`). */
  warnings: string[];
}

/** File name -> content: fleet.csv, annual.csv, procurement.csv, summary.csv, cost.csv, tranches.csv, manifest.json, in that order. */
export function renderScenarioOutputs(scenario: LoadedScenario, result: ModelResult, opts: RenderOptions): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of OUTPUT_TABLES) files.set(table.file, table.render(result));
  files.set(
    'manifest.json',
    renderManifest({ scenario, envelope: result.envelope, tables: OUTPUT_TABLES, version: opts.version, warnings: opts.warnings }),
  );
  return files;
}
