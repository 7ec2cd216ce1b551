/**
 * The CSV files of one scenario, in the order they are written, listed in the
 * manifest and documented.
 */
import type { ModelResult } from '../results/types.js';
import { columnInfo, type ColumnInfo, type TableSpec } from './columns.js';
import { renderCsv } from './csv.js';
import { ANNUAL_TABLE } from './tables/annual.js';
import { COST_TABLE, TRANCHES_TABLE } from './tables/cost.js';
import { FLEET_TABLE } from './tables/fleet.js';
import { PROCUREMENT_TABLE } from './tables/procurement.js';
import { SUMMARY_TABLE } from './tables/summary.js';

/** A table spec with its row type bound, so tables of different rows fit in one list. */
export interface OutputTable {
  file: string;
  description: string;
  columns: readonly ColumnInfo[];
  render(result: ModelResult): string;
}

function outputTable<Row>(table: TableSpec<Row>): OutputTable {
  return {
    file: table.file,
    description: table.description,
    columns: table.columns.map(columnInfo),
    render: (result) => renderCsv(table, table.rowsOf(result)),
  };
}

export const OUTPUT_TABLES: readonly OutputTable[] = [
  outputTable(FLEET_TABLE),
  outputTable(ANNUAL_TABLE),
  outputTable(PROCUREMENT_TABLE),
  outputTable(SUMMARY_TABLE),
  outputTable(COST_TABLE),
  outputTable(TRANCHES_TABLE),
];
