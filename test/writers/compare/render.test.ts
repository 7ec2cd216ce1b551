import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { compareScenarios } from '../../../src/compare/compareScenarios.js';
import type { ComparisonReport } from '../../../src/compare/types.js';
import type { ModelInputs } from '../../../src/model/inputs.js';
import { SUMMARY_METRICS } from '../../../src/model/summary.js';
import { COMPARE_COLUMNS_END, COMPARE_COLUMNS_START, headerClash, renderCompareColumnTables, renderComparison } from '../../../src/writers/compare/render.js';
import { exactNumber } from '../../../src/writers/compare/tables.js';
import { record, scenarioRun } from '../../compare/fixtures.js';
import { baseCaseInputs, byYear } from '../../model/fixtures.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
function edited(change: (inputs: Mutable<ModelInputs>) => void): ModelInputs {
  const inputs = structuredClone(baseCaseInputs()) as Mutable<ModelInputs>;
  change(inputs);
  return inputs;
}

const A = 'assumptions';
const FILES = ['chips.yaml', 'facility.yaml', 'phases.csv', 'scenarios/late.yaml', 'scenarios/cool.yaml'].map((path) => ({ path, sha256: '' }));
const baseRecords = [
  record('facility.annual_pue', 1.14, '1', `${A}/facility.yaml`, 27, 12),
  record('chips.trainium3.tdp', 1000, 'W', `${A}/chips.yaml`, 44, 14),
  record('phases.trn4-c.energised_on', '2029-07-01', '', `${A}/phases.csv`, 6, 8),
  record('phases.trn4-c.poi', 500, 'MW', `${A}/phases.csv`, 6, 19),
];

function sampleReport(): ComparisonReport {
  const late = edited((s) => {
    s.phases[4] = { ...s.phases[4]!, energisedOn: '2030-07-01', poi: { kind: 'share', share: 0.25 } };
  });
  const cool = edited((s) => {
    s.facility.annualPue = byYear(10, 1.08);
    s.chips[1] = { ...s.chips[1]!, tdpW: 1400 };
  });
  return compareScenarios(
    [
      scenarioRun('base', baseCaseInputs(), baseRecords, FILES),
      scenarioRun('late', late, [
        ...baseRecords.slice(0, 2),
        record('phases.trn4-c.energised_on', '2030-07-01', '', `${A}/scenarios/late.yaml`, 9, 27),
        record('phases.trn4-c.poi', 0.25, '1', `${A}/scenarios/late.yaml`, 9, 50),
      ], FILES),
      scenarioRun('cool', cool, [
        record('facility.annual_pue', 1.08, '1', `${A}/scenarios/cool.yaml`, 7, 12),
        record('chips.trainium3.tdp', 1400, 'W', `${A}/scenarios/cool.yaml`, 12, 14),
        ...baseRecords.slice(2),
      ], FILES),
    ],
    'base',
  );
}

const report = sampleReport();
const files = renderComparison(report);
const parse = (file: string) => Papa.parse<Record<string, string>>(files.get(file)!, { header: true, skipEmptyLines: true });
const NUMBER = /^-?\d+(\.\d+)?$/;

