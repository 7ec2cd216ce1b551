import { describe, expect, it } from 'vitest';
import { errorsOf, loadEdited, replaceOnce } from './fixture.js';

const BY_YEAR_PUE = replaceOnce('    value: 1.14\n    low: 1.08\n    high: 1.20\n', '    by_year:\n      2030: 1.10\n      2026: 1.14\n');

describe('an assumption value: scalar or mapping', () => {
  it('records the value in the model unit with its range and provenance', () => {
    const outcome = loadEdited({});
    expect(outcome.ok && outcome.scenario.records[0]).toEqual({
      path: 'envelope.power',
      value: 2000,
      unit: 'MW',
      written: '2 GW',
      source: "Tom's Hardware, 'Amazon invests $50 billion in OpenAI, committing to 2 gigawatts of Trainium silicon', 2026-02-27 (citing the joint release)",
      confidence: 'official',
      note: "Reported as '~2 GW'. The phase plan is stated in MW, so the envelope is held at 2 GW in uncertainty runs; to vary it, state the phases as shares of the envelope.",
      at: { file: 'assumptions/envelope.yaml', line: 10, column: 12 },
      setBy: [{ file: 'assumptions/envelope.yaml', line: 10, column: 12 }],
    });
    expect(outcome.ok && outcome.scenario.records.find((r) => r.path === 'facility.design_pue')).toMatchObject({ value: 1.25, low: 1.15, high: 1.4 });
  });

  it('accepts a restricted expression', () => {
    const outcome = loadEdited({ 'chips.yaml': replaceOnce('value: 1000 W', 'value: (600 W + 0.4 kW) * 1') });
    expect(outcome.ok && outcome.scenario.inputs.chips[1]!.tdpW).toBe(1000);
  });

  it('rejects a function call in an expression, located', () => {
    expect(errorsOf(loadEdited({ 'envelope.yaml': replaceOnce('value: 2 GW', 'value: import({}, {})') }))).toEqual([
      'assumptions/envelope.yaml:10:12 envelope.power: "import({}, {})" contains a function call "import", which is not allowed; a value may only use numbers, units, + - * / ^ and parentheses.',
    ]);
  });

  it.each([
    ['wrong dimension', 'value: 1000 W', 'value: 1000 kg', 'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "1000 kg" is a mass; expected a power such as "1000 W".'],
    ['missing unit', 'value: 1000 W', 'value: 1000', 'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "1000" is a plain number; expected a power such as "1000 W".'],
    ['unknown unit', 'value: 1000 W', 'value: 1000 Wat', 'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "1000 Wat" uses an unknown unit "Wat"; did you mean "W"?'],
    ['zero power', 'value: 1000 W', 'value: 0 W', 'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "0 W" is out of range; expected more than 0 W. Correct the value.'],
    ['fractional count', 'chips_per_server: 16', 'chips_per_server: 16.5', 'assumptions/chips.yaml:32:23 chips.trainium2.chips_per_server: "16.5" is not a whole number; write a whole number.'],
    ['mixed dimensions', 'value: 1000 W', 'value: 1000 W + 5', 'assumptions/chips.yaml:46:14 chips.trainium3.tdp: "1000 W + 5" combines a power and a plain number with "+"; both sides of + and - must have the same dimension.'],
  ])('chips.yaml: %s', (_, from, to, expected) => {
    expect(errorsOf(loadEdited({ 'chips.yaml': replaceOnce(from, to) }))).toEqual([expected]);
  });

  it.each([
    ['negative power', 'envelope.yaml', 'value: 2 GW', 'value: -2 GW', 'assumptions/envelope.yaml:10:12 envelope.power: "-2 GW" is out of range; expected more than 0 MW. Correct the value.'],
    ['low above high', 'chips.yaml', 'low: 900 W', 'low: 1.5 kW', 'assumptions/chips.yaml:47:12 chips.trainium3.tdp.low: low "1.5 kW" is above high "1400 W"; swap them or correct one.'],
    ['value outside its range', 'chips.yaml', 'value: 1000 W', 'value: 2 kW', 'assumptions/chips.yaml:46:14 chips.trainium3.tdp: value "2 kW" is outside its range (low "900 W", high "1400 W"); correct the value or widen the range.'],
    ['PUE below 1', 'facility.yaml', 'value: 1.25', 'value: 0.95', 'assumptions/facility.yaml:15:12 facility.design_pue: "0.95" is out of range; expected at least 1. Correct the value.'],
    ['unit on a plain number', 'facility.yaml', 'value: 1.25', 'value: 1.25 kW', 'assumptions/facility.yaml:15:12 facility.design_pue: "1.25 kW" is a power; expected a plain number such as "1.25".'],
    ['ratio above 1', 'utilisation.yaml', 'value: 0.35', 'value: 1.35', 'assumptions/utilisation.yaml:23:12 utilisation.model_flops_utilisation: "1.35" is out of range; expected between 0 and 1. Correct the value.'],
    ['headroom of 1 or more', 'facility.yaml', 'value: 0.05', 'value: 1.5', 'assumptions/facility.yaml:8:12 facility.headroom: "1.5" is out of range; expected at least 0 and less than 1. Correct the value.'],
    ['capacity factor of 0', 'procurement.yaml', 'value: 0.233', 'value: 0', 'assumptions/procurement.yaml:31:14 procurement.capacity_factor.solar: "0" is out of range; expected more than 0 and at most 1. Correct the value.'],
    ['negative contracted energy', 'procurement.yaml', 'value: 0 MWh', 'value: -5 MWh', 'assumptions/procurement.yaml:56:12 procurement.contracted_clean_energy: "-5 MWh" is out of range; expected at least 0 MWh. Correct the value.'],
    ['bad choice', 'envelope.yaml', 'value: poi', 'value: pio', 'assumptions/envelope.yaml:20:12 envelope.basis: "pio" is not one of poi, critical_it, installed_electrical; did you mean "poi"?'],
    ['bad confidence', 'envelope.yaml', 'confidence: official', 'confidence: oficial', 'assumptions/envelope.yaml:14:17 envelope.power.confidence: "oficial" is not one of official, analyst-estimate, rough, placeholder; did you mean "official"?'],
    ['unknown key in a value mapping', 'envelope.yaml', '    note:', '    notes:', 'assumptions/envelope.yaml:15:5 envelope.power.notes: unknown field "notes"; did you mean "note"?'],
    ['no value', 'envelope.yaml', '    value: 2 GW\n', '', 'assumptions/envelope.yaml:12:5 envelope.power: has no value; write one here, or a mapping with "value:".'],
    ['empty value', 'envelope.yaml', '    value: poi', '    value:', 'assumptions/envelope.yaml:20:5 envelope.basis: has no value; write one here, or a mapping with "value:".'],
    ['a list as value', 'facility.yaml', '    value: 0.05\n', '    value: [0.05]\n', 'assumptions/facility.yaml:8:12 facility.headroom: found a list; expected a single value, or a mapping with "value:".'],
  ])('%s', (_, file, from, to, expected) => {
    expect(errorsOf(loadEdited({ [file]: replaceOnce(from, to) }))).toEqual([expected]);
  });
});

