import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/compare/compareScenarios.js';
import { delta, deltaPct } from '../../src/compare/delta.js';
import { ALL_CHANGES_TOGETHER, type ComparisonReport } from '../../src/compare/types.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { SUMMARY_METRICS } from '../../src/model/summary.js';
import { baseCaseInputs, byYear, makeInputs, onePhase, summaryValue } from '../model/fixtures.js';
import { scenarioRun } from './fixtures.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
function edited(base: ModelInputs, change: (inputs: Mutable<ModelInputs>) => void): ModelInputs {
  const inputs = structuredClone(base) as Mutable<ModelInputs>;
  change(inputs);
  return inputs;
}

const shares = (report: ComparisonReport, scenario: string, metric: string) =>
  Object.fromEntries(report.attribution.find((a) => a.scenario === scenario)!.rows.filter((r) => r.metric === metric).map((r) => [r.assumption, r.contribution]));

/** Every (scenario, numeric metric): attribution rows sum to the summary delta; tranche metrics have no attribution rows. */
function expectSumsToDelta(report: ComparisonReport): void {
  for (const row of report.summary) {
    if (row.kind === 'tranche') {
      expect(report.attribution.flatMap((a) => a.rows).filter((r) => r.metric === row.metric), row.metric).toEqual([]);
      continue;
    }
    if (row.kind === 'text') continue;
    for (const cell of row.scenarios) {
      const rows = report.attribution.find((a) => a.scenario === cell.scenario)!.rows.filter((r) => r.metric === row.metric);
      const sum = rows.reduce((acc, r) => acc + r.contribution, 0);
      expect(Math.abs(sum - cell.delta), `${cell.scenario} ${row.metric}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(cell.delta)));
    }
  }
}

describe('attribution by Shapley values', () => {
  // One phase at full power from hour 0, no auxiliary load, no partial-load term:
  // facility MWh = IT MWh x PUE exactly, IT MWh = 100 MW x power ratio x 8,760 h.
  const pue = (a: number, b: number) => makeInputs({ facility: { annualPue: byYear(2, a) }, utilisation: { powerRatio: byYear(2, b) } });
  const [a0, a1, b0, b1] = [1.14, 1.2, 0.75, 0.6];
  const report = compareScenarios([scenarioRun('base', pue(a0, b0)), scenarioRun('efficient', pue(a1, b1))], 'base');

  it('splits a product of two assumptions by the hand formula', () => {
    const scale = 100 * 8760; // MW x h
    const split = shares(report, 'efficient', 'facility_energy_mwh');
    expect(split['facility.annual_pue']).toBeCloseTo((scale * ((a1 - a0) * (b0 + b1))) / 2, 4); // 35,478 MWh
    expect(split['utilisation.power_ratio']).toBeCloseTo((scale * ((b1 - b0) * (a0 + a1))) / 2, 4); // -153,738 MWh
    expect(scale * ((a1 - a0) * (b0 + b1)) / 2).toBeCloseTo(35_478, 6);
    expect(scale * ((b1 - b0) * (a0 + a1)) / 2).toBeCloseTo(-153_738, 6);
  });

  it('gives a metric one assumption alone drives wholly to it', () => {
    const split = shares(report, 'efficient', 'it_energy_mwh');
    expect(split['facility.annual_pue']).toBe(0);
    expect(split['utilisation.power_ratio']).toBeCloseTo(100 * 8760 * (b1 - b0), 4);
    expect(report.attribution[0]).toMatchObject({ method: 'shapley', reason: '', factors: ['facility.annual_pue', 'utilisation.power_ratio'], modelRuns: 2 });
  });

  it('writes no rows for a metric no assumption moves', () => {
    expect(shares(report, 'efficient', 'chips')).toEqual({});
    expect(shares(report, 'efficient', 'envelope_limit_mw')).toEqual({});
  });

  it('sums to the delta of every metric, for several changes at once', () => {
    const base = baseCaseInputs();
    const scenario = edited(base, (s) => {
      s.facility.designPue = 1.15;
      s.facility.annualPue = byYear(10, 1.08);
      s.chips[1] = { ...s.chips[1]!, tdpW: 1400 };
      s.utilisation.oversubscriptionRatio = 1.2;
      s.phases[4] = { ...s.phases[4]!, energisedOn: '2030-04-01' };
      s.procurement.mix = { solar: 0.2, onshore_wind: 0.35, offshore_wind: 0.15, clean_firm: 0.3 };
    });
    const many = compareScenarios([scenarioRun('base', base), scenarioRun('mixed', scenario)], 'base');
    expect(many.attribution[0]!.factors).toHaveLength(9);
    // 9 > 8 factors: sequential substitution, by rule rather than failure, so no warning.
    expect(many.attribution[0]).toMatchObject({ method: 'sequential', modelRuns: 8 });
    expect(many.warnings).toEqual([]);
    expectSumsToDelta(many);
  });

  it('is exact Shapley up to 8 changed assumptions, with 2^k - 2 model runs', () => {
    const base = baseCaseInputs();
    const scenario = edited(base, (s) => {
      s.facility.designPue = 1.15;
      s.chips[1] = { ...s.chips[1]!, tdpW: 1400 };
      s.phases[4] = { ...s.phases[4]!, energisedOn: '2030-04-01' };
    });
    const three = compareScenarios([scenarioRun('base', base), scenarioRun('three', scenario)], 'base');
    expect(three.attribution[0]).toMatchObject({ method: 'shapley', modelRuns: 6, factors: ['facility.design_pue', 'chips.trainium3.tdp', 'phases.trn4-c.energised_on'] });
    expectSumsToDelta(three);
    // The later phase moves the build-out date; nothing else does.
    expect(shares(three, 'three', 'full_buildout_date')).toEqual({ 'facility.design_pue': 0, 'chips.trainium3.tdp': 0, 'phases.trn4-c.energised_on': 274 });
  });
});

describe('attribution fallbacks', () => {
  // A 100 MW and a 125 MW campus (80,000 and 100,000 chips at 1 kW, PUE 1.25): envelope and phase POI move together. Switching
  // one without the other puts the phase above the envelope in one direction.
  const campus = (mw: number) => makeInputs({ envelope: { powerMw: mw }, phases: [onePhase({ poi: { kind: 'mw', mw } })] });

  it('falls back to sequential substitution when a Shapley coalition does not run', () => {
    // Growing: envelope first (file order) always runs; the phase alone exceeds the old envelope.
    const report = compareScenarios([scenarioRun('base', campus(100)), scenarioRun('bigger', campus(125))], 'base');
    const attribution = report.attribution[0]!;
    expect(attribution.method).toBe('sequential');
    expect(attribution.reason).toMatch(/only phases\.p1\.poi changed does not run \(envelope_exceeded\)/);
    expect(report.warnings).toEqual([expect.stringMatching(/^gwplan compare: scenario "bigger": .*sequential substitution/)]);
    expect(shares(report, 'bigger', 'chips')).toEqual({ 'envelope.power': 0, 'phases.p1.poi': 20_000 });
    expectSumsToDelta(report);
  });

  it('writes one row per metric for all changes together when sequential substitution fails too', () => {
    const report = compareScenarios([scenarioRun('base', campus(125)), scenarioRun('smaller', campus(100))], 'base');
    const attribution = report.attribution[0]!;
    expect(attribution.method).toBe('together');
    expect(new Set(attribution.rows.map((r) => r.assumption))).toEqual(new Set([ALL_CHANGES_TOGETHER]));
    expect(shares(report, 'smaller', 'chips')).toEqual({ [ALL_CHANGES_TOGETHER]: -20_000 });
    expect(report.warnings).toEqual([expect.stringMatching(/^gwplan compare: scenario "smaller": .*no split/)]);
    expectSumsToDelta(report);
  });
});

describe('compareScenarios', () => {
  const base = baseCaseInputs();
  const late = edited(base, (s) => {
    s.phases = s.phases.map((p) => ({ ...p, energisedOn: p.energisedOn.replace(/^(\d{4})/, (y) => String(Number(y) + 1)) }));
  });
  const report = compareScenarios([scenarioRun('base', base), scenarioRun('late', late), scenarioRun('pue', edited(base, (s) => void (s.facility.annualPue = byYear(10, 1.2))))], 'base');

  it('has one summary row per metric, in SUMMARY_METRICS order then the tranche metrics, deltas from delta.ts', () => {
    expect(report.summary.map((r) => r.metric)).toEqual([
      ...SUMMARY_METRICS.map((m) => m.metric),
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
    ]);
    for (const row of report.summary) {
      if (row.kind !== 'number') continue;
      row.scenarios.forEach((cell) => {
        expect(cell.delta).toBe(delta(row.baseline, cell.value));
        expect(cell.deltaPct).toBe(deltaPct(row.baseline, cell.value));
      });
    }
    const chips = report.summary.find((r) => r.metric === 'chips')!;
    expect(chips.kind === 'number' && chips.scenarios.map((c) => c.delta)).toEqual([0, 0]); // neither a delay nor PUE changes the fleet
  });

  it('gives a date its delta in days, and its delta % relative to the days from the horizon start', () => {
    const row = report.summary.find((r) => r.metric === 'full_buildout_date')!;
    expect(row).toMatchObject({ kind: 'date', unit: 'date', baseline: '2029-12-30', baselineDays: 1459 });
    expect(row.scenarios[0]).toMatchObject({ value: '2030-12-30', delta: 365, deltaPct: (100 * 365) / 1459 });
  });

  it('compares tranche metrics: a year in years, a share as a number, no attribution', () => {
    // Base: capex reaches upfront in 2027 and milestones in 2029; a year's delay moves both a year later.
    const year = report.summary.find((r) => r.metric === 'tranche_milestones_capex_exceeds_year')!;
    expect(year).toMatchObject({ kind: 'tranche', unit: 'year', baseline: 2029 });
    expect(year.scenarios[0]).toEqual({ scenario: 'late', value: 2030, delta: 1, deltaPct: deltaPct(2029, 2030) });
    const share = report.summary.find((r) => r.metric === 'tranche_upfront_share_of_full_buildout_capex')!;
    expect(share).toMatchObject({ kind: 'tranche', unit: 'ratio' });
    expect(share.kind === 'tranche' && share.scenarios.map((c) => c.delta)).toEqual([0, 0]); // neither changes the capex
    expect(report.attribution.flatMap((a) => a.rows).some((r) => r.metric.startsWith('tranche_'))).toBe(false);
  });

  it('keeps text metrics as text', () => {
    expect(report.summary.find((r) => r.metric === 'binding_constraint')).toMatchObject({ kind: 'text', baseline: 'envelope' });
  });

  it('lists annual rows for every scenario, year and metric, baseline first with delta 0', () => {
    const years = 10;
    const perYear = report.annual.filter((r) => r.scenario === 'base' && r.year === 2026).map((r) => r.metric);
    expect(perYear).toEqual([
      'hours', 'chips_end', 'critical_it_mw_end', 'peak_fp8_pflops_end', 'it_energy_mwh', 'facility_energy_mwh', 'effective_pue',
      'average_facility_mw', 'peak_facility_mw', 'clean_energy_target_mwh', 'contracted_clean_mwh', 'new_clean_energy_mwh',
      'emissions_location_tco2e', 'emissions_market_tco2e', 'water_m3', 'homes_equivalent', 'delivered_compute_eflop',
      'clean_nameplate_solar_mw', 'clean_nameplate_onshore_wind_mw', 'clean_nameplate_offshore_wind_mw', 'clean_nameplate_clean_firm_mw',
    ]);
    expect(report.annual).toHaveLength(3 * years * perYear.length);
    expect(report.annual.filter((r) => r.scenario === 'base').every((r) => r.delta === 0 && r.deltaPct === 0)).toBe(true);
    const at = (scenario: string, year: number, metric: string) => report.annual.find((r) => r.scenario === scenario && r.year === year && r.metric === metric)!;
    const late2027 = at('late', 2027, 'facility_energy_mwh');
    expect(late2027.delta).toBe(late2027.value - at('base', 2027, 'facility_energy_mwh').value);
    expect(late2027.deltaPct).toBe(deltaPct(at('base', 2027, 'facility_energy_mwh').value, late2027.value));
    expect(at('pue', 2031, 'clean_nameplate_solar_mw').delta).toBeGreaterThan(0);
  });

  it('compares a year the baseline lacks with 0', () => {
    const short = makeInputs();
    const long = makeInputs({ horizon: { firstYear: 2026, lastYear: 2028 } });
    const horizons = compareScenarios([scenarioRun('base', short), scenarioRun('long', long)], 'base');
    const row = horizons.annual.find((r) => r.scenario === 'long' && r.year === 2028 && r.metric === 'facility_energy_mwh')!;
    expect(row.delta).toBe(row.value);
    expect(row.deltaPct).toBe(100);
    expect(horizons.annual.find((r) => r.scenario === 'long' && r.year === 2027 && r.metric === 'facility_energy_mwh')!.delta).toBe(0);
  });

  describe('tranches that differ between scenarios', () => {
    // Base: upfront (15 bn, 2026) and milestones (35 bn at 1 GW). `renamed` pays "first" and "rest" instead;
    // `huge` adds a tranche far beyond the build's capex, which cumulative capex never reaches.
    const tranches = base.cost.tranches;
    const renamed = edited(base, (s) => {
      s.cost = { ...s.cost, tranches: [{ ...tranches[0]!, name: 'first' }, { ...tranches[1]!, name: 'rest' }] };
    });
    const huge = edited(base, (s) => {
      s.cost = { ...s.cost, tranches: [...tranches, { name: 'huge', amountUsd: 1e15, condition: { kind: 'date', date: '2030-01-01' } }] };
    });
    const mixed = compareScenarios([scenarioRun('base', base), scenarioRun('renamed', renamed), scenarioRun('huge', huge)], 'base');
    const row = (metric: string) => mixed.summary.find((r) => r.metric === metric)!;

    it("lists the baseline's tranche metrics, then those other scenarios add, in first-appearance order", () => {
      expect(mixed.summary.slice(SUMMARY_METRICS.length).map((r) => r.metric)).toEqual([
        'tranche_upfront_capex_exceeds_year',
        'tranche_upfront_share_of_full_buildout_capex',
        'tranche_milestones_capex_exceeds_year',
        'tranche_milestones_share_of_full_buildout_capex',
        'tranche_first_capex_exceeds_year',
        'tranche_first_share_of_full_buildout_capex',
        'tranche_rest_capex_exceeds_year',
        'tranche_rest_share_of_full_buildout_capex',
        'tranche_huge_capex_exceeds_year',
        'tranche_huge_share_of_full_buildout_capex',
      ]);
      expect(mixed.summary.slice(SUMMARY_METRICS.length).every((r) => r.kind === 'tranche')).toBe(true);
    });

    it('gives a scenario lacking a tranche no value and no delta, on either side', () => {
      expect(row('tranche_upfront_capex_exceeds_year')).toMatchObject({
        baseline: 2027,
        scenarios: [
          { scenario: 'renamed', value: 'absent', delta: null, deltaPct: null },
          { scenario: 'huge', value: 2027, delta: 0, deltaPct: 0 },
        ],
      });
      expect(row('tranche_first_share_of_full_buildout_capex')).toMatchObject({
        baseline: 'absent',
        scenarios: [
          { scenario: 'renamed', delta: null, deltaPct: null },
          { scenario: 'huge', value: 'absent', delta: null, deltaPct: null },
        ],
      });
    });

    it("gives a year capex never reaches 'never', with no delta, and its share a number", () => {
      expect(summaryValue(scenarioRun('huge', huge).result, 'tranche_huge_capex_exceeds_year')).toBe('');
      expect(row('tranche_huge_capex_exceeds_year')).toMatchObject({
        kind: 'tranche',
        unit: 'year',
        baseline: 'absent',
        scenarios: [
          { scenario: 'renamed', value: 'absent', delta: null },
          { scenario: 'huge', value: 'never', delta: null, deltaPct: null },
        ],
      });
      const share = row('tranche_huge_share_of_full_buildout_capex');
      expect(share.kind === 'tranche' && typeof share.scenarios[1]!.value).toBe('number');
      expect(share.kind === 'tranche' && share.scenarios[1]!.value).toBeGreaterThan(1);
    });

    it('attributes only the fixed metrics, and its attribution still adds up', () => {
      expectSumsToDelta(mixed);
    });
  });

  it('of a scenario against itself gives all-zero deltas and no attribution or assumption rows', () => {
    const self = compareScenarios([scenarioRun('base', base), scenarioRun('same', baseCaseInputs())], 'base');
    for (const row of self.summary) {
      if (row.kind !== 'text') expect(row.scenarios.every((c) => c.delta === 0 && c.deltaPct === 0)).toBe(true);
    }
    expect(self.annual.every((r) => r.delta === 0 && r.deltaPct === 0)).toBe(true);
    expect(self.attribution).toEqual([{ scenario: 'same', method: 'shapley', reason: '', factors: [], modelRuns: 0, rows: [] }]);
    expect(self.assumptions).toEqual([]);
  });

  it('refuses an unknown baseline and repeated names', () => {
    expect(() => compareScenarios([scenarioRun('base', base)], 'nope')).toThrow(/no baseline scenario "nope"/);
    expect(() => compareScenarios([scenarioRun('base', base), scenarioRun('base', base)], 'base')).toThrow(/unique/);
  });

  it('compares with any scenario as the baseline', () => {
    const flipped = compareScenarios([scenarioRun('late', late), scenarioRun('base', base)], 'late');
    expect(flipped.scenarios).toEqual(['base']);
    const date = flipped.summary.find((r) => r.metric === 'full_buildout_date')!;
    expect(date.kind === 'date' && date.scenarios[0]!.delta).toBe(-365);
    expect(summaryValue(scenarioRun('late', late).result, 'full_buildout_date')).toBe('2030-12-30');
  });
});
