/**
 * Uncertain inputs: a value's own low/high or `distribution:`, and
 * uncertainty.yaml's entries and correlation groups (docs/uncertainty-inputs.md).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSampleApplier } from '../../src/loader/applySample.js';
import { loadAssumptions } from '../../src/loader/loadAssumptions.js';
import type { LoadOutcome } from '../../src/loader/types.js';
import { listScenarios } from '../../src/pipeline/scenarios.js';
import { validateDistribution } from '../../src/uncertainty/distributions.js';
import type { UncertainInput } from '../../src/uncertainty/types.js';
import { errorsOf, loadEdited, loadScenario, replaceOnce, SHIPPED, yaml } from './fixture.js';

const U = 'assumptions/uncertainty.yaml';
/** The shipped trainium3 tdp range, which the inline tests edit. */
const TRN3_RANGE = '      low: 900 W\n      high: 1400 W\n';
const TRN3_HIGH = '      high: 1400 W\n';

function uncertainOf(outcome: LoadOutcome): UncertainInput[] {
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  return outcome.scenario.uncertain;
}

function inputOf(outcome: LoadOutcome, path: string): UncertainInput | undefined {
  return uncertainOf(outcome).find((u) => u.path === path);
}

const chips = (from: string, to: string) => loadEdited({ 'chips.yaml': replaceOnce(from, to) });
const withFile = (...lines: string[]) => loadEdited({ 'uncertainty.yaml': yaml(...lines) });
const loc = (line: number, column: number) => ({ file: 'assumptions/chips.yaml', line, column });