describe('by_year: a step schedule for year-varying fields', () => {
  it('expands over the horizon, one record per listed year in year order', () => {
    const outcome = loadEdited({ 'facility.yaml': BY_YEAR_PUE });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    expect(outcome.scenario.inputs.facility.annualPue).toEqual([1.14, 1.14, 1.14, 1.14, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1]);
    const records = outcome.scenario.records.filter((r) => r.path.startsWith('facility.annual_pue'));
    expect(records.map((r) => [r.path, r.value, r.written, r.at.line, r.at.column, r.confidence])).toEqual([
      ['facility.annual_pue[2026]', 1.14, '1.14', 24, 13, 'official'],
      ['facility.annual_pue[2030]', 1.1, '1.10', 23, 13, 'official'],
    ]);
  });

  it.each([
    ['with low/high', 'facility.yaml', '    value: 1.14\n', '    by_year: {2026: 1.14, 2030: 1.10}\n', 'assumptions/facility.yaml:23:5 facility.annual_pue: low/high cannot be combined with by_year yet; remove low and high, or give a single value with its range.'],
    ['with value', 'utilisation.yaml', '    value: 0.35\n', '    value: 0.35\n    by_year: {2030: 0.4}\n', 'assumptions/utilisation.yaml:24:5 utilisation.model_flops_utilisation: gives both "value:" and "by_year:"; keep one of them.'],
    ['on a field that does not vary by year', 'utilisation.yaml', '    value: 1.0\n    low: 1.0', '    by_year: {2030: 1.1}\n    low: 1.0', 'assumptions/utilisation.yaml:16:5 utilisation.oversubscription_ratio: does not vary by year; give a single "value:" instead of "by_year:".'],
    ['with a key that is not a year', 'procurement.yaml', '    value: 1.0\n', '    by_year: {2026: 1, next: 0.9}\n', 'assumptions/procurement.yaml:7:24 procurement.matching_target: by_year key "next" is not a year; list whole years, such as "2030: 1.10".'],
    ['empty', 'procurement.yaml', '    value: 1.0\n', '    by_year: {}\n', 'assumptions/procurement.yaml:7:5 procurement.matching_target: by_year lists no years; list at least one, such as "2026: 1.14".'],
    ['as a list', 'procurement.yaml', '    value: 1.0\n', '    by_year: [1, 2]\n', 'assumptions/procurement.yaml:7:14 procurement.matching_target: found a list; expected years with a value each, such as "2030: 1.10".'],
    ['with a value out of range', 'procurement.yaml', '    value: 1.0\n', '    by_year: {2026: 1, 2030: 1.2}\n', 'assumptions/procurement.yaml:7:30 procurement.matching_target[2030]: "1.2" is out of range; expected between 0 and 1. Correct the value.'],
  ])('is refused %s', (_, file, from, to, expected) => {
    expect(errorsOf(loadEdited({ [file]: replaceOnce(from, to) }))).toEqual([expected]);
  });
});
