import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareRun } from '../../../src/model/assemble.js';
import { COST_FIGURE, COST_FIGURE_COUNT, capexFullBuildoutUsd, costFigures, costRows } from '../../../src/model/cost/costFigures.js';
import { TECHNOLOGIES, type ModelInputs } from '../../../src/model/inputs.js';
import type { Vintage } from '../../../src/model/vintages.js';
import { vintageTable } from '../../../src/model/vintageTable.js';
import { modelInputsArb } from '../arbitraryInputs.js';
import { makeInputs, oneChip, onePhase } from '../fixtures.js';
import { costInputs } from './costFixture.js';

const MONTH_H = 730.5;

function vintagesOf(inputs: ModelInputs): Vintage[] {
  const prepared = prepareRun(inputs);
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.message).join('\n'));
  return prepared.run.vintages;
}

/** Energy figures: per year [facility MWh, new clean MWh of each technology]. */
const LAYOUT = { stride: 1 + TECHNOLOGIES.length, facilityEnergyMwh: 0, technologyEnergyMwh: 1 };
function energyFigures(years: { facilityMwh: number; cleanMwh: number[] }[]): Float64Array {
  return Float64Array.from(years.flatMap((y) => [y.facilityMwh, ...y.cleanMwh]));
}

// CRF(7%, 30) and CRF(7%, 5) by hand (annualised.test.ts).
const CRF30 = 0.0805864;
const CRF5 = 0.2438907;