describe('renderComparison', () => {
  it('writes the four files, deterministically', () => {
    expect([...files.keys()]).toEqual(['summary.csv', 'annual.csv', 'assumptions.csv', 'attribution.csv']);
    expect(renderComparison(sampleReport())).toEqual(files);
    for (const text of files.values()) expect(text.endsWith('\n') && !text.includes('\r')).toBe(true);
  });

  it('summary.csv: metric, unit, the baseline, then value, delta and delta % per scenario', () => {
    const { data, meta } = parse('summary.csv');
    expect(meta.fields).toEqual(['metric', 'unit', 'base', 'late', 'late_delta', 'late_delta_pct', 'cool', 'cool_delta', 'cool_delta_pct']);
    expect(data.map((r) => r.metric)).toEqual([
      ...SUMMARY_METRICS.map((m) => m.metric).filter((m) => m !== 'binding_constraint'),
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
    ]);
    // The later phase's capex reaches the milestones a year later: a delta of 1 year.
    expect(files.get('summary.csv')).toContain('\ntranche_milestones_capex_exceeds_year,year,2029,2030,1,0.0493,2029,0,0.0000\n');
    expect(files.get('summary.csv')).toContain('\nfull_buildout_date,date,2029-12-30,2030-12-30,365,25.0171,2029-12-30,0,0.0000\n');
    const chips = data.find((r) => r.metric === 'chips')!;
    expect(Number(chips.cool_delta)).toBe(Number(chips.cool) - Number(chips.base));
    expect(Number(chips.cool_delta_pct)).toBeCloseTo((100 * Number(chips.cool_delta)) / Number(chips.base), 4);
    expect(data.find((r) => r.metric === 'effective_pue')!.cool).toMatch(/^\d\.\d{6}$/);
  });

  it('annual.csv: long format with every scenario, baseline rows included', () => {
    const { data, meta } = parse('annual.csv');
    expect(meta.fields).toEqual(['scenario', 'year', 'metric', 'unit', 'value', 'delta', 'delta_pct']);
    expect(new Set(data.map((r) => r.scenario))).toEqual(new Set(['base', 'late', 'cool']));
    expect(data.filter((r) => r.scenario === 'base').every((r) => Number(r.delta) === 0)).toBe(true);
    const row = data.find((r) => r.scenario === 'cool' && r.year === '2031' && r.metric === 'clean_nameplate_solar_mw')!;
    expect(row.unit).toBe('MW');
    expect(row.value).toMatch(/^\d+\.\d{3}$/);
  });

  it('assumptions.csv: the changed paths with each scenario value and where it was set', () => {
    const { data, meta } = parse('assumptions.csv');
    expect(meta.fields).toEqual(['assumption', 'unit', 'base', 'late', 'cool', 'base_set_at', 'late_set_at', 'cool_set_at']);
    expect(data).toEqual([
      { assumption: 'facility.annual_pue', unit: '1', base: '1.14', late: '1.14', cool: '1.08', base_set_at: 'facility.yaml:27:12', late_set_at: 'facility.yaml:27:12', cool_set_at: 'scenarios/cool.yaml:7:12' },
      { assumption: 'chips.trainium3.tdp', unit: 'W', base: '1000', late: '1000', cool: '1400', base_set_at: 'chips.yaml:44:14', late_set_at: 'chips.yaml:44:14', cool_set_at: 'scenarios/cool.yaml:12:14' },
      { assumption: 'phases.trn4-c.energised_on', unit: '', base: '2029-07-01', late: '2030-07-01', cool: '2029-07-01', base_set_at: 'phases.csv:6:8', late_set_at: 'scenarios/late.yaml:9:27', cool_set_at: 'phases.csv:6:8' },
      // A POI given in MW in one scenario and as a share in another: each value carries its unit.
      { assumption: 'phases.trn4-c.poi', unit: '(per value)', base: '500 MW', late: '0.25', cool: '500 MW', base_set_at: 'phases.csv:6:19', late_set_at: 'scenarios/late.yaml:9:50', cool_set_at: 'phases.csv:6:19' },
    ]);
  });

  it('attribution.csv: rows that add up, to rounding, to the summary delta of each scenario and metric', () => {
    const { data, meta } = parse('attribution.csv');
    expect(meta.fields).toEqual(['scenario', 'metric', 'unit', 'assumption', 'contribution']);
    const summary = parse('summary.csv').data;
    const groups = new Map<string, typeof data>();
    for (const row of data) groups.set(`${row.scenario}/${row.metric}`, [...(groups.get(`${row.scenario}/${row.metric}`) ?? []), row]);
    expect(groups.size).toBeGreaterThan(10);
    for (const [key, rows] of groups) {
      const [scenario, metric] = key.split('/') as [string, string];
      const deltaText = summary.find((r) => r.metric === metric)![`${scenario}_delta`]!;
      const sum = rows.reduce((acc, r) => acc + Number(r.contribution), 0);
      const places = (text: string) => text.split('.')[1]?.length ?? 0;
      // Each printed value is within half a unit of its last decimal.
      const slack = rows.length * 0.5 * 10 ** -places(rows[0]!.contribution!) + 0.5 * 10 ** -places(deltaText) + 1e-9;
      expect(Math.abs(sum - Number(deltaText)), key).toBeLessThanOrEqual(slack);
    }
    expect(data.find((r) => r.scenario === 'late' && r.metric === 'full_buildout_date' && r.assumption === 'phases.trn4-c.energised_on')).toMatchObject({ unit: 'days', contribution: '365.000' });
  });

  it('never writes an empty, NaN or exponent number', () => {
    const numeric: Record<string, (field: string) => boolean> = {
      'summary.csv': (f) => f !== 'metric' && f !== 'unit',
      'annual.csv': (f) => ['year', 'value', 'delta', 'delta_pct'].includes(f),
      'attribution.csv': (f) => f === 'contribution',
    };
    for (const [file, isNumeric] of Object.entries(numeric)) {
      const { data, meta } = parse(file);
      for (const row of data) {
        for (const field of meta.fields!.filter(isNumeric)) {
          const cell = row[field]!;
          if (file === 'summary.csv' && row.metric === 'full_buildout_date' && !field.endsWith('delta') && !field.endsWith('pct')) expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          else expect(cell, `${file} ${field}`).toMatch(NUMBER);
        }
      }
    }
  });

  it('summary.csv: empty cells for a tranche a scenario lacks or never reaches, every row keeping its shape', () => {
    const tranches = baseCaseInputs().cost.tranches;
    // `fewer` pays only the upfront tranche; `huge` adds one cumulative capex never reaches.
    const fewer = edited((s) => void (s.cost = { ...s.cost, tranches: [tranches[0]!] }));
    const huge = edited((s) => void (s.cost = { ...s.cost, tranches: [...tranches, { name: 'huge', amountUsd: 1e15, condition: { kind: 'date', date: '2030-01-01' } }] }));
    const mixed = renderComparison(compareScenarios([scenarioRun('base', baseCaseInputs()), scenarioRun('fewer', fewer), scenarioRun('huge', huge)], 'base'));
    const text = mixed.get('summary.csv')!;
    const { data, meta } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const header = 'metric,unit,base,fewer,fewer_delta,fewer_delta_pct,huge,huge_delta,huge_delta_pct';
    expect(meta.fields!.join(',')).toBe(header);
    for (const line of text.trimEnd().split('\n')) expect(line.split(',').length, line).toBe(9);
    const lines = text.split('\n');
    // Both sides numbers: a delta. The baseline's tranche `fewer` lacks: empty value, delta and delta %.
    expect(lines).toContain('tranche_upfront_capex_exceeds_year,year,2027,2027,0,0.0000,2027,0,0.0000');
    expect(lines).toContain('tranche_milestones_capex_exceeds_year,year,2029,,,,2029,0,0.0000');
    expect(lines.find((l) => l.startsWith('tranche_milestones_share_of_full_buildout_capex,'))).toMatch(/^tranche_milestones_share_of_full_buildout_capex,ratio,0\.796559,,,,0\.796559,0\.000000,0\.0000$/);
    // A tranche only `huge` has, never reached: every cell but metric and unit empty; its share a number, without a delta.
    expect(lines).toContain('tranche_huge_capex_exceeds_year,year,,,,,,,');
    expect(data.find((r) => r.metric === 'tranche_huge_share_of_full_buildout_capex')).toMatchObject({ base: '', fewer: '', huge_delta: '', huge_delta_pct: '' });
    expect(data.find((r) => r.metric === 'tranche_huge_share_of_full_buildout_capex')!.huge).toMatch(/^\d+\.\d{6}$/);
    // Only tranche rows may have empty cells.
    for (const row of data) if (!row.metric!.startsWith('tranche_')) for (const field of meta.fields!) expect(row[field], `${row.metric} ${field}`).not.toBe('');
  });

  it('refuses to write an attribution that does not add up', () => {
    const broken = sampleReport();
    broken.attribution[1]!.rows[0]!.contribution += 1;
    expect(() => renderComparison(broken)).toThrow(/sums to .* but its delta is/);
  });
});

