// Entry point of the bundled command (see launch.cjs): wires the CLI to the
// real process streams and working directory.
import { main } from './main.js';
import { readParseMemo, saveParseMemo } from './parseMemo.js';
import type { MemoFile } from './memoFile.js';
import { readQuantityMemo, saveQuantityMemo } from './quantityMemo.js';
import { stepClock } from './stepTimes.js';

// `gwplan run | head` closes the pipe early; that is the reader's choice, not
// a fault, so stop quietly instead of printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * `quantityMemo`: where to keep parsed quantity strings between runs; `parseMemo`: where to
 * keep parsed assumption files (launch.cjs: both beside the bundle).
 */
export async function runCli(argv: string[], options: { quantityMemo?: MemoFile; parseMemo?: MemoFile } = {}): Promise<number> {
  if (options.quantityMemo) readQuantityMemo(options.quantityMemo);
  if (options.parseMemo) readParseMemo(options.parseMemo);
  const code = await main(argv, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // Progress bars only for a person at a terminal: never in CI logs or pipes.
    isTty: Boolean(process.stderr.isTTY) && !process.env.CI,
    steps: process.env.GWPLAN_STEP_TIMES === '1' ? stepClock() : undefined,
  });
  if (options.quantityMemo) saveQuantityMemo(options.quantityMemo);
  if (options.parseMemo) saveParseMemo(options.parseMemo);
  return code;
}
