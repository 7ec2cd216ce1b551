/**
 * The assumption format in one table: every YAML key, the ModelInputs field it
 * fills, its dimension and model unit, bounds, whether it may vary by year,
 * and its default. Adding an assumption is one row here (plus its ModelInputs field).
 */
// zod/mini: the same schemas, tree-shakable; the classic API adds ~35 ms to start-up.
import * as z from 'zod/mini';
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

/** Allowed texts of an enumerated field. */
export type Choices = z.ZodMiniType<string> & { options: readonly string[] };

/** How sure a value is: `confidence:` in YAML, the `confidence` column in CSV. */
export const CONFIDENCE = z.enum(CONFIDENCE_WORDS);

interface FieldBase {
  /** YAML path; `*` matches any key (a chip name). */
  key: string;
  /** ModelInputs path, or the ChipSpec field for `chips.*` rows. */
  field: string;
  /** May be a `by_year` step schedule; expands to a ByYear array. */
  yearly?: true;
  /** Value used, as written, when the key is absent. */
  default?: string;
  /** May be absent, with no default. */
  optional?: true;
  /** For chips: the all-in power method this field belongs to. */
  method?: AllInPowerMethod['method'];
}
export type QuantityField = FieldBase & { measure: Measure; bounds?: Bounds; integer?: true };
type ChoiceField = FieldBase & { choices: Choices };
export type FieldSpec = QuantityField | ChoiceField;

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
