/**
 * The cost inputs of the shipped assumptions (assumptions/cost.yaml), in model units
 * (US dollars of 2025, MW, years), typed by hand: a sensible CostInputs for any ModelInputs
 * fixture, and what the loader must produce from the shipped files.
 *
 * Values written in other years' dollars are converted with the shipped deflators
 * (US GDP implicit price deflator, 2017 = 100): 2024 → 2025 x 128.4 / 125.2 (PPA prices),
 * 2026 → 2025 x 128.4 / 131.6 (the investment, nominal at signing in 2026). Rounded to 12
 * significant digits, as the loader rounds money.
 */
import type { CostInputs } from '../../src/model/cost/types.js';
import type { ModelInputs } from '../../src/model/inputs.js';

/** Dollars of `year` in 2025 dollars, with the shipped deflators, rounded as the loader rounds. */
export function in2025Dollars(value: number, year: 2024 | 2025 | 2026): number {
  const index = { 2024: 125.2, 2025: 128.4, 2026: 131.6 } as const;
  return Number(((value * index[2025]) / index[year]).toPrecision(12));
}

/** The shipped cost inputs; the electricity price is filled for every year of `horizon` (default: the shipped 2026-2035). */
export function shippedCostInputs(horizon: ModelInputs['horizon'] = { firstYear: 2026, lastYear: 2035 }): CostInputs {
  const years = horizon.lastYear - horizon.firstYear + 1;
  const chip = (serverUsdPerChip: number) => ({ serverUsdPerChip, networkShare: 0.15, storageShare: 0.03 });
  return {
    currencyYear: 2025,
    facilityUsdPerMwCriticalIt: 11.7e6,
    landSoftShare: 0.15,
    chips: { trainium2: chip(20_000), trainium3: chip(40_000), trainium4: chip(60_000) },
    electricityUsdPerMwh: Array<number>(years).fill(86),
    ppaUsdPerMwh: {
      solar: in2025Dollars(56.76, 2024),
      onshore_wind: in2025Dollars(67.81, 2024),
      offshore_wind: in2025Dollars(130, 2024),
      clean_firm: in2025Dollars(100, 2024),
    },
    facilityLifeYears: 18,
    facilityOmShare: 0.025,
    itOmShare: 0.03,
    wacc: 0.05,
    tranches: [
      { name: 'upfront', amountUsd: in2025Dollars(15e9, 2026), condition: { kind: 'date', date: '2026-02-27' } },
      { name: 'milestones', amountUsd: in2025Dollars(35e9, 2026), condition: { kind: 'energised_critical_it', mw: 1000 } },
    ],
  };
}
