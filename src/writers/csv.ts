/**
 * Rows + a table spec -> CSV text: a header row, comma separated, LF line
 * ends with a final LF, fields quoted only when they must be (comma, quote,
 * CR/LF, byte-order mark, leading or trailing space; papaparse's rule, so
 * papaparse reads every file back as written). The text is returned as a JS
 * string and written as UTF-8 without a BOM (see docs/outputs.md).
 *
 * Written by hand rather than with papaparse's unparse: numbers, most of the
 * cells, are formatted here and never need quotes, so only text cells are
 * checked, once each; unparse checked every cell for five characters, which
 * was half of rendering the 10,000-row uncertainty tables.
 */
import type { Column, TableSpec } from './columns.js';
import { guardFormula } from './formulaGuard.js';
import { fixedText, formatFixed } from './number.js';

/** What rendering a CSV needs of a table: its file name and columns (rowsOf belongs to per-scenario tables). */
export type CsvTable<Row> = Pick<TableSpec<Row>, 'file' | 'columns'>;

const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

/** One field as CSV: quoted, with inner quotes doubled, only when it must be. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv<Row>(table: CsvTable<Row>, rows: readonly Row[]): string {
  const { columns } = table;
  let text = columns.map((column) => csvField(column.name)).join(',') + '\n';
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) text += ',';
      text += cellText(table, columns[c]!, row, index);
    }
    text += '\n';
  }
  return text;
}

function cellText<Row>(table: CsvTable<Row>, column: Column<Row>, row: Row, index: number): string {
  switch (column.kind) {
    case 'text':
      return csvField(guardFormula(column.get(row)));
    case 'number':
      return numberText(table, column, column.get(row), column.decimals, index);
    case 'unit-value': {
      const value = column.get(row);
      return typeof value === 'string' ? csvField(guardFormula(value)) : numberText(table, column, value, column.decimalsFor(row), index);
    }
  }
}

/** Digits, a point and a minus sign only: never quoted. A non-finite value is an internal fault, named by place. */
function numberText<Row>(table: CsvTable<Row>, column: Column<Row>, value: number, decimals: number, index: number): string {
  // Data row n is line n + 1 of the file: the header is line 1.
  return Number.isFinite(value) ? fixedText(value, decimals) : formatFixed(value, decimals, `${table.file} line ${index + 2} column ${column.name}`);
}

/** [path, CSV text] of a table's rows, the path inside `dir` when one is given (`uncertainty/percentiles.csv`). */
export function csvFile<Row>(table: CsvTable<Row>, rows: readonly Row[], dir?: string): [string, string] {
  return [dir === undefined ? table.file : `${dir}/${table.file}`, renderCsv(table, rows)];
}
