/**
 * Small CfeProblem fixtures for the hourly-procurement tests and benches: plain arrays in,
 * a CfeProblem out, with default costs (7% WACC, USD of the assumption year).
 */
import { TECHNOLOGIES, type Technology } from '../../../src/model/inputs.js';
import type { BatterySpec, CfeCosts, CfeProblem, Portfolio } from '../../../src/model/cfe/types.js';

/** sqrt(0.82): 82% round trip split evenly between charge and discharge. */
export const HALF_RTE = Math.sqrt(0.82);
export const DEFAULT_BATTERY: BatterySpec = { chargeEfficiency: HALF_RTE, dischargeEfficiency: HALF_RTE };

/** PV 1,100, onshore 1,400, offshore 3,500, clean firm 6,000 USD/kW; Li-ion 250/kW + 250/kWh; grid 85/MWh. */
export function defaultCosts(): CfeCosts {
  return {
    currencyYear: 2024,
    technology: {
      solar: { capexUsdPerKw: 1100, fixedOmUsdPerKwYear: 0.015 * 1100, lifetimeYears: 30, variableUsdPerMwh: 0 },
      onshore_wind: { capexUsdPerKw: 1400, fixedOmUsdPerKwYear: 0.025 * 1400, lifetimeYears: 30, variableUsdPerMwh: 0 },
      offshore_wind: { capexUsdPerKw: 3500, fixedOmUsdPerKwYear: 0.03 * 3500, lifetimeYears: 30, variableUsdPerMwh: 0 },
      clean_firm: { capexUsdPerKw: 6000, fixedOmUsdPerKwYear: 0.02 * 6000, lifetimeYears: 40, variableUsdPerMwh: 10 },
    },
    battery: { powerCapexUsdPerKw: 250, energyCapexUsdPerKwh: 250, fixedOmUsdPerKwYear: 0.025 * (250 + 4 * 250), lifetimeYears: 15 },
    discountRate: 0.07,
    gridUsdPerMwh: 85,
  };
}

type Series = ArrayLike<number> | number;

export interface ProblemSpec {
  load: ArrayLike<number>;
  /** Capacity factors per technology; a number is a flat profile; missing = all zero. */
  cf?: Partial<Record<Technology, Series>>;
  gridCfeShare?: Series;
  gridEmissionsTPerMwh?: Series;
  battery?: BatterySpec;
  costs?: CfeCosts;
  maxMw?: Partial<Record<Technology, number>>;
  maxExcessShare?: number;
}

function series(value: Series | undefined, n: number): Float64Array {
  if (value === undefined) return new Float64Array(n);
  if (typeof value === 'number') return new Float64Array(n).fill(value);
  if (value.length !== n) throw new RangeError(`series has ${value.length} hours, load has ${n}`);
  return Float64Array.from(value);
}

export function makeProblem(spec: ProblemSpec): CfeProblem {
  const n = spec.load.length;
  const capacityFactor = {} as Record<Technology, Float64Array>;
  const maxMw = {} as Record<Technology, number>;
  for (const tech of TECHNOLOGIES) {
    capacityFactor[tech] = series(spec.cf?.[tech], n);
    maxMw[tech] = spec.maxMw?.[tech] ?? Infinity;
  }
  return {
    loadMw: Float64Array.from(spec.load),
    capacityFactor,
    gridCfeShare: series(spec.gridCfeShare ?? 0, n),
    gridEmissionsTPerMwh: series(spec.gridEmissionsTPerMwh ?? 0.4, n),
    battery: spec.battery ?? DEFAULT_BATTERY,
    costs: spec.costs ?? defaultCosts(),
    maxMw,
    maxExcessShare: spec.maxExcessShare ?? Infinity,
  };
}

export function portfolio(mw: Partial<Record<Technology, number>>, batteryMw = 0, batteryMwh = 0): Portfolio {
  return {
    mw: { solar: mw.solar ?? 0, onshore_wind: mw.onshore_wind ?? 0, offshore_wind: mw.offshore_wind ?? 0, clean_firm: mw.clean_firm ?? 0 },
    batteryMw,
    batteryMwh,
  };
}

/** Deterministic uniform (0, 1) generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

function gaussian(u: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/**
 * A made-up year for benches and heuristic tests: sinusoidal solar (day length and height
 * varying with the season, daily AR(1) cloudiness, CF ~0.2), AR-like onshore wind (hourly
 * phi 0.85 plus a synoptic phi 0.99 component so multi-day lulls exist, CF ~0.35), an
 * offshore wind correlated with it (CF ~0.45) and a flat load of `loadMw`.
 */
export function syntheticYear(seed: number, hours = 8760, loadMw = 100) {
  const u = rng(seed);
  const z = gaussian(u);
  const solar = new Float64Array(hours);
  const onshore = new Float64Array(hours);
  const offshore = new Float64Array(hours);
  let cloud = 0;
  let fast = 0;
  let slow = 0;
  let fastOff = 0;
  for (let t = 0; t < hours; t++) {
    const hour = t % 24;
    const day = Math.floor(t / 24);
    const season = Math.cos((2 * Math.PI * (day - 172)) / 365); // +1 mid-summer
    if (hour === 0) cloud = 0.7 * cloud + Math.sqrt(1 - 0.49) * z();
    const halfDay = 6 + 2 * season; // hours from solar noon to sunset
    const sun = Math.cos((Math.PI / 2) * ((hour + 0.5 - 12) / halfDay));
    const clearness = Math.min(1, Math.max(0.15, 0.75 + 0.2 * cloud));
    solar[t] = Math.abs(hour + 0.5 - 12) < halfDay ? Math.min(1, 0.95 * (0.75 + 0.25 * season) * sun * clearness) : 0;
    fast = 0.85 * fast + Math.sqrt(1 - 0.85 ** 2) * z();
    slow = 0.99 * slow + Math.sqrt(1 - 0.99 ** 2) * z();
    fastOff = 0.85 * fastOff + Math.sqrt(1 - 0.85 ** 2) * z();
    const x = 0.5 * fast + 0.85 * slow - 0.1 * season + 0.05 * Math.cos((2 * Math.PI * (hour - 3)) / 24);
    onshore[t] = Math.min(1, Math.max(0, 0.36 + 0.3 * x));
    offshore[t] = Math.min(1, Math.max(0, 0.46 + 0.3 * (0.3 * fastOff + 0.2 * fast + 0.85 * slow) - 0.08 * season));
  }
  return { load: new Float64Array(hours).fill(loadMw), solar, onshore, offshore };
}

/** A CfeProblem of the synthetic year with clean firm at 90% availability. */
export function syntheticProblem(seed: number, overrides: Partial<ProblemSpec> = {}, hours = 8760): CfeProblem {
  const year = syntheticYear(seed, hours);
  return makeProblem({
    load: year.load,
    cf: { solar: year.solar, onshore_wind: year.onshore, offshore_wind: year.offshore, clean_firm: 0.9 },
    gridCfeShare: 0.3,
    gridEmissionsTPerMwh: 0.45,
    ...overrides,
  });
}
