/**
 * Every input-problem text, by stable code. Each says what was found, what
 * was expected, and what to do next; `file:line:col path:` is added by formatIssue.
 */
import type { Bounds } from './fieldTable.js';
import type { Dimension, Found, Measure, QuantityProblem } from './quantity.js';
import type { NodeKind } from './yamlSource.js';

const DIMENSION_WORDS: Readonly<Record<Dimension, string>> = {
  number: 'a plain number',
  power: 'a power',
  energy: 'an energy',
  duration: 'a duration',
  massPerEnergy: 'a mass per energy',
  volumePerEnergy: 'a volume per energy',
  computeRate: 'a compute rate',
  dataSize: 'a data size',
  mass: 'a mass',
  length: 'a length',
  area: 'an area',
  volume: 'a volume',
  compute: 'an amount of compute',
  frequency: 'a rate per time',
  cost: 'an amount of money',
  costPerPower: 'a cost per power',
  costPerEnergy: 'a cost per energy',
  costPerPowerTime: 'a cost per power per year',
};

const NODE_WORDS: Readonly<Record<string, string>> = {
  FunctionNode: 'a function call',
  AssignmentNode: 'an assignment',
  FunctionAssignmentNode: 'a function definition',
  AccessorNode: 'a property or index access',
  IndexNode: 'an index',
  ObjectNode: 'an object',
  ArrayNode: 'a list',
  ConditionalNode: 'a condition',
  RangeNode: 'a range',
  BlockNode: 'several expressions',
  RelationalNode: 'a comparison',
  OperatorNode: 'the operator',
  ConstantNode: 'a constant that is not a number',
};

const KIND_WORDS: Readonly<Record<NodeKind, string>> = {
  mapping: 'a mapping',
  list: 'a list',
  alias: 'an alias (*name)',
  value: 'a single value',
  nothing: 'nothing',
};

const EXPECTED_NODE_WORDS = {
  fields: 'fields written as "key: value" lines, indented under it',
  value: 'a single value, or a mapping with "value:"',
  years: 'years with a value each, such as "2030: 1.10"',
  text: 'text',
  cell: 'a single value, as in a phases.csv cell',
  targets: 'a list of what to remove, one "- phases.<name>" or "- chips.<name>" per line',
  distribution: 'a distribution: a type such as pert, or a mapping such as {type: normal, sd: 50 W}',
  options: 'options with a weight each, such as {trainium4: 0.8, trainium3: 0.2}',
  entries: 'entries written as "path: distribution" lines, such as "chips.trainium4.tdp: {type: lognormal, p10: 1.2 kW, p90: 2.2 kW}"',
  groups: 'correlation groups, each a name with "inputs:" and "matrix:"',
  paths: 'a list of assumption paths, such as [chips.trainium3.tdp, chips.trainium4.tdp]',
  matrix: 'a list of rows, each a list of numbers, such as [[1, 0.7], [0.7, 1]]',
  list: 'a list of values, such as [0.8, 0.9, 0.95], or a mapping with "value:" holding one',
  items: 'a list of entries, each starting with "- " and giving its fields, such as "- name: upfront" (an empty list [] for none)',
  date: 'a calendar date written YYYY-MM-DD, such as 2026-02-27',
} as const;

/** The parent a scenario overlay is applied to, as a message names it. */
function parentWords(parent: string): string {
  return parent === 'base' ? 'base' : `scenario "${parent}"`;
}

type ItemKind = 'chip' | 'phase';
const ITEM_PARTS: Readonly<Record<ItemKind, string>> = { chip: 'fields', phase: 'columns' };

const ALLOWED_SYNTAX = 'a value may only use numbers, units, + - * / ^ and parentheses';

