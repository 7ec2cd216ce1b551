import { describe, expect, it } from 'vitest';
import { OUTPUT_TABLES } from '../../src/writers/outputTables.js';

describe('OUTPUT_TABLES', () => {
  it('lists the CSV files in the order they are written and documented', () => {
    expect(OUTPUT_TABLES.map((table) => table.file)).toEqual(['fleet.csv', 'annual.csv', 'procurement.csv', 'summary.csv', 'cost.csv', 'tranches.csv']);
  });

  it('uses snake_case column names, unique within each file, each described', () => {
    for (const table of OUTPUT_TABLES) {
      const names = table.columns.map((column) => column.name);
      expect(new Set(names).size, table.file).toBe(names.length);
      for (const column of table.columns) {
        expect(column.name, table.file).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
        expect(column.description.length, `${table.file} ${column.name}`).toBeGreaterThan(0);
      }
    }
  });
});
