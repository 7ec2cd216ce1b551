/**
 * The report's HTML tables: the scenarios and their questions, headline
 * metrics per scenario (summary.csv), and the assumptions that differ
 * between scenarios (compare/assumptions.csv), with where and why each was set.
 * Every text that comes from an assumption file is escaped.
 */
import type { AssumptionCell, AssumptionDiff } from '../../compare/types.js';
import { isTrancheMetric, TRANCHE_METRIC_PREFIX, TRANCHE_METRICS } from '../../model/summary.js';
import { assumptionValue, escapeHtml, tableValue } from './format.js';
import type { ReportInput, ReportScenario } from './types.js';

/** Headline metrics in words, grouped as summary.csv orders them; a metric not listed keeps its CSV name. */
const METRIC_GROUPS: readonly { group: string; metrics: Readonly<Record<string, string>> }[] = [
  {
    group: 'Fleet at full build-out',
    metrics: {
      full_buildout_date: 'Full build-out (last phase ramped)',
      first_full_year: 'First full year',
      chips: 'Accelerators',
      servers: 'Servers',
      ultraservers: 'UltraServers',
      critical_it_mw: 'Critical IT power',
      deployed_it_mw: 'Deployed IT power (chips x all-in W)',
      peak_bf16_pflops: 'Peak BF16 compute',
      peak_fp8_pflops: 'Peak FP8 compute',
    },
  },
  {
    group: 'First full year',
    metrics: {
      it_energy_mwh: 'IT energy',
      facility_energy_mwh: 'Facility energy',
      effective_pue: 'Effective PUE',
      average_facility_mw: 'Average facility load',
      peak_facility_mw: 'Peak facility load',
      clean_energy_target_mwh: 'Clean energy to match',
      clean_nameplate_solar_mw: 'Solar to contract',
      clean_nameplate_onshore_wind_mw: 'Onshore wind to contract',
      clean_nameplate_offshore_wind_mw: 'Offshore wind to contract',
      clean_nameplate_clean_firm_mw: 'Clean firm to contract',
      clean_nameplate_total_mw: 'Clean nameplate, total',
      emissions_location_tco2e: 'Emissions, location-based',
      emissions_market_tco2e: 'Emissions, market-based',
      water_m3: 'Water',
      homes_equivalent: 'Homes with the same electricity use',
      delivered_compute_eflop: 'Delivered compute (at MFU)',
    },
  },
  {
    group: 'Cost (US dollars of the cost currency year)',
    metrics: {
      capex_full_buildout_usd: 'Capex at full build-out',
      capex_usd_per_poi_mw: 'Capex per MW of grid connection',
      capex_usd_per_peak_fp8_pflops: 'Capex per PFLOP/s of peak FP8',
      annualised_cost_usd: 'Annualised cost, first full year',
      cost_usd_per_delivered_eflop: 'Cost per delivered EFLOP',
      energy_share_of_annualised_cost: 'Energy share of the annualised cost',
    },
  },
  {
    group: 'Envelope check',
    metrics: {
      envelope_limit_mw: 'Envelope as facility design load',
      peak_design_load_mw: 'Peak design load',
      envelope_margin_mw: 'Margin under the envelope',
      packaging_margin_mw: 'Margin left by whole packaging units',
      binding_constraint: 'What limits the fleet',
    },
  },
];

/** The group of the tranche rows that follow the metrics above (two per tranche, named after it). */
const TRANCHE_GROUP = 'Investment tranches (amount paid up to and including each)';

/** A tranche metric in words: which tranche, and which of its two figures. */
function trancheLabel(metric: string): string {
  const suffix = Object.values(TRANCHE_METRICS).find((m) => metric.endsWith(m.suffix))!.suffix;
  const name = metric.slice(TRANCHE_METRIC_PREFIX.length, metric.length - suffix.length);
  return suffix === TRANCHE_METRICS.capexExceedsYear.suffix
    ? `${name}: year cumulative capex reaches it`
    : `${name}: share of the capex at full build-out`;
}

/** The group and label of a summary metric; a metric not listed keeps its CSV name, in group `Other`. */
function metricWords(metric: string): { group: string; label: string | undefined } {
  if (isTrancheMetric(metric)) return { group: TRANCHE_GROUP, label: trancheLabel(metric) };
  const known = METRIC_GROUPS.find((g) => metric in g.metrics);
  return { group: known?.group ?? 'Other', label: known?.metrics[metric] };
}

