import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeOutputTree } from '../../src/writers/atomicWrite.js';

/** Decides which fs operations fail, for the failure tests; null = none. */
const faults = vi.hoisted(() => ({ fail: null as null | ((op: 'rename' | 'write', path: string) => boolean) }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const injected = (op: 'rename' | 'write', path: fs.PathOrFileDescriptor) => {
    if (faults.fail?.(op, String(path))) throw Object.assign(new Error(`injected ${op} failure: ${String(path)}`), { code: 'EIO' });
  };
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      injected('rename', to);
      real.renameSync(from, to);
    },
    writeFileSync: (...args: Parameters<typeof real.writeFileSync>) => {
      injected('write', args[0]);
      real.writeFileSync(...args);
    },
  };
});

/** A fault that strikes the first matching operation only. */
function failOnce(matches: (op: 'rename' | 'write', path: string) => boolean) {
  let struck = false;
  return (op: 'rename' | 'write', path: string) => {
    if (struck || !matches(op, path)) return false;
    struck = true;
    return true;
  };
}

/** No process has this pid (above Linux's pid_max and macOS's limit). */
const DEAD_PID = 999_999_999;

let outDir = '';
beforeEach(() => {
  outDir = fs.mkdtempSync(join(tmpdir(), 'gwplan-write-'));
});
afterEach(() => {
  faults.fail = null;
  fs.rmSync(outDir, { recursive: true, force: true });
});

const tree = (dirs: Record<string, Record<string, string>>) =>
  new Map(Object.entries(dirs).map(([dir, files]) => [dir, new Map(Object.entries(files))]));

/** Every entry under `dir`, dot-entries included, as path -> bytes ('<dir>' for directories). */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(entries, { [path]: '<dir>' }, snapshot(join(dir, entry.name), `${path}/`));
    else entries[path] = fs.readFileSync(join(dir, entry.name)).toString('hex');
  }
  return entries;
}

function writePrevious(): Record<string, string> {
  writeOutputTree(outDir, tree({ base: { 'fleet.csv': 'old fleet\n', 'gone.csv': 'old\n' }, high: { 'fleet.csv': 'old high\n' } }));
  fs.mkdirSync(join(outDir, 'compare'));
  fs.writeFileSync(join(outDir, 'compare', 'deltas.csv'), 'not ours\n');
  return snapshot(outDir);
}

