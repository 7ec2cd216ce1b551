import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/loader/csvSource.js';
import { Issues } from '../../src/loader/issues.js';
import { formatIssue } from '../../src/loader/types.js';

const FILE = 'assumptions/phases.csv';

function parse(text: string) {
  const issues = new Issues();
  const table = parseCsv(text, FILE, issues);
  const where = (cells: { text: string; at: { line: number; column: number } }[]) =>
    cells.map((c) => `${c.at.line}:${c.at.column} ${c.text}`);
  return { header: table && where(table.header), rows: table?.rows.map(where), errors: issues.errors.map(formatIssue) };
}

describe('parseCsv', () => {
  it('locates every cell, quoted cells with commas and "" included', () => {
    const { header, rows, errors } = parse('name,source,poi\na,"x, ""y"", z",250 MW\n');
    expect(errors).toEqual([]);
    expect(header).toEqual(['1:1 name', '1:6 source', '1:13 poi']);
    expect(rows).toEqual([['2:1 a', '2:3 x, "y", z', '2:17 250 MW']]);
  });

  it('reads a quote that does not open its cell as a literal, as Papa does, and still locates every cell', () => {
    // Found by the fuzz test: ` ",` gave the second cell a NaN column.
    expect(parse(' ",\n').header).toEqual(['1:2 "', '1:4 ']);
    const { rows, errors } = parse('name,source,poi\na,12" rack,1 MW\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([['2:1 a', '2:3 12" rack', '2:12 1 MW']]);
  });

  it('follows a line break inside a quoted cell', () => {
    const { rows } = parse('name,source,poi\na,"two\nlines",1 MW\nb,,2 MW\n');
    expect(rows).toEqual([
      ['2:1 a', '2:3 two\nlines', '3:8 1 MW'],
      ['4:1 b', '4:3 ', '4:4 2 MW'],
    ]);
  });

  it('handles CRLF, a byte-order mark, blank lines and trimmed cells', () => {
    const { header, rows } = parse('\uFEFFname,poi\r\n\r\n a , 1 MW\r\n');
    expect(header).toEqual(['1:1 name', '1:6 poi']);
    expect(rows).toEqual([['3:2 a', '3:6 1 MW']]);
  });

  it('reports a row with the wrong number of cells and leaves it out', () => {
    const { rows, errors } = parse('name,poi\na,1 MW,extra\nb,2 MW\n');
    expect(rows).toEqual([['3:1 b', '3:3 2 MW']]);
    expect(errors).toEqual([
      `${FILE}:2:1 this row has 3 cells but the header has 2 columns; check for a missing or extra comma (quote text that contains commas).`,
    ]);
  });

  it('reports a bad quote once, where it is', () => {
    expect(parse('name,poi\n"a"b,1 MW\n').errors).toEqual([
      `${FILE}:2:2 is not valid CSV (Trailing quote on quoted field is malformed); check the quotes on this line.`,
    ]);
  });

  it('reports an empty file', () => {
    expect(parse(' \n').errors).toEqual([
      `${FILE}:1:1 file is empty; restore its content (the shipped assumptions directory has an example).`,
    ]);
  });
});
