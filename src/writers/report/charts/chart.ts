/** A chart of the report before rendering: its vega-lite spec and the words around it. */
import type { TopLevelSpec } from 'vega-lite';
import type { AnnualRow } from '../../../results/types.js';
import { CHART_HEIGHT, CHART_WIDTH, CONFIG, scenarioScales } from '../style.js';
import type { ReportScenario } from '../types.js';

export interface Chart {
  /** Unique within the page; also the prefix of the SVG's ids (vegaRender.ts). */
  id: string;
  /** What the chart shows, in one sentence: the figure's accessible label and caption. */
  caption: string;
  spec: TopLevelSpec;
}

/** One value of one scenario in one year. */
export interface ScenarioYearValue {
  scenario: string;
  year: number;
  value: number;
}

export interface ScenarioLinesOptions {
  id: string;
  title: string;
  /** One string per line; keep each under ~90 characters so the chart stays its set width. */
  subtitle: readonly string[];
  /** x axis title: what a year means for this figure (a stock at year end, or a total over the year). */
  xTitle: string;
  /** Axis title with its unit, e.g. `Facility energy (TWh per year)`. */
  yTitle: string;
  /** d3 format of the y axis, e.g. `,.0f`. */
  yFormat: string;
  caption: string;
  /** Every scenario, in report order: fixes colours and shapes. */
  scenarios: readonly string[];
  rows: readonly ScenarioYearValue[];
}

/** scenarioLines of one annual.csv figure: `value` reads it from a year's row, in the chart's unit. */
export function annualLines(
  options: Omit<ScenarioLinesOptions, 'scenarios' | 'rows'>,
  scenarios: readonly ReportScenario[],
  value: (row: AnnualRow) => number,
): Chart {
  return scenarioLines({
    ...options,
    scenarios: scenarios.map((s) => s.name),
    rows: scenarios.flatMap((s) => s.result.annual.map((row) => ({ scenario: s.name, year: row.year, value: value(row) }))),
  });
}

/**
 * One line per scenario over the years, each with its own colour and point
 * shape, so lines that coincide (scenarios that do not change this figure)
 * still show every scenario's points.
 */
export function scenarioLines(options: ScenarioLinesOptions): Chart {
  const scales = scenarioScales(options.scenarios);
  const legend = { title: 'Scenario' };
  return {
    id: options.id,
    caption: options.caption,
    spec: {
      config: CONFIG,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      title: { text: options.title, subtitle: [...options.subtitle] },
      data: { values: options.rows.map((r) => ({ ...r })) },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: options.xTitle, axis: { labelAngle: 0 } },
        y: { field: 'value', type: 'quantitative', title: options.yTitle, axis: { format: options.yFormat } },
        color: { field: 'scenario', type: 'nominal', scale: scales.color, legend },
        shape: { field: 'scenario', type: 'nominal', scale: scales.shape, legend },
      },
    },
  };
}