/** A number as people read it: no floating-point noise. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function foundWords(found: Found): string {
  return 'dimension' in found ? DIMENSION_WORDS[found.dimension] : `a quantity in ${found.units}`;
}

function expectedWords(expected: readonly Measure[]): string {
  return [...new Set(expected.map((m) => DIMENSION_WORDS[m.dimension]))].join(' or ');
}

function rangeWords(bounds: Bounds, unit: string): string {
  const u = (n: number) => (unit === '1' ? formatNumber(n) : `${formatNumber(n)} ${unit}`);
  const low = bounds.min === undefined ? '' : `${bounds.minExclusive ? 'more than' : 'at least'} ${u(bounds.min)}`;
  const high = bounds.max === undefined ? '' : `${bounds.maxExclusive ? 'less than' : 'at most'} ${u(bounds.max)}`;
  if (low && high && !bounds.minExclusive && !bounds.maxExclusive) return `between ${u(bounds.min!)} and ${u(bounds.max!)}`;
  return [low, high].filter(Boolean).join(' and ');
}

function didYouMean(suggestion: string | undefined, otherwise: string): string {
  return suggestion === undefined ? otherwise : `did you mean "${suggestion}"?`;
}

function unitSuffix(unit: string): string {
  return unit === '1' || unit === '' ? '' : ` ${unit}`;
}

/** What to add for a distribution's missing parameters, inline (beside value) or in uncertainty.yaml. */
function missingParameterHint(type: string, missing: readonly string[], inline: boolean): string {
  if (type === 'normal') return inline ? 'write {type: normal, sd: ...} (the mean is the value).' : 'add "sd:" to this entry (the mean is the value).';
  if (type === 'lognormal') return `${inline ? 'write {type: lognormal, p10: ..., p90: ...}' : 'add "p10:" and "p90:" to this entry'} with p10 x p90 = value² (the value is the median).`;
  if (type === 'choice') return 'add "options:" with a weight per chip, such as {trainium4: 0.8, trainium3: 0.2}, summing to 1.';
  const keys = missing.map((k) => `"${k}:"`).join(' and ');
  return inline ? `add ${keys} beside "value:"${type === 'uniform' ? '.' : ' (the value is the mode).'}` : `add ${keys} to this entry${type === 'uniform' ? '.' : ' (mode defaults to the value).'}`;
}

export type QuantityParams<C extends QuantityProblem['code']> = Extract<QuantityProblem, { code: C }> & {
  written: string;
  expected: readonly Measure[];
};

