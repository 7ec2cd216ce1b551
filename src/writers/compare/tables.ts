/**
 * Column specs of the compare files. Their columns depend on the scenarios
 * compared (`<scenario>`, `<scenario>_delta`, ...), so each spec is built for
 * a list of names; docs/compare.md renders the same builders with the names
 * `<baseline>` and `<scenario>`. Cells go through renderCsv, so rounding,
 * quoting and the formula guard are those of every other output.
 */
import type { Column, ColumnInfo, NumberColumn, TextColumn, UnitValueColumn } from '../columns.js';
import { columnInfo, quantity, text } from '../columns.js';
import type { AnnualComparison, AssumptionCell, AssumptionDiff, AttributionRow, NoValue, SummaryComparison } from '../../compare/types.js';
import type { RangeComparison } from '../../compare/ranges.js';
import type { HourlyComparison } from '../../compare/hourly.js';
import { compareDecimals, DAYS_UNIT, MIN_SHARE_DECIMALS, PCT_UNIT } from './decimals.js';

/** A compare table: a file name, a description for docs/compare.md, and its columns. */
export interface CompareTable<Row> {
  file: string;
  description: string;
  columns: readonly Column<Row>[];
}

/** Rows of summary.csv: every metric with a number or a date, and the tranche metrics. */
export type SummaryCsvRow = Exclude<SummaryComparison, { kind: 'text' }>;

function unitValue<Row>(spec: Omit<UnitValueColumn<Row>, 'kind'>): UnitValueColumn<Row> {
  return { kind: 'unit-value', ...spec };
}

function percent<Row>(spec: Omit<NumberColumn<Row>, 'kind' | 'decimals' | 'unit'>): NumberColumn<Row> {
  return { kind: 'number', ...spec, unit: PCT_UNIT, decimals: compareDecimals(PCT_UNIT, spec.name) };
}

/**
 * A `%` column whose cell may be empty (a tranche delta when either side has no number):
 * written as a unit-value cell, a number rounded to the `%` decimals or '', and documented
 * as `%` (compareColumnInfo), not as a per-row unit.
 */
interface OptionalPercentColumn<Row> extends UnitValueColumn<Row> {
  fixedUnit: typeof PCT_UNIT;
}

function optionalPercent<Row>(spec: Omit<UnitValueColumn<Row>, 'kind' | 'decimalsFor' | 'get'> & { get(row: Row): number | null }): OptionalPercentColumn<Row> {
  const decimals = compareDecimals(PCT_UNIT, spec.name);
  return { ...spec, kind: 'unit-value', fixedUnit: PCT_UNIT, get: (row) => spec.get(row) ?? '', decimalsFor: () => decimals };
}

/** What docs/compare.md says about a compare column: columnInfo, with an optional `%` column's fixed unit and decimals. */
export function compareColumnInfo<Row>(column: Column<Row>): ColumnInfo {
  const info = columnInfo(column);
  return isOptionalPercent(column) ? { ...info, unit: column.fixedUnit, decimals: compareDecimals(column.fixedUnit, column.name) } : info;
}

function isOptionalPercent<Row>(column: Column<Row>): column is OptionalPercentColumn<Row> {
  return column.kind === 'unit-value' && 'fixedUnit' in column;
}

/** A tranche value as a cell: its number, or empty when the scenario lacks the tranche or capex never reaches it. */
function trancheCell(value: number | NoValue): number | string {
  return typeof value === 'number' ? value : '';
}

export function summaryTable(baseline: string, scenarios: readonly string[]): CompareTable<SummaryCsvRow> {
  const decimals = (row: SummaryCsvRow) => compareDecimals(row.kind === 'date' ? DAYS_UNIT : row.unit, `compare/summary.csv metric ${row.metric}`);
  const value = (row: SummaryCsvRow, index: number): number | string => {
    if (row.kind === 'tranche') return trancheCell(row.scenarios[index]!.value);
    return row.scenarios[index]!.value;
  };
  const cell = (row: SummaryCsvRow, index: number) => row.scenarios[index]!;
  return {
    file: 'summary.csv',
    description:
      "One row per headline metric with a number or a date, in summary.csv's order. Text metrics (`binding_constraint`) are left out: the terminal table shows them. " +
      'Then the tranche metrics (`tranche_<name>_capex_exceeds_year`, `tranche_<name>_share_of_full_buildout_capex`): those of the baseline, then any other scenario adds, in the order they first appear. ' +
      'A tranche a scenario lacks, or a year its cumulative capex never reaches, leaves that scenario\'s value (and its delta and delta_pct) empty, as does a baseline without a number for its delta columns.',
    columns: [
      text({ name: 'metric', description: 'Metric name, as in each scenario\'s summary.csv.', get: (r) => r.metric }),
      text({ name: 'unit', description: 'Unit of the values and of `_delta`; `date` for full_buildout_date, whose `_delta` is in days.', get: (r) => r.unit }),
      unitValue({
        name: baseline,
        description: "The baseline's value, rounded by its unit (a date as YYYY-MM-DD); empty for a tranche metric it has no number for.",
        get: (r) => (r.kind === 'tranche' ? trancheCell(r.baseline) : r.baseline),
        decimalsFor: decimals,
      }),
      ...scenarios.flatMap((scenario, i): Column<SummaryCsvRow>[] => [
        unitValue({
          name: scenario,
          description: "This scenario's value, rounded by its unit; empty for a tranche metric it has no number for.",
          get: (r) => value(r, i),
          decimalsFor: decimals,
        }),
        unitValue({
          name: `${scenario}_delta`,
          description: 'Scenario - baseline, in `unit` (signed days for a date), from unrounded values; empty unless both values are numbers (tranche metrics).',
          get: (r) => cell(r, i).delta ?? '',
          decimalsFor: decimals,
        }),
        optionalPercent({
          name: `${scenario}_delta_pct`,
          description:
            "100 x delta / |baseline|, in %; for a date, relative to the baseline's days from its horizon start. A zero baseline gives 0, or +/-100 with the sign of the change. Empty when `_delta` is.",
          get: (r) => cell(r, i).deltaPct,
        }),
      ]),
    ],
  };
}

