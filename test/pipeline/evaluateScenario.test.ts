import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatIssue, type AssumptionRecord } from '../../src/loader/types.js';
import { evaluateScenario, evaluateScenarioLean, locateModelIssue } from '../../src/pipeline/evaluateScenario.js';
import { renderScenarioOutputs } from '../../src/writers/scenarioOutputs.js';
import { inCopy, yaml } from '../loader/fixture.js';

const at = (line: number) => ({ file: 'assumptions/phases.csv', line, column: 20 });
const record = (path: string, value: number, written: string, where: AssumptionRecord['at']): AssumptionRecord =>
  ({ path, value, unit: 'MW', written, at: where, setBy: [where] });
const RECORDS: AssumptionRecord[] = [
  record('envelope.power', 2000, '2 GW', { file: 'assumptions/envelope.yaml', line: 10, column: 12 }),
  record('phases.a.poi', 250, '250 MW', at(2)),
  record('phases.b.poi', 900, '900 MW', at(3)),
];

describe('locateModelIssue', () => {
  it("points at the first named phase's poi cell", () => {
    const issue = locateModelIssue({ severity: 'error', code: 'envelope_exceeded', phases: ['b', 'a'], message: 'too much' }, RECORDS);
    expect(issue).toEqual({ severity: 'error', code: 'envelope_exceeded', at: at(3), path: 'phases.b.poi', message: 'too much' });
  });

  it('points at the envelope when no phase is named', () => {
    const issue = locateModelIssue({ severity: 'warning', code: 'x', phases: [], message: 'm' }, RECORDS);
    expect(issue.at.file).toBe('assumptions/envelope.yaml');
    expect(issue.path).toBe('envelope.power');
  });
});

describe('evaluateScenario', () => {
  const HEADER = ['extends: base', 'question: "What if it were liquid-cooled?"'];
  const overlays = {
    'scenarios/liquid.yaml': yaml(...HEADER, 'facility:', '  design_pue: 1.15', '  annual_pue: 1.08'),
    'scenarios/liquid-inference.yaml': yaml('extends: liquid', 'question: "And served inference?"', 'utilisation:', '  power_ratio: 0.55', 'facility:', '  annual_pue: 1.06'),
    'scenarios/small.yaml': yaml(...HEADER, 'envelope:', '  power: 1 GW'),
  };
  const evaluate = (scenario: string) => inCopy(overlays, (dir) => evaluateScenario(dir, 'assumptions', scenario), { baseOnly: true });

  it('evaluates a scenario by name, with its chain, and the model sees the merged inputs', () => {
    const [base, liquid] = [evaluate('base'), evaluate('liquid-inference')];
    if (!base.ok || !liquid.ok) throw new Error('does not evaluate');
    expect(liquid.scenario.chain).toEqual(['base', 'liquid', 'liquid-inference']);
    expect(liquid.scenario.inputs.facility).toMatchObject({ designPue: 1.15, annualPue: Array(10).fill(1.06) });
    // A lower design PUE leaves more critical IT for the same POI.
    expect(liquid.result.fleet[0]!.criticalItMw).toBeGreaterThan(base.result.fleet[0]!.criticalItMw);
  });

  it('writes the chain of places that set each value into manifest.json', () => {
    const evaluation = evaluate('liquid-inference');
    if (!evaluation.ok) throw new Error('does not evaluate');
    const manifest = JSON.parse(renderScenarioOutputs(evaluation.scenario, evaluation.result, { version: 'test', warnings: [] }).get('manifest.json')!);
    expect([manifest.scenario, manifest.question, manifest.chain]).toEqual(['liquid-inference', 'And served inference?', ['base', 'liquid', 'liquid-inference']]);
    const byPath = new Map(manifest.assumptions.map((a: { path: string }) => [a.path, a]));
    expect(byPath.get('facility.annual_pue')).toMatchObject({
      value: 1.06,
      set_at: 'scenarios/liquid-inference.yaml:6:15',
      set_by: ['facility.yaml:22:12', 'scenarios/liquid.yaml:5:15', 'scenarios/liquid-inference.yaml:6:15'],
    });
    expect(byPath.get('facility.design_pue')).toMatchObject({ set_by: ['facility.yaml:15:12', 'scenarios/liquid.yaml:4:15'] });
    expect(byPath.get('facility.headroom')).toMatchObject({ set_by: ['facility.yaml:8:12'] });
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toContain('scenarios/liquid.yaml');
  });

  it('says which scenario a model finding belongs to when it is located in an inherited file', () => {
    const evaluation = evaluate('small');
    expect(evaluation.ok).toBe(false);
    const errors = evaluation.ok ? [] : evaluation.errors.map(formatIssue);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^assumptions\/phases\.csv:\d+:\d+ phases\.[\w-]+\.poi: .* \(in scenario "small"\)$/);
  });

  it('evaluates the shipped assumptions without errors', () => {
    const evaluation = evaluateScenario(join(import.meta.dirname, '..', '..', 'assumptions'), 'assumptions');
    expect(evaluation.ok).toBe(true);
    if (evaluation.ok) {
      expect(evaluation.scenario.name).toBe('base');
      expect(evaluation.result.annual).toHaveLength(10);
    }
  });

  it('evaluateScenarioLean finds what evaluateScenario finds, and the same results without the hourly series', () => {
    for (const scenario of ['base', 'liquid-inference', 'small']) {
      const [full, lean] = inCopy(overlays, (dir) => [evaluateScenario(dir, 'assumptions', scenario), evaluateScenarioLean(dir, 'assumptions', scenario)] as const, { baseOnly: true });
      expect(lean.ok, scenario).toBe(full.ok);
      expect(lean.warnings, scenario).toEqual(full.warnings);
      if (!full.ok || !lean.ok) {
        expect(!lean.ok && lean.errors, scenario).toEqual(!full.ok && full.errors);
        continue;
      }
      expect('hourly' in lean.result).toBe(false);
      // Equal to rounding (the closed form sums per year, the hourly model per hour).
      expect(lean.result.summary.map((r) => r.metric), scenario).toEqual(full.result.summary.map((r) => r.metric));
      lean.result.summary.forEach((row, i) => {
        const other = full.result.summary[i]!.value;
        if (typeof row.value === 'number' && typeof other === 'number') expect(Math.abs(row.value - other), row.metric).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(other)));
        else expect(row.value, row.metric).toBe(other);
      });
    }
  });
});
