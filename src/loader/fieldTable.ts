/**
 * The assumption format in one table: every YAML key, the ModelInputs field it
 * fills, its dimension and model unit, bounds, whether it may vary by year,
 * and its default. Adding an assumption is one row here (plus its ModelInputs field).
 */
// zod/mini: the same schemas, tree-shakable; the classic API adds ~35 ms to start-up.
import * as z from 'zod/mini';
import { PROFILE_TECHNOLOGIES } from '../model/cfe/types.js';
import { TECHNOLOGIES, type AllInPowerMethod } from '../model/inputs.js';
import type { Measure } from './quantity.js';
import { CONFIDENCE_WORDS } from './types.js';

/** Every file a scenario is read from; all are required. */
export const ASSUMPTION_FILES = [
  'envelope.yaml',
  'facility.yaml',
  'chips.yaml',
  'utilisation.yaml',
  'phases.csv',
  'procurement.yaml',
  'context.yaml',
  'cfe.yaml',
  'cost.yaml',
] as const;
export type AssumptionFile = (typeof ASSUMPTION_FILES)[number];
export type YamlFile = Exclude<AssumptionFile, 'phases.csv'>;

/** Allowed interval, in the model unit. */
export interface Bounds {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}
const POSITIVE: Bounds = { min: 0, minExclusive: true };
const NON_NEGATIVE: Bounds = { min: 0 };
const SHARE: Bounds = { min: 0, max: 1 };
const AT_LEAST_ONE: Bounds = { min: 1 };
const ABOVE_ZERO_UP_TO_ONE: Bounds = { min: 0, minExclusive: true, max: 1 };
const BELOW_ONE: Bounds = { min: 0, max: 1, maxExclusive: true };
const BELOW_ONE_ABOVE_ZERO: Bounds = { min: 0, minExclusive: true, max: 1, maxExclusive: true };

const NUMBER: Measure = { dimension: 'number', unit: '1' };
const MW: Measure = { dimension: 'power', unit: 'MW' };
const W: Measure = { dimension: 'power', unit: 'W' };
const MWH: Measure = { dimension: 'energy', unit: 'MWh' };
const HOURS: Measure = { dimension: 'duration', unit: 'h' };
const YEARS: Measure = { dimension: 'duration', unit: 'years' };
// Emission factors are usually written per kg ("380 kg/MWh"): suggest that form.
const T_PER_MWH: Measure = { dimension: 'massPerEnergy', unit: 'tCO2e/MWh', exampleUnit: 'kg/MWh' };
const M3_PER_MWH: Measure = { dimension: 'volumePerEnergy', unit: 'm3/MWh' };
const TFLOPS: Measure = { dimension: 'computeRate', unit: 'TFLOP/s' };
const GIB: Measure = { dimension: 'dataSize', unit: 'GiB' };
const USD: Measure = { dimension: 'cost', unit: 'USD' };
const USD_PER_KW: Measure = { dimension: 'costPerPower', unit: 'USD/kW' };
const USD_PER_MW: Measure = { dimension: 'costPerPower', unit: 'USD/MW' };
const USD_PER_KWH: Measure = { dimension: 'costPerEnergy', unit: 'USD/kWh' };
const USD_PER_MWH: Measure = { dimension: 'costPerEnergy', unit: 'USD/MWh' };
// Fixed O&M per kW of capacity per year: written with its time unit, `22 USD/kW/year`.
const USD_PER_KW_YEAR: Measure = { dimension: 'costPerPowerTime', unit: 'USD/kW/year' };
/** Hours from UTC of a local standard time, written with its unit (`-5 h`). */
export const UTC_OFFSET = { measure: HOURS, bounds: { min: -12, max: 14 } as Bounds };

/** Allowed texts of an enumerated field. */
export type Choices = z.ZodMiniType<string> & { options: readonly string[] };

/** How sure a value is: `confidence:` in YAML, the `confidence` column in CSV. */
export const CONFIDENCE = z.enum(CONFIDENCE_WORDS);

