import { describe, expect, it } from 'vitest';
import { errorsOf, loadEdited, replaceOnce } from './fixture.js';

describe('readFields: keys checked against the field table', () => {
  it('suggests the nearest valid name for an unknown field, without also calling it missing', () => {
    expect(errorsOf(loadEdited({ 'facility.yaml': replaceOnce('  design_pue:', '  desing_pue:') }))).toEqual([
      'assumptions/facility.yaml:14:3 facility.desing_pue: unknown field "desing_pue"; did you mean "design_pue"?',
    ]);
  });

  it('lists the valid names when none is close', () => {
    expect(errorsOf(loadEdited({ 'context.yaml': (t) => t + '  colour: blue\n' }))).toEqual([
      'assumptions/context.yaml:30:3 context.colour: unknown field "colour"; expected one of: grid_emission_factor, residual_mix_factor, wue, household_annual_energy.',
    ]);
  });

  it('reports a missing required field at its parent key, saying what to add', () => {
    const outcome = loadEdited({ 'facility.yaml': (t) => t.replace(/ {2}design_pue:\n( {4}.*\n)+/, '') });
    expect(errorsOf(outcome)).toEqual([
      'assumptions/facility.yaml:5:1 facility.design_pue: missing; add "design_pue:" under "facility:" with a plain number.',
    ]);
  });

  it('reports a missing section once, not once per field', () => {
    const outcome = loadEdited({ 'procurement.yaml': (t) => t.replace(/ {2}capacity_factor:\n( {4}.*\n)+/, '') });
    expect(errorsOf(outcome)).toEqual([
      'assumptions/procurement.yaml:4:1 procurement.capacity_factor: missing; add "capacity_factor:" under "procurement:" with its fields.',
    ]);
  });

  it('fills a default, recorded at the parent key with source "gwplan default"', () => {
    const outcome = loadEdited({ 'utilisation.yaml': replaceOnce('  mfu_precision: bf16\n', '') });
    expect(outcome.ok && outcome.scenario.inputs.utilisation.mfuPrecision).toBe('bf16');
    expect(outcome.ok && outcome.scenario.records.find((r) => r.path === 'utilisation.mfu_precision')).toEqual({
      path: 'utilisation.mfu_precision',
      value: 'bf16',
      unit: '',
      written: 'bf16',
      source: 'gwplan default',
      at: { file: 'assumptions/utilisation.yaml', line: 5, column: 1 },
      setBy: [{ file: 'assumptions/utilisation.yaml', line: 5, column: 1 }],
    });
  });

  it('fills every documented default', () => {
    const outcome = loadEdited({
      'envelope.yaml': (t) => t.replace(/ {2}redundancy_factor:\n( {4}.*\n)+/, ''),
      'facility.yaml': (t) => t.replace(/ {2}partial_load_pue_coefficient:\n( {4}.*\n)+/, '').replace(/ {2}partial_load_reference_load:\n( {4}.*\n)+/, ''),
      'procurement.yaml': (t) => t.replace(/ {2}contracted_clean_energy:\n( {4}.*\n)+/, '').replace(/ {2}td_loss_share:\n( {4}.*\n)+/, ''),
    });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    const { envelope, facility, procurement } = outcome.scenario.inputs;
    expect(envelope.redundancyFactor).toBe(1);
    expect(facility.partialLoadPueCoefficient).toBe(0);
    expect(facility.partialLoadReferenceLoad).toBe(0.75);
    expect(procurement.contractedCleanMwh).toEqual(Array(10).fill(0));
    expect(procurement.tdLossShare).toBe(0.05);
  });

  it('needs fields under a section key, not a value', () => {
    expect(errorsOf(loadEdited({ 'facility.yaml': 'facility: 5\n' }))).toEqual([
      'assumptions/facility.yaml:1:11 facility: found a single value; expected fields written as "key: value" lines, indented under it.',
    ]);
  });

  it('reports a repeated key', () => {
    expect(errorsOf(loadEdited({ 'facility.yaml': replaceOnce('  design_pue:', '  headroom: 0.1\n  design_pue:') }))).toEqual([
      'assumptions/facility.yaml:14:3 facility.headroom: key "headroom" appears again (first on line 7); keep only one.',
    ]);
  });
});
