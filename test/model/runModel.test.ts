import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnvelopeBasis, ModelInputs, PhaseSpec } from '../../src/model/inputs.js';
import { runModel } from '../../src/model/runModel.js';
import type { ModelResult } from '../../src/results/types.js';
import { baseCaseInputs, byYear, dayAfter2026, makeInputs, oneChip, runOk, summaryValue } from './fixtures.js';

/** Every number reachable from `value` (records, arrays, typed arrays). */
function numbersIn(value: unknown, path = 'result', out: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof value === 'number') out.push([path, value]);
  else if (value instanceof Float64Array) value.forEach((x, i) => out.push([`${path}[${i}]`, x]));
  else if (Array.isArray(value)) value.forEach((x, i) => numbersIn(x, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, x] of Object.entries(value)) numbersIn(x, `${path}.${k}`, out);
  return out;
}

describe('runModel on the shipped base case', () => {
  const result = runOk(baseCaseInputs());

  it('runs clean: no warnings, 10 years, 87,648 hours (2028 and 2032 are leap)', () => {
    const outcome = runModel(baseCaseInputs());
    expect(outcome.ok && outcome.warnings).toEqual([]);
    expect(result.annual.map((a) => a.hours)).toEqual([8760, 8760, 8784, 8760, 8760, 8760, 8784, 8760, 8760, 8760]);
    expect(result.hourly.itMw).toHaveLength(87_648);
    expect(result.hourly.facilityMw).toHaveLength(87_648);
  });

  it('never produces NaN or Infinity in any numeric field', () => {
    const bad = numbersIn(result).filter(([, x]) => !Number.isFinite(x));
    expect(bad).toEqual([]);
  });

  it('sizes the phases by hand', () => {
    // aux share of a 250 MW phase: 10 MW x 250 / 2,000 = 1.25 MW; P_IT = (250 x 0.95 - 1.25) / 1.25 = 189 MW
    // Trainium3 all-in 1,000 x 1.53 x 1.14 = 1,744.2 W; 189 MW / (144 x 1,744.2 W) = 752.49 -> 752 x 144 = 108,288
    const a = result.fleet.find((r) => r.phase === 'trn3-a' && r.vintage === 1)!;
    expect(a.criticalItMw).toBeCloseTo(189, 9);
    expect(a.chips).toBe(108_288);
    // 500 MW phase: (475 - 2.5) / 1.25 = 378 MW; Trainium4 2,616.3 W; 378 / 0.3767472 = 1,003.3 -> 144,432 chips
    const c = result.fleet.find((r) => r.phase === 'trn4-c')!;
    expect(c.criticalItMw).toBeCloseTo(378, 9);
    expect(c.chips).toBe(144_432);
    // refresh of trn3-a: same 189 MW, Trainium4: floor(189 / 0.3767472) = 501 UltraServers
    expect(result.fleet.find((r) => r.phase === 'trn3-a' && r.vintage === 2)!.chips).toBe(501 * 144);
  });

  it('headline at full build-out (2029-12-30T15:00Z) and first full year 2030, by hand', () => {
    expect(summaryValue(result, 'full_buildout_date')).toBe('2029-12-30');
    expect(summaryValue(result, 'first_full_year')).toBe(2030);
    expect(summaryValue(result, 'chips')).toBe(2 * 108_288 + 3 * 144_432);
    expect(summaryValue(result, 'critical_it_mw')).toBeCloseTo(2 * 189 + 3 * 378, 9);
    const deployed = (2 * 108_288 * 1744.2 + 3 * 144_432 * 2616.3) / 1e6; // 1,511.384 MW
    expect(summaryValue(result, 'deployed_it_mw')).toBeCloseTo(deployed, 9);
    // 2030: IT = 0.75 x deployed x 8,760 h; facility = IT x 1.14 + 10 MW x 8,760 h
    const itMwh = 0.75 * deployed * 8760;
    expect(summaryValue(result, 'it_energy_mwh')).toBeCloseTo(itMwh, 4);
    expect(summaryValue(result, 'facility_energy_mwh')).toBeCloseTo(itMwh * 1.14 + 10 * 8760, 4);
    expect(summaryValue(result, 'envelope_limit_mw')).toBeCloseTo(1900, 9);
    expect(summaryValue(result, 'peak_design_load_mw')).toBeCloseTo(1900, 6);
    expect(summaryValue(result, 'envelope_margin_mw')).toBe(0);
    expect(summaryValue(result, 'binding_constraint')).toBe('envelope');
    expect(result.envelope.peakAt).toBe('2029-12-30T15:00Z');
  });

  it('never has facility energy above the envelope limit running all year', () => {
    for (const y of result.annual) expect(y.facilityEnergyMwh).toBeLessThanOrEqual(2000 * y.hours);
  });
});