interface FieldBase {
  /** YAML path; `*` matches any key (a chip name, a year). */
  key: string;
  /**
   * ModelInputs path, or the ChipSpec field for `chips.*` rows. A `*` in it stands for the
   * key the `*` of `key` matched (`cost.it.*.server_per_chip` fills `cost.chips.*.serverUsdPerChip`).
   * Empty for a row that fills no field itself (cost.deflators: they convert other rows' values).
   */
  field: string;
  /** May be a `by_year` step schedule; expands to a ByYear array. */
  yearly?: true;
  /** Value used, as written, when the key is absent. */
  default?: string;
  /** May be absent, with no default. */
  optional?: true;
  /** For chips: the all-in power method this field belongs to. */
  method?: AllInPowerMethod['method'];
  /**
   * Never varies in uncertainty runs: no low/high/distribution on the value, no
   * uncertainty.yaml entry. The hourly CFE inputs are fixed for now.
   */
  fixed?: true;
  /**
   * Other ModelInputs paths this row decides besides `field`, which scenario comparison
   * switches together with it (a row whose value the loader turns into several fields).
   */
  alsoFills?: readonly string[];
  /**
   * A money value that may carry its own `currency_year:` beside `value:` (default: the
   * file's cost.currency_year); the loader converts it with cost.deflators (cost.ts).
   */
  currencyYear?: true;
}
/** `list`: a YAML list of values, each checked against `bounds` (e.g. cfe.targets). */
export type QuantityField = FieldBase & { measure: Measure; bounds?: Bounds; integer?: true; list?: true };
type ChoiceField = FieldBase & { choices: Choices };
/**
 * Free text: a name (a site preset), a path inside the assumptions directory (a CSV file),
 * or a calendar date written YYYY-MM-DD (checked as phases.csv dates are).
 */
export type TextField = FieldBase & { text: 'name' | 'path' | 'date' };
/**
 * A YAML list of mappings (cost.investment.tranches), each read against `items`, whose keys
 * are relative to the entry; an entry may also give `source:`, `confidence:` and `note:`,
 * which hold for each of its values that gives none of its own. Records are `key[i].<item key>`.
 */
export type ItemListField = FieldBase & { items: readonly FieldSpec[] };
export type FieldSpec = QuantityField | ChoiceField | TextField | ItemListField;

/** Investment tranches (cost.investment.tranches): one entry's keys. */
export const TRANCHE_ITEMS: readonly FieldSpec[] = fixed([
  { key: 'name', field: 'name', text: 'name' },
  { key: 'amount', field: 'amountUsd', measure: USD, bounds: POSITIVE, currencyYear: true },
  // Exactly one of the two conditions (cost.ts checks).
  { key: 'on', field: 'condition', text: 'date', optional: true },
  { key: 'when_energised', field: 'condition', measure: MW, bounds: POSITIVE, optional: true },
]);

/** Rows whose values never vary in uncertainty runs. */
function fixed(specs: FieldSpec[]): FieldSpec[] {
  return specs.map((spec) => ({ ...spec, fixed: true }));
}

