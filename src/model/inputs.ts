/**
 * The model's inputs: plain numbers in the unit named by each field
 * (`Mw`, `W`, `Mwh`, `Hours`, ...). The loader converts every quantity
 * written in an assumption file to these units exactly once; the model
 * never sees a unit string.
 *
 * Year-varying values are `ByYear` arrays indexed by `year - horizon.firstYear`,
 * already filled for every year of the horizon by the loader.
 */

import type { CfeInputs } from './cfe/types.js';
import type { CostInputs } from './cost/types.js';

/** One value per horizon year; index 0 is `horizon.firstYear`. */
export type ByYear = readonly number[];

/** What the stated envelope measures (method.md §1). */
export type EnvelopeBasis = 'poi' | 'critical_it' | 'installed_electrical';

export const TECHNOLOGIES = ['solar', 'onshore_wind', 'offshore_wind', 'clean_firm'] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

/** Exactly one way to get all-in IT power per chip at maximum load. */
export type AllInPowerMethod =
  /** All-in W per chip given directly. */
  | { method: 'explicit'; allInW: number }
  /** TDP x server factor x IT factor (Epoch's nested overheads). */
  | { method: 'factors'; serverFactor: number; itFactor: number }
  /** (TDP + host W per server / chips per server) x (1 + network/storage share). */
  | { method: 'parts'; hostWPerServer: number; networkStorageShare: number };

export interface ChipSpec {
  /** Catalogue key, e.g. `trainium3`. */
  name: string;
  /** Accelerator power at maximum (TDP), W. */
  tdpW: number;
  allInPower: AllInPowerMethod;
  chipsPerServer: number;
  /** The packaging unit a fleet is rounded to (whole UltraServers). */
  chipsPerUltraserver: number;
  peakBf16Tflops: number;
  peakFp8Tflops: number;
  hbmGib: number;
  serviceLifeYears: number;
  /** Overrides `utilisation.powerRatio` for this chip when set. */
  powerRatio?: number;
}

/** A phase's grid connection: an absolute power, or a share of the envelope's POI equivalent. */
export type PhasePoi = { kind: 'mw'; mw: number } | { kind: 'share'; share: number };

export interface PhaseSpec {
  name: string;
  /** Energisation date, `YYYY-MM-DD`, read as 00:00 UTC. */
  energisedOn: string;
  poi: PhasePoi;
  /** Chip catalogue key. */
  chip: string;
  /** Linear ramp from 0 to full energisation, hours (0 = step). */
  rampHours: number;
  /** Date the first vintage retires, `YYYY-MM-DD`; absent = runs past the horizon. */
  endOfLife?: string;
  /** Chip that replaces the first vintage at `endOfLife` (same POI, same ramp). */
  refreshTo?: string;
}

export type LossConvention = 'delivery_point' | 'gross_up_td_losses';
export type MfuPrecision = 'bf16' | 'fp8';

export interface ModelInputs {
  horizon: { firstYear: number; lastYear: number };
  envelope: {
    powerMw: number;
    basis: EnvelopeBasis;
    /** Divides an `installed_electrical` envelope (2N = 2); 1 for other bases. */
    redundancyFactor: number;
  };
  facility: {
    /** Share of POI held back (N-1 transformer, ambient derate, power factor). */
    headroomShare: number;
    /** Peak (design-day) PUE, used for sizing only. */
    designPue: number;
    /** Annual average PUE, used for energy only. */
    annualPue: ByYear;
    /** Site auxiliary load (offices, lighting, security) at full build-out, MW; shared by phases pro rata to POI. */
    auxiliaryLoadMw: number;
    /** c in PUE(l) = PUE_annual + c x max(0, 1/l - 1/l_ref); 0 disables. */
    partialLoadPueCoefficient: number;
    /** l_ref: IT load fraction at which the annual PUE is quoted. */
    partialLoadReferenceLoad: number;
  };
  /** Chip catalogue, in file order. */
  chips: readonly ChipSpec[];
  utilisation: {
    /** Average-to-maximum IT power ratio (not compute utilisation). */
    powerRatio: ByYear;
    /** Deployed chip power / critical IT (training ~1.0, inference 1.1-1.3). */
    oversubscriptionRatio: number;
    /** Model-FLOPs utilisation, for delivered compute only. */
    modelFlopsUtilisation: ByYear;
    mfuPrecision: MfuPrecision;
  };
  phases: readonly PhaseSpec[];
  procurement: {
    /** Clean MWh to match as a share of facility MWh. */
    matchingTargetShare: ByYear;
    /** Energy share per technology; sums to 1. */
    mix: Readonly<Record<Technology, number>>;
    /** Net AC capacity factor at the delivery point (P50). */
    capacityFactor: Readonly<Record<Technology, number>>;
    /** Clean energy already contracted, MWh per year. */
    contractedCleanMwh: ByYear;
    lossConvention: LossConvention;
    /** T&D loss share used by `gross_up_td_losses`. */
    tdLossShare: number;
  };
  context: {
    /** Location-based grid emission factor, tCO2e/MWh. */
    gridEmissionsTco2ePerMwh: ByYear;
    /** Residual-mix (market-based) emission factor, tCO2e/MWh. */
    residualMixTco2ePerMwh: ByYear;
    /** On-site water per IT energy, m3/MWh (= L/kWh). */
    wueM3PerMwh: number;
    /** Average household electricity use, MWh per year. */
    householdMwhPerYear: number;
  };
  /** Hourly (24/7) carbon-free procurement: cfe.yaml (method.md §5-6). */
  cfe: CfeInputs;
  /** Costs, in US dollars of one currency year: cost.yaml. */
  cost: CostInputs;
}

/** Number of horizon years. */
export function horizonYears(inputs: Pick<ModelInputs, 'horizon'>): number {
  return inputs.horizon.lastYear - inputs.horizon.firstYear + 1;
}
