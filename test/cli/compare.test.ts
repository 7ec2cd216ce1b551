/**
 * `gwplan compare` end to end, on private copies of the shipped assumptions
 * (base plus the shipped scenario overlays), and the compare/ directory that
 * `run` and `check-outputs` handle.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { gwplan, makeWorkspace, snapshotTree, type Workspace } from './harness.js';

const csv = (ws: Workspace, file: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(ws.root, 'outputs', 'compare', file), 'utf8'), { header: true, skipEmptyLines: true });

/** `file:line:col` of the first line of an assumption file containing `text`, at the column where `value` starts. */
function locate(ws: Workspace, file: string, text: string, value: string): string {
  const lines = ws.read(file).split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  return `${file}:${index + 1}:${lines[index]!.indexOf(value) + 1}`;
}

describe('gwplan compare', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('compares every scenario with base: six files (ranges.csv as the scenarios are sampled, hourly.csv as they have hourly results) and a headline table', async () => {
    const run = await gwplan(ws.root, 'compare');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(ws.root, 'outputs', 'compare')).sort()).toEqual(['annual.csv', 'assumptions.csv', 'attribution.csv', 'hourly.csv', 'ranges.csv', 'summary.csv']);
    const scenarios = readdirSync(join(ws.root, 'assumptions', 'scenarios')).map((f) => f.replace(/\.yaml$/, ''));
    expect(scenarios.length).toBeGreaterThanOrEqual(2);
    expect(csv(ws, 'summary.csv').meta.fields!.slice(0, 3)).toEqual(['metric', 'unit', 'base']);
    for (const name of scenarios) expect(run.stdout).toContain(name);
    expect(run.stdout).toMatch(/^metric\s+unit\s+base\s/m);
    expect(run.stdout).toMatch(/^facility_energy_mwh\s+MWh\s/m);
    expect(run.stdout).toMatch(/^binding_constraint\s/m);
    expect(run.stdout).toMatch(/summary\.csv/);
    for (const line of run.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(120);
    // Only compare/ is written: scenario directories are `run`'s.
    expect(readdirSync(join(ws.root, 'outputs'))).toEqual(['compare']);
  });

  it('names the one changed assumption, where the overlay set it, and gives it the whole delta', async () => {
    ws.write('scenarios/hot-chip.yaml', 'extends: base\nquestion: "What if Trainium3 draws 1.2 kW?"\n\nchips:\n  patch:\n    trainium3:\n      tdp: 1.2 kW\n');
    const run = await gwplan(ws.root, 'compare', 'hot-chip');
    expect(run.code).toBe(0);
    const summary = csv(ws, 'summary.csv');
    expect(summary.meta.fields).toEqual(['metric', 'unit', 'base', 'hot-chip', 'hot-chip_delta', 'hot-chip_delta_pct']);
    const chips = summary.data.find((r) => r.metric === 'chips')!;
    expect(Number(chips['hot-chip_delta'])).toBe(Number(chips['hot-chip']) - Number(chips.base));
    expect(Number(chips['hot-chip_delta'])).toBeLessThan(0);

    expect(csv(ws, 'assumptions.csv').data).toEqual([
      {
        assumption: 'chips.trainium3.tdp',
        unit: 'W',
        base: '1000',
        'hot-chip': '1200',
        base_set_at: locate(ws, 'chips.yaml', 'value: 1000 W', '1000 W'),
        'hot-chip_set_at': locate(ws, 'scenarios/hot-chip.yaml', 'tdp: 1.2 kW', '1.2 kW'),
      },
    ]);
    const attribution = csv(ws, 'attribution.csv').data;
    expect(new Set(attribution.map((r) => r.assumption))).toEqual(new Set(['chips.trainium3.tdp']));
    expect(attribution.find((r) => r.metric === 'chips')!.contribution).toBe(`${chips['hot-chip_delta']}.000`);
    expect(run.stdout).toMatch(/hot-chip: 1 changed assumption, split by exact Shapley values/);
  });

  it("keeps summary.csv's shape when scenarios pay different tranches: empty cells where one lacks a tranche or never reaches it", async () => {
    ws.write(
      'scenarios/fewer.yaml',
      [
        'extends: base',
        'question: "What if only the upfront tranche is paid, and a huge one added?"',
        '',
        'cost:',
        '  investment:',
        '    tranches:',
        '      - name: upfront',
        '        amount: {value: 15e9 USD, currency_year: 2026}',
        '        on: 2026-02-27',
        '      - name: huge',
        '        amount: 1e15 USD',
        '        on: 2030-01-01',
        '',
      ].join('\n'),
    );
    const run = await gwplan(ws.root, 'compare', 'fewer');
    expect(run.code).toBe(0);
    const text = readFileSync(join(ws.root, 'outputs', 'compare', 'summary.csv'), 'utf8');
    for (const line of text.trimEnd().split('\n')) expect(line.split(','), line).toHaveLength(6);
    const tranches = text.split('\n').filter((line) => line.startsWith('tranche_'));
    expect(tranches.map((line) => line.split(',')[0])).toEqual([
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
      'tranche_huge_capex_exceeds_year',
      'tranche_huge_share_of_full_buildout_capex',
    ]);
    expect(tranches[0]).toBe('tranche_upfront_capex_exceeds_year,year,2027,2027,0,0.0000');
    expect(tranches[2]).toBe('tranche_milestones_capex_exceeds_year,year,2029,,,');
    expect(tranches[4]).toBe('tranche_huge_capex_exceeds_year,year,,,,');
    expect(tranches[5]).toMatch(/^tranche_huge_share_of_full_buildout_capex,ratio,,\d+\.\d{6},,$/);
    expect(run.stdout).toMatch(/^tranche_milestones_capex_exceeds_year\s+year\s+2029\s+-\s+changed$/m);
    expect(run.stdout).toMatch(/^tranche_huge_capex_exceeds_year\s+year\s+-\s+never\s+changed$/m);
    // Tranche metrics are never attributed.
    expect(csv(ws, 'attribution.csv').data.some((r) => r.metric!.startsWith('tranche_'))).toBe(false);
  });

  it('compares against another baseline, and a scenario with itself gives zeros and no attribution', async () => {
    ws.write('scenarios/restated.yaml', 'extends: base\nquestion: "Base, restated"\n\nfacility:\n  design_pue: 1.25\n');
    const run = await gwplan(ws.root, 'compare', 'restated', '--baseline', 'base');
    expect(run.code).toBe(0);
    const summary = csv(ws, 'summary.csv').data;
    expect(summary.every((r) => Number(r.restated_delta) === 0 && Number(r.restated_delta_pct) === 0)).toBe(true);
    expect(csv(ws, 'attribution.csv').data).toEqual([]);
    expect(csv(ws, 'assumptions.csv').data).toEqual([]);
    expect(csv(ws, 'annual.csv').data.every((r) => Number(r.delta) === 0)).toBe(true);

    const other = await gwplan(ws.root, 'compare', 'liquid-cooled-inference', '--baseline', 'liquid-cooled');
    expect(other.code).toBe(0);
    expect(csv(ws, 'summary.csv').meta.fields!.slice(0, 4)).toEqual(['metric', 'unit', 'liquid-cooled', 'liquid-cooled-inference']);
    // Only what the child overlay changes, not its parent's PUE.
    expect(csv(ws, 'assumptions.csv').data.map((r) => r.assumption).sort()).toEqual(['utilisation.oversubscription_ratio', 'utilisation.power_ratio']);
  });

  it('attributes an added and a removed phase, falling back to sequential substitution with a warning when a mix exceeds the envelope', async () => {
    ws.write(
      'scenarios/swap.yaml',
      'extends: base\nquestion: "What if the last phase is a later one?"\n\nremove:\n  - phases.trn4-c\n\nphases:\n  add:\n    extra: {energised_on: 2030-01-01, poi: 500 MW, chip: trainium4, ramp: 6 months}\n',
    );
    const run = await gwplan(ws.root, 'compare', 'swap');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/gwplan compare: scenario "swap": baseline with only phases\.extra changed does not run \(envelope_exceeded\).*sequential substitution/);
    const attribution = csv(ws, 'attribution.csv').data;
    expect(new Set(attribution.map((r) => r.assumption))).toEqual(new Set(['phases.trn4-c', 'phases.extra']));
    const days = attribution.filter((r) => r.metric === 'full_buildout_date');
    expect(days.reduce((sum, r) => sum + Number(r.contribution), 0)).toBe(Number(csv(ws, 'summary.csv').data[0]!.swap_delta));
    expect(csv(ws, 'assumptions.csv').data.find((r) => r.assumption === 'phases.extra.poi')).toMatchObject({ base: '(absent)', swap: '500', base_set_at: '(absent)' });
  });

  it('exits 2 naming an unknown scenario or baseline, or when there is nothing to compare, and writes nothing', async () => {
    const before = snapshotTree(join(ws.root, 'outputs'));
    const unknown = await gwplan(ws.root, 'compare', 'liquid-coold');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no scenario named "liquid-coold"/);
    const baseline = await gwplan(ws.root, 'compare', '--baseline', 'nope');
    expect(baseline.code).toBe(2);
    expect(baseline.stderr).toMatch(/no baseline scenario named "nope"/);
    const alone = await gwplan(ws.root, 'compare', 'base');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/nothing to compare with "base"/);
    expect(snapshotTree(join(ws.root, 'outputs'))).toEqual(before);
  });

  it('exits 2 for a scenario name that would clash with a column or the compare directory', async () => {
    ws.write('scenarios/metric.yaml', 'extends: base\nquestion: "clash"\n\nfacility:\n  design_pue: 1.2\n');
    const clash = await gwplan(ws.root, 'compare', 'metric');
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/two columns named "metric"/);
  });

  it('is listed in the help, and other commands still refuse positional arguments', async () => {
    expect((await gwplan(ws.root, '--help')).stdout).toMatch(/compare\s+compare scenarios/);
    expect((await gwplan(ws.root, 'compare', '--help')).stdout).toMatch(/^Usage: gwplan compare \[SCENARIO\.\.\.\] \[--baseline NAME\]/);
    const run = await gwplan(ws.root, 'run', 'base');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unexpected argument "base"/);
    expect((await gwplan(ws.root, 'run', '--baseline', 'base')).code).toBe(2);
  });
});

