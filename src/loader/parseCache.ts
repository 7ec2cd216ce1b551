/**
 * Parsing is most of a load's cost (YAML, then every quantity through
 * mathjs). A file's parse depends only on its bytes and the name it is shown
 * by, so it is kept, with the problems it found, keyed by both: loading
 * several scenarios of one directory parses base once, and an edited file is
 * parsed afresh because its hash changes. Parsed values are shared and must
 * never be mutated; the scenario merge copies what it changes.
 */
import { Issues } from './issues.js';
import type { InputIssue } from './types.js';

/** Enough for every file of a few assumption directories. */
const LIMIT = 128;

interface Parsed {
  value: unknown;
  errors: readonly InputIssue[];
  warnings: readonly InputIssue[];
}

const cache = new Map<string, Parsed>();
/** True once a parse ran that the seeded entries did not hold (parseCacheEntries). */
let changed = false;

/** `parse` once per key; later calls replay the same problems into `issues`. */
export function cachedParse<T>(kind: string, shown: string, sha256: string, issues: Issues, parse: (issues: Issues) => T): T {
  const key = `${kind}\u0000${shown}\u0000${sha256}`;
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
  } else {
    const own = new Issues();
    hit = { value: parse(own), errors: own.errors, warnings: own.warnings };
    changed = true;
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, hit);
  issues.addAll(hit);
  return hit.value as T;
}

/** A cache entry as it is kept between runs (src/cli/parseMemo.ts). */
export type ParseCacheEntry = [key: string, parsed: Parsed];

/** Every entry, least recently used first, and whether a parse ran since the last call (which resets it). */
export function parseCacheEntries(): { entries: ParseCacheEntry[]; changed: boolean } {
  const result = { entries: [...cache.entries()], changed };
  changed = false;
  return result;
}

/**
 * Adds entries kept by an earlier run of the same code, before any parse of this run. The
 * values must be what `parse` returned for the same key, as plain data (a structured clone:
 * objects, arrays, Maps, Sets, typed arrays), which is all a parse returns.
 */
export function seedParseCache(entries: readonly ParseCacheEntry[]): void {
  for (const [key, parsed] of entries.slice(-LIMIT)) if (!cache.has(key)) cache.set(key, parsed);
  while (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
}
