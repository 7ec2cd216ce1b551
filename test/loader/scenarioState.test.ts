/**
 * Applying overlays: what a scenario changes, what it inherits, the provenance
 * of each effective value (setBy), and the checks of the merged inputs.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, loadScenario, recordOf, setByOf, warningsOf, yaml } from './fixture.js';

const A = 'assumptions/scenarios/a.yaml';
const HEADER = ['extends: base', 'question: "What if?"'];
const loadA = (...lines: string[]) => loadScenario('a', { 'a.yaml': yaml(...lines) });
const inputsOf = (outcome: ReturnType<typeof loadA>) => {
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  return outcome.scenario.inputs;
};
const BASE = loadScenario('base', {});

describe('applying a scenario overlay', () => {
  it('overrides a single value, replacing the whole value: number, range, source and confidence', () => {
    const outcome = loadA(...HEADER, 'facility:', '  design_pue: {value: 1.15, source: "vendor design", confidence: rough}');
    expect(inputsOf(outcome).facility.designPue).toBe(1.15);
    const record = recordOf(outcome, 'facility.design_pue');
    expect(record).toMatchObject({ value: 1.15, written: '1.15', source: 'vendor design', confidence: 'rough', at: { file: A, line: 4, column: 23 } });
    expect(record).not.toHaveProperty('low'); // base's 1.15-1.40 range went with its value
    expect(setByOf(record)).toEqual(['assumptions/facility.yaml:15:12', `${A}:4:23`]);
    // Everything else is inherited, located in base, with setBy = [at].
    expect({ ...inputsOf(outcome), facility: { ...inputsOf(outcome).facility, designPue: 1.25 } }).toEqual(inputsOf(BASE));
    expect(setByOf(recordOf(outcome, 'facility.headroom'))).toEqual(['assumptions/facility.yaml:8:12']);
  });

  it('replaces a by_year schedule whole', () => {
    const outcome = loadA(...HEADER, 'facility:', '  annual_pue:', '    by_year:', '      2026: 1.14', '      2030: 1.08');
    expect(inputsOf(outcome).facility.annualPue).toEqual([1.14, 1.14, 1.14, 1.14, 1.08, 1.08, 1.08, 1.08, 1.08, 1.08]);
    const records = inputsOf(outcome) && (outcome.ok ? outcome.scenario.records : []).filter((r) => r.path.startsWith('facility.annual_pue'));
    expect(records.map((r) => [r.path, setByOf(r)])).toEqual([
      ['facility.annual_pue[2026]', ['assumptions/facility.yaml:22:12', `${A}:6:13`]],
      ['facility.annual_pue[2030]', ['assumptions/facility.yaml:22:12', `${A}:7:13`]],
    ]);
  });

  it('overrides a default the base leaves implicit', () => {
    const withoutPrecision = { 'utilisation.yaml': (t: string) => t.replace('  mfu_precision: bf16\n', '') };
    const outcome = loadScenario('a', { 'a.yaml': yaml(...HEADER, 'utilisation:', '  mfu_precision: fp8') }, withoutPrecision);
    expect(inputsOf(outcome).utilisation.mfuPrecision).toBe('fp8');
    // The default is located at its parent key in base, as in a base-only load.
    expect(setByOf(recordOf(outcome, 'utilisation.mfu_precision'))).toEqual(['assumptions/utilisation.yaml:5:1', `${A}:4:18`]);
    expect(recordOf(outcome, 'utilisation.mfu_precision')).not.toHaveProperty('source');
  });

  it('patches a single field of one chip', () => {
    const outcome = loadA(...HEADER, 'chips:', '  patch:', '    trainium3: {tdp: {value: 1.4 kW, source: "what if", confidence: rough}}');
    const [trainium2, trainium3, trainium4] = inputsOf(outcome).chips;
    const [base2, base3, base4] = inputsOf(BASE).chips;
    expect(trainium3).toEqual({ ...base3, tdpW: 1400 });
    expect([trainium2, trainium4]).toEqual([base2, base4]);
    expect(setByOf(recordOf(outcome, 'chips.trainium3.tdp'))).toEqual(['assumptions/chips.yaml:46:14', `${A}:5:30`]);
  });

  it('patches a phase by name: only the columns given, with the patch\'s provenance', () => {
    const outcome = loadA(...HEADER, 'phases:', '  patch:', '    trn4-c: {energised_on: 2030-04-01, end_of_life: 2035-04-01, source: "9 months late"}');
    const phases = inputsOf(outcome).phases;
    expect(phases.map((p) => p.name)).toEqual(['trn3-a', 'trn3-b', 'trn4-a', 'trn4-b', 'trn4-c']);
    expect(phases[4]).toEqual({ ...inputsOf(BASE).phases[4], energisedOn: '2030-04-01', endOfLife: '2035-04-01' });
    expect(recordOf(outcome, 'phases.trn4-c.energised_on')).toMatchObject({ source: '9 months late', at: { file: A, line: 5, column: 28 } });
    expect(recordOf(outcome, 'phases.trn4-c.energised_on')).not.toHaveProperty('confidence');
    expect(setByOf(recordOf(outcome, 'phases.trn4-c.end_of_life'))).toEqual(['assumptions/phases.csv:6:45', `${A}:5:53`]);
    // Unpatched cells keep base's row provenance.
    expect(recordOf(outcome, 'phases.trn4-c.poi')).toMatchObject({ confidence: 'placeholder', at: { file: 'assumptions/phases.csv' } });
  });

  it('adds a phase, after the inherited ones, with every column it gives', () => {
    const outcome = loadA(
      ...HEADER,
      'phases:',
      '  add:',
      '    extra: {energised_on: 2031-01-01, poi: 100 MW, chip: trainium4, ramp: 6 months, end_of_life: 2036-01-01, source: "expansion", confidence: placeholder}',
    );
    const phases = inputsOf(outcome).phases;
    expect(phases.at(-1)).toEqual({ name: 'extra', energisedOn: '2031-01-01', poi: { kind: 'mw', mw: 100 }, chip: 'trainium4', rampHours: 4383, endOfLife: '2036-01-01' });
    expect(recordOf(outcome, 'phases.extra.poi')).toMatchObject({ value: 100, source: 'expansion', confidence: 'placeholder', at: { file: A, line: 5, column: 44 } });
    expect(setByOf(recordOf(outcome, 'phases.extra.poi'))).toEqual([`${A}:5:44`]);
  });

  it('chains a phase cell to base only when base wrote a value there', () => {
    const emptyEnd = { 'phases.csv': (t: string) => t.replace('6 months,2034-07-01,trainium4', '6 months,,') };
    const outcome = loadScenario('a', { 'a.yaml': yaml(...HEADER, 'phases:', '  patch:', '    trn4-c: {end_of_life: 2034-01-01, ramp: 3 months}') }, emptyEnd);
    expect(setByOf(recordOf(outcome, 'phases.trn4-c.end_of_life'))).toEqual([`${A}:5:27`]);
    expect(setByOf(recordOf(outcome, 'phases.trn4-c.ramp'))).toEqual(['assumptions/phases.csv:6:36', `${A}:5:45`]);
  });

  it('removes a phase, and an optional column of another', () => {
    const outcome = loadA(...HEADER, 'remove:', '  - phases.trn3-b', '  - phases.trn4-c.refresh_to');
    const phases = inputsOf(outcome).phases;
    expect(phases.map((p) => p.name)).toEqual(['trn3-a', 'trn4-a', 'trn4-b', 'trn4-c']);
    expect(phases[3]).not.toHaveProperty('refreshTo');
    expect(recordOf(outcome, 'phases.trn3-b.poi')).toBeUndefined();
  });

  it('adds a chip, switches another to a different all-in method, and removes a third', () => {
    const outcome = loadA(
      ...HEADER,
      'chips:',
      '  patch:',
      '    trainium3: {all_in_power: 1.8 kW}',
      '  add:',
      '    trainium5:',
      '      tdp: 2 kW',
      '      all_in_power: 3 kW',
      '      chips_per_server: 4',
      '      chips_per_ultraserver: 144',
      '      peak_bf16: 3000 TFLOP/s',
      '      peak_fp8: 9000 TFLOP/s',
      '      hbm: 384 GiB',
      '      service_life: 5 years',
      // A scenario that adds a chip adds its costs.
      'cost:',
      '  it:',
      '    trainium5: {server_per_chip: 90 kUSD, network_share: 0.15, storage_share: 0.03}',
      'phases:',
      '  patch:',
      '    trn4-c: {refresh_to: trainium5}',
      'remove:',
      '  - chips.trainium3.server_factor',
      '  - chips.trainium3.it_factor',
      '  - chips.trainium2',
    );
    const chips = inputsOf(outcome).chips;
    expect(chips.map((c) => [c.name, c.allInPower.method])).toEqual([['trainium3', 'explicit'], ['trainium4', 'factors'], ['trainium5', 'explicit']]);
    expect(chips[2]).toMatchObject({ tdpW: 2000, allInPower: { allInW: 3000 }, hbmGib: 384 });
    expect(inputsOf(outcome).phases[4]!.refreshTo).toBe('trainium5');
    expect(recordOf(outcome, 'chips.trainium3.server_factor')).toBeUndefined();
    // Costs for the chips of the scenario: trainium2's are left out with the chip.
    expect(inputsOf(outcome).cost.chips).toEqual({
      trainium3: { serverUsdPerChip: 40_000, networkShare: 0.15, storageShare: 0.03 },
      trainium4: { serverUsdPerChip: 60_000, networkShare: 0.15, storageShare: 0.03 },
      trainium5: { serverUsdPerChip: 90_000, networkShare: 0.15, storageShare: 0.03 },
    });
    expect(recordOf(outcome, 'cost.it.trainium5.server_per_chip')).toMatchObject({ value: 90_000, unit: 'USD', written: '90 kUSD', currencyYear: 2025 });
  });

  it('reports a removed chip that a phase still uses as an unknown chip, at the phase', () => {
    expect(errorsOf(loadA(...HEADER, 'remove:', '  - chips.trainium3'))).toEqual(
      [2, 3].map(
        (line) =>
          `assumptions/phases.csv:${line}:26 phases.trn3-${line === 2 ? 'a' : 'b'}.chip: chip "trainium3" is removed (${A}:4:5) but this phase still uses it; patch the phase to another chip (known chips: trainium2, trainium4), remove the phase too, or keep the chip. (in scenario "a")`,
      ),
    );
    const alsoPhases = loadA(...HEADER, 'remove:', '  - chips.trainium3', '  - phases.trn3-a', '  - phases.trn3-b');
    expect(inputsOf(alsoPhases).chips.map((c) => c.name)).toEqual(['trainium2', 'trainium4']);
  });

  it('names a chip a scenario phase uses but no one defined', () => {
    expect(errorsOf(loadA(...HEADER, 'phases:', '  patch:', '    trn4-a: {chip: trainium5}'))).toEqual([
      `${A}:5:20 phases.trn4-a.chip: chip "trainium5" is not in chips.yaml or any "chips: add:" of the scenario (known chips: trainium2, trainium3, trainium4); did you mean "trainium2"?`,
    ]);
  });

  it('checks the merged inputs exactly as base, locating a rule broken in an inherited file and naming the scenario', () => {
    expect(errorsOf(loadA(...HEADER, 'remove:', '  - phases.trn3-a.end_of_life'))).toEqual([
      'assumptions/phases.csv:2:56 phases.trn3-a.refresh_to: refresh_to "trainium4" needs an end_of_life date, when the first vintage retires; add end_of_life or clear refresh_to. (in scenario "a")',
    ]);
    expect(errorsOf(loadA(...HEADER, 'procurement:', '  mix:', '    solar: 0.6'))).toEqual([
      `${A}:4:3 procurement.mix: shares sum to 1.1, not 1; adjust them so they add up to 1 (100%).`,
    ]);
    expect(warningsOf(loadA(...HEADER, 'facility:', '  design_pue: 1.1'))).toEqual([
      `${A}:4:15 warning: facility.design_pue: design PUE 1.1 is below the annual PUE 1.14 (2026); the design-day PUE is normally at or above the annual average, so check both.`,
    ]);
  });

  it('refuses a patch of a phase or chip that does not exist, suggesting the nearest and saying that add: creates one', () => {
    expect(errorsOf(loadA(...HEADER, 'chips:', '  patch:', '    trainium33: {tdp: 1 kW}', 'phases:', '  patch:', '    trn3-z: {poi: 10 MW}'))).toEqual([
      `${A}:5:5 chips.trainium33: there is no chip "trainium33" in base (did you mean "trainium3"?); "patch:" changes an existing chip, and "add:" creates a new one with all its fields.`,
      `${A}:8:5 phases.trn3-z: there is no phase "trn3-z" in base (did you mean "trn3-a"?); "patch:" changes an existing phase, and "add:" creates a new one with all its columns.`,
    ]);
  });

  it('refuses an addition of one that exists (use patch:), and an incomplete new one', () => {
    expect(
      errorsOf(loadA(...HEADER, 'chips:', '  add:', '    trainium3: {tdp: 1 kW}', 'phases:', '  add:', '    trn3-a: {poi: 10 MW}', '    extra: {poi: 10 MW, chip: trainium4, ramp: 0 months}')),
    ).toEqual([
      `${A}:5:5 chips.trainium3: chip "trainium3" already exists in base; change its fields under "patch:" instead ("add:" is for new chips).`,
      `${A}:8:5 phases.trn3-a: phase "trn3-a" already exists in base; change its columns under "patch:" instead ("add:" is for new phases).`,
      `${A}:9:5 phases.extra.energised_on: missing; a new phase needs energised_on, poi, chip and ramp: add "energised_on:" under "extra:".`,
    ]);
    const chip = ['    trainium5:', '      tdp: 2 kW', '      server_factor: 1.5', '      chips_per_server: 4', '      chips_per_ultraserver: 144', '      peak_bf16: 3000 TFLOP/s', '      peak_fp8: 9000 TFLOP/s', '      service_life: 5 years'];
    expect(errorsOf(loadA(...HEADER, 'chips:', '  add:', ...chip))).toEqual([
      `${A}:5:5 chips.trainium5.hbm: missing; add "hbm:" under "trainium5:" with a data size.`,
      `${A}:5:5 chips.trainium5.it_factor: server_factor is given without it_factor; add it_factor, as the two go together.`,
    ]);
  });

  it('refuses a removal of something that does not exist, or that the same file also patches', () => {
    expect(
      errorsOf(
        loadA(
          ...HEADER,
          'phases:',
          '  patch:',
          '    trn4-b: {poi: 10 MW}',
          'remove:',
          '  - phases.trn3-z',
          '  - chips.trainium33',
          '  - phases.trn3-a.refresh_too',
          '  - chips.trainium3.all_in_power',
          '  - phases.trn4-b',
        ),
      ),
    ).toEqual([
      `${A}:7:5 phases.trn3-z: there is no phase "trn3-z" in base to remove; did you mean "phases.trn3-a"?`,
      `${A}:8:5 chips.trainium33: there is no chip "trainium33" in base to remove; did you mean "chips.trainium3"?`,
      `${A}:9:5 phases.trn3-a.refresh_too: there is no refresh_too for phase "trn3-a" in base to remove; did you mean "phases.trn3-a.refresh_to"?`,
      `${A}:10:5 chips.trainium3.all_in_power: there is no all_in_power for chip "trainium3" in base to remove; check the name, or delete this entry.`,
      `${A}:11:5 phases.trn4-b: is also changed under "patch:" on line 5 of this file; either change it or remove it, not both.`,
    ]);
  });
});
