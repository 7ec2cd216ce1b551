import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAssumptions } from '../../src/loader/index.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { listScenarios } from '../../src/pipeline/scenarios.js';
import { shippedCfeInputs } from '../model/cfeInputsFixture.js';
import { shippedCostInputs } from '../model/costInputsFixture.js';
import { errorsOf, loadEdited, loadScenario, recordOf, replaceOnce, setByOf, SHIPPED, yaml } from './fixture.js';

const TEN_YEARS = (value: number) => Array<number>(10).fill(value);
const FACTORS = { method: 'factors', serverFactor: 1.53, itFactor: 1.14 } as const;
const phase = (name: string, energisedOn: string, mw: number, chip: string, refresh?: [string, string]) => ({
  name,
  energisedOn,
  poi: { kind: 'mw', mw },
  chip,
  rampHours: 4383,
  ...(refresh && { endOfLife: refresh[0], refreshTo: refresh[1] }),
});

const SHIPPED_INPUTS: ModelInputs = {
  horizon: { firstYear: 2026, lastYear: 2035 },
  envelope: { powerMw: 2000, basis: 'poi', redundancyFactor: 1 },
  facility: {
    headroomShare: 0.05,
    designPue: 1.25,
    annualPue: TEN_YEARS(1.14),
    auxiliaryLoadMw: 10,
    partialLoadPueCoefficient: 0,
    partialLoadReferenceLoad: 0.75,
  },
  chips: [
    { name: 'trainium2', tdpW: 500, allInPower: FACTORS, chipsPerServer: 16, chipsPerUltraserver: 64, peakBf16Tflops: 667, peakFp8Tflops: 1299, hbmGib: 96, serviceLifeYears: 5 },
    { name: 'trainium3', tdpW: 1000, allInPower: FACTORS, chipsPerServer: 4, chipsPerUltraserver: 144, peakBf16Tflops: 671, peakFp8Tflops: 2517, hbmGib: 144, serviceLifeYears: 5 },
    { name: 'trainium4', tdpW: 1500, allInPower: FACTORS, chipsPerServer: 4, chipsPerUltraserver: 144, peakBf16Tflops: 2013, peakFp8Tflops: 7551, hbmGib: 288, serviceLifeYears: 5 },
  ],
  utilisation: { powerRatio: TEN_YEARS(0.75), oversubscriptionRatio: 1, modelFlopsUtilisation: TEN_YEARS(0.35), mfuPrecision: 'bf16' },
  phases: [
    phase('trn3-a', '2026-10-01', 250, 'trainium3', ['2031-10-01', 'trainium4']),
    phase('trn3-b', '2027-04-01', 250, 'trainium3', ['2032-04-01', 'trainium4']),
    phase('trn4-a', '2027-10-01', 500, 'trainium4', ['2032-10-01', 'trainium4']),
    phase('trn4-b', '2028-07-01', 500, 'trainium4', ['2033-07-01', 'trainium4']),
    phase('trn4-c', '2029-07-01', 500, 'trainium4', ['2034-07-01', 'trainium4']),
  ] as ModelInputs['phases'],
  procurement: {
    matchingTargetShare: TEN_YEARS(1),
    mix: { solar: 0.5, onshore_wind: 0.4, offshore_wind: 0, clean_firm: 0.1 },
    capacityFactor: { solar: 0.233, onshore_wind: 0.335, offshore_wind: 0.4, clean_firm: 0.9 },
    contractedCleanMwh: TEN_YEARS(0),
    lossConvention: 'delivery_point',
    tdLossShare: 0.05,
  },
  context: {
    gridEmissionsTco2ePerMwh: TEN_YEARS(0.38),
    residualMixTco2ePerMwh: TEN_YEARS(0.4),
    wueM3PerMwh: 0.15,
    householdMwhPerYear: 10.715,
  },
  cfe: shippedCfeInputs(),
  cost: shippedCostInputs(),
};

