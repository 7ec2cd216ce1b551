/** `gwplan report`, and report.html as `run` writes it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gwplan, makeWorkspace, type Workspace } from './harness.js';

describe('gwplan report', () => {
  let ws: Workspace;
  let page: string;
  beforeAll(async () => {
    ws = makeWorkspace();
    const report = await gwplan(ws.root, 'report', '--out', 'out');
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(report.stdout).toBe('wrote out/report.html (8 scenarios); open it in a browser, or print it on A4.\n');
    page = readFileSync(join(ws.root, 'out', 'report.html'), 'utf8');
  }, 120_000);
  afterAll(() => ws.cleanup());

  it('writes report.html and nothing else', () => {
    expect(readdirSync(join(ws.root, 'out'))).toEqual(['report.html']);
    expect(page).toMatch(/^<!DOCTYPE html>\n/);
  });

  it('writes the same bytes as run does, whatever the output directory', async () => {
    const run = await gwplan(ws.root, 'run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}outputs\/ report\.html$/m);
    expect(readFileSync(join(ws.root, 'outputs', 'report.html'), 'utf8')).toBe(page);
  });

  it('is not written by a run of some scenarios only', async () => {
    const only = makeWorkspace();
    try {
      expect((await gwplan(only.root, 'run', '--scenario', 'base', '--samples', '0', '--hourly', 'none')).code).toBe(0);
      expect(readdirSync(join(only.root, 'outputs'))).toEqual(['base']);
    } finally {
      only.cleanup();
    }
  });

  it('has help, and refuses options it does not take', async () => {
    const help = await gwplan(ws.root, 'report', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gwplan report \[--assumptions DIR\] \[--out DIR\]/);
    expect((await gwplan(ws.root, '--help')).stdout).toMatch(/^ {2}report +one self-contained HTML page/m);
    const bad = await gwplan(ws.root, 'report', '--scenario', 'base');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--scenario does not apply to this command/);
  });

  it('writes nothing on an input error', async () => {
    const broken = makeWorkspace();
    try {
      broken.edit('chips.yaml', 'value: 1000 W', 'value: 1000 kg');
      const run = await gwplan(broken.root, 'report');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^assumptions\/chips\.yaml:\d+:\d+ chips\.trainium3\.tdp: /m);
      expect(readdirSync(broken.root)).toEqual(['assumptions']);
    } finally {
      broken.cleanup();
    }
  });
});
