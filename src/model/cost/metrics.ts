/**
 * Cost summary metrics (docs/model.md, "Cost", C8): capex per unit of the build and cost per
 * unit of delivered compute. Ratios are 0 when their denominator is 0 (the house rule: no NaN).
 */

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** C8a. Capex at full build-out per MW of the envelope's POI equivalent, USD/MW. */
export function capexUsdPerPoiMw(capexFullBuildoutUsd: number, poiEquivalentMw: number): number {
  return ratio(capexFullBuildoutUsd, poiEquivalentMw);
}

/** C8b. Capex at full build-out per peak dense FP8 PFLOP/s of the headline fleet, USD/(PFLOP/s). */
export function capexUsdPerPeakPflops(capexFullBuildoutUsd: number, peakPflops: number): number {
  return ratio(capexFullBuildoutUsd, peakPflops);
}

/** C8c. Annualised cost per delivered EFLOP (1e18 FLOP at MFU), first full year, USD/EFLOP. */
export function costUsdPerDeliveredEflop(annualisedCostUsd: number, deliveredEflop: number): number {
  return ratio(annualisedCostUsd, deliveredEflop);
}

/** C8d. Energy's share of the annualised cost, first full year. */
export function energyShareOfCost(energyUsd: number, annualisedCostUsd: number): number {
  return ratio(energyUsd, annualisedCostUsd);
}
