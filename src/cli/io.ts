import type { StepClock } from './stepTimes.js';

/** Where the CLI reads and writes; injected so tests run commands in-process. */
export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when a person watches stderr at a terminal (and CI is not set): progress may be drawn. */
  isTty: boolean;
  /** Set when the command's step times are asked for (GWPLAN_STEP_TIMES=1): marked as steps end, printed at the end. */
  steps?: StepClock;
}

/** Exit codes: 0 success, 1 internal fault (or a failed check), 2 invalid input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAULT = 1;
export const EXIT_INVALID = 2;
