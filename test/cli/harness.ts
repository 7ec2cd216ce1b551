/**
 * Runs gwplan commands in-process against a private copy of the shipped
 * assumptions, capturing what a user would see.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { main } from '../../src/cli/main.js';

export const SHIPPED_ASSUMPTIONS = join(import.meta.dirname, '..', '..', 'assumptions');

export interface Workspace {
  root: string;
  /** Rewrite one assumption file (path relative to assumptions/). */
  write(file: string, text: string): void;
  read(file: string): string;
  /** Replace the first occurrence of `from` in an assumption file; fails the test if absent. */
  edit(file: string, from: string, to: string): void;
  cleanup(): void;
}

/** A temp dir holding `assumptions/` (a copy of the shipped files) and nothing else. */
export function makeWorkspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'gwplan-cli-'));
  cpSync(SHIPPED_ASSUMPTIONS, join(root, 'assumptions'), { recursive: true });
  const path = (file: string) => join(root, 'assumptions', file);
  return {
    root,
    write: (file, text) => writeFileSync(path(file), text),
    read: (file) => readFileSync(path(file), 'utf8'),
    edit(file, from, to) {
      const text = readFileSync(path(file), 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
      writeFileSync(path(file), text.replace(from, to));
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function gwplan(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTty: false,
  });
  return { code, stdout, stderr };
}

/** Every file below `dir` with its bytes, for before/after comparisons. */
export function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/**
 * Paths of fresh temporary files named `name`, each in its own directory, removed after
 * each test (for the memo files kept beside the bundle). Call at a test file's top level.
 */
export function tempFiles(prefix: string, name: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return join(dir, name);
  };
}
