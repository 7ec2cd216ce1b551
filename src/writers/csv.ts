/**
 * Rows + a table spec -> CSV text: a header row, comma separated, LF line
 * ends with a final LF, fields quoted only when they must be (comma, quote,
 * CR/LF, leading or trailing space). The text is returned as a JS string and
 * written as UTF-8 without a BOM (see docs/outputs.md).
 */
import Papa from 'papaparse';
import type { Column, TableSpec } from './columns.js';

/** What rendering a CSV needs of a table: its file name and columns (rowsOf belongs to per-scenario tables). */
export type CsvTable<Row> = Pick<TableSpec<Row>, 'file' | 'columns'>;
import { guardFormula } from './formulaGuard.js';
import { formatFixed } from './number.js';

export function renderCsv<Row>(table: CsvTable<Row>, rows: readonly Row[]): string {
  const fields = table.columns.map((column) => column.name);
  const data = rows.map((row, index) =>
    // Data row n is line n + 1 of the file: the header is line 1.
    table.columns.map((column) => cellText(column, row, `${table.file} line ${index + 2} column ${column.name}`)),
  );
  // Every cell is already a string, so papaparse only quotes and joins; its own
  // formula escaping would also hit negative numbers, hence guardFormula. The
  // header goes in as a row: given as `fields`, no rows would add a blank line.
  const body = Papa.unparse([fields, ...data], { delimiter: ',', newline: '\n', quotes: false, escapeFormulae: false });
  return `${body}\n`;
}

function cellText<Row>(column: Column<Row>, row: Row, where: string): string {
  switch (column.kind) {
    case 'text':
      return guardFormula(column.get(row));
    case 'number':
      return formatFixed(column.get(row), column.decimals, where);
    case 'unit-value': {
      const value = column.get(row);
      return typeof value === 'string' ? guardFormula(value) : formatFixed(value, column.decimalsFor(row), where);
    }
  }
}

/** [path, CSV text] of a table's rows, the path inside `dir` when one is given (`uncertainty/percentiles.csv`). */
export function csvFile<Row>(table: CsvTable<Row>, rows: readonly Row[], dir?: string): [string, string] {
  return [dir === undefined ? table.file : `${dir}/${table.file}`, renderCsv(table, rows)];
}
