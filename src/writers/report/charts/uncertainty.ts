/**
 * Uncertainty charts of one scenario (uncertainty/*.csv): a tornado of which
 * inputs move the headline facility energy most, and a fan of facility energy
 * by year (P5-P95 and P10-P90 bands, P50).
 */
import type { TopLevelSpec } from 'vega-lite';
import { groupedNumber } from '../format.js';
import { CHART_HEIGHT, CHART_WIDTH, CONFIG } from '../style.js';
import type { ReportScenario } from '../types.js';
import type { Chart } from './chart.js';

/** The headline metric of the tornado: facility energy in the first full year. */
export const TORNADO_METRIC = 'facility_energy_mwh';
/** Inputs shown: the largest swings. */
export const TORNADO_INPUTS = 10;

/** `phases.trn4-a.energised_on` (h) -> "phases.trn4-a.energised_on (14 to 187 days late)"; a W range in W. */
function inputLabel(input: string, unit: string, low: number, high: number): string {
  if (unit === 'h') return `${input} (${groupedNumber(low / 24, 0)} to ${groupedNumber(high / 24, 0)} days late)`;
  if (unit === '') return `${input} (choice)`;
  const decimals = Math.abs(high - low) >= 10 ? 0 : Math.abs(high - low) >= 0.1 ? 2 : 3;
  const suffix = unit === '1' ? '' : ` ${unit}`;
  return `${input} (${groupedNumber(low, decimals)} to ${groupedNumber(high, decimals)}${suffix})`;
}

export function tornadoChart(scenario: ReportScenario): Chart | undefined {
  const u = scenario.uncertainty;
  if (!u) return undefined;
  const rows = u.tornado
    .filter((r) => r.metric === TORNADO_METRIC && r.swing > 0)
    .sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : 1))
    .slice(0, TORNADO_INPUTS);
  const median = u.percentiles.find((p) => p.metric === TORNADO_METRIC && p.year === 'all')?.p50;
  if (rows.length === 0 || median === undefined) return undefined;
  const labels = rows.map((r) => inputLabel(r.input, r.inputUnit, r.inputLow, r.inputHigh));
  const bars = rows.flatMap((r, i) => [
    { input: labels[i]!, end: 'input at its P10', from: median / 1e6, to: r.outputAtLow / 1e6 },
    { input: labels[i]!, end: 'input at its P90', from: median / 1e6, to: r.outputAtHigh / 1e6 },
  ]);
  const y = { field: 'input', type: 'nominal', sort: labels, title: 'Uncertain input (its P10 to P90)', axis: { labelLimit: 330 } } as const;
  const spec: TopLevelSpec = {
    config: CONFIG,
    width: CHART_WIDTH - 200,
    height: rows.length * 24,
    title: {
      text: `What moves facility energy most, ${scenario.name}`,
      subtitle: [
        'Facility energy in the first full year; each input moved from its P10 to its P90,',
        `every other input at its P50 (tornado.csv). Line: P50 of all ${groupedNumber(u.samples, 0)} samples.`,
      ],
    },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar', height: 8 },
        encoding: {
          y,
          yOffset: { field: 'end', type: 'nominal', sort: ['input at its P10', 'input at its P90'] },
          x: { field: 'from', type: 'quantitative', title: 'Facility energy, first full year (TWh)', scale: { zero: false }, axis: { format: ',.1f', tickCount: 6 } },
          x2: { field: 'to' },
          color: {
            field: 'end',
            type: 'nominal',
            title: 'Facility energy with the',
            scale: { domain: ['input at its P10', 'input at its P90'], range: ['#4e79a7', '#e15759'] },
            legend: { columns: 2 },
          },
        },
      },
      {
        data: { values: [{ p50: median / 1e6 }] },
        mark: { type: 'rule', color: '#222', strokeWidth: 1.5 },
        encoding: { x: { field: 'p50', type: 'quantitative' } },
      },
    ],
  };
  return {
    id: 'tornado',
    caption: `The ${rows.length} uncertain inputs that move ${scenario.name}'s first-full-year facility energy most, each from its P10 to its P90.`,
    spec,
  };
}

export function energyFanChart(scenario: ReportScenario): Chart | undefined {
  const u = scenario.uncertainty;
  if (!u) return undefined;
  const years = u.percentiles.filter((p) => p.metric === TORNADO_METRIC && p.year !== 'all');
  if (years.length === 0) return undefined;
  const bands = years.map((p) => ({
    year: p.year as number,
    p5: p.p5 / 1e6,
    p10: p.p10 / 1e6,
    p50: p.p50 / 1e6,
    p90: p.p90 / 1e6,
    p95: p.p95 / 1e6,
  }));
  const shipped = scenario.result.annual.map((row) => ({ year: row.year, value: row.facilityEnergyMwh / 1e6 }));
  const legend = ['P5 to P95', 'P10 to P90', 'P50 (median)', 'as shipped (no sampling)'];
  const color = { scale: { domain: legend, range: ['#c6dbef', '#6baed6', '#08519c', '#e15759'] }, title: 'Facility energy', legend: { columns: 4 } };
  const x = { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd', values: bands.map((b) => b.year) }, scale: { nice: false } } as const;
  const yTitle = 'Facility energy (TWh per year)';
  const spec: TopLevelSpec = {
    config: CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: {
      text: `Range of facility energy by year, ${scenario.name}`,
      subtitle: [`Percentiles over ${groupedNumber(u.samples, 0)} samples of every uncertain input (percentiles.csv);`, 'P90 is the high case: 90% of samples lie at or below it'],
    },
    layer: [
      {
        data: { values: bands },
        mark: { type: 'area', opacity: 0.9 },
        encoding: { x, y: { field: 'p5', type: 'quantitative', title: yTitle, axis: { format: ',.1f' } }, y2: { field: 'p95' }, color: { datum: legend[0], ...color } },
      },
      {
        data: { values: bands },
        mark: { type: 'area', opacity: 0.9 },
        encoding: { x, y: { field: 'p10', type: 'quantitative' }, y2: { field: 'p90' }, color: { datum: legend[1], ...color } },
      },
      {
        data: { values: bands },
        mark: { type: 'line' },
        encoding: { x, y: { field: 'p50', type: 'quantitative' }, color: { datum: legend[2], ...color } },
      },
      {
        data: { values: shipped },
        mark: { type: 'line', strokeDash: [5, 3], point: true },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, color: { datum: legend[3], ...color } },
      },
    ],
  };
  return {
    id: 'energy-fan',
    caption: `Facility energy of ${scenario.name} by year: the P5 to P95 and P10 to P90 ranges over all samples, their median, and the as-shipped value.`,
    spec,
  };
}
