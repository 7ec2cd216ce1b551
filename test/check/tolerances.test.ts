import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tolerableNames } from '../../src/check/shapes.js';
import { allowedDelta, BUILT_IN_TOLERANCE, parseTolerances, toleranceFor, TOLERANCES_FILE } from '../../src/check/tolerances.js';
import { formatIssue } from '../../src/loader/types.js';

const FILE = 'assumptions/check-tolerances.yaml';
const names = tolerableNames();

function errorsOf(text: string): string[] {
  const parsed = parseTolerances(text, FILE, names);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors.map(formatIssue);
}

describe('check-tolerances.yaml', () => {
  it('the shipped file is valid', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'assumptions', TOLERANCES_FILE), 'utf8');
    const parsed = parseTolerances(text, FILE, names);
    expect(parsed.ok).toBe(true);
  });

  it('reads the default, overrides by name and by file/name, and percent or ppm', () => {
    const parsed = parseTolerances(
      [
        'default:',
        '  relative: 5 ppm',
        '  absolute: 0',
        'overrides:',
        '  facility_energy_mwh:',
        '    relative: "0.1%"',
        '  annual.csv/facility_energy_mwh:',
        '    absolute: 10',
        '',
      ].join('\n'),
      FILE,
      names,
    );
    if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
    const t = parsed.tolerances;
    expect(t.default).toEqual({ relative: 5e-6, absolute: 0 });
    // The file-specific override wins; its left-out field keeps the default.
    expect(toleranceFor(t, 'annual.csv', 'facility_energy_mwh')).toEqual({ relative: 5e-6, absolute: 10 });
    expect(toleranceFor(t, 'summary.csv', 'facility_energy_mwh')).toEqual({ relative: 0.001, absolute: 0 });
    expect(toleranceFor(t, 'annual.csv', 'water_m3')).toEqual(t.default);
  });

  it('accepts a tranche metric of summary.csv by name, with or without the file', () => {
    const parsed = parseTolerances(
      [
        'overrides:',
        '  tranche_upfront_capex_exceeds_year:',
        '    absolute: 1',
        '  summary.csv/tranche_milestones_share_of_full_buildout_capex:',
        '    relative: 1e-3',
        '',
      ].join('\n'),
      FILE,
      names,
    );
    if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
    const t = parsed.tolerances;
    expect(toleranceFor(t, 'summary.csv', 'tranche_upfront_capex_exceeds_year')).toEqual({ relative: 1e-6, absolute: 1 });
    expect(toleranceFor(t, 'summary.csv', 'tranche_milestones_share_of_full_buildout_capex')).toEqual({ relative: 1e-3, absolute: 0 });
    expect(toleranceFor(t, 'summary.csv', 'tranche_other_capex_exceeds_year')).toEqual(t.default);
  });

  it('rejects a misspelt tranche metric, saying how to write one', () => {
    const errors = errorsOf(
      ['overrides:', '  tranche_upfront_capex_year:', '    absolute: 1', '  annual.csv/tranche_upfront_capex_exceeds_year:', '    absolute: 1', ''].join('\n'),
    );
    expect(errors).toEqual([
      `${FILE}:2:3 overrides.tranche_upfront_capex_year: unknown name "tranche_upfront_capex_year"; a tranche metric is "tranche_<name>_capex_exceeds_year" or "tranche_<name>_share_of_full_buildout_capex", <name> being a tranche's name in cost.yaml.`,
      // Tranche metrics are summary.csv's alone.
      expect.stringMatching(/^assumptions\/check-tolerances\.yaml:4:3 overrides\.annual\.csv\/tranche_upfront_capex_exceeds_year: unknown name "tranche_upfront_capex_exceeds_year"/),
    ]);
  });

  it('allows the larger of the absolute and the relative tolerance', () => {
    expect(allowedDelta({ relative: 1e-3, absolute: 0.5 }, 100)).toBe(0.5);
    expect(allowedDelta({ relative: 1e-3, absolute: 0.5 }, -10000)).toBe(10);
  });

  it('falls back to the built-in tolerance for what is left out, and accepts empty overrides', () => {
    const parsed = parseTolerances('# nothing but\ndefault:\n  absolute: 2\noverrides:\n', FILE, names);
    expect(parsed.ok && parsed.tolerances.default).toEqual({ relative: BUILT_IN_TOLERANCE.relative, absolute: 2 });
  });

  it('reports every problem at once, located, with suggestions', () => {
    const errors = errorsOf(
      [
        'default:', // 1
        '  relative: lots', // 2
        '  absolut: 1', // 3
        'overides:', // 4
        '  x: 1', // 5
        'overrides:', // 6
        '  facility_energy_mw:', // 7
        '    relative: 1e-3', // 8
        '  fleet.csv/phase:', // 9
        '    relative: 1e-3', // 10
        '  annaul.csv/water_m3:', // 11
        '    absolute: 1', // 12
        '  water_m3:', // 13
        '    absolute: -1', // 14
        '  chips:', // 15
        '    absolute: 1%', // 16
        '  homes_equivalent: {}', // 17
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([
      expect.stringMatching(/^assumptions\/check-tolerances\.yaml:2:13 default\.relative: "lots" is not a tolerance; write a number at least 0 such as 1e-6/),
      expect.stringMatching(/^assumptions\/check-tolerances\.yaml:3:3 default\.absolut: unknown field "absolut"; did you mean "absolute"\?/),
      expect.stringMatching(/^assumptions\/check-tolerances\.yaml:4:1 overides: unknown field "overides"; did you mean "overrides"\?/),
      expect.stringMatching(/:7:3 overrides\.facility_energy_mw: unknown name "facility_energy_mw"; did you mean "facility_energy_mwh"\?/),
      expect.stringMatching(/:9:3 overrides\.fleet\.csv\/phase: .*"phase" is text/),
      expect.stringMatching(/:11:3 overrides\.annaul\.csv\/water_m3: unknown file "annaul\.csv"; did you mean "annual\.csv"\?/),
      expect.stringMatching(/:14:15 overrides\.water_m3\.absolute: "-1" is out of range/),
      expect.stringMatching(/:16:15 overrides\.chips\.absolute: "1%" is not a tolerance; write a number at least 0 in the value's own unit/),
      expect.stringMatching(/:17:21 overrides\.homes_equivalent: gives neither "relative:" nor "absolute:"/),
    ]);
  });

  it('reports malformed YAML and wrong shapes like any assumption file', () => {
    expect(errorsOf('default: [\n')).toEqual([expect.stringMatching(/^assumptions\/check-tolerances\.yaml:\d+:\d+ is not valid YAML/)]);
    expect(errorsOf('default: 1e-6\n')).toEqual([expect.stringMatching(/:1:10 default: found a single value; expected fields/)]);
    expect(errorsOf('default:\n  relative: [1]\n')).toEqual([expect.stringMatching(/:2:13 default\.relative: found a list; expected a number/)]);
  });
});
