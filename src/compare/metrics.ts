/**
 * Headline metrics as numbers, for deltas and attribution. SUMMARY_METRICS is
 * the one list of names and units; a `date` metric becomes days from a fixed
 * day, so differences of it are signed days; text metrics have no number.
 */
import { SUMMARY_METRICS } from '../model/summary.js';
import type { ModelResult } from '../results/types.js';

export const DATE_UNIT = 'date';
/** The unit of a date metric's delta and attribution. */
export const DAYS_UNIT = 'days';

const DAY_MS = 86_400_000;

export interface NumericMetric {
  metric: string;
  /** The unit of the metric's numbers: its SUMMARY_METRICS unit, or `days` for a date. */
  unit: string;
  isDate: boolean;
}

/**
 * Metrics with a numeric value in `result` (every one but text), in
 * SUMMARY_METRICS order. Decided from the values, not a list of names, so a
 * new text metric is left out without anyone remembering to.
 */
export function numericMetrics(result: ModelResult): NumericMetric[] {
  return SUMMARY_METRICS.flatMap(({ metric, unit }): NumericMetric[] => {
    if (unit === DATE_UNIT) return [{ metric, unit: DAYS_UNIT, isDate: true }];
    return typeof summaryValue(result, metric) === 'number' ? [{ metric, unit, isDate: false }] : [];
  });
}

/** Days from 1 January of `firstYear` to a YYYY-MM-DD date (negative before it). */
export function daysFrom(firstYear: number, date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`expected a YYYY-MM-DD date, got "${date}"`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(firstYear, 0, 1)) / DAY_MS);
}

export function summaryValue(result: ModelResult, metric: string): number | string {
  const row = result.summary.find((r) => r.metric === metric);
  if (!row) throw new Error(`summary has no metric "${metric}"`);
  return row.value;
}

/** The values of `metrics` in `result`; a date as days from 1 January of `firstYear`. */
export function metricVector(result: ModelResult, metrics: readonly NumericMetric[], firstYear: number): Float64Array {
  const vector = new Float64Array(metrics.length);
  metrics.forEach(({ metric, isDate }, i) => {
    const value = summaryValue(result, metric);
    if (isDate) vector[i] = daysFrom(firstYear, String(value));
    else if (typeof value === 'number') vector[i] = value;
    else throw new Error(`summary metric "${metric}" is text ("${value}") in one scenario and a number in another`);
  });
  return vector;
}
