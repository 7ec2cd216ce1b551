import { describe, expect, it } from 'vitest';
import { errorsOf, loadEdited, replaceOnce, warningsOf } from './fixture.js';

const PHASES = 'assumptions/phases.csv';
const TRN4_A = '500 MW,trainium4,6 months,2032-10-01,trainium4,"placeholder schedule: Trainium4';

describe('phases.csv', () => {
  it('reads each row, with its source and confidence on every record', () => {
    const outcome = loadEdited({ 'phases.csv': replaceOnce('250 MW,trainium3,6 months,2031', '12.5%,trainium3,,2031') });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    expect(outcome.scenario.inputs.phases[0]).toEqual({
      name: 'trn3-a',
      energisedOn: '2026-10-01',
      poi: { kind: 'share', share: 0.125 },
      chip: 'trainium3',
      rampHours: 0,
      endOfLife: '2031-10-01',
      refreshTo: 'trainium4',
    });
    const records = outcome.scenario.records.filter((r) => r.path.startsWith('phases.trn3-a.'));
    expect(records.map((r) => [r.path, r.value, r.unit, r.written, r.at.column])).toEqual([
      ['phases.trn3-a.energised_on', '2026-10-01', '', '2026-10-01', 8],
      ['phases.trn3-a.poi', 0.125, '1', '12.5%', 19],
      ['phases.trn3-a.chip', 'trainium3', '', 'trainium3', 25],
      ['phases.trn3-a.ramp', 0, 'h', '', 35],
      ['phases.trn3-a.end_of_life', '2031-10-01', '', '2031-10-01', 36],
      ['phases.trn3-a.refresh_to', 'trainium4', '', 'trainium4', 47],
    ]);
    expect(new Set(records.map((r) => r.confidence))).toEqual(new Set(['placeholder']));
  });

  it.each([
    ['unknown chip', replaceOnce(TRN4_A, TRN4_A.replace('trainium4', 'trainium5')), `${PHASES}:4:26 phases.trn4-a.chip: chip "trainium5" is not in chips.yaml (known chips: trainium2, trainium3, trainium4); did you mean "trainium2"?`],
    ['unknown refresh chip', replaceOnce('2031-10-01,trainium4', '2031-10-01,tranium4'), `${PHASES}:2:56 phases.trn3-a.refresh_to: chip "tranium4" is not in chips.yaml (known chips: trainium2, trainium3, trainium4); did you mean "trainium4"?`],
    ['date that does not exist', replaceOnce('2027-04-01', '2027-02-30'), `${PHASES}:3:8 phases.trn3-b.energised_on: "2027-02-30" is not a calendar date written YYYY-MM-DD; write one such as "2026-10-01".`],
    ['date in another format', replaceOnce('2027-04-01', '1/4/2027'), `${PHASES}:3:8 phases.trn3-b.energised_on: "1/4/2027" is not a calendar date written YYYY-MM-DD; write one such as "2026-10-01".`],
    ['duplicate name', replaceOnce('trn3-b,', 'trn3-a,'), `${PHASES}:3:1 phases.trn3-a.name: phase name "trn3-a" is already used on line 2; give each phase a unique name.`],
    ['end of life not after energisation', replaceOnce('2031-10-01', '2026-09-01'), `${PHASES}:2:45 phases.trn3-a.end_of_life: end_of_life 2026-09-01 is not after energised_on 2026-10-01; retire the phase after it is energised.`],
    ['refresh without end of life', replaceOnce('2031-10-01,trainium4', ',trainium4'), `${PHASES}:2:46 phases.trn3-a.refresh_to: refresh_to "trainium4" needs an end_of_life date, when the first vintage retires; add end_of_life or clear refresh_to.`],
    ['energy as POI', replaceOnce('250 MW,trainium3,6 months,2031', '250 MWh,trainium3,6 months,2031'), `${PHASES}:2:19 phases.trn3-a.poi: "250 MWh" is an energy; expected a power or a plain number such as "250 MW".`],
    ['zero share', replaceOnce('250 MW,trainium3,6 months,2031', '0%,trainium3,6 months,2031'), `${PHASES}:2:19 phases.trn3-a.poi: "0%" is out of range; expected more than 0 and at most 1. Correct the value.`],
    ['negative ramp', replaceOnce('trainium3,6 months,2031', 'trainium3,-1 h,2031'), `${PHASES}:2:36 phases.trn3-a.ramp: "-1 h" is out of range; expected at least 0 h. Correct the value.`],
    ['empty name', replaceOnce('trn4-b,2028-07-01', ',2028-07-01'), `${PHASES}:5:1 phases.(line 5).name: is empty; every phase needs a value in this column.`],
    ['bad confidence', replaceOnce('5-year life",placeholder\ntrn4-c', '5-year life",guess\ntrn4-c'), `${PHASES}:5:155 phases.trn4-b.confidence: "guess" is not one of official, analyst-estimate, rough, placeholder; write one of them.`],
    ['quoted cell with a comma', replaceOnce('trn4-b,2028-07-01,500 MW', 'trn4-b,"2028-07-01","5,00 MW"'), `${PHASES}:5:21 phases.trn4-b.poi: "5,00 MW" cannot be read (Unexpected operator , (char 2)); expected a power or a plain number such as "5 MW".`],
    ['wrong number of cells', replaceOnce('trn4-b,2028-07-01,500 MW,trainium4,6 months,2033-07-01,trainium4,', 'trn4-b,2028-07-01,500 MW,trainium4,6 months,2033-07-01,'), `${PHASES}:5:1 this row has 8 cells but the header has 9 columns; check for a missing or extra comma (quote text that contains commas).`],
    ['unknown column', replaceOnce('end_of_life', 'end_of_lfe'), `${PHASES}:1:33 unknown column "end_of_lfe"; did you mean "end_of_life"?`],
    ['repeated column', replaceOnce('source,confidence', 'source,source'), `${PHASES}:1:63 column "source" appears twice in the header; keep only one.`],
    ['missing column', (t: string) => t.replace(/^(([^,\n]*,){4})[^,\n]*,/gm, '$1'), `${PHASES}:1:1 has no "ramp" column; add it to the header line.`],
  ])('%s', (_, edit, expected) => {
    expect(errorsOf(loadEdited({ 'phases.csv': edit }))).toEqual([expected]);
  });

  it('warns when a phase outlives its chip within the horizon without an end of life', () => {
    const outcome = loadEdited({ 'phases.csv': replaceOnce('6 months,2032-10-01,trainium4,', '6 months,,,') });
    expect(warningsOf(outcome)).toEqual([
      `${PHASES}:4:45 warning: phases.trn4-a.end_of_life: trainium4 from 2027-10-01 outlives its 5-year service life before the horizon ends (2035); add end_of_life (and refresh_to), or lengthen the chip's service_life.`,
    ]);
  });

  it('the shipped phases raise no warnings', () => {
    expect(warningsOf(loadEdited({}))).toEqual([]);
  });

  it('warns when a refreshed vintage outlives its chip within the horizon', () => {
    const outcome = loadEdited({ 'phases.csv': replaceOnce('2026-10-01,250 MW,trainium3,6 months,2031-10-01', '2026-10-01,250 MW,trainium3,6 months,2027-10-01') });
    expect(warningsOf(outcome)[0]).toBe(
      `${PHASES}:2:56 warning: phases.trn3-a.refresh_to: trainium4 from 2027-10-01 outlives its 5-year service life before the horizon ends (2035); add end_of_life (and refresh_to), or lengthen the chip's service_life.`,
    );
  });
});
