/** A parsed YAML assumption file whose nodes know their line and column. */
import { LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import type { Issues } from './issues.js';
import type { SourceLocation } from './types.js';

/** What a YAML node is, to say what was found where something else was expected. */
export type NodeKind = 'mapping' | 'list' | 'alias' | 'value' | 'nothing';

export interface YamlEntry {
  key: string;
  keyAt: SourceLocation;
  /** The value node; null when the key has no value. */
  value: unknown;
}

export class YamlSource {
  constructor(
    readonly file: string,
    readonly root: YAMLMap,
    private readonly lines: LineCounter,
  ) {}

  /** Location of a node's first character. */
  at(node: unknown): SourceLocation {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** Where an entry's value is written; its key when it has no value. */
  valueAt(entry: YamlEntry): SourceLocation {
    return isNode(entry.value) ? this.at(entry.value) : entry.keyAt;
  }

  /** The entries of a mapping. A repeated key is reported and only its first value kept. */
  entries(map: YAMLMap, path: string, issues: Issues): YamlEntry[] {
    const entries = new Map<string, YamlEntry>();
    for (const pair of map.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const keyAt = pair.key ? this.at(pair.key) : this.at(map);
      const first = entries.get(key);
      if (first) issues.add('duplicate_key', keyAt, joinPath(path, key), { key, firstLine: first.keyAt.line });
      else entries.set(key, { key, keyAt, value: pair.value });
    }
    return [...entries.values()];
  }
}

/**
 * Parse a YAML file whose top level must be a mapping. Syntax errors and an
 * empty file are reported (an empty file not when `emptyCode` is 'none'); the
 * result is undefined when nothing can be read.
 */
export function parseYaml(
  text: string,
  file: string,
  issues: Issues,
  emptyCode: 'empty_file' | 'empty_scenario' | 'none' = 'empty_file',
): YamlSource | undefined {
  const lines = new LineCounter();
  // Repeated keys are found by YamlSource.entries, which can say where the first one is.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const start = { file, line: 1, column: 1 };
  const [error] = doc.errors;
  if (error) {
    // Later syntax errors are mostly echoes of the first: report that one.
    const { line, col } = lines.linePos(error.pos[0]);
    issues.add('malformed_yaml', { file, line, column: col }, '', { detail: error.message });
    return undefined;
  }
  if (doc.contents === null) {
    // 'none': an optional file may be empty (or only comments).
    if (emptyCode !== 'none') issues.add(emptyCode, start, '');
    return undefined;
  }
  if (!isMap(doc.contents)) {
    issues.add('wrong_type', start, '', { found: nodeKind(doc.contents), expected: 'fields' });
    return undefined;
  }
  return new YamlSource(file, doc.contents, lines);
}

export function nodeKind(node: unknown): NodeKind {
  if (isMap(node)) return 'mapping';
  if (isSeq(node)) return 'list';
  if (isAlias(node)) return 'alias';
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) return 'nothing';
  return 'value';
}

/** A scalar exactly as written (a YAML number keeps its spelling, e.g. `1.0`). */
export function scalarText(node: Scalar): string {
  return node.source ?? String(node.value);
}

export function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
