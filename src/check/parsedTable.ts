/** A CSV file as header + rows of cell text, parsed with papaparse (for `gwplan check`). */
import Papa from 'papaparse';

export interface ParsedTable {
  header: string[];
  rows: string[][];
  /** Problems papaparse found (unbalanced quotes), with the 1-based line near them. */
  problems: { line: number; message: string }[];
}

/** Parses CSV text; never throws. A byte-order mark (Excel's "CSV UTF-8") is dropped. */
export function parseCsvTable(text: string): ParsedTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, delimiter: ',', skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  // papaparse's `row` is the data index; the file's line is one more (the header is index 0).
  const problems = parsed.errors.map((error) => ({ line: (error.row ?? 0) + 1, message: error.message }));
  return { header, rows, problems };
}
