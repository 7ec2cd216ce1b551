/**
 * report.html in a real browser: Debian's Chromium, headless, driven by
 * playwright-core (which downloads no browser of its own). The report is
 * rendered in-process from the shipped assumptions into a temporary
 * workspace, opened from a file:// URL and checked as a reader would see it:
 * no console errors, no request beyond the file itself, every chart drawn
 * with titled axes and a legend, labels that neither overlap nor run off the
 * chart, and a headline table with every scenario and metric. A full-page
 * screenshot (and an A4 PDF) go to test/artifacts/ for a person to look at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SUMMARY_METRICS } from '../../src/model/summary.js';
import { gwplan, makeWorkspace, type Workspace } from '../cli/harness.js';

const CHROMIUM = process.env.GWPLAN_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
/** Every chart the shipped assumptions give data for, in page order; then the cost charts, drawn when the model computes cost. */
const CHARTS = ['chips-by-year', 'fp8-by-year', 'facility-energy-by-year', 'annual-vs-hourly', 'cfe-cost-curve', 'tornado', 'energy-fan'];
const COST_CHARTS = ['cost-by-year', 'investment-tranches'];
/** A4's printable area inside the report's 15 mm margins, CSS px (96 per inch). */
const PRINT_WIDTH_PX = Math.floor((180 / 25.4) * 96);
const PRINT_HEIGHT_PX = Math.floor((267 / 25.4) * 96);
/** Width of a laptop browser window, CSS px. */
const VIEWPORT = { width: 1100, height: 900 };

let ws: Workspace;
let browser: Browser | undefined;
let page: Page;
let reportUrl: string;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: run \`apt-get install -y chromium\` (Debian's package), or set GWPLAN_CHROMIUM to its path.`);
  }
  ws = makeWorkspace();
  const run = await gwplan(ws.root, 'report');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  reportUrl = pathToFileURL(join(ws.root, 'outputs', 'report.html')).href;

  // launch() starts Chromium with a fresh temporary profile (user data dir) and removes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: VIEWPORT });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(reportUrl, { waitUntil: 'load' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  ws?.cleanup();
});

