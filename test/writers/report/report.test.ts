/**
 * The report page as text: deterministic, self-contained, escaped, and made
 * only of the sections its data supports. (test/browser/report.test.ts
 * checks the same page as Chromium draws it.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSelected, type EvaluatedScenario } from '../../../src/cli/evaluateSelected.js';
import { heuristicStudies, RUN_HOURLY } from '../../../src/cli/hourlyStudies.js';
import { reportComparison, reportInput } from '../../../src/cli/reportInput.js';
import { scenarioUncertainty } from '../../../src/pipeline/uncertainty.js';
import type { ModelResult } from '../../../src/results/types.js';
import { costReportData } from '../../../src/writers/report/charts/cost.js';
import { assumptionValue, escapeHtml, groupedNumber, tableValue } from '../../../src/writers/report/format.js';
import { renderReport } from '../../../src/writers/report/html.js';
import { columnBlocks, headlineTable } from '../../../src/writers/report/tables.js';
import { textWidth } from '../../../src/writers/report/textWidth.js';
import type { ReportInput } from '../../../src/writers/report/types.js';
import { scopeIds } from '../../../src/writers/report/vegaRender.js';
import { SHIPPED_ASSUMPTIONS } from '../../cli/harness.js';

const io = { cwd: '/', stdout: () => undefined, stderr: (text: string) => void process.stderr.write(text), isTty: false };

let evaluated: EvaluatedScenario[];
let input: ReportInput;
let html: string;

beforeAll(async () => {
  const runs = evaluateSelected(SHIPPED_ASSUMPTIONS, ['base', 'liquid-cooled', 'trn3-1400w'], io);
  if (typeof runs === 'number') throw new Error('the shipped assumptions do not evaluate');
  evaluated = runs;
  const hourly = heuristicStudies(runs, RUN_HOURLY, io);
  if (typeof hourly === 'number') throw new Error('no hourly study');
  const uncertainty = new Map(runs.map((run) => [run.name, scenarioUncertainty(run.scenario, { samples: 400, seed: 7 })]));
  input = reportInput(runs, { uncertainty, hourly, comparison: reportComparison(runs) });
  html = await renderReport(input);
}, 120_000);

/** The input with one scenario's result replaced. */
function withResult(name: string, change: (result: ModelResult) => ModelResult): ReportInput {
  return { ...input, scenarios: input.scenarios.map((s) => (s.name === name ? { ...s, result: change(s.result) } : s)) };
}

