/**
 * `gwplan explain METRIC`: the number it recomputes is the number the outputs hold, every
 * assumption it uses is located, and an explanation that disagrees with the model fails.
 *
 * The command is called through explainCommand with the options main.ts parses; once
 * main.ts registers `explain` (positional METRIC, --assumptions, --scenario, --year), these
 * calls can go through gwplan(cwd, 'explain', ...) unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { explainCommand } from '../../src/cli/commands/explain.js';
import type { CommandOptions } from '../../src/cli/main.js';
import { EXPLAINABLE_METRICS } from '../../src/explain/explainMetric.js';
import { gwplan, makeWorkspace, type CliRun, type Workspace } from './harness.js';

/** Tampers with one summary value of the evaluated result when set: the model and its explanation then disagree. */
const tamper = vi.hoisted(() => ({ chips: undefined as number | undefined }));
vi.mock('../../src/cli/evaluateSelected.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/cli/evaluateSelected.js')>();
  return {
    ...original,
    evaluateSelected: (...args: Parameters<typeof original.evaluateSelected>) => {
      const evaluated = original.evaluateSelected(...args);
      if (typeof evaluated === 'number' || tamper.chips === undefined) return evaluated;
      return evaluated.map((run) => ({
        ...run,
        result: { ...run.result, summary: run.result.summary.map((row) => (row.metric === 'chips' ? { ...row, value: tamper.chips! } : row)) },
      }));
    },
  };
});

/** `gwplan explain ARGS...` in `cwd`, options parsed as main.ts parses them. */
function explain(cwd: string, ...argv: string[]): CliRun {
  const options: CommandOptions = { assumptions: 'assumptions', out: 'outputs', scenarios: [], names: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--scenario') options.scenarios.push(argv[++i]!);
    else if (arg === '--year') options.year = Number(argv[++i]);
    else if (arg === '--assumptions') options.assumptions = argv[++i]!;
    else options.names!.push(arg);
  }
  let stdout = '';
  let stderr = '';
  const code = explainCommand(options, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false });
  return { code, stdout, stderr };
}

/** A CSV as rows of header → cell. */
function csv(path: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [names[i]!, cell])));
}

/** The `Result: metric = value unit` line's value. */
function printed(run: CliRun, metric: string): string {
  const match = new RegExp(`^Result: ${metric}(?: \\(\\d{4}\\))? = (\\S+) `, 'm').exec(run.stdout);
  if (!match) throw new Error(`no result line for ${metric} in:\n${run.stdout}\n${run.stderr}`);
  return match[1]!;
}