describe('cost rows on a hand-built one-phase case', () => {
  // 125 MW POI, no headroom, no aux, design PUE 1.25 -> 100 MW critical IT -> 100,000 chips of 1,000 W.
  // Energised 2026-07-01 with a 2-month ramp; chips live 5 years; horizon 2026-2032.
  const inputs = makeInputs({ horizon: { firstYear: 2026, lastYear: 2032 }, phases: [onePhase({ energisedOn: '2026-07-01', rampHours: 2 * MONTH_H })] });
  const vintages = vintagesOf(inputs);
  const cost = costInputs(7);
  // Facility MWh and new clean MWh by hand-picked numbers (the model's are tested elsewhere):
  // 2026 half a year, then a flat 481,800 MWh, all of it matched (0.5 / 0.4 / 0 / 0.1).
  const years = [240_900, 481_800, 481_800, 481_800, 481_800, 481_800, 481_800].map((mwh) => ({
    facilityMwh: mwh,
    cleanMwh: [0.5 * mwh, 0.4 * mwh, 0, 0.1 * mwh],
  }));
  const figures = costFigures(cost, { firstYear: 2026, years: 7 }, vintageTable(vintages), energyFigures(years), LAYOUT, new Float64Array(7 * COST_FIGURE_COUNT));
  const rows = costRows(2026, 7, figures);

  it('books facility (1.1 bn), IT (2 bn) and network (0.3 bn) in the year the phase is energised, nothing later', () => {
    expect(vintages.map((v) => [v.criticalItMw, v.fleet.chips])).toEqual([[100, 100_000]]);
    expect(rows[0]).toMatchObject({ year: 2026, capexFacilityUsd: 1.1e9, capexItUsd: 2e9 });
    expect(rows[0]!.capexNetworkUsd).toBeCloseTo(0.3e9, 0);
    expect(rows[0]!.capexTotalUsd).toBeCloseTo(3.4e9, 0);
    for (const r of rows.slice(1)) expect(r.capexTotalUsd).toBe(0);
    expect(rows.map((r) => r.cumulativeCapexUsd)).toEqual(rows.map(() => rows[0]!.capexTotalUsd));
    expect(capexFullBuildoutUsd(cost, vintageTable(vintages))).toBeCloseTo(3.4e9, 0);
  });

  it('energy at 80 USD/MWh; the procurement premium negative (PPAs mostly cheaper than 80)', () => {
    expect(rows[0]!.opexEnergyUsd).toBe(240_900 * 80);
    expect(rows[1]!.opexEnergyUsd).toBe(38_544_000);
    // 481,800 x (0.5 x (50 - 80) + 0.4 x (60 - 80) + 0.1 x (100 - 80)) = 481,800 x -21
    expect(rows[1]!.opexProcurementPremiumUsd).toBeCloseTo(-10_117_800, 4);
  });

  it('O&M: 1% of 1.1 bn + 2% of 2.3 bn = 57 M USD while the chips live (2026-2030), then 11 M USD', () => {
    for (const r of rows.slice(0, 5)) expect(r.opexOmUsd).toBeCloseTo(57e6, 3);
    for (const r of rows.slice(5)) expect(r.opexOmUsd).toBeCloseTo(11e6, 3);
  });

  it('annualised: 1.1 bn x CRF(7%, 30) + 2.3 bn x CRF(7%, 5) + opex, whole years from the start year', () => {
    const facilityCharge = 1.1e9 * CRF30; // 88.645 M
    const itCharge = 2.3e9 * CRF5; // 560.949 M
    const expected = (y: number, it: boolean) =>
      facilityCharge + (it ? itCharge : 0) + years[y]!.facilityMwh * 80 - 21 * years[y]!.facilityMwh + (it ? 57e6 : 11e6);
    rows.forEach((r, y) => {
      expect(r.annualisedCostUsd / expected(y, y < 5)).toBeCloseTo(1, 6);
      expect(figures[y * COST_FIGURE_COUNT + COST_FIGURE.capitalChargeUsd]! / (facilityCharge + (y < 5 ? itCharge : 0))).toBeCloseTo(1, 6);
    });
    // 2027 by hand: 88.645 + 560.949 + 38.544 - 10.118 + 57 = 735.020 M USD
    expect(rows[1]!.annualisedCostUsd / 1e6).toBeCloseTo(735.02, 1);
  });

  it('a refresh adds IT capex (no facility) in its start year and takes over the charge from the retiring chips', () => {
    const chips = [oneChip(), oneChip({ name: 'next' })];
    const refreshed = makeInputs({
      horizon: { firstYear: 2026, lastYear: 2032 },
      chips,
      phases: [onePhase({ energisedOn: '2026-07-01', endOfLife: '2029-04-01', refreshTo: 'next' })],
    });
    const v = vintagesOf(refreshed);
    const f = costFigures(cost, { firstYear: 2026, years: 7 }, vintageTable(v), energyFigures(years), LAYOUT, new Float64Array(7 * COST_FIGURE_COUNT));
    const r = costRows(2026, 7, f);
    expect(r.map((x) => x.capexFacilityUsd)).toEqual([1.1e9, 0, 0, 0, 0, 0, 0]);
    // next: 100,000 chips x 30,000 USD = 3 bn IT, 0.45 bn network, in 2029.
    expect(r.map((x) => x.capexItUsd)).toEqual([2e9, 0, 0, 3e9, 0, 0, 0]);
    expect(r[3]!.capexNetworkUsd).toBeCloseTo(0.45e9, 0);
    expect(capexFullBuildoutUsd(cost, vintageTable(v))).toBeCloseTo(3.4e9, 0); // refreshes excluded
    // Vintage 1 in service 2026-2028 (retires in 2029), the refresh 2029-2033.
    const itCharge = (y: number) => f[y * COST_FIGURE_COUNT + COST_FIGURE.capitalChargeUsd]! - 1.1e9 * CRF30;
    expect(itCharge(2) / (2.3e9 * CRF5)).toBeCloseTo(1, 6);
    expect(itCharge(3) / (3.45e9 * CRF5)).toBeCloseTo(1, 6);
  });

  it('capex of a phase energised before the horizon is booked in the first horizon year; after it, not at all', () => {
    const two = makeInputs({
      horizon: { firstYear: 2026, lastYear: 2027 },
      phases: [
        onePhase({ name: 'early', energisedOn: '2024-03-01', poi: { kind: 'share', share: 0.5 } }),
        onePhase({ name: 'late', energisedOn: '2029-03-01', poi: { kind: 'share', share: 0.5 } }),
      ],
    });
    const v = vintagesOf(two);
    const f = costFigures(costInputs(2), { firstYear: 2026, years: 2 }, vintageTable(v), energyFigures(years.slice(0, 2)), LAYOUT, new Float64Array(2 * COST_FIGURE_COUNT));
    const r = costRows(2026, 2, f);
    expect(r[0]!.capexTotalUsd).toBeCloseTo(1.7e9, 0);
    expect(r[1]!.capexTotalUsd).toBe(0);
    // 'early' started in 2024: its chips are in service 2024-2028, so charged in both horizon years.
    expect(f[COST_FIGURE.capitalChargeUsd]! / (0.55e9 * CRF30 + 1.15e9 * CRF5)).toBeCloseTo(1, 6);
  });

  it('a chip without a cost is an internal fault naming it', () => {
    expect(() =>
      costFigures(costInputs(7, { chips: {} }), { firstYear: 2026, years: 7 }, vintageTable(vintages), energyFigures(years), LAYOUT, new Float64Array(70)),
    ).toThrow(/chip "chip"/);
  });
});

