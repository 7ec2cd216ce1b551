/**
 * `npm run bench:hourly`: the hourly (24/7) CFE study of the shipped base scenario (its
 * first full build-out year): one year of dispatch simulation, the heuristic sweep of the
 * shipped targets, and the LP (HiGHS): one cold solve at 90%, then the warm sweep of every
 * target, with the LP's size and the process's peak memory. Prints; asserts nothing.
 * Targets on the 2-core reference machine: dispatch <= 5 ms, heuristic sweep <= 1 s,
 * LP cold <= 10 s, LP sweep <= 20 s, peak memory <= 500 MB.
 *
 *   npm run bench:hourly            everything (the LP part takes minutes)
 *   npm run bench:hourly -- quick   dispatch and heuristic only
 */
import { readFileSync } from 'node:fs';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import { runModel } from '../../src/model/runModel.js';
import { simulateDispatch } from '../../src/model/cfe/dispatch.js';
import { heuristicSweep } from '../../src/model/cfe/heuristicPortfolio.js';
import { lpSize } from '../../src/model/cfe/lpProblem.js';
import { solveCfeSweep } from '../../src/model/cfe/solveLp.js';
import { prepareHourly } from '../../src/pipeline/hourly.js';

const quick = process.argv.includes('quick');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(2)} ms`);

/** Peak resident memory of this process so far (Linux VmHWM), MB. */
function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

const loaded = loadAssumptions('assumptions');
if (!loaded.ok) throw new Error('the shipped assumptions do not load; run gwplan validate');
const outcome = runModel(loaded.scenario.inputs);
if (!outcome.ok) throw new Error('the shipped base scenario does not run');
const prepared = prepareHourly(loaded.scenario, outcome.result, {});
if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.message).join('\n'));
const { problem, targets, year } = prepared.hourly;
console.log(`base scenario, year ${year}, ${problem.loadMw.length} hours, targets ${targets.join(', ')}`);

// 1. Dispatch: the heuristic's 80% portfolio (battery included), many times.
const sweep = heuristicSweep(problem, targets);
const first = sweep.find((r) => r.ok);
if (first?.ok) {
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    simulateDispatch(problem, first.portfolio);
    times.push(performance.now() - start);
  }
  console.log(`dispatch simulation, one year          ${fmt(median(times)).padStart(10)}   target <= 5 ms (median of 200)`);
}

// 2. Heuristic sweep of every target.
const heuristicTimes = Array.from({ length: 5 }, () => {
  const start = performance.now();
  heuristicSweep(problem, targets);
  return performance.now() - start;
});
console.log(`heuristic sweep, ${targets.length} targets            ${fmt(median(heuristicTimes)).padStart(10)}   target <= 1 s (median of 5)`);

if (!quick) {
  // 3. LP: cold single target, then the warm sweep.
  const size = lpSize(problem);
  console.log(`LP size: ${size.rows} rows x ${size.columns} columns, ${size.nonZeros} non-zeros`);
  const cold = await solveCfeSweep(problem, [0.9], { year });
  const coldResult = cold.results[0]!;
  console.log(`LP cold solve, 90%                     ${fmt(cold.totalMs).padStart(10)}   target <= 10 s (HiGHS load ${fmt(cold.loadMs)}, status ${coldResult.status})`);
  const warm = await solveCfeSweep(problem, targets, { year });
  console.log(`LP warm sweep, ${targets.length} targets               ${fmt(warm.totalMs).padStart(10)}   target <= 20 s`);
  for (const r of warm.results) {
    const heuristic = sweep.find((h) => h.target === r.target);
    const gap = r.status === 'optimal' && heuristic?.ok ? ` heuristic gap ${((heuristic.costUsdPerMwh / r.costUsdPerMwh - 1) * 100).toFixed(2)}%` : '';
    console.log(`  ${r.target}: ${r.status} in ${fmt(r.solveMs)}${r.status === 'optimal' ? `, ${r.costUsdPerMwh.toFixed(2)} USD/MWh${r.warmStarted ? ', warm' : ''}` : ''}${gap}`);
  }
}
console.log(`peak memory (VmHWM)                    ${peakRssMb().toFixed(0).padStart(7)} MB   target <= 500 MB`);
