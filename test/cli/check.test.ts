/**
 * `gwplan check` through the CLI on a private copy: golden regression of the
 * committed outputs against a fresh in-memory run, within tolerances.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gwplan, makeWorkspace, type Workspace } from './harness.js';

/** The breach table's data lines (header and summary lines excluded). */
function breachLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => /^\S+\s+\S+\.csv\s/.test(line));
}

describe('gwplan check', () => {
  let ws: Workspace;
  const committed = (file: string) => join(ws.root, 'outputs', 'base', file);
  beforeEach(async () => {
    ws = makeWorkspace();
    expect((await gwplan(ws.root, 'run')).code).toBe(0);
  });
  afterEach(() => ws.cleanup());

  it('passes right after a run, counting the values compared', async () => {
    const check = await gwplan(ws.root, 'check');
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^\d{3,} values within tolerance \(outputs: .*base.*\)\.\n$/);
  });

  it('fails when an assumption changed without regenerating, listing every breach in one table', async () => {
    ws.edit('facility.yaml', 'value: 1.14', 'value: 1.20'); // annual PUE: energy moves, sizing does not
    const check = await gwplan(ws.root, 'check');
    expect(check.code).toBe(1);
    const header = check.stderr.split('\n')[0]!;
    expect(header).toMatch(/^scenario\s+file\s+row\s+metric\s+committed\s+recomputed\s+delta\s+delta %\s+tolerance$/);
    const lines = breachLines(check.stderr).filter((line) => line.startsWith('base '));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((l) => /^base\s+annual\.csv\s+2030\s+facility_energy_mwh\s+\d+\.\d{3}\s+\d+\.\d{3}\s+\+\d+\.\d{3}\s+\+5\.\d\d%\s+±/.test(l))).toBe(true);
    expect(lines.some((l) => /^base\s+summary\.csv\s+-\s+facility_energy_mwh\s/.test(l))).toBe(true);
    expect(lines.some((l) => /^base\s+procurement\.csv\s+2030\/solar\s+nameplate_mw\s/.test(l))).toBe(true);
    expect(lines.some((l) => /\sfleet\.csv\s/.test(l))).toBe(false); // annual PUE does not change sizing
    // Columns line up: every data line is as long as the header or shorter (trailing spaces trimmed).
    const deltaColumn = header.indexOf('delta %');
    expect(lines.every((l) => l.length >= deltaColumn)).toBe(true);
    expect(check.stderr).toMatch(new RegExp(`\\n${lines.length >= 1 ? '\\d+' : ''} breaches of check-tolerances\\.yaml in outputs \\(.*\\); \\d+ values within tolerance\\.\\n`));
    expect(check.stderr).toMatch(/npm start/);
  });

  it('passes the same kind of change when the tolerance is wide enough', async () => {
    ws.edit('facility.yaml', 'value: 1.14', 'value: 1.141');
    expect((await gwplan(ws.root, 'check')).code).toBe(1);
    ws.write('check-tolerances.yaml', 'default:\n  relative: "0.5%"\n');
    const check = await gwplan(ws.root, 'check');
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/values within tolerance/);
  });

  it('reports changes of shape: missing file, missing and extra rows and columns, a file no longer written', async () => {
    rmSync(committed('procurement.csv'));
    const annual = readFileSync(committed('annual.csv'), 'utf8').split('\n');
    annual[0] = annual[0]!.replace('water_m3', 'water_litres');
    writeFileSync(committed('annual.csv'), annual.filter((line) => !line.startsWith('2031,')).join('\n'));
    writeFileSync(committed('summary.csv'), `${readFileSync(committed('summary.csv'), 'utf8')}retired_metric,1.000,MW\n`);
    writeFileSync(committed('old.csv'), 'a,b\n1,2\n');
    const check = await gwplan(ws.root, 'check');
    expect(check.code).toBe(1);
    const lines = breachLines(check.stderr);
    const has = (pattern: RegExp) => expect(lines.some((l) => pattern.test(l)), `${pattern} in\n${check.stderr}`).toBe(true);
    has(/^base\s+annual\.csv\s+-\s+water_m3\s+absent\s+present\s+-\s+-\s+shape$/);
    has(/^base\s+annual\.csv\s+-\s+water_litres\s+present\s+absent\s/);
    has(/^base\s+annual\.csv\s+2031\s+-\s+absent\s+present\s/);
    has(/^base\s+procurement\.csv\s+-\s+-\s+absent\s+present\s/);
    has(/^base\s+summary\.csv\s+-\s+retired_metric\s+present\s+absent\s/);
    has(/^base\s+old\.csv\s+-\s+-\s+present\s+absent\s/);
    expect(lines).toHaveLength(6);
  });

  it("checks the tranche rows of summary.csv by name, within a tolerance given for a tranche metric", async () => {
    const summary = readFileSync(committed('summary.csv'), 'utf8');
    expect(summary).toMatch(/\ntranche_upfront_capex_exceeds_year,2027,year\ntranche_upfront_share_of_full_buildout_capex,0\.238968,ratio\n/);
    // Upfront a year earlier, and milestones "never": two breaches, named by metric.
    writeFileSync(committed('summary.csv'), summary.replace('tranche_upfront_capex_exceeds_year,2027,', 'tranche_upfront_capex_exceeds_year,2026,').replace('tranche_milestones_capex_exceeds_year,2029,', 'tranche_milestones_capex_exceeds_year,,'));
    const check = await gwplan(ws.root, 'check');
    expect(check.code).toBe(1);
    const lines = breachLines(check.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^base\s+summary\.csv\s+-\s+tranche_upfront_capex_exceeds_year\s+2026\s+2027\s+\+1\s/);
    expect(lines[1]).toMatch(/^base\s+summary\.csv\s+-\s+tranche_milestones_capex_exceeds_year\s+""\s+2029\s+-\s+-\s+exact$/);
    // A tolerance of a year for that tranche's year lets the first pass; the "never" still breaches.
    ws.write('check-tolerances.yaml', 'overrides:\n  summary.csv/tranche_upfront_capex_exceeds_year:\n    absolute: 1\n');
    const tolerant = await gwplan(ws.root, 'check');
    expect(tolerant.code).toBe(1);
    expect(breachLines(tolerant.stderr)).toHaveLength(1);
    expect(breachLines(tolerant.stderr)[0]).toMatch(/tranche_milestones_capex_exceeds_year/);
  });

  it('exits 2 on a bad tolerances file, naming file:line:column', async () => {
    ws.write('check-tolerances.yaml', 'default:\n  relative: lots\noverrides:\n  water_m4:\n    absolute: 1\n');
    const check = await gwplan(ws.root, 'check');
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/^assumptions\/check-tolerances\.yaml:2:13 default\.relative: "lots" is not a tolerance/m);
    expect(check.stderr).toMatch(/^assumptions\/check-tolerances\.yaml:4:3 overrides\.water_m4: unknown name "water_m4"; did you mean "water_m3"\?/m);
    expect(check.stderr).toMatch(/2 errors in assumptions\/check-tolerances\.yaml; nothing was checked/);
    expect(check.stdout).toBe('');
  });

  it('exits 2 on invalid assumptions, with the located errors', async () => {
    ws.edit('chips.yaml', 'value: 1000 W', 'value: 1000 kg');
    const check = await gwplan(ws.root, 'check');
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/^assumptions\/chips\.yaml:46:\d+ chips\.trainium3\.tdp: /m);
  });

  it('uses the built-in tolerances when the file is absent', async () => {
    rmSync(join(ws.root, 'assumptions', 'check-tolerances.yaml'));
    expect((await gwplan(ws.root, 'check')).code).toBe(0);
  });

  it('explains how it differs from check-outputs in its help', async () => {
    const help = await gwplan(ws.root, 'check', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gwplan check \[--assumptions DIR\] \[--out DIR\]/);
    expect(help.stdout).toMatch(/check-outputs/);
    expect((await gwplan(ws.root, '--help')).stdout).toMatch(/\n {2}check {2,}.*\n {2}watch {2,}/);
  });
});
