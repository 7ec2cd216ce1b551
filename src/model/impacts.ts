/** Emissions, water and the homes comparison, per year. */

/** Location-based emissions, tCO2e: facility MWh x grid factor. */
export function locationEmissionsTco2e(facilityEnergyMwh: number, gridTco2ePerMwh: number): number {
  return facilityEnergyMwh * gridTco2ePerMwh;
}

/** Market-based emissions, tCO2e: facility MWh x (1 - min(1, matching share)) x residual-mix factor. */
export function marketEmissionsTco2e(facilityEnergyMwh: number, matchingShare: number, residualTco2ePerMwh: number): number {
  return facilityEnergyMwh * (1 - Math.min(1, Math.max(0, matchingShare))) * residualTco2ePerMwh;
}

/** On-site water, m3: WUE (m3/MWh = L/kWh) x IT MWh. */
export function waterM3(itEnergyMwh: number, wueM3PerMwh: number): number {
  return itEnergyMwh * wueM3PerMwh;
}

/** Homes whose annual use equals the facility's: facility MWh / household MWh per year. */
export function homesEquivalent(facilityEnergyMwh: number, householdMwhPerYear: number): number {
  return householdMwhPerYear > 0 ? facilityEnergyMwh / householdMwhPerYear : 0;
}
