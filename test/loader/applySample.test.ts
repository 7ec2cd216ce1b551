import { describe, expect, it } from 'vitest';
import { compileSampleApplier, compileSampleWriter } from '../../src/loader/applySample.js';
import { createRng } from '../../src/uncertainty/rng.js';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import type { UncertainInput } from '../../src/uncertainty/types.js';
import { errorsOf, SHIPPED } from './fixture.js';

const AT = { file: 'assumptions/uncertainty.yaml', line: 1, column: 1 };
const value = (path: string): UncertainInput => ({ path, unit: '1', distribution: { kind: 'uniform', low: 0, high: 1 }, target: { kind: 'value' }, pointValue: 0, at: AT });
const shift = (phase: string): UncertainInput => ({
  path: `phases.${phase}.energised_on`,
  unit: 'h',
  distribution: { kind: 'uniform', low: 0, high: 1000 },
  target: { kind: 'date_shift_hours' },
  pointValue: 0,
  at: AT,
});
const choice = (phase: string, options: string[]): UncertainInput => ({
  path: `phases.${phase}.chip`,
  unit: '',
  distribution: { kind: 'choice', weights: options.map(() => 1 / options.length) },
  target: { kind: 'choice', options },
  pointValue: 0,
  at: AT,
});

function shipped() {
  const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  return outcome.scenario;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('compileSampleApplier', () => {
  const { inputs: base, uncertain } = shipped();
  deepFreeze(base); // any write to base would throw: the applier runs in strict mode
  const snapshot = structuredClone(base);

  it('gives back base, value for value, at the point values of the shipped inputs', () => {
    const apply = compileSampleApplier(base, uncertain);
    const out = apply(uncertain.map((u) => u.pointValue));
    expect(out).not.toBe(base);
    expect(out).toEqual(base);
  });

  it('puts each number in its place, in model units; a yearly value in every year', () => {
    const inputs = [
      value('facility.headroom'),
      value('facility.annual_pue'),
      value('chips.trainium4.tdp'),
      value('chips.trainium4.server_factor'),
      value('procurement.capacity_factor.solar'),
      value('phases.trn3-b.poi'),
      value('phases.trn3-b.ramp'),
    ];
    const out = compileSampleApplier(base, inputs)([0.07, 1.2, 2100, 1.6, 0.25, 300, 1000]);
    expect(out.facility.headroomShare).toBe(0.07);
    expect(out.facility.annualPue).toEqual(new Array(10).fill(1.2));
    expect(out.chips[2]).toMatchObject({ name: 'trainium4', tdpW: 2100, allInPower: { method: 'factors', serverFactor: 1.6, itFactor: 1.14 } });
    expect(out.procurement.capacityFactor).toEqual({ ...base.procurement.capacityFactor, solar: 0.25 });
    expect(out.phases[1]).toEqual({ ...base.phases[1], poi: { kind: 'mw', mw: 300 }, rampHours: 1000 });
    expect(base).toEqual(snapshot);
  });

  it('puts cost values in ModelInputs.cost: a chip\'s costs by chip name, the electricity price in every year', () => {
    const inputs = [
      value('cost.facility.construction'),
      value('cost.it.trainium3.server_per_chip'),
      value('cost.it.trainium4.network_share'),
      value('cost.energy.electricity_price'),
      value('cost.energy.ppa_price.solar'),
      value('cost.wacc'),
    ];
    const out = compileSampleApplier(base, inputs)([12e6, 45_000, 0.2, 88, 61, 0.06]);
    expect(out.cost.facilityUsdPerMwCriticalIt).toBe(12e6);
    expect(out.cost.chips).toEqual({
      ...base.cost.chips,
      trainium3: { ...base.cost.chips.trainium3, serverUsdPerChip: 45_000 },
      trainium4: { ...base.cost.chips.trainium4, networkShare: 0.2 },
    });
    expect(out.cost.chips.trainium2).toBe(base.cost.chips.trainium2);
    expect(out.cost.electricityUsdPerMwh).toEqual(new Array(10).fill(88));
    expect(out.cost.ppaUsdPerMwh).toEqual({ ...base.cost.ppaUsdPerMwh, solar: 61 });
    expect(out.cost.wacc).toBe(0.06);
    expect(out.cost.tranches).toBe(base.cost.tranches);
    expect(base).toEqual(snapshot);
    expect(() => compileSampleApplier(base, [value('cost.it.trainium9.server_per_chip')])).toThrow(/cost\.it\.trainium9/);
    expect(() => compileSampleApplier(base, [value('cost.deflators.2024')])).toThrow(/not a numeric assumption/);
  });

  it('copies only what it changes: every other branch is base\'s own', () => {
    const out = compileSampleApplier(base, [value('chips.trainium4.tdp'), shift('trn4-a')])([2000, 48]);
    for (const key of ['horizon', 'envelope', 'facility', 'utilisation', 'procurement', 'context'] as const) expect(out[key], key).toBe(base[key]);
    expect(out.chips).not.toBe(base.chips);
    expect(out.chips[0]).toBe(base.chips[0]);
    expect(out.chips[1]).toBe(base.chips[1]);
    expect(out.chips[2]!.allInPower).toBe(base.chips[2]!.allInPower);
    expect(out.phases.filter((p, i) => p === base.phases[i]).map((p) => p.name)).toEqual(['trn3-a', 'trn3-b', 'trn4-b', 'trn4-c']);
    expect(out.phases[2]!.poi).toBe(base.phases[2]!.poi);
    const mix = compileSampleApplier(base, [value('procurement.capacity_factor.solar')])([0.3]);
    expect(mix.procurement.mix).toBe(base.procurement.mix);
    expect(mix.procurement.matchingTargetShare).toBe(base.procurement.matchingTargetShare);
  });

  it('shifts energised_on and end_of_life together, by whole days (half a day rounds later)', () => {
    const apply = compileSampleApplier(base, [shift('trn4-a')]);
    const dates = (hours: number) => {
      const phase = apply([hours]).phases[2]!;
      return [phase.energisedOn, phase.endOfLife];
    };
    expect(base.phases[2]).toMatchObject({ energisedOn: '2027-10-01', endOfLife: '2032-10-01' });
    expect(dates(0)).toEqual(['2027-10-01', '2032-10-01']);
    expect(dates(11.9)).toEqual(['2027-10-01', '2032-10-01']);
    expect(dates(12)).toEqual(['2027-10-02', '2032-10-02']);
    expect(dates(35.9)).toEqual(['2027-10-02', '2032-10-02']);
    expect(dates(36)).toEqual(['2027-10-03', '2032-10-03']);
    expect(dates(-12)).toEqual(['2027-10-01', '2032-10-01']);
    expect(dates(-12.1)).toEqual(['2027-09-30', '2032-09-30']);
    // 9 months = 274 days on both dates (2028 has a leap day, 2033 not): the phase keeps its life in days.
    expect(dates(9 * 730.5)).toEqual(['2028-07-01', '2033-07-02']);
    expect(dates(1461 * 24)).toEqual(['2031-10-01', '2036-10-01']);
  });

  it('shifts a phase without an end of life, and gives it none', () => {
    const open = { ...base, phases: [{ ...base.phases[0]!, endOfLife: undefined, refreshTo: undefined }].map(({ endOfLife: _e, refreshTo: _r, ...p }) => p) };
    const out = compileSampleApplier(open as ModelInputs, [shift('trn3-a')])([24]);
    expect(out.phases[0]).toEqual({ ...open.phases[0], energisedOn: '2026-10-02' });
    expect('endOfLife' in out.phases[0]!).toBe(false);
  });

  it('turns a choice index into its option', () => {
    const apply = compileSampleApplier(base, [choice('trn4-c', ['trainium4', 'trainium3'])]);
    expect(apply([0]).phases[4]!.chip).toBe('trainium4');
    expect(apply([1]).phases[4]!.chip).toBe('trainium3');
    expect(() => apply([2])).toThrow(RangeError);
    expect(() => apply([0.5])).toThrow('option index 0.5 is not one of 0..1');
  });

  it('gives every call its own inputs', () => {
    const apply = compileSampleApplier(base, uncertain);
    const values = uncertain.map((u) => u.pointValue);
    const first = apply(values);
    const second = apply(values.map((v, i) => (uncertain[i]!.target.kind === 'value' ? v * 1.01 : v + 240)));
    expect(first).toEqual(base);
    expect(second.facility.designPue).toBeCloseTo(1.2625, 12);
    expect(second.phases[0]!.energisedOn).toBe('2026-10-11');
  });

  it('refuses values of the wrong length, and paths base does not have', () => {
    const apply = compileSampleApplier(base, uncertain);
    expect(() => apply([1, 2])).toThrow(`applySample: 2 values for ${uncertain.length} uncertain inputs`);
    expect(() => compileSampleApplier(base, [value('chips.trainium9.tdp')])).toThrow('no chip "trainium9"');
    expect(() => compileSampleApplier(base, [value('envelope.basis')])).toThrow('not a numeric assumption');
    expect(() => compileSampleApplier(base, [{ ...shift('trn3-a'), path: 'phases.trn3-a.end_of_life' }])).toThrow('a date shift applies to energised_on');
  });

  it('with nothing to vary, gives a shallow copy of base', () => {
    const out = compileSampleApplier(base, [])([]);
    expect(out).not.toBe(base);
    expect(Object.keys(out)).toEqual(Object.keys(base));
    for (const key of Object.keys(base) as (keyof ModelInputs)[]) expect(out[key]).toBe(base[key]);
  });

  it('leaves base as it was after all of this', () => {
    expect(base).toEqual(snapshot);
  });
});

describe('compileSampleWriter', () => {
  const { inputs: base, uncertain } = shipped();
  const snapshot = structuredClone(base);

  /** Random values for the shipped uncertain inputs: numbers near the point values, shifts of days, valid option indices. */
  const randomValues = (rng: () => number) =>
    uncertain.map((u) =>
      u.target.kind === 'choice' ? Math.floor(rng() * u.target.options.length) : u.target.kind === 'date_shift_hours' ? rng() * 6000 : u.pointValue * (0.5 + rng()),
    );

  it('gives what compileSampleApplier gives, call after call, in one reused object', () => {
    const write = compileSampleWriter(base, uncertain);
    const apply = compileSampleApplier(base, uncertain);
    const rng = createRng(7);
    const first = write(randomValues(rng));
    for (let call = 0; call < 50; call++) {
      const values = randomValues(rng);
      const written = write(values);
      expect(written).toBe(first);
      expect(written).toEqual(apply(values));
    }
  });

  it('copies only what it changes, once, and leaves base as it was', () => {
    const out = compileSampleWriter(base, [value('facility.design_pue')])([1.3]);
    expect(out.facility.designPue).toBe(1.3);
    expect(out.facility).not.toBe(base.facility);
    expect(out.chips).toBe(base.chips);
    expect(out.phases).toBe(base.phases);
    expect(base).toEqual(snapshot);
  });

  it('refuses values of the wrong length and option indices that are not options', () => {
    const write = compileSampleWriter(base, [choice('trn4-c', ['trainium4', 'trainium3'])]);
    expect(() => write([1, 2])).toThrow('applySample: 2 values for 1 uncertain inputs');
    expect(() => write([2])).toThrow('option index 2 is not one of 0..1');
    expect(write([1]).phases[4]!.chip).toBe('trainium3');
  });
});