describe('a value\'s own distribution', () => {
  it('is triangular(low, value, high) when only low and high are given, declared at low', () => {
    expect(inputOf(loadEdited({}), 'chips.trainium3.tdp')).toEqual({
      path: 'chips.trainium3.tdp',
      unit: 'W',
      distribution: { kind: 'triangular', low: 900, mode: 1000, high: 1400 },
      target: { kind: 'value' },
      pointValue: 1000,
      at: loc(47, 7),
    });
  });

  it.each([
    ['pert', 'pert', { kind: 'pert', low: 900, mode: 1000, high: 1400, lambda: 4 }],
    ['pert with lambda', '{type: pert, lambda: 3}', { kind: 'pert', low: 900, mode: 1000, high: 1400, lambda: 3 }],
    ['triangular', 'triangular', { kind: 'triangular', low: 900, mode: 1000, high: 1400 }],
    ['uniform', '{type: uniform}', { kind: 'uniform', low: 900, high: 1400 }],
    ['lognormal (low/high document only)', '{type: lognormal, p10: 800 W, p90: 1.25 kW}', { kind: 'lognormal', p10: 800, p90: 1250 }],
  ])('distribution: %s', (_, written, distribution) => {
    const input = inputOf(chips(TRN3_HIGH, `${TRN3_HIGH}      distribution: ${written}\n`), 'chips.trainium3.tdp');
    expect(input).toMatchObject({ distribution, pointValue: 1000, at: loc(49, 7) });
  });

  it('normal: the mean is the value, sd in any power unit, truncated to the field\'s bounds and to low/high', () => {
    const plain = chips(TRN3_RANGE, '      distribution: {type: normal, sd: 0.05 kW}\n');
    expect(inputOf(plain, 'chips.trainium3.tdp')!.distribution).toEqual({ kind: 'normal', mean: 1000, sd: 50, min: 0, max: Number.POSITIVE_INFINITY });
    const symmetric = chips(TRN3_RANGE, '      low: 800 W\n      high: 1.2 kW\n      distribution: {type: normal, sd: 100 W}\n');
    expect(inputOf(symmetric, 'chips.trainium3.tdp')!.distribution).toEqual({ kind: 'normal', mean: 1000, sd: 100, min: 800, max: 1200 });
  });

  it('none: keeps low and high for documentation, and does not vary', () => {
    // Without the shipped uncertainty.yaml, whose chip_power group needs this input uncertain.
    const outcome = loadEdited({ 'chips.yaml': replaceOnce(TRN3_HIGH, `${TRN3_HIGH}      distribution: none\n`), 'uncertainty.yaml': null });
    expect(inputOf(outcome, 'chips.trainium3.tdp')).toBeUndefined();
    expect(outcome.ok && outcome.scenario.records.find((r) => r.path === 'chips.trainium3.tdp')).toMatchObject({ low: 900, high: 1400 });
  });

  it('a value without a range does not vary', () => {
    expect(inputOf(loadEdited({}), 'chips.trainium3.peak_fp8')).toBeUndefined();
    expect(inputOf(loadEdited({}), 'envelope.power')).toBeUndefined();
  });

  it.each([
    ['unknown type', TRN3_HIGH, `${TRN3_HIGH}      distribution: pertt\n`,
      'assumptions/chips.yaml:49:21 chips.trainium3.tdp.distribution: "pertt" is not a distribution; did you mean "pert"?'],
    ['no type', TRN3_HIGH, `${TRN3_HIGH}      distribution: {sd: 50 W}\n`,
      'assumptions/chips.yaml:49:21 chips.trainium3.tdp.distribution.type: missing; add "type:" under "distribution:" with one of triangular, pert, uniform, normal, lognormal, choice, none.'],
    ['uniform without low/high', TRN3_RANGE, '      distribution: uniform\n',
      'assumptions/chips.yaml:47:7 chips.trainium3.tdp: a uniform distribution needs low and high; add "low:" and "high:" beside "value:".'],
    ['only low', TRN3_HIGH, '',
      'assumptions/chips.yaml:47:7 chips.trainium3.tdp: gives low but not high; a range is varied in uncertainty runs as triangular(low, value, high): add "high:", or add "distribution: none" to keep "low:" for documentation only.'],
    ['sd of 0', TRN3_RANGE, '      distribution: {type: normal, sd: 0 W}\n',
      'assumptions/chips.yaml:47:40 chips.trainium3.tdp.distribution.sd: sd "0 W" is not above 0; give the normal\'s standard deviation, such as a tenth of the value.'],
    ['sd that is not a power', TRN3_RANGE, '      distribution: {type: normal, sd: 50 kg}\n',
      'assumptions/chips.yaml:47:40 chips.trainium3.tdp.distribution.sd: "50 kg" is a mass; expected a power such as "50 W".'],
    ['normal truncated off-centre', TRN3_HIGH, `${TRN3_HIGH}      distribution: {type: normal, sd: 100 W}\n`,
      'assumptions/chips.yaml:49:7 chips.trainium3.tdp: the normal distribution\'s median is 1020.0133189 W, not the value 1000 W; the deterministic run uses the value, so it must be the median: truncate symmetrically (low and high equally far from the value, within the field\'s bounds), or use pert.'],
    ['lognormal whose median is not the value', TRN3_HIGH, `${TRN3_HIGH}      distribution: {type: lognormal, p10: 900 W, p90: 1400 W}\n`,
      'assumptions/chips.yaml:49:7 chips.trainium3.tdp: the lognormal distribution\'s median is 1122.49721603 W, not the value 1000 W; the deterministic run uses the value, so it must be the median: set the value to 1122.49721603 W, or choose p10 and p90 with p10 x p90 = value² (with this p10, p90 = 1111.11111111 W).'],
    ['p10 not below p90', TRN3_HIGH, `${TRN3_HIGH}      distribution: {type: lognormal, p10: 1400 W, p90: 900 W}\n`,
      'assumptions/chips.yaml:49:44 chips.trainium3.tdp.distribution.p10: p10 "1400 W" is not below p90 "900 W"; swap them or correct one.'],
    ['p10 of 0', TRN3_HIGH, `${TRN3_HIGH}      distribution: {type: lognormal, p10: 0 W, p90: 900 W}\n`,
      'assumptions/chips.yaml:49:44 chips.trainium3.tdp.distribution.p10: p10 "0 W" is not above 0; a lognormal covers positive numbers only, so give a p10 above 0.'],
    ['negative lambda', TRN3_HIGH, `${TRN3_HIGH}      distribution: {type: pert, lambda: -1}\n`,
      'assumptions/chips.yaml:49:42 chips.trainium3.tdp.distribution.lambda: lambda "-1" is not a number above 0; it weights PERT\'s mode (4 is usual, and the default when lambda is left out).'],
    ['a key the type does not take', TRN3_HIGH, `${TRN3_HIGH}      distribution: {type: normal, sd: 50 W, mean: 1000 W}\n`,
      'assumptions/chips.yaml:49:46 chips.trainium3.tdp.distribution.mean: unknown field "mean"; expected one of: type, sd.'],
    ['a choice on a number', TRN3_HIGH, `${TRN3_HIGH}      distribution: choice\n`,
      'assumptions/chips.yaml:49:7 chips.trainium3.tdp: a choice picks a phase\'s chip (phases.<name>.chip or refresh_to, in uncertainty.yaml); this value is a number: use triangular, pert, uniform, normal or lognormal.'],
    ['a range on a whole number', 'chips_per_server: 16', 'chips_per_server: {value: 16, low: 16, high: 32}',
      'assumptions/chips.yaml:32:35 chips.trainium2.chips_per_server: is a whole number, and a distribution would sample fractions; remove low, high and distribution, or write "distribution: none" to keep the range for documentation only.'],
  ])('%s', (_, from, to, expected) => {
    expect(errorsOf(chips(from, to))).toEqual([expected]);
  });

  it('refuses a lognormal on a bounded field, and any distribution on a by_year schedule', () => {
    expect(errorsOf(loadEdited({ 'utilisation.yaml': replaceOnce('    high: 0.85\n', '    high: 0.85\n    distribution: {type: lognormal, p10: 0.6, p90: 0.9375}\n') }))).toEqual([
      'assumptions/utilisation.yaml:12:5 utilisation.power_ratio: a lognormal samples any positive number, but this field must be between 0 and 1; use triangular, pert or uniform within the bounds, or a normal (truncated to them).',
    ]);
    expect(errorsOf(loadEdited({ 'facility.yaml': replaceOnce('    value: 1.14\n    low: 1.08\n    high: 1.20\n', '    by_year: {2026: 1.14}\n    distribution: pert\n') }))).toEqual([
      'assumptions/facility.yaml:23:5 facility.annual_pue: a distribution cannot vary a by_year schedule yet; give a single value with its range, or remove "distribution:".',
    ]);
  });

  it('keeps every sampled range inside the field\'s bounds', () => {
    expect(errorsOf(loadEdited({ 'utilisation.yaml': replaceOnce('    high: 0.85\n', '    high: 1.2\n') }))).toEqual([
      'assumptions/utilisation.yaml:11:11 utilisation.power_ratio.high: "1.2" is out of range; expected between 0 and 1. Correct the value.',
    ]);
  });

  it('a yearly value given once varies as one number', () => {
    expect(inputOf(loadEdited({}), 'facility.annual_pue')).toMatchObject({ unit: '1', distribution: { kind: 'triangular', low: 1.08, mode: 1.14, high: 1.2 }, pointValue: 1.14 });
  });
});

