/**
 * Compares two output trees (relative path -> file text), for
 * `npm run check:outputs`: regenerate into a temporary directory, compare
 * with the committed outputs, and name every stale file, not just the first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Tree = ReadonlyMap<string, string>;

/** A file present in both trees with different text, and where it first differs. */
export interface ChangedFile {
  path: string;
  /** 1-based line number of the first difference. */
  line: number;
  /** That line in each tree, with its LF if it has one; null when that file has already ended. */
  expected: string | null;
  actual: string | null;
}

export interface TreeDiff {
  changed: ChangedFile[];
  /** In `expected` only. */
  missing: string[];
  /** In `actual` only. */
  extra: string[];
}

/** Each list sorted by path. */
export function diffTrees(expected: Tree, actual: Tree): TreeDiff {
  const changed: ChangedFile[] = [];
  const missing: string[] = [];
  for (const [path, want] of [...expected].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const got = actual.get(path);
    if (got === undefined) missing.push(path);
    else if (got !== want) changed.push({ path, ...firstDifference(want, got) });
  }
  const extra = [...actual.keys()].filter((path) => !expected.has(path)).sort();
  return { changed, missing, extra };
}

function firstDifference(expected: string, actual: string): Omit<ChangedFile, 'path'> {
  const want = linesOf(expected);
  const got = linesOf(actual);
  let index = 0;
  while (index < want.length && index < got.length && want[index] === got[index]) index += 1;
  return { line: index + 1, expected: want[index] ?? null, actual: got[index] ?? null };
}

/** Lines with their LF kept, so a missing final newline is a difference too. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** One line per stale file; for a changed file, its first differing line from both sides. Empty when the trees match. */
export function formatTreeDiff(diff: TreeDiff): string {
  const lines: string[] = [];
  for (const change of diff.changed) {
    const [expected, actual, column] = excerpts(change.expected, change.actual);
    lines.push(`  changed: ${change.path}, first difference at line ${change.line}${column === undefined ? '' : `, column ${column}`}`);
    lines.push(`    expected: ${showLine(expected)}`);
    lines.push(`    actual:   ${showLine(actual)}`);
  }
  for (const path of diff.missing) lines.push(`  missing: ${path}`);
  for (const path of diff.extra) lines.push(`  extra:   ${path} (no longer written)`);
  return lines.map((line) => `${line}\n`).join('');
}

/** Lines longer than this (report.html's inline SVG) are shown as an excerpt around their first difference. */
const LONG_LINE = 200;
const CONTEXT = 60;

/** Both lines, cut to the same window around their first differing character when either is long; and that 1-based column. */
function excerpts(expected: string | null, actual: string | null): [string | null, string | null, number | undefined] {
  if (Math.max(expected?.length ?? 0, actual?.length ?? 0) <= LONG_LINE) return [expected, actual, undefined];
  let at = 0;
  if (expected !== null && actual !== null) while (at < expected.length && at < actual.length && expected[at] === actual[at]) at += 1;
  const start = Math.max(0, at - CONTEXT);
  const cut = (line: string) => {
    const lf = line.endsWith('\n');
    const text = lf ? line.slice(0, -1) : line;
    const end = Math.min(text.length, at + CONTEXT);
    return `${start > 0 ? '...' : ''}${text.slice(start, end)}${end < text.length ? '...' : ''}${lf ? '\n' : ''}`;
  };
  return [expected && cut(expected), actual && cut(actual), at + 1];
}

/** Control characters (a stray CR, a tab) made visible, since they are often the whole difference. */
function showLine(line: string | null): string {
  if (line === null) return '(end of file)';
  const visible = (text: string) => text.replace(/[\u0000-\u001f]/g, (char) => JSON.stringify(char).slice(1, -1));
  return line.endsWith('\n') ? visible(line.slice(0, -1)) : `${visible(line)} (no newline at end of file)`;
}

/**
 * Every file under `dir` as relative `/`-separated path -> UTF-8 text, in a stable order,
 * skipping dot-entries (work directories, .DS_Store, .git). A directory that
 * does not exist reads as empty, so its files all show as missing.
 */
export function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  if (!existsSync(dir)) return tree;
  const walk = (absolute: string, relative: string) => {
    const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(join(absolute, entry.name), path);
      else tree.set(path, readFileSync(join(absolute, entry.name), 'utf8'));
    }
  };
  walk(dir, '');
  return tree;
}
