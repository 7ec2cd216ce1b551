import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssumptionFile, resolveInsideDir, shownPath } from '../../src/loader/assumptionDir.js';
import { Issues } from '../../src/loader/issues.js';
import { formatIssue } from '../../src/loader/types.js';
import { SHIPPED } from './fixture.js';

const AT = { file: 'assumptions/procurement.yaml', line: 12, column: 14 };

describe('resolveInsideDir', () => {
  it('resolves a relative path inside the directory', () => {
    const issues = new Issues();
    expect(resolveInsideDir(SHIPPED, 'profiles/solar.csv', AT, 'procurement.profile', issues)).toBe(join(resolve(SHIPPED), 'profiles/solar.csv'));
    expect(resolveInsideDir(SHIPPED, 'profiles/../solar.csv', AT, 'procurement.profile', issues)).toBe(join(resolve(SHIPPED), 'solar.csv'));
    expect(issues.errors).toEqual([]);
  });

  it.each(['../secrets.csv', 'profiles/../../x.csv', '/etc/passwd', '..'])('refuses %s with a located error', (path) => {
    const issues = new Issues();
    expect(resolveInsideDir(SHIPPED, path, AT, 'procurement.profile', issues)).toBeUndefined();
    expect(issues.errors.map(formatIssue)).toEqual([
      `assumptions/procurement.yaml:12:14 procurement.profile: "${path}" points outside the assumptions directory; name a file inside it with a relative path.`,
    ]);
  });

  it('accepts a file whose name merely starts with two dots', () => {
    expect(resolveInsideDir(SHIPPED, '..solar.csv', AT, 'p', new Issues())).toBe(join(resolve(SHIPPED), '..solar.csv'));
  });
});

describe('shownPath', () => {
  it('joins the directory as the user gave it with the file name, with / separators', () => {
    expect(shownPath('assumptions', 'chips.yaml')).toBe('assumptions/chips.yaml');
    expect(shownPath('./assumptions/', 'chips.yaml')).toBe('./assumptions/chips.yaml');
    expect(shownPath('C:\\work\\assumptions', 'chips.yaml')).toBe('C:/work/assumptions/chips.yaml');
  });
});

describe('readAssumptionFile', () => {
  it('reads the text and the SHA-256 of the bytes', () => {
    const file = readAssumptionFile(SHIPPED, 'assumptions', 'chips.yaml', new Issues())!;
    const bytes = readFileSync(join(SHIPPED, 'chips.yaml'));
    expect(file.shown).toBe('assumptions/chips.yaml');
    expect(file.text).toBe(bytes.toString('utf8'));
    expect(file.hash).toEqual({ path: 'chips.yaml', sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('reports a missing file', () => {
    const issues = new Issues();
    expect(readAssumptionFile(SHIPPED, 'assumptions', 'nope.yaml', issues)).toBeUndefined();
    expect(issues.errors.map(formatIssue)).toEqual([
      'assumptions/nope.yaml:1:1 file not found; a scenario needs all of envelope.yaml, facility.yaml, chips.yaml, utilisation.yaml, phases.csv, procurement.yaml, context.yaml, cfe.yaml, cost.yaml. Restore it (the shipped assumptions directory has one of each).',
    ]);
  });
});
