/**
 * `npm run bench`: wall times that the speed targets are judged by. Prints
 * figures; asserts nothing (timed assertions make flaky tests).
 *   - whole `gwplan run --scenario base --samples 0` process: the deterministic run (target <= 0.4 s)
 *   - the same with the default 10,000 uncertainty samples
 *   - whole `gwplan run` of every scenario, sampled, plus compare/ (what npm start does)
 *   - `node -e 0`, the floor any Node process pays
 *   - loading the assumption files, in-process, warm
 *   - the model alone, 10 years hourly (target <= 20 ms)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import { runModel } from '../../src/model/runModel.js';

const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function processMs(args: string[]): number[] {
  return Array.from({ length: REPEATS }, () =>
    timeMs(() => {
      const run = spawnSync(process.execPath, args, { stdio: 'pipe' });
      if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    }),
  );
}

const out = mkdtempSync(join(tmpdir(), 'gwplan-bench-'));
try {
  // Build the bundle (if stale) outside the timed runs.
  processMs(['src/cli/launch.cjs', '--build-only']);
  const rows: Array<[string, number[], string]> = [
    ['node -e 0 (floor)', processMs(['-e', '0']), ''],
    // The core model's outputs only (no sampling, no hourly study): the edit-and-regenerate loop.
    ['gwplan run, base, core only', processMs(['src/cli/launch.cjs', 'run', '--scenario', 'base', '--samples', '0', '--hourly', 'none', '--out', out]), '<= 400 ms'],
    ['gwplan run, base, + hourly heuristic', processMs(['src/cli/launch.cjs', 'run', '--scenario', 'base', '--samples', '0', '--out', out]), ''],
    ['gwplan run, base, + 10k samples', processMs(['src/cli/launch.cjs', 'run', '--scenario', 'base', '--out', out]), ''],
    ['gwplan run, all + compare + report', processMs(['src/cli/launch.cjs', 'run', '--out', out]), ''],
  ];
  const loaded = loadAssumptions('assumptions');
  if (!loaded.ok) throw new Error('the shipped assumptions do not load; run gwplan validate');
  rows.push(['load assumptions (warm)', Array.from({ length: REPEATS }, () => timeMs(() => loadAssumptions('assumptions'))), '']);
  runModel(loaded.scenario.inputs); // warm the JIT once, as a second run in watch mode would be
  rows.push(['model alone, 10 y hourly', Array.from({ length: REPEATS }, () => timeMs(() => runModel(loaded.scenario.inputs))), '<= 20 ms']);

  console.log(`median of ${REPEATS} runs`);
  for (const [label, samples, target] of rows) {
    const figures = `${median(samples).toFixed(1).padStart(8)} ms   (min ${Math.min(...samples).toFixed(1)}, max ${Math.max(...samples).toFixed(1)})`;
    console.log(`${label.padEnd(28)}${figures}  ${target}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