export const ANNUAL_COMPARE_TABLE: CompareTable<AnnualComparison> = {
  file: 'annual.csv',
  description:
    "Long format: one row per scenario, year and metric: every numeric column of annual.csv, then each technology's nameplate MW from procurement.csv. Baseline rows come first, with delta 0.",
  columns: [
    text({ name: 'scenario', description: 'Scenario name; the baseline first.', get: (r) => r.scenario }),
    quantity({ name: 'year', unit: 'year', description: "Calendar year, over each scenario's own horizon.", get: (r) => r.year }),
    text({ name: 'metric', description: 'An annual.csv column (`facility_energy_mwh`), or `clean_nameplate_<technology>_mw`.', get: (r) => r.metric }),
    text({ name: 'unit', description: 'Unit of `value` and `delta`.', get: (r) => r.unit }),
    unitValue({
      name: 'value',
      description: "This scenario's value that year, rounded by its unit.",
      get: (r) => r.value,
      decimalsFor: (r) => compareDecimals(r.unit, `compare/annual.csv metric ${r.metric}`),
    }),
    unitValue({
      name: 'delta',
      description: "value - the baseline's value that year, from unrounded values; value - 0 when the baseline's horizon lacks the year.",
      get: (r) => r.delta,
      decimalsFor: (r) => compareDecimals(r.unit, `compare/annual.csv metric ${r.metric}`),
    }),
    percent({ name: 'delta_pct', description: '100 x delta / |baseline value|, in % (the zero-baseline convention as in summary.csv).', get: (r) => r.deltaPct }),
  ],
};

export function assumptionsTable(scenarios: readonly string[]): CompareTable<AssumptionDiff> {
  return {
    file: 'assumptions.csv',
    description: 'One row per assumption whose effective value differs between any of the compared scenarios, in file order.',
    columns: [
      text({
        name: 'assumption',
        description: 'Path as written in the assumption files (`facility.annual_pue`, `phases.trn4-c.energised_on`); `[year]` for one year of a by_year value.',
        get: (r) => r.assumption,
      }),
      text({
        name: 'unit',
        description: 'Model unit of the values (`1` for plain numbers, empty for text); `(per value)` when scenarios use different units, each value then carrying its own.',
        get: (r) => unitOf(r.cells),
      }),
      ...scenarios.map((scenario, i): TextColumn<AssumptionDiff> =>
        text({
          name: scenario,
          description: 'The value as the model reads it, exactly (not rounded), or `(absent)`.',
          get: (r) => valueText(r.cells, i),
        }),
      ),
      ...scenarios.map((scenario, i): TextColumn<AssumptionDiff> =>
        text({
          name: `${scenario}_set_at`,
          description: "`file:line:col` where this scenario's value was set, the file relative to the assumptions directory; `(absent)` if it has none.",
          get: (r) => {
            const cell = r.cells[i]!;
            return cell.present ? cell.setAt : ABSENT;
          },
        }),
      ),
    ],
  };
}

export const ATTRIBUTION_TABLE: CompareTable<AttributionRow> = {
  file: 'attribution.csv',
  description:
    "One row per scenario, metric and changed assumption: that assumption's share of the metric's delta (Shapley value; see Attribution). A metric no assumption moves has no rows.",
  columns: [
    text({ name: 'scenario', description: 'Scenario compared with the baseline.', get: (r) => r.scenario }),
    text({ name: 'metric', description: 'Headline metric, as in summary.csv.', get: (r) => r.metric }),
    text({ name: 'unit', description: 'Unit of `contribution`; `days` for full_buildout_date.', get: (r) => r.unit }),
    text({
      name: 'assumption',
      description: 'Changed assumption (`chips.trainium3.tdp`, `phases.extra` for an added or removed phase), or `(all changes together)`.',
      get: (r) => r.assumption,
    }),
    unitValue({
      name: 'contribution',
      description: `Share of the delta, in \`unit\`; the rows of a scenario and metric sum to its \`_delta\` in summary.csv. Decimals of the unit, at least ${MIN_SHARE_DECIMALS}.`,
      get: (r) => r.contribution,
      decimalsFor: (r) => Math.max(MIN_SHARE_DECIMALS, compareDecimals(r.unit, `compare/attribution.csv metric ${r.metric}`)),
    }),
  ],
};

