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

/** `parse` once per key; later calls replay the same problems into `issues`. */
export function cachedParse<T>(kind: string, shown: string, sha256: string, issues: Issues, parse: (issues: Issues) => T): T {
  const key = `${kind}\u0000${shown}\u0000${sha256}`;
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key); // most recently used goes last
  } else {
    const own = new Issues();
    hit = { value: parse(own), errors: own.errors, warnings: own.warnings };
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, hit);
  issues.addAll(hit);
  return hit.value as T;
}
