/**
 * `npm run bench:uncertainty`: the whole `gwplan uncertainty` process (the
 * launcher run as a program, as the `gwplan` command runs) on the base
 * scenario with 10,000 samples (target <= 0.3 s), and, in-process, the
 * sampling and model runs alone as samples per second, with the sampling and
 * the statistics (over the run's own columns) timed apart; the whole process's
 * own step times too, since a fresh process spends much of its time on V8
 * compiling the code (docs/uncertainty.md, "Cost"). Prints; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import { scenarioUncertainty } from '../../src/pipeline/uncertainty.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from '../../src/uncertainty/runUncertainty.js';
import { sampleInputs } from '../../src/uncertainty/sampleInputs.js';
import { summarise } from '../../src/uncertainty/summarise.js';

// Fresh processes vary more with the machine's load than runs in one process: more of them.
const PROCESS_REPEATS = 11;
const REPEATS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const out = mkdtempSync(join(tmpdir(), 'gwplan-bench-'));
try {
  spawnSync(process.execPath, ['src/cli/launch.cjs', '--build-only'], { stdio: 'inherit' });
  // Node's own start, with this environment as it is and as the gwplan command starts it (without
  // NODE_EXTRA_CA_CERTS, which makes Node 20 load its root certificates first: src/cli/launch.cjs).
  const withoutCertificates = { ...process.env, NODE_EXTRA_CA_CERTS: undefined };
  const floor = Array.from({ length: PROCESS_REPEATS }, () => timeMs(() => spawnSync(process.execPath, ['-e', '0'])));
  const floorAsCommand = Array.from({ length: PROCESS_REPEATS }, () => timeMs(() => spawnSync(process.execPath, ['-e', '0'], { env: withoutCertificates })));
  // Each run also reports its own step times (GWPLAN_STEP_TIMES=1, src/cli/stepTimes.ts): wall and main-thread CPU.
  const steps = new Map<string, { wall: number[]; cpu: number[] }>();
  const whole = Array.from({ length: PROCESS_REPEATS }, () =>
    timeMs(() => {
      const env = { ...process.env, GWPLAN_STEP_TIMES: '1' };
      // As `gwplan uncertainty` runs: the launcher as a program, started by its first line.
      const run = spawnSync('src/cli/launch.cjs', ['uncertainty', '--scenario', 'base', '--out', out], { encoding: 'utf8', env });
      if (run.status !== 0) throw new Error(`gwplan uncertainty exited ${run.status}: ${run.stderr}`);
      for (const line of run.stderr.split('\n')) {
        const [tag, step, wall, cpu] = line.split(' ');
        if (tag !== 'step-time' || step === undefined) continue;
        const times = steps.get(step) ?? { wall: [], cpu: [] };
        times.wall.push(Number(wall));
        times.cpu.push(Number(cpu));
        steps.set(step, times);
      }
    }),
  );

  const loaded = loadAssumptions('assumptions');
  if (!loaded.ok) throw new Error('the shipped assumptions do not load; run gwplan validate');
  const settings = { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED };
  const { report } = scenarioUncertainty(loaded.scenario, settings)!; // warm, as a second run in watch mode would be
  const inProcess = Array.from({ length: REPEATS }, () => timeMs(() => scenarioUncertainty(loaded.scenario, settings)));
  const { uncertain, correlationGroups } = loaded.scenario;
  const sampling = Array.from({ length: REPEATS }, () => timeMs(() => sampleInputs(uncertain, correlationGroups, settings.samples, settings.seed)));
  // The run's metrics, headline as the pipeline marks them (year 'all').
  const metrics = report.percentiles.map(({ metric, unit, year }) => ({ metric, unit, year, headline: year === 'all' }));
  const statistics = Array.from({ length: REPEATS }, () => timeMs(() => summarise(uncertain, report.inputValues, metrics, report.metricValues)));

  const n = DEFAULT_SAMPLES;
  console.log(`base scenario, ${n} samples, ${loaded.scenario.uncertain.length} uncertain inputs; median of ${PROCESS_REPEATS} fresh processes, ${REPEATS} runs in one`);
  console.log(`node -e 0 (floor)                    ${median(floor).toFixed(1).padStart(8)} ms   ${median(floorAsCommand).toFixed(1)} ms without NODE_EXTRA_CA_CERTS (as gwplan starts)`);
  console.log(`gwplan uncertainty, whole process    ${median(whole).toFixed(1).padStart(8)} ms   target <= 300 ms`);
  console.log(`  its steps (wall / main-thread CPU; the first includes Node's start and the bundle's load):`);
  for (const [step, times] of steps) {
    console.log(`  ${step.padEnd(34)} ${median(times.wall).toFixed(1).padStart(8)} ms / ${median(times.cpu).toFixed(1)} ms`);
  }
  console.log(`sampling + model + statistics (warm) ${median(inProcess).toFixed(1).padStart(8)} ms   ${Math.round(n / (median(inProcess) / 1000)).toLocaleString('en-US')} samples/s`);
  console.log(`  of which sampling (warm)           ${median(sampling).toFixed(1).padStart(8)} ms`);
  const headline = metrics.filter((m) => m.headline).length;
  console.log(`  of which statistics (warm)         ${median(statistics).toFixed(1).padStart(8)} ms   ${metrics.length} metrics (${headline} headline), ${uncertain.length} inputs`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
