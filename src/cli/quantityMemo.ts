/**
 * The loader's memo of parsed quantity strings (src/loader/quantity.ts), kept
 * on disk between runs of the bundled command: creating the mathjs instance
 * costs ~90 ms, more than the rest of loading, and an assumption file that
 * has not changed parses to the same numbers every time. The file lives in
 * dist/ beside the bundle; launch.cjs deletes it whenever the bundle is
 * rebuilt and tags it with the bundle's build, so entries always come from
 * the code that reads them. A missing, unreadable, malformed or foreign file
 * only means mathjs parses again (memoFile.ts).
 */
import { quantityMemoEntries, seedQuantityMemo, type MemoEntry } from '../loader/quantity.js';
import { readMemo, saveMemo, type MemoCodec, type MemoFile } from './memoFile.js';

type Entries = Record<string, MemoEntry>;

/** JSON; bump `format` when the entry format changes. */
const CODEC: MemoCodec<Entries> = {
  format: 1,
  encode: (record) => JSON.stringify(record),
  decode: (bytes) => JSON.parse(bytes.toString('utf8')),
  isEntries: (entries): entries is Entries =>
    typeof entries === 'object' &&
    entries !== null &&
    Object.values(entries).every(
      (e) => typeof e === 'object' && e !== null && Number.isFinite((e as MemoEntry).value) && Number.isInteger((e as MemoEntry).measure) && (e as MemoEntry).measure >= 0,
    ),
};

export function readQuantityMemo(file: MemoFile): void {
  const entries = readMemo(file, CODEC);
  if (entries) seedQuantityMemo(entries);
}

/** Saves the memo when this run parsed something new. */
export function saveQuantityMemo(file: MemoFile): void {
  const { entries, changed } = quantityMemoEntries();
  if (changed) saveMemo(file, CODEC, entries);
}
