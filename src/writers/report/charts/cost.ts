/**
 * Cost charts, drawn only when the model's results carry cost rows.
 *
 * The cost model (src/model/cost, assumptions/cost.yaml) is being added to
 * ModelResult as `cost` (one row per year: cost.csv) and `tranches` (one row
 * per investment tranche: tranches.csv). Until those fields are on a result,
 * `costReportData` returns undefined and the report leaves the cost section
 * out. It reads the fields structurally, so this file compiles before and
 * after they land; if they land under other names, `costReportData` is the
 * one function to change.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ModelResult } from '../../../results/types.js';
import { CHART_HEIGHT, CHART_WIDTH, CONFIG } from '../style.js';
import type { Chart } from './chart.js';

/** One year of cost.csv, as the report charts it (USD). */
export interface ReportCostYear {
  year: number;
  capexFacilityUsd: number;
  capexItUsd: number;
  capexNetworkUsd: number;
  annualisedCostUsd: number;
  cumulativeCapexUsd: number;
}

/** One investment tranche of tranches.csv (USD). */
export interface ReportTranche {
  name: string;
  amountUsd: number;
  cumulativeUsd: number;
  /** `date=YYYY-MM-DD` or `energised_critical_it_mw=<MW>`. */
  condition: string;
  /** Year the condition is met; null when it never is within the horizon. */
  conditionMetYear: number | null;
}

export interface ReportCost {
  /** The year whose US dollars every amount is in (cost.yaml currency_year), when known. */
  currencyYear: number | undefined;
  years: ReportCostYear[];
  tranches: ReportTranche[];
}

type Row = Record<string, unknown>;
const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const YEAR_FIELDS = ['year', 'capexFacilityUsd', 'capexItUsd', 'capexNetworkUsd', 'annualisedCostUsd', 'cumulativeCapexUsd'] as const;

/** The cost results of one scenario, or undefined when the model computed none (the section is then left out). */
export function costReportData(result: ModelResult, currencyYear?: number): ReportCost | undefined {
  const { cost, tranches } = result as ModelResult & { cost?: unknown; tranches?: unknown };
  if (!Array.isArray(cost) || cost.length === 0) return undefined;
  const years: ReportCostYear[] = [];
  for (const row of cost) {
    if (!isRow(row) || !YEAR_FIELDS.every((f) => typeof row[f] === 'number')) return undefined;
    years.push(Object.fromEntries(YEAR_FIELDS.map((f) => [f, row[f]])) as unknown as ReportCostYear);
  }
  const paid: ReportTranche[] = [];
  for (const row of Array.isArray(tranches) ? tranches : []) {
    if (!isRow(row) || typeof row.name !== 'string' || typeof row.amountUsd !== 'number' || typeof row.cumulativeUsd !== 'number') continue;
    paid.push({
      name: row.name,
      amountUsd: row.amountUsd,
      cumulativeUsd: row.cumulativeUsd,
      condition: typeof row.condition === 'string' ? row.condition : '',
      conditionMetYear: typeof row.conditionMetYear === 'number' ? row.conditionMetYear : null,
    });
  }
  return { currencyYear, years, tranches: paid };
}

const usd = (cost: ReportCost) => (cost.currencyYear === undefined ? 'USD' : `USD of ${cost.currencyYear}`);

const CAPEX_PARTS = [
  ['capexFacilityUsd', 'Capex: facility'],
  ['capexItUsd', 'Capex: accelerators and servers'],
  ['capexNetworkUsd', 'Capex: network and storage'],
] as const;
const ANNUALISED = 'Annualised cost (capital charge + opex)';

/** Capex by year (stacked by component) and the annualised cost of each year, in billions. */
export function costByYearChart(scenario: string, cost: ReportCost): Chart {
  const bars = cost.years.flatMap((y) => CAPEX_PARTS.map(([field, label], order) => ({ year: y.year, part: label, order, billions: y[field] / 1e9 })));
  const line = cost.years.map((y) => ({ year: y.year, part: ANNUALISED, billions: y.annualisedCostUsd / 1e9 }));
  const color = {
    field: 'part',
    type: 'nominal',
    title: 'Cost (cost.csv)',
    scale: { domain: [...CAPEX_PARTS.map(([, label]) => label), ANNUALISED], range: ['#9c755f', '#4e79a7', '#76b7b2', '#e15759'] },
    legend: { columns: 2, symbolType: 'square' },
  } as const;
  const x = { field: 'year', type: 'ordinal', title: 'Year', axis: { labelAngle: 0 } } as const;
  const spec: TopLevelSpec = {
    config: CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: { text: `Capital spending and annual cost by year, ${scenario}`, subtitle: ['Bars: capex, booked in the year an asset starts (cost.csv);', 'line: the cost of running that year, capital charges included'] },
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'billions', type: 'quantitative', stack: 'zero', title: `Cost (billion ${usd(cost)} per year)`, axis: { format: ',.1f' } },
          color,
          order: { field: 'order', type: 'quantitative' },
        },
      },
      { data: { values: line }, mark: { type: 'line', point: true }, encoding: { x, y: { field: 'billions', type: 'quantitative' }, color } },
    ],
  };
  return { id: 'cost-by-year', caption: `Capex by component and annualised cost of ${scenario} per year, in billion US dollars.`, spec };
}

/** Cumulative capex against the cumulative investment paid in tranches, each tranche in the year its condition is met. */
export function tranchesChart(scenario: string, cost: ReportCost): Chart | undefined {
  const met = cost.tranches.filter((t) => t.conditionMetYear !== null);
  if (met.length === 0) return undefined;
  const capex = cost.years.map((y) => ({ year: y.year, series: 'Cumulative capex', billions: y.cumulativeCapexUsd / 1e9 }));
  const paid = met.map((t) => ({ year: t.conditionMetYear!, series: 'Investment paid so far (tranches)', billions: t.cumulativeUsd / 1e9, name: t.name }));
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: ['Cumulative capex', 'Investment paid so far (tranches)'], range: ['#4e79a7', '#59a14f'] },
    legend: { columns: 2 },
  } as const;
  const x = { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd', values: cost.years.map((y) => y.year) }, scale: { nice: false } } as const;
  const y = { field: 'billions', type: 'quantitative', title: `Cumulative amount (billion ${usd(cost)})`, axis: { format: ',.0f' } } as const;
  const spec: TopLevelSpec = {
    config: CONFIG,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    title: { text: `Investment tranches against the build, ${scenario}`, subtitle: ['Each square: a tranche (tranches.csv) in the year its date or milestone is reached,', 'at the total paid so far; line: capex spent so far (cost.csv)'] },
    layer: [
      { data: { values: capex }, mark: { type: 'line', point: true }, encoding: { x, y, color } },
      { data: { values: paid }, mark: { type: 'point', shape: 'square', size: 90, filled: true }, encoding: { x, y, color } },
      { data: { values: paid }, mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11 }, encoding: { x, y, text: { field: 'name' } } },
    ],
  };
  return { id: 'investment-tranches', caption: `Cumulative capex of ${scenario} by year and the cumulative investment paid in tranches.`, spec };
}
