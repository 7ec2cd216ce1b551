/**
 * CostInputs for the cost tests: round numbers so hand calculations stay short, and a helper
 * that attaches them to a ModelInputs. Prices per technology and year are flat.
 *
 *   facility 10 M USD per MW of critical IT, land and soft +10%  -> 11 M USD per MW
 *   server 20,000 USD per chip, network 10% + storage 5%         -> 23,000 USD per chip
 *   electricity 80 USD/MWh; PPAs: solar 50, onshore 60, offshore 90, clean firm 100 USD/MWh
 *   facility life 30 years, O&M 1% / year; IT O&M 2% / year; WACC 7%
 */
import type { ModelInputs } from '../../../src/model/inputs.js';
import type { ChipCost, CostInputs } from '../../../src/model/cost/types.js';

export const CHIP_COST: ChipCost = { serverUsdPerChip: 20_000, networkShare: 0.1, storageShare: 0.05 };

export function costInputs(years: number, overrides: Partial<CostInputs> = {}): CostInputs {
  return {
    currencyYear: 2025,
    facilityUsdPerMwCriticalIt: 10e6,
    landSoftShare: 0.1,
    chips: { chip: CHIP_COST, next: { serverUsdPerChip: 30_000, networkShare: 0.1, storageShare: 0.05 } },
    electricityUsdPerMwh: Array.from({ length: years }, () => 80),
    ppaUsdPerMwh: { solar: 50, onshore_wind: 60, offshore_wind: 90, clean_firm: 100 },
    facilityLifeYears: 30,
    facilityOmShare: 0.01,
    itOmShare: 0.02,
    wacc: 0.07,
    tranches: [],
    ...overrides,
  };
}

/** `inputs` with `cost` set (costInputs sized to its horizon, merged with `overrides`). */
export function withCost(inputs: ModelInputs, overrides: Partial<CostInputs> = {}): ModelInputs & { cost: CostInputs } {
  const years = inputs.horizon.lastYear - inputs.horizon.firstYear + 1;
  return { ...inputs, cost: costInputs(years, overrides) };
}
