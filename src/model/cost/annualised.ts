/**
 * Annualisation (docs/model.md, "Cost", C3 and C7): each asset's capex is turned into a level
 * annual capital charge with the capital recovery factor, paid in every year it is in service.
 * Whole years from the year the asset starts: a year is charged in full when the asset is in
 * service in it (a partial last year, for a life that is not a whole number of years, pro rata).
 */
import { capitalRecoveryFactor } from '../cfe/annualisedCost.js';

export { capitalRecoveryFactor };

/**
 * C3a. Share of calendar year `startYear + yearOffset` an asset in service for `serviceYears` from
 * its start year is charged: 1 for whole years of service, the remainder in a partial last year,
 * 0 before it starts and after its service ends. clamp(serviceYears - offset, 0, 1) for offset >= 0.
 */
export function inServiceShare(yearOffset: number, serviceYears: number): number {
  if (yearOffset < 0) return 0;
  const left = serviceYears - yearOffset;
  return left <= 0 ? 0 : left >= 1 ? 1 : left;
}

/**
 * C3b. Years a vintage's IT is in service, counted from its start year: the chip's service life,
 * cut short by an earlier retirement. A vintage retiring in calendar year R is in service through
 * R - 1 (its refresh, starting in R, is charged from R), but at least its start year.
 * `retireYear` is undefined when the vintage runs past the horizon.
 */
export function itServiceYears(serviceLifeYears: number, startYear: number, retireYear: number | undefined): number {
  if (retireYear === undefined) return serviceLifeYears;
  return Math.min(serviceLifeYears, Math.max(1, retireYear - startYear));
}

/** C7a. Level annual capital charge of one asset, USD per year: capex x CRF(wacc, life). */
export function capitalChargeUsdPerYear(capexUsd: number, wacc: number, lifeYears: number): number {
  if (!(lifeYears > 0)) throw new Error(`cost: life of ${lifeYears} years, expected > 0 (the loader rejects it)`);
  return capexUsd * recentCrf(wacc, lifeYears);
}

/**
 * capitalRecoveryFactor, remembered for the last few (rate, life) pairs: a run asks it for
 * every facility and vintage with the same two or three pairs (per Monte Carlo sample too),
 * and each answer costs a log1p and an expm1. Same numbers: a hit returns the value computed.
 */
const CRF_SLOTS = 4;
const crfRate = new Float64Array(CRF_SLOTS).fill(Number.NaN);
const crfLife = new Float64Array(CRF_SLOTS).fill(Number.NaN);
const crfValue = new Float64Array(CRF_SLOTS);
let crfNext = 0;

function recentCrf(rate: number, life: number): number {
  for (let i = 0; i < CRF_SLOTS; i++) if (crfRate[i] === rate && crfLife[i] === life) return crfValue[i]!;
  const value = capitalRecoveryFactor(rate, life);
  crfRate[crfNext] = rate;
  crfLife[crfNext] = life;
  crfValue[crfNext] = value;
  crfNext = (crfNext + 1) % CRF_SLOTS;
  return value;
}

/** C7b. Annualised cost of a year, USD: capital charge + energy + procurement premium + O&M. */
export function annualisedCostUsd(capitalChargeUsd: number, energyUsd: number, procurementPremiumUsd: number, omUsd: number): number {
  return capitalChargeUsd + energyUsd + procurementPremiumUsd + omUsd;
}