describe('renderReport', () => {
  it('gives the same bytes for the same inputs', async () => {
    expect(await renderReport(input)).toBe(html);
  });

  it('is one self-contained page: no script, nothing loaded from anywhere, no clashing ids', () => {
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face|\ssrc=/i);
    // The only absolute URLs are SVG namespace names, which are never fetched.
    const urls = [...html.matchAll(/\b(?:https?|ftp):\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
    for (const [, ref] of html.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
    expect(html).toContain('@page { size: A4; margin: 15mm; }');
  });

  it('draws each chart it has data for, with a title and a caption', () => {
    const charts = [...html.matchAll(/<figure class="chart" id="chart-([a-z0-9-]+)"/g)].map((m) => m[1]);
    const costCharts = costReportData(evaluated[0]!.result) ? ['cost-by-year', 'investment-tranches'] : [];
    expect(charts).toEqual(['chips-by-year', 'fp8-by-year', 'facility-energy-by-year', 'annual-vs-hourly', 'cfe-cost-curve', 'tornado', 'energy-fan', ...costCharts]);
    expect(html.match(/<svg /g)?.length).toBe(charts.length);
    expect(html.match(/<figcaption>/g)?.length).toBe(charts.length);
    expect(html).toContain('Energised accelerators by year');
  });

  it('tables every headline metric per scenario, and what differs with where it was set and why', () => {
    const metrics = evaluated[0]!.result.summary.map((r) => r.metric);
    for (const metric of metrics) expect(html).toContain(`<tr data-metric="${metric}">`);
    expect(html).toContain('data-assumption="facility.annual_pue"');
    expect(html).toContain('scenarios/liquid-cooled.yaml:');
    expect(html).toContain('<h3>Why the values differ</h3>');
    expect(html).toContain('<a href="liquid-cooled/manifest.json">');
  });

  it("tables each tranche's rows under their own heading: '–' where a scenario lacks it, 'never' where capex never reaches it", () => {
    expect(html).toContain('<tr data-metric="tranche_upfront_capex_exceeds_year"><th scope="row">upfront: year cumulative capex reaches it');
    // liquid-cooled pays only the upfront tranche; trn3-1400w adds one it never reaches.
    const changed = withResult('liquid-cooled', (r) => ({ ...r, summary: r.summary.filter((row) => !row.metric.startsWith('tranche_milestones_')) }));
    const scenarios = withResult('trn3-1400w', (r) => ({
      ...r,
      summary: [...r.summary, { metric: 'tranche_huge_capex_exceeds_year', value: '', unit: 'year' }, { metric: 'tranche_huge_share_of_full_buildout_capex', value: 3.5, unit: 'ratio' }],
    })).scenarios.map((s) => (s.name === 'liquid-cooled' ? changed.scenarios.find((c) => c.name === s.name)! : s));
    const table = headlineTable(scenarios, 'base');
    const row = (metric: string) => table.split('\n').find((line) => line.startsWith(`<tr data-metric="${metric}">`))!;
    const cells = (metric: string) => [...row(metric).matchAll(/<td class="num[^"]*" data-scenario="([^"]+)">([^<]*)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(cells('tranche_milestones_capex_exceeds_year')).toEqual([['base', '2029'], ['liquid-cooled', '&ndash;'], ['trn3-1400w', '2029']]);
    // A tranche only a later scenario has still gets its rows, after the baseline's.
    expect(cells('tranche_huge_capex_exceeds_year')).toEqual([['base', '&ndash;'], ['liquid-cooled', '&ndash;'], ['trn3-1400w', 'never']]);
    expect(cells('tranche_huge_share_of_full_buildout_capex')).toEqual([['base', '&ndash;'], ['liquid-cooled', '&ndash;'], ['trn3-1400w', '3.500']]);
    const order = [...table.matchAll(/<tr data-metric="(tranche_[^"]+)">/g)].map((m) => m[1]);
    expect(order).toEqual([
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
      'tranche_huge_capex_exceeds_year',
      'tranche_huge_share_of_full_buildout_capex',
    ]);
    expect(table.match(/Investment tranches/g)).toHaveLength(1);
  });

  it('escapes every text that comes from an assumption file', async () => {
    const hostile = '<script>alert("x")</script> & \'quoted\'';
    const page = await renderReport({
      ...input,
      scenarios: input.scenarios.map((s) => ({
        ...s,
        question: hostile,
        assumptions: new Map([...s.assumptions].map(([path, a]) => [path, { ...a, source: hostile }])),
      })),
    });
    expect(page).not.toContain('<script>');
    expect(page).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('leaves out what it has no data for: uncertainty, hourly, comparison', async () => {
    const bare: ReportInput = {
      ...input,
      comparison: undefined,
      scenarios: input.scenarios.map((s) => ({ ...s, uncertainty: undefined, hourly: undefined, result: { ...s.result, cost: undefined, tranches: undefined } as unknown as ModelResult })),
    };
    const page = await renderReport(bare);
    for (const section of ['uncertainty', 'procurement', 'assumptions', 'cost']) expect(page).not.toContain(`<section id="${section}">`);
    for (const section of ['headline', 'buildout', 'energy']) expect(page).toContain(`<section id="${section}">`);
  });

  it('draws the cost section only when the results carry cost rows', async () => {
    const uncosted = await renderReport(withResult('base', (result) => ({ ...result, cost: undefined, tranches: undefined }) as unknown as ModelResult));
    expect(uncosted).not.toContain('<section id="cost">');
    const years = evaluated[0]!.result.annual.map((row, i) => ({
      year: row.year,
      capexFacilityUsd: i < 4 ? 3e9 : 0,
      capexItUsd: i < 4 ? 8e9 : 0,
      capexNetworkUsd: i < 4 ? 1e9 : 0,
      capexTotalUsd: i < 4 ? 12e9 : 0,
      opexEnergyUsd: row.facilityEnergyMwh * 60,
      opexProcurementPremiumUsd: 0,
      opexOmUsd: 5e8,
      annualisedCostUsd: 4e9,
      cumulativeCapexUsd: 12e9 * Math.min(i + 1, 4),
    }));
    const tranches = [
      { name: 'upfront', amountUsd: 15e9, cumulativeUsd: 15e9, condition: 'date=2026-01-01', conditionMetYear: 2026, capexExceedsYear: 2027, shareOfFullBuildoutCapex: 0.3 },
      { name: 'never', amountUsd: 35e9, cumulativeUsd: 50e9, condition: 'energised_critical_it_mw=9000', conditionMetYear: null, capexExceedsYear: null, shareOfFullBuildoutCapex: 1 },
    ];
    const costed = withResult('base', (result) => ({ ...result, cost: years, tranches }) as ModelResult);
    expect(costReportData(costed.scenarios[0]!.result)?.years.length).toBe(years.length);
    const page = await renderReport(costed);
    expect(page).toContain('<section id="cost">');
    expect(page).toContain('id="chart-cost-by-year"');
    expect(page).toContain('id="chart-investment-tranches"');
    expect(page).toContain('<code>energised_critical_it_mw=9000</code>');
    // Rows of some other shape are not charted rather than charted wrongly.
    expect(costReportData({ ...evaluated[0]!.result, cost: [{ year: 2026 }] } as ModelResult)).toBeUndefined();
  });
});

describe('report helpers', () => {
  it('formats numbers with grouped digits and never -0', () => {
    expect(groupedNumber(11407565.261, 0)).toBe('11,407,565');
    expect(groupedNumber(-1234.56, 1)).toBe('-1,234.6');
    expect(groupedNumber(-0.0001, 1)).toBe('0.0');
    expect(tableValue(1.2194, 'USD/EFLOP')).toBe('1.219');
    expect(tableValue(61243704000.4, 'USD')).toBe('61,243,704,000');
    expect(tableValue(1512, 'MW')).toBe('1,512.0');
    expect(tableValue(2030, 'year')).toBe('2030');
    expect(assumptionValue(0.125)).toBe('0.125');
    expect(assumptionValue(-1234.5)).toBe('-1,234.5');
    expect(assumptionValue('2026-10-01')).toBe('2026-10-01');
  });

  it('puts the baseline at the head of every block of at most five scenarios', () => {
    expect(columnBlocks([1, 2, 3], (n) => n === 2)).toEqual([[2, 1, 3]]);
    const blocks = columnBlocks([0, 1, 2, 3, 4, 5, 6, 7], (n) => n === 0);
    expect(blocks).toEqual([
      [0, 1, 2, 3, 4],
      [0, 5, 6, 7],
    ]);
  });

  it('scopes SVG ids to their chart', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    expect(scopeIds(svg, 'fan')).toBe('<svg><defs><clipPath id="fan-clip1"><rect/></clipPath></defs><g clip-path="url(#fan-clip1)"><use href="#fan-clip1"/></g></svg>');
  });

  it('measures text by Helvetica metrics', () => {
    expect(textWidth({ fontSize: 10 }, 'iiii')).toBeLessThan(textWidth({ fontSize: 10 }, 'MMMM'));
    expect(textWidth({ fontSize: 10, fontWeight: 'bold' }, 'base')).toBeGreaterThan(textWidth({ fontSize: 10 }, 'base'));
    expect(textWidth({}, '  ')).toBe(0);
    // "2030" at 11 px: 4 digits of 0.556 em.
    expect(textWidth({ fontSize: 11 }, '2030')).toBeCloseTo(4 * 0.556 * 11 * 1.04, 6);
  });
});
