/**
 * The rounding rule: decimals are fixed per unit, so every column, and every
 * summary value, of the same unit prints alike. Each resolution is far below
 * anything that matters at a 2 GW campus (1 kW of 2,000,000 kW; 1 kWh of
 * ~17.5e9 kWh a year), and ratios carry 6 decimals so identities a planner
 * rebuilds in a spreadsheet (facility = IT x PUE, Σ nameplate x CF x hours =
 * new clean energy) come back within about 1 ppm; docs/outputs.md gives the bounds.
 */
export interface UnitRounding {
  unit: string;
  decimals: number;
  /** What one unit of the last decimal is, for docs/outputs.md. */
  resolution: string;
}

export const UNIT_ROUNDING: readonly UnitRounding[] = [
  { unit: 'MW', decimals: 3, resolution: '1 kW' },
  { unit: 'MWh', decimals: 3, resolution: '1 kWh' },
  { unit: 'W', decimals: 3, resolution: '1 mW' },
  { unit: 'PFLOP/s', decimals: 3, resolution: '1 TFLOP/s' },
  { unit: 'EFLOP', decimals: 3, resolution: '1 PFLOP' },
  { unit: 'tCO2e', decimals: 3, resolution: '1 kgCO2e' },
  { unit: 'm3', decimals: 3, resolution: '1 litre' },
  { unit: 'ratio', decimals: 6, resolution: '1e-6 (ratios and shares: 1 ppm)' },
  { unit: '%', decimals: 3, resolution: '0.001 percentage point' },
  { unit: 'USD/MWh', decimals: 2, resolution: '1 cent per MWh' },
  { unit: 'USD', decimals: 0, resolution: '1 US dollar' },
  { unit: 'USD/MW', decimals: 0, resolution: '1 US dollar per MW' },
  { unit: 'USD/(PFLOP/s)', decimals: 2, resolution: '1 cent per PFLOP/s of peak compute' },
  { unit: 'USD/EFLOP', decimals: 4, resolution: '0.01 cent per EFLOP delivered (of ~1 USD/EFLOP at 2 GW: 1e-4)' },
  { unit: 'h', decimals: 0, resolution: '1 hour' },
  { unit: 'year', decimals: 0, resolution: 'calendar year' },
  { unit: 'count', decimals: 0, resolution: 'whole number' },
  { unit: 'chips', decimals: 0, resolution: 'whole chips' },
  { unit: 'servers', decimals: 0, resolution: 'whole servers' },
  { unit: 'UltraServers', decimals: 0, resolution: 'whole UltraServers' },
  { unit: 'homes', decimals: 0, resolution: 'whole homes' },
];

const DECIMALS_BY_UNIT = new Map(UNIT_ROUNDING.map((rounding) => [rounding.unit, rounding.decimals]));

/** Decimals for `unit`; throws naming `what` when the unit has no rule, so a new unit is a decision, not a default. */
export function decimalsForUnit(unit: string, what: string): number {
  const decimals = DECIMALS_BY_UNIT.get(unit);
  if (decimals === undefined) {
    const known = UNIT_ROUNDING.map((rounding) => `'${rounding.unit}'`).join(', ');
    throw new Error(`${what}: no rounding rule for unit '${unit}'; use one of ${known} or add it to src/writers/decimals.ts`);
  }
  return decimals;
}
