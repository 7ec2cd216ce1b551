/**
 * JSON Schemas (draft-07, what yaml-language-server supports) for every YAML assumption
 * file, generated from the loader's own key lists: FIELD_TABLE and SITE_FIELDS (every key,
 * its unit, bounds, default, whether it varies by year), the overlay, uncertainty and
 * tolerance readers' keys. Each key's description says what it means, how it is written,
 * its allowed range, and what the shipped files set it to (value, range, source,
 * confidence), so an editor's hover text answers "what is this and where does it come from".
 *
 * Pure: shipped file texts in, file name → JSON text out (deterministic key order,
 * 2-space indent, final newline). src/schema/writeSchemas.ts writes them to schema/.
 *
 * A value may be a plain scalar, a quantity string ("1.2 kW") or a mapping with value
 * (or by_year), low, high, distribution, source, confidence, note and, for money,
 * currency_year: the mapping's shape is a shared `$defs` record, specialised per key with
 * the key's own value schema. Where the loader rejects an unknown key the schema says
 * additionalProperties: false. What a schema cannot say (dimensions of quantity strings,
 * cross-field rules such as the procurement mix summing to 1) is left to `gwplan validate`.
 */
import { TOLERANCE_FIELDS, TOP_FIELDS } from '../check/tolerances.js';
import { DISTRIBUTION_TYPES, FILE_KEYS, INLINE_KEYS, PROVENANCE_KEYS } from '../loader/distributionSyntax.js';
import { FIELD_TABLE, SITE_FIELDS, type FieldSpec, type ItemListField, type YamlFile } from '../loader/fieldTable.js';
import { ADD_COLUMNS, EDIT_KEYS, PHASE_EDIT_KEYS, SECTION_SPECS, TOP_KEYS as OVERLAY_TOP_KEYS } from '../loader/overlay.js';
import { CONFIDENCE_WORDS } from '../loader/types.js';
import { GROUP_KEYS, TOP_KEYS as UNCERTAINTY_TOP_KEYS } from '../loader/uncertaintyFile.js';
import { fieldDescription, memberOf, rangeWords } from './describe.js';
import { meaningOf, PHASE_COLUMN_MEANINGS } from './fieldMeanings.js';
import { FILE_OF_KEY, filesUnder, shippedFor, type ShippedFiles, type ShippedValue } from './shipped.js';

export type Schema = Record<string, unknown>;

/** Where the schemas live, relative to the repository root. */
export const SCHEMA_DIR = 'schema';
const DRAFT = 'http://json-schema.org/draft-07/schema#';

/** What each base YAML file holds (its schema's description). */
export const FILE_DESCRIPTIONS: Readonly<Record<YamlFile | 'uncertainty.yaml' | 'check-tolerances.yaml' | 'site' | 'scenario', string>> = {
  'envelope.yaml': 'The power envelope and what it measures (poi, critical_it, installed_electrical); the planning horizon.',
  'facility.yaml': 'Facility: headroom, design PUE (sizing), annual PUE (energy), auxiliary load, partial-load PUE.',
  'chips.yaml': 'The chip catalogue: power, all-in overheads (exactly one method per chip), packaging, FLOP/s, HBM, service life.',
  'utilisation.yaml': 'Power ratio (energy), oversubscription (sizing), model-FLOPs utilisation (delivered compute).',
  'procurement.yaml': 'Annual matching target, technology mix, capacity factors, contracted energy and the loss convention.',
  'context.yaml': 'Grid and residual-mix emission factors, WUE, household energy.',
  'cfe.yaml': 'Hourly (24/7) carbon-free procurement: CFE targets, hourly profiles, grid CFE share, batteries, costs, capacity caps.',
  'cost.yaml': 'Costs in US dollars of one currency year: deflators, facility and IT capex, O&M, energy and PPA prices, WACC, investment tranches.',
  'uncertainty.yaml': 'Uncertainty runs: distributions for what a value cannot carry itself (phase dates, chip choices), overrides of a value\'s own distribution, and rank-correlation groups (docs/uncertainty-inputs.md).',
  'check-tolerances.yaml': 'How far `gwplan check` lets a recomputed output value drift from the committed one: |recomputed - committed| <= max(absolute, relative x |committed|).',
  site: 'A site preset (assumptions/sites/<name>.yaml) for the synthetic hourly solar and wind profiles; cfe.profiles.site names the one a scenario reads.',
  scenario:
    'A scenario overlay (assumptions/scenarios/<name>.yaml): its parent (extends), the question it answers, and only what differs: any key of the base files (chips.yaml and phases.csv through patch/add/remove). docs/scenarios.md.',
};