/** The summary rows of every scenario: the baseline's, then those another scenario adds (its tranches), in first-appearance order. */
function summaryMetrics(scenarios: readonly ReportScenario[], base: ReportScenario | undefined): { metric: string; unit: string }[] {
  const units = new Map<string, string>();
  for (const s of base === undefined ? scenarios : [base, ...scenarios]) for (const row of s.result.summary) if (!units.has(row.metric)) units.set(row.metric, row.unit);
  return [...units].map(([metric, unit]) => ({ metric, unit }));
}

const cellTag = (tag: 'td' | 'th', text: string, attrs = '') => `<${tag}${attrs}>${text}</${tag}>`;

export function scenarioTable(input: ReportInput): string {
  const rows = input.scenarios.map(
    (s) =>
      `<tr data-scenario="${escapeHtml(s.name)}">${cellTag('th', `<code>${escapeHtml(s.name)}</code>`, ' scope="row"')}` +
      `${cellTag('td', s.chain.length > 1 ? s.chain.slice(0, -1).map((c) => `<code>${escapeHtml(c)}</code>`).join(' &rarr; ') : '&ndash;')}` +
      `${cellTag('td', escapeHtml(s.question))}</tr>`,
  );
  return (
    '<table class="scenarios" id="scenario-table">\n<thead><tr><th scope="col">Scenario</th><th scope="col">Builds on</th><th scope="col">The question it answers</th></tr></thead>\n' +
    `<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`
  );
}

/** Scenario columns per table besides the baseline's: more would not fit an A4 page's width. */
export const OTHERS_PER_TABLE = 4;

/** The scenarios in tables of the baseline plus up to OTHERS_PER_TABLE others each, so every table fits A4 and compares with the baseline. */
export function columnBlocks<T>(items: readonly T[], isBaseline: (item: T) => boolean): T[][] {
  const base = items.find(isBaseline) ?? items[0];
  if (base === undefined) return [];
  const others = items.filter((item) => item !== base);
  if (others.length <= OTHERS_PER_TABLE + 1) return [[base, ...others]];
  const blocks: T[][] = [];
  for (let i = 0; i < others.length; i += OTHERS_PER_TABLE) blocks.push([base, ...others.slice(i, i + OTHERS_PER_TABLE)]);
  return blocks;
}

/**
 * Rows: metrics (grouped); columns: scenarios, in tables of the baseline and
 * up to four others. A value that differs from the baseline's is marked.
 */
export function headlineTable(scenarios: readonly ReportScenario[], baseline: string): string {
  const base = scenarios.find((s) => s.name === baseline) ?? scenarios[0];
  return columnBlocks(scenarios, (s) => s === base)
    .map((block, i) => headlineBlock(block, base, i + 1))
    .join('\n');
}

