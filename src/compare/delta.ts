/**
 * The one definition of "how much did it move", shared by `gwplan compare`,
 * `gwplan watch` and `gwplan check`.
 *
 * delta     = scenario - baseline (in the metric's unit)
 * delta_pct = 100 x delta / |baseline|
 * A zero baseline has no relative change, but an empty cell would break a
 * numeric column in pandas and Excel, so the documented convention is:
 *   baseline 0, scenario 0      -> 0
 *   baseline 0, scenario != 0   -> +100 or -100 (the sign of the change)
 * A baseline within 1e-12 of zero counts as zero, so a rounding residue
 * never turns into an astronomically large percentage.
 */
const ZERO_BASELINE = 1e-12;

export function delta(baseline: number, scenario: number): number {
  return scenario - baseline;
}

export function deltaPct(baseline: number, scenario: number): number {
  const change = scenario - baseline;
  if (Math.abs(baseline) < ZERO_BASELINE) return change === 0 ? 0 : 100 * Math.sign(change);
  return (100 * change) / Math.abs(baseline);
}
