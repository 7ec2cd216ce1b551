import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/writers/atomicFile.js';
import { writeOutputTree } from '../../src/writers/atomicWrite.js';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gwplan-atomic-file-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes, then replaces, one file and leaves nothing else behind', () => {
    const out = join(dir, 'outputs');
    expect(writeFileAtomic(out, 'report.html', 'one')).toBe('report.html');
    writeFileAtomic(out, 'report.html', 'two');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe('two');
    expect(readdirSync(out)).toEqual(['report.html']);
  });

  it('refuses a name that is not one plain file name', () => {
    for (const name of ['', '..', '.hidden', 'a/b']) expect(() => writeFileAtomic(dir, name, 'x')).toThrow(/single path segment/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves what is there untouched, and no temporary file, when the rename fails', () => {
    // A non-empty directory where the file should go: the rename over it fails.
    mkdirSync(join(dir, 'report.html'));
    writeFileSync(join(dir, 'report.html', 'keep'), 'kept');
    expect(() => writeFileAtomic(dir, 'report.html', 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['report.html']);
    expect(readFileSync(join(dir, 'report.html', 'keep'), 'utf8')).toBe('kept');
  });

  it("leaves a killed run's temporary file for the next tree write to remove", () => {
    writeFileSync(join(dir, '.gwplan-tmp-999999999-1'), 'half a report');
    writeOutputTree(dir, new Map([['base', new Map([['summary.csv', 'metric\n']])]]));
    expect(readdirSync(dir).sort()).toEqual(['base']);
  });
});
