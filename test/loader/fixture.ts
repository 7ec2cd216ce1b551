/**
 * Test fixtures: a copy of the shipped assumptions in a temp dir with some
 * files edited, loaded as if the user had typed `assumptions`.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import { formatIssue, type AssumptionRecord, type LoadOutcome } from '../../src/loader/types.js';

export const SHIPPED = join(import.meta.dirname, '../../assumptions');

/** File name → new content, a function of the shipped content, or null to delete the file. */
export type Edits = Record<string, string | ((shipped: string) => string) | null>;

export function loadEdited(edits: Edits): LoadOutcome {
  return inCopy(edits, (dir) => loadAssumptions(dir, { displayDir: 'assumptions' }));
}

/**
 * Run `use` on a temp copy of the shipped assumptions with `edits` applied
 * (a path may name a new file, e.g. `scenarios/a.yaml`). With `baseOnly`,
 * the shipped scenarios are left out, so tests do not depend on them.
 */
export function inCopy<T>(edits: Edits, use: (dir: string) => T, { baseOnly = false } = {}): T {
  const dir = mkdtempSync(join(tmpdir(), 'gwplan-loader-'));
  try {
    cpSync(SHIPPED, dir, { recursive: true, filter: (from) => !baseOnly || !from.includes('/scenarios') });
    for (const [name, edit] of Object.entries(edits)) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      if (edit === null) rmSync(path);
      else writeFileSync(path, typeof edit === 'string' ? edit : edit(readFileSync(path, 'utf8')));
    }
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Load `scenario` from the shipped base files (no shipped scenarios) plus the
 * overlay files given by name (`a.yaml` is written to `scenarios/a.yaml`).
 */
export function loadScenario(scenario: string, overlays: Record<string, string>, baseEdits: Edits = {}): LoadOutcome {
  const edits: Edits = { ...baseEdits };
  for (const [file, text] of Object.entries(overlays)) edits[`scenarios/${file}`] = text;
  return inCopy(edits, (dir) => loadAssumptions(dir, { displayDir: 'assumptions', scenario }), { baseOnly: true });
}

/** YAML text from lines, so a test can see each value's line number. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The record of one path, or a failure with every error. */
export function recordOf(outcome: LoadOutcome, path: string): AssumptionRecord | undefined {
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  return outcome.scenario.records.find((r) => r.path === path);
}

/** `file:line:col` of each place that set a record. */
export function setByOf(record: AssumptionRecord | undefined): string[] {
  return (record?.setBy ?? []).map((at) => `${at.file}:${at.line}:${at.column}`);
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
