import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gwplan, makeWorkspace, type Workspace } from './harness.js';

describe('gwplan check-outputs', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = makeWorkspace();
    expect((await gwplan(ws.root, 'run')).code).toBe(0);
  });
  afterEach(() => ws.cleanup());

  it('passes right after a run', async () => {
    const check = await gwplan(ws.root, 'check-outputs');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/up to date/);
  });

  it('fails, naming the stale files, when an assumption changed without regenerating', async () => {
    ws.edit('facility.yaml', 'value: 1.14', 'value: 1.20');
    const check = await gwplan(ws.root, 'check-outputs');
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/annual\.csv/);
    expect(check.stderr).toMatch(/manifest\.json/);
    expect(check.stderr).not.toMatch(/fleet\.csv/); // annual PUE does not change sizing
    expect(check.stderr).toMatch(/npm start/);
  });

  it('fails when a committed output was edited by hand', async () => {
    const file = join(ws.root, 'outputs', 'base', 'summary.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chips,', 'chips_x,'));
    const check = await gwplan(ws.root, 'check-outputs');
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/summary\.csv/);
  });

  it('checks report.html too: fails when it was edited by hand or is missing', async () => {
    const file = join(ws.root, 'outputs', 'report.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Headline figures', 'Headline numbers'));
    const edited = await gwplan(ws.root, 'check-outputs');
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/changed: report\.html, first difference at line \d+/);
    rmSync(file);
    const missing = await gwplan(ws.root, 'check-outputs');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing: report\.html/);
  });
});