describe('writeOutputTree', () => {
  it('writes every file as UTF-8 without BOM and returns their sorted relative paths', () => {
    const written = writeOutputTree(outDir, tree({ low: { 'b.csv': 'Zürich\n', 'a.csv': 'a\n' }, base: { 'manifest.json': '{}\n' } }));
    expect(written).toEqual(['base/manifest.json', 'low/a.csv', 'low/b.csv']);
    expect(fs.readFileSync(join(outDir, 'low', 'b.csv'))).toEqual(Buffer.from('Zürich\n', 'utf8'));
    expect(Object.keys(snapshot(outDir)).sort()).toEqual(['base', 'base/manifest.json', 'low', 'low/a.csv', 'low/b.csv']);
  });

  it('creates the output directory when it does not exist', () => {
    const nested = join(outDir, 'a', 'b');
    writeOutputTree(nested, tree({ base: { 'f.csv': 'x\n' } }));
    expect(fs.readFileSync(join(nested, 'base', 'f.csv'), 'utf8')).toBe('x\n');
  });

  it('replaces a scenario directory whole and leaves every other directory alone', () => {
    writePrevious();
    writeOutputTree(outDir, tree({ base: { 'fleet.csv': 'new fleet\n' } }));
    expect(snapshot(outDir)).toEqual({
      base: '<dir>',
      'base/fleet.csv': Buffer.from('new fleet\n').toString('hex'),
      high: '<dir>',
      'high/fleet.csv': Buffer.from('old high\n').toString('hex'),
      compare: '<dir>',
      'compare/deltas.csv': Buffer.from('not ours\n').toString('hex'),
    });
  });

  it('leaves previous outputs byte-identical when writing a file fails', () => {
    const before = writePrevious();
    faults.fail = failOnce((op, path) => op === 'write' && path.endsWith(join('high', 'fleet.csv')));
    expect(() => writeOutputTree(outDir, tree({ base: { 'fleet.csv': 'new\n' }, high: { 'fleet.csv': 'new\n' } }))).toThrow(/injected write failure/);
    expect(snapshot(outDir)).toEqual(before);
  });

  it('puts back the directories already swapped when a later swap fails', () => {
    const before = writePrevious();
    // base is swapped in first; moving the new high into place then fails.
    faults.fail = failOnce((op, path) => op === 'rename' && path === join(outDir, 'high'));
    expect(() => writeOutputTree(outDir, tree({ base: { 'fleet.csv': 'new\n' }, high: { 'fleet.csv': 'new\n' } }))).toThrow(
      /injected rename failure/,
    );
    expect(snapshot(outDir)).toEqual(before);
  });

  it('keeps the previous outputs aside when the rollback fails too, for the next run to restore', () => {
    writePrevious();
    faults.fail = (op, path) => op === 'rename' && path === join(outDir, 'high');
    expect(() => writeOutputTree(outDir, tree({ base: { 'fleet.csv': 'new\n' }, high: { 'fleet.csv': 'new\n' } }))).toThrow(
      /could not put the previous outputs back; they are kept in .*\.gwplan-old-/,
    );
    faults.fail = null;
    // The next run is another process: give the leftover a pid that has ended.
    const [kept] = fs.readdirSync(outDir).filter((entry) => entry.startsWith('.gwplan-old-'));
    fs.renameSync(join(outDir, kept!), join(outDir, `.gwplan-old-${DEAD_PID}-1`));

    writeOutputTree(outDir, tree({ low: { 'fleet.csv': 'low\n' } }));

    expect(fs.readFileSync(join(outDir, 'high', 'fleet.csv'), 'utf8')).toBe('old high\n');
    expect(fs.readdirSync(outDir).sort()).toEqual(['base', 'compare', 'high', 'low']);
  });

  it('cleans work directories left by a killed run, restoring a directory it had moved aside', () => {
    writePrevious();
    // Killed mid-swap: base moved aside, its replacement never moved in.
    const old = join(outDir, `.gwplan-old-${DEAD_PID}-3`);
    fs.mkdirSync(old);
    fs.renameSync(join(outDir, 'base'), join(old, 'base'));
    fs.mkdirSync(join(outDir, `.gwplan-tmp-${DEAD_PID}-3`, 'base'), { recursive: true });
    // A run still going (the parent process is alive) keeps its directory.
    const live = join(outDir, `.gwplan-tmp-${process.ppid}-1`);
    fs.mkdirSync(live);

    writeOutputTree(outDir, tree({ high: { 'fleet.csv': 'new high\n' } }));

    expect(fs.readFileSync(join(outDir, 'base', 'fleet.csv'), 'utf8')).toBe('old fleet\n');
    expect(fs.readdirSync(outDir).sort()).toEqual([`.gwplan-tmp-${process.ppid}-1`, 'base', 'compare', 'high']);
  });

  it.each(['', '.hidden', '..', 'a/.b', 'a/b/c', 'a\\b', '/a'])('refuses the directory name %j before writing anything', (name) => {
    expect(() => writeOutputTree(outDir, tree({ [name]: { 'f.csv': 'x\n' } }))).toThrow(/must be a single path segment|scenario or scenario\/part/);
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  it.each(['../f.csv', 'sub/../f.csv', '/f.csv', 'a\\b.csv', 'sub/.hidden'])('refuses the file path %j, which is not plain segments', (file) => {
    expect(() => writeOutputTree(outDir, tree({ base: { [file]: 'x\n' } }))).toThrow(/file in output directory base/);
    expect(fs.existsSync(join(outDir, "base"))).toBe(false);
  });

  it('writes a file in a subfolder of its directory', () => {
    expect(writeOutputTree(outDir, tree({ base: { 'a.csv': 'a\n', 'uncertainty/p.csv': 'p\n' } }))).toEqual(['base/a.csv', 'base/uncertainty/p.csv']);
    expect(fs.readFileSync(join(outDir, "base", "uncertainty", "p.csv"), "utf8")).toBe('p\n');
  });

  it('replaces one part of a scenario (base/hourly) and leaves the rest of the scenario alone', () => {
    writeOutputTree(outDir, tree({ base: { 'a.csv': 'a\n', 'hourly/old.csv': 'old\n', 'uncertainty/p.csv': 'p\n' } }));
    expect(writeOutputTree(outDir, tree({ 'base/hourly': { 'new.csv': 'new\n' } }))).toEqual(['base/hourly/new.csv']);
    expect(fs.readdirSync(join(outDir, 'base')).sort()).toEqual(['a.csv', 'hourly', 'uncertainty']);
    expect(fs.readdirSync(join(outDir, 'base', 'hourly'))).toEqual(['new.csv']);
    // A part of a scenario not yet written creates the scenario directory.
    writeOutputTree(outDir, tree({ 'other/hourly': { 'x.csv': 'x\n' } }));
    expect(fs.readFileSync(join(outDir, 'other', 'hourly', 'x.csv'), 'utf8')).toBe('x\n');
    expect(fs.readdirSync(outDir).sort()).toEqual(['base', 'other']);
  });

  it('refuses a part inside a scenario written in the same call', () => {
    expect(() => writeOutputTree(outDir, tree({ base: { 'a.csv': 'a\n' }, 'base/hourly': { 'b.csv': 'b\n' } }))).toThrow(/lies inside 'base'/);
  });

  it('restores a part a killed run had moved aside', () => {
    fs.mkdirSync(join(outDir, 'base'));
    fs.writeFileSync(join(outDir, 'base', 'a.csv'), 'a\n');
    const old = join(outDir, `.gwplan-old-${DEAD_PID}-1`);
    fs.mkdirSync(join(old, 'base', 'hourly'), { recursive: true });
    fs.writeFileSync(join(old, 'base', 'hourly', 'h.csv'), 'h\n');
    fs.writeFileSync(join(old, '.keys.json'), JSON.stringify(['base/hourly']));
    writeOutputTree(outDir, tree({ high: { 'f.csv': 'f\n' } }));
    expect(fs.readFileSync(join(outDir, 'base', 'hourly', 'h.csv'), 'utf8')).toBe('h\n');
    expect(fs.readdirSync(outDir).sort()).toEqual(['base', 'high']);
  });
});
