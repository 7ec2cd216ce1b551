/**
 * Test fixtures: a copy of the shipped assumptions in a temp dir with some
 * files edited, loaded as if the user had typed `assumptions`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import { formatIssue, type LoadOutcome } from '../../src/loader/types.js';

export const SHIPPED = join(import.meta.dirname, '../../assumptions');

/** File name → new content, a function of the shipped content, or null to delete the file. */
export type Edits = Record<string, string | ((shipped: string) => string) | null>;

export function loadEdited(edits: Edits): LoadOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'gwplan-loader-'));
  try {
    cpSync(SHIPPED, dir, { recursive: true });
    for (const [name, edit] of Object.entries(edits)) {
      const path = join(dir, name);
      if (edit === null) rmSync(path);
      else writeFileSync(path, typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8')));
    }
    return loadAssumptions(dir, { displayDir: 'assumptions' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replace exactly one occurrence of `from`, so a stale fixture fails loudly. */
export function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture: "${from}" must occur exactly once`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  };
}

/** Errors as the user sees them. */
export function errorsOf(outcome: LoadOutcome): string[] {
  return outcome.ok ? [] : outcome.errors.map(formatIssue);
}

export function warningsOf(outcome: LoadOutcome): string[] {
  return outcome.warnings.map(formatIssue);
}
