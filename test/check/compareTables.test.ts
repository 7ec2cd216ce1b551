import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/check/checkScenario.js';
import { compareTable, type TableShape } from '../../src/check/compareTables.js';
import { parseCsvTable } from '../../src/check/parsedTable.js';
import { checkedTables } from '../../src/check/shapes.js';
import { DEFAULT_TOLERANCES, type Tolerances } from '../../src/check/tolerances.js';
import { deltaPct } from '../../src/compare/delta.js';

const PROCUREMENT: TableShape = { file: 'procurement.csv', key: ['year', 'technology'], text: new Set(['technology']), rowsAreMetrics: false };
const SUMMARY: TableShape = { file: 'summary.csv', key: ['metric'], text: new Set(['metric', 'unit']), rowsAreMetrics: true };

const PROC = `year,technology,energy_share,energy_mwh,nameplate_mw
2030,solar,0.500000,5703782.631,2794.492
2030,onshore_wind,0.400000,4563026.104,1554.906
`;
const SUMM = `metric,value,unit
full_buildout_date,2029-12-30,date
chips,649872,chips
facility_energy_mwh,11407565.261,MWh
binding_constraint,envelope,
`;

function compare(shape: TableShape, committed: string | undefined, recomputed: string, tolerances: Tolerances = DEFAULT_TOLERANCES) {
  return compareTable('base', shape, committed === undefined ? undefined : parseCsvTable(committed), parseCsvTable(recomputed), tolerances);
}