describe('headerClash', () => {
  it('catches scenario names that would repeat a column name', () => {
    expect(headerClash('base', ['x', 'y'])).toBeUndefined();
    expect(headerClash('base', ['x', 'x_delta'])).toMatch(/two columns named "x_delta"/);
    expect(headerClash('base', ['metric'])).toMatch(/"metric"/);
    expect(headerClash('base', ['a', 'a_set_at'])).toMatch(/assumptions\.csv two columns named "a_set_at"/);
  });
});

describe('exactNumber', () => {
  it('writes the shortest exact decimal, never an exponent', () => {
    expect(exactNumber(0.1)).toBe('0.1');
    expect(exactNumber(1.14)).toBe('1.14');
    expect(exactNumber(4383)).toBe('4383');
    expect(exactNumber(1.5e-7)).toBe('0.00000015');
    expect(exactNumber(-2.5e-8)).toBe('-0.000000025');
    expect(exactNumber(1e21)).toBe('1000000000000000000000');
    expect(exactNumber(1.234e22)).toBe('12340000000000000000000');
    expect(Number(exactNumber(1.5e-7))).toBe(1.5e-7);
  });
});

describe('docs/compare.md', () => {
  it('documents every column, generated from the same specs', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'compare.md'), 'utf8');
    const start = doc.indexOf(COMPARE_COLUMNS_START);
    const end = doc.indexOf(COMPARE_COLUMNS_END);
    expect(start).toBeGreaterThan(0);
    expect(doc.slice(start + COMPARE_COLUMNS_START.length, end)).toBe(renderCompareColumnTables());
  });
});