describe('uncertainty.yaml', () => {
  it('gives a phase date a shift in hours, a chip a choice, and any number a distribution that overrides its own', () => {
    const outcome = withFile(
      'inputs:',
      '  phases.trn4-a.energised_on: {type: pert, low: -1 month, high: 9 months, source: "slips", confidence: rough}',
      '  phases.trn4-c.chip: {type: choice, options: {trainium3: 0.2, trainium4: 0.8}}',
      '  chips.trainium4.tdp: {type: lognormal, p10: 1.2 kW, p90: 1875 W}',
      '  chips.trainium2.tdp: none',
      '  phases.trn3-a.poi: {type: uniform, low: 200 MW, high: 250 MW}',
      '  phases.trn3-b.ramp: {type: triangular, low: 0 months, high: 1 year}',
    );
    const inputs = uncertainOf(outcome);
    const at = (line: number) => ({ file: U, line, column: 3 });
    expect(inputs.find((u) => u.path === 'phases.trn4-a.energised_on')).toEqual({
      path: 'phases.trn4-a.energised_on',
      unit: 'h',
      distribution: { kind: 'pert', low: -730.5, mode: 0, high: 6574.5, lambda: 4 },
      target: { kind: 'date_shift_hours' },
      pointValue: 0,
      at: at(2),
    });
    expect(inputs.find((u) => u.path === 'phases.trn4-c.chip')).toEqual({
      path: 'phases.trn4-c.chip',
      unit: '',
      distribution: { kind: 'choice', weights: [0.2, 0.8] },
      target: { kind: 'choice', options: ['trainium3', 'trainium4'] },
      pointValue: 1,
      at: at(3),
    });
    expect(inputs.find((u) => u.path === 'chips.trainium4.tdp')).toMatchObject({ distribution: { kind: 'lognormal', p10: 1200, p90: 1875 }, pointValue: 1500, at: at(4) });
    expect(inputs.find((u) => u.path === 'chips.trainium2.tdp')).toBeUndefined();
    expect(inputs.find((u) => u.path === 'phases.trn3-a.poi')).toMatchObject({ unit: 'MW', distribution: { kind: 'uniform', low: 200, high: 250 }, target: { kind: 'value' }, pointValue: 250 });
    expect(inputs.find((u) => u.path === 'phases.trn3-b.ramp')).toMatchObject({ unit: 'h', distribution: { kind: 'triangular', low: 0, mode: 4383, high: 8766 }, pointValue: 4383 });
  });

  it('lists inputs in record order, whichever file declares them', () => {
    const paths = uncertainOf(withFile('inputs:', '  phases.trn4-c.energised_on: {type: uniform, low: 0 h, high: 1 h}', '  envelope.power: {type: uniform, low: 1.9 GW, high: 2 GW}')).map((u) => u.path);
    expect(paths[0]).toBe('envelope.power');
    expect(paths.indexOf('phases.trn4-c.energised_on')).toBeGreaterThan(paths.indexOf('utilisation.model_flops_utilisation'));
    expect(paths.indexOf('phases.trn4-c.energised_on')).toBeLessThan(paths.indexOf('procurement.capacity_factor.solar'));
  });

  it('may be empty, or absent', () => {
    expect(uncertainOf(withFile('# nothing yet')).length).toBe(42);
    const absent = loadEdited({ 'uncertainty.yaml': null });
    expect(uncertainOf(absent).length).toBe(42);
    expect(absent.ok && absent.scenario.correlationGroups).toEqual([]);
    expect(absent.ok && absent.scenario.files.map((f) => f.path)).not.toContain('uncertainty.yaml');
  });

  it.each([
    ['unknown path', '  chips.trainium3.tpd: {type: pert, low: 900 W, high: 1400 W}',
      `${U}:2:3 chips.trainium3.tpd: no assumption "chips.trainium3.tpd" to vary; did you mean "chips.trainium3.tdp"?`],
    ['text', '  envelope.basis: {type: uniform, low: 1, high: 2}',
      `${U}:2:3 envelope.basis: is text, not a number, and cannot vary; a uniform distribution varies numbers only: remove this entry.`],
    ['end of life', '  phases.trn4-a.end_of_life: {type: uniform, low: 0 months, high: 2 months}',
      `${U}:2:3 phases.trn4-a.end_of_life: end_of_life moves with energised_on; put the shift on "phases.trn4-a.energised_on" instead (a duration, such as {type: triangular, low: 0 months, mode: 1 month, high: 9 months}).`],
    ['chip without a choice', '  phases.trn4-c.chip: pert',
      `${U}:2:3 phases.trn4-c.chip: is a chip name, not a number; vary it with a choice, such as {type: choice, options: {trainium4: 0.8, trainium3: 0.2}}.`],
    ['a choice on a date', '  phases.trn4-c.energised_on: {type: choice, options: {a: 1}}',
      `${U}:2:3 phases.trn4-c.energised_on: a choice picks a phase's chip (phases.<name>.chip or refresh_to, in uncertainty.yaml); this value is a number: use triangular, pert, uniform, normal or lognormal (a phase date: a duration shift).`],
    ['low above high', '  phases.trn4-c.energised_on: {type: triangular, low: 9 months, high: 0 months}',
      `${U}:2:55 phases.trn4-c.energised_on.low: low "9 months" is above high "0 months"; swap them or correct one.`],
    ['mode outside the range', '  phases.trn4-c.energised_on: {type: triangular, low: 0 months, mode: 10 months, high: 9 months}',
      `${U}:2:71 phases.trn4-c.energised_on.mode: mode "10 months" is outside low "0 months" to high "9 months"; put the mode between them.`],
    ['a shift that never samples 0', '  phases.trn4-c.energised_on: {type: triangular, low: 1 month, high: 9 months}',
      `${U}:2:3 phases.trn4-c.energised_on: low "1 month" to high "9 months" leaves out a shift of 0, the date as written, which the deterministic run uses; include 0 in the range, or move the date itself.`],
    ['a range that leaves out the value', '  chips.trainium3.tdp: {type: uniform, low: 1.1 kW, high: 1.4 kW}',
      `${U}:2:3 chips.trainium3.tdp: low "1.1 kW" to high "1.4 kW" leaves out the value 1000 W, which the deterministic run uses; widen the range to include it, or change the value.`],
    ['weights not summing to 1', '  phases.trn4-c.chip: {type: choice, options: {trainium4: 0.7, trainium3: 0.2}}',
      `${U}:2:38 phases.trn4-c.chip.options: option weights sum to 0.9, not 1; adjust them so they add up to 1.`],
    ['negative weight', '  phases.trn4-c.chip: {type: choice, options: {trainium4: 1.2, trainium3: -0.2}}',
      `${U}:2:75 phases.trn4-c.chip.options.trainium3: weight "-0.2" is negative; give each option a weight from 0 to 1.`],
    ['unknown chip option', '  phases.trn4-c.chip: {type: choice, options: {trainium4: 0.8, trainum3: 0.2}}',
      `${U}:2:74 phases.trn4-c.chip.options.trainum3: "trainum3" is not a chip (known chips: trainium2, trainium3, trainium4); did you mean "trainium3"?`],
    ['current chip not an option', '  phases.trn4-c.chip: {type: choice, options: {trainium2: 0.8, trainium3: 0.2}}',
      `${U}:2:38 phases.trn4-c.chip.options: the phase's chip "trainium4", which the deterministic run uses, is not among the options (trainium2, trainium3); add it with its weight.`],
    ['unknown type', '  phases.trn4-c.energised_on: {type: trianglar, low: 0 h, high: 1 h}',
      `${U}:2:38 phases.trn4-c.energised_on.type: "trianglar" is not a distribution; did you mean "triangular"?`],
    ['uniform without low/high', '  phases.trn4-c.energised_on: uniform',
      `${U}:2:3 phases.trn4-c.energised_on: a uniform distribution needs low and high; add "low:" and "high:" to this entry.`],
    ['a range beyond the field\'s bounds', '  utilisation.power_ratio: {type: triangular, low: 0.6, high: 1.2}',
      `${U}:2:63 utilisation.power_ratio.high: high "1.2" would let samples leave the field's bounds (between 0 and 1); keep high within them.`],
    ['a whole number', '  chips.trainium3.chips_per_ultraserver: {type: uniform, low: 64, high: 144}',
      `${U}:2:3 chips.trainium3.chips_per_ultraserver: is a whole number, and a distribution would sample fractions; remove this entry.`],
    ['a misspelt key', '  chips.trainium3.tdp: {type: pert, low: 900 W, hihg: 1400 W}',
      `${U}:2:49 chips.trainium3.tdp.hihg: unknown field "hihg"; did you mean "high"?`],
    ['a lognormal below a bound', '  facility.design_pue: {type: lognormal, p10: 1.2, p90: 1.3}',
      `${U}:2:3 facility.design_pue: a lognormal samples any positive number, but this field must be at least 1; use triangular, pert or uniform within the bounds, or a normal (truncated to them).`],
    ['a duration on a power', '  chips.trainium3.tdp: {type: normal, sd: 5 h}',
      `${U}:2:43 chips.trainium3.tdp.sd: "5 h" is a duration; expected a power such as "5 W".`],
  ])('inputs: %s', (_, entry, expected) => {
    expect(errorsOf(withFile('inputs:', entry))).toEqual([expected]);
  });

  it('inputs: a by_year value cannot take a distribution', () => {
    const outcome = loadEdited({
      'facility.yaml': replaceOnce('    value: 1.14\n    low: 1.08\n    high: 1.20\n', '    by_year: {2026: 1.14, 2030: 1.10}\n'),
      'uncertainty.yaml': yaml('inputs:', '  facility.annual_pue: {type: uniform, low: 1.1, high: 1.2}'),
    });
    expect(errorsOf(outcome)).toEqual([
      `${U}:2:3 facility.annual_pue: is given by_year (assumptions/facility.yaml:22:5); a distribution applies to a single value for now: give a single value with its range, or remove this entry.`,
    ]);
  });

  it('reports an unknown top-level key, and errors in base files and uncertainty.yaml in one pass, in file order', () => {
    const outcome = loadEdited({ 'uncertainty.yaml': yaml('correlation:', '  a: {}'), 'chips.yaml': replaceOnce('value: 1000 W', 'value: 1000 kg') });
    expect(errorsOf(outcome)).toEqual([
      'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "1000 kg" is a mass; expected a power such as "1000 W".',
      `${U}:1:1 correlation: unknown field "correlation"; did you mean "correlations"?`,
    ]);
  });

  it('does not call a phase unknown when phases.csv lost it', () => {
    const outcome = loadEdited({ 'phases.csv': (t) => t.replace('trn3-b,', 'trn3-a,') });
    expect(errorsOf(outcome)).toEqual(['assumptions/phases.csv:3:1 phases.trn3-a.name: phase name "trn3-a" is already used on line 2; give each phase a unique name.']);
  });
});