function headlineBlock(scenarios: readonly ReportScenario[], base: ReportScenario | undefined, index: number): string {
  const head =
    '<thead><tr><th scope="col">Metric</th><th scope="col">Unit</th>' +
    scenarios.map((s) => `<th scope="col" class="num">${breakable(s.name)}</th>`).join('') +
    '</tr></thead>';
  const body: string[] = [];
  let group: string | undefined;
  // In summary.csv's order, with a heading row wherever the group changes.
  for (const { metric, unit } of summaryMetrics(scenarios, base)) {
    const { group: rowGroup, label } = metricWords(metric);
    if (rowGroup !== group) body.push(`<tr class="group"><th colspan="${scenarios.length + 2}" scope="rowgroup">${escapeHtml(rowGroup)}</th></tr>`);
    group = rowGroup;
    // A long name (a tranche's) may wrap after its underscores, so the table fits an A4 page.
    const code = `<code>${escapeHtml(metric).replaceAll('_', '_<wbr>')}</code>`;
    const name = label ? `${escapeHtml(label)} ${code}` : code;
    const baseValue = base?.result.summary.find((r) => r.metric === metric)?.value;
    const cells = scenarios.map((s) => {
      const row = s.result.summary.find((r) => r.metric === metric);
      // No row: the scenario lacks the tranche; an empty year: its capex never reaches it within the horizon.
      const text = row === undefined ? '&ndash;' : row.value === '' && isTrancheMetric(metric) ? 'never' : escapeHtml(tableValue(row.value, row.unit));
      const differs = s !== base && row !== undefined && baseValue !== undefined && differsFrom(row.value, baseValue);
      return `<td class="num${differs ? ' differs' : ''}" data-scenario="${escapeHtml(s.name)}">${text}</td>`;
    });
    body.push(`<tr data-metric="${escapeHtml(metric)}"><th scope="row">${name}</th><td class="unit">${escapeHtml(unit)}</td>${cells.join('')}</tr>`);
  }
  return `<table class="headline" id="headline-table-${index}">\n${head}\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** A scenario name that may wrap after its hyphens in a narrow column header. */
function breakable(name: string): string {
  return escapeHtml(name).replaceAll('-', '-<wbr>');
}

/** Different text, or numbers more than a part per billion apart (summing order alone moves the last bits). */
function differsFrom(value: number | string, baseline: number | string): boolean {
  if (typeof value === 'number' && typeof baseline === 'number') return Math.abs(value - baseline) > 1e-9 * Math.max(1, Math.abs(baseline));
  return value !== baseline;
}

/** A value in its unit; in a row whose scenarios use different units, a plain number also shows how it was written (`0.125 (12.5%)`). */
function cellText(cell: AssumptionCell, unit: string | undefined, written: string | undefined): string {
  if (!cell.present) return '<span class="absent">not set</span>';
  const value = escapeHtml(assumptionValue(cell.value));
  if (unit !== undefined || cell.unit === '') return value;
  if (cell.unit !== '1') return `${value} ${escapeHtml(cell.unit)}`;
  return written !== undefined && written !== String(cell.value) ? `${value} (${escapeHtml(written)})` : value;
}

const sameCell = (a: AssumptionCell, b: AssumptionCell) =>
  a.present === b.present && (!a.present || !b.present || (a.value === b.value && a.unit === b.unit));

/**
 * Rows: assumptions that differ; columns: scenarios. A value that differs from
 * the baseline's is marked and says where it was set; below the table, why
 * (the `source:` of each changed value, grouped by scenario).
 */
export function assumptionsTable(input: ReportInput): string | undefined {
  const comparison = input.comparison;
  if (!comparison || comparison.assumptions.length === 0) return undefined;
  const names = [comparison.baseline, ...comparison.scenarios];
  const recorded = (column: number, path: string) => input.scenarios.find((s) => s.name === names[column])?.assumptions.get(path);
  const changed = (diff: AssumptionDiff, column: number) => column > 0 && !sameCell(diff.cells[column]!, diff.cells[0]!);
  const tables = columnBlocks(
    names.map((name, column) => ({ name, column })),
    (c) => c.column === 0,
  ).map((block, b) => {
    const head =
      '<thead><tr><th scope="col">Assumption</th><th scope="col">Unit</th>' +
      block.map((c) => `<th scope="col">${breakable(c.name)}</th>`).join('') +
      '</tr></thead>';
    // Only what one of this table's scenarios changes: the rest is the baseline's value over again.
    const rows = comparison.assumptions
      .filter((diff) => block.some(({ column }) => changed(diff, column)))
      .map((diff) => {
        const units = new Set(diff.cells.flatMap((c) => (c.present ? [c.unit] : [])));
        const unit = units.size === 1 ? [...units][0]! : undefined;
        const cells = block.map(({ name, column }) => {
          const cell = diff.cells[column]!;
          const isChanged = changed(diff, column);
          const setAt = isChanged && cell.present ? `<span class="set-at">${escapeHtml(cell.setAt)}</span>` : '';
          const text = cellText(cell, unit, recorded(column, diff.assumption)?.written);
          return `<td${isChanged ? ' class="changed"' : ''} data-scenario="${escapeHtml(name)}"><span class="value">${text}</span>${setAt}</td>`;
        });
        const unitText = unit === undefined ? 'per value' : unit === '1' ? 'none' : unit === '' ? '' : unit;
        return `<tr data-assumption="${escapeHtml(diff.assumption)}"><th scope="row"><code>${escapeHtml(diff.assumption)}</code></th><td class="unit">${escapeHtml(unitText)}</td>${cells.join('')}</tr>`;
      });
    return `<table class="assumptions" id="assumptions-table-${b + 1}">\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
  });
  // Why: each scenario's changed values, grouped by their stated source, in scenario order.
  const reasons = names.slice(1).flatMap((name, i) => {
    const bySource = new Map<string, string[]>();
    for (const diff of comparison.assumptions) {
      if (!changed(diff, i + 1)) continue;
      const source = recorded(i + 1, diff.assumption)?.source ?? 'the scenario file gives no source';
      bySource.set(source, [...(bySource.get(source) ?? []), diff.assumption]);
    }
    if (bySource.size === 0) return [];
    const parts = [...bySource].map(([source, paths]) => `${paths.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ')}: ${escapeHtml(source)}`);
    return [`<li><code>${escapeHtml(name)}</code>: ${parts.join('; ')}</li>`];
  });
  return `${tables.join('\n')}\n<h3>Why the values differ</h3>\n<ul class="sources">\n${reasons.join('\n')}\n</ul>`;
}
