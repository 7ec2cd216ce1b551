/**
 * Annualised cost of capacity: capex x (capital recovery factor + fixed O&M share),
 * the convention of single-year least-cost studies (method.md §5).
 */
import type { BatteryCost, TechnologyCost } from './types.js';

const KW_PER_MW = 1000;

/** CRF = i / (1 - (1 + i)^-n); n years, rate i per year. At i = 0, 1 / n. */
export function capitalRecoveryFactor(ratePerYear: number, lifetimeYears: number): number {
  if (ratePerYear === 0) return 1 / lifetimeYears;
  // 1 - (1 + i)^-n as -expm1(-n log1p(i)): exact for tiny i, where the plain form cancels to 0.
  return ratePerYear / -Math.expm1(-lifetimeYears * Math.log1p(ratePerYear));
}

/** USD per MW-year of installed capacity: capex x CRF + fixed O&M. */
export function capacityCostUsdPerMwYear(cost: TechnologyCost, ratePerYear: number): number {
  return KW_PER_MW * (cost.capexUsdPerKw * capitalRecoveryFactor(ratePerYear, cost.lifetimeYears) + cost.fixedOmUsdPerKwYear);
}

/** USD per MW-year of battery power (inverter, interconnection) incl. its fixed O&M. */
export function batteryPowerCostUsdPerMwYear(cost: BatteryCost, ratePerYear: number): number {
  return KW_PER_MW * (cost.powerCapexUsdPerKw * capitalRecoveryFactor(ratePerYear, cost.lifetimeYears) + cost.fixedOmUsdPerKwYear);
}

/** USD per MWh-year of battery energy capacity. */
export function batteryEnergyCostUsdPerMwhYear(cost: BatteryCost, ratePerYear: number): number {
  return KW_PER_MW * cost.energyCapexUsdPerKwh * capitalRecoveryFactor(ratePerYear, cost.lifetimeYears);
}