/** The base YAML files with a field table, in loader order. */
const YAML_FILES = Object.keys(FIELD_TABLE) as YamlFile[];

/** Schema file name for an assumption file (path relative to the assumptions directory); undefined for a file without one. */
export function schemaNameFor(assumptionPath: string): string | undefined {
  if (/^sites\/[^/]+\.yaml$/.test(assumptionPath)) return 'site.schema.json';
  if (/^scenarios\/[^/]+\.yaml$/.test(assumptionPath)) return 'scenario.schema.json';
  if ((YAML_FILES as string[]).includes(assumptionPath) || assumptionPath === 'uncertainty.yaml' || assumptionPath === 'check-tolerances.yaml') {
    return assumptionPath.replace(/\.yaml$/, '.schema.json');
  }
  return undefined;
}

/**
 * The first line of a shipped YAML file: yaml-language-server's modeline naming its schema,
 * relative to the file's folder (the assumptions directory sits beside schema/ at the root).
 */
export function modelineFor(assumptionPath: string): string | undefined {
  const name = schemaNameFor(assumptionPath);
  if (name === undefined) return undefined;
  const depth = assumptionPath.split('/').length;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMA_DIR}/${name}`;
}

// ---- shared definitions ----------------------------------------------------------------------

const SHARED: Readonly<Record<string, () => Schema>> = {
  source: () => ({ type: 'string', description: 'Where the value comes from: a publication and date, a dataset, or the reasoning behind an estimate.' }),
  confidence: () => ({
    type: 'string',
    enum: [...CONFIDENCE_WORDS],
    description:
      'How sure the value is: official (published by its owner or an official statistic), analyst-estimate (a named analyst\'s figure), rough (a reasoned estimate), placeholder (stands in until a figure exists).',
  }),
  note: () => ({ type: 'string', description: 'Anything else a reader of the value should know.' }),
  currency_year: () => ({
    type: 'integer',
    minimum: 1000,
    maximum: 9999,
    description: 'The year whose US dollars this money value is written in; converted to cost.currency_year dollars with cost.deflators on loading.',
  }),
  quantity: () => ({
    type: 'string',
    pattern: '[A-Za-z]',
    description: 'A quantity with its unit, as a person writes it ("1.2 kW", "6 months", "380 kg/MWh", "2 GW * 0.25"); any unit of the dimension, converted once on loading. A bare number is refused.',
  }),
  text: () => ({ type: 'string', minLength: 1, description: 'Text: a name, or a path relative to the assumptions directory.' }),
  date: () => ({ type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'A calendar date, YYYY-MM-DD (read as 00:00 UTC).' }),
  parameter: () => ({ type: ['number', 'string'], description: 'A number in the unit of the value it varies, written with any unit of the same dimension (sd: 0.05 kW on a W field is 50 W).' }),
};

const PARAMETER_MEANINGS: Readonly<Record<string, string>> = {
  low: 'Low end of the range.',
  mode: 'Most likely value (default: the point value as written).',
  high: 'High end of the range.',
  lambda: 'PERT shape parameter (default 4).',
  sd: 'Standard deviation of the normal (truncated to the field\'s bounds and to low/high when given).',
  p10: '10th percentile of the lognormal (p10 x p90 must be the value squared).',
  p90: '90th percentile of the lognormal.',
  options: 'Choice options: chip name: weight, weights from 0 to 1 summing to 1.',
};

const DISTRIBUTION_MEANINGS: Readonly<Record<string, string>> = {
  triangular: 'triangular(low, value, high)',
  pert: 'Beta-PERT(low, value, high), lambda 4 unless given',
  uniform: 'uniform(low, high)',
  normal: 'normal with mean = value and the given sd',
  lognormal: 'lognormal with the given 10th and 90th percentiles',
  choice: 'a weighted choice among names (phases.<name>.chip and refresh_to only)',
  none: 'nothing: the value is certain (low/high stay for documentation)',
};

/** The `$defs` one schema file uses, filled as references are made. */
class Defs {
  readonly used = new Map<string, Schema>();

  /** A reference to the shared definition `name`, built by `make` (or the built-in one) on first use. */
  ref(name: string, make?: () => Schema): Schema {
    if (!this.used.has(name)) this.used.set(name, make ? make() : this.build(name));
    return { $ref: `#/$defs/${name}` };
  }

  private build(name: string): Schema {
    const shared = SHARED[name];
    if (shared) return shared();
    if (name === 'distribution') return this.inlineDistribution();
    const record = /^record(_range)?(_by_year)?(_money)?$/.exec(name);
    if (record) return this.record(record[1] !== undefined, record[2] !== undefined, record[3] !== undefined);
    throw new Error(`schema: no shared definition "${name}"`);
  }

  /** A value's own `distribution:`: a type name, or {type: ..., its parameters}. */
  private inlineDistribution(): Schema {
    return {
      description:
        'How the value varies in uncertainty runs: a type name (pert, uniform, none, ...) or a mapping {type: ..., parameters}; low and high sit beside value. ' +
        DISTRIBUTION_TYPES.map((t) => `${t}: ${DISTRIBUTION_MEANINGS[t]}`).join('; ') +
        '.',
      anyOf: distributionForms((type) => Object.fromEntries(INLINE_KEYS[type].map((key) => [key, { ...this.ref('parameter'), description: PARAMETER_MEANINGS[key] }]))),
    };
  }

  /** The value record: value (or by_year), provenance, and optionally a range and a currency year. */
  private record(range: boolean, byYear: boolean, money: boolean): Schema {
    const properties: Schema = {
      value: { description: 'The value, written as the key itself would be (a number, or a quantity with its unit such as "1.2 kW").' },
    };
    if (range) {
      properties.low = { description: 'Low end of the range, written like the value. With high it makes the value vary as triangular(low, value, high) in uncertainty runs.' };
      properties.high = { description: 'High end of the range, written like the value.' };
      properties.distribution = this.ref('distribution');
    }
    if (byYear) {
      properties.by_year = {
        description: 'A step schedule instead of value: year: value lines; each horizon year takes the value of the latest listed year at or before it (years before the first take the first).',
      };
    }
    if (money) properties.currency_year = this.ref('currency_year');
    for (const key of PROVENANCE_KEYS) properties[key] = this.ref(key);
    const schema: Schema = {
      type: 'object',
      description: `A value with its provenance: ${byYear ? 'value or by_year' : 'value'}${range ? ', low and high, distribution' : ''}${money ? ', currency_year' : ''}, source, confidence, note.`,
      properties,
      additionalProperties: false,
    };
    if (byYear) {
      schema.anyOf = [{ required: ['value'] }, { required: ['by_year'] }];
      schema.not = { required: ['value', 'by_year'] };
    } else schema.required = ['value'];
    return schema;
  }

  /** Sorted by name, for a stable file. */
  sorted(): Schema {
    return Object.fromEntries([...this.used.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

// ---- fields ----------------------------------------------------------------------------------

/**
 * The schema of one value as a plain scalar: a `$defs` entry shared by every key written
 * the same way (`quantity`, `number_ge_0_le_1`, `date`), or an inline enum for choices.
 */
function scalarSchema(spec: Exclude<FieldSpec, ItemListField>, defs: Defs): Schema {
  if ('choices' in spec) return { type: 'string', enum: [...spec.choices.options] };
  if ('text' in spec) return defs.ref(spec.text === 'date' ? 'date' : 'text');
  if (spec.measure.dimension !== 'number') return defs.ref('quantity');
  const b = spec.bounds ?? {};
  const bound = (value: number | undefined, exclusive: boolean | undefined, words: [string, string]) =>
    value === undefined ? '' : `_${exclusive ? words[1] : words[0]}_${String(value).replace('-', 'minus').replace('.', 'p')}`;
  const name = `${spec.integer ? 'integer' : 'number'}${bound(b.min, b.minExclusive, ['ge', 'gt'])}${bound(b.max, b.maxExclusive, ['le', 'lt'])}`;
  return defs.ref(name, () => {
    const schema: Schema = {
      description: `A plain ${spec.integer ? 'whole number' : 'number'} (a YAML number, or an expression without units such as 1/3)${spec.bounds ? `: ${rangeWords(spec.bounds, '1')}` : ''}.`,
      type: [spec.integer ? 'integer' : 'number', 'string'],
      pattern: '^[-+0-9.eE()*/^ ]+$',
    };
    if (b.min !== undefined) schema[b.minExclusive ? 'exclusiveMinimum' : 'minimum'] = b.min;
    if (b.max !== undefined) schema[b.maxExclusive ? 'exclusiveMaximum' : 'maximum'] = b.max;
    return schema;
  });
}

/** Which record a row's mapping form is. */
function recordName(spec: FieldSpec): string {
  const range = 'measure' in spec && !spec.fixed && !spec.list && !spec.integer;
  return `record${range ? '_range' : ''}${spec.yearly ? '_by_year' : ''}${spec.currencyYear ? '_money' : ''}`;
}

/** How a file's descriptions quote the shipped values. */
interface Context {
  defs: Defs;
  /** Full mode: required keys and the chip method rule (base files); partial: any subset (overlays, patches). */
  partial: boolean;
  /** What the shipped files set the row to, and where ("facility.yaml", "sites/*.yaml"). */
  shipped: (spec: FieldSpec) => { values: ShippedValue[]; where: string };
}

function fieldSchema(spec: FieldSpec, key: string, ctx: Context): Schema {
  const { values, where } = ctx.shipped(spec);
  const description = fieldDescription(spec, key, meaningOf(key), 'items' in spec ? undefined : values, where);
  if ('items' in spec) return itemsSchema(spec, key, description, values, where, ctx);
  const scalar = scalarSchema(spec, ctx.defs);
  const value = 'list' in spec && spec.list ? { type: 'array', minItems: 1, items: scalar } : scalar;
  const name = recordName(spec);
  const own: Schema = { value };
  if (name.includes('_range')) {
    own.low = scalar;
    own.high = scalar;
  }
  if (spec.yearly) own.by_year = { type: 'object', patternProperties: { '^[0-9]{1,4}$': scalar }, additionalProperties: false, minProperties: 1 };
  return { description, anyOf: [value, { allOf: [ctx.defs.ref(name), { properties: own }] }] };
}

/** A list of entries (cost.investment.tranches): each entry a mapping of its item rows, plus provenance. */
function itemsSchema(spec: ItemListField, key: string, description: string, values: readonly ShippedValue[], where: string, ctx: Context): Schema {
  const properties: Schema = {};
  for (const row of spec.items) {
    const itemKey = `${key}[].${row.key}`;
    const rowValues = values.filter((v) => v.path.endsWith(`].${row.key}`));
    const rowCtx: Context = { ...ctx, shipped: () => ({ values: rowValues, where }) };
    properties[row.key] = fieldSchema(row, itemKey, rowCtx);
  }
  for (const provenance of PROVENANCE_KEYS) properties[provenance] = ctx.defs.ref(provenance);
  const item: Schema = { type: 'object', properties, additionalProperties: false };
  if (!ctx.partial) item.required = spec.items.filter((row) => !row.optional).map((row) => row.key);
  // Optional item rows filling the same field are alternatives: exactly one of them (a tranche's condition).
  const alternatives = spec.items.filter((row) => row.optional && spec.items.some((other) => other !== row && other.optional && other.field === row.field));
  if (alternatives.length > 1) {
    item.anyOf = alternatives.map((row) => ({
      required: [row.key],
      not: { anyOf: alternatives.filter((other) => other !== row).map((other) => ({ required: [other.key] })) },
    }));
  }
  const shippedNote = values.length > 0 ? `\nShipped (${where}): ${[...new Set(values.map((v) => memberOf(key, v.path)))].length} entries.` : '';
  return { description: `${description}${shippedNote}`, type: 'array', items: item };
}

// ---- key trees -------------------------------------------------------------------------------

interface Tree {
  /** The key pattern of this node: `chips.*`, `cost.it`. */
  key: string;
  spec?: FieldSpec;
  children: Map<string, Tree>;
}

function keyTree(specs: readonly FieldSpec[]): Tree {
  const root: Tree = { key: '', children: new Map() };
  for (const spec of specs) {
    let node = root;
    for (const part of spec.key.split('.')) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { key: node.key ? `${node.key}.${part}` : part, children: new Map() }));
      node = child;
    }
    node.spec = spec;
  }
  return root;
}

