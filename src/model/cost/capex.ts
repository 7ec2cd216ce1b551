/**
 * Capital expenditure of one asset, USD of the cost currency year (docs/model.md, "Cost", C1-C2).
 * A facility is built once per phase; IT (accelerators, servers, network, storage) once per vintage.
 */
import type { ChipCost, CostInputs } from './types.js';

/**
 * C1. Facility capex of one phase, USD: critical IT x construction per MW x (1 + land and soft share).
 * Construction is quoted per MW of critical IT, excluding IT, land and soft costs (Cushman & Wakefield),
 * so land and soft costs are added on top as a share.
 */
export function facilityCapexUsd(criticalItMw: number, usdPerMwCriticalIt: number, landSoftShare: number): number {
  return criticalItMw * usdPerMwCriticalIt * (1 + landSoftShare);
}

/** C2a. IT capex of one vintage, USD: chips x (accelerator + its share of the server) per chip. */
export function itCapexUsd(chips: number, serverUsdPerChip: number): number {
  return chips * serverUsdPerChip;
}

/** C2b. Network and storage capex of one vintage, USD: chips x server USD per chip x (network share + storage share). */
export function networkCapexUsd(chips: number, serverUsdPerChip: number, networkShare: number, storageShare: number): number {
  return chips * serverUsdPerChip * (networkShare + storageShare);
}

/** The cost of a chip by catalogue name; an internal fault when missing (the loader requires one per chip used). */
export function chipCostOf(cost: Pick<CostInputs, 'chips'>, chipName: string): ChipCost {
  const chip = cost.chips[chipName];
  if (chip === undefined) throw new Error(`cost: no server_usd_per_chip for chip "${chipName}" (the loader must require one for every chip a phase uses)`);
  return chip;
}
