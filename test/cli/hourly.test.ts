import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gwplan, makeWorkspace, snapshotTree, type Workspace } from './harness.js';

describe('gwplan hourly', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  const outputs = () => snapshotTree(join(ws.root, 'outputs'));

  it('writes the heuristic portfolios of every target, the same bytes as run, and only the hourly/ part', async () => {
    expect((await gwplan(ws.root, 'run', '--scenario', 'base', '--samples', '0')).code).toBe(0);
    const afterRun = outputs();
    expect([...afterRun.keys()].filter((f) => f.startsWith('base/hourly/')).sort()).toEqual([
      'base/hourly/annual_vs_hourly.csv',
      'base/hourly/cfe_portfolios.csv',
      'base/hourly/manifest.json',
      'base/hourly/profile_stats.csv',
    ]);
    const hourly = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'heuristic');
    expect(hourly.stderr).toBe('');
    expect(hourly.code).toBe(0);
    expect(hourly.stdout).toMatch(/base, 2030: annual matching [\d,]+ MW clean, hourly CFE \d+\.\d%/);
    expect(outputs()).toEqual(afterRun);

    const portfolios = afterRun.get('base/hourly/cfe_portfolios.csv')!.trimEnd().split('\n');
    expect(portfolios[0]).toBe(
      'year,target,method,solar_mw,onshore_wind_mw,offshore_wind_mw,clean_firm_mw,battery_mw,battery_mwh,overbuild_ratio,cfe_score,excess_mwh,grid_import_mwh,cost_usd_per_mwh,premium_vs_annual_pct',
    );
    const rows = portfolios.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[1])).toEqual(['0.800000', '0.900000', '0.950000', '0.980000', '0.990000']);
    for (const r of rows) {
      expect(Number(r[10])).toBeGreaterThanOrEqual(Number(r[1]) - 1e-6); // each target met
      expect(Number(r[5])).toBe(0); // no offshore wind at the Indiana site
    }
    // Dearer the higher the target.
    const costs = rows.map((r) => Number(r[13]));
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);

    const annual = afterRun.get('base/hourly/annual_vs_hourly.csv')!.trimEnd().split('\n');
    expect(annual[1]).toMatch(/^2030,annual_matching,1\.000000,certificates,/);
    expect(annual.slice(2).map((line) => line.split(',')[1])).toEqual(['hourly_cfe_80', 'hourly_cfe_90', 'hourly_cfe_95', 'hourly_cfe_98', 'hourly_cfe_99']);
    const manifest = JSON.parse(afterRun.get('base/hourly/manifest.json')!);
    expect(manifest).toMatchObject({ scenario: 'base', year: 2030, year_basis: 'first full build-out year', methods: ['heuristic'], currency_year: 2025, lp: null });
  });

  it('takes --year, --targets and --write-dispatch; the dispatch balances every hour', async () => {
    const run = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'heuristic', '--year', '2032', '--targets', '0.9', '--write-dispatch');
    expect(run.code).toBe(0);
    const files = outputs();
    const dispatch = files.get('base/hourly/dispatch.csv')!.trimEnd().split('\n');
    expect(dispatch[0]).toBe('target,method,hour,load_mw,generation_mw,charge_mw,discharge_mw,state_of_charge_mwh,grid_import_mw,excess_mw');
    expect(dispatch.length - 1).toBe(8784); // 2032 is a leap year
    for (const line of dispatch.slice(1)) {
      const [, , , load, generation, charge, discharge, , grid, excess] = line.split(',').map(Number);
      expect(Math.abs(generation! + discharge! - charge! + grid! - excess! - load!)).toBeLessThan(0.01); // 3-decimal rounding
    }
    expect(JSON.parse(files.get('base/hourly/manifest.json')!)).toMatchObject({ year: 2032, year_basis: 'option --year', targets: [0.9] });
    // Only hourly/ was written: no deterministic files appeared.
    expect(files.has('base/summary.csv')).toBe(false);
  });

  it('exports the LP in CPLEX LP format', async () => {
    const run = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'heuristic', '--targets', '0.9', '--export-lp', 'base.lp');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/wrote the LP of year 2030, target 0.9 \(CPLEX LP format\) to base\.lp/);
    const lp = readFileSync(join(ws.root, 'base.lp'), 'utf8');
    expect(lp).toMatch(/^\\\\?.*\n?/);
    expect(lp.toLowerCase()).toMatch(/minimi[sz]e/);
    expect(lp.toLowerCase()).toMatch(/subject to/);
    expect(lp.trimEnd().toLowerCase().endsWith('end')).toBe(true);
  });

  it('refuses bad options and out-of-horizon years with exit 2 and says what to do', async () => {
    const cases: [string[], RegExp][] = [
      [['--targets', '0.9,0.8'], /--targets "0.9,0.8" is not a list of shares above 0 and at most 1, ascending; for example/],
      [['--targets', '1.2'], /is not a list of shares/],
      [['--method', 'milp'], /--method "milp" is not one of lp, heuristic, both/],
      [['--year', 'soon'], /--year "soon" is not a whole number/],
      [['--export-lp', 'x.lp'], /--export-lp writes one LP; choose one scenario with --scenario NAME/],
      [['--samples', '5'], /--samples does not apply to this command/],
    ];
    for (const [args, message] of cases) {
      const run = await gwplan(ws.root, 'hourly', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    const late = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'heuristic', '--year', '2050');
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/assumptions\/cfe\.yaml:\d+:\d+ cfe\.year: hourly year 2050 is outside the horizon 2026-20\d\d; choose a year within it/);
    ws.edit('phases.csv', 'trn3-a,2026-10-01', 'trn3-a,2027-03-01');
    const early = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'heuristic', '--year', '2026');
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/no phase is energised in 2026, so there is no load to match; choose a later year/);
    expect(existsSync(join(ws.root, 'outputs'))).toBe(false);
  });

  it('names the limit when a target cannot be met (no storage, no clean firm, 100%)', async () => {
    ws.edit('cfe.yaml', '  # max_capacity:\n  #   clean_firm: 500 MW', '  max_capacity:\n    clean_firm: 0 MW');
    const run = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'heuristic', '--targets', '0.9,1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/100\.0% heuristic\s+not met: target 100\.0% is not reachable/);
    const manifest = JSON.parse(outputs().get('base/hourly/manifest.json')!);
    expect(manifest.unmet_targets).toHaveLength(1);
    expect(manifest.unmet_targets[0]).toMatchObject({ target: 1, method: 'heuristic' });
  });

  it('solves the LP (HiGHS) beside the heuristic: both rows, its CFE score, the LP size, and the heuristic within 1% of the optimum', async () => {
    const run = await gwplan(ws.root, 'hourly', '--scenario', 'base', '--method', 'both', '--targets', '0.9');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/base: LP [\d,]+ rows x [\d,]+ columns, [\d,]+ non-zeros; 1 targets in/);
    const files = outputs();
    const rows = files.get('base/hourly/cfe_portfolios.csv')!.trimEnd().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[2])).toEqual(['lp', 'heuristic']);
    const [lp, heuristic] = rows as [string[], string[]];
    expect(Number(lp[10])).toBeCloseTo(0.9, 6); // the target binds at the optimum
    expect(Number(heuristic[13])).toBeGreaterThanOrEqual(Number(lp[13]) - 0.01); // the LP is the cheapest
    const manifest = JSON.parse(files.get('base/hourly/manifest.json')!);
    expect(manifest.methods).toEqual(['heuristic', 'lp']);
    expect(manifest.lp).toMatchObject({ rows: 43801, columns: 43806, solver: expect.stringMatching(/HiGHS/) });
    expect(manifest.heuristic_gap_to_lp_pct[0].gap_pct).toBeLessThan(1);
    // annual_vs_hourly.csv shows the LP's portfolio where the LP ran.
    expect(files.get('base/hourly/annual_vs_hourly.csv')!).toMatch(/\n2030,hourly_cfe_90,0\.900000,lp,/);
  }, 300_000);
});