function leaves(tree: Tree): FieldSpec[] {
  return tree.spec ? [tree.spec] : [...tree.children.values()].flatMap(leaves);
}

/** True when the loader reports the key missing: something under it has neither a default nor `optional`. */
function isRequired(tree: Tree): boolean {
  return leaves(tree).some((spec) => spec.default === undefined && !spec.optional);
}

/** Names a `*` may match, where the loader restricts them. */
const MEMBER_NAMES: Readonly<Record<string, Schema>> = {
  'cost.deflators.*': { pattern: '^[0-9]{4}$' },
};

function nodeSchema(tree: Tree, ctx: Context): Schema {
  return tree.spec ? fieldSchema(tree.spec, tree.key, ctx) : groupSchema(tree, ctx, meaningOf(tree.key));
}

function groupSchema(tree: Tree, ctx: Context, description: string, extra: Schema = {}): Schema {
  const properties: Schema = {};
  let star: Tree | undefined;
  for (const [name, child] of tree.children) {
    if (name === '*') star = child;
    else properties[name] = nodeSchema(child, ctx);
  }
  const schema: Schema = { description, type: 'object', properties: { ...properties, ...extra } };
  schema.additionalProperties = star ? nodeSchema(star, ctx) : false;
  if (star && MEMBER_NAMES[star.key]) schema.propertyNames = MEMBER_NAMES[star.key];
  if (!ctx.partial) {
    const required = [...tree.children].filter(([name, child]) => name !== '*' && isRequired(child)).map(([name]) => name);
    if (required.length > 0) schema.required = required;
    const methods = methodRule(tree);
    if (methods) schema.anyOf = methods;
  }
  return schema;
}

