import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProfileYear } from '../../src/loader/cfe.js';
import { loadAssumptions } from '../../src/loader/index.js';
import { formatIssue, type LoadOutcome } from '../../src/loader/types.js';
import { shippedCfeInputs } from '../model/cfeInputsFixture.js';
import { errorsOf, inCopy, loadEdited, loadScenario, recordOf, replaceOnce, setByOf, SHIPPED, warningsOf, yaml, type Edits } from './fixture.js';

const CFE = 'assumptions/cfe.yaml';
const PROFILES = 'assumptions/profiles/site.csv';

/** An hourly CSV: the header, then `rows` lines made by `row(hour)`. */
function csv(header: string, rows: number, row: (hour: number) => string): string {
  return `${[header, ...Array.from({ length: rows }, (_, h) => row(h))].join('\n')}\n`;
}

/** Solar follows the clock, wind is flat; hour 6 is the first daylight hour. */
const profileRow = (h: number) => `${h},${h % 24 >= 6 && h % 24 < 18 ? 0.5 : 0},0.3`;
const PROFILE_CSV = csv('hour,solar,onshore_wind', 8760, profileRow);

/** cfe.yaml reading profiles from `profiles/site.csv` (its site: line stays, ignored). */
const csvSource = (extra = '') => replaceOnce('    source: synthetic\n', `    source: csv\n    file: profiles/site.csv\n    utc_offset: -6 h\n${extra}`);

function cfeOf(outcome: LoadOutcome) {
  if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
  return outcome.scenario.inputs.cfe;
}

const loadWith = loadEdited;

describe('cfe.yaml: the shipped file', () => {
  const outcome = loadAssumptions(SHIPPED, { displayDir: 'assumptions' });

  it('loads into CfeInputs in model units: synthetic Indiana profiles, no offshore wind there', () => {
    expect(cfeOf(outcome)).toEqual(shippedCfeInputs());
  });

  it('records every value with its source and confidence, and the site preset it reads', () => {
    expect(recordOf(outcome, 'cfe.targets[2]')).toMatchObject({ value: 0.95, unit: '1', confidence: 'placeholder', at: { file: CFE, line: 13, column: 23 } });
    expect(recordOf(outcome, 'cfe.costs.solar.capex')).toMatchObject({ value: 1100, unit: 'USD/kW', written: '1100 USD/kW', confidence: 'placeholder' });
    expect(recordOf(outcome, 'cfe.costs.solar.fixed_om')).toMatchObject({ value: 20, unit: 'USD/kW/year', written: '20 USD/kW/year' });
    expect(recordOf(outcome, 'cfe.costs.grid_price')).toMatchObject({ value: 85, unit: 'USD/MWh', confidence: 'official' });
    expect(recordOf(outcome, 'cfe.battery.round_trip_efficiency')).toMatchObject({ value: 0.82, confidence: 'official' });
    expect(recordOf(outcome, 'site.utc_offset')).toMatchObject({ value: -5, unit: 'h', at: { file: 'assumptions/sites/indiana-pjm.yaml' } });
    const cfeRecords = outcome.ok ? outcome.scenario.records.filter((r) => r.path.startsWith('cfe.') || r.path.startsWith('site.')) : [];
    for (const record of cfeRecords.filter((r) => r.path !== 'cfe.profiles.source' && r.path !== 'cfe.costs.currency_year')) {
      expect([record.path, record.source === undefined, record.confidence === undefined]).toEqual([record.path, false, false]);
    }
  });

  it('never makes an hourly CFE input uncertain', () => {
    if (!outcome.ok) throw new Error('not ok');
    expect(outcome.scenario.uncertain.filter((u) => u.path.startsWith('cfe.'))).toEqual([]);
  });

  it('loads each shipped site preset', () => {
    for (const [site, offshore] of [['texas-ercot', 0.4], ['oregon', 0.4], ['indiana-pjm', 0]] as const) {
      const cfe = cfeOf(loadWith({ 'cfe.yaml': replaceOnce('value: indiana-pjm', `value: ${site}`) }));
      expect(cfe.profiles.kind === 'synthetic' && [cfe.profiles.site.name, cfe.profiles.site.targetCapacityFactor.offshore_wind]).toEqual([site, offshore]);
      expect(cfe.maxMw.offshore_wind).toBe(offshore === 0 ? 0 : Infinity);
    }
  });
});