/** Line (1-based) of the first occurrence of `text` in an assumption file of the workspace. */
function lineOf(ws: Workspace, file: string, text: string): number {
  const index = ws.read(file).split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${file} has no "${text}"`);
  return index + 1;
}

describe('gwplan explain', () => {
  let ws: Workspace;
  const summary = new Map<string, Map<string, string>>();
  beforeAll(async () => {
    ws = makeWorkspace();
    const run = await gwplan(ws.root, 'run', '--scenario', 'base', '--scenario', 'liquid-cooled-inference', '--samples', '0', '--hourly', 'none');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const scenario of ['base', 'liquid-cooled-inference']) {
      summary.set(scenario, new Map(csv(join(ws.root, 'outputs', scenario, 'summary.csv')).map((row) => [row.metric!, row.value!])));
    }
  }, 120_000);
  afterAll(() => ws.cleanup());

  it('explains chips step by step and prints the value summary.csv holds', () => {
    const run = explain(ws.root, 'chips');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(printed(run, 'chips')).toBe(summary.get('base')!.get('chips'));
    // The model's named functions, and every step of the sizing.
    for (const name of ['envelopeLimitMw', 'poiEquivalentMw', 'auxiliaryShareMw', 'criticalItMw', 'allInWPerChip', 'packagingUnitsThatFit', 'chipsThatFit', 'headlineVintages']) {
      expect(run.stdout).toContain(name);
    }
    expect(run.stdout).toContain('L_env = E x (1 - h) = 2,000 MW x (1 - 0.05) = 1,900 MW');
    expect(run.stdout).toContain('P_IT = (POI x (1 - h) - aux_k) / design PUE = (250 x (1 - 0.05) - 1.25) / 1.25 = 189 MW');
    expect(run.stdout).toContain('TDP x server_factor x it_factor = 1,000 W [chips.trainium3.tdp] x 1.53 [chips.trainium3.server_factor] x 1.14 [chips.trainium3.it_factor] = 1,744.2 W');
    expect(run.stdout).toContain('floor(1 x 189 x 1e6 / (1,744.2 x 144)) = floor(752.493980048) = 752');
    expect(run.stdout).toMatch(/^Checked: equal to the model's result, summary\.csv chips = 649872 chips\.$/m);
  });

  it('locates every assumption it uses at the file:line:column that set it, with its source and confidence', () => {
    const run = explain(ws.root, 'chips');
    const tdpLine = lineOf(ws, 'chips.yaml', 'value: 1000 W');
    expect(run.stdout).toContain(`  chips.trainium3.tdp = 1000 W, range 900 to 1,400 W\n      confidence: rough; source: "inferred from a 2024 AWS executive remark`);
    expect(run.stdout).toContain(`set at assumptions/chips.yaml:${tdpLine}:14\n`);
    expect(run.stdout).toContain(`set at assumptions/facility.yaml:${lineOf(ws, 'facility.yaml', 'value: 0.05')}:12\n`);
    expect(run.stdout).toMatch(/ {2}phases\.trn3-a\.poi = 250 MW\n {6}confidence: placeholder; source: "placeholder schedule: .*"\n {6}set at assumptions\/phases\.csv:2:\d+\n/);
    // Every [path] a step cites is listed with where it was set.
    const cited = new Set([...run.stdout.matchAll(/\[([a-z0-9_.[\]-]+)\]/g)].map((m) => m[1]!).filter((p) => !p.startsWith('path')));
    for (const path of cited) expect(run.stdout, path).toMatch(new RegExp(`^ {2}${path.replace(/[.[\]]/g, '\\$&')} = .*\\n.*\\n {6}set at assumptions/`, 'm'));
  });

  it('explains critical IT and peak FP8 compute as summary.csv has them', () => {
    for (const metric of ['critical_it_mw', 'peak_fp8_pflops']) {
      const run = explain(ws.root, metric);
      expect(run.code, run.stderr).toBe(0);
      expect(printed(run, metric)).toBe(summary.get('base')!.get(metric));
    }
    expect(explain(ws.root, 'peak_fp8_pflops').stdout).toContain('chips x TFLOP/s / 1000 = 108,288 x 2,517 [chips.trainium3.peak_fp8] / 1000');
  });

  it('explains facility energy of the first full year by default, and of any year with --year', () => {
    const first = explain(ws.root, 'facility_energy_mwh');
    expect(first.code, first.stderr).toBe(0);
    expect(printed(first, 'facility_energy_mwh')).toBe(summary.get('base')!.get('facility_energy_mwh'));
    expect(first.stdout).toMatch(/^facility_energy_mwh in 2030: .* \(the first full year\)$/m);
    for (const step of ['draw = min(chips x all-in W x u / 1e6, P_IT)', 'energised hours', 'facility energy = IT x annual PUE + auxiliary', '[facility.annual_pue]', '[utilisation.power_ratio]']) {
      expect(first.stdout).toContain(step);
    }
    const annual = csv(join(ws.root, 'outputs', 'base', 'annual.csv'));
    for (const year of ['2027', '2029', '2033']) {
      const run = explain(ws.root, 'facility_energy_mwh', '--year', year);
      expect(run.code, run.stderr).toBe(0);
      expect(printed(run, 'facility_energy_mwh')).toBe(annual.find((row) => row.year === year)!.facility_energy_mwh);
      expect(run.stdout).toContain(`Checked: equal to the model's result, annual.csv facility_energy_mwh, ${year}`);
    }
    // A ramp inside the year is split into ramp hours and full hours.
    expect(explain(ws.root, 'facility_energy_mwh', '--year', '2029').stdout).toContain('4,383 ramp hours at (t + 0.5 - start) / ramp each, 2,191.5 in all, + 33 full hours = 2,224.5 h of 8,760');
  });

  it('explains the clean nameplate to contract, by technology and year', () => {
    const first = explain(ws.root, 'clean_nameplate_solar_mw');
    expect(first.code, first.stderr).toBe(0);
    expect(printed(first, 'clean_nameplate_solar_mw')).toBe(summary.get('base')!.get('clean_nameplate_solar_mw'));
    expect(first.stdout).toContain('[procurement.capacity_factor.solar]');
    const procurement = csv(join(ws.root, 'outputs', 'base', 'procurement.csv'));
    const run = explain(ws.root, 'clean_nameplate_onshore_wind_mw', '--year', '2031');
    expect(run.code, run.stderr).toBe(0);
    expect(printed(run, 'clean_nameplate_onshore_wind_mw')).toBe(procurement.find((row) => row.year === '2031' && row.technology === 'onshore_wind')!.nameplate_mw);
    expect(printed(explain(ws.root, 'clean_nameplate_total_mw'), 'clean_nameplate_total_mw')).toBe(summary.get('base')!.get('clean_nameplate_total_mw'));
  });

  it('explains a scenario, naming the overlay that set a value and what it overrode', () => {
    const run = explain(ws.root, 'facility_energy_mwh', '--scenario', 'liquid-cooled-inference');
    expect(run.code, run.stderr).toBe(0);
    expect(printed(run, 'facility_energy_mwh')).toBe(summary.get('liquid-cooled-inference')!.get('facility_energy_mwh'));
    const overlay = lineOf(ws, 'scenarios/liquid-cooled.yaml', 'value: 1.08');
    const base = lineOf(ws, 'facility.yaml', 'value: 1.14');
    expect(run.stdout).toContain(`set at assumptions/scenarios/liquid-cooled.yaml:${overlay}:12 (overriding assumptions/facility.yaml:${base}:12)`);
    expect(run.stdout).toMatch(/^facility_energy_mwh in \d{4}: .*, scenario liquid-cooled-inference/m);
  });

  it('lists the metrics it explains for an unknown one, and says what to do', () => {
    const run = explain(ws.root, 'chip');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('gwplan explain: cannot explain "chip"; did you mean "chips"?');
    expect(run.stderr).toContain(`Metrics: ${EXPLAINABLE_METRICS.join(', ')}`);
    expect(run.stderr).toContain('for example: gwplan explain chips');
    const none = explain(ws.root);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('name the metric to explain: gwplan explain METRIC [--scenario NAME] [--year Y]');
  });

  it('refuses a year for a metric without one, a year outside the horizon and an unknown scenario', () => {
    const year = explain(ws.root, 'chips', '--year', '2030');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('chips is the fleet at full build-out, which has no year; leave out --year');
    const outside = explain(ws.root, 'facility_energy_mwh', '--year', '2040');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('--year 2040 is outside the horizon 2026-2035 of scenario base');
    const scenario = explain(ws.root, 'chips', '--scenario', 'nope');
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('no scenario named "nope"');
  });

  it('fails as an internal fault when its number differs from the model\'s result', () => {
    tamper.chips = 649_873;
    try {
      const run = explain(ws.root, 'chips');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        "gwplan explain: internal fault: the explanation recomputes chips = 649872 chips, but the model's result (summary.csv chips) is 649873 chips.",
      );
      expect(run.stdout).not.toContain('Result:');
    } finally {
      tamper.chips = undefined;
    }
  });
});