describe('correlation groups', () => {
  const group = (inputs: string, matrix: string) => withFile('correlations:', `  a: {inputs: [${inputs}], matrix: ${matrix}}`);
  const TDPS = 'chips.trainium3.tdp, chips.trainium4.tdp';

  it('are read in model order, with their matrix', () => {
    const outcome = withFile('correlations:', '  power:', '    inputs: [chips.trainium4.tdp, chips.trainium3.tdp]', '    matrix: [[1, -0.5], [-0.5, 1]]', '    source: "why"');
    expect(outcome.ok && outcome.scenario.correlationGroups).toEqual([
      { name: 'power', paths: ['chips.trainium4.tdp', 'chips.trainium3.tdp'], matrix: [[1, -0.5], [-0.5, 1]], at: { file: U, line: 2, column: 3 } },
    ]);
  });

  it('accept a positive semi-definite matrix that is not definite', () => {
    expect(errorsOf(group(TDPS, '[[1, 1], [1, 1]]'))).toEqual([]);
  });

  it.each([
    ['a path in two groups',
      withFile('correlations:', `  a: {inputs: [${TDPS}], matrix: [[1, 0.5], [0.5, 1]]}`, '  b:', '    inputs: [chips.trainium2.tdp, chips.trainium3.tdp]', '    matrix: [[1, 0], [0, 1]]'),
      `${U}:4:35 chips.trainium3.tdp: is already in correlation group "a" (line 2); an input may be in one group only: merge the two groups, or drop it from one.`],
    ['a path twice in one group', () => group('chips.trainium3.tdp, chips.trainium3.tdp', '[[1, 0.5], [0.5, 1]]'),
      `${U}:2:37 chips.trainium3.tdp: is listed twice in this group (first on line 2); keep only one.`],
    ['an input that is not uncertain', () => group('chips.trainium3.tdp, context.household_annual_energy', '[[1, 0.5], [0.5, 1]]'),
      `${U}:2:37 context.household_annual_energy: is not uncertain (it has no distribution); give it one (low and high on its value, or an entry under "inputs:"), or drop it from this group.`],
    ['an unknown path', () => group('chips.trainium3.tdp, chips.trainium4.tpd', '[[1, 0.5], [0.5, 1]]'),
      `${U}:2:37 chips.trainium4.tpd: no assumption "chips.trainium4.tpd" to vary; did you mean "chips.trainium4.tdp"?`],
    ['a choice',
      withFile('inputs:', '  phases.trn4-c.chip: {type: choice, options: {trainium4: 0.8, trainium3: 0.2}}', 'correlations:', '  a: {inputs: [chips.trainium3.tdp, phases.trn4-c.chip], matrix: [[1, 0.5], [0.5, 1]]}'),
      `${U}:4:37 phases.trn4-c.chip: is a choice, whose options have no order to correlate; drop it from this group.`],
    ['too few rows', () => group(TDPS, '[[1, 0.5]]'),
      `${U}:2:67 correlations.a.matrix: is 1 row, but the group has 2 inputs; give a 2x2 matrix: one row per input, in the order of "inputs:".`],
    ['a short row', () => group(TDPS, '[[1, 0.5], [0.5]]'),
      `${U}:2:67 correlations.a.matrix: is a matrix whose row 2 has 1 entry, but the group has 2 inputs; give a 2x2 matrix: one row per input, in the order of "inputs:".`],
    ['not symmetric', () => group(TDPS, '[[1, 0.5], [0.4, 1]]'),
      `${U}:2:79 correlations.a.matrix: row 2, column 1 is 0.4 but row 1, column 2 is 0.5; a correlation matrix is symmetric: make them equal.`],
    ['a diagonal that is not 1', () => group(TDPS, '[[1, 0.5], [0.5, 0.9]]'),
      `${U}:2:84 correlations.a.matrix: diagonal entry "0.9" (row 2) must be 1: every input is perfectly correlated with itself.`],
    ['an entry outside [-1, 1]', () => group(TDPS, '[[1, 0.5], [0.5, -1.5]]'),
      `${U}:2:84 correlations.a.matrix: "-1.5" is not a correlation; each entry is a number from -1 to 1.`],
    ['not positive semi-definite',
      withFile('correlations:', '  a:', '    inputs: [chips.trainium2.tdp, chips.trainium3.tdp, chips.trainium4.tdp]', '    matrix: [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]'),
      `${U}:4:13 correlations.a.matrix: is not positive semi-definite (Cholesky fails): no set of inputs can have all these correlations at once (e.g. two inputs each strongly correlated with a third but not with each other); weaken the strongest correlations.`],
    ['one input', () => group('chips.trainium3.tdp', '[[1]]'),
      `${U}:2:7 correlations.a.inputs: a correlation group needs at least two inputs; add another, or delete the group.`],
    ['no matrix', withFile('correlations:', `  a: {inputs: [${TDPS}]}`),
      `${U}:2:3 correlations.a.matrix: missing; add "matrix:" under "a:" with a list of rows, each a list of numbers, such as [[1, 0.7], [0.7, 1]].`],
  ])('refuse %s', (_, outcome, expected) => {
    expect(errorsOf(typeof outcome === 'function' ? outcome() : outcome)).toEqual([expected]);
  });
});

