import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gwplan, makeWorkspace, snapshotTree, type Workspace } from './harness.js';

describe('gwplan uncertainty', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  const outputs = () => snapshotTree(join(ws.root, 'outputs'));

  it('writes percentiles, tornado, rank correlations and a manifest; the same seed gives the same bytes', async () => {
    const run = await gwplan(ws.root, 'uncertainty', '--scenario', 'base', '--samples', '400', '--seed', '5');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/base: 400 samples, seed 5, \d+ uncertain inputs, closed form per year \(exact\)/);
    const first = outputs();
    expect([...first.keys()].filter((f) => f.startsWith('base/uncertainty/')).sort()).toEqual([
      'base/uncertainty/manifest.json',
      'base/uncertainty/percentiles.csv',
      'base/uncertainty/rank_correlation.csv',
      'base/uncertainty/tornado.csv',
    ]);
    expect(first.get('base/uncertainty/percentiles.csv')!.split('\n')[0]).toBe('metric,unit,year,mean,p5,p10,p50,p90,p95');
    expect(first.get('base/uncertainty/tornado.csv')!.split('\n')[0]).toBe(
      'metric,unit,input,input_unit,input_low,input_high,output_at_low,output_at_high,swing',
    );
    expect(first.get('base/uncertainty/rank_correlation.csv')!.split('\n')[0]).toBe('metric,input,spearman');
    const manifest = JSON.parse(first.get('base/uncertainty/manifest.json')!);
    expect(manifest).toMatchObject({ scenario: 'base', samples: 400, seed: 5, invalid_samples: 0 });
    expect(manifest.standard_errors.find((r: { metric: string }) => r.metric === 'chips')).toBeDefined();

    rmSync(join(ws.root, 'outputs'), { recursive: true });
    expect((await gwplan(ws.root, 'uncertainty', '--scenario', 'base', '--samples', '400', '--seed', '5')).code).toBe(0);
    expect(outputs()).toEqual(first);
    expect((await gwplan(ws.root, 'uncertainty', '--scenario', 'base', '--samples', '400', '--seed', '6')).code).toBe(0);
    expect(outputs().get('base/uncertainty/percentiles.csv')).not.toEqual(first.get('base/uncertainty/percentiles.csv'));
  });

  it('writes every sample with --write-samples', async () => {
    expect((await gwplan(ws.root, 'uncertainty', '--scenario', 'base', '--samples', '50', '--write-samples')).code).toBe(0);
    const samples = outputs().get('base/uncertainty/samples.csv')!.trimEnd().split('\n');
    expect(samples).toHaveLength(51);
    expect(samples[0]).toMatch(/^sample,facility\.headroom \[1\],.*,chips\.trainium3\.tdp \[W\],.*,chips,/);
  });

  it('reproduces the deterministic run when every range is degenerate (low = value = high)', async () => {
    for (const file of readdirSync(join(ws.root, 'assumptions')).filter((f) => f.endsWith('.yaml'))) {
      ws.write(file, ws.read(file).replace(/^\s+(low|high|distribution): .*\n/gm, ''));
    }
    rmSync(join(ws.root, 'assumptions', 'uncertainty.yaml'), { force: true });
    rmSync(join(ws.root, 'assumptions', 'scenarios'), { recursive: true, force: true });
    ws.edit('facility.yaml', '    value: 1.25\n', '    value: 1.25\n    low: 1.25\n    high: 1.25\n');
    // The deterministic files come from run; uncertainty replaces only <scenario>/uncertainty/.
    expect((await gwplan(ws.root, 'run', '--samples', '0', '--hourly', 'none')).code).toBe(0);
    const before = outputs().get('base/summary.csv');
    const run = await gwplan(ws.root, 'uncertainty', '--samples', '64');
    expect(outputs().get('base/summary.csv')).toBe(before);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/1 uncertain inputs/);
    const summary = new Map(
      outputs()
        .get('base/summary.csv')!
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(0, 2) as [string, string]),
    );
    const percentiles = outputs().get('base/uncertainty/percentiles.csv')!.trimEnd().split('\n').slice(1);
    let compared = 0;
    for (const line of percentiles) {
      const [metric, , year, mean, p5, p10, p50, p90, p95] = line.split(',');
      if (year !== 'all') continue;
      for (const value of [mean, p5, p10, p50, p90, p95]) expect(value, metric).toBe(summary.get(metric!));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('refuses a bad --samples or --seed with exit 2', async () => {
    for (const args of [['--samples', 'many'], ['--samples', '0'], ['--seed', '1.5']]) {
      const run = await gwplan(ws.root, 'uncertainty', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is not a whole number from/);
    }
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const run = await gwplan(ws.root, 'uncertainty', '--scenario', 'base', '--samples', '100');
    expect(run.stderr).not.toMatch(/\[#/);
  });

  it('run writes the uncertainty outputs too, and compare/ranges.csv', async () => {
    expect((await gwplan(ws.root, 'run')).code).toBe(0);
    const files = outputs();
    expect(files.has('base/uncertainty/percentiles.csv')).toBe(true);
    expect(files.get('compare/ranges.csv')!.split('\n')[0]).toBe('scenario,metric,unit,p10,p50,p90,p50_delta,p50_delta_pct');
    expect((await gwplan(ws.root, 'check-outputs')).code).toBe(0);
    writeFileSync(join(ws.root, 'outputs', 'base', 'uncertainty', 'tornado.csv'), 'x\n');
    const stale = await gwplan(ws.root, 'check-outputs');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/tornado\.csv/);
    expect(readFileSync(join(ws.root, 'outputs', 'base', 'summary.csv'), 'utf8')).toMatch(/^metric,value,unit/);
  });
});
