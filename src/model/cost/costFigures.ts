/**
 * Cost per calendar year of the horizon (docs/model.md, "Cost", C1-C7), written to a flat
 * Float64Array (COST_FIGURE offsets, stride COST_FIGURE_COUNT) so the closed form's lean path
 * can read it without building rows; costRows turns it into CostRow records.
 *
 * When things are booked (whole calendar years; see docs/model.md for the reasons):
 *   - facility capex in the calendar year of the phase's energisation (vintage 1's start); a
 *     refresh reuses the facility, so it adds no facility capex;
 *   - IT and network capex in the calendar year each vintage starts (refreshes included);
 *   - capex of an asset starting before the horizon is booked in the first horizon year (so the
 *     cumulative capex is complete); an asset starting after the horizon is not in the rows;
 *   - an asset is in service from its start year: the facility for facility_life years, IT for
 *     the chip's service life cut at the vintage's retirement (annualised.ts, itServiceYears);
 *     capital charge and O&M are paid in every year in service.
 */
import { TECHNOLOGIES } from '../inputs.js';
import type { VintageTable } from '../vintageTable.js';
import type { CostRow } from '../../results/cost.js';
import { annualisedCostUsd, capitalChargeUsdPerYear, inServiceShare, itServiceYears } from './annualised.js';
import { chipCostOf, facilityCapexUsd, itCapexUsd, networkCapexUsd } from './capex.js';
import { energyCostUsd, omCostUsd, procurementPremiumUsd } from './opex.js';
import type { CostInputs } from './types.js';

/** Offsets of one year's cost figures (stride COST_FIGURE_COUNT). */
export const COST_FIGURE = {
  capexFacilityUsd: 0,
  capexItUsd: 1,
  capexNetworkUsd: 2,
  capexTotalUsd: 3,
  opexEnergyUsd: 4,
  opexProcurementPremiumUsd: 5,
  opexOmUsd: 6,
  /** Capital charge of the assets in service (C7a), the annualised cost less opex. */
  capitalChargeUsd: 7,
  annualisedCostUsd: 8,
  cumulativeCapexUsd: 9,
} as const;
export const COST_FIGURE_COUNT = 10;

/** Where a year's facility MWh and new clean MWh per technology sit in the annual figures (assemble.ts YEAR_FIGURE). */
export interface EnergyFigureLayout {
  stride: number;
  facilityEnergyMwh: number;
  /** + technology index in TECHNOLOGIES order. */
  technologyEnergyMwh: number;
}

/** The horizon year index capex starting in `year` is booked in: 0 for years before the horizon, -1 after it. */
export function bookingYearIndex(year: number, firstYear: number, years: number): number {
  const y = year - firstYear;
  return y < 0 ? 0 : y < years ? y : -1;
}

/** C1 + C2 over the original build: every phase's facility and the IT and network of its first vintage (refreshes excluded). */
export function capexFullBuildoutUsd(cost: CostInputs, vintages: VintageTable): number {
  let total = 0;
  for (let v = 0; v < vintages.count; v++) {
    if (vintages.vintage[v] !== 1) continue;
    const chip = chipCostOf(cost, vintages.chip[v]!.name);
    const chips = vintages.chips[v]!;
    total += facilityCapexUsd(vintages.criticalItMw[v]!, cost.facilityUsdPerMwCriticalIt, cost.landSoftShare);
    total += itCapexUsd(chips, chip.serverUsdPerChip);
    total += networkCapexUsd(chips, chip.serverUsdPerChip, chip.networkShare, chip.storageShare);
  }
  return total;
}

/**
 * Capital charge and O&M of one asset into `out` for every horizon year it is in service:
 * capexUsd x CRF x share (C7a, `chargeUsdPerYear` = capexUsd x CRF) and O&M share x capexUsd x share (C6).
 */
function addInService(
  out: Float64Array,
  firstYear: number,
  years: number,
  startYear: number,
  capexUsd: number,
  serviceYears: number,
  chargeUsdPerYear: number,
  omSharePerYear: number,
): void {
  // From the first horizon year in service to the last: the share is 0 before the start and stays 0 once service ends.
  for (let y = Math.max(0, startYear - firstYear); y < years; y++) {
    const share = inServiceShare(firstYear + y - startYear, serviceYears);
    if (share === 0) break;
    const o = y * COST_FIGURE_COUNT;
    out[o + COST_FIGURE.capitalChargeUsd]! += chargeUsdPerYear * share;
    out[o + COST_FIGURE.opexOmUsd]! += omCostUsd(capexUsd * share, omSharePerYear);
  }
}

/** costFigures' PPA prices per technology (reused: the model is synchronous). */
const ppaUsdPerMwh = new Float64Array(TECHNOLOGIES.length);

/**
 * C1-C7 for every horizon year into `out` (length >= years x COST_FIGURE_COUNT). `energy` holds the
 * annual figures (facility MWh, new clean MWh per technology) at `layout`. Pure: the same inputs give
 * the same numbers, so the hourly model and the closed form, which share this call, agree.
 */
