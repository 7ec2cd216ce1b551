/**
 * From the stated envelope to each phase's critical IT (method: size with
 * design quantities). Every function is pure; powers in MW, shares in 0..1.
 */
import type { EnvelopeBasis, PhasePoi } from './inputs.js';

/**
 * The envelope as a facility design-load limit L_env, MW: the most design
 * facility load (critical IT x design PUE + auxiliary) that may be energised at once.
 *   poi:                  L_env = E x (1 - h)
 *   critical_it:          L_env = E x PUE_design + aux        (E is critical IT)
 *   installed_electrical: L_env = E / redundancy x (1 - h)
 */
export function envelopeLimitMw(
  envelopeMw: number,
  basis: EnvelopeBasis,
  headroomShare: number,
  designPue: number,
  auxiliaryLoadMw: number,
  redundancyFactor: number,
): number {
  switch (basis) {
    case 'poi':
      return envelopeMw * (1 - headroomShare);
    case 'critical_it':
      return envelopeMw * designPue + auxiliaryLoadMw;
    case 'installed_electrical':
      if (!(redundancyFactor > 0)) throw new Error(`redundancy factor ${redundancyFactor}: expected > 0`);
      return (envelopeMw / redundancyFactor) * (1 - headroomShare);
  }
}

/** POI equivalent of the limit, MW: E_poi = L_env / (1 - h). */
export function poiEquivalentMw(limitMw: number, headroomShare: number): number {
  if (!(headroomShare < 1)) throw new Error(`headroom share ${headroomShare}: expected < 1`);
  return limitMw / (1 - headroomShare);
}

/** A phase's POI, MW: its own `mw`, or `share x E_poi`. */
export function phasePoiMw(poi: PhasePoi, poiEquivalent: number): number {
  return poi.kind === 'mw' ? poi.mw : poi.share * poiEquivalent;
}

/** Site auxiliary load carried by one phase, MW: aux x POI_k / sum POI (pro rata, never double counted). */
export function auxiliaryShareMw(auxiliaryLoadMw: number, phasePoi: number, totalPoiMw: number): number {
  return totalPoiMw > 0 ? (auxiliaryLoadMw * phasePoi) / totalPoiMw : 0;
}

/** Critical IT of a phase, MW: P_IT = (POI x (1 - h) - aux_k) / PUE_design. May be <= 0 (an input error the caller reports). */
export function criticalItMw(phasePoi: number, headroomShare: number, auxMw: number, designPue: number): number {
  if (!(designPue > 0)) throw new Error(`design PUE ${designPue}: expected > 0`);
  return (phasePoi * (1 - headroomShare) - auxMw) / designPue;
}

/** Design facility load of a fully energised phase, MW: P_IT x PUE_design + aux_k (= POI x (1 - h)). */
export function designLoadMw(criticalIt: number, designPue: number, auxMw: number): number {
  return criticalIt * designPue + auxMw;
}
