/**
 * A scenario overlay read on its own: its header, what it may override, and
 * the form of patches, additions and removals, each problem located in the
 * overlay file with what to do next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorsOf, loadScenario, recordOf, yaml } from './fixture.js';

const A = 'assumptions/scenarios/a.yaml';
const HEADER = ['extends: base', 'question: "What if?"'];
const errorsOfA = (...lines: string[]) => errorsOf(loadScenario('a', { 'a.yaml': yaml(...lines) }));

describe('scenario overlay file', () => {
  it('overrides any base section with the same keys and value forms', () => {
    const outcome = loadScenario('a', {
      'a.yaml': yaml(
        ...HEADER,
        'envelope:',
        '  basis: critical_it',
        'horizon:',
        '  last_year: 2034',
        'utilisation:',
        '  power_ratio: {by_year: {2026: 0.7, 2030: 0.6}}',
        'context:',
        '  wue: 0.12 L/kWh',
      ),
    });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    const { envelope, horizon, utilisation, context } = outcome.scenario.inputs;
    expect(envelope.basis).toBe('critical_it');
    expect(horizon.lastYear).toBe(2034);
    expect(utilisation.powerRatio).toEqual([0.7, 0.7, 0.7, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6]);
    expect(context.wueM3PerMwh).toBeCloseTo(0.12, 12);
    expect(recordOf(outcome, 'envelope.basis')).toMatchObject({ value: 'critical_it', at: { file: A, line: 4, column: 10 } });
  });

  it('needs "extends" and "question"', () => {
    expect(errorsOfA('facility:', '  design_pue: 1.2')).toEqual([
      `${A}:1:1 extends: missing; add "extends: base" (or the name of the scenario this one changes) at the top level.`,
      `${A}:1:1 question: missing; add "question:" at the top level with the one sentence this scenario answers, such as "What if ...?".`,
    ]);
    expect(errorsOfA('extends: base', 'question: ""')).toEqual([
      `${A}:2:1 question: missing; add "question:" at the top level with the one sentence this scenario answers, such as "What if ...?".`,
    ]);
    expect(errorsOfA('extends: {name: base}', 'question: [what]')).toEqual([
      `${A}:1:10 extends: found a mapping; expected text.`,
      `${A}:2:11 question: found a list; expected text.`,
    ]);
  });

  it('refuses a parent that is not a scenario name', () => {
    expect(errorsOfA('extends: Liquid Cooled', 'question: "Q?"')).toEqual([
      `${A}:1:10 extends: "Liquid Cooled" is not a scenario name; write base, or another scenario's file name without .yaml (lowercase letters, digits and hyphens).`,
    ]);
  });

  it('reports an empty file, malformed YAML and repeated keys', () => {
    expect(errorsOf(loadScenario('a', { 'a.yaml': '# nothing yet\n' }))).toEqual([
      `${A}:1:1 file is empty; a scenario needs "extends:" (the scenario it changes, such as base) and "question:" (what it asks), then only the values that differ.`,
    ]);
    expect(errorsOfA(...HEADER, 'facility: [')).toEqual([
      `${A}:4:1 is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); fix the syntax at this position.`,
    ]);
    expect(errorsOfA(...HEADER, 'facility:', '  design_pue: 1.2', '  design_pue: 1.3', 'extends: base')).toEqual([
      `${A}:5:3 facility.design_pue: key "design_pue" appears again (first on line 4); keep only one.`,
      `${A}:6:1 extends: key "extends" appears again (first on line 1); keep only one.`,
    ]);
  });

  it('refuses a section or field the base schema does not have, suggesting the nearest', () => {
    expect(errorsOfA(...HEADER, 'facility:', '  design_peu: 1.15', 'facilty:', '  headroom: 0.1', 'chip:', '  patch: {}')).toEqual([
      `${A}:4:3 facility.design_peu: unknown field "design_peu"; did you mean "design_pue"?`,
      `${A}:5:1 facilty: unknown field "facilty"; did you mean "facility"?`,
      `${A}:7:1 chip: unknown field "chip"; did you mean "chips"?`,
    ]);
    expect(errorsOfA(...HEADER, 'chips:', '  patches: {}', 'phases:', '  patch:', '    trn3-a: {nmae: x}')).toEqual([
      `${A}:4:3 chips.patches: unknown field "patches"; did you mean "patch"?`,
      `${A}:7:14 phases.trn3-a.nmae: unknown field "nmae"; expected one of: energised_on, poi, chip, ramp, end_of_life, refresh_to, source, confidence.`,
    ]);
  });

  it('checks each overriding value where it is written, as in base files', () => {
    expect(errorsOfA(...HEADER, 'facility:', '  auxiliary_load: 10 MWh', 'chips:', '  patch:', '    trainium2: {tdpp: 1 kW, hbm: 1 kg}')).toEqual([
      `${A}:4:19 facility.auxiliary_load: "10 MWh" is an energy; expected a power such as "10 MW".`,
      `${A}:7:17 chips.trainium2.tdpp: unknown field "tdpp"; did you mean "tdp"?`,
      `${A}:7:34 chips.trainium2.hbm: "1 kg" is a mass; expected a data size such as "1 GiB".`,
    ]);
  });

  it('needs each phase value to be written as a phases.csv cell', () => {
    expect(errorsOfA(...HEADER, 'phases:', '  patch:', '    trn3-b: {poi: }', '    trn4-a: {poi: [1]}', '    trn4-b: {confidence: guess, ramp: 1 month}')).toEqual([
      `${A}:5:14 phases.trn3-b.poi: has no value; write one as in a phases.csv cell (a step ramp is "0 months"), or list an optional column under "remove:" to drop it.`,
      `${A}:6:19 phases.trn4-a.poi: found a list; expected a single value, as in a phases.csv cell.`,
      `${A}:7:26 phases.trn4-b.confidence: "guess" is not one of official, analyst-estimate, rough, placeholder; write one of them.`,
    ]);
  });

  it('refuses a patch that changes nothing', () => {
    expect(errorsOfA(...HEADER, 'chips:', '  patch:', '    trainium4: {}', 'phases:', '  patch:', '    trn3-a: {source: "x"}')).toEqual([
      `${A}:5:5 chips.trainium4: changes nothing; give the fields to change, or delete this entry.`,
      `${A}:8:5 phases.trn3-a: changes nothing; give the columns to change, or delete this entry.`,
    ]);
  });

  it('accepts only removable targets, each once', () => {
    expect(
      errorsOfA(...HEADER, 'remove:', '  - phases.trn3-a.poi', '  - facility.design_pue', '  - phases.trn3-b', '  - phases.trn3-b', '  - phases.trn4-a.name', '  - chips.trainium3.tdp'),
    ).toEqual([
      `${A}:4:5 phases.trn3-a.poi: poi is required for every phase and cannot be removed; change it under "phases: patch:" instead, or remove the whole phase ("phases.trn3-a").`,
      `${A}:5:5 facility.design_pue: cannot remove "facility.design_pue"; "remove:" lists phases ("phases.<name>"), chips ("chips.<name>"), optional phase columns ("phases.<name>.end_of_life", "phases.<name>.refresh_to") and optional chip fields ("chips.<name>.power_ratio"). To change a value, override it instead.`,
      `${A}:7:5 phases.trn3-b: is already listed on line 6; keep only one.`,
      `${A}:8:5 phases.trn4-a.name: cannot remove "phases.trn4-a.name"; "remove:" lists phases ("phases.<name>"), chips ("chips.<name>"), optional phase columns ("phases.<name>.end_of_life", "phases.<name>.refresh_to") and optional chip fields ("chips.<name>.power_ratio"). To change a value, override it instead.`,
      `${A}:9:5 chips.trainium3.tdp: tdp is required for every chip and cannot be removed; change it under "chips: patch:" instead, or remove the whole chip ("chips.trainium3").`,
    ]);
    expect(errorsOfA(...HEADER, 'remove: phases.trn3-a')).toEqual([
      `${A}:3:9 remove: found a single value; expected a list of what to remove, one "- phases.<name>" or "- chips.<name>" per line.`,
    ]);
  });

  it('never throws for any text in a scenario file, and locates every error', () => {
    const valid = yaml(
      ...HEADER,
      'facility:',
      '  design_pue: {value: 1.15, source: "x"}',
      'chips:',
      '  patch:',
      '    trainium3: {tdp: 1.4 kW}',
      'phases:',
      '  patch:',
      '    trn4-c: {energised_on: 2030-04-01}',
      '  add:',
      '    extra: {energised_on: 2031-01-01, poi: 100 MW, chip: trainium4, ramp: 6 months}',
      'remove:',
      '  - phases.trn3-b',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      // A valid overlay cut short, or with one line replaced by junk.
      fc.nat().map((n) => valid.slice(0, n % valid.length)),
      fc.tuple(fc.nat(), fc.string({ maxLength: 30 })).map(([n, junk]) => {
        const lines = valid.split('\n');
        lines[n % lines.length] = junk;
        return lines.join('\n');
      }),
    );
    fc.assert(
      fc.property(text, (body) => {
        const outcome = loadScenario('a', { 'a.yaml': body });
        for (const error of outcome.ok ? [] : outcome.errors) {
          expect(error.at.file).toMatch(/^assumptions\//);
          expect(error.at.line).toBeGreaterThanOrEqual(1);
          expect(error.at.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 80 },
    );
  });
});
