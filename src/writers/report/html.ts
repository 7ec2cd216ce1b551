/**
 * The report page: one self-contained HTML file (OUT/report.html) with every
 * chart as inline SVG, inline CSS (with an A4 print stylesheet) and nothing
 * else: no scripts, no external styles, fonts or images, and a content
 * security policy that forbids loading anything, so opening it makes no request.
 * Pure: the same ReportInput gives the same bytes.
 */
import { annualVsHourlyChart, cfeCostChart } from './charts/procurement.js';
import { chipsChart, computeChart } from './charts/buildout.js';
import type { Chart } from './charts/chart.js';
import { costByYearChart, costReportData, tranchesChart } from './charts/cost.js';
import { facilityEnergyChart } from './charts/energy.js';
import { energyFanChart, tornadoChart } from './charts/uncertainty.js';
import { escapeHtml, groupedNumber, percent } from './format.js';
import { FONT } from './style.js';
import { assumptionsTable, headlineTable, scenarioTable } from './tables.js';
import type { ReportInput, ReportScenario } from './types.js';
import { renderSvg } from './vegaRender.js';

export { REPORT_FILE } from './file.js';

interface Section {
  id: string;
  heading: string;
  /** Plain explanation, already HTML (escaped where it holds assumption text). */
  intro: string;
  charts: readonly (Chart | undefined)[];
  /** Tables and notes after the charts, HTML. */
  after?: string;
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

export async function renderReport(input: ReportInput): Promise<string> {
  const base = input.scenarios.find((s) => s.name === input.baseline) ?? input.scenarios[0];
  if (!base) throw new Error('report: no scenario to report');
  const sections = [
    headlineSection(input),
    buildoutSection(input),
    energySection(input),
    procurementSection(input, base),
    uncertaintySection(base),
    costSection(base),
    assumptionsSection(input),
  ].filter((s): s is Section => s !== undefined);
  const body: string[] = [];
  for (const section of sections) body.push(await renderSection(section));
  return page(input, base, body);
}

async function renderSection(section: Section): Promise<string> {
  const figures: string[] = [];
  for (const chart of section.charts) {
    if (!chart) continue;
    const svg = await renderSvg(chart.spec, chart.id);
    figures.push(
      `<figure class="chart" id="chart-${chart.id}" aria-label="${escapeHtml(chart.caption)}">\n${svg}\n<figcaption>${escapeHtml(chart.caption)}</figcaption>\n</figure>`,
    );
  }
  return [`<section id="${section.id}">`, `<h2>${escapeHtml(section.heading)}</h2>`, `<p>${section.intro}</p>`, ...figures, ...(section.after ? [section.after] : []), '</section>'].join(
    '\n',
  );
}

function headlineSection(input: ReportInput): Section {
  return {
    id: 'headline',
    heading: 'Headline figures',
    intro:
      'The fleet at full build-out (when the last phase has finished its ramp), its energy, clean-energy need and emissions in the first full calendar year after that, and the check that the design load stays within the power envelope. ' +
      `Values are rounded for reading and shaded where a scenario differs from ${code(input.baseline)}; each scenario's ${code('summary.csv')} has them in full.`,
    charts: [],
    after: headlineTable(input.scenarios, input.baseline),
  };
}

function buildoutSection(input: ReportInput): Section {
  return {
    id: 'buildout',
    heading: 'Build-out: accelerators and compute',
    intro:
      'How many accelerators are energised at the end of each year, and the peak FP8 compute they provide. Phases are energised on their dates and ramp up over months; chips are retired at the end of their service life and replaced. ' +
      'A scenario that changes only energy or procurement draws the same line as the one it builds on, so lines can lie on top of each other; each scenario keeps its own point shape.',
    charts: [chipsChart(input.scenarios), computeChart(input.scenarios)],
  };
}

function energySection(input: ReportInput): Section {
  return {
    id: 'energy',
    heading: 'Electricity use',
    intro:
      'Electricity the whole campus draws in each calendar year: IT load plus cooling and power losses (PUE) and auxiliary load. Years before full build-out are partial, so they understate the run rate.',
    charts: [facilityEnergyChart(input.scenarios)],
  };
}

function procurementSection(input: ReportInput, base: ReportScenario): Section | undefined {
  const curve = cfeCostChart(input.scenarios, input.baseline);
  if (!base.hourly && !curve) return undefined;
  const unmet = input.scenarios.flatMap((s) =>
    (s.hourly?.unmet ?? []).map((u) => `<li>${code(s.name)}, ${escapeHtml(percent(u.target))} by ${escapeHtml(u.method)}: ${escapeHtml(u.reason)}</li>`),
  );
  const year = base.hourly ? ` in ${base.hourly.year}` : '';
  return {
    id: 'procurement',
    heading: 'Clean-energy procurement: annual vs 24/7 matching',
    intro:
      `Annual matching buys as many clean MWh over the year as the campus uses; 24/7 (hourly) matching requires clean supply in the same hour as the load, so it needs a different mix, often with clean firm power and batteries. ` +
      `The first chart sets the megawatts each basis contracts for ${code(base.name)}${escapeHtml(year)} side by side, with the hourly score each reaches; the second shows how the cost per MWh rises as the hourly target approaches 100%. ` +
      'A campus that is only larger or smaller, with the same hourly load shape and prices, pays the same per MWh, so scenarios often share one cost curve. ' +
      `Portfolios are found by the fast heuristic of ${code('gwplan run')}; ${code('gwplan hourly')} also solves the exact LP.`,
    charts: [base.hourly ? annualVsHourlyChart(base.name, base.hourly) : undefined, curve],
    after: unmet.length > 0 ? `<p>Targets that could not be met:</p>\n<ul>\n${unmet.join('\n')}\n</ul>` : undefined,
  };
}

function uncertaintySection(base: ReportScenario): Section | undefined {
  const u = base.uncertainty;
  if (!u) return undefined;
  const charts = [tornadoChart(base), energyFanChart(base)];
  if (charts.every((c) => c === undefined)) return undefined;
  return {
    id: 'uncertainty',
    heading: 'Uncertainty',
    intro:
      `Many inputs are estimates with a range (chip power, PUE, energisation dates). ${code(base.name)} was sampled ${escapeHtml(groupedNumber(u.samples, 0))} times (Latin hypercube, seed ${u.seed}). ` +
      'The tornado shows which inputs move the first-full-year facility energy most; the fan shows the range of facility energy in every year. ' +
      `Every scenario's ranges are in its ${code('uncertainty/percentiles.csv')}.`,
    charts,
  };
}

/**
 * Cost by year and investment tranches of the baseline, when the model's
 * results carry cost rows (charts/cost.ts costReportData); otherwise no section.
 */
export function costSection(base: ReportScenario): Section | undefined {
  const cost = costReportData(base.result, base.costCurrencyYear);
  if (!cost) return undefined;
  const unmet = cost.tranches.filter((t) => t.conditionMetYear === null);
  return {
    id: 'cost',
    heading: 'Cost and investment',
    intro:
      `What ${code(base.name)} spends year by year and what a year of running it costs, and how the investment's tranches compare with the capital spent. ` +
      `Amounts are in US dollars${cost.currencyYear === undefined ? '' : ` of ${cost.currencyYear}`}, from the cost assumptions; ${code('cost.csv')} and ${code('tranches.csv')} hold them in full.`,
    charts: [costByYearChart(base.name, cost), tranchesChart(base.name, cost)],
    after:
      unmet.length > 0
        ? `<p>Tranches whose condition is not met within the horizon: ${unmet.map((t) => `${escapeHtml(t.name)} (${code(t.condition)})`).join(', ')}.</p>`
        : undefined,
  };
}

function assumptionsSection(input: ReportInput): Section | undefined {
  const table = assumptionsTable(input);
  if (!table || !input.comparison) return undefined;
  return {
    id: 'assumptions',
    heading: 'What differs between scenarios',
    intro:
      `Every assumption whose effective value differs between any two scenarios, in model units (a date shift in hours, power in W or MW, ratios without a unit). ` +
      `Each table sets ${code(input.comparison.baseline)} beside up to four scenarios and lists only what those scenarios change. ` +
      `Shaded: a value that differs from ${code(input.comparison.baseline)}, with the file and line where it was set. ` +
      `${code('compare/assumptions.csv')} holds the same table; ${code('compare/attribution.csv')} how much of each difference in the results every changed assumption explains.`,
    charts: [],
    after: table,
  };
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: ${FONT}; font-size: 14px; line-height: 1.45; color: #1a1a1a; background: #fff; max-width: 980px; margin: 0 auto; padding: 24px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #bbb; }
h3 { font-size: 15px; margin: 16px 0 6px; }
p { margin: 6px 0 10px; max-width: 76ch; }
.lede { font-size: 16px; }
.note { background: #f4f6f8; border-left: 3px solid #4e79a7; padding: 8px 12px; max-width: none; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; color: #333; }
a { color: #1f5b99; }
figure.chart { margin: 18px 0 24px; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #555; margin-top: 2px; }
table { border-collapse: collapse; font-size: 12px; width: 100%; margin: 8px 0 16px; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 5px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #888; vertical-align: bottom; }
th[scope="row"] { font-weight: normal; }
th[scope="row"] code { display: block; font-size: 10px; color: #666; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th.num { white-space: normal; overflow-wrap: anywhere; }
td.unit { color: #555; white-space: nowrap; }
tr.group th { background: #eef1f4; font-weight: bold; padding-top: 6px; }
td.differs { background: #fff4d6; }
td.changed { background: #fff4d6; }
table.assumptions td, table.assumptions th { font-size: 11px; }
table.assumptions .value { white-space: nowrap; }
table.assumptions thead th { overflow-wrap: anywhere; }
.set-at { display: block; font-size: 10px; color: #666; overflow-wrap: anywhere; }
.absent { color: #888; font-style: italic; }
ul.sources { font-size: 12px; padding-left: 18px; }
ul.sources li { margin-bottom: 4px; }
footer { margin-top: 40px; font-size: 12px; color: #555; border-top: 1px solid #ccc; padding-top: 8px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { font-size: 14pt; break-after: avoid; page-break-after: avoid; margin-top: 18pt; }
  h3 { break-after: avoid; page-break-after: avoid; }
  p { max-width: none; }
  figure.chart, tr { break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg { max-height: 120mm; width: auto; }
  thead { display: table-header-group; }
  table { font-size: 7.5pt; }
  table.assumptions td, table.assumptions th { font-size: 7pt; }
  th[scope="row"] code, .set-at { font-size: 6.5pt; }
  a { color: inherit; text-decoration: none; }
  td.differs, td.changed, tr.group th, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function page(input: ReportInput, base: ReportScenario, sections: readonly string[]): string {
  const others = input.scenarios.length - 1;
  const title = `gwplan report: ${base.name}${others > 0 ? ` and ${others} other scenario${others === 1 ? '' : 's'}` : ''}`;
  const manifests = input.scenarios.map((s) => `<a href="${escapeHtml(encodeURIComponent(s.name))}/manifest.json">${escapeHtml(s.name)}/manifest.json</a>`);
  const header = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lede">${escapeHtml(base.question)}</p>`,
    `<p>This report sets out what gwplan computes for this case: how many accelerators fit the power envelope, how much compute they provide, how much electricity the campus draws year by year, and how much clean energy must be contracted to match it, ` +
      `for ${code(base.name)}${others > 0 ? ` and ${others} scenario${others === 1 ? '' : 's'} that each change a few assumptions to answer one question (below)` : ''}.</p>`,
    `<p class="note">Every number here is computed from the assumption files (${code('assumptions/*.yaml')} and ${code('assumptions/phases.csv')}); none is typed into this page. ` +
      `Each scenario's ${code('manifest.json')}, in the folder of that name next to this file (${code('outputs/<scenario>/manifest.json')}: ${manifests.join(', ')}), lists every assumption with its value, unit, source and the file and line where it was set, ` +
      `and the CSV files beside it hold every figure at full precision (columns described in ${code('docs/outputs.md')}).</p>`,
    scenarioTable(input),
    '</header>',
  ];
  const footer =
    `<footer>Made by gwplan ${escapeHtml(input.version)} (${code('gwplan report')}, also written by ${code('npm start')}). ` +
    'Charts were drawn when the report was made; this file needs no network, runs no script and prints on A4.</footer>';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...header,
    '<main>',
    ...sections,
    '</main>',
    footer,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