describe('scenarios', () => {
  it('inherit each value\'s distribution; an override without low/high makes it certain, with low/high uncertain', () => {
    const overlay = yaml(
      'extends: base',
      'question: "Q?"',
      'facility:',
      '  design_pue: 1.3',
      'context:',
      '  household_annual_energy: {value: 10715 kWh, low: 9 MWh, high: 12 MWh}',
    );
    const outcome = loadScenario('a', { 'a.yaml': overlay });
    expect(inputOf(outcome, 'facility.design_pue')).toBeUndefined();
    expect(inputOf(outcome, 'facility.annual_pue')).toMatchObject({ at: { file: 'assumptions/facility.yaml', line: 23, column: 5 } });
    expect(inputOf(outcome, 'context.household_annual_energy')).toMatchObject({
      distribution: { kind: 'triangular', low: 9, mode: 10.715, high: 12 },
      at: { file: 'assumptions/scenarios/a.yaml', line: 6, column: 47 },
    });
  });

  it('an override replaces uncertainty.yaml\'s entry for that value; phase entries keep applying to the scenario\'s phases', () => {
    const overlay = yaml(
      'extends: base',
      'question: "Q?"',
      'chips:',
      '  patch:',
      '    trainium4: {tdp: 2 kW}',
      'phases:',
      '  patch:',
      '    trn4-a: {energised_on: 2028-07-01, end_of_life: 2033-07-01}',
    );
    const file = yaml('inputs:', '  chips.trainium4.tdp: {type: lognormal, p10: 1.2 kW, p90: 1875 W}', '  phases.trn4-a.energised_on: {type: uniform, low: 0 h, high: 1 h}');
    const base = loadScenario('base', {}, { 'uncertainty.yaml': file });
    expect(inputOf(base, 'chips.trainium4.tdp')!.distribution.kind).toBe('lognormal');
    const outcome = loadScenario('a', { 'a.yaml': overlay }, { 'uncertainty.yaml': file });
    expect(inputOf(outcome, 'chips.trainium4.tdp')).toBeUndefined();
    expect(inputOf(outcome, 'phases.trn4-a.energised_on')).toMatchObject({ target: { kind: 'date_shift_hours' }, pointValue: 0 });
  });

  it('leave out what they remove, and a group member they make certain (dropping a group left with one input)', () => {
    const overlay = yaml(
      'extends: base',
      'question: "Q?"',
      'chips:',
      '  patch:',
      '    trainium3: {tdp: 1.1 kW}',
      'remove:',
      '  - phases.trn4-c',
    );
    const outcome = loadScenario('a', { 'a.yaml': overlay });
    expect(errorsOf(outcome)).toEqual([]);
    expect(inputOf(outcome, 'phases.trn4-c.energised_on')).toBeUndefined();
    expect(inputOf(outcome, 'phases.trn4-b.energised_on')).toBeDefined();
    expect(outcome.ok && outcome.scenario.correlationGroups).toEqual([]);
  });

  it('check uncertainty.yaml against the scenario\'s values, saying which scenario', () => {
    const overlay = yaml('extends: base', 'question: "Q?"', 'phases:', '  patch:', '    trn4-c: {chip: trainium3}');
    const file = yaml('inputs:', '  phases.trn4-c.chip: {type: choice, options: {trainium4: 0.8, trainium2: 0.2}}');
    expect(errorsOf(loadScenario('a', { 'a.yaml': overlay }, { 'uncertainty.yaml': file }))).toEqual([
      `${U}:2:38 phases.trn4-c.chip.options: the phase's chip "trainium3", which the deterministic run uses, is not among the options (trainium4, trainium2); add it with its weight. (in scenario "a")`,
    ]);
  });

  it('an uncertainty: key in a scenario is an unknown field (uncertainty.yaml is base\'s only)', () => {
    const overlay = yaml('extends: base', 'question: "Q?"', 'uncertainty:', '  inputs: {}');
    expect(errorsOf(loadScenario('a', { 'a.yaml': overlay }))).toEqual([
      'assumptions/scenarios/a.yaml:3:1 uncertainty: unknown field "uncertainty"; expected one of: envelope, horizon, facility, utilisation, procurement, context, cfe, cost, extends, question, chips, phases, remove.',
    ]);
  });
});

