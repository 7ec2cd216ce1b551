/**
 * Walks a YAML file against its field-table rows: reads every field present,
 * reports unknown keys (with the nearest valid name), missing required fields,
 * and fills defaults.
 */
import { isMap, type YAMLMap } from 'yaml';
import { defaultReading, expectedOf, readValue, type Reading } from './assumptionValue.js';
import type { FieldSpec } from './fieldTable.js';
import type { Issues } from './issues.js';
import { nearest } from './suggest.js';
import type { SourceLocation } from './types.js';
import { joinPath, nodeKind, type YamlSource } from './yamlSource.js';

export interface FieldValues {
  /** Valid readings by path as written, e.g. `chips.trainium3.tdp`. */
  readings: Map<string, Reading>;
  /** Where each key present in the file is written, by path. */
  keyAt: Map<string, SourceLocation>;
  /** Keys matched by `*`, in file order, by parent path (chip names under `chips`). */
  members: Map<string, string[]>;
}

/** The table's keys as a tree; a leaf carries its row. */
interface KeyTree {
  spec?: FieldSpec;
  children: Map<string, KeyTree>;
}

export interface ReadOptions {
  /** The mapping to walk (default: the file's top level), and where it is written. */
  map?: YAMLMap;
  mapAt?: SourceLocation;
  /** Path of `map` among the field-table keys, e.g. `chips` for an overlay's `chips: patch:` mapping. */
  prefix?: string;
  /** Overlay mode: any field may be absent; absent fields are neither reported nor defaulted. */
  partial?: boolean;
  /** Keys of `map` the caller reads itself: not reported as unknown, and offered as suggestions. */
  otherKeys?: readonly string[];
  /** A better explanation than "unknown field" for a key of `map`; returns true when it reported one. */
  explainUnknown?: (key: string, keyAt: SourceLocation) => boolean;
}

export function readFields(src: YamlSource, specs: readonly FieldSpec[], issues: Issues, opts: ReadOptions = {}): FieldValues {
  const values: FieldValues = { readings: new Map(), keyAt: new Map(), members: new Map() };
  const prefix = opts.prefix ?? '';
  let tree: KeyTree | undefined = keyTree(specs);
  for (const part of prefix ? prefix.split('.') : []) tree = tree?.children.get(part);
  if (!tree) throw new Error(`field table: no keys under "${prefix}"`);
  const mapAt = opts.mapAt ?? { file: src.file, line: 1, column: 1 };
  walk(opts.map ?? src.root, tree, prefix, mapAt, { src, issues, values, opts, top: opts.map ?? src.root });
  return values;
}

interface Walk {
  src: YamlSource;
  issues: Issues;
  values: FieldValues;
  opts: ReadOptions;
  /** The mapping the walk started at, where `otherKeys` apply. */
  top: YAMLMap;
}

function walk(map: YAMLMap, tree: KeyTree, prefix: string, mapAt: SourceLocation, ctx: Walk): void {
  const { src, issues, values, opts } = ctx;
  const atTop = map === ctx.top;
  // Keys present, and keys suggested for a misspelt one (whose absence is then not reported twice).
  const accounted = new Set<string>();
  for (const { key, keyAt, value } of src.entries(map, prefix, issues)) {
    const path = joinPath(prefix, key);
    const child = tree.children.get(key) ?? tree.children.get('*');
    if (atTop && opts.otherKeys?.includes(key)) continue;
    if (!child) {
      if (atTop && opts.explainUnknown?.(key, keyAt)) continue;
      const allowed = [...tree.children.keys(), ...(atTop ? (opts.otherKeys ?? []) : [])];
      const suggestion = nearest(key, allowed);
      issues.add('unknown_field', keyAt, path, { key, suggestion, allowed });
      if (suggestion) accounted.add(suggestion);
      continue;
    }
    accounted.add(key);
    values.keyAt.set(path, keyAt);
    if (!tree.children.has(key)) {
      // Matched by `*`: a member such as a chip name.
      values.members.set(prefix, [...(values.members.get(prefix) ?? []), key]);
    }
    if (child.spec) {
      const reading = readValue(value, keyAt, child.spec, path, src, issues);
      if (reading) values.readings.set(path, reading);
    } else if (isMap(value)) {
      walk(value, child, path, keyAt, ctx);
    } else {
      issues.add('wrong_type', src.valueAt({ key, keyAt, value }), path, { found: nodeKind(value), expected: 'fields' });
    }
  }
  if (opts.partial) return;
  for (const [key, child] of tree.children) {
    if (key !== '*' && !accounted.has(key)) absent(child, key, prefix, mapAt, ctx);
  }
}

/** An absent key: one error if anything under it is required, else its defaults. */
function absent(tree: KeyTree, key: string, prefix: string, parentAt: SourceLocation, { issues, values }: Walk): void {
  const specs = leaves(tree);
  if (specs.some((s) => s.default === undefined && !s.optional)) {
    const spec = tree.spec;
    issues.add('missing_field', parentAt, joinPath(prefix, key), {
      key,
      parent: prefix.split('.').pop() ?? '',
      ...(spec && expectedOf(spec)),
    });
    return;
  }
  for (const spec of specs) {
    if (spec.default !== undefined) values.readings.set(spec.key, defaultReading(spec, spec.key, parentAt));
  }
}

function leaves(tree: KeyTree): FieldSpec[] {
  return tree.spec ? [tree.spec] : [...tree.children.values()].flatMap(leaves);
}

function keyTree(specs: readonly FieldSpec[]): KeyTree {
  const root: KeyTree = { children: new Map() };
  for (const spec of specs) {
    let node = root;
    for (const part of spec.key.split('.')) {
      let child = node.children.get(part);
      if (!child) node.children.set(part, (child = { children: new Map() }));
      node = child;
    }
    node.spec = spec;
  }
  return root;
}
