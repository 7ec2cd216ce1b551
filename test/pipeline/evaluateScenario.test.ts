import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { AssumptionRecord } from '../../src/loader/types.js';
import { evaluateScenario, locateModelIssue } from '../../src/pipeline/evaluateScenario.js';

const at = (line: number) => ({ file: 'assumptions/phases.csv', line, column: 20 });
const RECORDS: AssumptionRecord[] = [
  { path: 'envelope.power', value: 2000, unit: 'MW', written: '2 GW', at: { file: 'assumptions/envelope.yaml', line: 10, column: 12 } },
  { path: 'phases.a.poi', value: 250, unit: 'MW', written: '250 MW', at: at(2) },
  { path: 'phases.b.poi', value: 900, unit: 'MW', written: '900 MW', at: at(3) },
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
  it('evaluates the shipped assumptions without errors', () => {
    const evaluation = evaluateScenario(join(import.meta.dirname, '..', '..', 'assumptions'), 'assumptions');
    expect(evaluation.ok).toBe(true);
    if (evaluation.ok) {
      expect(evaluation.scenario.name).toBe('base');
      expect(evaluation.result.annual).toHaveLength(10);
    }
  });
});