describe('runModel input checks', () => {
  it('reports an empty phase list', () => {
    const outcome = runModel(makeInputs({ phases: [] }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]).toMatchObject({ code: 'no_phases', phases: [] });
  });
});

// ---- properties -------------------------------------------------------------------------------

const HOUR_MS = 3_600_000;
const hourOf = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.UTC(2026, 0, 1)) / HOUR_MS;

interface PhaseDraw {
  mw: number;
  share: number;
  useShare: boolean;
  startDay: number;
  rampHours: number;
  lifeDays: number | null;
  refresh: boolean;
}

const phaseDraw = fc.record({
  mw: fc.double({ min: 1, max: 1500, noNaN: true }),
  share: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
  useShare: fc.boolean(),
  startDay: fc.integer({ min: -30, max: 650 }),
  rampHours: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 4383, noNaN: true }), fc.constant(4383)),
  lifeDays: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
  refresh: fc.boolean(),
});

function phasesFrom(draws: PhaseDraw[], forceShare = false): PhaseSpec[] {
  return draws.map((d, i) => ({
    name: `p${i}`,
    energisedOn: dayAfter2026(d.startDay),
    poi: forceShare || d.useShare ? { kind: 'share', share: d.share / draws.length } : { kind: 'mw', mw: d.mw },
    chip: 'chip',
    rampHours: d.rampHours,
    ...(d.lifeDays !== null ? { endOfLife: dayAfter2026(d.startDay + d.lifeDays) } : {}),
    ...(d.lifeDays !== null && d.refresh ? { refreshTo: 'next' } : {}),
  }));
}

const chips = (allInW: number, pack: number) => [
  oneChip({ allInPower: { method: 'explicit', allInW }, chipsPerUltraserver: pack }),
  oneChip({ name: 'next', allInPower: { method: 'explicit', allInW: allInW * 1.5 }, chipsPerUltraserver: pack }),
];

const facilityDraw = fc.record({
  headroomShare: fc.double({ min: 0, max: 0.1, noNaN: true }),
  auxiliaryLoadMw: fc.double({ min: 0, max: 30, noNaN: true }),
});
const chipDraw = fc.record({ allInW: fc.double({ min: 300, max: 3000, noNaN: true }), pack: fc.constantFrom(1, 16, 64, 144) });

function inputs(p: {
  basis: EnvelopeBasis;
  powerMw: number;
  designPue: number;
  facility: { headroomShare: number; auxiliaryLoadMw: number };
  chip: { allInW: number; pack: number };
  oversubscription: number;
  phases: PhaseSpec[];
}): ModelInputs {
  return makeInputs({
    envelope: { powerMw: p.powerMw, basis: p.basis, redundancyFactor: p.basis === 'installed_electrical' ? 2 : 1 },
    facility: { ...p.facility, designPue: p.designPue },
    chips: chips(p.chip.allInW, p.chip.pack),
    utilisation: { oversubscriptionRatio: p.oversubscription, powerRatio: byYear(2, 0.75) },
    phases: p.phases,
  });
}

const chipsByRow = (r: ModelResult) => r.fleet.map((f) => f.chips);

