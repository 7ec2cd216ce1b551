import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffTrees, formatTreeDiff, readTree } from '../../src/writers/compareTrees.js';

const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('diffTrees', () => {
  it('finds changed, missing and extra files, each sorted by path', () => {
    const expected = tree({ 'b.csv': 'x\n', 'a.csv': 'h\n1\n', 'same.csv': 's\n', 'z.csv': 'z\n', 'm.csv': 'm\n' });
    const actual = tree({ 'same.csv': 's\n', 'a.csv': 'h\n2\n', 'y.csv': 'y\n', 'x.csv': 'x\n', 'b.csv': 'x\r\n' });
    expect(diffTrees(expected, actual)).toEqual({
      changed: [
        { path: 'a.csv', line: 2, expected: '1\n', actual: '2\n' },
        { path: 'b.csv', line: 1, expected: 'x\n', actual: 'x\r\n' },
      ],
      missing: ['m.csv', 'z.csv'],
      extra: ['x.csv', 'y.csv'],
    });
  });

  it('reports a file that ends early with null for the missing line', () => {
    expect(diffTrees(tree({ f: 'a\nb\n' }), tree({ f: 'a\n' })).changed).toEqual([{ path: 'f', line: 2, expected: 'b\n', actual: null }]);
  });

  it('counts a missing final newline as a difference on the last line', () => {
    expect(diffTrees(tree({ f: 'a\nb\n' }), tree({ f: 'a\nb' })).changed).toEqual([{ path: 'f', line: 2, expected: 'b\n', actual: 'b' }]);
  });

  it('finds nothing in identical trees', () => {
    expect(diffTrees(tree({ f: 'a' }), tree({ f: 'a' }))).toEqual({ changed: [], missing: [], extra: [] });
  });
});

describe('formatTreeDiff', () => {
  it('names every stale file, with both sides of the first differing line', () => {
    const diff = diffTrees(tree({ 'a.csv': 'h\n1\n', 'b.csv': 'x\n', 'gone.csv': '' }), tree({ 'a.csv': 'h\n2\n', 'b.csv': 'x\r\n', 'new.csv': '' }));
    expect(formatTreeDiff(diff)).toBe(
      [
        '  changed: a.csv, first difference at line 2',
        '    expected: 1',
        '    actual:   2',
        '  changed: b.csv, first difference at line 1',
        '    expected: x',
        '    actual:   x\\r',
        '  missing: gone.csv',
        '  extra:   new.csv (no longer written)',
        '',
      ].join('\n'),
    );
  });

  it('shows the end of a shorter file, a missing final newline, and nothing for identical trees', () => {
    expect(formatTreeDiff(diffTrees(tree({ f: 'a\nb\n' }), tree({ f: 'a\n' })))).toContain('    actual:   (end of file)\n');
    expect(formatTreeDiff(diffTrees(tree({ f: 'a\n' }), tree({ f: 'a' })))).toContain('    actual:   a (no newline at end of file)\n');
    expect(formatTreeDiff(diffTrees(tree({}), tree({})))).toBe('');
  });

  it('shows a long line (report.html) as an excerpt around its first difference, with the column', () => {
    const line = (middle: string) => `${'a'.repeat(300)}${middle}${'b'.repeat(300)}\n`;
    const text = formatTreeDiff(diffTrees(tree({ 'report.html': line('XY') }), tree({ 'report.html': line('XZ') })));
    expect(text).toBe(
      [
        '  changed: report.html, first difference at line 1, column 302',
        `    expected: ...${'a'.repeat(59)}XY${'b'.repeat(59)}...`,
        `    actual:   ...${'a'.repeat(59)}XZ${'b'.repeat(59)}...`,
        '',
      ].join('\n'),
    );
  });
});

describe('readTree', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads files under a directory by relative / path, skipping dot-entries', () => {
    dir = mkdtempSync(join(tmpdir(), 'gwplan-readtree-'));
    mkdirSync(join(dir, 'base'));
    mkdirSync(join(dir, '.gwplan-tmp-1-1'));
    writeFileSync(join(dir, 'base', 'fleet.csv'), 'phase\n');
    writeFileSync(join(dir, 'base', '.DS_Store'), 'junk');
    writeFileSync(join(dir, '.gwplan-tmp-1-1', 'fleet.csv'), 'partial');
    writeFileSync(join(dir, 'top.txt'), 'Zürich\n');
    expect(readTree(dir)).toEqual(new Map([['base/fleet.csv', 'phase\n'], ['top.txt', 'Zürich\n']]));
  });

  it('reads a directory that does not exist as empty', () => {
    dir = mkdtempSync(join(tmpdir(), 'gwplan-readtree-'));
    expect(readTree(join(dir, 'never-written')).size).toBe(0);
  });
});
