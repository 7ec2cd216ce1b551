import { describe, expect, it } from 'vitest';
import { bindingConstraint, envelopeMarginMw, packagingMarginMw } from '../../src/model/envelopeCheck.js';
import { runModel } from '../../src/model/runModel.js';
import type { Vintage } from '../../src/model/vintages.js';
import { makeInputs, oneChip, onePhase, runOk } from './fixtures.js';

const BIG = { envelope: { powerMw: 2000 } } as const;

describe('envelope invariant', () => {
  it('names the phases energised at the first violating hour, with the hour, load and limit', () => {
    // limit 2,000 MW (no headroom). a (1,200 MW) from 1 Jan; b (1,200 MW) from 1 Jul 2026; c only in 2027 after a retires.
    const outcome = runModel(
      makeInputs({
        ...BIG,
        phases: [
          onePhase({ name: 'a', poi: { kind: 'mw', mw: 1200 }, endOfLife: '2027-01-01' }),
          onePhase({ name: 'b', poi: { kind: 'mw', mw: 1200 }, energisedOn: '2026-07-01' }),
          onePhase({ name: 'c', poi: { kind: 'mw', mw: 100 }, energisedOn: '2027-02-01' }),
        ],
      }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const issue = outcome.issues[0]!;
    expect(issue).toMatchObject({ severity: 'error', code: 'envelope_exceeded', phases: ['a', 'b'] });
    expect(issue.message).toContain('2026-07-01T00:00Z');
    expect(issue.message).toContain('2,400 MW'); // 1,200 + 1,200 design load
    expect(issue.message).toContain('2,000 MW'); // the limit
    expect(issue.message).toContain('4,416 hours'); // all of Jul-Dec 2026
    expect(issue.message).toMatch(/Reduce a phase's poi, or move its energised_on/);
  });

  it('finds the first violating hour inside a ramp', () => {
    // a 1,500 MW full; b 1,000 MW ramping over 730.5 h from 1 Jul: D = 1,500 + 1,000 r > 2,000 once r > 0.5,
    // first at hour 365 of the ramp: (365 + 0.5) / 730.5 = 0.50034 -> 1 Jul + 15 d 5 h = 2026-07-16T05:00Z
    const outcome = runModel(
      makeInputs({
        ...BIG,
        phases: [
          onePhase({ name: 'a', poi: { kind: 'mw', mw: 1500 } }),
          onePhase({ name: 'b', poi: { kind: 'mw', mw: 1000 }, energisedOn: '2026-07-01', rampHours: 730.5 }),
        ],
      }),
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]!.message).toContain('at 2026-07-16T05:00Z');
  });

  it('lets a phase follow another that retires the same instant', () => {
    const result = runOk(
      makeInputs({
        ...BIG,
        phases: [
          onePhase({ name: 'a', poi: { kind: 'mw', mw: 1200 }, endOfLife: '2026-07-01' }),
          onePhase({ name: 'b', poi: { kind: 'mw', mw: 1200 }, energisedOn: '2026-07-01' }),
        ],
      }),
    );
    expect(result.envelope.peakDesignLoadMw).toBeCloseTo(1200, 9);
    expect(result.envelope.marginMw).toBeCloseTo(800, 9);
    expect(result.envelope.peakAt).toBe('2026-01-01T00:00Z');
  });
});

describe('envelope record', () => {
  const trn3 = oneChip({ name: 'chip', allInPower: { method: 'factors', serverFactor: 1.53, itFactor: 1.14 }, tdpW: 1000, chipsPerServer: 4, chipsPerUltraserver: 144 });

  it('packaging margin: 100 MW of IT holds floor(100 / 0.2511648) = 398 UltraServers, leaving 100 - 99.9636 = 0.0364 MW', () => {
    const result = runOk(makeInputs({ chips: [trn3] }));
    // 398 x 144 x 1,744.2 W = 99.96359 MW deployed
    expect(result.fleet[0]!.chips).toBe(398 * 144);
    expect(result.envelope.packagingMarginMw).toBeCloseTo(100 - (398 * 144 * 1744.2) / 1e6, 9);
    expect(result.envelope.marginMw).toBe(0);
    expect(result.envelope.binding).toBe('envelope');
  });

  it("binds on 'phases' when the plan leaves room for another UltraServer", () => {
    // share 0.9: margin = 12.5 MW of design load = 10 MW of IT, far above one 0.25 MW UltraServer
    const result = runOk(makeInputs({ chips: [trn3], phases: [onePhase({ poi: { kind: 'share', share: 0.9 } })] }));
    expect(result.envelope.marginMw).toBeCloseTo(12.5, 9);
    expect(result.envelope.binding).toBe('phases');
  });

  it('binding rule: leftover + margin / PUE_design >= one unit of IT anywhere -> phases, else envelope', () => {
    // unit = 144 x 1,744.2 W / 1 = 0.2511648 MW; leftover 0.2 MW
    const v = { criticalItMw: 10.2, chip: { chipsPerUltraserver: 144 }, fleet: { allInW: 1744.2, deployedItMw: 10 } } as unknown as Vintage;
    expect(bindingConstraint([v], 0, 1.25, 1)).toBe('envelope');
    // margin 0.05 MW / 1.25 = 0.04 MW of IT: 0.24 < 0.2511648
    expect(bindingConstraint([v], 0.05, 1.25, 1)).toBe('envelope');
    // margin 0.07 MW / 1.25 = 0.056: 0.256 >= 0.2511648
    expect(bindingConstraint([v], 0.07, 1.25, 1)).toBe('phases');
    expect(bindingConstraint([], 0, 1.25, 1)).toBe('phases');
    expect(packagingMarginMw([v, v], 1)).toBeCloseTo(0.4, 12);
  });

  it('reports floating-point noise inside the tolerance as a 0 margin', () => {
    expect(envelopeMarginMw(1900, 1900 + 1e-12)).toBe(0);
    expect(envelopeMarginMw(1900, 1899)).toBe(1);
  });
});
