/**
 * `gwplan uncertainty`: sample the uncertain inputs of each scenario and write
 * OUT/<scenario>/uncertainty/ atomically (only that part of each scenario's
 * directory), with the requested samples and seed. `run` writes the same files
 * with the defaults.
 */
import { resolve } from 'node:path';
import { groupedNumber } from '../../model/groupedNumber.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from '../../uncertainty/runUncertainty.js';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { UNCERTAINTY_DIR } from '../../writers/uncertainty/render.js';
import { evaluateSelectedLean } from '../evaluateSelected.js';
import { EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { progressBar } from '../progressBar.js';
import { renderScenarioUncertainty, scenarioPart, writtenSummary } from '../renderOutputs.js';
import type { ScenarioUncertainty } from '../../pipeline/uncertainty.js';

const group = (value: number) => groupedNumber(value, 0);

export function uncertaintyCommand(options: CommandOptions, io: Io): number {
  // Nothing deterministic is written, so the closed form checks the inputs (same findings as run).
  const { steps } = io;
  steps?.mark('start');
  const evaluated = evaluateSelectedLean(options.assumptions, options.scenarios, io);
  if (typeof evaluated === 'number') return evaluated;
  steps?.mark('checked');
  const settings = {
    samples: options.samples ?? DEFAULT_SAMPLES,
    seed: options.seed ?? DEFAULT_SEED,
    writeSamples: options.writeSamples ?? false,
    progress: io.isTty ? progressBar(io) : undefined,
    onStep: steps && ((name: string, step: string) => steps.mark(`${name}:${step}`)),
  };
  // Only the uncertainty/ part of each scenario, so its deterministic files and hourly/ stay as they are.
  const tree = new Map<string, Map<string, string>>();
  const uncertainty = new Map<string, ScenarioUncertainty | undefined>();
  for (const { name, scenario } of evaluated) {
    const rendered = renderScenarioUncertainty(name, scenario, settings);
    uncertainty.set(name, rendered.uncertainty);
    const part = scenarioPart(rendered.files, UNCERTAINTY_DIR);
    if (part.size > 0) tree.set(`${name}/${UNCERTAINTY_DIR}`, part);
  }
  steps?.mark('rendered');
  const written = writeOutputTree(resolve(io.cwd, options.out), tree);
  steps?.mark('written');
  for (const [name, result] of uncertainty) {
    if (!result) {
      io.stdout(`${name}: no uncertain inputs (give a value low/high or a distribution); nothing sampled.\n`);
      continue;
    }
    const { report, evaluation } = result;
    const invalid = report.invalidSamples > 0 ? `; ${group(report.invalidSamples)} samples left out as invalid` : '';
    io.stdout(`${name}: ${group(report.samples)} samples, seed ${report.seed}, ${report.inputs.length} uncertain inputs, ${evaluation}${invalid}\n`);
    for (const metric of ['chips', 'facility_energy_mwh', 'clean_nameplate_total_mw']) {
      const row = report.percentiles.find((r) => r.metric === metric && r.year === 'all');
      if (row) io.stdout(`  ${metric.padEnd(26)} P10 ${group(row.p10)}  P50 ${group(row.p50)}  P90 ${group(row.p90)} ${row.unit}\n`);
    }
  }
  io.stdout(writtenSummary(options.out, written));
  if (steps) io.stderr(steps.lines().map((line) => `${line}\n`).join(''));
  return EXIT_OK;
}