describe('compareTable', () => {
  it('passes identical tables, counting every compared cell', () => {
    expect(compare(PROCUREMENT, PROC, PROC)).toEqual({ breaches: [], withinTolerance: 6 });
    expect(compare(SUMMARY, SUMM, SUMM)).toEqual({ breaches: [], withinTolerance: 8 });
  });

  it('ignores the order of rows and columns (check-outputs compares bytes)', () => {
    const reordered = `technology,year,nameplate_mw,energy_share,energy_mwh
onshore_wind,2030,1554.906,0.400000,4563026.104
solar,2030,2794.492,0.500000,5703782.631
`;
    expect(compare(PROCUREMENT, reordered, PROC).breaches).toEqual([]);
  });

  it('reports every number outside its tolerance, with delta and delta % from compare/delta', () => {
    const moved = PROC.replace('2794.492', '2800.000').replace('1554.906', '1554.907');
    const { breaches, withinTolerance } = compare(PROCUREMENT, PROC, moved);
    expect(withinTolerance).toBe(5); // 1554.906 -> 1554.907 is within 1 ppm
    expect(breaches).toEqual([
      {
        kind: 'number',
        scenario: 'base',
        file: 'procurement.csv',
        row: '2030/solar',
        metric: 'nameplate_mw',
        committed: '2794.492',
        recomputed: '2800.000',
        delta: expect.closeTo(5.508, 9),
        deltaPct: deltaPct(2794.492, 2800),
        decimals: 3,
        tolerance: expect.closeTo(2794.492e-6, 12),
      },
    ]);
  });

  it('passes a change within an override, on the exact boundary too', () => {
    const tolerances: Tolerances = { default: DEFAULT_TOLERANCES.default, overrides: new Map([['procurement.csv/nameplate_mw', { relative: 0, absolute: 0.001 }]]) };
    const moved = PROC.replace('2794.492', '2794.493');
    expect(compare(PROCUREMENT, PROC, moved, tolerances).breaches).toEqual([]);
    expect(compare(PROCUREMENT, PROC, PROC.replace('2794.492', '2794.494'), tolerances).breaches).toHaveLength(1);
  });

  it('compares text exactly, and a number that is no longer a number as text', () => {
    const { breaches } = compare(SUMMARY, SUMM, SUMM.replace('envelope', 'phases').replace('2029-12-30', '2030-01-01').replace('649872', 'n/a'));
    expect(breaches.map((b) => [b.kind, b.metric, b.committed, b.recomputed])).toEqual([
      ['text', 'full_buildout_date', '2029-12-30', '2030-01-01'],
      ['text', 'chips', '649872', 'n/a'],
      ['text', 'binding_constraint', 'envelope', 'phases'],
    ]);
  });

  it('names summary metrics, and a changed unit as the metric (unit)', () => {
    const { breaches } = compare(SUMMARY, SUMM, SUMM.replace('11407565.261,MWh', '11407565.261,GWh').replace('649872', '650000'));
    expect(breaches.map((b) => [b.kind, b.row, b.metric])).toEqual([
      ['number', '', 'chips'],
      ['text', '', 'facility_energy_mwh (unit)'],
    ]);
  });

  it("compares a tranche's rows by metric name: a year within its tolerance, an empty year exactly, a new tranche as missing", () => {
    const committed = `${SUMM}tranche_upfront_capex_exceeds_year,2027,year
tranche_upfront_share_of_full_buildout_capex,0.238968,ratio
tranche_milestones_capex_exceeds_year,,year
tranche_milestones_share_of_full_buildout_capex,1.796559,ratio
`;
    const tolerances: Tolerances = { default: DEFAULT_TOLERANCES.default, overrides: new Map([['tranche_upfront_capex_exceeds_year', { relative: 0, absolute: 1 }]]) };
    // Upfront a year later (within 1 year), milestones now reached, a third tranche added; rows in another order.
    const recomputed = `${SUMM}tranche_milestones_capex_exceeds_year,2031,year
tranche_milestones_share_of_full_buildout_capex,1.796559,ratio
tranche_upfront_capex_exceeds_year,2028,year
tranche_upfront_share_of_full_buildout_capex,0.238968,ratio
tranche_extra_capex_exceeds_year,,year
tranche_extra_share_of_full_buildout_capex,2.000000,ratio
`;
    const { breaches, withinTolerance } = compare(SUMMARY, committed, recomputed, tolerances);
    expect(breaches.map((b) => [b.kind, b.metric, b.committed, b.recomputed])).toEqual([
      ['text', 'tranche_milestones_capex_exceeds_year', '', '2031'],
      ['missing-row', 'tranche_extra_capex_exceeds_year', '', ''],
      ['missing-row', 'tranche_extra_share_of_full_buildout_capex', '', ''],
    ]);
    expect(withinTolerance).toBe(8 + 7); // value and unit of each row, but the one breach
    // Without the override, the year's move is a number breach of 1 year.
    expect(compare(SUMMARY, committed, recomputed).breaches.find((b) => b.metric === 'tranche_upfront_capex_exceeds_year')).toMatchObject({ kind: 'number', delta: 1 });
    // A tranche no longer paid: its committed rows are extra.
    expect(compare(SUMMARY, committed, SUMM).breaches.map((b) => [b.kind, b.metric])).toEqual([
      ['extra-row', 'tranche_upfront_capex_exceeds_year'],
      ['extra-row', 'tranche_upfront_share_of_full_buildout_capex'],
      ['extra-row', 'tranche_milestones_capex_exceeds_year'],
      ['extra-row', 'tranche_milestones_share_of_full_buildout_capex'],
    ]);
  });

  it('reports missing and extra rows and columns, all of them', () => {
    const committed = `year,technology,energy_share,energy_mwh,old_column
2030,solar,0.500000,5703782.631,1
2031,solar,0.500000,5703782.631,1
`;
    const { breaches } = compare(PROCUREMENT, committed, PROC);
    expect(breaches.map((b) => [b.kind, b.row, b.metric])).toEqual([
      ['missing-column', '', 'nameplate_mw'],
      ['extra-column', '', 'old_column'],
      ['missing-row', '2030/onshore_wind', ''],
      ['extra-row', '2031/solar', ''],
    ]);
  });

  it('reports a missing file, an empty file, a ragged row and a repeated row', () => {
    expect(compare(PROCUREMENT, undefined, PROC).breaches.map((b) => b.kind)).toEqual(['missing-file']);
    expect(compare(PROCUREMENT, '', PROC).breaches.map((b) => [b.kind, b.committed])).toEqual([['malformed', 'file is empty']]);
    const ragged = PROC.replace('2030,onshore_wind,0.400000,', '2030,onshore_wind,') + PROC.split('\n')[1] + '\n';
    expect(compare(PROCUREMENT, ragged, PROC).breaches.map((b) => [b.kind, b.committed])).toEqual([
      ['malformed', 'line 3 has 4 cells, the header 5'],
      ['duplicate-row', 'line 4'],
      ['missing-row', ''],
    ]);
  });

  it('stops at rows when a key column is missing, after reporting the columns', () => {
    const noKey = PROC.replaceAll(/^[^,]*,/gm, '');
    expect(compare(PROCUREMENT, noKey, PROC).breaches.map((b) => [b.kind, b.metric])).toEqual([['missing-column', 'year']]);
  });
});

describe('checkScenario', () => {
  it('covers every output CSV and reports committed CSVs no longer written', () => {
    const shapes = checkedTables().filter((s) => s.file === 'summary.csv');
    const result = checkScenario('base', shapes, new Map([['summary.csv', SUMM]]), new Map([['summary.csv', SUMM], ['old.csv', 'a\n1\n'], ['manifest.json', '{}']]), DEFAULT_TOLERANCES);
    expect(result.breaches.map((b) => [b.kind, b.file])).toEqual([['extra-file', 'old.csv']]);
    expect(result.withinTolerance).toBe(8);
  });
});
