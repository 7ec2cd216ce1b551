import { describe, expect, it } from 'vitest';
import {
  auxiliaryShareMw,
  criticalItMw,
  designLoadMw,
  envelopeLimitMw,
  phasePoiMw,
  poiEquivalentMw,
} from '../../src/model/envelope.js';
import { runModel } from '../../src/model/runModel.js';
import { makeInputs, onePhase, runOk } from './fixtures.js';

describe('envelope limit by basis', () => {
  it('poi: 2 GW with 5% headroom is a 1,900 MW design-load limit', () => {
    expect(envelopeLimitMw(2000, 'poi', 0.05, 1.25, 10, 1)).toBeCloseTo(1900, 9);
  });

  it('critical_it: 1,000 MW of IT x design PUE 1.25 + 10 MW aux = 1,260 MW', () => {
    expect(envelopeLimitMw(1000, 'critical_it', 0.05, 1.25, 10, 1)).toBeCloseTo(1260, 9);
    // POI equivalent: 1,260 / (1 - 0.05) = 1,326.3158 MW
    expect(poiEquivalentMw(1260, 0.05)).toBeCloseTo(1326.315789, 5);
  });

  it('installed_electrical: 4,000 MW installed at 2N = 2,000 MW, x (1 - 0.05) = 1,900 MW', () => {
    expect(envelopeLimitMw(4000, 'installed_electrical', 0.05, 1.25, 10, 2)).toBeCloseTo(1900, 9);
  });
});

describe('phase critical IT', () => {
  it('hand check: 2 GW POI, h 5%, aux 0, PUE 1.25 -> (2,000 x 0.95 - 0) / 1.25 = 1,520 MW', () => {
    expect(criticalItMw(2000, 0.05, 0, 1.25)).toBeCloseTo(1520, 9);
    // and its design load is back to POI x (1 - h) = 1,900 MW
    expect(designLoadMw(1520, 1.25, 0)).toBeCloseTo(1900, 9);
  });

  it('shares aux pro rata to POI, so the parts add back to the whole: 250 and 750 MW of 1,000 take 2.5 and 7.5 of 10 MW', () => {
    expect(auxiliaryShareMw(10, 250, 1000)).toBeCloseTo(2.5, 12);
    expect(auxiliaryShareMw(10, 750, 1000)).toBeCloseTo(7.5, 12);
    expect(auxiliaryShareMw(10, 0, 0)).toBe(0);
  });

  it('takes a phase POI as MW or as a share of the POI equivalent', () => {
    expect(phasePoiMw({ kind: 'mw', mw: 250 }, 2000)).toBe(250);
    expect(phasePoiMw({ kind: 'share', share: 0.25 }, 2000)).toBe(500);
  });

  it('critical_it basis through runModel: a share-1 phase gets back exactly the stated 1,000 MW of IT', () => {
    // L_env = 1,000 x 1.25 + 10 = 1,260; E_poi = 1,260 / 0.95; POI = E_poi;
    // P_IT = (E_poi x 0.95 - 10) / 1.25 = (1,260 - 10) / 1.25 = 1,000 MW
    const result = runOk(
      makeInputs({
        envelope: { powerMw: 1000, basis: 'critical_it' },
        facility: { headroomShare: 0.05, designPue: 1.25, auxiliaryLoadMw: 10 },
      }),
    );
    expect(result.fleet[0]!.criticalItMw).toBeCloseTo(1000, 9);
    expect(result.fleet[0]!.poiMw).toBeCloseTo(1260 / 0.95, 9);
    expect(result.envelope.limitMw).toBeCloseTo(1260, 9);
    expect(result.envelope.marginMw).toBe(0);
  });

  it('installed_electrical basis through runModel: 250 MW at 2N, no headroom -> limit 125 MW, 100 MW of IT', () => {
    const result = runOk(makeInputs({ envelope: { powerMw: 250, basis: 'installed_electrical', redundancyFactor: 2 } }));
    expect(result.envelope.limitMw).toBeCloseTo(125, 9);
    expect(result.fleet[0]!.criticalItMw).toBeCloseTo(100, 9);
  });

  it('reports a phase with no critical IT left as an error naming it, with what to change', () => {
    // The only phase carries all 12 MW of aux: (10 MW x (1 - 0.05) - 12 MW) / 1.25 = -2 MW
    const outcome = runModel(
      makeInputs({
        envelope: { powerMw: 2000, basis: 'poi' },
        facility: { headroomShare: 0.05, auxiliaryLoadMw: 12 },
        phases: [onePhase({ name: 'tiny', poi: { kind: 'mw', mw: 10 } })],
      }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toHaveLength(1);
    const issue = outcome.issues[0]!;
    expect(issue).toMatchObject({ severity: 'error', code: 'critical_it_not_positive', phases: ['tiny'] });
    expect(issue.message).toContain('-2 MW of critical IT');
    expect(issue.message).toMatch(/Increase the phase's poi/);
  });
});