describe('cfe.yaml: values', () => {
  it.each([
    ['targets not ascending', '[0.8, 0.9, 0.95, 0.98, 0.99]', '[0.8, 0.95, 0.9, 0.98, 0.98]', [
      `${CFE}:13:24 cfe.targets[2]: "0.9" is not above the value before it ("0.95"); list the values in strictly ascending order, each once.`,
      `${CFE}:13:35 cfe.targets[4]: "0.98" is not above the value before it ("0.98"); list the values in strictly ascending order, each once.`,
    ]],
    ['a target above 1', '[0.8, 0.9, 0.95, 0.98, 0.99]', '[0.8, 0.9, 1.2]', [
      `${CFE}:13:23 cfe.targets[2]: "1.2" is out of range; expected more than 0 and at most 1. Correct the value.`,
    ]],
    ['a target of 0', '[0.8, 0.9, 0.95, 0.98, 0.99]', '[0, 0.9]', [
      `${CFE}:13:13 cfe.targets[0]: "0" is out of range; expected more than 0 and at most 1. Correct the value.`,
    ]],
    ['no targets', '[0.8, 0.9, 0.95, 0.98, 0.99]', '[]', [`${CFE}:13:12 cfe.targets: lists nothing; give at least one value, such as [0.9].`]],
    ['one target, not a list', '[0.8, 0.9, 0.95, 0.98, 0.99]', '0.9', [
      `${CFE}:13:12 cfe.targets: found a single value; expected a list of values, such as [0.8, 0.9, 0.95], or a mapping with "value:" holding one.`,
    ]],
    ['a negative efficiency', 'value: 0.82', 'value: -0.82', [
      `${CFE}:55:14 cfe.battery.round_trip_efficiency: "-0.82" is out of range; expected more than 0 and at most 1. Correct the value.`,
    ]],
    ['a capex per kWh where a capex per kW is expected', 'value: 1100 USD/kW', 'value: 1100 USD/kWh', [
      `${CFE}:75:16 cfe.costs.solar.capex: "1100 USD/kWh" is a cost per energy; expected a cost per power such as "1100 USD/kW".`,
    ]],
    ['a fixed O&M per MWh', 'value: 20 USD/kW/year', 'value: 20 USD/MWh', [
      `${CFE}:79:16 cfe.costs.solar.fixed_om: "20 USD/MWh" is a cost per energy; expected a cost per power per year such as "20 USD/kW/year".`,
    ]],
    ['a grid price without its currency', 'value: 85 USD/MWh', 'value: 85 /MWh', [
      `${CFE}:69:14 cfe.costs.grid_price: "85 /MWh" is a quantity in MWh^-1; expected a cost per energy such as "85 USD/MWh".`,
    ]],
    ['a year outside the horizon', '  # year: 2030\n', '  year: 2040\n', [
      `${CFE}:17:9 cfe.year: 2040 is outside the horizon (2026-2035); give a year within it, or remove "year:" to study the first full build-out year.`,
    ]],
    ['an unknown profile source', 'source: synthetic', 'source: measured', [
      `${CFE}:23:13 cfe.profiles.source: "measured" is not one of synthetic, csv; write one of them.`,
    ]],
  ])('%s', (_name, from, to, expected) => {
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce(from, to) }))).toEqual(expected);
  });

  it('is a required file, and targets a required list', () => {
    expect(errorsOf(loadWith({ 'cfe.yaml': null }))).toEqual([
      `${CFE}:1:1 file not found; a scenario needs all of envelope.yaml, facility.yaml, chips.yaml, utilisation.yaml, phases.csv, procurement.yaml, context.yaml, cfe.yaml, cost.yaml. Restore it (the shipped assumptions directory has one of each).`,
    ]);
    expect(errorsOf(loadWith({ 'cfe.yaml': (t) => t.replace(/ {2}targets:\n( {4}.*\n)+/, '') }))).toEqual([
      `${CFE}:10:1 cfe.targets: missing; add "targets:" under "cfe:" with a list of values, such as [0.8, 0.9, 0.95], or a mapping with "value:" holding one.`,
    ]);
  });

  it('converts costs written in other units: per MW, per month, per MWh', () => {
    const cfe = cfeOf(
      loadWith({
        'cfe.yaml': (t) =>
          replaceOnce('value: 1100 USD/kW', 'value: 1100000 USD/MW')(replaceOnce('value: 20 USD/kW/year', 'value: 2 USD/kW/month')(replaceOnce('value: 250 USD/kWh', 'value: 250000 USD/MWh')(t))),
      }),
    );
    // Then restated from 2024 to 2025 dollars (cost.deflators: 128.4 / 125.2), as every cfe cost is.
    const f = 128.4 / 125.2;
    expect(cfe.costs.technology.solar.capexUsdPerKw).toBeCloseTo(1100 * f, 9);
    expect(cfe.costs.technology.solar.fixedOmUsdPerKwYear).toBeCloseTo(24 * f, 9);
    expect(cfe.costs.battery.energyCapexUsdPerKwh).toBeCloseTo(250 * f, 9);
  });

  it('refuses a range or distribution on a CFE value: they do not vary in uncertainty runs yet', () => {
    const outcome = loadWith({ 'cfe.yaml': replaceOnce('      value: 0.82\n', '      value: 0.82\n      low: 0.8\n      high: 0.9\n') });
    expect(errorsOf(outcome)).toEqual([
      `${CFE}:56:7 cfe.battery.round_trip_efficiency: "low:" cannot be given here: hourly CFE assumptions (cfe.yaml, site presets) do not vary in uncertainty runs yet; remove it and write the range into "source:" or "note:" instead.`,
      `${CFE}:57:7 cfe.battery.round_trip_efficiency: "high:" cannot be given here: hourly CFE assumptions (cfe.yaml, site presets) do not vary in uncertainty runs yet; remove it and write the range into "source:" or "note:" instead.`,
    ]);
  });

  it('refuses an uncertainty.yaml entry or correlation for a CFE value', () => {
    const outcome = loadWith({
      'uncertainty.yaml': (t) =>
        t
          .replace('inputs:\n', 'inputs:\n  cfe.grid_cfe_share: {type: triangular, low: 0.3, mode: 0.4, high: 0.5}\n')
          .replace('correlations:\n', 'correlations:\n  grid:\n    inputs: [cfe.costs.grid_price, facility.annual_pue]\n    matrix: [[1, 0.5], [0.5, 1]]\n'),
    });
    const errors = errorsOf(outcome);
    expect(errors.filter((e) => e.includes('cfe.'))).toEqual([
      expect.stringMatching(/uncertainty\.yaml:11:3 cfe\.grid_cfe_share: hourly CFE assumptions \(cfe\.\*\) do not vary in uncertainty runs yet; remove this entry\.$/),
      expect.stringMatching(/uncertainty\.yaml:\d+:\d+ cfe\.costs\.grid_price: hourly CFE assumptions \(cfe\.\*\) do not vary in uncertainty runs yet; drop it from this group\.$/),
    ]);
  });

  it('caps technologies; a cap on a technology without a profile is a warning', () => {
    const outcome = loadWith({
      'cfe.yaml': (t) => `${t}  max_capacity:\n    clean_firm: 0 MW\n    solar: 2 GW\n    offshore_wind: 500 MW\n  max_excess_share: 0.2\n`,
    });
    const cfe = cfeOf(outcome);
    expect([cfe.maxMw, cfe.maxExcessShare]).toEqual([{ solar: 2000, onshore_wind: Infinity, offshore_wind: 0, clean_firm: 0 }, 0.2]);
    expect(warningsOf(outcome)).toEqual([
      expect.stringMatching(
        /^assumptions\/cfe\.yaml:\d+:20 warning: cfe\.max_capacity\.offshore_wind: offshore_wind has no hourly profile \(site preset "indiana-pjm" gives no capacity factor for it\), so it cannot be built/,
      ),
    ]);
  });

  it('takes the flat grid emission factor from cfe.yaml when given, else leaves it to context.yaml (undefined)', () => {
    expect(cfeOf(loadWith({ 'cfe.yaml': replaceOnce('  # grid_emission_factor: 380 kg/MWh', '  grid_emission_factor: 350 kg/MWh') })).gridEmissionsTPerMwh).toBe(0.35);
    expect(shippedCfeInputs().gridEmissionsTPerMwh).toBeUndefined();
  });
});