/**
 * A chip gives exactly one all-in power method, complete: one branch per method, requiring
 * its fields and none of the other methods'. Undefined for a mapping without method fields.
 */
function methodRule(tree: Tree): Schema[] | undefined {
  const byMethod = new Map<string, string[]>();
  for (const [name, child] of tree.children) {
    if (child.spec?.method) byMethod.set(child.spec.method, [...(byMethod.get(child.spec.method) ?? []), name]);
  }
  if (byMethod.size < 2) return undefined;
  return [...byMethod].map(([method, keys]) => ({
    description: `all-in power by the ${method} method: ${keys.join(' with ')}`,
    required: keys,
    not: { anyOf: [...byMethod].filter(([other]) => other !== method).flatMap(([, others]) => others.map((key) => ({ required: [key] }))) },
  }));
}

// ---- files -----------------------------------------------------------------------------------

/** A whole file's schema: $schema, title, description, the body's keywords, then the `$defs` it used. */
function fileSchema(title: string, description: string, body: Schema, defs: Defs): Schema {
  const schema: Schema = { $schema: DRAFT, title, description };
  for (const [key, value] of Object.entries(body)) if (key !== 'description') schema[key] = value;
  if (defs.used.size > 0) schema.$defs = defs.sorted();
  return schema;
}