export function costFigures(
  cost: CostInputs,
  calendar: { firstYear: number; years: number },
  vintages: VintageTable,
  energy: ArrayLike<number>,
  layout: EnergyFigureLayout,
  out: Float64Array,
): Float64Array {
  const { firstYear, years } = calendar;
  const F = COST_FIGURE;
  out.fill(0, 0, years * COST_FIGURE_COUNT);

  for (let v = 0; v < vintages.count; v++) {
    const spec = vintages.chip[v]!;
    const chip = chipCostOf(cost, spec.name);
    const chips = vintages.chips[v]!;
    const startYear = vintages.startYear[v]!;
    // Capex is booked in the start year (the first horizon year for an earlier start; nowhere after the horizon).
    const book = bookingYearIndex(startYear, firstYear, years) * COST_FIGURE_COUNT;
    // C1. Facility: once per phase, with its first vintage; in service for facility_life years.
    if (vintages.vintage[v] === 1) {
      const facilityUsd = facilityCapexUsd(vintages.criticalItMw[v]!, cost.facilityUsdPerMwCriticalIt, cost.landSoftShare);
      if (book >= 0) out[book + F.capexFacilityUsd]! += facilityUsd;
      const charge = capitalChargeUsdPerYear(facilityUsd, cost.wacc, cost.facilityLifeYears);
      addInService(out, firstYear, years, startYear, facilityUsd, cost.facilityLifeYears, charge, cost.facilityOmShare);
    }
    // C2. IT and network: every vintage (a refresh buys new chips); in service for the chip's life, to retirement.
    const itUsd = itCapexUsd(chips, chip.serverUsdPerChip);
    const networkUsd = networkCapexUsd(chips, chip.serverUsdPerChip, chip.networkShare, chip.storageShare);
    if (book >= 0) {
      out[book + F.capexItUsd]! += itUsd;
      out[book + F.capexNetworkUsd]! += networkUsd;
    }
    const retireYear = vintages.retireYear[v]!;
    const serviceYears = itServiceYears(spec.serviceLifeYears, startYear, Number.isNaN(retireYear) ? undefined : retireYear);
    // C3. The capital charge uses the depreciation life (chip service life) even when retirement cuts service short.
    const charge = capitalChargeUsdPerYear(itUsd + networkUsd, cost.wacc, spec.serviceLifeYears);
    addInService(out, firstYear, years, startYear, itUsd + networkUsd, serviceYears, charge, cost.itOmShare);
  }

  // PPA prices in TECHNOLOGIES order, looked up once rather than per year and technology.
  for (let i = 0; i < TECHNOLOGIES.length; i++) ppaUsdPerMwh[i] = cost.ppaUsdPerMwh[TECHNOLOGIES[i]!];
  let cumulative = 0;
  for (let y = 0; y < years; y++) {
    const o = y * COST_FIGURE_COUNT;
    const e = y * layout.stride;
    const price = cost.electricityUsdPerMwh[y];
    if (price === undefined) throw new Error(`cost.electricityUsdPerMwh: no entry for horizon year index ${y}`);
    // C4. Energy at the grid price.
    const energyUsd = energyCostUsd(energy[e + layout.facilityEnergyMwh]!, price);
    // C5. Premium of the year's new clean MWh over the grid price (negative when PPAs are cheaper).
    let premiumUsd = 0;
    for (let i = 0; i < TECHNOLOGIES.length; i++) {
      premiumUsd += procurementPremiumUsd(energy[e + layout.technologyEnergyMwh + i]!, ppaUsdPerMwh[i]!, price);
    }
    const capexTotal = out[o + F.capexFacilityUsd]! + out[o + F.capexItUsd]! + out[o + F.capexNetworkUsd]!;
    cumulative += capexTotal;
    out[o + F.capexTotalUsd] = capexTotal;
    out[o + F.opexEnergyUsd] = energyUsd;
    out[o + F.opexProcurementPremiumUsd] = premiumUsd;
    // C7b. Capital charge + energy + premium + O&M.
    out[o + F.annualisedCostUsd] = annualisedCostUsd(out[o + F.capitalChargeUsd]!, energyUsd, premiumUsd, out[o + F.opexOmUsd]!);
    out[o + F.cumulativeCapexUsd] = cumulative;
  }
  return out;
}

/** One CostRow per horizon year, from costFigures. */
export function costRows(firstYear: number, years: number, figures: ArrayLike<number>): CostRow[] {
  const F = COST_FIGURE;
  const rows: CostRow[] = [];
  for (let y = 0; y < years; y++) {
    const o = y * COST_FIGURE_COUNT;
    rows.push({
      year: firstYear + y,
      capexFacilityUsd: figures[o + F.capexFacilityUsd]!,
      capexItUsd: figures[o + F.capexItUsd]!,
      capexNetworkUsd: figures[o + F.capexNetworkUsd]!,
      capexTotalUsd: figures[o + F.capexTotalUsd]!,
      opexEnergyUsd: figures[o + F.opexEnergyUsd]!,
      opexProcurementPremiumUsd: figures[o + F.opexProcurementPremiumUsd]!,
      opexOmUsd: figures[o + F.opexOmUsd]!,
      annualisedCostUsd: figures[o + F.annualisedCostUsd]!,
      cumulativeCapexUsd: figures[o + F.cumulativeCapexUsd]!,
    });
  }
  return rows;
}
