/**
 * Column specs of OUT/<scenario>/uncertainty/*.csv. A row's metric carries
 * its own unit, so statistic columns are rounded by that row's unit, exactly
 * as summary.csv rounds its values.
 */
import type { PercentileRow, RankCorrelationRow, TornadoRow } from '../../uncertainty/runUncertainty.js';
import { quantity, text, type Column, type TableSpec } from '../columns.js';
import { decimalsForUnit } from '../decimals.js';

/** Input values are in each assumption's model unit (W, h, ratio, ...): 6 decimals keeps every unit's detail. */
const INPUT_DECIMALS = 6;

type UncertaintyTable<Row> = Omit<TableSpec<Row>, 'rowsOf'>;

function statistic<Row extends { unit: string }>(name: string, description: string, get: (row: Row) => number): Column<Row> {
  return { kind: 'unit-value', name, description, get, decimalsFor: (row) => decimalsForUnit(row.unit, `column ${name}`) };
}

function inputValue(name: string, description: string, get: (row: TornadoRow) => number): Column<TornadoRow> {
  return { kind: 'unit-value', name, description, get, decimalsFor: () => INPUT_DECIMALS };
}

export const PERCENTILES_TABLE: UncertaintyTable<PercentileRow> = {
  file: 'percentiles.csv',
  description:
    'One row per metric (and year for per-year metrics): the mean and percentiles over the valid samples. P90 is the 90th percentile, the high case; it is not an energy-yield exceedance P90.',
  columns: [
    text({ name: 'metric', description: 'Metric name, as in summary.csv or annual.csv.', get: (r) => r.metric }),
    text({ name: 'unit', description: 'Unit of the statistics on this row.', get: (r) => r.unit }),
    text({ name: 'year', description: '`all` for full-build-out (summary.csv) figures; otherwise the calendar year.', get: (r) => String(r.year) }),
    statistic('mean', 'Mean over the valid samples.', (r) => r.mean),
    statistic('p5', '5th percentile (linear interpolation between order statistics, as numpy).', (r) => r.p5),
    statistic('p10', '10th percentile: the low case.', (r) => r.p10),
    statistic('p50', 'Median.', (r) => r.p50),
    statistic('p90', '90th percentile: the high case.', (r) => r.p90),
    statistic('p95', '95th percentile.', (r) => r.p95),
  ],
};

export const TORNADO_TABLE: UncertaintyTable<TornadoRow> = {
  file: 'tornado.csv',
  description:
    'One row per headline metric and uncertain input: the metric with that input at its P10 and at its P90 and every other input at its P50; sorted by swing within each metric.',
  columns: [
    text({ name: 'metric', description: 'Headline metric, as in summary.csv.', get: (r) => r.metric }),
    text({ name: 'unit', description: "Unit of the metric's outputs.", get: (r) => r.unit }),
    text({ name: 'input', description: 'Assumption path of the swung input, as in manifest.json.', get: (r) => r.input }),
    text({ name: 'input_unit', description: 'Model unit of input_low and input_high (`1` for ratios, `h` for date shifts, empty for a choice index).', get: (r) => r.inputUnit }),
    inputValue('input_low', "The input's P10.", (r) => r.inputLow),
    inputValue('input_high', "The input's P90.", (r) => r.inputHigh),
    statistic('output_at_low', 'The metric with the input at its P10.', (r) => r.outputAtLow),
    statistic('output_at_high', 'The metric with the input at its P90.', (r) => r.outputAtHigh),
    statistic('swing', '|output_at_high - output_at_low|.', (r) => r.swing),
  ],
};

export const RANK_CORRELATION_TABLE: UncertaintyTable<RankCorrelationRow> = {
  file: 'rank_correlation.csv',
  description: 'One row per headline metric and uncertain input: the Spearman rank correlation between them over the valid samples.',
  columns: [
    text({ name: 'metric', description: 'Headline metric, as in summary.csv.', get: (r) => r.metric }),
    text({ name: 'input', description: 'Assumption path of the input.', get: (r) => r.input }),
    quantity({ name: 'spearman', unit: 'ratio', description: 'Spearman rank correlation, -1 to 1 (0 when the metric does not vary).', get: (r) => r.spearman }),
  ],
};