describe('cfe.yaml: site presets', () => {
  it('names an unknown preset, suggesting the nearest', () => {
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('value: indiana-pjm', 'value: indiana-pmj') }))).toEqual([
      `${CFE}:25:14 cfe.profiles.site: no site preset "indiana-pmj" (no file sites/indiana-pmj.yaml); did you mean "indiana-pjm"?`,
    ]);
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('value: indiana-pjm', 'value: arizona') }))).toEqual([
      `${CFE}:25:14 cfe.profiles.site: no site preset "arizona" (no file sites/arizona.yaml); presets: indiana-pjm, oregon, texas-ercot.`,
    ]);
  });

  it('refuses a name that is not a preset file name (no paths)', () => {
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('value: indiana-pjm', 'value: ../envelope') }))).toEqual([
      `${CFE}:25:14 cfe.profiles.site: "../envelope" is not a site preset name; a preset is named with lowercase letters, digits and hyphens, after its file sites/<name>.yaml (such as indiana-pjm).`,
    ]);
  });

  it('needs a site for synthetic profiles', () => {
    const outcome = loadWith({ 'cfe.yaml': (t) => t.replace(/ {4}site:\n( {6}.*\n)+/, '') });
    expect(errorsOf(outcome)).toEqual([
      `${CFE}:22:3 cfe.profiles.site: missing; cfe.profiles.source is synthetic, which needs "site:" under "profiles:" with a site preset, the name of a file in sites/ (such as indiana-pjm).`,
    ]);
  });

  it('checks the preset file like any assumption file, and lists it among the files read', () => {
    const outcome = loadWith({ 'sites/indiana-pjm.yaml': replaceOnce('value: 41.70', 'value: 141.7') });
    expect(errorsOf(outcome)).toEqual([
      'assumptions/sites/indiana-pjm.yaml:18:12 site.latitude: "141.7" is out of range; expected between -90 and 90. Correct the value.',
    ]);
  });
});