describe('the shipped assumptions', () => {
  const base = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });

  it('vary 47 inputs: every value with a range, and the five energisation dates', () => {
    expect(uncertainOf(base).map((u) => `${u.path} ${u.distribution.kind} ${u.target.kind}`)).toEqual([
      'facility.headroom triangular value',
      'facility.design_pue triangular value',
      'facility.annual_pue triangular value',
      'facility.auxiliary_load triangular value',
      'chips.trainium2.tdp triangular value',
      'chips.trainium2.server_factor triangular value',
      'chips.trainium2.service_life triangular value',
      'chips.trainium3.tdp triangular value',
      'chips.trainium3.server_factor triangular value',
      'chips.trainium3.service_life triangular value',
      'chips.trainium4.tdp triangular value',
      'chips.trainium4.server_factor triangular value',
      'utilisation.power_ratio triangular value',
      'utilisation.oversubscription_ratio triangular value',
      'utilisation.model_flops_utilisation triangular value',
      ...['trn3-a', 'trn3-b', 'trn4-a', 'trn4-b', 'trn4-c'].map((p) => `phases.${p}.energised_on triangular date_shift_hours`),
      'procurement.capacity_factor.solar triangular value',
      'procurement.capacity_factor.onshore_wind triangular value',
      'procurement.capacity_factor.offshore_wind triangular value',
      'procurement.capacity_factor.clean_firm triangular value',
      'context.grid_emission_factor triangular value',
      'context.residual_mix_factor triangular value',
      'context.wue triangular value',
      ...['construction', 'land_soft_share', 'life', 'om_share'].map((key) => `cost.facility.${key} triangular value`),
      'cost.it.om_share triangular value',
      ...['trainium2', 'trainium3', 'trainium4'].flatMap((chip) => ['server_per_chip', 'network_share', 'storage_share'].map((key) => `cost.it.${chip}.${key} triangular value`)),
      'cost.energy.electricity_price triangular value',
      ...['solar', 'onshore_wind', 'offshore_wind', 'clean_firm'].map((t) => `cost.energy.ppa_price.${t} triangular value`),
      'cost.wacc triangular value',
    ]);
    expect(inputOf(base, 'phases.trn4-b.energised_on')).toEqual({
      path: 'phases.trn4-b.energised_on',
      unit: 'h',
      distribution: { kind: "triangular", low: 0, mode: 0, high: 6574.5 },
      target: { kind: 'date_shift_hours' },
      pointValue: 0,
      at: { file: U, line: 35, column: 3 },
    });
  });

  it('hold the envelope and the partial-load PUE coefficient fixed', () => {
    expect(inputOf(base, 'envelope.power')).toBeUndefined();
    expect(inputOf(base, 'facility.partial_load_pue_coefficient')).toBeUndefined();
  });

  it('correlate the Trainium3 and Trainium4 power estimates', () => {
    expect(base.ok && base.scenario.correlationGroups).toEqual([
      { name: 'chip_power', paths: ['chips.trainium3.tdp', 'chips.trainium4.tdp'], matrix: [[1, 0.7], [0.7, 1]], at: { file: U, line: 52, column: 3 } },
    ]);
  });

  it('load in every shipped scenario, each with the date shifts and the chip_power group', () => {
    for (const { name } of listScenarios(SHIPPED)) {
      const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions', scenario: name });
      expect(errorsOf(outcome), name).toEqual([]);
      expect(uncertainOf(outcome).filter((u) => u.target.kind === 'date_shift_hours'), name).toHaveLength(5);
      expect(outcome.ok && outcome.scenario.correlationGroups.map((g) => g.name), name).toEqual(['chip_power']);
    }
    const trn3 = loadAssumptions(SHIPPED, { displayDir: 'assumptions', scenario: 'trn3-1400w' });
    expect(inputOf(trn3, 'chips.trainium3.tdp')!.distribution).toEqual({ kind: 'triangular', low: 1200, mode: 1400, high: 1600 });
  });
});

