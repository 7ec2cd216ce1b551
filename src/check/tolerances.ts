/**
 * assumptions/check-tolerances.yaml: how far a recomputed output value may be
 * from the committed one before `gwplan check` calls it a breach. Parsed with
 * the loader's YAML machinery, so every problem is reported as
 * `file:line:col path: message`, all of them in one pass.
 *
 *   default:    { relative: 1e-6, absolute: 0 }
 *   overrides:  { <name> | <file.csv>/<name>: { relative?, absolute? } }
 *
 * A value passes when |recomputed - committed| <= max(absolute, relative x |committed|).
 */
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { Issues } from '../loader/issues.js';
import { nearest } from '../loader/suggest.js';
import type { InputIssue, SourceLocation } from '../loader/types.js';
import { joinPath, nodeKind, parseYaml, scalarText, type NodeKind, type YamlEntry, type YamlSource } from '../loader/yamlSource.js';

export const TOLERANCES_FILE = 'check-tolerances.yaml';

export interface Tolerance {
  /** Fraction of |committed| (1e-6 = 1 ppm). */
  relative: number;
  /** In the value's own unit. */
  absolute: number;
}

export interface Tolerances {
  default: Tolerance;
  /** Keyed `name` (any file) or `file.csv/name` (that file only). */
  overrides: ReadonlyMap<string, Tolerance>;
}

/** Used when a field, or the whole file, is left out. */
export const BUILT_IN_TOLERANCE: Tolerance = { relative: 1e-6, absolute: 0 };
export const DEFAULT_TOLERANCES: Tolerances = { default: BUILT_IN_TOLERANCE, overrides: new Map() };

/** Per CSV file: names compared as numbers (columns; summary.csv: metrics) and names compared exactly as text. */
export interface TolerableNames {
  numeric: ReadonlyMap<string, ReadonlySet<string>>;
  text: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Per file, numeric names not known in advance: summary.csv's tranche metrics, named after
   * each cost.yaml's tranches. A name matching a family is accepted whether or not any
   * scenario has such a tranche.
   */
  families?: ReadonlyMap<string, readonly NameFamily[]>;
}

/** Numeric names of one form, such as `tranche_<name>_share_of_full_buildout_capex`. */
export interface NameFamily {
  /** A name starting with this is meant as one of the family. */
  prefix: string;
  /** How to write one, for the message on a name with the prefix that does not match. */
  help: string;
  matches(name: string): boolean;
}

export type TolerancesOutcome = { ok: true; tolerances: Tolerances } | { ok: false; errors: InputIssue[] };

export const TOP_FIELDS = ['default', 'overrides'] as const;
export const TOLERANCE_FIELDS = ['relative', 'absolute'] as const;

/** The tolerance for `metric` (a column, or a summary.csv metric) in `file`: file-specific override, then by name, then the default. */
export function toleranceFor(tolerances: Tolerances, file: string, metric: string): Tolerance {
  return tolerances.overrides.get(`${file}/${metric}`) ?? tolerances.overrides.get(metric) ?? tolerances.default;
}

/** The largest |recomputed - committed| that passes. */
export function allowedDelta(tolerance: Tolerance, committed: number): number {
  return Math.max(tolerance.absolute, tolerance.relative * Math.abs(committed));
}

/** Parses the text of the tolerances file, shown to the user as `shownFile`. */
export function parseTolerances(text: string, shownFile: string, names: TolerableNames): TolerancesOutcome {
  const issues = new Issues();
  const errors: InputIssue[] = [];
  const report = (at: SourceLocation, path: string, message: string) =>
    errors.push({ severity: 'error', code: 'bad_tolerance', at, path, message });

  const src = parseYaml(text, shownFile, issues);
  let base = BUILT_IN_TOLERANCE;
  const overrides = new Map<string, Tolerance>();
  if (src) {
    const top = entriesOf(src, src.root, '', TOP_FIELDS, issues);
    const defaultEntry = top.get('default');
    if (defaultEntry) base = readTolerance(src, defaultEntry, 'default', BUILT_IN_TOLERANCE, issues, report) ?? base;
    const overridesEntry = top.get('overrides');
    const overridesMap = overridesEntry && mappingOf(src, overridesEntry, 'overrides', issues, true);
    if (overridesMap) {
      for (const entry of src.entries(overridesMap, 'overrides', issues)) {
        const path = joinPath('overrides', entry.key);
        if (!checkName(entry.key, names, entry.keyAt, path, report)) continue;
        const tolerance = readTolerance(src, entry, path, base, issues, report);
        if (tolerance) overrides.set(entry.key, tolerance);
      }
    }
  }
  const all = [...issues.errors, ...errors].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  if (all.length > 0) return { ok: false, errors: all };
  return { ok: true, tolerances: { default: base, overrides } };
}

type Report = (at: SourceLocation, path: string, message: string) => void;