describe('report.html in Chromium', () => {
  it('loads with no console error and no request but its own file', { timeout: 60_000 }, () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([reportUrl]);
  });

  it('draws every chart as SVG with a title, titled axes and a legend', { timeout: 60_000 }, async () => {
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const texts = (selector: string) => [...figure.querySelectorAll(`${selector} text`)].map((t) => t.textContent?.trim() ?? '').filter((t) => t !== '');
        return {
          id: figure.id,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: svg?.querySelectorAll('path, rect, line').length ?? 0,
          title: texts('.role-title-text'),
          axisTitles: texts('.role-axis-title'),
          legendLabels: texts('.role-legend-label'),
        };
      }),
    );
    const hasCost = (await page.$('section#cost')) !== null;
    expect(charts.map((c) => c.id)).toEqual([...CHARTS, ...(hasCost ? COST_CHARTS : [])].map((id) => `chart-${id}`));
    for (const chart of charts) {
      expect(chart.width, chart.id).toBeGreaterThan(300);
      expect(chart.height, chart.id).toBeGreaterThan(150);
      expect(chart.marks, chart.id).toBeGreaterThan(10);
      expect(chart.title.length, `${chart.id} title`).toBeGreaterThan(0);
      // Both axes titled, and every numeric axis title carries a unit in parentheses.
      expect(chart.axisTitles.length, `${chart.id} axis titles`).toBe(2);
      expect(chart.axisTitles.some((t) => /\(.+\)/.test(t)), `${chart.id} unit in an axis title: ${chart.axisTitles.join(' | ')}`).toBe(true);
      expect(chart.legendLabels.length, `${chart.id} legend`).toBeGreaterThan(0);
    }
  });

  it('keeps every label readable: none overlaps another, none runs off its chart, nothing scrolls sideways', { timeout: 60_000 }, async () => {
    const problems = await page.$$eval('figure.chart svg', (svgs) => {
      const found: string[] = [];
      const overlap = (a: DOMRect, b: DOMRect) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      for (const svg of svgs) {
        const id = svg.closest('figure')?.id ?? '?';
        const frame = svg.getBoundingClientRect();
        for (const text of svg.querySelectorAll('text')) {
          const r = text.getBoundingClientRect();
          if (r.width === 0) continue;
          if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) found.push(`${id}: "${text.textContent}" runs off the chart`);
        }
        // Every text of the chart against every other: titles, axis titles and labels, legends, and labels on marks.
        const boxes = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() })).filter((t) => t.box.width > 0);
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!.box, boxes[j]!.box)) found.push(`${id}: "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
      }
      return found;
    });
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
  });

  it('has a headline table row per metric with a value for every scenario', { timeout: 60_000 }, async () => {
    const scenarios = ['base', ...readdirSync(join(ws.root, 'assumptions', 'scenarios')).map((f) => f.replace(/\.yaml$/, ''))].sort();
    const rows = await page.$$eval('table.headline tr[data-metric]', (trs) =>
      trs.map((tr) => ({
        metric: tr.getAttribute('data-metric')!,
        cells: [...tr.querySelectorAll('td[data-scenario]')].map((td) => ({ scenario: td.getAttribute('data-scenario')!, text: td.textContent!.trim() })),
      })),
    );
    const byMetric = new Map<string, Map<string, string>>();
    for (const row of rows) for (const cell of row.cells) byMetric.set(row.metric, (byMetric.get(row.metric) ?? new Map()).set(cell.scenario, cell.text));
    // The fixed metrics, then the shipped cost.yaml's two tranches' rows (every shipped scenario has both).
    expect([...byMetric.keys()]).toEqual([
      ...SUMMARY_METRICS.map((m) => m.metric),
      'tranche_upfront_capex_exceeds_year',
      'tranche_upfront_share_of_full_buildout_capex',
      'tranche_milestones_capex_exceeds_year',
      'tranche_milestones_share_of_full_buildout_capex',
    ]);
    for (const [metric, cells] of byMetric) {
      expect([...cells.keys()].sort(), metric).toEqual(scenarios);
      for (const [scenario, text] of cells) expect(text, `${metric} ${scenario}`).toMatch(/^(-?[\d,]+(\.\d+)?|\d{4}-\d{2}-\d{2}|[a-z_]+)$/);
    }
    expect(await page.$$eval('#scenario-table tr[data-scenario]', (trs) => trs.length)).toBe(scenarios.length);
  });

  it('saves a full-page screenshot and an A4 PDF to test/artifacts/', { timeout: 60_000 }, async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = join(ARTIFACTS, 'report.png');
    rmSync(png, { force: true });
    await page.screenshot({ path: png, fullPage: true });
    expect(existsSync(png)).toBe(true);
    // Printed on A4 (180 mm x 267 mm inside 15 mm margins, 96 px per inch): no figure is wider or taller than a page.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINT_WIDTH_PX, height: PRINT_HEIGHT_PX });
    const figures = await page.$$eval('figure.chart', (all) => all.map((f) => ({ id: f.id, width: f.getBoundingClientRect().width, height: f.getBoundingClientRect().height })));
    for (const figure of figures) {
      expect(figure.width, figure.id).toBeLessThanOrEqual(PRINT_WIDTH_PX);
      expect(figure.height, figure.id).toBeLessThan(PRINT_HEIGHT_PX);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PRINT_WIDTH_PX);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(VIEWPORT);
    writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Every page A4: 595 x 842 points (Chromium writes 594.96 x 841.92).
    const pages = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(pages.length).toBeGreaterThan(3);
    expect(new Set(pages.map((p) => p.join(' x ')))).toEqual(new Set(['595 x 842']));
  });
});
