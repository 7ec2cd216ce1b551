/**
 * Annual (volumetric) clean-energy procurement: certificates matched over a
 * calendar year. Not 24/7 hourly matching, which needs more capacity and storage.
 */
import { TECHNOLOGIES, type LossConvention, type Technology } from './inputs.js';
import type { ProcurementRow } from '../results/types.js';

/**
 * Clean energy target, MWh: T = x x F (delivery_point), or x x F / (1 - loss)
 * (gross_up_td_losses: generation needed at the plant for x x F to arrive).
 */
export function cleanEnergyTargetMwh(matchingShare: number, facilityEnergyMwh: number, convention: LossConvention, tdLossShare: number): number {
  const delivered = matchingShare * facilityEnergyMwh;
  if (convention === 'delivery_point') return delivered;
  if (!(tdLossShare < 1)) throw new Error(`T&D loss share ${tdLossShare}: expected < 1`);
  return delivered / (1 - tdLossShare);
}

/** New clean energy to procure, MWh: max(0, T - contracted). */
export function newCleanEnergyMwh(targetMwh: number, contractedMwh: number): number {
  return Math.max(0, targetMwh - contractedMwh);
}

/** Energy of one technology, MWh: E_i = s_i x E_new. */
export function technologyEnergyMwh(energyShare: number, newCleanMwh: number): number {
  return energyShare * newCleanMwh;
}

/** Nameplate of one technology, MW: s x E_new / (CF x H). 0 when its energy is 0. */
export function nameplateMw(energyMwh: number, capacityFactor: number, hours: number): number {
  if (energyMwh === 0) return 0;
  if (!(capacityFactor > 0) || !(hours > 0)) throw new Error(`capacity factor ${capacityFactor} over ${hours} h: expected > 0 for ${energyMwh} MWh`);
  return energyMwh / (capacityFactor * hours);
}

/** One row per technology, in TECHNOLOGIES order; sum of MW x CF x H equals E_new when the shares sum to 1. */
export function procurementRows(
  year: number,
  hours: number,
  newCleanMwh: number,
  mix: Readonly<Record<Technology, number>>,
  capacityFactor: Readonly<Record<Technology, number>>,
): ProcurementRow[] {
  return TECHNOLOGIES.map((technology) => {
    const energyMwh = technologyEnergyMwh(mix[technology], newCleanMwh);
    return {
      year,
      technology,
      energyShare: mix[technology],
      capacityFactor: capacityFactor[technology],
      energyMwh,
      nameplateMw: nameplateMw(energyMwh, capacityFactor[technology], hours),
    };
  });
}