describe('cfe.yaml: profiles from a CSV', () => {
  const load = (files: Edits, extra = '') => loadWith({ 'cfe.yaml': csvSource(extra), ...files });

  it('reads each column; a technology without a column has zeros and cannot be built; clean firm is flat', () => {
    const cfe = cfeOf(load({ 'profiles/site.csv': PROFILE_CSV }));
    if (cfe.profiles.kind !== 'csv') throw new Error('not csv');
    const { capacityFactor, origin, utcOffsetHours, file } = cfe.profiles;
    expect([file, utcOffsetHours, origin]).toEqual(['profiles/site.csv', -6, { key: 'cfe.profiles.file', written: 'profiles/site.csv', file: PROFILES, rows: 8760, lastLine: 8761 }]);
    expect([capacityFactor.solar[5], capacityFactor.solar[6], capacityFactor.onshore_wind[100], capacityFactor.offshore_wind.every((v) => v === 0)]).toEqual([0, 0.5, 0.3, true]);
    expect([capacityFactor.clean_firm.length, capacityFactor.clean_firm[0]]).toEqual([8760, 0.9]);
    expect(cfe.maxMw).toEqual({ solar: Infinity, onshore_wind: Infinity, offshore_wind: 0, clean_firm: Infinity });
  });

  it('lists the CSV among the files read, and leaves the ignored site out of the records', () => {
    const outcome = load({ 'profiles/site.csv': PROFILE_CSV });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    expect(outcome.scenario.files.map((f) => f.path)).toContain('profiles/site.csv');
    expect(outcome.scenario.files.map((f) => f.path)).not.toContain('sites/indiana-pjm.yaml');
    expect(outcome.scenario.records.map((r) => r.path)).not.toContain('cfe.profiles.site');
  });

  it('names file, line and column of a value outside 0-1', () => {
    const bad = csv('hour,solar,onshore_wind', 8760, (h) => (h === 6 ? '6,1.2,0.3' : profileRow(h)));
    expect(errorsOf(load({ 'profiles/site.csv': bad }))).toEqual([`${PROFILES}:8:3 solar: "1.2" (hour 6) is not a capacity factor from 0 to 1; correct this cell.`]);
  });

  it('reports the first ten bad cells, and counts the rest', () => {
    const bad = csv('hour,solar,onshore_wind', 8760, (h) => `${h},x,0.3`);
    const errors = errorsOf(load({ 'profiles/site.csv': bad }));
    expect(errors).toHaveLength(11);
    expect(errors[10]).toBe(`${PROFILES}:12:4 and 8750 more cells like those reported above in this file; fix those first, then check again.`);
  });

  it('names a gap in the hours', () => {
    const gap = csv('hour,solar,onshore_wind', 8760, (h) => profileRow(h >= 100 ? h + 1 : h));
    expect(errorsOf(load({ 'profiles/site.csv': gap }))).toEqual([
      `${PROFILES}:102:1 hour: "101" is not hour 100; number the rows 0, 1, 2, ... with no gaps or repeats.`,
    ]);
  });

  it('reads hour_beginning in local standard time, and names a daylight-saving jump', () => {
    const stamp = (h: number) => new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 16);
    const good = csv('hour_beginning,solar', 8760, (h) => `${stamp(h)},0.2`);
    expect(cfeOf(load({ 'profiles/site.csv': good })).maxMw.onshore_wind).toBe(0);
    const dst = csv('hour_beginning,solar', 8760, (h) => `${stamp(h >= 1610 ? h + 1 : h)},0.2`);
    expect(errorsOf(load({ 'profiles/site.csv': dst }))).toEqual([
      `${PROFILES}:1612:1 hour_beginning: "2025-03-09T03:00" is not 2025-03-09T02:00, the hour after the row above; list every hour of one year in local standard time (no daylight-saving jumps), one row each from YYYY-01-01T00:00.`,
    ]);
  });

  it('names a row count that is no year', () => {
    expect(errorsOf(load({ 'profiles/site.csv': csv('hour,solar', 8759, (h) => `${h},0.2`) }))).toEqual([
      `${PROFILES}:8760:1 has 8759 data rows; give one row per hour of the year, 8760 rows (8784 in a leap year).`,
    ]);
  });

  it('checks the row count against the year studied: at once when cfe.year is given, else through checkProfileYear', () => {
    const leap = csv('hour,solar', 8784, (h) => `${h},0.2`);
    const outcome = load({ 'profiles/site.csv': leap });
    const cfe = cfeOf(outcome);
    expect(checkProfileYear(cfe, 2028)).toEqual([]);
    expect(checkProfileYear(cfe, 2027).map(formatIssue)).toEqual([
      `${PROFILES}:8785:1 cfe.profiles.file: has 8784 hourly rows, but 2027, the year studied, has 8760 hours; supply 8760 rows (a non-leap-year profile: drop 29 February), or set cfe.year to a year with 8784 hours.`,
    ]);
    const in2027 = loadWith({ 'cfe.yaml': (t) => csvSource()(replaceOnce('  # year: 2030', '  year: 2027')(t)), 'profiles/site.csv': leap });
    expect(errorsOf(in2027)).toEqual([
      `${PROFILES}:8785:1 cfe.profiles.file: has 8784 hourly rows, but 2027, the year studied, has 8760 hours; supply 8760 rows (a non-leap-year profile: drop 29 February), or set cfe.year to a year with 8784 hours.`,
    ]);
  });

  it('names a missing file, a path outside the directory, and missing source fields', () => {
    expect(errorsOf(load({}))).toEqual([
      `${CFE}:24:11 cfe.profiles.file: names "profiles/site.csv", which is not a file in the assumptions directory; check the path (it is relative to the assumptions directory, such as profiles/site.csv), or restore the file.`,
    ]);
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('    source: synthetic\n', '    source: csv\n    file: ../site.csv\n') }))).toEqual([
      `${CFE}:22:3 cfe.profiles.utc_offset: missing; cfe.profiles.source is csv, which needs "utc_offset:" under "profiles:" with the CSV's local standard time as hours from UTC, such as -5 h.`,
      `${CFE}:24:11 cfe.profiles.file: "../site.csv" points outside the assumptions directory; name a file inside it with a relative path.`,
    ]);
  });

  it('names unknown and missing columns', () => {
    expect(errorsOf(load({ 'profiles/site.csv': csv('hour,solr', 8760, (h) => `${h},0.2`) }))).toEqual([
      `${PROFILES}:1:6 unknown column "solr"; did you mean "solar"?`,
    ]);
    expect(errorsOf(load({ 'profiles/site.csv': csv('hour', 8760, (h) => `${h}`) }))).toEqual([
      `${PROFILES}:1:1 has no value column; add at least one of solar, onshore_wind, offshore_wind (a technology without a column cannot be built).`,
    ]);
    expect(errorsOf(load({ 'profiles/site.csv': csv('solar', 8760, () => '0.2') }))).toEqual([
      `${PROFILES}:1:1 has neither an "hour" nor an "hour_beginning" column; add one as the first column: hour (0, 1, 2, ...) or hour_beginning (local standard time, such as 2025-01-01T00:00).`,
    ]);
  });
});