export const ABSENT = '(absent)';
export const PER_VALUE_UNIT = '(per value)';

function unitOf(cells: readonly AssumptionCell[]): string {
  const units = new Set(cells.flatMap((cell) => (cell.present ? [cell.unit] : [])));
  return units.size <= 1 ? ([...units][0] ?? '') : PER_VALUE_UNIT;
}

function valueText(cells: readonly AssumptionCell[], index: number): string {
  const cell = cells[index]!;
  if (!cell.present) return ABSENT;
  const value = typeof cell.value === 'number' ? exactNumber(cell.value) : cell.value;
  const ownUnit = unitOf(cells) === PER_VALUE_UNIT && cell.unit !== '' && cell.unit !== '1';
  return ownUnit ? `${value} ${cell.unit}` : value;
}

/**
 * An input exactly as the model reads it: the shortest decimal that reads
 * back as the same double (inputs are what a rerun needs, as in the manifest),
 * written out in full where JavaScript would use exponent notation.
 */
export function exactNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as an assumption value (internal fault)`);
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exponent] = match;
  const digits = `${lead}${fraction}`;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export const RANGES_TABLE: CompareTable<RangeComparison> = {
  file: 'ranges.csv',
  description:
    "Written when the scenarios have uncertainty results: one row per scenario and headline metric with its P10, P50 and P90 (percentiles: P90 is the high case), the baseline's rows first.",
  columns: [
    text({ name: 'scenario', description: 'Scenario name; the baseline first.', get: (r) => r.scenario }),
    text({ name: 'metric', description: "Headline metric, as in each scenario's summary.csv.", get: (r) => r.metric }),
    text({ name: 'unit', description: 'Unit of the percentiles and of p50_delta.', get: (r) => r.unit }),
    ...(['p10', 'p50', 'p90'] as const).map((p) =>
      unitValue<RangeComparison>({
        name: p,
        description: `The ${p.slice(1)}th percentile over the scenario's samples (uncertainty/percentiles.csv).`,
        get: (r) => r[p],
        decimalsFor: (r) => compareDecimals(r.unit, `compare/ranges.csv metric ${r.metric}`),
      }),
    ),
    unitValue({
      name: 'p50_delta',
      description: "Scenario P50 - baseline P50, in `unit`.",
      get: (r) => r.p50Delta,
      decimalsFor: (r) => compareDecimals(r.unit, `compare/ranges.csv metric ${r.metric}`),
    }),
    percent({ name: 'p50_delta_pct', description: '100 x p50_delta / |baseline P50| (delta.ts convention at zero).', get: (r) => r.p50DeltaPct }),
  ],
};

export const HOURLY_COMPARE_TABLE: CompareTable<HourlyComparison> = {
  file: 'hourly.csv',
  description:
    "Written when the scenarios have hourly results: each scenario's annual matching and hourly CFE portfolios (its hourly/annual_vs_hourly.csv), the baseline's rows first, with deltas to the baseline's row of the same basis and method.",
  columns: [
    text({ name: 'scenario', description: 'Scenario name; the baseline first.', get: (r) => r.scenario }),
    quantity({ name: 'year', unit: 'year', description: 'Year studied (each scenario may study a different year).', get: (r) => r.year }),
    text({ name: 'basis', description: '`annual_matching` or `hourly_cfe_<target>`.', get: (r) => r.basis }),
    quantity({ name: 'target', unit: 'ratio', description: 'Annual matching target or CFE target.', get: (r) => r.target }),
    text({ name: 'method', description: '`certificates`, `lp` or `heuristic`.', get: (r) => r.method }),
    quantity({ name: 'total_clean_mw', unit: 'MW', description: 'Clean nameplate contracted (solar, wind, clean firm).', get: (r) => r.totalCleanMw }),
    quantity({ name: 'battery_mw', unit: 'MW', description: 'Battery power.', get: (r) => r.batteryMw }),
    quantity({ name: 'battery_mwh', unit: 'MWh', description: 'Battery energy capacity.', get: (r) => r.batteryMwh }),
    quantity({ name: 'hourly_cfe_score', unit: 'ratio', description: 'CFE score reached hour by hour.', get: (r) => r.hourlyCfeScore }),
    quantity({ name: 'cost_usd_per_mwh', unit: 'USD/MWh', description: 'Annualised cost / annual load.', get: (r) => r.costUsdPerMwh }),
    quantity({ name: 'total_clean_mw_delta', unit: 'MW', description: "total_clean_mw - the baseline's (same basis and method).", get: (r) => r.totalCleanMwDelta }),
    quantity({ name: 'cost_delta_usd_per_mwh', unit: 'USD/MWh', description: "cost_usd_per_mwh - the baseline's (same basis and method).", get: (r) => r.costDeltaUsdPerMwh }),
  ],
};
