/**
 * assumptions/uncertainty.yaml (optional, base only): distributions for
 * inputs whose own cells cannot carry one (phase dates and chips), overrides
 * of inline distributions, and correlation groups. Read on its own here: the
 * syntax, the correlation matrices and the group memberships. Which paths
 * exist and what they may be is checked per scenario (uncertainInputs.ts).
 */
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { readChoice, readQuantity } from './assumptionValue.js';
import { readDistribution, type DistributionDecl } from './distributionSyntax.js';
import { CONFIDENCE } from './fieldTable.js';
import { Issues } from './issues.js';
import { nearest } from './suggest.js';
import type { SourceLocation } from './types.js';
import { nodeKind, scalarText, type YamlEntry, type YamlSource } from './yamlSource.js';

/** Its name in the assumptions directory. */
export const UNCERTAINTY_FILE = 'uncertainty.yaml';

export const TOP_KEYS = ['inputs', 'correlations'] as const;
export const GROUP_KEYS = ['inputs', 'matrix', 'source', 'confidence', 'note'] as const;
/** Entries of a correlation matrix within this of each other (symmetry) or of 1 (diagonal) are taken as equal. */
const MATRIX_TOLERANCE = 1e-12;
/** Cholesky pivots down to -this count as 0 (positive semi-definite, not definite). */
const PSD_TOLERANCE = 1e-10;

/** One `inputs:` entry; `decl` is undefined when it could not be read (reported). */
export interface UncertaintyEntry {
  path: string;
  keyAt: SourceLocation;
  decl: DistributionDecl | undefined;
}

export interface GroupDecl {
  name: string;
  at: SourceLocation;
  inputs: readonly { path: string; at: SourceLocation }[];
  /** The matrix, when valid; undefined when a problem with it or the group's inputs was reported. */
  matrix: readonly (readonly number[])[] | undefined;
}

export interface UncertaintyDecls {
  entries: readonly UncertaintyEntry[];
  groups: readonly GroupDecl[];
}

/** Read the file; every problem of the file on its own is reported. */
export function readUncertaintyFile(src: YamlSource, issues: Issues): UncertaintyDecls {
  const decls: { entries: UncertaintyEntry[]; groups: GroupDecl[] } = { entries: [], groups: [] };
  for (const top of src.entries(src.root, '', issues)) {
    if (top.key === 'inputs') decls.entries = readEntries(top, src, issues);
    else if (top.key === 'correlations') decls.groups = readGroups(top, src, issues);
    else issues.add('unknown_field', top.keyAt, top.key, { key: top.key, suggestion: nearest(top.key, TOP_KEYS), allowed: TOP_KEYS });
  }
  return decls;
}

function readEntries(top: YamlEntry, src: YamlSource, issues: Issues): UncertaintyEntry[] {
  if (nodeKind(top.value) === 'nothing') return [];
  if (!isMap(top.value)) {
    issues.add('wrong_type', src.valueAt(top), 'inputs', { found: nodeKind(top.value), expected: 'entries' });
    return [];
  }
  return src.entries(top.value, '', issues).map(({ key, keyAt, value }) => ({
    path: key,
    keyAt,
    decl: readDistribution(value, keyAt, key, src, issues, false),
  }));
}

function readGroups(top: YamlEntry, src: YamlSource, issues: Issues): GroupDecl[] {
  if (nodeKind(top.value) === 'nothing') return [];
  if (!isMap(top.value)) {
    issues.add('wrong_type', src.valueAt(top), 'correlations', { found: nodeKind(top.value), expected: 'groups' });
    return [];
  }
  const groups: GroupDecl[] = [];
  /** The group (and line) each path is first listed in. */
  const member = new Map<string, { group: string; line: number }>();
  for (const entry of src.entries(top.value, 'correlations', issues)) {
    const path = `correlations.${entry.key}`;
    if (!isMap(entry.value)) {
      issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'fields' });
      continue;
    }
    const fields = new Map<string, YamlEntry>();
    let usable = true;
    for (const field of src.entries(entry.value as YAMLMap, path, issues)) {
      if ((GROUP_KEYS as readonly string[]).includes(field.key)) fields.set(field.key, field);
      else {
        issues.add('unknown_field', field.keyAt, `${path}.${field.key}`, { key: field.key, suggestion: nearest(field.key, GROUP_KEYS), allowed: GROUP_KEYS });
        usable = false;
      }
    }
    usable = checkProvenance(fields, path, src, issues) && usable;
    for (const key of ['inputs', 'matrix'] as const) {
      if (!fields.has(key)) {
        issues.add('missing_field', entry.keyAt, `${path}.${key}`, { key, parent: entry.key, expected: key === 'inputs' ? 'paths' : 'matrix' });
        usable = false;
      }
    }
    const inputs = fields.has('inputs') ? readMembers(fields.get('inputs')!, entry.key, path, member, src, issues) : undefined;
    if (!inputs) usable = false;
    else if (inputs.length < 2) {
      issues.add('correlation_too_small', fields.get('inputs')!.keyAt, `${path}.inputs`);
      usable = false;
    }
    const matrix = inputs && fields.has('matrix') ? readMatrix(fields.get('matrix')!, inputs.length, `${path}.matrix`, src, issues) : undefined;
    groups.push({ name: entry.key, at: entry.keyAt, inputs: inputs ?? [], matrix: usable ? matrix : undefined });
  }
  return groups;
}

