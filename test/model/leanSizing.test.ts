import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../src/model/assemble.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { sizeVintagesLean, type EnvelopeLimit } from '../../src/model/leanSizing.js';
import { VintageTable } from '../../src/model/vintageTable.js';
import { modelInputsArb } from './arbitraryInputs.js';
import { baseCaseInputs, makeInputs, onePhase } from './fixtures.js';

/** Every row of a table, as plain records, for toEqual (NaN equals NaN there). */
function rows(table: VintageTable): Record<string, unknown>[] {
  return Array.from({ length: table.count }, (_, i) => ({
    phaseIndex: table.phaseIndex[i],
    vintage: table.vintage[i],
    chip: table.chip[i]!.name,
    startHour: table.startHour[i],
    endHour: table.endHour[i],
    rampHours: table.rampHours[i],
    startYear: table.startYear[i],
    retireYear: table.retireYear[i],
    poiMw: table.poiMw[i],
    auxMw: table.auxMw[i],
    criticalItMw: table.criticalItMw[i],
    designLoadMw: table.designLoadMw[i],
    allInW: table.allInW[i],
    chips: table.chips[i],
    servers: table.servers[i],
    ultraservers: table.ultraservers[i],
    deployedItMw: table.deployedItMw[i],
    peakBf16Pflops: table.peakBf16Pflops[i],
    peakFp8Pflops: table.peakFp8Pflops[i],
  }));
}

const lean = new VintageTable();

/** sizeVintagesLean against prepareRun: the same success, and when it succeeds the same table, limit and POI equivalent. */
function expectSameAsPrepareRun(inputs: ModelInputs): boolean {
  const limit: EnvelopeLimit = { limitMw: Number.NaN, poiEquivalentMw: Number.NaN };
  const ok = sizeVintagesLean(inputs, lean, limit);
  const prepared = prepareRun(inputs);
  expect(ok).toBe(prepared.ok);
  if (!prepared.ok) return false;
  expect(rows(lean)).toEqual(rows(prepared.run.table));
  expect(limit).toEqual({ limitMw: prepared.run.limitMw, poiEquivalentMw: prepared.run.poiEquivalentMw });
  return true;
}

describe('sizeVintagesLean', () => {
  it('fills the table prepareRun fills from its Vintage objects, on the base case', () => {
    const inputs = baseCaseInputs();
    expect(expectSameAsPrepareRun(inputs)).toBe(true);
    expect(lean.count).toBeGreaterThan(inputs.phases.length); // refreshes included
  });

  it('on random inputs (fast-check), valid and failing alike', () => {
    let ok = 0;
    fc.assert(
      fc.property(modelInputsArb(), (inputs) => {
        if (expectSameAsPrepareRun(inputs)) ok++;
      }),
      { numRuns: 300 },
    );
    expect(ok).toBeGreaterThan(100);
  });

  it('returns false where prepareRun reports an error', () => {
    const limit: EnvelopeLimit = { limitMw: 0, poiEquivalentMw: 0 };
    expect(sizeVintagesLean(makeInputs({ phases: [] }), lean, limit)).toBe(false);
    const late = onePhase({ energisedOn: '2027-01-01', endOfLife: '2026-06-01' });
    expect(sizeVintagesLean(makeInputs({ phases: [late] }), lean, limit)).toBe(false);
    const refreshOnly = onePhase({ refreshTo: 'trainium3', endOfLife: undefined });
    expect(prepareRun(makeInputs({ phases: [refreshOnly] })).ok).toBe(false);
    expect(sizeVintagesLean(makeInputs({ phases: [refreshOnly] }), lean, limit)).toBe(false);
    const tiny = onePhase({ poi: { kind: 'mw', mw: 0 } });
    expect(prepareRun(makeInputs({ phases: [tiny] })).ok).toBe(false);
    expect(sizeVintagesLean(makeInputs({ phases: [tiny] }), lean, limit)).toBe(false);
  });
});
