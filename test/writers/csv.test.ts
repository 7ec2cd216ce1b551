import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { quantity, text, type TableSpec } from '../../src/writers/columns.js';
import { renderCsv } from '../../src/writers/csv.js';

interface Row {
  name: string;
  powerMw: number;
  mixed: number | string;
}

const TABLE: TableSpec<Row> = {
  file: 'test.csv',
  description: 'test rows',
  rowsOf: () => [],
  columns: [
    text({ name: 'name', description: 'a name', get: (r) => r.name }),
    quantity({ name: 'power_mw', unit: 'MW', description: 'a power', get: (r) => r.powerMw }),
    { kind: 'unit-value', name: 'value', description: 'either', get: (r) => r.mixed, decimalsFor: () => 1 },
  ],
};

const row = (name: string, powerMw = 1, mixed: number | string = 2): Row => ({ name, powerMw, mixed });

describe('renderCsv', () => {
  it('writes a header, comma separated rows, LF line ends and a final newline', () => {
    expect(renderCsv(TABLE, [row('a', 1.23456, 7), row('b', 250, 'envelope')])).toBe(
      'name,power_mw,value\na,1.235,7.0\nb,250.000,envelope\n',
    );
  });

  it('writes only the header (with its newline) when there are no rows', () => {
    expect(renderCsv(TABLE, [])).toBe('name,power_mw,value\n');
  });

  it('quotes only the cells that need it, doubling inner quotes', () => {
    const csv = renderCsv(TABLE, [row('hall "B", east'), row('line\nbreak'), row(' padded'), row('plain')]);
    expect(csv).toBe(
      'name,power_mw,value\n"hall ""B"", east",1.000,2.0\n"line\nbreak",1.000,2.0\n" padded",1.000,2.0\nplain,1.000,2.0\n',
    );
    // And a CSV reader gets the names back.
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\n' }).data.map((cells) => cells[0]);
    expect(parsed).toEqual(['name', 'hall "B", east', 'line\nbreak', ' padded', 'plain']);
  });

  it('guards text cells that a spreadsheet would run as a formula, never numbers', () => {
    expect(renderCsv(TABLE, [row('-x', -12.5, -3), row('=1+1', 0, '@me')])).toBe(
      "name,power_mw,value\n'-x,-12.500,-3.0\n'=1+1,0.000,'@me\n",
    );
  });

  it('has no byte-order mark and no CR', () => {
    const csv = renderCsv(TABLE, [row('Zürich')]);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).not.toContain('\r');
    expect(csv).toContain('Zürich');
  });

  it('writes what papaparse\'s unparse writes, and papaparse reads it back, for any text and numbers', () => {
    // Characters that matter to CSV quoting and formula guards, mixed with ordinary ones.
    const char = fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r', '\ufeff', '=', '-', '+', '@', '\t', "'", 'é', '1', '.');
    const textCell = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 });
    const rows = fc.array(fc.record({ name: textCell, powerMw: number, mixed: fc.oneof(textCell, number) }), { maxLength: 6 });
    fc.assert(
      fc.property(rows, (rs) => {
        const csv = renderCsv(TABLE, rs);
        // The former writer: cells formatted as here, then quoted and joined by unparse.
        const cells = rs.map((r) => {
          const lines = renderCsv(TABLE, [r]);
          return Papa.parse<string[]>(lines.slice(0, -1), { newline: '\n' }).data[1]!;
        });
        const viaUnparse = `${Papa.unparse([TABLE.columns.map((c) => c.name), ...cells], { delimiter: ',', newline: '\n', quotes: false, escapeFormulae: false })}\n`;
        expect(csv).toBe(viaUnparse);
        const back = Papa.parse<string[]>(csv.slice(0, -1), { newline: '\n' }).data.slice(1);
        expect(back.map((cells) => cells[0])).toEqual(rs.map((r) => (/^[=+\-@\t\r]/.test(r.name) ? `'${r.name}` : r.name)));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it('names file, line and column when a number is not finite', () => {
    expect(() => renderCsv(TABLE, [row('a'), row('b', NaN)])).toThrow(/^test\.csv line 3 column power_mw: cannot write NaN/);
  });
});
