/**
 * Where a command's time goes, step by step, for `npm run bench:uncertainty`.
 * A fresh process spends about half its time on V8 compiling the code it
 * runs (docs/uncertainty.md, "Cost"), which timings inside a warm process do
 * not show; these are taken inside the real command. With GWPLAN_STEP_TIMES=1
 * in the environment (bin.ts), the command prints at its end one stderr line
 * per step:
 *
 *   step-time <step> <wall ms> <main-thread CPU ms>
 *
 * Each figure is since the previous step; the first one's since the process
 * started (Node's start and the bundle's load). The CPU time is the main
 * thread's own (Linux's /proc/thread-self/schedstat), NaN where there is no
 * such file: the difference from the wall time is time spent waiting for a
 * core, which V8's compiler threads compete for.
 */
import { readFileSync } from 'node:fs';

export interface StepClock {
  /** Records that `step` has just ended. */
  mark(step: string): void;
  /** The step-time lines, one per mark, in order. */
  lines(): string[];
}

/** The main thread's CPU time, ms; NaN where it cannot be read. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

/** A clock whose first step starts when the process started (performance.now() is measured from it). */
export function stepClock(now: () => number = () => performance.now(), cpuMs: () => number = threadCpuMs): StepClock {
  const marks: { step: string; wallMs: number; cpuMs: number }[] = [];
  return {
    mark(step) {
      marks.push({ step, wallMs: now(), cpuMs: cpuMs() });
    },
    lines() {
      return marks.map((m, i) => {
        const before = i === 0 ? { wallMs: 0, cpuMs: 0 } : marks[i - 1]!;
        return `step-time ${m.step} ${(m.wallMs - before.wallMs).toFixed(1)} ${(m.cpuMs - before.cpuMs).toFixed(1)}`;
      });
    },
  };
}
