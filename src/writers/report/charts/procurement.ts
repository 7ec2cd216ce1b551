/**
 * Clean-energy procurement charts from the hourly CFE study (hourly/*.csv):
 * the MW annual matching buys next to each 24/7 portfolio (one scenario), and
 * what each CFE target costs (every scenario).
 */
import type { TopLevelSpec } from 'vega-lite';
import { TECHNOLOGIES } from '../../../model/inputs.js';
import { percent } from '../format.js';
import { CHART_HEIGHT, CHART_WIDTH, CONFIG, scenarioScales, TECHNOLOGY_COLORS, TECHNOLOGY_LABELS } from '../style.js';
import type { ReportHourly, ReportScenario } from '../types.js';
import type { Chart } from './chart.js';

/** `annual_matching` -> "Annual matching", `hourly_cfe_95` -> "24/7 CFE 95%". */
export function basisLabel(basis: string, target: number): string {
  return basis === 'annual_matching' ? 'Annual matching' : `24/7 CFE ${percent(target)}`;
}

/** Stacked MW per technology (batteries as their discharge power), one bar per basis; the hourly CFE score above each bar. */
export function annualVsHourlyChart(scenario: string, hourly: ReportHourly): Chart {
  const stacks = [...TECHNOLOGIES, 'battery'] as const;
  const bars = hourly.annualVsHourly.map((row) => ({ ...row, label: basisLabel(row.basis, row.target) }));
  const order = bars.map((b) => b.label);
  const segments = bars.flatMap((bar) =>
    stacks.map((tech, index) => ({
      basis: bar.label,
      technology: TECHNOLOGY_LABELS[tech]!,
      order: index,
      mw: tech === 'battery' ? bar.batteryMw : bar.mw[tech],
    })),
  );
  const totals = bars.map((bar) => ({
    basis: bar.label,
    totalMw: TECHNOLOGIES.reduce((sum, t) => sum + bar.mw[t], 0) + bar.batteryMw,
    score: `${percent(bar.hourlyCfeScore)} CFE`,
  }));
  const x = { field: 'basis', type: 'nominal', sort: order, title: `Procurement basis (${scenario}, ${hourly.year})`, axis: { labelAngle: 0 } } as const;
  // Room above the tallest bar for its label.
  const top = Math.max(...totals.map((t) => t.totalMw)) * 1.1;
  const spec: TopLevelSpec = {
    config: CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: {
      text: `Annual matching vs 24/7 portfolios, ${scenario}, ${hourly.year}`,
      subtitle: ['Nameplate MW to contract on each basis (annual_vs_hourly.csv);', 'above each bar: the hourly CFE score that portfolio reaches'],
    },
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'mw', type: 'quantitative', stack: 'zero', title: 'Nameplate capacity (MW)', axis: { format: ',.0f' }, scale: { domain: [0, top] } },
          color: {
            field: 'technology',
            type: 'nominal',
            title: 'Technology',
            scale: { domain: stacks.map((t) => TECHNOLOGY_LABELS[t]!), range: stacks.map((t) => TECHNOLOGY_COLORS[t]!) },
            legend: { columns: 5 },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', dy: -7, fontSize: 11, color: '#222' },
        encoding: { x, y: { field: 'totalMw', type: 'quantitative' }, text: { field: 'score' } },
      },
    ],
  };
  return {
    id: 'annual-vs-hourly',
    caption: `Megawatts of solar, wind, clean firm and battery contracted under annual matching and under each 24/7 CFE target, ${scenario}, ${hourly.year}.`,
    spec,
  };
}

/** Curves closer than this, relative, at every target are drawn as one line. */
const SAME_CURVE = 0.005;

/**
 * Cost per MWh of load against the CFE target: one line per scenario and
 * method, the baseline's annual matching as a dashed rule. Scenarios whose
 * curves are the same within SAME_CURVE (a larger or smaller campus with the
 * same load shape and prices costs about the same per MWh) share one line,
 * named in its legend entry.
 */
