import { describe, expect, it } from 'vitest';
import { diffInputs, mixInputs, phaseColumn, sameInputs } from '../../src/compare/factors.js';
import { PHASE_COLUMNS } from '../../src/loader/fieldTable.js';
import type { ModelInputs, PhaseSpec } from '../../src/model/inputs.js';
import { baseCaseInputs, byYear, makeInputs, oneChip, onePhase } from '../model/fixtures.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
function edited(change: (inputs: Mutable<ModelInputs>) => void): ModelInputs {
  const inputs = structuredClone(baseCaseInputs()) as Mutable<ModelInputs>;
  change(inputs);
  return inputs;
}

const labels = (base: ModelInputs, scenario: ModelInputs) => diffInputs(base, scenario).map((f) => f.label);

describe('diffInputs', () => {
  it('finds nothing between equal inputs', () => {
    expect(diffInputs(baseCaseInputs(), baseCaseInputs())).toEqual([]);
  });

  it('labels each changed leaf with its assumption path, in file order', () => {
    const scenario = edited((s) => {
      s.context.wueM3PerMwh = 0.12;
      s.utilisation.oversubscriptionRatio = 1.2;
      s.facility.designPue = 1.15;
      s.procurement.mix = { ...s.procurement.mix, solar: 0.2, clean_firm: 0.4 };
      s.envelope.basis = 'critical_it';
    });
    expect(labels(baseCaseInputs(), scenario)).toEqual([
      'envelope.basis',
      'facility.design_pue',
      'utilisation.oversubscription_ratio',
      'procurement.mix.solar',
      'procurement.mix.clean_firm',
      'context.wue',
    ]);
  });

  it('counts a ByYear array as one factor', () => {
    const scenario = edited((s) => {
      s.facility.annualPue = [1.14, 1.14, 1.14, 1.12, 1.1, 1.1, 1.1, 1.1, 1.1, 1.08];
    });
    expect(labels(baseCaseInputs(), scenario)).toEqual(['facility.annual_pue']);
  });

  it('names chip fields by their YAML key, and an all-in power method object as one factor', () => {
    const scenario = edited((s) => {
      s.chips[1] = { ...s.chips[1]!, tdpW: 1400, powerRatio: 0.7 };
      s.chips[2] = { ...s.chips[2]!, allInPower: { method: 'explicit', allInW: 2600 } };
      s.chips[0] = { ...s.chips[0]!, allInPower: { method: 'factors', serverFactor: 1.82, itFactor: 1.14 } };
    });
    expect(labels(baseCaseInputs(), scenario)).toEqual([
      'chips.trainium2.server_factor',
      'chips.trainium3.tdp',
      'chips.trainium3.power_ratio',
      'chips.trainium4.all_in_power + chips.trainium4.server_factor + chips.trainium4.it_factor',
    ]);
  });

  it('matches phases by name: a changed column is a factor, an added or removed phase one factor', () => {
    const scenario = edited((s) => {
      s.phases = [
        { ...s.phases[4]!, energisedOn: '2030-04-01', rampHours: 0, endOfLife: '2035-01-01' },
        ...s.phases.slice(1, 4),
        { name: 'extra', energisedOn: '2031-01-01', poi: { kind: 'share', share: 0.05 }, chip: 'trainium4', rampHours: 0 },
      ];
    });
    expect(labels(baseCaseInputs(), scenario)).toEqual([
      'phases.trn3-a',
      'phases.trn4-c.energised_on',
      'phases.trn4-c.ramp',
      'phases.trn4-c.end_of_life',
      'phases.extra',
    ]);
  });

  it('names hourly CFE changes by their cfe.yaml key; the profile keys together are one factor', () => {
    const hourly = (n: number) => new Float64Array(8760).fill(n);
    const scenario = edited((s) => {
      if (s.cfe.profiles.kind !== 'synthetic') throw new Error('the base case has synthetic profiles');
      s.cfe = {
        ...s.cfe,
        targets: [0.9, 1],
        profiles: { kind: 'synthetic', site: { ...s.cfe.profiles.site, name: 'texas-ercot', latitudeDeg: 32.45 } },
        gridCfeShare: hourly(0.5),
        gridEmissionsTPerMwh: hourly(0.3),
        gridHourlyFile: { key: 'cfe.grid_hourly_file', written: 'grid.csv', file: 'assumptions/grid.csv', rows: 8760, lastLine: 8761 },
        costs: { ...s.cfe.costs, technology: { ...s.cfe.costs.technology, solar: { ...s.cfe.costs.technology.solar, capexUsdPerKw: 900 } } },
        maxMw: { ...s.cfe.maxMw, clean_firm: 0 },
      };
    });
    const found = diffInputs(baseCaseInputs(), scenario);
    expect(found.map((f) => f.label)).toEqual([
      'cfe.targets',
      'cfe.profiles',
      // The hourly file's share column replaced the flat share: the flat share's row differs too.
      'cfe.grid_cfe_share',
      'cfe.grid_emission_factor',
      'cfe.grid_hourly_file',
      'cfe.costs.solar.capex',
      'cfe.max_capacity.clean_firm',
    ]);
    expect(sameInputs(mixInputs(baseCaseInputs(), found, () => true), scenario)).toBe(true);
    // The hourly grid file switches both of its columns with it.
    const fileOnly = mixInputs(baseCaseInputs(), found, (i) => found[i]!.label === 'cfe.grid_hourly_file');
    expect([fileOnly.cfe.gridCfeShare, fileOnly.cfe.gridEmissionsTPerMwh]).toEqual([hourly(0.5), hourly(0.3)]);
  });

  it('maps every PhaseSpec field to its phases.csv column', () => {
    const full: Required<PhaseSpec> = { name: 'p', energisedOn: '', poi: { kind: 'mw', mw: 1 }, chip: '', rampHours: 0, endOfLife: '', refreshTo: '' };
    const columns = Object.keys(full).map(phaseColumn);
    for (const column of columns) expect(Object.keys(PHASE_COLUMNS)).toContain(column);
    expect(columns).toEqual(['name', 'energised_on', 'poi', 'chip', 'ramp', 'end_of_life', 'refresh_to']);
  });
});