describe('cost is monotonic in quantities', () => {
  it('more chips in any vintage never lower any year\'s capex, cumulative capex, O&M or annualised cost (fast-check)', () => {
    fc.assert(
      fc.property(
        modelInputsArb(),
        fc.record({
          facility: fc.double({ min: 0, max: 2e7, noNaN: true }),
          landSoft: fc.double({ min: 0, max: 0.5, noNaN: true }),
          server: fc.double({ min: 0, max: 1e5, noNaN: true }),
          share: fc.double({ min: 0, max: 0.5, noNaN: true }),
          life: fc.double({ min: 1, max: 40, noNaN: true }),
          om: fc.double({ min: 0, max: 0.1, noNaN: true }),
          wacc: fc.double({ min: 0, max: 0.15, noNaN: true }),
          price: fc.double({ min: 0, max: 200, noNaN: true }),
          ppa: fc.double({ min: 0, max: 200, noNaN: true }),
        }),
        fc.nat(),
        fc.integer({ min: 1, max: 100_000 }),
        (inputs, c, pick, extraChips) => {
          const prepared = prepareRun(inputs);
          if (!prepared.ok) return;
          const vintages = prepared.run.vintages;
          const years = inputs.horizon.lastYear - inputs.horizon.firstYear + 1;
          const chipCost = { serverUsdPerChip: c.server, networkShare: c.share, storageShare: c.share / 2 };
          const cost = costInputs(years, {
            facilityUsdPerMwCriticalIt: c.facility,
            landSoftShare: c.landSoft,
            chips: Object.fromEntries(inputs.chips.map((chip) => [chip.name, chipCost])),
            electricityUsdPerMwh: Array.from({ length: years }, () => c.price),
            ppaUsdPerMwh: { solar: c.ppa, onshore_wind: c.ppa, offshore_wind: c.ppa, clean_firm: c.ppa },
            facilityLifeYears: c.life,
            facilityOmShare: c.om,
            itOmShare: c.om,
            wacc: c.wacc,
          });
          const energy = energyFigures(Array.from({ length: years }, (_, y) => ({ facilityMwh: 1e5 * (y + 1), cleanMwh: [1e4, 2e4, 0, 3e4] })));
          const calendar = { firstYear: inputs.horizon.firstYear, years };
          const base = costFigures(cost, calendar, vintageTable(vintages), energy, LAYOUT, new Float64Array(years * COST_FIGURE_COUNT));
          const i = pick % vintages.length;
          const more = vintages.map((v, j) => (j === i ? { ...v, fleet: { ...v.fleet, chips: v.fleet.chips + extraChips } } : v));
          const bigger = costFigures(cost, calendar, vintageTable(more), energy, LAYOUT, new Float64Array(years * COST_FIGURE_COUNT));
          const fields = [COST_FIGURE.capexTotalUsd, COST_FIGURE.cumulativeCapexUsd, COST_FIGURE.opexOmUsd, COST_FIGURE.capitalChargeUsd, COST_FIGURE.annualisedCostUsd];
          for (let y = 0; y < years; y++) {
            for (const k of fields) {
              const o = y * COST_FIGURE_COUNT + k;
              expect(bigger[o]!).toBeGreaterThanOrEqual(base[o]! - 1e-9 * Math.abs(base[o]!));
            }
          }
          expect(capexFullBuildoutUsd(cost, vintageTable(more))).toBeGreaterThanOrEqual(capexFullBuildoutUsd(cost, vintageTable(vintages)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