/** The group's input paths; a path listed twice, here or in an earlier group, is reported. */
function readMembers(
  field: YamlEntry,
  group: string,
  path: string,
  member: Map<string, { group: string; line: number }>,
  src: YamlSource,
  issues: Issues,
): { path: string; at: SourceLocation }[] | undefined {
  if (!isSeq(field.value)) {
    issues.add('wrong_type', src.valueAt(field), `${path}.inputs`, { found: nodeKind(field.value), expected: 'paths' });
    return undefined;
  }
  const inputs: { path: string; at: SourceLocation }[] = [];
  let usable = true;
  for (const item of field.value.items) {
    const at = src.at(item);
    if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
      issues.add('wrong_type', at, `${path}.inputs`, { found: nodeKind(item), expected: 'text' });
      usable = false;
      continue;
    }
    const written = String(item.value).trim();
    const first = member.get(written);
    if (first) {
      issues.add('correlation_overlap', at, written, { group: first.group, line: first.line, same: first.group === group });
      usable = false;
      continue;
    }
    member.set(written, { group, line: at.line });
    inputs.push({ path: written, at });
  }
  return usable ? inputs : undefined;
}

/** An n x n Spearman matrix: entries in [-1, 1], unit diagonal, symmetric, positive semi-definite. */
function readMatrix(field: YamlEntry, n: number, path: string, src: YamlSource, issues: Issues): number[][] | undefined {
  const at = src.valueAt(field);
  if (!isSeq(field.value) || field.value.items.some((row) => !isSeq(row))) {
    issues.add('wrong_type', at, path, { found: nodeKind(field.value), expected: 'matrix' });
    return undefined;
  }
  const rows = field.value.items as { items: unknown[] }[];
  const ragged = rows.findIndex((row) => row.items.length !== n);
  if (rows.length !== n || ragged >= 0) {
    const found = rows.length !== n ? `${rows.length} row${rows.length === 1 ? '' : 's'}` : `a matrix whose row ${ragged + 1} has ${rows[ragged]!.items.length} entr${rows[ragged]!.items.length === 1 ? 'y' : 'ies'}`;
    issues.add('matrix_shape', at, path, { inputs: n, found });
    return undefined;
  }
  const matrix: number[][] = [];
  const written: string[][] = [];
  let usable = true;
  rows.forEach((row, i) => {
    matrix.push([]);
    written.push([]);
    row.items.forEach((cell, j) => {
      const cellAt = src.at(cell);
      const text = isScalar(cell) ? scalarText(cell) : nodeKind(cell);
      const raw = isScalar(cell) && typeof cell.value === 'number' ? cell.value : isScalar(cell) && typeof cell.value === 'string' ? cell.value : undefined;
      const q = raw === undefined ? undefined : readQuantity(raw, text, [{ dimension: 'number', unit: '1' }], {}, cellAt, path, new Issues()); // one message per entry: matrix_entry
      if (!q || !(q.value >= -1 && q.value <= 1)) {
        issues.add('matrix_entry', cellAt, path, { written: text });
        usable = false;
      } else if (i === j && Math.abs(q.value - 1) > MATRIX_TOLERANCE) {
        issues.add('matrix_diagonal', cellAt, path, { written: text, row: i + 1 });
        usable = false;
      }
      matrix[i]!.push(q?.value ?? Number.NaN);
      written[i]!.push(text);
    });
  });
  if (!usable) return undefined;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(matrix[i]![j]! - matrix[j]![i]!) > MATRIX_TOLERANCE) {
        issues.add('matrix_symmetric', src.at(rows[i]!.items[j]), path, { row: i + 1, column: j + 1, value: written[i]![j]!, mirror: written[j]![i]! });
        usable = false;
      }
    }
  }
  if (!usable) return undefined;
  if (!positiveSemiDefinite(matrix)) {
    issues.add('matrix_not_psd', at, path);
    return undefined;
  }
  return matrix;
}

/** Cholesky with a tolerance: a pivot within PSD_TOLERANCE of 0 is a zero column (semi-definite). */
export function positiveSemiDefinite(a: readonly (readonly number[])[]): boolean {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = a[j]![j]!;
    for (let k = 0; k < j; k++) pivot -= l[j]![k]! * l[j]![k]!;
    if (pivot < -PSD_TOLERANCE) return false;
    const ljj = pivot > PSD_TOLERANCE ? Math.sqrt(pivot) : 0;
    l[j]![j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (ljj === 0) {
        // A zero pivot leaves nothing to explain the rest of this column with.
        if (Math.abs(s) > Math.sqrt(PSD_TOLERANCE)) return false;
      } else l[i]![j] = s / ljj;
    }
  }
  return true;
}

function checkProvenance(fields: ReadonlyMap<string, YamlEntry>, path: string, src: YamlSource, issues: Issues): boolean {
  let usable = true;
  for (const key of ['source', 'confidence', 'note'] as const) {
    const entry = fields.get(key);
    if (!entry) continue;
    if (!isScalar(entry.value) || entry.value.value === null || typeof entry.value.value === 'object') {
      issues.add('wrong_type', src.valueAt(entry), `${path}.${key}`, { found: nodeKind(entry.value), expected: 'text' });
      usable = false;
    } else if (key === 'confidence' && !readChoice(CONFIDENCE, String(entry.value.value), src.at(entry.value), `${path}.confidence`, issues)) {
      usable = false;
    }
  }
  return usable;
}
