import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSampleApplier } from '../../src/loader/applySample.js';
import { loadAssumptions } from '../../src/loader/index.js';
import type { LoadOutcome } from '../../src/loader/types.js';
import { in2025Dollars, shippedCostInputs } from '../model/costInputsFixture.js';
import { errorsOf, loadEdited, loadScenario, recordOf, replaceOnce, setByOf, SHIPPED, warningsOf, yaml } from './fixture.js';

const COST = 'assumptions/cost.yaml';
const A = 'assumptions/scenarios/a.yaml';
const SHIPPED_TEXT = readFileSync(join(SHIPPED, 'cost.yaml'), 'utf8');

/** `line:column` of the first character of `needle` in `text` (plus `offset` characters). */
function at(needle: string, offset = 0, text = SHIPPED_TEXT): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture: "${needle}" not found`);
  const before = text.slice(0, index + offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function costOf(outcome: LoadOutcome) {
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  return outcome.scenario.inputs.cost;
}

const withCost = (edit: (text: string) => string) => loadEdited({ 'cost.yaml': edit });
/** The solar PPA price's own lines, to edit one field of it. */
const SOLAR_YEAR = '        value: 56.76 USD/MWh\n        low: 50 USD/MWh\n        high: 80 USD/MWh\n        currency_year: 2024\n';
/** cost.yaml without Trainium4's costs. */
const withoutTrainium4 = (text: string) => text.replace(/ {4}trainium4:\n( {6}.*\n)+/, '');

describe('cost.yaml: the shipped file', () => {
  const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });

  it('loads into CostInputs in 2025 dollars, MW and years', () => {
    expect(costOf(outcome)).toEqual(shippedCostInputs());
  });

  it('converts a 2024 value with the shipped deflators: 56.76 x 128.4 / 125.2 = 58.2107... (2025 dollars)', () => {
    // By hand: 56.76 x 128.4 = 7287.984; / 125.2 = 58.21073482428...
    expect(costOf(outcome).ppaUsdPerMwh.solar).toBe(58.2107348243);
    expect(recordOf(outcome, 'cost.energy.ppa_price.solar')).toMatchObject({
      value: 58.2107348243,
      unit: 'USD/MWh',
      written: '56.76 USD/MWh',
      currencyYear: 2024,
      low: in2025Dollars(50, 2024),
      high: in2025Dollars(80, 2024),
      confidence: 'analyst-estimate',
      note: 'written in 2024 dollars, converted to 2025 dollars: x 1.02556 (cost.deflators)',
      at: { file: COST, line: Number(at('56.76 USD/MWh').split(':')[0]) },
    });
    // The investment is nominal at signing (2026): $15B is ~$14.64B in 2025 dollars.
    expect(costOf(outcome).tranches[0]!.amountUsd).toBe(14635258358.7);
    // A value in the output year is not converted, but says which year it is in.
    expect(recordOf(outcome, 'cost.facility.construction')).toMatchObject({ value: 11.7e6, unit: 'USD/MW', written: '11.7 MUSD/MW', currencyYear: 2025, low: 9.3e6, high: 15e6 });
    expect(recordOf(outcome, 'cost.facility.construction')!.note).toBeUndefined();
  });

  it('records every cost with its source and confidence, in file order, a chip\'s costs together', () => {
    if (!outcome.ok) throw new Error('not ok');
    const records = outcome.scenario.records.filter((r) => r.path.startsWith('cost.'));
    for (const record of records) expect([record.path, record.source === undefined, record.confidence === undefined]).toEqual([record.path, false, false]);
    expect(records.map((r) => r.path).slice(13, 19)).toEqual([
      'cost.it.trainium2.server_per_chip',
      'cost.it.trainium2.network_share',
      'cost.it.trainium2.storage_share',
      'cost.it.trainium3.server_per_chip',
      'cost.it.trainium3.network_share',
      'cost.it.trainium3.storage_share',
    ]);
    // A tranche's own source describes its condition; the amount has its own.
    expect(recordOf(outcome, 'cost.investment.tranches[1].when_energised')).toMatchObject({ value: 1000, unit: 'MW', written: '1 GW', confidence: 'placeholder' });
    expect(recordOf(outcome, 'cost.investment.tranches[1].amount')).toMatchObject({ written: '35e9 USD', currencyYear: 2026, confidence: 'official' });
    expect(recordOf(outcome, 'cost.deflators.2024')).toMatchObject({ value: 125.2, unit: '1', confidence: 'official' });
  });

  it('varies every cost with a range, in 2025 dollars; never the currency year, deflators or tranches', () => {
    if (!outcome.ok) throw new Error('not ok');
    const solar = outcome.scenario.uncertain.find((u) => u.path === 'cost.energy.ppa_price.solar');
    expect(solar).toEqual({
      path: 'cost.energy.ppa_price.solar',
      unit: 'USD/MWh',
      distribution: { kind: 'triangular', low: in2025Dollars(50, 2024), mode: 58.2107348243, high: in2025Dollars(80, 2024) },
      target: { kind: 'value' },
      pointValue: 58.2107348243,
      at: { file: COST, line: Number(at('        low: 50 USD/MWh').split(':')[0]), column: 9 },
    });
    expect(outcome.scenario.uncertain.find((u) => u.path === 'cost.it.trainium3.server_per_chip')).toMatchObject({
      unit: 'USD',
      distribution: { kind: 'triangular', low: 25_000, mode: 40_000, high: 65_000 },
      pointValue: 40_000,
    });
    expect(outcome.scenario.uncertain.filter((u) => /^cost\.(currency_year|deflators|investment)/.test(u.path))).toEqual([]);
    // The applier takes every cost input back to the deterministic inputs at its point value.
    const apply = compileSampleApplier(outcome.scenario.inputs, outcome.scenario.uncertain);
    expect(apply(outcome.scenario.uncertain.map((u) => u.pointValue))).toEqual(outcome.scenario.inputs);
  });
});

describe('cost.yaml: currency years and deflators', () => {
  it('names a currency year without a deflator at the value, with the year and what to do', () => {
    const outcome = withCost(replaceOnce(SOLAR_YEAR, SOLAR_YEAR.replace('2024', '2019')));
    expect(errorsOf(outcome)).toEqual([
      `${COST}:${at(SOLAR_YEAR, SOLAR_YEAR.indexOf('currency_year'))} cost.energy.ppa_price.solar.currency_year: 2019 has no deflator, so this value cannot be converted to 2025 dollars (cost.currency_year); add "2019: <index>" under "cost: deflators:" in cost.yaml (the same price index as the other years), or restate the value in 2025 dollars and remove its currency_year.`,
    ]);
  });

  it('names the output year without a deflator once, with the years that need it', () => {
    const outcome = withCost((t) => t.replace(/ {4}2025:\n( {6}.*\n)+/, ''));
    expect(errorsOf(outcome)).toEqual([
      `${COST}:${at('value: 2025', 7)} cost.currency_year: 2025, the currency year of the outputs, has no deflator, so the values written in 2024, 2026 dollars cannot be converted to it; add "2025: <index>" under "cost: deflators:" in cost.yaml (the same price index as the other years), or restate those values in 2025 dollars.`,
    ]);
  });

  it('needs no deflators when every value is in the output year', () => {
    const outcome = loadEdited({
      'cost.yaml': (t) => t.replace(/ {2}deflators:\n( {4}.*\n)+/, '').replaceAll('currency_year: 2024', 'currency_year: 2025').replaceAll('currency_year: 2026', 'currency_year: 2025'),
      'cfe.yaml': (t) => t.replace('currency_year: 2024', 'currency_year: 2025'),
    });
    expect(costOf(outcome).ppaUsdPerMwh.solar).toBe(56.76);
    expect(costOf(outcome).tranches.map((t) => t.amountUsd)).toEqual([15e9, 35e9]);
  });

  it('converts with whatever deflators are given, and changes the output year', () => {
    const in2024 = costOf(withCost(replaceOnce('    value: 2025\n', '    value: 2024\n')));
    expect(in2024.currencyYear).toBe(2024);
    expect(in2024.ppaUsdPerMwh.solar).toBe(56.76);
    expect(in2024.facilityUsdPerMwCriticalIt).toBe(Number(((11.7e6 * 125.2) / 128.4).toPrecision(12)));
    const doubled = costOf(withCost(replaceOnce('      value: 125.2\n', '      value: 64.2\n')));
    expect(doubled.ppaUsdPerMwh.solar).toBe(113.52);
  });

  it('converts each year of a by_year price', () => {
    const byYear = '      by_year: {2026: 80 USD/MWh, 2030: 100 USD/MWh}\n      currency_year: 2024\n';
    const outcome = withCost(replaceOnce('      value: 86 USD/MWh\n      low: 82 USD/MWh\n      high: 90 USD/MWh\n      currency_year: 2025\n', byYear));
    const [y2026, y2030] = [in2025Dollars(80, 2024), in2025Dollars(100, 2024)];
    expect(costOf(outcome).electricityUsdPerMwh).toEqual([y2026, y2026, y2026, y2026, y2030, y2030, y2030, y2030, y2030, y2030]);
    expect(recordOf(outcome, 'cost.energy.electricity_price[2030]')).toMatchObject({ value: y2030, written: '100 USD/MWh', currencyYear: 2024 });
  });

  it.each([
    ['a two-digit year', 'currency_year: 24', '"24"'],
    ['a fraction', 'currency_year: 2024.5', '"2024.5"'],
    ['text', 'currency_year: last year', '"last year"'],
  ])('refuses a currency year that is not a 4-digit year: %s', (_name, written, quoted) => {
    const outcome = withCost(replaceOnce(SOLAR_YEAR, SOLAR_YEAR.replace('currency_year: 2024', written)));
    expect(errorsOf(outcome)).toEqual([
      `${COST}:${at(SOLAR_YEAR, SOLAR_YEAR.indexOf('currency_year') + 'currency_year: '.length)} cost.energy.ppa_price.solar.currency_year: currency_year ${quoted} is not a 4-digit year; write the year whose dollars the value is in, such as 2024.`,
    ]);
  });

  it('refuses an output currency year that is not a 4-digit year, and a deflator key that is not a year', () => {
    expect(errorsOf(withCost(replaceOnce('    value: 2025\n', '    value: 25\n')))).toEqual([
      `${COST}:${at('value: 2025', 7)} cost.currency_year: currency_year "25" is not a 4-digit year; write the year whose dollars the value is in, such as 2024.`,
    ]);
    expect(errorsOf(withCost(replaceOnce('    2020:\n', '    y2020:\n')))).toEqual([
      `${COST}:${at('    2020:', 4)} cost.deflators.y2020: "y2020" is not a year; list the deflators by 4-digit year, such as "2024: 125.2".`,
    ]);
  });

  it('refuses currency_year on a value that is not money, and a range on a deflator', () => {
    expect(errorsOf(withCost(replaceOnce('      value: 0.15\n      low: 0.10\n      high: 0.25\n      source: "placeholder: the', '      value: 0.15\n      currency_year: 2024\n      low: 0.10\n      high: 0.25\n      source: "placeholder: the')))).toEqual([
      expect.stringMatching(/cost\.facility\.land_soft_share\.currency_year: unknown field "currency_year"; expected one of: value, low, high, distribution, source, confidence, note\.$/),
    ]);
    expect(errorsOf(withCost(replaceOnce('      value: 125.2\n', '      value: 125.2\n      low: 125\n')))).toEqual([
      `${COST}:${at('      value: 125.2\n', 25)} cost.deflators.2024: "low:" cannot be given here: the currency year, the deflators and the investment tranches do not vary in uncertainty runs; remove it and write the range into "source:" or "note:" instead.`,
    ]);
  });
});

describe('cost.yaml: values', () => {
  it('refuses a construction cost per energy: it is per MW of critical IT', () => {
    expect(errorsOf(withCost(replaceOnce('value: 11.7 MUSD/MW', 'value: 1100 USD/kWh')))).toEqual([
      `${COST}:${at('value: 11.7 MUSD/MW', 7)} cost.facility.construction: "1100 USD/kWh" is a cost per energy; expected a cost per power such as "1100 USD/MW".`,
    ]);
  });

  it('reads millions of dollars as MUSD or 1e6 USD, and points "M USD" to MUSD', () => {
    expect(costOf(withCost(replaceOnce('value: 11.7 MUSD/MW', 'value: 11.7e6 USD/MW'))).facilityUsdPerMwCriticalIt).toBe(11.7e6);
    expect(costOf(withCost(replaceOnce('value: 11.7 MUSD/MW', 'value: 11700 kUSD/MW'))).facilityUsdPerMwCriticalIt).toBe(11.7e6);
    expect(errorsOf(withCost(replaceOnce('value: 11.7 MUSD/MW', 'value: 11.7 M USD/MW')))).toEqual([
      `${COST}:${at('value: 11.7 MUSD/MW', 7)} cost.facility.construction: "11.7 M USD/MW" uses an unknown unit "M"; did you mean "MUSD"?`,
    ]);
  });

  it('is a required file with required values', () => {
    expect(errorsOf(loadEdited({ 'cost.yaml': null }))).toEqual([
      `${COST}:1:1 file not found; a scenario needs all of envelope.yaml, facility.yaml, chips.yaml, utilisation.yaml, phases.csv, procurement.yaml, context.yaml, cfe.yaml, cost.yaml. Restore it (the shipped assumptions directory has one of each).`,
    ]);
    expect(errorsOf(withCost((t) => t.replace(/ {2}wacc:\n( {4}.*\n)+/, '')))).toEqual([
      `${COST}:${at('cost:\n')} cost.wacc: missing; add "wacc:" under "cost:" with a plain number.`,
    ]);
  });
});

describe('cost.yaml: IT costs of the chips in use', () => {
  it('names a chip a phase uses without IT costs, where it is first used, and the file to edit', () => {
    expect(errorsOf(withCost(withoutTrainium4))).toEqual([
      'assumptions/phases.csv:2:56 cost.it.trainium4: chip "trainium4" (refresh_to of phase trn3-a) has no server_per_chip, network_share, storage_share in cost.it; add "trainium4:" under "cost: it:" in assumptions/cost.yaml with server_per_chip, network_share and storage_share.',
    ]);
  });

  it('suggests a misspelt chip name, and warns of costs for no chip', () => {
    const outcome = withCost(replaceOnce('    trainium4:\n', '    trainum4:\n'));
    expect(errorsOf(outcome)).toEqual([
      'assumptions/phases.csv:2:56 cost.it.trainium4: chip "trainium4" (refresh_to of phase trn3-a) has no server_per_chip, network_share, storage_share in cost.it; add "trainium4:" under "cost: it:" in assumptions/cost.yaml with server_per_chip, network_share and storage_share (cost.it has "trainum4": is it misspelt?).',
    ]);
    expect(warningsOf(outcome)).toEqual([
      `${COST}:${at('    trainium4:\n', 4)} warning: cost.it.trainum4: gives costs for "trainum4", which is not a chip (chips: trainium2, trainium3, trainium4); did you mean "trainium4"?`,
    ]);
  });

  it('names what a chip\'s costs lack', () => {
    const outcome = withCost((t) => t.replace(/( {4}trainium4:\n( {6}.*\n)+?) {6}storage_share:\n( {8}.*\n)+/, '$1'));
    expect(errorsOf(outcome)).toEqual([
      `${COST}:${at('    trainium4:\n', 4)} cost.it.trainium4.storage_share: missing; add "storage_share:" under "trainium4:" with a plain number.`,
    ]);
  });

  it('needs no costs for a chip no phase uses, but leaves it out of CostInputs', () => {
    const cost = costOf(withCost((t) => t.replace(/ {4}trainium2:\n( {6}.*\n)+/, '')));
    expect(Object.keys(cost.chips)).toEqual(['trainium3', 'trainium4']);
  });

  it('needs costs for a chip a phase may take in uncertainty runs', () => {
    const outcome = loadEdited({
      'cost.yaml': (t) => t.replace(/ {4}trainium2:\n( {6}.*\n)+/, ''),
      'uncertainty.yaml': (t) => t.replace('inputs:\n', 'inputs:\n  phases.trn4-c.chip: {type: choice, options: {trainium4: 0.8, trainium2: 0.2}}\n'),
    });
    expect(errorsOf(outcome)).toEqual([
      'assumptions/uncertainty.yaml:11:3 cost.it.trainium2: chip "trainium2" (an option of phases.trn4-c.chip in uncertainty runs) has no server_per_chip, network_share, storage_share in cost.it; add "trainium2:" under "cost: it:" in assumptions/cost.yaml with server_per_chip, network_share and storage_share.',
    ]);
  });

  it('asks a scenario that adds a chip for its costs, in the scenario file', () => {
    const chip = ['      tdp: 2 kW', '      all_in_power: 3 kW', '      chips_per_server: 4', '      chips_per_ultraserver: 144', '      peak_bf16: 3000 TFLOP/s', '      peak_fp8: 9000 TFLOP/s', '      hbm: 384 GiB', '      service_life: 5 years'];
    const lines = ['extends: base', 'question: "Trainium5?"', 'chips:', '  add:', '    trainium5:', ...chip, 'phases:', '  patch:', '    trn4-c: {chip: trainium5}'];
    expect(errorsOf(loadScenario('a', { 'a.yaml': yaml(...lines) }))).toEqual([
      `${A}:16:20 cost.it.trainium5: chip "trainium5" (used by phase trn4-c) has no server_per_chip, network_share, storage_share in cost.it; add "trainium5:" under "cost: it:" in ${A} (which adds the chip) with server_per_chip, network_share and storage_share.`,
    ]);
    const costs = ['cost:', '  it:', '    trainium5:', '      server_per_chip: {value: 80 kUSD, low: 50 kUSD, high: 120 kUSD, currency_year: 2024}', '      network_share: 0.15', '      storage_share: 0.03'];
    const outcome = loadScenario('a', { 'a.yaml': yaml(...lines, ...costs) });
    expect(costOf(outcome).chips.trainium5).toEqual({ serverUsdPerChip: in2025Dollars(80_000, 2024), networkShare: 0.15, storageShare: 0.03 });
    // Its range varies in uncertainty runs, in 2025 dollars, and the applier finds the new chip.
    if (!outcome.ok) throw new Error('not ok');
    const input = outcome.scenario.uncertain.find((u) => u.path === 'cost.it.trainium5.server_per_chip');
    expect(input?.distribution).toEqual({ kind: 'triangular', low: in2025Dollars(50_000, 2024), mode: in2025Dollars(80_000, 2024), high: in2025Dollars(120_000, 2024) });
    const applied = compileSampleApplier(outcome.scenario.inputs, [input!])([100_000]);
    expect(applied.cost.chips.trainium5!.serverUsdPerChip).toBe(100_000);
  });

  it('leaves the costs of a chip a scenario removes out of the inputs and of the uncertain inputs, without a warning', () => {
    const outcome = loadScenario('a', { 'a.yaml': yaml('extends: base', 'question: "No Trainium2?"', 'remove:', '  - chips.trainium2') });
    expect(Object.keys(costOf(outcome).chips)).toEqual(['trainium3', 'trainium4']);
    expect(warningsOf(outcome)).toEqual([]);
    expect(outcome.ok && outcome.scenario.uncertain.filter((u) => u.path.startsWith('cost.it.trainium2'))).toEqual([]);
  });
});

describe('cost.yaml: investment tranches', () => {
  const TRANCHES = /( {4}tranches:\n)( {6}.*\n| {8}.*\n| {10}.*\n)+/;
  const tranches = (...lines: string[]) => withCost((t) => t.replace(TRANCHES, `$1${lines.map((l) => `      ${l}\n`).join('')}`));
  const line = Number(at('    tranches:\n').split(':')[0]) + 1;

  it('reads a date or a critical IT milestone; an empty list is no investment', () => {
    expect(costOf(tranches('- {name: a, amount: 1e9 USD, on: 2027-01-01}', '- {name: b, amount: 2000 MUSD, when_energised: 500 MW}')).tranches).toEqual([
      { name: 'a', amountUsd: 1e9, condition: { kind: 'date', date: '2027-01-01' } },
      { name: 'b', amountUsd: 2e9, condition: { kind: 'energised_critical_it', mw: 500 } },
    ]);
    expect(costOf(withCost((t) => t.replace(TRANCHES, '$1      []\n').replace('    tranches:\n      []', '    tranches: []'))).tranches).toEqual([]);
  });

  it('refuses both conditions, or none, and names the tranche', () => {
    expect(errorsOf(tranches('- {name: a, amount: 1e9 USD, on: 2027-01-01, when_energised: 1 GW}', '- {name: b, amount: 1e9 USD}'))).toEqual([
      `${COST}:${line}:9 cost.investment.tranches[0]: gives both "on:" and "when_energised:"; keep one: a tranche is paid on a date or at a milestone, not both.`,
      `${COST}:${line + 1}:9 cost.investment.tranches[1]: says nothing about when it is paid; add "on: YYYY-MM-DD" (paid on that date) or "when_energised: 1 GW" (paid once that much critical IT is energised).`,
    ]);
  });

  it('refuses a repeated name, an amount of 0, a bad date, and a missing amount', () => {
    expect(errorsOf(tranches('- {name: a, amount: 1e9 USD, on: 2027-01-01}', '- {name: a, amount: 0 USD, on: 2027-02-30}', '- {name: c, when_energised: 1 GW}'))).toEqual([
      `${COST}:${line + 1}:27 cost.investment.tranches[1].amount: "0 USD" is out of range; expected more than 0 USD. Correct the value.`,
      `${COST}:${line + 1}:38 cost.investment.tranches[1].on: "2027-02-30" is not a calendar date written YYYY-MM-DD; write one such as "2026-10-01".`,
      `${COST}:${line + 2}:9 cost.investment.tranches[2].amount: missing; every entry of "tranches:" needs "amount:" with an amount of money; add it to this entry.`,
    ]);
    expect(errorsOf(tranches('- {name: a, amount: 1e9 USD, on: 2027-01-01}', '- {name: a, amount: 2e9 USD, on: 2027-02-01}'))).toEqual([
      `${COST}:${line + 1}:16 cost.investment.tranches[1].name: tranche name "a" is already used on line ${line}; give each tranche a unique name.`,
    ]);
  });

  it('refuses a name that cannot be part of a summary.csv metric name, with a valid one to use', () => {
    expect(errorsOf(tranches('- {name: "Series B, 2027", amount: 1e9 USD, on: 2027-01-01}'))).toEqual([
      `${COST}:${line}:16 cost.investment.tranches[0].name: tranche name "Series B, 2027" cannot name summary.csv metrics (tranche_<name>_capex_exceeds_year); use lower-case letters, digits, "_" or "-", starting with a letter or digit, e.g. "series_b_2027".`,
    ]);
  });

  it('refuses an unknown key, a range on an amount, and a list that is no list', () => {
    expect(errorsOf(tranches('- {name: a, amount: {value: 1e9 USD, low: 5e8 USD}, on: 2027-01-01, when: 2027}'))).toEqual([
      `${COST}:${line}:44 cost.investment.tranches[0].amount: "low:" cannot be given here: the currency year, the deflators and the investment tranches do not vary in uncertainty runs; remove it and write the range into "source:" or "note:" instead.`,
      `${COST}:${line}:75 cost.investment.tranches[0].when: unknown field "when"; expected one of: name, amount, on, when_energised, source, confidence, note.`,
    ]);
    expect(errorsOf(withCost((t) => t.replace(TRANCHES, '    tranches: 50e9 USD\n')))).toEqual([
      `${COST}:${line - 1}:15 cost.investment.tranches: found a single value; expected a list of entries, each starting with "- " and giving its fields, such as "- name: upfront" (an empty list [] for none).`,
    ]);
  });
});

describe('cost.yaml in scenarios and uncertainty runs', () => {
  it('patches a cost like any other value, in its own currency year, each record naming where it was set', () => {
    const overlay = yaml(
      'extends: base',
      'question: "Dearer construction?"',
      'cost:',
      '  facility:',
      '    construction: {value: 14 MUSD/MW, currency_year: 2024, source: "a dearer market", confidence: rough}',
      '  deflators:',
      '    2024: 120',
    );
    const outcome = loadScenario('a', { 'a.yaml': overlay });
    const cost = costOf(outcome);
    expect(cost.facilityUsdPerMwCriticalIt).toBe(Number(((14e6 * 128.4) / 120).toPrecision(12)));
    // The patched deflator converts base's 2024 values too.
    expect(cost.ppaUsdPerMwh.solar).toBe(Number(((56.76 * 128.4) / 120).toPrecision(12)));
    expect(setByOf(recordOf(outcome, 'cost.facility.construction'))).toEqual([`${COST}:${at('value: 11.7 MUSD/MW', 7)}`, `${A}:5:27`]);
    expect(setByOf(recordOf(outcome, 'cost.deflators.2024'))).toEqual([`${COST}:${at('value: 125.2', 7)}`, `${A}:7:11`]);
    expect(recordOf(outcome, 'cost.facility.construction')).toMatchObject({ written: '14 MUSD/MW', currencyYear: 2024, confidence: 'rough' });
    // The override replaced the range: the value no longer varies.
    expect(outcome.ok && outcome.scenario.uncertain.find((u) => u.path === 'cost.facility.construction')).toBeUndefined();
  });

  it('checks a patch as base is checked', () => {
    const overlay = yaml('extends: base', 'question: "Q?"', 'cost:', '  energy:', '    ppa_price:', '      solar: {value: 60 USD/MWh, currency_year: 2018}');
    expect(errorsOf(loadScenario('a', { 'a.yaml': overlay }))).toEqual([
      `${A}:6:34 cost.energy.ppa_price.solar.currency_year: 2018 has no deflator, so this value cannot be converted to 2025 dollars (cost.currency_year); add "2018: <index>" under "cost: deflators:" in cost.yaml (the same price index as the other years), or restate the value in 2025 dollars and remove its currency_year.`,
    ]);
  });

  it('takes an uncertainty.yaml entry for a cost in the value\'s own currency year, and converts it', () => {
    const outcome = loadEdited({ 'uncertainty.yaml': (t) => t.replace('inputs:\n', 'inputs:\n  cost.energy.ppa_price.solar: {type: uniform, low: 50 USD/MWh, high: 70 USD/MWh}\n') });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    expect(outcome.scenario.uncertain.find((u) => u.path === 'cost.energy.ppa_price.solar')).toMatchObject({
      distribution: { kind: 'uniform', low: in2025Dollars(50, 2024), high: in2025Dollars(70, 2024) },
      pointValue: 58.2107348243,
      at: { file: 'assumptions/uncertainty.yaml', line: 11, column: 3 },
    });
  });

  it('refuses an uncertainty.yaml entry or correlation for a deflator or a tranche', () => {
    const outcome = loadEdited({
      'uncertainty.yaml': (t) =>
        t
          .replace('inputs:\n', 'inputs:\n  cost.deflators.2024: {type: uniform, low: 120, high: 130}\n')
          .replace('correlations:\n', 'correlations:\n  money:\n    inputs: [cost.investment.tranches, cost.wacc]\n    matrix: [[1, 0.5], [0.5, 1]]\n'),
    });
    expect(errorsOf(outcome).filter((e) => e.includes('cost.'))).toEqual([
      'assumptions/uncertainty.yaml:11:3 cost.deflators.2024: the currency year, the deflators and the investment tranches (cost.currency_year, cost.deflators, cost.investment) do not vary in uncertainty runs; remove this entry.',
      expect.stringMatching(/uncertainty\.yaml:\d+:\d+ cost\.investment\.tranches: the currency year, the deflators and the investment tranches \(cost\.currency_year, cost\.deflators, cost\.investment\) do not vary in uncertainty runs; drop it from this group\.$/),
    ]);
  });
});

describe('cost.yaml: never throws', () => {
  it('for any text in cost.yaml, and locates every error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const outcome = loadEdited({ 'cost.yaml': text });
        for (const error of outcome.ok ? [] : outcome.errors) {
          expect(error.at.file).toMatch(/^assumptions\//);
          expect(error.at.line).toBeGreaterThanOrEqual(1);
          expect(error.at.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('for any text written as a cost, a currency year, a deflator or a tranche field', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const written = JSON.stringify(text);
        const cases = [
          replaceOnce('value: 11.7 MUSD/MW', `value: ${written}`),
          replaceOnce(SOLAR_YEAR, SOLAR_YEAR.replace('2024', written)),
          replaceOnce('      value: 125.2\n', `      value: ${written}\n`),
          replaceOnce('        on: 2026-02-27\n', `        on: ${written}\n`),
          replaceOnce('        when_energised: 1 GW\n', `        when_energised: ${written}\n`),
        ];
        for (const edit of cases) {
          const outcome = withCost(edit);
          if (!outcome.ok) expect(outcome.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('cfe.yaml costs in cost.yaml dollars', () => {
  it("restates the hourly study's 2024 costs in 2025 dollars with cost.deflators (x 128.4 / 125.2)", () => {
    const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    const costs = outcome.scenario.inputs.cfe.costs;
    const factor = 128.4 / 125.2;
    expect(costs.currencyYear).toBe(2025);
    expect(costs.restatedFrom).toEqual({ year: 2024, factor });
    expect(costs.technology.solar.capexUsdPerKw).toBeCloseTo(1100 * factor, 9);
    expect(costs.battery.energyCapexUsdPerKwh).toBeCloseTo(250 * factor, 9);
    expect(costs.gridUsdPerMwh).toBeCloseTo(85 * factor, 9);
    // Shares and lives are not money: unchanged.
    expect(costs.discountRate).toBe(0.07);
    expect(costs.technology.solar.lifetimeYears).toBe(30);
  });

  it('reports a cfe currency year without a deflator at cfe.costs.currency_year', () => {
    const outcome = loadEdited({ 'cfe.yaml': replaceOnce('currency_year: 2024', 'currency_year: 2019') });
    expect(errorsOf(outcome)).toEqual([
      expect.stringMatching(/^assumptions\/cfe\.yaml:\d+:\d+ cfe\.costs\.currency_year: 2019 has no deflator, so this value cannot be converted to 2025 dollars/),
    ]);
  });
});