describe('cfe.yaml: load shape and hourly grid CSVs', () => {
  it('reads a 24-row load shape (any year) and a full-year one', () => {
    const day = csv('hour,relative_load', 24, (h) => `${h},${1 + h / 24}`);
    const cfe = cfeOf(loadWith({ 'cfe.yaml': replaceOnce('  # load_shape_file:', '  load_shape_file: load.csv\n  #'), 'load.csv': day }));
    expect([cfe.loadShape?.length, cfe.loadShape?.[12], cfe.loadShapeFile?.rows]).toEqual([24, 1.5, 24]);
    expect(checkProfileYear(cfe, 2027)).toEqual([]);
  });

  it('refuses a load shape that is not positive', () => {
    const day = csv('hour,relative_load', 24, (h) => `${h},${h === 3 ? 0 : 1}`);
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('  # load_shape_file:', '  load_shape_file: load.csv\n  #'), 'load.csv': day }))).toEqual([
      'assumptions/load.csv:5:3 relative_load: "0" (hour 3) is not a positive number (any scale: only the shape counts); correct this cell.',
    ]);
  });

  it('reads hourly grid figures, converting the emission factor by the unit in its header', () => {
    const grid = csv('hour,grid_cfe_share,grid_emission_factor_kg_per_mwh', 8760, (h) => `${h},0.4,${h === 0 ? 500 : 380}`);
    const cfe = cfeOf(loadWith({ 'cfe.yaml': replaceOnce('  # grid_hourly_file:', '  grid_hourly_file: grid.csv\n  #'), 'grid.csv': grid }));
    const [share, factor] = [cfe.gridCfeShare, cfe.gridEmissionsTPerMwh] as Float64Array[];
    expect([share!.length, share![5], factor![0], factor![1]]).toEqual([8760, 0.4, 0.5, 0.38]);
  });

  it('refuses the emission factor twice, in two units', () => {
    const grid = csv('hour,grid_emission_factor_kg_per_mwh,grid_emission_factor_t_per_mwh', 8760, (h) => `${h},380,0.38`);
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('  # grid_hourly_file:', '  grid_hourly_file: grid.csv\n  #'), 'grid.csv': grid }))).toEqual([
      'assumptions/grid.csv:1:38 has grid_emission_factor_kg_per_mwh and grid_emission_factor_t_per_mwh, the same quantity in different units; keep one of them.',
    ]);
  });

  it('asks for the unit of the grid emission factor in the header', () => {
    const grid = csv('hour,grid_emission_factor', 8760, (h) => `${h},380`);
    expect(errorsOf(loadWith({ 'cfe.yaml': replaceOnce('  # grid_hourly_file:', '  grid_hourly_file: grid.csv\n  #'), 'grid.csv': grid }))).toEqual([
      'assumptions/grid.csv:1:6 column "grid_emission_factor" names no unit; put the unit into the header: grid_emission_factor_kg_per_mwh or grid_emission_factor_g_per_kwh or grid_emission_factor_t_per_mwh.',
    ]);
  });
});

