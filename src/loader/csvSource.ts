/** A parsed CSV assumption file whose cells know their line and column. */
import Papa from 'papaparse';
import type { Issues } from './issues.js';
import type { SourceLocation } from './types.js';

export interface CsvCell {
  /** Unquoted, trimmed text. */
  text: string;
  at: SourceLocation;
}

export interface CsvTable {
  header: CsvCell[];
  /** Data rows with as many cells as the header; blank lines are skipped. */
  rows: CsvCell[][];
}

/**
 * Parse a CSV file with a header line. Malformed rows (bad quotes, wrong
 * number of cells) are reported and left out; undefined for an empty file.
 */
export function parseCsv(text: string, file: string, issues: Issues): CsvTable | undefined {
  // Papa strips a byte-order mark itself, which would shift every offset on line 1.
  const body = text.replace(/^\uFEFF/, '');
  const locate = locator(body, file);
  const rows: CsvCell[][] = [];
  let start = 0;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    step: ({ data, errors, meta }) => {
      const rowStart = start;
      start = meta.cursor;
      const [error] = errors; // one bad quote can be reported several times
      if (error) issues.add('malformed_csv', locate(error.index ?? rowStart), '', { detail: error.message });
      if (error || (data.length === 1 && data[0]!.trim() === '')) return;
      const starts = cellStarts(body.slice(rowStart, meta.cursor));
      // A cell the scan missed (it cannot, but a location must never be NaN) points at the row.
      rows.push(data.map((cell, i) => ({ text: cell.trim(), at: locate(rowStart + (starts[i] ?? 0)) })));
    },
  });
  const [header, ...data] = rows;
  if (!header) {
    if (body.trim() === '') issues.add('empty_file', locate(0), '');
    return undefined;
  }
  const complete = data.filter((row) => {
    if (row.length === header.length) return true;
    issues.add('column_count', row[0]!.at, '', { found: row.length, expected: header.length });
    return false;
  });
  return { header, rows: complete };
}

/**
 * Where each cell's text starts in a row's text, by Papa's rule: a quote opens a quoted
 * cell only as the cell's first character (`a "b",c` has a literal quote), and commas
 * inside a quoted cell do not separate cells.
 */
function cellStarts(rowText: string): number[] {
  const commas = [-1];
  let i = 0;
  while (i < rowText.length) {
    if (rowText[i] === '"') {
      // A quoted cell ends at a quote not doubled ("" is an escaped quote).
      i++;
      while (i < rowText.length && !(rowText[i] === '"' && rowText[++i] !== '"')) i++;
    }
    while (i < rowText.length && rowText[i] !== ',') i++;
    if (i < rowText.length) commas.push(i++);
  }
  // Past the comma and any blanks, as cells are trimmed.
  return commas.map((comma) => comma + 1 + /^[ \t]*/.exec(rowText.slice(comma + 1))![0].length);
}

/** Offset → 1-based line and column. */
function locator(text: string, file: string): (offset: number) => SourceLocation {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { file, line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}