describe('loadAssumptions', () => {
  const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  const { scenario } = outcome;

  it('loads the shipped assumptions with no errors, in model units', () => {
    expect(scenario.name).toBe('base');
    expect(scenario.inputs).toEqual(SHIPPED_INPUTS);
  });

  it('records every effective value, located, in file order', () => {
    const files = [...new Set(scenario.records.map((r) => r.at.file))];
    expect(files).toEqual([
      ...['envelope', 'facility', 'chips', 'utilisation', 'phases', 'procurement', 'context', 'cfe'].map((f) => `assumptions/${f}.${f === 'phases' ? 'csv' : 'yaml'}`),
      'assumptions/sites/indiana-pjm.yaml',
      'assumptions/cost.yaml',
    ]);
    // 58 YAML values + 5 phases x 6 cells + cfe.yaml's 33 (5 targets) + the site preset's 6
    // + cost.yaml's 34 (7 deflators, 3 x 3 chip costs, 2 tranches x 3 fields)
    expect(scenario.records).toHaveLength(161);
    expect(scenario.records.find((r) => r.path === 'phases.trn3-a.poi')).toMatchObject({ value: 250, unit: 'MW', at: { file: 'assumptions/phases.csv', line: 2, column: 19 } });
    expect(scenario.records.find((r) => r.path === 'context.grid_emission_factor')).toMatchObject({ value: 0.38, unit: 'tCO2e/MWh', written: '380 kg/MWh', low: 0.3497, high: 0.4 });
    expect(scenario.records.find((r) => r.path === 'chips.trainium3.tdp')).toMatchObject({ value: 1000, unit: 'W', confidence: 'rough', at: { line: 46, column: 14 } });
  });

  it('lists every file read with the SHA-256 of its bytes, sorted by path', () => {
    const names = ['cfe.yaml', 'chips.yaml', 'context.yaml', 'cost.yaml', 'envelope.yaml', 'facility.yaml', 'phases.csv', 'procurement.yaml', 'sites/indiana-pjm.yaml', 'uncertainty.yaml', 'utilisation.yaml'];
    const sha256 = (name: string) => createHash('sha256').update(readFileSync(join(SHIPPED, name))).digest('hex');
    expect(scenario.files).toEqual(names.map((path) => ({ path, sha256: sha256(path) })));
  });

  it('shows files under the directory as given when no display directory is set', () => {
    const plain = loadAssumptions(SHIPPED);
    expect(plain.ok && plain.scenario.records[0]!.at.file).toBe(`${SHIPPED}/envelope.yaml`);
  });

  it('reports all mistakes in one pass, sorted by file then line', () => {
    const twoMistakes = loadEdited({
      'chips.yaml': replaceOnce('value: 1000 W', 'value: 1000 kg'),
      'facility.yaml': replaceOnce('value: 1.25', 'value: 0.95'),
    });
    expect(errorsOf(twoMistakes)).toEqual([
      'assumptions/facility.yaml:15:12 facility.design_pue: "0.95" is out of range; expected at least 1. Correct the value.',
      'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "1000 kg" is a mass; expected a power such as "1000 W".',
    ]);
  });

  it('reports a missing or empty file, and still checks the others', () => {
    const outcome = loadEdited({ 'context.yaml': null, 'utilisation.yaml': '# nothing yet\n', 'facility.yaml': replaceOnce('value: 0.05', 'value: 1.5') });
    expect(errorsOf(outcome)).toEqual([
      'assumptions/facility.yaml:8:12 facility.headroom: "1.5" is out of range; expected at least 0 and less than 1. Correct the value.',
      'assumptions/utilisation.yaml:1:1 file is empty; restore its content (the shipped assumptions directory has an example).',
      'assumptions/context.yaml:1:1 file not found; a scenario needs all of envelope.yaml, facility.yaml, chips.yaml, utilisation.yaml, phases.csv, procurement.yaml, context.yaml, cfe.yaml, cost.yaml. Restore it (the shipped assumptions directory has one of each).',
    ]);
  });

  it('reports malformed YAML at its position', () => {
    expect(errorsOf(loadEdited({ 'context.yaml': replaceOnce('  wue:\n', '  wue: [\n') }))).toEqual([
      'assumptions/context.yaml:20:12 is not valid YAML (Implicit keys need to be on a single line); fix the syntax at this position.',
    ]);
  });

  it('ignores other files in the directory', () => {
    expect(loadEdited({ 'notes.txt': 'planner notes', 'extra.yaml': ': not even yaml [' }).ok).toBe(true);
  });

  it('reports a missing directory once', () => {
    const missing = loadAssumptions(join(SHIPPED, 'nope'), { displayDir: 'nope' });
    expect(errorsOf(missing)).toEqual([
      'nope:1:1 assumptions directory not found; check the path, or copy the shipped assumptions directory there.',
    ]);
  });

  it('never throws for any text in a file, and locates every error', () => {
    const file = fc.constantFrom('envelope.yaml', 'chips.yaml', 'phases.csv', 'procurement.yaml');
    fc.assert(
      fc.property(file, fc.string({ maxLength: 200 }), (name, text) => {
        const outcome = loadEdited({ [name]: text });
        for (const error of outcome.ok ? [] : outcome.errors) {
          expect(error.at.file).toMatch(/^assumptions\//);
          expect(error.at.line).toBeGreaterThanOrEqual(1);
          expect(error.at.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws for any text written as a value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const outcome = loadEdited({ 'chips.yaml': replaceOnce('value: 1000 W', `value: ${JSON.stringify(text)}`) });
        for (const error of outcome.ok ? [] : outcome.errors) expect(error.at).toMatchObject({ file: 'assumptions/chips.yaml', line: 46 });
      }),
      { numRuns: 60 },
    );
  });
});

describe('loadAssumptions of a scenario', () => {
  const [A, B, C] = ['a', 'b', 'c'].map((name) => `assumptions/scenarios/${name}.yaml`) as [string, string, string];
  const chain = {
    'a.yaml': yaml('extends: base', 'question: "A?"', 'facility:', '  design_pue: 1.2', '  annual_pue: 1.1'),
    'b.yaml': yaml('extends: a', 'question: "B?"', 'facility:', '  design_pue: 1.18', 'utilisation:', '  oversubscription_ratio: 1.2'),
    'c.yaml': yaml('extends: b', 'question: "C?"', 'facility:', '  design_pue: 1.16'),
  };

  it('is base by default, with its chain and question', () => {
    const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });
    expect(outcome.ok && [outcome.scenario.name, outcome.scenario.chain, outcome.scenario.question]).toEqual([
      'base',
      ['base'],
      'The reported ~2 GW of AWS Trainium capacity for OpenAI, as shipped.',
    ]);
    for (const record of outcome.ok ? outcome.scenario.records : []) expect(record.setBy, record.path).toEqual([record.at]);
  });

  it('inherits over several levels: the grandchild sees its parent and grandparent, and the nearest wins', () => {
    const outcome = loadScenario('c', chain);
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    const { name, chain: names, question, inputs, files } = outcome.scenario;
    expect([name, names, question]).toEqual(['c', ['base', 'a', 'b', 'c'], 'C?']);
    expect([inputs.facility.designPue, inputs.facility.annualPue[0], inputs.utilisation.oversubscriptionRatio]).toEqual([1.16, 1.1, 1.2]);
    expect(setByOf(recordOf(outcome, 'facility.design_pue'))).toEqual(['assumptions/facility.yaml:15:12', `${A}:4:15`, `${B}:4:15`, `${C}:4:15`]);
    expect(setByOf(recordOf(outcome, 'facility.annual_pue'))).toEqual(['assumptions/facility.yaml:22:12', `${A}:5:15`]);
    expect(recordOf(outcome, 'facility.design_pue')!.at).toEqual({ file: C, line: 4, column: 15 });
    expect(files.map((f) => f.path)).toEqual([
      'cfe.yaml', 'chips.yaml', 'context.yaml', 'cost.yaml', 'envelope.yaml', 'facility.yaml', 'phases.csv', 'procurement.yaml',
      'scenarios/a.yaml', 'scenarios/b.yaml', 'scenarios/c.yaml', 'sites/indiana-pjm.yaml', 'uncertainty.yaml', 'utilisation.yaml',
    ]);
    const sha256 = createHash('sha256').update(chain['b.yaml']).digest('hex');
    expect(files.find((f) => f.path === 'scenarios/b.yaml')!.sha256).toBe(sha256);
  });

  it('names a cycle, once, whichever scenario of it or beyond it is loaded', () => {
    const overlays = {
      'b.yaml': yaml('extends: a', 'question: "B?"'),
      'a.yaml': yaml('extends: b', 'question: "A?"'),
      'c.yaml': yaml('extends: b', 'question: "C?"'),
    };
    const cycle = `${A}:1:10 extends: extends goes round in a cycle (a → b → a) and never reaches base; make one of these scenarios extend base or a scenario outside the cycle.`;
    for (const name of ['a', 'b', 'c']) expect(errorsOf(loadScenario(name, overlays)), name).toEqual([cycle]);
    expect(errorsOf(loadScenario('a', { 'a.yaml': yaml('extends: a', 'question: "A?"') }))).toEqual([
      `${A}:1:10 extends: extends goes round in a cycle (a → a) and never reaches base; make one of these scenarios extend base or a scenario outside the cycle.`,
    ]);
  });

  it('names a missing parent, suggesting the nearest scenario', () => {
    const overlays = { 'a.yaml': yaml('extends: liquid-coold', 'question: "Q?"'), 'liquid-cooled.yaml': yaml('extends: base', 'question: "Q?"') };
    expect(errorsOf(loadScenario('a', overlays))).toEqual([
      `${A}:1:10 extends: no scenario named "liquid-coold" to extend (no file scenarios/liquid-coold.yaml); did you mean "liquid-cooled"?`,
    ]);
    expect(errorsOf(loadScenario('a', { 'a.yaml': yaml('extends: zzz', 'question: "Q?"'), 'b.yaml': yaml('extends: base', 'question: "Q?"') }))).toEqual([
      `${A}:1:10 extends: no scenario named "zzz" to extend (no file scenarios/zzz.yaml); extend one of: base, b.`,
    ]);
  });

  it('names an unknown scenario asked for', () => {
    expect(errorsOf(loadScenario('liquid-coold', { 'liquid-cooled.yaml': yaml('extends: base', 'question: "Q?"') }))).toEqual([
      'assumptions/scenarios:1:1 no scenario named "liquid-coold" (no file scenarios/liquid-coold.yaml); did you mean "liquid-cooled"?',
    ]);
  });

  it('reports a bad scenario file name when that scenario is loaded, suggesting a good one', () => {
    const header = yaml('extends: base', 'question: "Q?"');
    expect(errorsOf(loadScenario('Liquid_Cooled', { 'Liquid_Cooled.yaml': header }))).toEqual([
      'assumptions/scenarios/Liquid_Cooled.yaml:1:1 "Liquid_Cooled.yaml" is not a scenario file name: a scenario is named with lowercase letters, digits and hyphens, and ends in .yaml; rename the file, e.g. to "liquid-cooled.yaml".',
    ]);
    expect(errorsOf(loadScenario('a.yml', { 'a.yml': header }))).toEqual([
      'assumptions/scenarios/a.yml:1:1 "a.yml" is not a scenario file name: a scenario is named with lowercase letters, digits and hyphens, and ends in .yaml; rename the file, e.g. to "a.yaml".',
    ]);
    expect(errorsOf(loadScenario('base.yaml', { 'base.yaml': header }))).toEqual([
      'assumptions/scenarios/base.yaml:1:1 the name "base" is reserved for the assumptions directory itself, so scenarios/base.yaml cannot be a scenario; rename the file after what it changes, with "extends: base" inside.',
    ]);
  });

  it('refuses "extends" in a base file: base is the directory itself', () => {
    expect(errorsOf(loadEdited({ 'envelope.yaml': (t) => `extends: base\n${t}` }))).toEqual([
      'assumptions/envelope.yaml:1:1 extends: "extends:" belongs in a scenario file, not in the base assumptions: base is the assumptions directory itself and extends nothing. To build on base, create scenarios/<name>.yaml with "extends: base", a "question:" and only the values that differ.',
    ]);
  });

  it("reports base's errors with the scenario's own, each once, and the scenario's never hide base's", () => {
    const brokenBase = {
      'facility.yaml': replaceOnce('value: 1.25', 'value: 0.95'),
      'phases.csv': replaceOnce('2027-04-01', '2027-02-30'),
    };
    const overlays = { 'a.yaml': yaml('extends: base', 'question: "A?"', 'facility:', '  headroom: 2'), 'b.yaml': yaml('extends: a', 'question: "B?"') };
    const baseErrors = [
      'assumptions/facility.yaml:15:12 facility.design_pue: "0.95" is out of range; expected at least 1. Correct the value.',
      'assumptions/phases.csv:3:8 phases.trn3-b.energised_on: "2027-02-30" is not a calendar date written YYYY-MM-DD; write one such as "2026-10-01".',
    ];
    const aError = `${A}:4:13 facility.headroom: "2" is out of range; expected at least 0 and less than 1. Correct the value.`;
    expect(errorsOf(loadScenario('base', overlays, brokenBase))).toEqual(baseErrors);
    expect(errorsOf(loadScenario('a', overlays, brokenBase))).toEqual([...baseErrors, aError]);
    expect(errorsOf(loadScenario('b', overlays, brokenBase))).toEqual([...baseErrors, aError]);
    // Base errors are reported even when the chain cannot be followed.
    expect(errorsOf(loadScenario('c', { 'c.yaml': yaml('extends: nope', 'question: "C?"') }, brokenBase))).toEqual([
      ...baseErrors,
      `${C}:1:10 extends: no scenario named "nope" to extend (no file scenarios/nope.yaml); extend one of: base.`,
    ]);
  });

  it('shows overlay files under the directory as given', () => {
    const outcome = loadScenario('a', { 'a.yaml': yaml('extends: base', 'question: "A?"', 'facility:', '  design_pue: 0.9') });
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.at.file)).toEqual([A]);
  });

  it('loads every shipped scenario without errors', () => {
    const names = listScenarios(SHIPPED).map((s) => s.name);
    expect(names[0]).toBe('base');
    for (const name of names) {
      const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions', scenario: name });
      expect(errorsOf(outcome), name).toEqual([]);
      if (!outcome.ok) continue;
      expect(outcome.scenario.name).toBe(name);
      expect(outcome.scenario.chain.at(-1)).toBe(name);
      expect(outcome.scenario.question, name).toMatch(/\S/);
    }
  });

  it('gives each load its own records: changing one never reaches the next', () => {
    const first = loadAssumptions(SHIPPED, { displayDir: 'assumptions', scenario: 'base' });
    if (!first.ok) throw new Error('base does not load');
    first.scenario.records[0]!.setBy.push({ file: 'x', line: 1, column: 1 });
    (first.scenario.records[0] as { value: unknown }).value = -1;
    const second = loadAssumptions(SHIPPED, { displayDir: 'assumptions', scenario: 'base' });
    expect(second.ok && second.scenario.records[0]).toMatchObject({ value: 2000, setBy: [second.ok && second.scenario.records[0]!.at] });
  });
});