describe('cfe.yaml in scenarios', () => {
  const overlay = yaml(
    'extends: base',
    'question: "What if we aim higher and solar is cheaper?"',
    'cfe:',
    '  targets: [0.9, 0.99, 1]',
    '  costs:',
    '    solar:',
    '      capex: 900 USD/kW',
  );

  it('patches cfe.targets and a cost like any other value, each record naming where it was set', () => {
    const outcome = loadScenario('a', { 'a.yaml': overlay });
    const cfe = cfeOf(outcome);
    const f = 128.4 / 125.2; // 2024 dollars restated in 2025 dollars
    expect(cfe.targets).toEqual([0.9, 0.99, 1]);
    expect(cfe.costs.technology.solar.capexUsdPerKw).toBeCloseTo(900 * f, 9);
    expect(cfe.costs.technology.onshore_wind.capexUsdPerKw).toBeCloseTo(1400 * f, 9);
    expect(setByOf(recordOf(outcome, 'cfe.costs.solar.capex'))).toEqual([`${CFE}:75:16`, 'assumptions/scenarios/a.yaml:7:14']);
    expect(setByOf(recordOf(outcome, 'cfe.targets[1]'))).toEqual([`${CFE}:13:18`, 'assumptions/scenarios/a.yaml:4:18']);
    expect(recordOf(outcome, 'cfe.targets[2]')!.value).toBe(1);
    // The list is replaced whole: base's fourth and fifth targets are gone.
    expect(recordOf(outcome, 'cfe.targets[3]')).toBeUndefined();
  });

  it('checks a patch as base is checked, and may switch the site', () => {
    const bad = loadScenario('a', { 'a.yaml': overlay.replace('[0.9, 0.99, 1]', '[0.99, 0.9]') });
    expect(errorsOf(bad)).toEqual([
      'assumptions/scenarios/a.yaml:4:19 cfe.targets[1]: "0.9" is not above the value before it ("0.99"); list the values in strictly ascending order, each once.',
    ]);
    const texas = loadScenario('t', { 't.yaml': yaml('extends: base', 'question: "Texas?"', 'cfe:', '  profiles:', '    site: texas-ercot') });
    if (!texas.ok) throw new Error(errorsOf(texas).join('\n'));
    expect(texas.scenario.files.map((f) => f.path)).toContain('sites/texas-ercot.yaml');
    expect(texas.scenario.inputs.cfe.maxMw.offshore_wind).toBe(Infinity);
  });

  it('reads a CSV a scenario names, and each scenario sees its own files', () => {
    inCopy(
      {
        'scenarios/m.yaml': yaml('extends: base', 'question: "Measured profiles?"', 'cfe:', '  profiles:', '    source: csv', '    file: profiles/site.csv', '    utc_offset: -5 h'),
        'profiles/site.csv': PROFILE_CSV,
      },
      (dir) => {
        const base = loadAssumptions(dir, { displayDir: 'assumptions' });
        const measured = loadAssumptions(dir, { displayDir: 'assumptions', scenario: 'm' });
        expect(cfeOf(base).profiles.kind).toBe('synthetic');
        expect(cfeOf(measured).profiles.kind).toBe('csv');
        if (!measured.ok) throw new Error('not ok');
        expect(measured.scenario.files.map((f) => f.path)).toContain('profiles/site.csv');
      },
      { baseOnly: true },
    );
  });
});