describe('mixInputs', () => {
  const scenario = edited((s) => {
    s.facility.annualPue = byYear(10, 1.08);
    s.chips[1] = { ...s.chips[1]!, tdpW: 1400 };
    s.phases = [...s.phases.slice(0, 4), { ...s.phases[4]!, rampHours: 0 }, { name: 'extra', energisedOn: '2031-01-01', poi: { kind: 'mw', mw: 10 }, chip: 'trainium4', rampHours: 0 }];
  });
  const factors = diffInputs(baseCaseInputs(), scenario);

  it('with every factor rebuilds the scenario, and with none the baseline', () => {
    expect(sameInputs(mixInputs(baseCaseInputs(), factors, () => true), scenario)).toBe(true);
    expect(mixInputs(baseCaseInputs(), factors, () => false)).toEqual(baseCaseInputs());
  });

  it('takes exactly the chosen factors from the scenario', () => {
    const mixed = mixInputs(baseCaseInputs(), factors, (i) => factors[i]!.label === 'chips.trainium3.tdp');
    expect(mixed.chips[1]!.tdpW).toBe(1400);
    expect(mixed.facility.annualPue).toEqual(byYear(10, 1.14));
    expect(mixed.phases.map((p) => p.name)).toEqual(baseCaseInputs().phases.map((p) => p.name));
  });

  it('does not alter the inputs it mixes', () => {
    const before = structuredClone(baseCaseInputs());
    mixInputs(baseCaseInputs(), factors, () => true);
    expect(baseCaseInputs()).toEqual(before);
  });

  it('re-indexes yearly arrays by calendar year when the horizon changes', () => {
    const base = makeInputs({ facility: { annualPue: [1.2, 1.1] } }); // 2026-2027
    const longer = makeInputs({ horizon: { firstYear: 2026, lastYear: 2029 }, utilisation: { powerRatio: [0.5, 0.5, 0.4, 0.4] }, facility: { annualPue: [1.2, 1.1, 1.1, 1.1] } });
    const found = diffInputs(base, longer);
    // annual_pue held flat past 2027 is the same assumption; power_ratio changes in 2028.
    expect(found.map((f) => f.label)).toEqual(['horizon.last_year', 'utilisation.power_ratio']);
    const horizonOnly = mixInputs(base, found, (i) => i === 0);
    expect(horizonOnly.facility.annualPue).toEqual([1.2, 1.1, 1.1, 1.1]);
    expect(horizonOnly.utilisation.powerRatio).toEqual([0.5, 0.5, 0.5, 0.5]);
    const ratioOnly = mixInputs(base, found, (i) => i === 1);
    expect(ratioOnly.utilisation.powerRatio).toEqual([0.5, 0.5]);
    expect(sameInputs(mixInputs(base, found, () => true), longer)).toBe(true);
  });

  it('adds and removes chips by name', () => {
    const base = makeInputs();
    const scenario = makeInputs({ chips: [oneChip({ name: 'other' })], phases: [onePhase({ chip: 'other' })] });
    // makeInputs costs each chip it is given: the costs come and go with the chips.
    expect(labels(base, scenario)).toEqual(['chips.chip', 'chips.other', 'phases.p1.chip', 'cost.it.chip', 'cost.it.other']);
  });

  it('names cost changes by their cost.yaml key, a chip\'s cost field by field; the deflators are no factor', () => {
    const base = baseCaseInputs();
    const scenario = structuredClone(base) as Mutable<ModelInputs>;
    scenario.cost.chips.trainium3!.serverUsdPerChip = 50_000;
    scenario.cost.ppaUsdPerMwh.solar = 60;
    scenario.cost.electricityUsdPerMwh = byYear(10, 90);
    scenario.cost.tranches = [scenario.cost.tranches[0]!];
    const found = diffInputs(base, scenario);
    expect(found.map((f) => f.label)).toEqual([
      'cost.it.trainium3.server_per_chip',
      'cost.energy.electricity_price',
      'cost.energy.ppa_price.solar',
      'cost.investment.tranches',
    ]);
    expect(sameInputs(mixInputs(base, found, () => true), scenario)).toBe(true);
    const chipOnly = mixInputs(base, found, (i) => i === 0);
    expect([chipOnly.cost.chips.trainium3!.serverUsdPerChip, chipOnly.cost.ppaUsdPerMwh.solar]).toEqual([50_000, base.cost.ppaUsdPerMwh.solar]);
  });
});
