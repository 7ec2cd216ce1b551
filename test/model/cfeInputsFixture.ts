/**
 * The hourly CFE inputs of the shipped assumptions (assumptions/cfe.yaml with the
 * indiana-pjm site preset), in model units, typed by hand: a sensible CfeInputs for any
 * ModelInputs fixture, and what the loader must produce from the shipped files.
 */
import type { CfeInputs, TechnologyCost } from '../../src/model/cfe/types.js';


/** cfe.yaml's costs are in 2024 dollars; the loader restates them in cost.yaml's 2025 dollars (deflators 128.4 / 125.2). */
const RESTATED = 128.4 / 125.2;

/** The shipped hourly inputs as written (2024 dollars) or, by default, as the loader hands them on (2025 dollars). */
export function shippedCfeInputs(restated = true): CfeInputs {
  const efficiency = Math.sqrt(0.82);
  const f = restated ? RESTATED : 1;
  const cost = (capexUsdPerKw: number, fixedOmUsdPerKwYear: number, lifetimeYears: number, variableUsdPerMwh = 0): TechnologyCost => ({
    capexUsdPerKw: capexUsdPerKw * f,
    fixedOmUsdPerKwYear: fixedOmUsdPerKwYear * f,
    lifetimeYears,
    variableUsdPerMwh: variableUsdPerMwh * f,
  });
  return {
    targets: [0.8, 0.9, 0.95, 0.98, 0.99],
    year: undefined,
    profiles: {
      kind: 'synthetic',
      site: {
        name: 'indiana-pjm',
        latitudeDeg: 41.7,
        longitudeDeg: -86.51,
        utcOffsetHours: -5,
        // No offshore resource in Indiana: left out of the preset, so 0 and maxMw 0.
        targetCapacityFactor: { solar: 0.233, onshore_wind: 0.335, offshore_wind: 0 },
        seed: 1001,
      },
    },
    cleanFirmAvailability: 0.9,
    loadShape: undefined,
    loadShapeFile: undefined,
    gridCfeShare: 0.4,
    gridEmissionsTPerMwh: undefined,
    gridHourlyFile: undefined,
    battery: { chargeEfficiency: efficiency, dischargeEfficiency: efficiency },
    costs: {
      currencyYear: restated ? 2025 : 2024,
      ...(restated ? { restatedFrom: { year: 2024, factor: RESTATED } } : {}),
      technology: {
        solar: cost(1100, 20, 30),
        onshore_wind: cost(1400, 40, 30),
        offshore_wind: cost(4000, 100, 30),
        clean_firm: cost(9000, 120, 40, 10),
      },
      battery: { powerCapexUsdPerKw: 250 * f, energyCapexUsdPerKwh: 250 * f, fixedOmUsdPerKwYear: 10 * f, lifetimeYears: 15 },
      discountRate: 0.07,
      gridUsdPerMwh: 85 * f,
    },
    maxMw: { solar: Infinity, onshore_wind: Infinity, offshore_wind: 0, clean_firm: Infinity },
    maxExcessShare: Infinity,
  };
}
