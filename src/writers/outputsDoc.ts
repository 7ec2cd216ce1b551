/**
 * The column tables of docs/outputs.md, rendered from the same specs the
 * writers use; a test fails when the committed doc differs, so the doc
 * cannot drift from the files. Regenerate with:
 *   npx tsx -e "import('./src/writers/outputsDoc.ts').then((m) => process.stdout.write(m.renderColumnTables()))"
 * and paste between `<!-- columns:start -->` and `<!-- columns:end -->`.
 */
import { columnInfo, type Column, type ColumnInfo } from './columns.js';
import { UNIT_ROUNDING, type UnitRounding } from './decimals.js';
import { OUTPUT_TABLES } from './outputTables.js';
import { UNCERTAINTY_DIR } from './uncertainty/render.js';
import { PERCENTILES_TABLE, RANK_CORRELATION_TABLE, TORNADO_TABLE } from './uncertainty/tables.js';
import { HOURLY_DIR } from './hourly/render.js';
import { ANNUAL_VS_HOURLY_TABLE, CFE_PORTFOLIOS_TABLE, DISPATCH_TABLE, PROFILE_STATS_TABLE } from './hourly/tables.js';

const UNCERTAINTY_TABLES = [PERCENTILES_TABLE, TORNADO_TABLE, RANK_CORRELATION_TABLE];
const HOURLY_TABLES = [CFE_PORTFOLIOS_TABLE, ANNUAL_VS_HOURLY_TABLE, PROFILE_STATS_TABLE, DISPATCH_TABLE];

export const COLUMNS_START = '<!-- columns:start -->';
export const COLUMNS_END = '<!-- columns:end -->';

/** Markdown: one section per CSV file, then the rounding rule by unit. Starts and ends with a newline. */
export function renderColumnTables(): string {
  const tables = [
    ...OUTPUT_TABLES.map((table) => ({ ...table, path: table.file })),
    ...UNCERTAINTY_TABLES.map((table) => ({
      file: table.file,
      description: table.description,
      columns: table.columns.map((column) => columnInfo(column as Column<unknown>)),
      path: `${UNCERTAINTY_DIR}/${table.file}`,
    })),
    ...HOURLY_TABLES.map((table) => ({
      file: table.file,
      description: table.description,
      columns: table.columns.map((column) => columnInfo(column as Column<unknown>)),
      path: `${HOURLY_DIR}/${table.file}`,
    })),
  ];
  const sections = tables.map((table) => columnTableSection(table.path, table.description, table.columns));
  const rounding = roundingSection(
    'Decimals by unit',
    'Every number column, and every number in summary.csv `value`, is rounded by its unit:',
    UNIT_ROUNDING,
  );
  return `\n${[...sections, rounding].join('\n\n')}\n`;
}

/** One file's section: heading, what a row is, and a table of its columns. Shared with docs/compare.md. */
export function columnTableSection(heading: string, description: string, columns: readonly ColumnInfo[]): string {
  return [
    `### ${heading}`,
    '',
    description,
    '',
    '| column | unit | decimals | meaning |',
    '| --- | --- | --- | --- |',
    ...columns.map((column) => `| \`${column.name}\` | ${cell(unitText(column))} | ${decimalsText(column)} | ${cell(column.description)} |`),
  ].join('\n');
}

/** A table of rounding rules by unit. */
export function roundingSection(title: string, intro: string, rules: readonly UnitRounding[]): string {
  return [
    `### ${title}`,
    '',
    intro,
    '',
    '| unit | decimals | resolution |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule.unit}\` | ${rule.decimals} | ${cell(rule.resolution)} |`),
  ].join('\n');
}

function unitText(column: ColumnInfo): string {
  if (column.unit === null) return 'per row (`unit` column)';
  return column.unit === '' ? 'text' : `\`${column.unit}\``;
}

function decimalsText(column: ColumnInfo): string {
  if (column.unit === null) return 'by unit';
  return column.decimals === null ? '-' : String(column.decimals);
}

/** A pipe would end the Markdown table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}
