/**
 * The shape of an output table: a fixed, ordered list of columns, each with
 * its name, unit, decimals and meaning. CSV text, the manifest's column list
 * and the column tables in docs/outputs.md are all rendered from these specs,
 * so they cannot disagree.
 */
import type { ModelResult } from '../results/types.js';
import { decimalsForUnit } from './decimals.js';

interface ColumnBase {
  /** snake_case header; quantities end in their unit (`_mw`, `_mwh`, `_tco2e`). */
  name: string;
  /** One sentence for docs/outputs.md. */
  description: string;
}

/** Names, dates and vocabulary words, written as they are (after the formula guard). */
export interface TextColumn<Row> extends ColumnBase {
  kind: 'text';
  get(row: Row): string;
}

/** A quantity with one unit and one rounding for every row. */
export interface NumberColumn<Row> extends ColumnBase {
  kind: 'number';
  /** A unit of the rounding rule (decimals.ts); the same words as summary.csv's `unit`. */
  unit: string;
  decimals: number;
  get(row: Row): number;
}

/** A cell whose unit is given per row (summary.csv `value`): text as is, numbers rounded by that unit. */
export interface UnitValueColumn<Row> extends ColumnBase {
  kind: 'unit-value';
  get(row: Row): number | string;
  decimalsFor(row: Row): number;
}

export type Column<Row> = TextColumn<Row> | NumberColumn<Row> | UnitValueColumn<Row>;

export interface TableSpec<Row> {
  file: string;
  /** What one row is; for docs/outputs.md. */
  description: string;
  columns: readonly Column<Row>[];
  rowsOf(result: ModelResult): readonly Row[];
}

/** A number column rounded by the unit rule (decimals.ts). */
export function quantity<Row>(spec: Omit<NumberColumn<Row>, 'kind' | 'decimals'>): NumberColumn<Row> {
  return { kind: 'number', ...spec, decimals: decimalsForUnit(spec.unit, `column ${spec.name}`) };
}

export function text<Row>(spec: Omit<TextColumn<Row>, 'kind'>): TextColumn<Row> {
  return { kind: 'text', ...spec };
}

/** What the manifest and the docs say about a column: `unit` '' for text, null (with `decimals`) when it varies by row. */
export interface ColumnInfo {
  name: string;
  unit: string | null;
  decimals: number | null;
  description: string;
}

export function columnInfo<Row>(column: Column<Row>): ColumnInfo {
  switch (column.kind) {
    case 'text':
      return { name: column.name, unit: '', decimals: null, description: column.description };
    case 'number':
      return { name: column.name, unit: column.unit, decimals: column.decimals, description: column.description };
    case 'unit-value':
      return { name: column.name, unit: null, decimals: null, description: column.description };
  }
}