export const FIELD_TABLE: Readonly<Record<YamlFile, readonly FieldSpec[]>> = {
  'envelope.yaml': [
    { key: 'envelope.power', field: 'envelope.powerMw', measure: MW, bounds: POSITIVE },
    { key: 'envelope.basis', field: 'envelope.basis', choices: z.enum(['poi', 'critical_it', 'installed_electrical']) },
    { key: 'envelope.redundancy_factor', field: 'envelope.redundancyFactor', measure: NUMBER, bounds: AT_LEAST_ONE, default: '1' },
    { key: 'horizon.first_year', field: 'horizon.firstYear', measure: NUMBER, integer: true },
    { key: 'horizon.last_year', field: 'horizon.lastYear', measure: NUMBER, integer: true },
  ],
  'facility.yaml': [
    // A headroom of 1 would leave no usable power; the model relies on it being below 1.
    { key: 'facility.headroom', field: 'facility.headroomShare', measure: NUMBER, bounds: BELOW_ONE },
    { key: 'facility.design_pue', field: 'facility.designPue', measure: NUMBER, bounds: AT_LEAST_ONE },
    { key: 'facility.annual_pue', field: 'facility.annualPue', measure: NUMBER, bounds: AT_LEAST_ONE, yearly: true },
    { key: 'facility.auxiliary_load', field: 'facility.auxiliaryLoadMw', measure: MW, bounds: NON_NEGATIVE },
    { key: 'facility.partial_load_pue_coefficient', field: 'facility.partialLoadPueCoefficient', measure: NUMBER, bounds: NON_NEGATIVE, default: '0' },
    { key: 'facility.partial_load_reference_load', field: 'facility.partialLoadReferenceLoad', measure: NUMBER, bounds: ABOVE_ZERO_UP_TO_ONE, default: '0.75' },
  ],
  'chips.yaml': [
    { key: 'chips.*.tdp', field: 'tdpW', measure: W, bounds: POSITIVE },
    { key: 'chips.*.all_in_power', field: 'allInW', measure: W, bounds: POSITIVE, optional: true, method: 'explicit' },
    { key: 'chips.*.server_factor', field: 'serverFactor', measure: NUMBER, bounds: AT_LEAST_ONE, optional: true, method: 'factors' },
    { key: 'chips.*.it_factor', field: 'itFactor', measure: NUMBER, bounds: AT_LEAST_ONE, optional: true, method: 'factors' },
    { key: 'chips.*.host_power_per_server', field: 'hostWPerServer', measure: W, bounds: NON_NEGATIVE, optional: true, method: 'parts' },
    { key: 'chips.*.network_storage_share', field: 'networkStorageShare', measure: NUMBER, bounds: SHARE, optional: true, method: 'parts' },
    { key: 'chips.*.chips_per_server', field: 'chipsPerServer', measure: NUMBER, bounds: POSITIVE, integer: true },
    { key: 'chips.*.chips_per_ultraserver', field: 'chipsPerUltraserver', measure: NUMBER, bounds: POSITIVE, integer: true },
    { key: 'chips.*.peak_bf16', field: 'peakBf16Tflops', measure: TFLOPS, bounds: POSITIVE },
    { key: 'chips.*.peak_fp8', field: 'peakFp8Tflops', measure: TFLOPS, bounds: POSITIVE },
    { key: 'chips.*.hbm', field: 'hbmGib', measure: GIB, bounds: POSITIVE },
    { key: 'chips.*.service_life', field: 'serviceLifeYears', measure: YEARS, bounds: POSITIVE },
    { key: 'chips.*.power_ratio', field: 'powerRatio', measure: NUMBER, bounds: SHARE, optional: true },
  ],
  'utilisation.yaml': [
    { key: 'utilisation.power_ratio', field: 'utilisation.powerRatio', measure: NUMBER, bounds: SHARE, yearly: true },
    { key: 'utilisation.oversubscription_ratio', field: 'utilisation.oversubscriptionRatio', measure: NUMBER, bounds: POSITIVE },
    { key: 'utilisation.model_flops_utilisation', field: 'utilisation.modelFlopsUtilisation', measure: NUMBER, bounds: SHARE, yearly: true },
    { key: 'utilisation.mfu_precision', field: 'utilisation.mfuPrecision', choices: z.enum(['bf16', 'fp8']), default: 'bf16' },
  ],
  'procurement.yaml': [
    { key: 'procurement.matching_target', field: 'procurement.matchingTargetShare', measure: NUMBER, bounds: SHARE, yearly: true },
    ...TECHNOLOGIES.map((t): FieldSpec => ({ key: `procurement.mix.${t}`, field: `procurement.mix.${t}`, measure: NUMBER, bounds: SHARE })),
    ...TECHNOLOGIES.map((t): FieldSpec => ({ key: `procurement.capacity_factor.${t}`, field: `procurement.capacityFactor.${t}`, measure: NUMBER, bounds: ABOVE_ZERO_UP_TO_ONE })),
    { key: 'procurement.contracted_clean_energy', field: 'procurement.contractedCleanMwh', measure: MWH, bounds: NON_NEGATIVE, yearly: true, default: '0 MWh' },
    { key: 'procurement.loss_convention', field: 'procurement.lossConvention', choices: z.enum(['delivery_point', 'gross_up_td_losses']) },
    { key: 'procurement.td_loss_share', field: 'procurement.tdLossShare', measure: NUMBER, bounds: BELOW_ONE, default: '0.05' },
  ],
  'context.yaml': [
    { key: 'context.grid_emission_factor', field: 'context.gridEmissionsTco2ePerMwh', measure: T_PER_MWH, bounds: NON_NEGATIVE, yearly: true },
    { key: 'context.residual_mix_factor', field: 'context.residualMixTco2ePerMwh', measure: T_PER_MWH, bounds: NON_NEGATIVE, yearly: true },
    { key: 'context.wue', field: 'context.wueM3PerMwh', measure: M3_PER_MWH, bounds: NON_NEGATIVE },
    { key: 'context.household_annual_energy', field: 'context.householdMwhPerYear', measure: MWH, bounds: POSITIVE },
  ],
  // Hourly (24/7) CFE procurement. Built into ModelInputs.cfe by cfe.ts rather than field by
  // field: `field` names the CfeInputs path each row decides, for scenario comparison.
  'cfe.yaml': fixed([
    { key: 'cfe.targets', field: 'cfe.targets', measure: NUMBER, bounds: ABOVE_ZERO_UP_TO_ONE, list: true },
    { key: 'cfe.year', field: 'cfe.year', measure: NUMBER, integer: true, optional: true },
    // Synthetic profiles use `site`; CSV profiles `file` and `utc_offset`; the other keys are ignored.
    { key: 'cfe.profiles.source', field: 'cfe.profiles', choices: z.enum(['synthetic', 'csv']), alsoFills: ['cfe.maxMw'] },
    { key: 'cfe.profiles.site', field: 'cfe.profiles', text: 'name', optional: true, alsoFills: ['cfe.maxMw'] },
    { key: 'cfe.profiles.file', field: 'cfe.profiles', text: 'path', optional: true, alsoFills: ['cfe.maxMw'] },
    { key: 'cfe.profiles.utc_offset', field: 'cfe.profiles', ...UTC_OFFSET, optional: true, alsoFills: ['cfe.maxMw'] },
    // Also the flat clean_firm column of CSV profiles.
    { key: 'cfe.clean_firm_availability', field: 'cfe.cleanFirmAvailability', measure: NUMBER, bounds: ABOVE_ZERO_UP_TO_ONE, alsoFills: ['cfe.profiles'] },
    { key: 'cfe.load_shape_file', field: 'cfe.loadShapeFile', text: 'path', optional: true, alsoFills: ['cfe.loadShape'] },
    { key: 'cfe.grid_cfe_share', field: 'cfe.gridCfeShare', measure: NUMBER, bounds: SHARE },
    // Absent: context.grid_emission_factor of the year studied.
    { key: 'cfe.grid_emission_factor', field: 'cfe.gridEmissionsTPerMwh', measure: T_PER_MWH, bounds: NON_NEGATIVE, optional: true },
    { key: 'cfe.grid_hourly_file', field: 'cfe.gridHourlyFile', text: 'path', optional: true, alsoFills: ['cfe.gridCfeShare', 'cfe.gridEmissionsTPerMwh'] },
    { key: 'cfe.battery.round_trip_efficiency', field: 'cfe.battery', measure: NUMBER, bounds: ABOVE_ZERO_UP_TO_ONE },
    { key: 'cfe.costs.currency_year', field: 'cfe.costs.currencyYear', measure: NUMBER, integer: true, bounds: { min: 1900, max: 2100 } },
    { key: 'cfe.costs.discount_rate', field: 'cfe.costs.discountRate', measure: NUMBER, bounds: BELOW_ONE },
    { key: 'cfe.costs.grid_price', field: 'cfe.costs.gridUsdPerMwh', measure: USD_PER_MWH, bounds: NON_NEGATIVE },
    ...TECHNOLOGIES.flatMap((t): FieldSpec[] => [
      { key: `cfe.costs.${t}.capex`, field: `cfe.costs.technology.${t}.capexUsdPerKw`, measure: USD_PER_KW, bounds: NON_NEGATIVE },
      { key: `cfe.costs.${t}.fixed_om`, field: `cfe.costs.technology.${t}.fixedOmUsdPerKwYear`, measure: USD_PER_KW_YEAR, bounds: NON_NEGATIVE },
      { key: `cfe.costs.${t}.lifetime`, field: `cfe.costs.technology.${t}.lifetimeYears`, measure: YEARS, bounds: POSITIVE },
      { key: `cfe.costs.${t}.variable`, field: `cfe.costs.technology.${t}.variableUsdPerMwh`, measure: USD_PER_MWH, bounds: NON_NEGATIVE, default: '0 USD/MWh' },
    ]),
    { key: 'cfe.costs.battery.power_capex', field: 'cfe.costs.battery.powerCapexUsdPerKw', measure: USD_PER_KW, bounds: NON_NEGATIVE },
    { key: 'cfe.costs.battery.energy_capex', field: 'cfe.costs.battery.energyCapexUsdPerKwh', measure: USD_PER_KWH, bounds: NON_NEGATIVE },
    { key: 'cfe.costs.battery.fixed_om', field: 'cfe.costs.battery.fixedOmUsdPerKwYear', measure: USD_PER_KW_YEAR, bounds: NON_NEGATIVE },
    { key: 'cfe.costs.battery.lifetime', field: 'cfe.costs.battery.lifetimeYears', measure: YEARS, bounds: POSITIVE },
    // Absent: no cap; 0 MW rules the technology out.
    ...TECHNOLOGIES.map((t): FieldSpec => ({ key: `cfe.max_capacity.${t}`, field: `cfe.maxMw.${t}`, measure: MW, bounds: NON_NEGATIVE, optional: true })),
    // Absent: no cap. Excess MWh as a share of the year's load (247-cfe caps it at 0.2).
    { key: 'cfe.max_excess_share', field: 'cfe.maxExcessShare', measure: NUMBER, bounds: NON_NEGATIVE, optional: true },
  ]),
  // Costs, built into ModelInputs.cost by cost.ts. Every money value (`currencyYear` rows) is
  // converted once to cost.currency_year dollars with cost.deflators, with its range.
  'cost.yaml': [
    { key: 'cost.currency_year', field: 'cost.currencyYear', measure: NUMBER, integer: true, fixed: true },
    // A price index by year (`2024: 125.2`); needed only for the years values are written in.
    { key: 'cost.deflators.*', field: '', measure: NUMBER, bounds: POSITIVE, optional: true, fixed: true },
    { key: 'cost.facility.construction', field: 'cost.facilityUsdPerMwCriticalIt', measure: USD_PER_MW, bounds: NON_NEGATIVE, currencyYear: true },
    { key: 'cost.facility.land_soft_share', field: 'cost.landSoftShare', measure: NUMBER, bounds: SHARE },
    { key: 'cost.facility.life', field: 'cost.facilityLifeYears', measure: YEARS, bounds: POSITIVE },
    { key: 'cost.facility.om_share', field: 'cost.facilityOmShare', measure: NUMBER, bounds: SHARE },
    { key: 'cost.it.om_share', field: 'cost.itOmShare', measure: NUMBER, bounds: SHARE },
    // Per chip of chips.yaml; every chip a phase uses (or may use in uncertainty runs) needs them (cost.ts).
    { key: 'cost.it.*.server_per_chip', field: 'cost.chips.*.serverUsdPerChip', measure: USD, bounds: NON_NEGATIVE, currencyYear: true },
    { key: 'cost.it.*.network_share', field: 'cost.chips.*.networkShare', measure: NUMBER, bounds: SHARE },
    { key: 'cost.it.*.storage_share', field: 'cost.chips.*.storageShare', measure: NUMBER, bounds: SHARE },
    { key: 'cost.energy.electricity_price', field: 'cost.electricityUsdPerMwh', measure: USD_PER_MWH, bounds: NON_NEGATIVE, yearly: true, currencyYear: true },
    ...TECHNOLOGIES.map((t): FieldSpec => ({ key: `cost.energy.ppa_price.${t}`, field: `cost.ppaUsdPerMwh.${t}`, measure: USD_PER_MWH, bounds: NON_NEGATIVE, currencyYear: true })),
    { key: 'cost.wacc', field: 'cost.wacc', measure: NUMBER, bounds: BELOW_ONE },
    { key: 'cost.investment.tranches', field: 'cost.tranches', items: TRANCHE_ITEMS, fixed: true },
  ],
};