export const MESSAGES = {
  // Files
  missing_file: (p: { files: readonly string[] }) =>
    `file not found; a scenario needs all of ${p.files.join(', ')}. Restore it (the shipped assumptions directory has one of each).`,
  missing_dir: () => 'assumptions directory not found; check the path, or copy the shipped assumptions directory there.',
  unreadable_file: (p: { reason: string }) => `file cannot be read (${p.reason}); check that it is a readable file.`,
  empty_file: () => 'file is empty; restore its content (the shipped assumptions directory has an example).',
  malformed_yaml: (p: { detail: string }) => `is not valid YAML (${p.detail}); fix the syntax at this position.`,
  malformed_csv: (p: { detail: string }) => `is not valid CSV (${p.detail}); check the quotes on this line.`,
  empty_scenario: () =>
    'file is empty; a scenario needs "extends:" (the scenario it changes, such as base) and "question:" (what it asks), then only the values that differ.',
  path_outside_dir: (p: { written: string }) =>
    `"${p.written}" points outside the assumptions directory; name a file inside it with a relative path.`,

  // Structure
  duplicate_key: (p: { key: string; firstLine: number }) =>
    `key "${p.key}" appears again (first on line ${p.firstLine}); keep only one.`,
  unknown_field: (p: { key: string; suggestion: string | undefined; allowed: readonly string[] }) =>
    `unknown field "${p.key}"; ${didYouMean(p.suggestion, `expected one of: ${p.allowed.join(', ')}.`)}`,
  missing_field: (p: { key: string; parent: string; measures?: readonly Measure[]; choices?: readonly string[]; expected?: keyof typeof EXPECTED_NODE_WORDS }) =>
    `missing; add "${p.key}:" ${p.parent ? `under "${p.parent}:"` : 'at the top level'} with ${
      p.measures ? expectedWords(p.measures) : p.choices ? `one of ${p.choices.join(', ')}` : p.expected ? EXPECTED_NODE_WORDS[p.expected] : 'its fields'
    }.`,
  wrong_type: (p: { found: NodeKind; expected: keyof typeof EXPECTED_NODE_WORDS }) =>
    `found ${KIND_WORDS[p.found]}; expected ${EXPECTED_NODE_WORDS[p.expected]}.`,
  no_value: (p: { yearly: boolean }) =>
    `has no value; write one here, or a mapping with "value:"${p.yearly ? ' or "by_year:"' : ''}.`,
  value_and_by_year: () => 'gives both "value:" and "by_year:"; keep one of them.',
  by_year_not_allowed: () => 'does not vary by year; give a single "value:" instead of "by_year:".',
  by_year_with_range: () =>
    'low/high cannot be combined with by_year yet; remove low and high, or give a single value with its range.',
  bad_year: (p: { written: string }) => `by_year key "${p.written}" is not a year; list whole years, such as "2030: 1.10".`,
  empty_by_year: () => 'by_year lists no years; list at least one, such as "2026: 1.14".',

  // Quantities
  wrong_dimension: (p: QuantityParams<'wrong_dimension'>) =>
    `"${p.written}" is ${foundWords(p.found)}; expected ${expectedWords(p.expected)} such as "${p.example}".`,
  unknown_unit: (p: QuantityParams<'unknown_unit'>) =>
    `"${p.written}" uses an unknown unit "${p.unit}"; ${didYouMean(p.suggestion, `write ${expectedWords(p.expected)} such as "${p.example}".`)}`,
  disallowed_expression: (p: QuantityParams<'disallowed_expression'>) =>
    `"${p.written}" contains ${NODE_WORDS[p.nodeType] ?? p.nodeType}${p.name ? ` "${p.name}"` : ''}, which is not allowed; ${ALLOWED_SYNTAX}.`,
  bad_expression: (p: QuantityParams<'bad_expression'>) =>
    `"${p.written}" cannot be read (${p.detail}); expected ${expectedWords(p.expected)} such as "${p.example}".`,
  mixed_dimensions: (p: QuantityParams<'mixed_dimensions'>) =>
    `"${p.written}" combines ${foundWords(p.left)} and ${foundWords(p.right)} with "${p.op}"; both sides of + and - must have the same dimension.`,
  no_number: (p: QuantityParams<'no_number'>) =>
    `"${p.written}" has a unit but no number; expected ${expectedWords(p.expected)} such as "${p.example}".`,
  not_finite: (p: QuantityParams<'not_finite'>) => `"${p.written}" is not a finite number; check for a division by zero.`,
  out_of_range: (p: { written: string; bounds: Bounds; unit: string }) =>
    `"${p.written}" is out of range; expected ${rangeWords(p.bounds, p.unit)}. Correct the value.`,
  not_integer: (p: { written: string }) => `"${p.written}" is not a whole number; write a whole number.`,
  bad_choice: (p: { written: string; choices: readonly string[]; suggestion: string | undefined }) =>
    `"${p.written}" is not one of ${p.choices.join(', ')}; ${didYouMean(p.suggestion, 'write one of them.')}`,
  low_above_high: (p: { low: string; high: string }) =>
    `low "${p.low}" is above high "${p.high}"; swap them or correct one.`,
  value_outside_range: (p: { written: string; low: string | undefined; high: string | undefined }) =>
    `value "${p.written}" is outside its range (${[p.low && `low "${p.low}"`, p.high && `high "${p.high}"`].filter(Boolean).join(', ')}); correct the value or widen the range.`,

  // Cross-field rules
  horizon_order: (p: { first: number; last: number }) =>
    `last_year ${p.last} is before first_year ${p.first}; make last_year the same or a later year.`,
  horizon_too_long: (p: { years: number; max: number }) =>
    `the horizon covers ${p.years} years, more than the ${p.max} allowed; bring last_year closer to first_year.`,
  design_pue_below_annual: (p: { design: number; annual: number; year: number }) =>
    `design PUE ${formatNumber(p.design)} is below the annual PUE ${formatNumber(p.annual)} (${p.year}); the design-day PUE is normally at or above the annual average, so check both.`,
  mix_sum: (p: { sum: number }) =>
    `shares sum to ${formatNumber(p.sum)}, not 1; adjust them so they add up to 1 (100%).`,
  no_all_in_method: () =>
    'gives no way to reach all-in power; give exactly one of: all_in_power; server_factor with it_factor; host_power_per_server with network_storage_share.',
  two_all_in_methods: (p: { fields: readonly string[] }) =>
    `gives more than one way to reach all-in power (${p.fields.join(', ')}); keep exactly one, as two would double count overhead.`,
  incomplete_all_in_method: (p: { present: string; missing: string }) =>
    `${p.present} is given without ${p.missing}; add ${p.missing}, as the two go together.`,
  not_multiple: (p: { written: string; perServer: number }) =>
    `"${p.written}" is not a multiple of chips_per_server (${p.perServer}); an UltraServer holds whole servers.`,

  // phases.csv
  unknown_column: (p: { column: string; suggestion: string | undefined; allowed: readonly string[] }) =>
    `unknown column "${p.column}"; ${didYouMean(p.suggestion, `expected columns: ${p.allowed.join(', ')}.`)}`,
  missing_column: (p: { column: string }) => `has no "${p.column}" column; add it to the header line.`,
  duplicate_column: (p: { column: string }) => `column "${p.column}" appears twice in the header; keep only one.`,
  column_count: (p: { found: number; expected: number }) =>
    `this row has ${p.found} cells but the header has ${p.expected} columns; check for a missing or extra comma (quote text that contains commas).`,
  missing_cell: () => 'is empty; every phase needs a value in this column.',
  bad_date: (p: { written: string }) =>
    `"${p.written}" is not a calendar date written YYYY-MM-DD; write one such as "2026-10-01".`,
  duplicate_phase: (p: { name: string; firstLine: number }) =>
    `phase name "${p.name}" is already used on line ${p.firstLine}; give each phase a unique name.`,
  unknown_chip: (p: { chip: string; suggestion: string | undefined; known: readonly string[]; inScenario?: boolean; removedAt?: string }) =>
    p.removedAt
      ? `chip "${p.chip}" is removed (${p.removedAt}) but this phase still uses it; patch the phase to another chip (known chips: ${p.known.join(', ') || 'none'}), remove the phase too, or keep the chip.`
      : p.inScenario
        ? `chip "${p.chip}" is not in chips.yaml or any "chips: add:" of the scenario (known chips: ${p.known.join(', ') || 'none'}); ${didYouMean(p.suggestion, 'use one of them or add it under "chips: add:".')}`
        : `chip "${p.chip}" is not in chips.yaml (known chips: ${p.known.join(', ') || 'none'}); ${didYouMean(p.suggestion, 'use one of them or add it to chips.yaml.')}`,
  end_not_after_start: (p: { end: string; start: string }) =>
    `end_of_life ${p.end} is not after energised_on ${p.start}; retire the phase after it is energised.`,
  refresh_without_end: (p: { chip: string }) =>
    `refresh_to "${p.chip}" needs an end_of_life date, when the first vintage retires; add end_of_life or clear refresh_to.`,
  past_service_life: (p: { chip: string; lifeYears: number; from: string; lastYear: number }) =>
    `${p.chip} from ${p.from} outlives its ${formatNumber(p.lifeYears)}-year service life before the horizon ends (${p.lastYear}); add end_of_life (and refresh_to), or lengthen the chip's service_life.`,

  // Scenario overlays: scenarios/<name>.yaml
  bad_scenario_name: (p: { file: string; suggestion: string | undefined }) =>
    `"${p.file}" is not a scenario file name: a scenario is named with lowercase letters, digits and hyphens, and ends in .yaml; rename the file${p.suggestion ? `, e.g. to "${p.suggestion}"` : ''}.`,
  reserved_scenario_name: () =>
    'the name "base" is reserved for the assumptions directory itself, so scenarios/base.yaml cannot be a scenario; rename the file after what it changes, with "extends: base" inside.',
  unknown_scenario: (p: { name: string; suggestion: string | undefined; known: readonly string[] }) =>
    `no scenario named "${p.name}" (no file scenarios/${p.name}.yaml); ${didYouMean(p.suggestion, `scenarios: ${p.known.join(', ')}.`)}`,
  missing_extends: () => 'missing; add "extends: base" (or the name of the scenario this one changes) at the top level.',
  missing_question: () =>
    'missing; add "question:" at the top level with the one sentence this scenario answers, such as "What if ...?".',
  bad_extends: (p: { written: string }) =>
    `"${p.written}" is not a scenario name; write base, or another scenario's file name without .yaml (lowercase letters, digits and hyphens).`,
  unknown_parent: (p: { name: string; suggestion: string | undefined; known: readonly string[] }) =>
    `no scenario named "${p.name}" to extend (no file scenarios/${p.name}.yaml); ${didYouMean(p.suggestion, `extend one of: ${p.known.join(', ')}.`)}`,
  extends_cycle: (p: { cycle: readonly string[] }) =>
    `extends goes round in a cycle (${p.cycle.join(' → ')}) and never reaches base; make one of these scenarios extend base or a scenario outside the cycle.`,
  extends_in_base: (p: { key: string }) =>
    `"${p.key}:" belongs in a scenario file, not in the base assumptions: base is the assumptions directory itself and extends nothing. To build on base, create scenarios/<name>.yaml with "extends: base", a "question:" and only the values that differ.`,
  patch_unknown: (p: { kind: ItemKind; name: string; parent: string; suggestion: string | undefined }) =>
    `there is no ${p.kind} "${p.name}" in ${parentWords(p.parent)}${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}; "patch:" changes an existing ${p.kind}, and "add:" creates a new one with all its ${ITEM_PARTS[p.kind]}.`,
  add_existing: (p: { kind: ItemKind; name: string; parent: string }) =>
    `${p.kind} "${p.name}" already exists in ${parentWords(p.parent)}; change its ${ITEM_PARTS[p.kind]} under "patch:" instead ("add:" is for new ${p.kind}s).`,
  patch_nothing: (p: { kind: ItemKind }) => `changes nothing; give the ${ITEM_PARTS[p.kind]} to change, or delete this entry.`,
  no_cell_value: () =>
    'has no value; write one as in a phases.csv cell (a step ramp is "0 months"), or list an optional column under "remove:" to drop it.',
  missing_phase_column: (p: { column: string; name: string }) =>
    `missing; a new phase needs energised_on, poi, chip and ramp: add "${p.column}:" under "${p.name}:".`,
  remove_bad_target: (p: { written: string }) =>
    `cannot remove "${p.written}"; "remove:" lists phases ("phases.<name>"), chips ("chips.<name>"), optional phase columns ("phases.<name>.end_of_life", "phases.<name>.refresh_to") and optional chip fields ("chips.<name>.power_ratio"). To change a value, override it instead.`,
  remove_required: (p: { kind: ItemKind; name: string; part: string }) =>
    `${p.part} is required for every ${p.kind} and cannot be removed; change it under "${p.kind}s: patch:" instead, or remove the whole ${p.kind} ("${p.kind}s.${p.name}").`,
  remove_unknown: (p: { what: string; parent: string; suggestion: string | undefined }) =>
    `there is no ${p.what} in ${parentWords(p.parent)} to remove; ${didYouMean(p.suggestion, 'check the name, or delete this entry.')}`,
  remove_conflict: (p: { line: number }) =>
    `is also changed under "patch:" on line ${p.line} of this file; either change it or remove it, not both.`,
  duplicate_remove: (p: { firstLine: number }) => `is already listed on line ${p.firstLine}; keep only one.`,

  // Uncertainty: inline "distribution:" / low-high ranges, and uncertainty.yaml
  unknown_distribution: (p: { written: string; suggestion: string | undefined; allowed: readonly string[] }) =>
    `"${p.written}" is not a distribution; ${didYouMean(p.suggestion, `write one of: ${p.allowed.join(', ')}.`)}`,
  missing_distribution_parameter: (p: { type: string; missing: readonly string[]; inline: boolean }) =>
    `a ${p.type} distribution needs ${p.missing.join(' and ')}; ${missingParameterHint(p.type, p.missing, p.inline)}`,
  one_sided_range: (p: { given: 'low' | 'high' }) =>
    `gives ${p.given} but not ${p.given === 'low' ? 'high' : 'low'}; a range is varied in uncertainty runs as triangular(low, value, high): add "${p.given === 'low' ? 'high' : 'low'}:", or add "distribution: none" to keep "${p.given}:" for documentation only.`,
  by_year_distribution: (p: { setAt?: string }) =>
    p.setAt
      ? `is given by_year (${p.setAt}); a distribution applies to a single value for now: give a single value with its range, or remove this entry.`
      : 'a distribution cannot vary a by_year schedule yet; give a single value with its range, or remove "distribution:".',
  distribution_on_integer: (p: { inline: boolean }) =>
    `is a whole number, and a distribution would sample fractions; ${p.inline ? 'remove low, high and distribution, or write "distribution: none" to keep the range for documentation only.' : 'remove this entry.'}`,
  range_outside_bounds: (p: { key: string; written: string; bounds: Bounds; unit: string }) =>
    `${p.key} "${p.written}" would let samples leave the field's bounds (${rangeWords(p.bounds, p.unit)}); keep ${p.key} within them.`,
  unbounded_distribution: (p: { bounds: Bounds; unit: string }) =>
    `a lognormal samples any positive number, but this field must be ${rangeWords(p.bounds, p.unit)}; use triangular, pert or uniform within the bounds, or a normal (truncated to them).`,
  mode_outside_range: (p: { mode: string; low: string; high: string }) =>
    `mode "${p.mode}" is outside low "${p.low}" to high "${p.high}"; put the mode between them.`,
  point_outside_range: (p: { point: string; low: string; high: string; shift: boolean }) =>
    p.shift
      ? `low "${p.low}" to high "${p.high}" leaves out a shift of 0, the date as written, which the deterministic run uses; include 0 in the range, or move the date itself.`
      : `low "${p.low}" to high "${p.high}" leaves out the value ${p.point}, which the deterministic run uses; widen the range to include it, or change the value.`,
  normal_no_room: (p: { min: string; max: string }) =>
    `a normal truncated to ${p.min} to ${p.max} (low/high and the field's bounds) has no room to vary; widen low and high, or remove them.`,
  bad_sd: (p: { written: string }) => `sd "${p.written}" is not above 0; give the normal's standard deviation, such as a tenth of the value.`,
  bad_lambda: (p: { written: string }) =>
    `lambda "${p.written}" is not a number above 0; it weights PERT's mode (4 is usual, and the default when lambda is left out).`,
  lognormal_not_positive: (p: { written: string }) =>
    `p10 "${p.written}" is not above 0; a lognormal covers positive numbers only, so give a p10 above 0.`,
  lognormal_order: (p: { p10: string; p90: string }) => `p10 "${p.p10}" is not below p90 "${p.p90}"; swap them or correct one.`,
  median_not_value: (p: { type: 'normal' | 'lognormal'; median: number; value: number; unit: string; p90ForValue?: number }) =>
    `the ${p.type} distribution's median is ${formatNumber(p.median)}${unitSuffix(p.unit)}, not the value ${formatNumber(p.value)}${unitSuffix(p.unit)}; the deterministic run uses the value, so it must be the median: ${
      p.type === 'lognormal'
        ? `set the value to ${formatNumber(p.median)}${unitSuffix(p.unit)}, or choose p10 and p90 with p10 x p90 = value² (with this p10, p90 = ${formatNumber(p.p90ForValue!)}${unitSuffix(p.unit)}).`
        : 'truncate symmetrically (low and high equally far from the value, within the field\'s bounds), or use pert.'
    }`,
  not_numeric: (p: { type: string; what: 'text' | 'date' | 'end_of_life' | 'chip'; phase?: string }) =>
    p.what === 'date'
      ? `is a date, which a ${p.type} distribution cannot give; vary it by a shift instead.`
      : p.what === 'end_of_life'
        ? `end_of_life moves with energised_on; put the shift on "phases.${p.phase}.energised_on" instead (a duration, such as {type: triangular, low: 0 months, mode: 1 month, high: 9 months}).`
        : p.what === 'chip'
          ? `is a chip name, not a number; vary it with a choice, such as {type: choice, options: {trainium4: 0.8, trainium3: 0.2}}.`
          : `is text, not a number, and cannot vary; a ${p.type} distribution varies numbers only: remove this entry.`,
  choice_not_chip: (p: { inline: boolean }) =>
    `a choice picks a phase's chip (phases.<name>.chip or refresh_to, in uncertainty.yaml); this value is a number: use triangular, pert, uniform, normal or lognormal${p.inline ? '' : ' (a phase date: a duration shift)'}.`,
  choice_weights_sum: (p: { sum: number }) => `option weights sum to ${formatNumber(p.sum)}, not 1; adjust them so they add up to 1.`,
  negative_weight: (p: { written: string }) => `weight "${p.written}" is negative; give each option a weight from 0 to 1.`,
  unknown_chip_option: (p: { chip: string; suggestion: string | undefined; known: readonly string[] }) =>
    `"${p.chip}" is not a chip (known chips: ${p.known.join(', ') || 'none'}); ${didYouMean(p.suggestion, 'use one of them.')}`,
  current_chip_not_option: (p: { chip: string; options: readonly string[] }) =>
    `the phase's chip "${p.chip}", which the deterministic run uses, is not among the options (${p.options.join(', ')}); add it with its weight.`,
  unknown_path: (p: { written: string; suggestion: string | undefined }) =>
    `no assumption "${p.written}" to vary; ${didYouMean(p.suggestion, 'name one by its path as in manifest.json, such as "chips.trainium3.tdp" or "phases.trn4-a.energised_on".')}`,
  correlation_overlap: (p: { group: string; line: number; same: boolean }) =>
    p.same
      ? `is listed twice in this group (first on line ${p.line}); keep only one.`
      : `is already in correlation group "${p.group}" (line ${p.line}); an input may be in one group only: merge the two groups, or drop it from one.`,
  correlated_certain: () =>
    'is not uncertain (it has no distribution); give it one (low and high on its value, or an entry under "inputs:"), or drop it from this group.',
  correlated_choice: () => 'is a choice, whose options have no order to correlate; drop it from this group.',
  correlation_too_small: () => 'a correlation group needs at least two inputs; add another, or delete the group.',
  matrix_shape: (p: { inputs: number; found: string }) =>
    `is ${p.found}, but the group has ${p.inputs} inputs; give a ${p.inputs}x${p.inputs} matrix: one row per input, in the order of "inputs:".`,
  matrix_entry: (p: { written: string }) =>
    `"${p.written}" is not a correlation; each entry is a number from -1 to 1.`,
  matrix_diagonal: (p: { written: string; row: number }) =>
    `diagonal entry "${p.written}" (row ${p.row}) must be 1: every input is perfectly correlated with itself.`,
  matrix_symmetric: (p: { row: number; column: number; value: string; mirror: string }) =>
    `row ${p.row}, column ${p.column} is ${p.value} but row ${p.column}, column ${p.row} is ${p.mirror}; a correlation matrix is symmetric: make them equal.`,
  cost_not_varied: (p: { inGroup: boolean }) =>
    `the currency year, the deflators and the investment tranches (cost.currency_year, cost.deflators, cost.investment) do not vary in uncertainty runs; ${p.inGroup ? 'drop it from this group' : 'remove this entry'}.`,
  cfe_not_varied: (p: { inGroup: boolean }) =>
    `hourly CFE assumptions (cfe.*) do not vary in uncertainty runs yet; ${p.inGroup ? 'drop it from this group' : 'remove this entry'}.`,
  matrix_not_psd: () =>
    'is not positive semi-definite (Cholesky fails): no set of inputs can have all these correlations at once (e.g. two inputs each strongly correlated with a third but not with each other); weaken the strongest correlations.',

  // Lists (cfe.targets)
  empty_list: () => 'lists nothing; give at least one value, such as [0.9].',
  not_ascending: (p: { written: string; previous: string }) =>
    `"${p.written}" is not above the value before it ("${p.previous}"); list the values in strictly ascending order, each once.`,
  fixed_input: (p: { key: string }) =>
    `"${p.key}:" cannot be given here: hourly CFE assumptions (cfe.yaml, site presets) do not vary in uncertainty runs yet; remove it and write the range into "source:" or "note:" instead.`,
  cost_fixed_input: (p: { key: string }) =>
    `"${p.key}:" cannot be given here: the currency year, the deflators and the investment tranches do not vary in uncertainty runs; remove it and write the range into "source:" or "note:" instead.`,

  // cfe.yaml: hourly (24/7) CFE procurement, its site presets and hourly CSV files
  cfe_year_outside_horizon: (p: { year: number; first: number; last: number }) =>
    `${p.year} is outside the horizon (${p.first}-${p.last}); give a year within it, or remove "year:" to study the first full build-out year.`,
  missing_for_source: (p: { key: string; source: string; what: string }) =>
    `missing; cfe.profiles.source is ${p.source}, which needs "${p.key}:" under "profiles:" with ${p.what}.`,
  bad_site_name: (p: { written: string }) =>
    `"${p.written}" is not a site preset name; a preset is named with lowercase letters, digits and hyphens, after its file sites/<name>.yaml (such as indiana-pjm).`,
  unknown_site: (p: { name: string; suggestion: string | undefined; known: readonly string[] }) =>
    `no site preset "${p.name}" (no file sites/${p.name}.yaml); ${didYouMean(
      p.suggestion,
      p.known.length > 0 ? `presets: ${p.known.join(', ')}.` : 'add sites/<name>.yaml, or set cfe.profiles.source: csv and give your own profiles.',
    )}`,
  missing_data_file: (p: { written: string }) =>
    `names "${p.written}", which is not a file in the assumptions directory; check the path (it is relative to the assumptions directory, such as profiles/site.csv), or restore the file.`,
  missing_hour_column: () =>
    'has neither an "hour" nor an "hour_beginning" column; add one as the first column: hour (0, 1, 2, ...) or hour_beginning (local standard time, such as 2025-01-01T00:00).',
  two_hour_columns: () => 'has both "hour" and "hour_beginning"; keep one of them.',
  same_quantity_columns: (p: { columns: readonly string[] }) =>
    `has ${p.columns.join(' and ')}, the same quantity in different units; keep one of them.`,
  no_value_columns: (p: { allowed: readonly string[]; unavailable: string }) =>
    `has no value column; add at least one of ${p.allowed.join(', ')}${p.unavailable}.`,
  no_unit_in_header: (p: { column: string; allowed: readonly string[] }) =>
    `column "${p.column}" names no unit; put the unit into the header: ${p.allowed.join(' or ')}.`,
  hour_sequence: (p: { written: string; expected: string; column: 'hour' | 'hour_beginning' }) =>
    p.column === 'hour'
      ? `"${p.written}" is not hour ${p.expected}; number the rows 0, 1, 2, ... with no gaps or repeats.`
      : `"${p.written}" is not ${p.expected}; list every hour of one year in local standard time (no daylight-saving jumps), one row each from YYYY-01-01T00:00.`,
  bad_hourly_value: (p: { written: string; hour: number; expected: string }) =>
    `"${p.written}" (hour ${p.hour}) is not ${p.expected}; correct this cell.`,
  more_hourly_problems: (p: { count: number }) =>
    `and ${p.count} more cells like those reported above in this file; fix those first, then check again.`,
  hourly_row_count: (p: { rows: number; diurnal: boolean }) =>
    `has ${p.rows} data rows; give one row per hour of the year, 8760 rows (8784 in a leap year)${p.diurnal ? ', or 24 rows for one day that repeats' : ''}.`,
  hourly_rows_year: (p: { rows: number; year: number; hours: number; whose: 'studied' | 'file' }) =>
    p.whose === 'file'
      ? `has ${p.rows} hourly rows, but ${p.year}, the year its hour_beginning column starts, has ${p.hours} hours; list every hour of ${p.year} from ${p.year}-01-01T00:00 to ${p.year}-12-31T23:00.`
      : `has ${p.rows} hourly rows, but ${p.year}, the year studied, has ${p.hours} hours; supply ${p.hours} rows (${
          p.hours > p.rows ? 'a leap-year profile: repeat 28 February as 29 February' : 'a non-leap-year profile: drop 29 February'
        }), or set cfe.year to a year with ${p.rows} hours.`,
  unavailable_cap: (p: { technology: string; reason: string }) =>
    `${p.technology} has no hourly profile (${p.reason}), so it cannot be built and this cap changes nothing; remove it, or give ${p.technology} a profile.`,

  // cost.yaml: costs, currency years and deflators, investment tranches
  bad_currency_year: (p: { written: string }) =>
    `currency_year "${p.written}" is not a 4-digit year; write the year whose dollars the value is in, such as 2024.`,
  bad_deflator_year: (p: { written: string }) =>
    `"${p.written}" is not a year; list the deflators by 4-digit year, such as "2024: 125.2".`,
  missing_deflator: (p: { year: number; outputYear: number; whose: 'value' | 'output'; years?: readonly number[] }) =>
    p.whose === 'value'
      ? `${p.year} has no deflator, so this value cannot be converted to ${p.outputYear} dollars (cost.currency_year); add "${p.year}: <index>" under "cost: deflators:" in cost.yaml (the same price index as the other years), or restate the value in ${p.outputYear} dollars and remove its currency_year.`
      : `${p.year}, the currency year of the outputs, has no deflator, so the values written in ${p.years!.join(', ')} dollars cannot be converted to it; add "${p.year}: <index>" under "cost: deflators:" in cost.yaml (the same price index as the other years), or restate those values in ${p.year} dollars.`,
  missing_chip_cost: (p: { chip: string; usedBy: string; missing: readonly string[]; file: string; suggestion: string | undefined }) =>
    `chip "${p.chip}" (${p.usedBy}) has no ${p.missing.join(', ')} in cost.it; add "${p.chip}:" under "cost: it:" in ${p.file} with server_per_chip, network_share and storage_share${
      p.suggestion ? ` (cost.it has "${p.suggestion}": is it misspelt?)` : ''
    }.`,
  cost_unknown_chip: (p: { chip: string; suggestion: string | undefined; known: readonly string[] }) =>
    `gives costs for "${p.chip}", which is not a chip (chips: ${p.known.join(', ') || 'none'}); ${didYouMean(p.suggestion, 'correct the name, or remove the entry.')}`,
  missing_item_field: (p: { key: string; list: string; measures?: readonly Measure[]; choices?: readonly string[]; expected?: keyof typeof EXPECTED_NODE_WORDS }) =>
    `missing; every entry of "${p.list}:" needs "${p.key}:" with ${
      p.measures ? expectedWords(p.measures) : p.choices ? `one of ${p.choices.join(', ')}` : p.expected ? EXPECTED_NODE_WORDS[p.expected] : 'its fields'
    }; add it to this entry.`,
  tranche_name: (p: { name: string }) =>
    `tranche name ${JSON.stringify(p.name)} cannot name summary.csv metrics (tranche_<name>_capex_exceeds_year); use lower-case letters, digits, "_" or "-", starting with a letter or digit, e.g. "${suggestTrancheName(p.name)}".`,
  duplicate_tranche: (p: { name: string; firstLine: number }) =>
    `tranche name "${p.name}" is already used on line ${p.firstLine}; give each tranche a unique name.`,
  tranche_condition: (p: { both: boolean }) =>
    p.both
      ? 'gives both "on:" and "when_energised:"; keep one: a tranche is paid on a date or at a milestone, not both.'
      : 'says nothing about when it is paid; add "on: YYYY-MM-DD" (paid on that date) or "when_energised: 1 GW" (paid once that much critical IT is energised).',
} satisfies Record<string, (p: never) => string>;

export type MessageCode = keyof typeof MESSAGES;

/** Codes reported as warnings: the inputs still load. */
export const WARNING_CODES: ReadonlySet<MessageCode> = new Set(['design_pue_below_annual', 'past_service_life', 'unavailable_cap', 'cost_unknown_chip']);

/** A tranche name made valid: lower case, runs of other characters as `_`. */
function suggestTrancheName(name: string): string {
  const snake = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '');
  return snake === '' ? 'milestone_1' : snake;
}
