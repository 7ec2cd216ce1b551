/**
 * A validator for the subset of JSON Schema (draft-07) that src/schema/generateSchemas.ts
 * uses, so tests can check the shipped YAML files against the generated schemas without a
 * dependency. A keyword it does not know throws: a schema can never use something this
 * validator silently ignores.
 */

export type JsonSchema = Record<string, unknown>;

export interface SchemaError {
  /** Where in the instance: `facility.desing_pue`, `chips.trainium3.tdp.value`; '' for the root. */
  path: string;
  message: string;
}

/** Keywords that only annotate. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs', 'default', 'examples', '$comment']);
const KNOWN = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'required',
  'minProperties',
  'items',
  'minItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'pattern',
  'anyOf',
  'allOf',
  'not',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Every error of `instance` against `schema` (the root holding `$defs`); [] when it validates. */
export function validate(instance: unknown, schema: JsonSchema, root: JsonSchema = schema, path = ''): SchemaError[] {
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !KNOWN.has(key)) throw new Error(`jsonSchemaSubset: keyword "${key}" at ${path || '(root)'} is not supported`);
  }
  if (typeof schema.$ref === 'string') {
    const match = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
    const target = match ? (root.$defs as Record<string, JsonSchema> | undefined)?.[match[1]!] : undefined;
    if (!target) throw new Error(`jsonSchemaSubset: cannot resolve ${schema.$ref}`);
    return validate(instance, target, root, path);
  }
  const errors: SchemaError[] = [];
  const fail = (message: string, at = path) => errors.push({ path: at, message });

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((type) => hasType(instance, type))) {
      fail(`is ${typeOf(instance)}; expected ${types.join(' or ')}`);
      return errors;
    }
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(instance)) fail(`"${String(instance)}" is not one of ${(schema.enum as unknown[]).join(', ')}`);
  if (schema.const !== undefined && instance !== schema.const) fail(`is "${String(instance)}"; expected "${String(schema.const)}"`);

  if (typeof instance === 'number') {
    if (typeof schema.minimum === 'number' && instance < schema.minimum) fail(`${instance} is below the minimum ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && instance > schema.maximum) fail(`${instance} is above the maximum ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === 'number' && instance <= schema.exclusiveMinimum) fail(`${instance} is not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === 'number' && instance >= schema.exclusiveMaximum) fail(`${instance} is not below ${schema.exclusiveMaximum}`);
  }
  if (typeof instance === 'string') {
    if (typeof schema.minLength === 'number' && instance.length < schema.minLength) fail(`is shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(instance)) fail(`"${instance}" does not match ${schema.pattern}`);
  }
  if (Array.isArray(instance)) {
    if (typeof schema.minItems === 'number' && instance.length < schema.minItems) fail(`has ${instance.length} items; expected at least ${schema.minItems}`);
    if (schema.items !== undefined) instance.forEach((item, i) => errors.push(...validate(item, schema.items as JsonSchema, root, `${path}[${i}]`)));
  }
  if (typeOf(instance) === 'object') {
    const object = instance as Record<string, unknown>;
    const keys = Object.keys(object);
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) fail(`misses required "${key}"`);
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) fail(`has ${keys.length} keys; expected at least ${schema.minProperties}`);
    const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    const patterns = Object.entries((schema.patternProperties as Record<string, JsonSchema> | undefined) ?? {});
    for (const key of keys) {
      if (schema.propertyNames !== undefined) errors.push(...validate(key, schema.propertyNames as JsonSchema, root, join(path, key)));
      let matched = false;
      if (key in properties) {
        matched = true;
        errors.push(...validate(object[key], properties[key]!, root, join(path, key)));
      }
      for (const [pattern, sub] of patterns) {
        if (!new RegExp(pattern, 'u').test(key)) continue;
        matched = true;
        errors.push(...validate(object[key], sub, root, join(path, key)));
      }
      if (matched || schema.additionalProperties === undefined || schema.additionalProperties === true) continue;
      if (schema.additionalProperties === false) fail(`unknown key "${key}"; expected one of: ${[...Object.keys(properties), ...patterns.map(([p]) => p)].join(', ')}`, join(path, key));
      else errors.push(...validate(object[key], schema.additionalProperties as JsonSchema, root, join(path, key)));
    }
  }
  for (const sub of (schema.allOf as JsonSchema[] | undefined) ?? []) errors.push(...validate(instance, sub, root, path));
  if (schema.anyOf !== undefined) {
    const branches = (schema.anyOf as JsonSchema[]).map((sub) => validate(instance, sub, root, path));
    if (!branches.some((branch) => branch.length === 0)) {
      // Report the branch the writer most likely meant: one whose type fits (a mapping for a
      // value record), then the one with the fewest errors.
      const score = (branch: SchemaError[]) => (branch.some((e) => e.path === path && e.message.startsWith('is ')) ? 1e6 : 0) + branch.length;
      const closest = branches.reduce((a, b) => (score(b) < score(a) ? b : a));
      errors.push(...closest);
      if (closest.length === 0) fail('matches none of the allowed forms');
    }
  }
  if (schema.not !== undefined && validate(instance, schema.not as JsonSchema, root, path).length === 0) fail('has a combination of keys that is not allowed');
  return errors;
}
