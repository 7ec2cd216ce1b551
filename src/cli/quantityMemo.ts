/**
 * The loader's memo of parsed quantity strings (src/loader/quantity.ts), kept
 * on disk between runs of the bundled command: creating the mathjs instance
 * costs ~90 ms, more than the rest of loading, and an assumption file that
 * has not changed parses to the same numbers every time. The file lives in
 * dist/ beside the bundle; launch.mjs deletes it whenever the bundle is
 * rebuilt and tags it with the bundle's build, so entries always come from
 * the code that reads them. A missing, unreadable, malformed or foreign file
 * only means mathjs parses again.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { quantityMemoEntries, seedQuantityMemo, type MemoEntry } from '../loader/quantity.js';

/** Bumped when the entry format changes. */
const FORMAT = 1;

/** Where the memo is kept, and the build of the code that may use it. */
export interface MemoFile {
  path: string;
  build: string;
}

export function readQuantityMemo({ path, build }: MemoFile): void {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return;
  }
  if (!isMemoFile(saved) || saved.build !== build) return;
  seedQuantityMemo(saved.entries);
}

/** Saves the memo when this run parsed something new; a failure to write only costs speed next time. */
export function saveQuantityMemo({ path, build }: MemoFile): void {
  const { entries, changed } = quantityMemoEntries();
  if (!changed) return;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, build, entries }), 'utf8');
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

function isMemoFile(value: unknown): value is { format: number; build: unknown; entries: Record<string, MemoEntry> } {
  if (typeof value !== 'object' || value === null) return false;
  const { format, entries } = value as { format?: unknown; entries?: unknown };
  if (format !== FORMAT || typeof entries !== 'object' || entries === null) return false;
  return Object.values(entries).every(
    (e) => typeof e === 'object' && e !== null && Number.isFinite((e as MemoEntry).value) && Number.isInteger((e as MemoEntry).measure) && (e as MemoEntry).measure >= 0,
  );
}
