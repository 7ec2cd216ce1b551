import { describe, expect, it } from 'vitest';
import { diffAssumptions, setAt } from '../../src/compare/assumptions.js';
import { makeInputs } from '../model/fixtures.js';
import { record, scenarioRun } from './fixtures.js';

const A = 'assumptions';
const files = (...overlays: string[]) => ['facility.yaml', 'phases.csv', ...overlays].map((path) => ({ path, sha256: '' }));
const inputs3 = makeInputs({ horizon: { firstYear: 2026, lastYear: 2028 } });

const baseRecords = [
  record('facility.design_pue', 1.25, '1', `${A}/facility.yaml`, 20, 12),
  record('facility.annual_pue', 1.14, '1', `${A}/facility.yaml`, 27, 12),
  record('phases.p1.energised_on', '2026-01-01', '', `${A}/phases.csv`, 2, 4),
  record('phases.p1.poi', 125, 'MW', `${A}/phases.csv`, 2, 15),
];
const base = scenarioRun('base', inputs3, baseRecords, files());

describe('diffAssumptions', () => {
  it('lists exactly the paths whose effective value differs, with where each was set, relative to the assumptions dir', () => {
    const overlay = `${A}/scenarios/cool.yaml`;
    const cool = scenarioRun(
      'cool',
      inputs3,
      [baseRecords[0]!, record('facility.annual_pue', 1.08, '1', overlay, 9, 16), ...baseRecords.slice(2)],
      files('scenarios/cool.yaml'),
    );
    expect(diffAssumptions([base, cool])).toEqual([
      {
        assumption: 'facility.annual_pue',
        cells: [
          { present: true, value: 1.14, unit: '1', setAt: 'facility.yaml:27:12' },
          { present: true, value: 1.08, unit: '1', setAt: 'scenarios/cool.yaml:9:16' },
        ],
      },
    ]);
  });

  it('ignores a value restated unchanged elsewhere', () => {
    const restated = scenarioRun('same', inputs3, [record('facility.design_pue', 1.25, '1', `${A}/scenarios/same.yaml`, 3, 3), ...baseRecords.slice(1)], files('scenarios/same.yaml'));
    expect(diffAssumptions([base, restated])).toEqual([]);
  });

  it('marks a path a scenario lacks as absent, and keeps an added phase next to its file neighbours', () => {
    const extra = scenarioRun('extra', inputs3, [
      ...baseRecords.slice(0, 3),
      record('phases.p1.poi', 0.5, '1', `${A}/scenarios/extra.yaml`, 4, 20),
      record('phases.x.energised_on', '2027-01-01', '', `${A}/scenarios/extra.yaml`, 6, 20),
      record('phases.x.poi', 0.5, '1', `${A}/scenarios/extra.yaml`, 6, 40),
    ], files('scenarios/extra.yaml'));
    const rows = diffAssumptions([base, extra]);
    expect(rows.map((r) => r.assumption)).toEqual(['phases.p1.poi', 'phases.x.energised_on', 'phases.x.poi']);
    expect(rows[0]!.cells.map((c) => c.present && c.unit)).toEqual(['MW', '1']);
    expect(rows[1]!.cells[0]).toEqual({ present: false });
  });

  it('compares a by_year value year by year over the union of the horizons', () => {
    const yearly = scenarioRun('yearly', inputs3, [
      baseRecords[0]!,
      record('facility.annual_pue[2026]', 1.14, '1', `${A}/scenarios/y.yaml`, 5, 13),
      record('facility.annual_pue[2027]', 1.1, '1', `${A}/scenarios/y.yaml`, 6, 13),
      ...baseRecords.slice(2),
    ], files('scenarios/y.yaml'));
    const shorter = scenarioRun('shorter', makeInputs(), baseRecords, files()); // 2026-2027
    const rows = diffAssumptions([base, yearly, shorter]);
    expect(rows.map((r) => r.assumption)).toEqual(['facility.annual_pue[2027]', 'facility.annual_pue[2028]']);
    // 2028: the 2027 step holds; the shorter horizon has no 2028.
    expect(rows[1]!.cells).toEqual([
      { present: true, value: 1.14, unit: '1', setAt: 'facility.yaml:27:12' },
      { present: true, value: 1.1, unit: '1', setAt: 'scenarios/y.yaml:6:13' },
      { present: false },
    ]);
  });
});

describe('setAt', () => {
  it('names the file relative to the assumptions dir, however the dir was given', () => {
    const inputs = files('scenarios/a.yaml');
    expect(setAt({ file: '/abs/path/assumptions/scenarios/a.yaml', line: 3, column: 5 }, inputs)).toBe('scenarios/a.yaml:3:5');
    expect(setAt({ file: 'facility.yaml', line: 1, column: 1 }, inputs)).toBe('facility.yaml:1:1');
    expect(setAt({ file: 'elsewhere/other.yaml', line: 1, column: 1 }, inputs)).toBe('elsewhere/other.yaml:1:1');
  });
});
