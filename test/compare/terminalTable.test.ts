import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/compare/compareScenarios.js';
import { attributionLines, HEADLINE_METRICS, headlineTable } from '../../src/compare/terminalTable.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { baseCaseInputs, byYear } from '../model/fixtures.js';
import { scenarioRun } from './fixtures.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
function edited(change: (inputs: Mutable<ModelInputs>) => void): ModelInputs {
  const inputs = structuredClone(baseCaseInputs()) as Mutable<ModelInputs>;
  change(inputs);
  return inputs;
}

const late = edited((s) => void (s.phases[4] = { ...s.phases[4]!, energisedOn: '2030-07-01' }));
const cool = edited((s) => void (s.facility.annualPue = byYear(10, 1.08)));
const names = ['late', 'liquid-cooled-inference', 'a-rather-long-scenario-name', 'cool'];
const report = compareScenarios(
  [scenarioRun('base', baseCaseInputs()), ...names.map((name, i) => scenarioRun(name, i % 2 === 0 ? late : cool))],
  'base',
);

describe('headlineTable', () => {
  const lines = headlineTable(report, 120);

  it('fits 120 columns, wrapping scenario columns into blocks that repeat metric, unit and baseline', () => {
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    const headers = lines.filter((line) => line.startsWith('metric '));
    expect(headers.length).toBeGreaterThan(1);
    for (const header of headers) expect(header).toMatch(/^metric\s+unit\s+base\s/);
    for (const name of names) expect(lines.join('\n')).toContain(name);
  });

  it('shows the headline metrics, then the tranche metrics, with values, delta % and days, aligned', () => {
    const block = lines.slice(0, lines.indexOf('') === -1 ? lines.length : lines.indexOf(''));
    expect(block.slice(2).map((line) => line.split(/\s+/)[0])).toEqual([
      ...HEADLINE_METRICS,
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
    ]);
    const date = block.find((line) => line.startsWith('full_buildout_date'))!;
    expect(date).toMatch(/2029-12-30\s+2030-12-30\s+\+365 d/);
    expect(block.find((line) => line.startsWith('facility_energy_mwh'))).toMatch(/ -?\d+\.\d%/);
    expect(block.find((line) => line.startsWith('binding_constraint'))).toMatch(/envelope\s+envelope/);
    // Right-aligned numbers end in the same column as their header.
    const header = block[0]!;
    const chips = block.find((line) => line.startsWith('chips '))!;
    expect(chips.indexOf('649,872') + '649,872'.length).toBe(header.indexOf('base') + 'base'.length);
    // A tranche's year as a plain year, its change in years (the later phase's capex comes a year later); its share as a ratio.
    expect(block.find((line) => line.startsWith('tranche_milestones_capex_exceeds_year'))).toMatch(/ year\s+2029\s+2030\s+\+1 y(\s|$)/);
    expect(block.find((line) => line.startsWith('tranche_upfront_share_of_full_buildout_capex'))).toMatch(/ ratio\s+0\.239\s+0\.239\s+0\.0%/);
  });

  it("shows a tranche a scenario lacks as '-' and one capex never reaches as 'never', changed", () => {
    const tranches = baseCaseInputs().cost.tranches;
    const other = edited((s) => {
      s.cost = { ...s.cost, tranches: [tranches[0]!, { name: 'huge', amountUsd: 1e15, condition: { kind: 'date', date: '2030-01-01' } }] };
    });
    const table = headlineTable(compareScenarios([scenarioRun('base', baseCaseInputs()), scenarioRun('other', other)], 'base'), 120);
    const line = (metric: string) => table.find((l) => l.startsWith(`${metric} `))!;
    expect(line('tranche_upfront_capex_exceeds_year')).toMatch(/ 2027\s+2027\s+0 y$/);
    expect(line('tranche_milestones_capex_exceeds_year')).toMatch(/ 2029\s+-\s+changed$/);
    expect(line('tranche_huge_capex_exceeds_year')).toMatch(/ year\s+-\s+never\s+changed$/);
    expect(line('tranche_huge_share_of_full_buildout_capex')).toMatch(/ ratio\s+-\s+[\d,]+\.\d{3}\s+changed$/);
  });
});

describe('attributionLines', () => {
  it('say per scenario what changed and how its deltas were split', () => {
    const lines = attributionLines(report, 120);
    expect(lines).toContain('late: 1 changed assumption, split by exact Shapley values (0 model runs):');
    expect(lines).toContain('    phases.trn4-c.energised_on');
    const same = compareScenarios([scenarioRun('base', baseCaseInputs()), scenarioRun('same', baseCaseInputs())], 'base');
    expect(attributionLines(same)).toEqual(['same: no changed assumptions; nothing to attribute']);
  });
});
