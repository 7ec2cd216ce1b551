/**
 * The loader's parse cache (src/loader/parseCache.ts) kept on disk between
 * runs of the bundled command: parsing the YAML and CSV of the shipped
 * assumptions is ~40 ms of every command, and a file whose bytes and shown
 * name are unchanged parses to the same values and problems every time (the
 * cache is keyed by both). The values are plain data, kept with V8's
 * structured serialisation (Maps, Sets and typed arrays included). The file
 * lives in dist/ beside the bundle; launch.cjs deletes it whenever the bundle
 * is rebuilt and tags it with the bundle's build, so entries always come from
 * the code that reads them. A missing, unreadable or foreign file only means
 * parsing again (memoFile.ts).
 */
import { deserialize, serialize } from 'node:v8';
import { parseCacheEntries, seedParseCache, type ParseCacheEntry } from '../loader/parseCache.js';
import { readMemo, saveMemo, type MemoCodec, type MemoFile } from './memoFile.js';

/** V8 serialisation; bump `format` when the entry format changes. */
const CODEC: MemoCodec<ParseCacheEntry[]> = {
  format: 1,
  encode: (record) => serialize(record),
  decode: (bytes) => deserialize(bytes),
  isEntries: (entries): entries is ParseCacheEntry[] =>
    Array.isArray(entries) &&
    entries.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        typeof e[1] === 'object' &&
        e[1] !== null &&
        Array.isArray((e[1] as { errors?: unknown }).errors) &&
        Array.isArray((e[1] as { warnings?: unknown }).warnings),
    ),
};

export function readParseMemo(file: MemoFile): void {
  const entries = readMemo(file, CODEC);
  if (!entries) return;
  seedParseCache(entries);
  parseCacheEntries(); // seeded entries are not news
}

/** Saves the cache when this run parsed something new. */
export function saveParseMemo(file: MemoFile): void {
  const { entries, changed } = parseCacheEntries();
  if (changed) saveMemo(file, CODEC, entries);
}