/**
 * A site preset, `sites/<name>.yaml`, for the synthetic hourly profiles (SiteSpec). Not
 * an assumption file of its own: cfe.profiles.site names the one a scenario reads.
 */
export const SITE_FIELDS: readonly FieldSpec[] = fixed([
  { key: 'site.latitude', field: 'latitudeDeg', measure: NUMBER, bounds: { min: -90, max: 90 } },
  { key: 'site.longitude', field: 'longitudeDeg', measure: NUMBER, bounds: { min: -180, max: 180 } },
  { key: 'site.utc_offset', field: 'utcOffsetHours', ...UTC_OFFSET },
  // Absent: no such resource at the site; the technology cannot be built there.
  ...PROFILE_TECHNOLOGIES.map((t): FieldSpec => ({ key: `site.capacity_factor.${t}`, field: `targetCapacityFactor.${t}`, measure: NUMBER, bounds: BELOW_ONE_ABOVE_ZERO, optional: true })),
  { key: 'site.seed', field: 'seed', measure: NUMBER, integer: true, bounds: { min: 0, max: Number.MAX_SAFE_INTEGER } },
]);

/**
 * What the `*` of a row's key matched in `path` (a chip name, a year), or undefined when
 * `path` is not one of the row's keys or the key has no `*`.
 */