/** The entries of a mapping, unknown keys reported with a suggestion. */
function entriesOf(src: YamlSource, map: YAMLMap, path: string, allowed: readonly string[], issues: Issues): Map<string, YamlEntry> {
  const known = new Map<string, YamlEntry>();
  for (const entry of src.entries(map, path, issues)) {
    if (allowed.includes(entry.key)) known.set(entry.key, entry);
    else issues.add('unknown_field', entry.keyAt, joinPath(path, entry.key), { key: entry.key, suggestion: nearest(entry.key, allowed), allowed });
  }
  return known;
}

/** The entry's value as a mapping; reported and undefined otherwise (an empty value is no mapping unless `emptyOk`). */
function mappingOf(src: YamlSource, entry: YamlEntry, path: string, issues: Issues, emptyOk = false): YAMLMap | undefined {
  if (isMap(entry.value)) return entry.value;
  const kind = nodeKind(entry.value);
  if (!(emptyOk && kind === 'nothing')) issues.add('wrong_type', src.valueAt(entry), path, { found: kind, expected: 'fields' });
  return undefined;
}

function readTolerance(src: YamlSource, entry: YamlEntry, path: string, fallback: Tolerance, issues: Issues, report: Report): Tolerance | undefined {
  const map = mappingOf(src, entry, path, issues);
  if (!map) return undefined;
  const fields = entriesOf(src, map, path, TOLERANCE_FIELDS, issues);
  if (fields.size === 0) {
    report(src.valueAt(entry), path, 'gives neither "relative:" nor "absolute:"; give at least one (the other keeps its default).');
    return undefined;
  }
  const tolerance = { ...fallback };
  let ok = true;
  for (const field of TOLERANCE_FIELDS) {
    const fieldEntry = fields.get(field);
    if (!fieldEntry) continue;
    const value = readAmount(src, fieldEntry, field, joinPath(path, field), report);
    if (value === undefined) ok = false;
    else tolerance[field] = value;
  }
  return ok ? tolerance : undefined;
}

const KIND_WORDS: Readonly<Record<NodeKind, string>> = { mapping: 'a mapping', list: 'a list', alias: 'an alias', value: 'a value', nothing: 'nothing' };

const EXAMPLES = {
  relative: 'such as 1e-6, "5 ppm" or "0.1%"',
  absolute: "in the value's own unit (MW, MWh, chips, ...), such as 0.001",
} as const;

/** A non-negative number; `relative` may also be written with `%` or `ppm`. */
function readAmount(src: YamlSource, entry: YamlEntry, field: 'relative' | 'absolute', path: string, report: Report): number | undefined {
  const at = src.valueAt(entry);
  if (!isScalar(entry.value) || entry.value.value === null) {
    report(at, path, `found ${KIND_WORDS[nodeKind(entry.value)]}; expected a number at least 0 ${EXAMPLES[field]}.`);
    return undefined;
  }
  const written = scalarText(entry.value).trim();
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%|ppm)?$/.exec(written);
  if (!match || (match[2] !== undefined && field === 'absolute')) {
    report(at, path, `"${written}" is not a tolerance; write a number at least 0 ${EXAMPLES[field]}.`);
    return undefined;
  }
  // Divide (correctly rounded), so "5 ppm" is exactly the double 5e-6.
  const value = Number(match[1]) / (match[2] === '%' ? 100 : match[2] === 'ppm' ? 1e6 : 1);
  if (!Number.isFinite(value) || value < 0) {
    report(at, path, `"${written}" is out of range; expected a number at least 0 ${EXAMPLES[field]}.`);
    return undefined;
  }
  return value;
}

/** An override names a number column or summary metric, optionally as `file.csv/name`. */
function checkName(key: string, names: TolerableNames, at: SourceLocation, path: string, report: Report): boolean {
  const files = [...names.numeric.keys()];
  const familiesOf = (scope: readonly string[]) => scope.flatMap((f) => [...(names.families?.get(f) ?? [])]);
  // `file.csv/name` or `name` (tranche names are snake_case, so no metric name holds a '/').
  const slash = key.indexOf('/');
  const file = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (file !== undefined && !names.numeric.has(file)) {
    const suggestion = nearest(file, files);
    report(at, path, `unknown file "${file}"; ${suggestion ? `did you mean "${suggestion}"?` : `expected one of: ${files.join(', ')}.`}`);
    return false;
  }
  const scope = file === undefined ? files : [file];
  const numeric = scope.flatMap((f) => [...(names.numeric.get(f) ?? [])]);
  if (numeric.includes(name)) return true;
  const families = familiesOf(scope);
  if (families.some((family) => family.matches(name))) return true;
  if (scope.some((f) => names.text.get(f)?.has(name))) {
    report(at, path, `"${name}" is text (or a row key), which is always compared exactly; remove this override.`);
    return false;
  }
  const meant = families.find((family) => name.startsWith(family.prefix));
  if (meant) {
    report(at, path, `unknown name "${name}"; ${meant.help}`);
    return false;
  }
  const suggestion = nearest(name, numeric);
  const where = file === undefined ? 'a number column of any output CSV or a summary.csv metric' : `a number column of ${file}`;
  report(at, path, `unknown name "${name}"; ${suggestion ? `did you mean "${file === undefined ? '' : `${file}/`}${suggestion}"?` : `expected ${where}.`}`);
  return false;
}
