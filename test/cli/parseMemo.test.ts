/**
 * The parse memo beside the bundle: a load seeded from it equals a load that
 * parsed every file (values, records, locations, problems), parses nothing
 * again, and a missing, malformed or foreign file is ignored.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SHIPPED_ASSUMPTIONS, makeWorkspace, tempFiles } from './harness.js';

const tempFile = tempFiles('gwplan-parse-memo-', 'parse-memo.v8');

/** Fresh loader modules, so the parse cache starts empty (as in a new process). */
async function freshModules() {
  vi.resetModules();
  const { loadAssumptions } = await import('../../src/loader/loadAssumptions.js');
  const { parseCacheEntries } = await import('../../src/loader/parseCache.js');
  const { readParseMemo, saveParseMemo } = await import('../../src/cli/parseMemo.js');
  return { loadAssumptions, parseCacheEntries, readParseMemo, saveParseMemo };
}

const scenarioNames = (dir: string) => readdirSync(join(dir, 'scenarios')).map((f) => f.replace(/\.yaml$/, ''));

describe('parse memo file', () => {
  it('gives every scenario of the shipped assumptions exactly as parsing does, without parsing again', async () => {
    const path = tempFile();
    const names = ['base', ...scenarioNames(SHIPPED_ASSUMPTIONS)];
    const first = await freshModules();
    const parsed = names.map((scenario) => first.loadAssumptions(SHIPPED_ASSUMPTIONS, { scenario }));
    first.saveParseMemo({ path, build: 'b1' });
    expect(existsSync(path)).toBe(true);

    const second = await freshModules();
    second.readParseMemo({ path, build: 'b1' });
    const seeded = names.map((scenario) => second.loadAssumptions(SHIPPED_ASSUMPTIONS, { scenario }));
    expect(second.parseCacheEntries().changed).toBe(false);
    expect(seeded).toStrictEqual(parsed);
    expect(seeded.every((outcome) => outcome.ok)).toBe(true);
  });

  it('replays the problems of a file with errors, at the same file, line and field', async () => {
    const ws = makeWorkspace();
    try {
      ws.edit('chips.yaml', 'value: 1000 W', 'value: 1000 kg');
      ws.edit('facility.yaml', 'design_pue:', 'design_pue: 1.2\n  design_pue:');
      const dir = join(ws.root, 'assumptions');
      const path = tempFile();
      const first = await freshModules();
      const parsed = first.loadAssumptions(dir, { displayDir: 'assumptions' });
      expect(parsed.ok).toBe(false);
      first.saveParseMemo({ path, build: 'b1' });
      const second = await freshModules();
      second.readParseMemo({ path, build: 'b1' });
      expect(second.loadAssumptions(dir, { displayDir: 'assumptions' })).toStrictEqual(parsed);
      expect(second.parseCacheEntries().changed).toBe(false);
    } finally {
      ws.cleanup();
    }
  });

  it('ignores a file of another build, and a missing, malformed or wrong-format one', async () => {
    const path = tempFile();
    const first = await freshModules();
    first.loadAssumptions(SHIPPED_ASSUMPTIONS);
    first.saveParseMemo({ path, build: 'b1' });
    const other = await freshModules();
    other.readParseMemo({ path, build: 'b2' });
    other.loadAssumptions(SHIPPED_ASSUMPTIONS);
    expect(other.parseCacheEntries().changed).toBe(true);

    const bad = await freshModules();
    const missing = join(dirname(path), 'none.v8');
    expect(() => bad.readParseMemo({ path: missing, build: 'b1' })).not.toThrow();
    for (const content of [Buffer.from('not v8 data'), Buffer.alloc(0)]) {
      writeFileSync(path, content);
      expect(() => bad.readParseMemo({ path, build: 'b1' })).not.toThrow();
    }
    const { serialize } = await import('node:v8');
    for (const value of [[], { format: 99, build: 'b1', entries: [] }, { format: 1, build: 'b1', entries: [['k', 'not parsed']] }]) {
      writeFileSync(path, serialize(value));
      expect(() => bad.readParseMemo({ path, build: 'b1' })).not.toThrow();
    }
    expect(bad.parseCacheEntries().entries).toEqual([]);
  });

  it('writes nothing when nothing new was parsed', async () => {
    const path = tempFile();
    const { saveParseMemo } = await freshModules();
    saveParseMemo({ path, build: 'b1' });
    expect(existsSync(path)).toBe(false);
  });
});
