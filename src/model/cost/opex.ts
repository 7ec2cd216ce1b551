/**
 * Operating expenditure of one year, USD of the cost currency year (docs/model.md, "Cost", C4-C6).
 */

/** C4. Energy bought for the facility, USD: facility MWh x electricity price (USD/MWh) of the year. */
export function energyCostUsd(facilityEnergyMwh: number, electricityUsdPerMwh: number): number {
  return facilityEnergyMwh * electricityUsdPerMwh;
}

/**
 * C5. Premium of one technology's new clean MWh over the grid price, USD: MWh x (PPA price - electricity price).
 * Negative when the PPA is cheaper than grid power: clean energy then lowers the cost. The facility's
 * energy is already paid at the grid price (C4); this is what annual matching adds (or saves) on top.
 */
export function procurementPremiumUsd(newCleanMwh: number, ppaUsdPerMwh: number, electricityUsdPerMwh: number): number {
  return newCleanMwh * (ppaUsdPerMwh - electricityUsdPerMwh);
}

/** C6. Fixed O&M of one year, USD: O&M share per year x capex in service that year. */
export function omCostUsd(capexInServiceUsd: number, omSharePerYear: number): number {
  return capexInServiceUsd * omSharePerYear;
}
