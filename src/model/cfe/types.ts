/**
 * Shared types of the hourly (24/7) carbon-free procurement model. Pure data, SI-free
 * planner units stated in every name: MW, MWh, USD, hours. One year at a time; hour 0
 * is the first hour of the year, hour-beginning, in the site's local standard time.
 */
import type { Technology } from '../inputs.js';

/** Variable resources whose hourly output follows a capacity-factor profile. */
export const PROFILE_TECHNOLOGIES = ['solar', 'onshore_wind', 'offshore_wind'] as const;
export type ProfileTechnology = (typeof PROFILE_TECHNOLOGIES)[number];

/** Hourly capacity factors (0..1) per technology for one year; clean firm is a flat availability. */
export type HourlyCapacityFactors = Record<Technology, Float64Array>;

/** A site for the synthetic profile generator. */
export interface SiteSpec {
  name: string;
  latitudeDeg: number;
  longitudeDeg: number;
  /** Local standard time = UTC + this (e.g. -5 for US Eastern standard time). */
  utcOffsetHours: number;
  /**
   * Annual capacity factor each synthetic profile is calibrated to (0..1). 0: the site has no
   * such resource (its preset gives none); CfeInputs.maxMw is then 0 for that technology, and
   * its profile should be all zeros.
   */
  targetCapacityFactor: Record<ProfileTechnology, number>;
  seed: number;
}

/** Battery round-trip split into charge and discharge efficiencies (0..1]. */
export interface BatterySpec {
  chargeEfficiency: number;
  dischargeEfficiency: number;
}

/** Installed capacities of one portfolio. */
export interface Portfolio {
  mw: Record<Technology, number>;
  batteryMw: number;
  batteryMwh: number;
}

/** Annualised cost inputs of one technology (currency year stated in the assumption file). */
export interface TechnologyCost {
  capexUsdPerKw: number;
  fixedOmUsdPerKwYear: number;
  lifetimeYears: number;
  /** Fuel and variable O&M per MWh generated (clean firm mainly). */
  variableUsdPerMwh: number;
}

export interface BatteryCost {
  powerCapexUsdPerKw: number;
  energyCapexUsdPerKwh: number;
  fixedOmUsdPerKwYear: number;
  lifetimeYears: number;
}

export interface CfeCosts {
  /**
   * Year whose US dollars every cost is stated in: cost.yaml's currency year (the loader
   * restates cfe.yaml's costs into it); always set by the loader.
   */
  currencyYear?: number;
  /** When cfe.yaml's costs were written in another year's dollars: that year and the factor applied. */
  restatedFrom?: { year: number; factor: number };
  technology: Record<Technology, TechnologyCost>;
  battery: BatteryCost;
  /** Discount rate (WACC) for the capital recovery factor, per year. */
  discountRate: number;
  /** Price paid for each MWh imported from the grid. */
  gridUsdPerMwh: number;
}

/** Everything one year's hourly problem needs besides the target. */
export interface CfeProblem {
  /** Facility load per hour, MW (= MWh in that hour). */
  loadMw: Float64Array;
  capacityFactor: HourlyCapacityFactors;
  /** Grid carbon-free share per hour (0..1), excluding this buyer's own contracts. */
  gridCfeShare: Float64Array;
  /** Grid emission factor per hour, t CO2e per MWh imported (market-based, hourly). */
  gridEmissionsTPerMwh: Float64Array;
  battery: BatterySpec;
  costs: CfeCosts;
  /** Upper limit on installed MW per technology (Infinity for none). */
  maxMw: Record<Technology, number>;
  /** Cap on excess energy as a share of annual load (Infinity for none). */
  maxExcessShare: number;
}

/** Outcome of simulating one portfolio over one year. */
export interface DispatchSummary {
  /** Google's CFE score, 0..1: sum_h [min(L, G + D - C) + gamma x grid] / sum_h L. */
  cfeScore: number;
  loadMwh: number;
  cleanGenerationMwh: number;
  excessMwh: number;
  gridImportMwh: number;
  /** Hours with any grid import. */
  unmatchedHours: number;
  batteryDischargeMwh: number;
  /** Hourly market-based emissions: sum_h grid import x hourly factor. */
  marketEmissionsT: number;
}

/** Optional hourly trace of a dispatch (for dispatch.csv). */
export interface DispatchTrace {
  generationMw: Float64Array;
  chargeMw: Float64Array;
  dischargeMw: Float64Array;
  stateOfChargeMwh: Float64Array;
  gridImportMw: Float64Array;
  excessMw: Float64Array;
}

/**
 * Where an hourly CSV named in cfe.yaml came from: enough to locate a problem found once the
 * year studied is known (the loader's checkProfileYear). Locations are 1-based, as in messages.
 */
export interface HourlyFileOrigin {
  /** The cfe.yaml key that names the file, e.g. `cfe.profiles.file`. */
  key: string;
  /** The path as written in cfe.yaml (relative to the assumptions directory). */
  written: string;
  /** The path as shown in messages (the assumptions directory as given, joined with `written`). */
  file: string;
  /** Data rows (hours, or 24 for a one-day load shape). */
  rows: number;
  /** Line of the last data row, for a message about the row count. */
  lastLine: number;
}

/** The hourly-procurement assumptions of one scenario, in model units (loader output). */
export interface CfeInputs {
  /** CFE targets to solve for, each in (0, 1], ascending. */
  targets: number[];
  /** Year to study; undefined means the first full build-out year. */
  year: number | undefined;
  /** Where the hourly capacity factors come from. */
  profiles:
    | { kind: 'synthetic'; site: SiteSpec }
    | {
        kind: 'csv';
        /** Path as written in the assumption file (for messages) and the loaded columns. */
        file: string;
        utcOffsetHours: number;
        /**
         * Capacity factors per hour, length 8,760 or 8,784; clean_firm filled from its availability.
         * A technology without a column is all zeros (and its maxMw is 0).
         */
        capacityFactor: HourlyCapacityFactors;
        origin: HourlyFileOrigin;
      };
  /** Clean-firm availability (flat hourly capacity factor, 0..1). */
  cleanFirmAvailability: number;
  /**
   * Relative hourly load shape (any positive scale) or undefined for the core model's own
   * hourly load; the shape is normalised so the year's energy is unchanged. 24 values (one
   * day, repeated) or one per hour of the year (8,760 or 8,784).
   */
  loadShape: Float64Array | undefined;
  /** The load-shape CSV, when one was given. */
  loadShapeFile: HourlyFileOrigin | undefined;
  /** Flat annual values unless an hourly CSV was given. */
  gridCfeShare: number | Float64Array;
  /**
   * t CO2e per MWh imported. undefined: context.gridEmissionsTco2ePerMwh of the year studied
   * (the location-based annual factor), used flat over that year's hours.
   */
  gridEmissionsTPerMwh: number | Float64Array | undefined;
  /** The hourly grid CSV, when one was given (its columns replace the flat values above). */
  gridHourlyFile: HourlyFileOrigin | undefined;
  battery: BatterySpec;
  costs: CfeCosts;
  /**
   * Installed-MW cap per technology (Infinity for none). 0 also where a technology has no
   * profile: a site preset without its capacity factor, a profile CSV without its column.
   */
  maxMw: Record<Technology, number>;
  /** Infinity for none. */
  maxExcessShare: number;
}