describe('cfe.yaml and the files it names: never throw', () => {
  it('for any text in cfe.yaml, a site preset or a profile CSV, and locate every error', () => {
    const file = fc.constantFrom('cfe.yaml', 'sites/indiana-pjm.yaml', 'profiles/site.csv');
    fc.assert(
      fc.property(file, fc.string({ maxLength: 200 }), (name, text) => {
        const edits: Edits = name === 'profiles/site.csv' ? { 'cfe.yaml': csvSource(), [name]: text } : { [name]: text };
        const outcome = loadWith(edits);
        for (const error of outcome.ok ? [] : outcome.errors) {
          expect(error.at.file).toMatch(/^assumptions\//);
          expect(error.at.line).toBeGreaterThanOrEqual(1);
          expect(error.at.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('for any text written as a cost, a target or a CSV cell', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const written = JSON.stringify(text);
        const cases: Edits[] = [
          { 'cfe.yaml': replaceOnce('value: 1100 USD/kW', `value: ${written}`) },
          { 'cfe.yaml': replaceOnce('[0.8, 0.9, 0.95, 0.98, 0.99]', `[0.8, ${written}]`) },
          { 'cfe.yaml': csvSource(), 'profiles/site.csv': csv('hour,solar', 8760, (h) => `${h},${h === 7 ? `"${text.replaceAll('"', '""')}"` : 0.2}`) },
        ];
        for (const edits of cases) {
          const outcome = loadWith(edits);
          for (const error of outcome.ok ? [] : outcome.errors) expect(error.at.file).toMatch(/^assumptions\/(cfe\.yaml|profiles\/site\.csv)$/);
        }
      }),
      { numRuns: 30 },
    );
  });
});