describe('any uncertainty text', () => {
  const TOKENS = [
    '0', '-1', '1', '0.5', '1e400', 'NaN', '-0', '', '~', '[]', '{}', '[', '{', '"', '5%', '150%', '1.2 kW', '2 GW', '-3 MW', '6 months',
    '-9 months', '3 h', '1 kg', 'x', 'none', 'pert', 'normal', 'lognormal', 'uniform', 'choice', 'triangular', '{type: pert}',
    '{type: normal, sd: 10%}', '{type: normal, sd: 1 month}', '{type: lognormal, p10: 1 W, p90: 2 W}', '{type: choice, options: {trainium3: 1}}',
    '[[1, 0.7], [0.7, 1]]', '[[1]]', '[[1, 2], [2, 1]]', '[chips.trainium3.tdp]', 'phases.trn4-a.energised_on', '&a', '*a',
  ];
  const shippedFile = readFileSync(join(SHIPPED, 'uncertainty.yaml'), 'utf8');
  const replaceValue = (text: string, pick: number, token: string) => {
    const lines = text.split('\n');
    const i = pick % lines.length;
    const colon = lines[i]!.indexOf(':');
    lines[i] = colon >= 0 ? `${lines[i]!.slice(0, colon + 1)} ${token}` : `${lines[i]}${token}`;
    return lines.join('\n');
  };

  it('never throws, locates every error, and hands on only distributions the samplers accept, applicable to the inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TOKENS), fc.boolean()), { minLength: 1, maxLength: 3 }), (edits) => {
        let file = shippedFile;
        let chipText = readFileSync(join(SHIPPED, 'chips.yaml'), 'utf8');
        for (const [pick, token, inline] of edits) {
          if (inline) chipText = chipText.replace('      high: 1400 W\n', `      high: 1400 W\n      distribution: ${token}\n`);
          else file = replaceValue(file, pick, token);
        }
        const outcome = loadEdited({ 'uncertainty.yaml': file, 'chips.yaml': chipText });
        if (!outcome.ok) {
          for (const error of outcome.errors) {
            expect(error.at.file).toMatch(/^assumptions\//);
            expect(error.at.line).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        const { inputs, uncertain, correlationGroups } = outcome.scenario;
        for (const input of uncertain) expect(validateDistribution(input.distribution), input.path).toBeUndefined();
        const paths = new Set(uncertain.map((u) => u.path));
        for (const group of correlationGroups) for (const path of group.paths) expect(paths.has(path)).toBe(true);
        expect(compileSampleApplier(inputs, uncertain)(uncertain.map((u) => u.pointValue))).toEqual(inputs);
      }),
      { numRuns: 150, seed: 20260227 },
    );
  });
});
