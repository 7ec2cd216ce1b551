/**
 * A memo file kept beside the bundle between runs (quantityMemo.ts, parseMemo.ts): a
 * record `{ format, build, entries }`, used only when it is well formed, of the current
 * entry format and written by the same build of the code. Reading and writing never fail
 * a command: a missing, unreadable, malformed or foreign file is ignored, and a file that
 * cannot be written only costs speed next time.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** Where a memo is kept, and the build of the code that may use it. */
export interface MemoFile {
  path: string;
  build: string;
}

/** How one memo is stored: its entry format number, its bytes, and what its entries must look like. */
export interface MemoCodec<Entries> {
  format: number;
  encode(record: { format: number; build: string; entries: Entries }): string | Uint8Array;
  decode(bytes: Buffer): unknown;
  isEntries(entries: unknown): entries is Entries;
}

/** The entries of the memo at `file.path`, or undefined when it is not usable by this build. */
export function readMemo<Entries>({ path, build }: MemoFile, codec: MemoCodec<Entries>): Entries | undefined {
  let saved: unknown;
  try {
    saved = codec.decode(readFileSync(path));
  } catch {
    return undefined;
  }
  if (typeof saved !== 'object' || saved === null) return undefined;
  const record = saved as { format?: unknown; build?: unknown; entries?: unknown };
  if (record.format !== codec.format || record.build !== build || !codec.isEntries(record.entries)) return undefined;
  return record.entries;
}

/** Writes the memo beside its target and renames it over, so a concurrent run never reads half a file. */
export function saveMemo<Entries>({ path, build }: MemoFile, codec: MemoCodec<Entries>, entries: Entries): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, codec.encode({ format: codec.format, build, entries }));
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}