describe('properties', () => {
  it('a higher design PUE never gives more chips (envelope stated as poi or installed_electrical)', () => {
    // Under these bases L_env does not depend on PUE_design, so P_IT = (POI (1-h) - aux_k) / PUE_design only falls.
    // (Under critical_it the envelope itself grows with PUE_design; that basis is covered by its own test.)
    fc.assert(
      fc.property(
        fc.constantFrom<EnvelopeBasis>('poi', 'installed_electrical'),
        fc.double({ min: 50, max: 3000, noNaN: true }),
        fc.double({ min: 1.0, max: 2.0, noNaN: true }),
        fc.double({ min: 0, max: 0.8, noNaN: true }),
        facilityDraw,
        chipDraw,
        fc.double({ min: 1, max: 1.3, noNaN: true }),
        fc.array(phaseDraw, { minLength: 1, maxLength: 3 }),
        (basis, powerMw, pue, extra, facility, chip, oversubscription, draws) => {
          const phases = phasesFrom(draws);
          const low = runModel(inputs({ basis, powerMw, designPue: pue, facility, chip, oversubscription, phases }));
          const high = runModel(inputs({ basis, powerMw, designPue: pue + extra, facility, chip, oversubscription, phases }));
          expect(high.ok).toBe(low.ok); // neither the sign of P_IT nor the design load depends on PUE_design
          if (!low.ok || !high.ok) return;
          chipsByRow(high.result).forEach((n, i) => expect(n).toBeLessThanOrEqual(chipsByRow(low.result)[i]!));
        },
      ),
    );
  });

  it('a larger envelope never gives fewer chips (share-based phases, any basis)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<EnvelopeBasis>('poi', 'critical_it', 'installed_electrical'),
        fc.double({ min: 10, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 1.0, max: 1.6, noNaN: true }),
        facilityDraw,
        chipDraw,
        fc.array(phaseDraw, { minLength: 1, maxLength: 3 }),
        (basis, powerMw, extra, designPue, facility, chip, draws) => {
          const phases = phasesFrom(draws, true);
          const small = runModel(inputs({ basis, powerMw, designPue, facility, chip, oversubscription: 1, phases }));
          const large = runModel(inputs({ basis, powerMw: powerMw + extra, designPue, facility, chip, oversubscription: 1, phases }));
          if (!small.ok) return; // a phase too small for any critical IT at the smaller envelope
          expect(large.ok).toBe(true);
          if (!large.ok) return;
          chipsByRow(large.result).forEach((n, i) => expect(n).toBeGreaterThanOrEqual(chipsByRow(small.result)[i]!));
        },
      ),
    );
  });

  it('in a valid result the energised design load never exceeds the limit; an invalid one really does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 100, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.array(phaseDraw, { minLength: 1, maxLength: 4 }),
        (powerMw, headroomShare, draws) => {
          const model = inputs({
            basis: 'poi',
            powerMw,
            designPue: 1.25,
            facility: { headroomShare, auxiliaryLoadMw: 0 },
            chip: { allInW: 1000, pack: 1 },
            oversubscription: 1,
            phases: phasesFrom(draws),
          });
          const outcome = runModel(model);
          const limit = powerMw * (1 - headroomShare);
          // Independent check: design load of a phase = POI x (1 - h); fraction at the hour midpoint.
          const spans = model.phases.flatMap((p) => {
            const poi = p.poi.kind === 'mw' ? p.poi.mw : p.poi.share * powerMw;
            const start = hourOf(p.energisedOn);
            const end = p.endOfLife ? hourOf(p.endOfLife) : Infinity;
            const first = { load: poi * (1 - headroomShare), start, end, ramp: p.rampHours };
            return p.refreshTo && p.endOfLife ? [first, { ...first, start: end, end: Infinity }] : [first];
          });
          let peak = 0;
          for (let t = 0; t < 17_520; t++) {
            let d = 0;
            for (const s of spans) {
              if (t < s.start || t >= s.end) continue;
              d += s.load * (s.ramp > 0 ? Math.min(1, Math.max(0, (t + 0.5 - s.start) / s.ramp)) : 1);
            }
            peak = Math.max(peak, d);
          }
          if (outcome.ok) {
            expect(peak).toBeLessThanOrEqual(limit + 1e-6 + 1e-7);
            expect(outcome.result.envelope.peakDesignLoadMw).toBeLessThanOrEqual(limit + 1e-6);
            expect(outcome.result.envelope.marginMw).toBeGreaterThanOrEqual(0);
          } else {
            expect(outcome.issues.map((i) => i.code)).toEqual(['envelope_exceeded']);
            expect(peak).toBeGreaterThan(limit + 1e-6 - 1e-7);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
