/**
 * An UncertaintyReport as the files of OUT/<scenario>/uncertainty/, rendered
 * in memory (pure). The keys are paths inside the scenario's directory, so
 * the scenario and its uncertainty outputs are swapped into place together.
 */
import type { InputFile } from '../../loader/types.js';
import type { CorrelationGroup } from '../../uncertainty/types.js';
import { location } from '../manifest.js';
import type { UncertaintyReport } from '../../uncertainty/runUncertainty.js';
import { csvFile } from '../csv.js';
import { decimalsForUnit } from '../decimals.js';
import { formatFixed } from '../number.js';
import { PERCENTILES_TABLE, RANK_CORRELATION_TABLE, TORNADO_TABLE } from './tables.js';

export const UNCERTAINTY_DIR = 'uncertainty';
export const UNCERTAINTY_METHOD =
  'Latin hypercube sampling (one draw per stratum per input), rank correlation induced by Iman-Conover, values by inverse CDF; percentiles by linear interpolation between order statistics; standard errors by batch means (20 batches)';

export interface UncertaintyRenderOptions {
  version: string;
  scenario: string;
  /** How each sample was evaluated, e.g. `closed form per year (exact)`. */
  evaluation: string;
  groups: readonly CorrelationGroup[];
  writeSamples: boolean;
  /** The scenario's input files, to name declarations relative to the assumptions directory. */
  inputs: readonly InputFile[];
}

export function renderUncertainty(report: UncertaintyReport, options: UncertaintyRenderOptions): Map<string, string> {
  const files = new Map<string, string>([
    csvFile(PERCENTILES_TABLE, report.percentiles, UNCERTAINTY_DIR),
    csvFile(TORNADO_TABLE, report.tornado, UNCERTAINTY_DIR),
    csvFile(RANK_CORRELATION_TABLE, report.rankCorrelation, UNCERTAINTY_DIR),
  ]);
  if (options.writeSamples) files.set(`${UNCERTAINTY_DIR}/samples.csv`, samplesCsv(report));
  files.set(`${UNCERTAINTY_DIR}/manifest.json`, manifest(report, options));
  return files;
}


/** One row per sample: the sampled inputs (`path [unit]` headers), then every metric (`metric[year]` for per-year ones). */
function samplesCsv(report: UncertaintyReport): string {
  const inputHeaders = report.inputs.map((input) => (input.unit ? `${input.path} [${input.unit}]` : input.path));
  const metricHeaders = report.percentiles.map((row) => (row.year === 'all' ? row.metric : `${row.metric}[${row.year}]`));
  const lines = [['sample', ...inputHeaders, ...metricHeaders].join(',')];
  for (let s = 0; s < report.samples; s++) {
    const cells = [String(s + 1)];
    report.inputValues.forEach((column) => cells.push(formatFixed(column[s]!, 6, `samples.csv input of sample ${s + 1}`)));
    report.metricValues.forEach((column, m) => {
      const value = column[s]!;
      // An invalid sample has no metrics; an empty cell says so (the file is only written on request).
      cells.push(Number.isNaN(value) ? '' : formatFixed(value, decimalsForUnit(report.percentiles[m]!.unit, 'samples.csv'), `samples.csv sample ${s + 1}`));
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function manifest(report: UncertaintyReport, options: UncertaintyRenderOptions): string {
  // A standard error needs at least 2 samples per batch (40 in all); below that it is unknown: null.
  const rounded = (value: number, unit: string) =>
    Number.isNaN(value) ? null : Number(formatFixed(value, decimalsForUnit(unit, 'uncertainty manifest'), 'uncertainty manifest'));
  const document = {
    manifest_version: 1,
    gwplan_version: options.version,
    scenario: options.scenario,
    samples: report.samples,
    seed: report.seed,
    method: UNCERTAINTY_METHOD,
    evaluation: options.evaluation,
    invalid_samples: report.invalidSamples,
    inputs: report.inputs.map((input) => ({
      path: input.path,
      unit: input.unit,
      distribution: input.distribution,
      point_value: input.pointValue,
      declared_at: location(input.at, options.inputs),
    })),
    correlation_groups: options.groups.map((group) => ({
      name: group.name,
      inputs: group.paths,
      matrix: group.matrix,
      declared_at: location(group.at, options.inputs),
    })),
    standard_errors: report.standardErrors.map((row) => ({
      metric: row.metric,
      unit: row.unit,
      p10: rounded(row.p10, row.unit),
      p50: rounded(row.p50, row.unit),
      p90: rounded(row.p90, row.unit),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
