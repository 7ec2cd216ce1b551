/**
 * The loader's parse cache (src/loader/parseCache.ts) kept on disk between
 * runs of the bundled command: parsing the YAML and CSV of the shipped
 * assumptions is ~40 ms of every command, and a file whose bytes and shown
 * name are unchanged parses to the same values and problems every time (the
 * cache is keyed by both). The values are plain data, kept with V8's
 * structured serialisation (Maps, Sets and typed arrays included). The file
 * lives in dist/ beside the bundle; launch.mjs deletes it whenever the bundle
 * is rebuilt and tags it with the bundle's build, so entries always come from
 * the code that reads them. A missing, unreadable or foreign file only means
 * parsing again.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { parseCacheEntries, seedParseCache, type ParseCacheEntry } from '../loader/parseCache.js';
import type { MemoFile } from './quantityMemo.js';

/** Bumped when the entry format changes. */
const FORMAT = 1;

export function readParseMemo({ path, build }: MemoFile): void {
  let saved: unknown;
  try {
    saved = deserialize(readFileSync(path));
  } catch {
    return;
  }
  if (!isMemoFile(saved) || saved.build !== build) return;
  seedParseCache(saved.entries);
  parseCacheEntries(); // seeded entries are not news
}

/** Saves the cache when this run parsed something new; a failure to write only costs speed next time. */
export function saveParseMemo({ path, build }: MemoFile): void {
  const { entries, changed } = parseCacheEntries();
  if (!changed) return;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, serialize({ format: FORMAT, build, entries }));
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

function isMemoFile(value: unknown): value is { format: number; build: string; entries: ParseCacheEntry[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { format, entries } = value as { format?: unknown; entries?: unknown };
  return (
    format === FORMAT &&
    Array.isArray(entries) &&
    entries.every(
      (e) =>
        Array.isArray(e) &&
        typeof e[0] === 'string' &&
        typeof e[1] === 'object' &&
        e[1] !== null &&
        Array.isArray((e[1] as { errors?: unknown }).errors) &&
        Array.isArray((e[1] as { warnings?: unknown }).warnings),
    )
  );
}
