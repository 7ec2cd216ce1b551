/** A one-line progress bar on stderr, redrawn in place; only used when a person watches a terminal. */
import type { Io } from './io.js';

const WIDTH = 30;

export function progressBar(io: Io): (label: string, done: number, total: number) => void {
  return (label, done, total) => {
    const filled = Math.round((WIDTH * done) / total);
    const percent = Math.round((100 * done) / total);
    io.stderr(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${percent}%${done === total ? '\n' : ''}`);
  };
}