function baseFileSchema(file: YamlFile, shipped: ShippedFiles): Schema {
  const specs = FIELD_TABLE[file];
  const defs = new Defs();
  const ctx: Context = { defs, partial: false, shipped: (spec) => ({ values: shippedFor(shipped, file, spec, specs), where: file }) };
  const body = groupSchema(keyTree(specs), ctx, FILE_DESCRIPTIONS[file]);
  return fileSchema(`gwplan assumptions: ${file}`, FILE_DESCRIPTIONS[file], body, defs);
}

function siteSchema(shipped: ShippedFiles): Schema {
  const defs = new Defs();
  const sites = filesUnder(shipped, 'sites');
  const ctx: Context = {
    defs,
    partial: false,
    // One value per preset, named by its file.
    shipped: (spec) => ({
      values: sites.flatMap(({ name, file }) => shippedFor(shipped, file, spec, SITE_FIELDS).map((v) => ({ ...v, member: name }))),
      where: 'sites/*.yaml',
    }),
  };
  const body = groupSchema(keyTree(SITE_FIELDS), ctx, FILE_DESCRIPTIONS.site);
  return fileSchema('gwplan site preset: sites/<name>.yaml', FILE_DESCRIPTIONS.site, body, defs);
}

function scenarioSchema(shipped: ShippedFiles): Schema {
  const defs = new Defs();
  const baseShipped = (spec: FieldSpec) => {
    const file = FILE_OF_KEY.get(spec.key);
    if (!file) return { values: [], where: 'base' };
    return { values: shippedFor(shipped, file, spec, FIELD_TABLE[file]), where: `base, ${file}` };
  };
  const partial: Context = { defs, partial: true, shipped: baseShipped };
  const full: Context = { defs, partial: false, shipped: baseShipped };
  const chipTree = keyTree(FIELD_TABLE['chips.yaml']).children.get('chips')!.children.get('*')!;
  const chipPatch = { ...groupSchema(chipTree, partial, 'Fields of an existing chip to change; the others keep their values.'), minProperties: 1 };
  const chipAdd = groupSchema(chipTree, full, 'A new chip: every field, as in chips.yaml.');
  const cell: Schema = { type: ['string', 'number'] };
  const phaseEdit = (mode: 'patch' | 'add'): Schema => ({
    description: mode === 'patch' ? 'Columns of an existing phase to change (as phases.csv cells); the others keep their values.' : 'A new phase: at least energised_on, poi, chip and ramp (as phases.csv cells).',
    type: 'object',
    properties: Object.fromEntries(PHASE_EDIT_KEYS.map((key) => [key, key === 'confidence' ? defs.ref('confidence') : { description: PHASE_COLUMN_MEANINGS[key], ...cell }])),
    additionalProperties: false,
    ...(mode === 'add' ? { required: [...ADD_COLUMNS] } : { minProperties: 1 }),
  });
  const edits = (what: string, patch: Schema, add: Schema): Schema => ({
    description: `Changes to ${what}: patch (change existing ones) and add (new ones), each keyed by name.`,
    type: 'object',
    properties: Object.fromEntries(
      EDIT_KEYS.map((mode) => [mode, { description: `${mode === 'patch' ? 'Existing' : 'New'} ${what} by name.`, type: 'object', additionalProperties: mode === 'patch' ? patch : add }]),
    ),
    additionalProperties: false,
  });
  const top: Record<(typeof OVERLAY_TOP_KEYS)[number], Schema> = {
    extends: { description: 'The parent scenario: base, or the name of another file in scenarios/ (without .yaml).', type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    question: { description: 'The one-sentence question this scenario answers.', type: 'string', minLength: 1 },
    chips: edits('chips of the catalogue (chips.yaml)', chipPatch, chipAdd),
    phases: edits('phases (phases.csv)', phaseEdit('patch'), phaseEdit('add')),
    remove: {
      description: 'What to remove from the parent: phases.<name> or chips.<name>, or one optional column or field of one (phases.<name>.refresh_to, chips.<name>.power_ratio).',
      type: 'array',
      items: { type: 'string', pattern: '^(phases|chips)\\..+$' },
    },
  };
  const sections = groupSchema(keyTree(SECTION_SPECS), partial, FILE_DESCRIPTIONS.scenario, top);
  const body = { ...sections, required: ['extends', 'question'] };
  return fileSchema('gwplan scenario overlay: scenarios/<name>.yaml', FILE_DESCRIPTIONS.scenario, body, defs);
}

/**
 * The ways to write a distribution, inline in a value or in uncertainty.yaml: a type name, or
 * a mapping of `type:` and the keys `keysOf(type)` allows (nothing else).
 */
function distributionForms(keysOf: (type: (typeof DISTRIBUTION_TYPES)[number]) => Schema): Schema[] {
  return [
    { type: 'string', enum: [...DISTRIBUTION_TYPES] },
    ...DISTRIBUTION_TYPES.map((type) => ({
      type: 'object',
      properties: { type: { const: type, description: DISTRIBUTION_MEANINGS[type] }, ...keysOf(type) },
      additionalProperties: false,
      required: ['type'],
    })),
  ];
}

function uncertaintySchema(): Schema {
  const defs = new Defs();
  const parameter = (key: string) => (key === 'options' ? { description: PARAMETER_MEANINGS.options, type: 'object', additionalProperties: defs.ref('parameter') } : { ...defs.ref('parameter'), description: PARAMETER_MEANINGS[key] });
  const entry: Schema = {
    description:
      'A distribution for the input at this path (a record path as in manifest.json: chips.trainium3.tdp, phases.trn4-a.energised_on): a type name, or a mapping with type:, every parameter, and source, confidence, note. ' +
      DISTRIBUTION_TYPES.map((t) => `${t}: ${DISTRIBUTION_MEANINGS[t]} (${FILE_KEYS[t].join(', ') || 'no parameters'})`).join('; ') +
      '.',
    anyOf: distributionForms((type) => ({
      ...Object.fromEntries(FILE_KEYS[type].map((key) => [key, parameter(key)])),
      ...Object.fromEntries(PROVENANCE_KEYS.map((key) => [key, defs.ref(key)])),
    })),
  };
  const groupWords: Readonly<Record<(typeof GROUP_KEYS)[number], Schema>> = {
    inputs: { description: 'The paths correlated (at least two), in the order of the matrix rows.', type: 'array', minItems: 2, items: { type: 'string' } },
    matrix: { description: 'Spearman rank correlation matrix: symmetric, 1 on the diagonal, entries from -1 to 1, positive semi-definite.', type: 'array', items: { type: 'array', items: { type: ['number', 'string'] } } },
    source: defs.ref('source'),
    confidence: defs.ref('confidence'),
    note: defs.ref('note'),
  };
  const group: Schema = {
    description: 'A correlation group: inputs moving together, by rank (Iman-Conover).',
    type: 'object',
    properties: Object.fromEntries(GROUP_KEYS.map((key) => [key, groupWords[key]])),
    additionalProperties: false,
    required: ['inputs', 'matrix'],
  };
  const top: Readonly<Record<(typeof UNCERTAINTY_TOP_KEYS)[number], Schema>> = {
    inputs: { description: 'Distributions by input path: for phase dates (a shift) and chip choices, or to override (or turn off, with none) a value\'s own distribution.', type: ['object', 'null'], additionalProperties: entry },
    correlations: { description: 'Rank-correlation groups by name.', type: ['object', 'null'], additionalProperties: group },
  };
  const body: Schema = { type: 'object', properties: Object.fromEntries(UNCERTAINTY_TOP_KEYS.map((key) => [key, top[key]])), additionalProperties: false };
  return fileSchema('gwplan uncertainty inputs: uncertainty.yaml', FILE_DESCRIPTIONS['uncertainty.yaml'], body, defs);
}

function tolerancesSchema(): Schema {
  const defs = new Defs();
  const amount: Readonly<Record<(typeof TOLERANCE_FIELDS)[number], Schema>> = {
    relative: {
      description: 'A fraction of |committed| (1e-6 = 1 ppm); also written "5 ppm" or "0.1%". At least 0.',
      type: ['number', 'string'],
      minimum: 0,
      pattern: '^[+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?\\s*(%|ppm)?$',
    },
    absolute: {
      description: "In the value's own unit (MW, MWh, chips, ratio, ...). At least 0.",
      type: ['number', 'string'],
      minimum: 0,
      pattern: '^[+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$',
    },
  };
  const tolerance = (description: string): Schema => ({
    description,
    type: 'object',
    properties: Object.fromEntries(TOLERANCE_FIELDS.map((key) => [key, amount[key]])),
    additionalProperties: false,
    minProperties: 1,
  });
  const top: Readonly<Record<(typeof TOP_FIELDS)[number], Schema>> = {
    default: tolerance('The tolerance of every number without an override (built in: relative 1e-6, absolute 0).'),
    overrides: {
      description: 'Per metric or column: a summary.csv metric or column name applies wherever it appears; "file.csv/name" (annual.csv/water_m3) narrows it to one file. A field left out keeps the default.',
      type: ['object', 'null'],
      additionalProperties: tolerance('The tolerance of this metric or column.'),
    },
  };
  const body: Schema = { type: 'object', properties: Object.fromEntries(TOP_FIELDS.map((key) => [key, top[key]])), additionalProperties: false };
  return fileSchema('gwplan check tolerances: check-tolerances.yaml', FILE_DESCRIPTIONS['check-tolerances.yaml'], body, defs);
}

/** Every schema, by file name, as JSON text. */
export function generateSchemas(shipped: ShippedFiles): Map<string, string> {
  const schemas = new Map<string, Schema>();
  for (const file of YAML_FILES) schemas.set(schemaNameFor(file)!, baseFileSchema(file, shipped));
  schemas.set('uncertainty.schema.json', uncertaintySchema());
  schemas.set('check-tolerances.schema.json', tolerancesSchema());
  schemas.set('site.schema.json', siteSchema(shipped));
  schemas.set('scenario.schema.json', scenarioSchema(shipped));
  return new Map([...schemas].map(([name, schema]) => [name, `${JSON.stringify(schema, null, 2)}\n`]));
}
