/**
 * Typed records the model returns and the writers turn into files.
 * Field names carry units; writers map them to snake_case CSV columns.
 */
import type { Technology } from '../model/inputs.js';
import type { CostRow, TrancheRow } from './cost.js';

export type { CostRow, TrancheRow } from './cost.js';

/** One row per phase and vintage (a refresh starts vintage 2). */
export interface FleetRow {
  phase: string;
  vintage: number;
  chip: string;
  /** Start of this vintage, YYYY-MM-DD. */
  energisedOn: string;
  /** Retirement date, YYYY-MM-DD, or '' when it runs past the horizon. */
  retiredOn: string;
  poiMw: number;
  criticalItMw: number;
  allInWPerChip: number;
  chips: number;
  servers: number;
  ultraservers: number;
  /** chips x all-in W: the maximum IT power the fleet could draw (can exceed critical IT when oversubscribed). */
  deployedItMw: number;
  peakBf16Pflops: number;
  peakFp8Pflops: number;
}

/** One row per calendar year of the horizon. */
export interface AnnualRow {
  year: number;
  hours: number;
  /** Energised chips at the end of the year (ramps counted pro rata, rounded to whole chips). */
  chipsEnd: number;
  criticalItMwEnd: number;
  peakFp8PflopsEnd: number;
  itEnergyMwh: number;
  facilityEnergyMwh: number;
  /** facility / IT energy; 0 when there is no IT energy that year. */
  effectivePue: number;
  averageFacilityMw: number;
  peakFacilityMw: number;
  /** matching target x facility energy (x loss gross-up). */
  cleanEnergyTargetMwh: number;
  contractedCleanMwh: number;
  /** Clean energy still to procure: max(0, target - contracted). */
  newCleanEnergyMwh: number;
  emissionsLocationTco2e: number;
  emissionsMarketTco2e: number;
  waterM3: number;
  homesEquivalent: number;
  /** peak FLOP/s at the MFU precision x MFU x energised seconds, in EFLOP (1e18 FLOP). */
  deliveredComputeEflop: number;
}

/** One row per year and technology. */
export interface ProcurementRow {
  year: number;
  technology: Technology;
  energyShare: number;
  capacityFactor: number;
  energyMwh: number;
  nameplateMw: number;
}

export type BindingConstraint = 'envelope' | 'phases';

/** The envelope invariant, evaluated hour by hour. */
export interface EnvelopeCheck {
  /** envelope as facility design load: the limit every hour must respect. */
  limitMw: number;
  /** Highest energised design facility load over the horizon. */
  peakDesignLoadMw: number;
  /** First hour (UTC, ISO 8601) at which that peak occurs. */
  peakAt: string;
  /** limit - peak; never negative in a valid run. */
  marginMw: number;
  /** Critical IT left unused by rounding fleets down to whole packaging units, at full build-out. */
  packagingMarginMw: number;
  /** `envelope` when no further packaging unit fits under the limit; `phases` when the phase plan leaves room. */
  binding: BindingConstraint;
}

/** Hourly series for the whole horizon; index 0 = horizon start, 00:00 UTC, hour-beginning. */
export interface HourlySeries {
  startIso: string;
  itMw: Float64Array;
  facilityMw: Float64Array;
}

export interface SummaryRow {
  metric: string;
  value: number | string;
  unit: string;
}

export interface ModelResult {
  fleet: FleetRow[];
  annual: AnnualRow[];
  procurement: ProcurementRow[];
  envelope: EnvelopeCheck;
  /** Capex, opex and annualised cost per calendar year (cost.csv). */
  cost: CostRow[];
  /** The investment tranches against the build, in payment order (tranches.csv). */
  tranches: TrancheRow[];
  /** Headline figures at full build-out (summary.csv). */
  summary: SummaryRow[];
  hourly: HourlySeries;
}