export function cfeCostChart(scenarios: readonly ReportScenario[], baseline: string): Chart | undefined {
  const withHourly = scenarios.filter((s) => s.hourly && s.hourly.portfolios.length > 0);
  if (withHourly.length === 0) return undefined;
  const methods = [...new Set(withHourly.flatMap((s) => s.hourly!.portfolios.map((p) => p.method)))].sort();
  const methodLabel = (method: string) => (method === 'lp' ? 'LP (optimal)' : 'heuristic');
  // Group scenarios whose curves agree within SAME_CURVE at every point (the heuristic's own granularity is finer than a line's width).
  const groups: { names: string[]; points: { method: string; targetPct: number; cost: number }[] }[] = [];
  for (const s of withHourly) {
    const points = s.hourly!.portfolios.map((p) => ({ method: methodLabel(p.method), targetPct: p.target * 100, cost: p.costUsdPerMwh }));
    const same = groups.find(
      (g) =>
        g.points.length === points.length &&
        g.points.every((q, i) => q.method === points[i]!.method && q.targetPct === points[i]!.targetPct && Math.abs(q.cost - points[i]!.cost) <= SAME_CURVE * Math.abs(q.cost)),
    );
    if (same) same.names.push(s.name);
    else groups.push({ names: [s.name], points });
  }
  const seriesName = (names: readonly string[]) =>
    names.length === 1
      ? names[0]!
      : `${names.length === scenarios.length ? `all ${names.length} scenarios` : names.join(', ')} (within ${SAME_CURVE * 100}% of each other)`;
  const series = groups.map((g) => ({ name: seriesName(g.names), first: g.names[0]!, points: g.points }));
  const rows = series.flatMap((c) => c.points.map((p) => ({ ...p, series: c.name })));
  const base = withHourly.find((s) => s.name === baseline)?.hourly;
  const annual = base?.annualVsHourly.find((r) => r.basis === 'annual_matching');
  const currency = withHourly[0]!.hourly!.currencyYear;
  const usd = currency === undefined ? 'USD' : `USD ${currency}`;
  // Each line keeps the colour and shape of its first scenario.
  const scales = scenarioScales(scenarios.map((s) => s.name));
  const styleOf = (first: string, scale: { domain: string[]; range: string[] }) => scale.range[scale.domain.indexOf(first)]!;
  const legendScale = (scale: { domain: string[]; range: string[] }) => ({ domain: series.map((c) => c.name), range: series.map((c) => styleOf(c.first, scale)) });
  const xTargets = [...new Set(rows.map((r) => r.targetPct))].sort((a, b) => a - b);
  const legend = { title: 'Scenario', columns: series.length > 4 ? 4 : 1, labelLimit: 520 };
  const lines = {
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'targetPct',
        type: 'quantitative',
        title: 'Hourly CFE target (% of load met by clean energy in the same hour)',
        scale: { zero: false, domain: [Math.floor(xTargets[0]! / 5) * 5, 100] },
        axis: { values: xTargets, format: '.0f' },
      },
      y: { field: 'cost', type: 'quantitative', title: `Cost (${usd} per MWh of load)`, scale: { zero: false }, axis: { format: ',.0f' } },
      color: { field: 'series', type: 'nominal', scale: legendScale(scales.color), legend },
      shape: { field: 'series', type: 'nominal', scale: legendScale(scales.shape), legend },
      ...(methods.length > 1 ? { strokeDash: { field: 'method', type: 'nominal', title: 'Method' }, detail: { field: 'method' } } : {}),
    },
  };
  const spec = {
    config: CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: {
      text: 'Cost of 24/7 carbon-free electricity by target',
      subtitle: [
        `Least-cost portfolio per target, by the ${methods.map((m) => (m === 'lp' ? 'LP' : m)).join(' and the ')} (cfe_portfolios.csv)`,
        ...(annual ? [`dashed line: ${baseline} under annual matching, ${usd} ${annual.costUsdPerMwh.toFixed(0)}/MWh, for reference`] : []),
      ],
    },
    layer: [
      lines,
      ...(annual
        ? [
            {
              data: { values: [{ cost: annual.costUsdPerMwh }] },
              mark: { type: 'rule', strokeDash: [6, 4], color: '#555', strokeWidth: 1.5 },
              encoding: { y: { field: 'cost', type: 'quantitative' } },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
  return {
    id: 'cfe-cost-curve',
    caption: `Cost per MWh of load of the least-cost 24/7 CFE portfolio at each target; scenarios within ${SAME_CURVE * 100}% of each other share a line.`,
    spec,
  };
}