export function wildcardMatch(key: string, path: string): string | undefined {
  const star = key.indexOf('*');
  if (star < 0) return undefined;
  const [prefix, suffix] = [key.slice(0, star), key.slice(star + 1)];
  if (path.length <= prefix.length + suffix.length || !path.startsWith(prefix) || !path.endsWith(suffix)) return undefined;
  return path.slice(prefix.length, path.length - suffix.length);
}

/** A row's key or field with its `*` replaced by `name`. */
export function withName(pattern: string, name: string): string {
  return pattern.replace('*', name);
}

/** Hourly CSV files named in cfe.yaml: their value columns, besides `hour` or `hour_beginning`. */
export const HOUR_COLUMNS = ['hour', 'hour_beginning'] as const;
export const PROFILE_COLUMNS: readonly string[] = PROFILE_TECHNOLOGIES;
export const LOAD_SHAPE_COLUMN = 'relative_load';
export const GRID_SHARE_COLUMN = 'grid_cfe_share';
/** The grid emission-factor column names its unit; each factor converts to t CO2e/MWh. */
export const GRID_EMISSION_COLUMNS: Readonly<Record<string, number>> = {
  grid_emission_factor_kg_per_mwh: 1e-3,
  grid_emission_factor_g_per_kwh: 1e-3,
  grid_emission_factor_t_per_mwh: 1,
};

/** phases.csv: one row per phase. `required` columns must be in the header; `filled` cells must not be empty. */
export const PHASE_COLUMNS = {
  name: { required: true, filled: true },
  energised_on: { required: true, filled: true },
  poi: { required: true, filled: true },
  chip: { required: true, filled: true },
  ramp: { required: true, filled: false },
  end_of_life: { required: false, filled: false },
  refresh_to: { required: false, filled: false },
  source: { required: false, filled: false },
  confidence: { required: false, filled: false },
} as const;
export type PhaseColumn = keyof typeof PHASE_COLUMNS;

/** A phase's POI: an absolute power, or a share of the envelope. */
export const PHASE_POI: readonly Measure[] = [MW, NUMBER];
export const PHASE_POI_BOUNDS: Readonly<Record<'power' | 'share', Bounds>> = { power: POSITIVE, share: ABOVE_ZERO_UP_TO_ONE };
/** An empty ramp cell is a step (0 h). */
export const PHASE_RAMP = { measure: HOURS, bounds: NON_NEGATIVE } as const;
