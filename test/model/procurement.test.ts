import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TECHNOLOGIES, type Technology } from '../../src/model/inputs.js';
import { cleanEnergyTargetMwh, nameplateMw, newCleanEnergyMwh, procurementRows } from '../../src/model/procurement.js';
import { byYear, makeInputs, runOk } from './fixtures.js';

const MIX: Record<Technology, number> = { solar: 0.5, onshore_wind: 0.4, offshore_wind: 0, clean_firm: 0.1 };
const CF: Record<Technology, number> = { solar: 0.233, onshore_wind: 0.335, offshore_wind: 0.4, clean_firm: 0.9 };

/** sum_i MW_i x CF_i x H */
function deliveredByNameplate(rows: ReturnType<typeof procurementRows>, hours: number): number {
  return rows.reduce((acc, r) => acc + r.nameplateMw * r.capacityFactor * hours, 0);
}

describe('annual procurement', () => {
  it('hand check: 1,000,000 MWh at 100% matching, delivery point', () => {
    const target = cleanEnergyTargetMwh(1, 1_000_000, 'delivery_point', 0.05);
    expect(target).toBe(1_000_000);
    const rows = procurementRows(2030, 8760, newCleanEnergyMwh(target, 0), MIX, CF);
    expect(rows.map((r) => r.technology)).toEqual([...TECHNOLOGIES]);
    // solar 500,000 MWh / (0.233 x 8,760 h) = 244.968 MW; onshore 400,000 / (0.335 x 8,760) = 136.305 MW;
    // offshore 0; clean firm 100,000 / (0.9 x 8,760) = 12.684 MW
    expect(rows[0]!.nameplateMw).toBeCloseTo(500_000 / (0.233 * 8760), 9);
    expect(rows[0]!.nameplateMw).toBeCloseTo(244.968, 3);
    expect(rows[1]!.nameplateMw).toBeCloseTo(136.305, 3);
    expect(rows[2]!.nameplateMw).toBe(0);
    expect(rows[3]!.nameplateMw).toBeCloseTo(12.684, 3);
    expect(deliveredByNameplate(rows, 8760)).toBeCloseTo(1_000_000, 6);
  });

  it('grosses up for T&D losses only under gross_up_td_losses: 1,000,000 x 0.9 / 0.95 = 947,368.42 MWh', () => {
    expect(cleanEnergyTargetMwh(0.9, 1_000_000, 'gross_up_td_losses', 0.05)).toBeCloseTo(947_368.421, 3);
    expect(cleanEnergyTargetMwh(0.9, 1_000_000, 'delivery_point', 0.05)).toBeCloseTo(900_000, 6);
  });

  it('subtracts contracted clean energy and never goes negative', () => {
    expect(newCleanEnergyMwh(1_000_000, 300_000)).toBe(700_000);
    expect(newCleanEnergyMwh(1_000_000, 1_500_000)).toBe(0);
    expect(procurementRows(2030, 8760, 0, MIX, CF).every((r) => r.nameplateMw === 0)).toBe(true);
    expect(nameplateMw(0, 0, 8760)).toBe(0);
  });

  it('identity holds for any mix, capacity factors, energy and year length: sum MW_i x CF_i x H = E_new', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.tuple(share, share, share, share).filter(([a, b, c, d]) => a + b + c + d > 0.01),
        fc.tuple(...TECHNOLOGIES.map(() => fc.double({ min: 0.01, max: 1, noNaN: true }))),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom(8760, 8784),
        ([a, b, c, d], cfs, energy, hours) => {
          const total = a + b + c + d;
          const mix = { solar: a / total, onshore_wind: b / total, offshore_wind: c / total, clean_firm: d / total };
          const cf = Object.fromEntries(TECHNOLOGIES.map((t, i) => [t, cfs[i]!])) as Record<Technology, number>;
          const rows = procurementRows(2030, hours, energy, mix, cf);
          expect(Math.abs(deliveredByNameplate(rows, hours) - energy)).toBeLessThanOrEqual(1e-9 * Math.max(1, energy));
        },
      ),
    );
  });

  it('through runModel: procures the facility energy less contracts, per year, and the identity holds in the result', () => {
    // fixture facility energy: 55 MW x 8,760 h = 481,800 MWh; 2027 has 100,000 MWh contracted
    const result = runOk(makeInputs({ procurement: { contractedCleanMwh: [0, 100_000], matchingTargetShare: byYear(2, 1) } }));
    expect(result.annual[0]!.newCleanEnergyMwh).toBeCloseTo(481_800, 6);
    expect(result.annual[1]!.newCleanEnergyMwh).toBeCloseTo(381_800, 6);
    for (const year of result.annual) {
      const rows = result.procurement.filter((r) => r.year === year.year);
      expect(rows).toHaveLength(4);
      expect(deliveredByNameplate(rows, year.hours)).toBeCloseTo(year.newCleanEnergyMwh, 6);
    }
  });
});