describe('compare/ in run and check-outputs', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('run writes compare/ with every scenario against base, and check-outputs checks it', async () => {
    const run = await gwplan(ws.root, 'run');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/outputs\/compare\/ .*attribution\.csv/);
    const viaRun = snapshotTree(join(ws.root, 'outputs', 'compare'));
    expect([...viaRun.keys()].sort()).toEqual(['annual.csv', 'assumptions.csv', 'attribution.csv', 'hourly.csv', 'ranges.csv', 'summary.csv']);
    // The same bytes as `gwplan compare` with its defaults.
    expect((await gwplan(ws.root, 'compare')).code).toBe(0);
    expect(snapshotTree(join(ws.root, 'outputs', 'compare'))).toEqual(viaRun);

    expect((await gwplan(ws.root, 'check-outputs')).code).toBe(0);
    const file = join(ws.root, 'outputs', 'compare', 'summary.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chips,', 'chips_x,'));
    const stale = await gwplan(ws.root, 'check-outputs');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/outputs\/compare:\n\s+changed: summary\.csv/);
  });

  it('run with --scenario leaves compare/ alone', async () => {
    expect((await gwplan(ws.root, 'run', '--scenario', 'base', '--scenario', 'liquid-cooled')).code).toBe(0);
    expect(existsSync(join(ws.root, 'outputs', 'compare'))).toBe(false);
  });
});
