/**
 * How many accelerators fit a phase's critical IT, rounded down to whole
 * packaging units (UltraServers). Powers: W per chip, MW per fleet.
 */
import { peakPflops } from './compute.js';
import type { ChipSpec } from './inputs.js';
import type { FleetRow } from '../results/types.js';

/**
 * All-in IT power per chip at maximum, W (chip + its share of host, network, storage):
 *   explicit: allInW
 *   factors:  TDP x serverFactor x itFactor
 *   parts:    (TDP + hostWPerServer / chipsPerServer) x (1 + networkStorageShare)
 */
export function allInWPerChip(chip: ChipSpec): number {
  const m = chip.allInPower;
  let watts: number;
  switch (m.method) {
    case 'explicit':
      watts = m.allInW;
      break;
    case 'factors':
      watts = chip.tdpW * m.serverFactor * m.itFactor;
      break;
    case 'parts':
      watts = (chip.tdpW + m.hostWPerServer / chip.chipsPerServer) * (1 + m.networkStorageShare);
      break;
  }
  if (!(watts > 0) || !Number.isFinite(watts)) throw new Error(`chip ${chip.name}: all-in power ${watts} W, expected > 0`);
  return watts;
}

/**
 * Packaging units that fit: floor(x + 1e-9 x max(1, x)), x = o x P_IT x 1e6 / (p_max x pack).
 * Why the epsilon: when P_IT is an exact multiple of one unit's power, x can
 * come out a few ulps below the whole number (4.999999999999999 for 5) and a
 * bare floor would drop a whole UltraServer. A few ulps is ~1e-15 relative;
 * 1e-9 relative (2 W on 2 GW) covers that with room to spare and is far too
 * small to admit a unit that a real shortfall of power forbids.
 */
export function packagingUnitsThatFit(criticalItMw: number, allInW: number, chipsPerUnit: number, oversubscription: number): number {
  if (!(chipsPerUnit >= 1) || !(oversubscription > 0)) {
    throw new Error(`packaging ${chipsPerUnit} chips, oversubscription ${oversubscription}: expected >= 1 and > 0`);
  }
  if (!(criticalItMw > 0)) return 0;
  const units = (oversubscription * criticalItMw * 1e6) / (allInW * chipsPerUnit);
  return Math.floor(units + 1e-9 * Math.max(1, units));
}

/** Chips that fit, N = pack x floor(o x P_IT x 1e6 / (p_max x pack)). */
export function chipsThatFit(criticalItMw: number, allInW: number, chipsPerUnit: number, oversubscription: number): number {
  return chipsPerUnit * packagingUnitsThatFit(criticalItMw, allInW, chipsPerUnit, oversubscription);
}

/** Servers holding N chips (whole servers; exact when the packaging unit is a whole number of servers). */
export function serversFor(chips: number, chipsPerServer: number): number {
  return Math.ceil(chips / chipsPerServer - 1e-9);
}

/** UltraServers holding N chips (N is a whole number of them). */
export function ultraserversFor(chips: number, chipsPerUltraserver: number): number {
  return Math.round(chips / chipsPerUltraserver);
}

/** Deployed IT power, MW: N x p_max / 1e6 (the most the fleet could draw; above critical IT when oversubscribed). */
export function deployedItMw(chips: number, allInW: number): number {
  return (chips * allInW) / 1e6;
}

/** Critical IT one packaging unit needs, MW: pack x p_max / o / 1e6. */
export function packagingUnitItMw(chipsPerUnit: number, allInW: number, oversubscription: number): number {
  return (chipsPerUnit * allInW) / oversubscription / 1e6;
}

/** Critical IT left unused by rounding down to whole units, MW: P_IT - deployed IT / o. */
export function packagingLeftoverMw(criticalIt: number, deployedIt: number, oversubscription: number): number {
  return Math.max(0, criticalIt - deployedIt / oversubscription);
}

/** One vintage's fleet: the fleet.csv quantities, plus the all-in W per chip they were sized with. */
export type FleetSize = Pick<FleetRow, 'chips' | 'servers' | 'ultraservers' | 'deployedItMw' | 'peakBf16Pflops' | 'peakFp8Pflops'> & {
  allInW: number;
};

/** A fleet of zeros, for sizeFleet to fill. */
export function emptyFleet(): FleetSize {
  return { allInW: 0, chips: 0, servers: 0, ultraservers: 0, deployedItMw: 0, peakBf16Pflops: 0, peakFp8Pflops: 0 };
}

/** Size one fleet of `chip` against `criticalItMw`, into `into` when given (the Monte Carlo reuses one object). */
export function sizeFleet(chip: ChipSpec, criticalIt: number, oversubscription: number, into?: FleetSize): FleetSize {
  const allInW = allInWPerChip(chip);
  const chips = chipsThatFit(criticalIt, allInW, chip.chipsPerUltraserver, oversubscription);
  const fleet = into ?? emptyFleet();
  fleet.allInW = allInW;
  fleet.chips = chips;
  fleet.servers = serversFor(chips, chip.chipsPerServer);
  fleet.ultraservers = ultraserversFor(chips, chip.chipsPerUltraserver);
  fleet.deployedItMw = deployedItMw(chips, allInW);
  fleet.peakBf16Pflops = peakPflops(chips, chip.peakBf16Tflops);
  fleet.peakFp8Pflops = peakPflops(chips, chip.peakFp8Tflops);
  return fleet;
}
