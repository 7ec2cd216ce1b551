/**
 * Statistics of hourly capacity-factor profiles, for profile_stats.csv: the checks
 * method.md §6 asks for beyond the annual CF (same CF with different persistence moved
 * 95%-CFE cost by about +/-9%), i.e. seasonality, diurnal shape, persistence, lulls and
 * solar-wind complementarity.
 *
 * Rows are long/tidy: one (technology, statistic, period) per row, in a fixed order.
 * Hour h of a profile is hour-beginning local standard time from local midnight on
 * 1 January, so hour-of-day is h mod 24 and months start at whole days.
 */
import { daysFromCivil, hoursInYear } from '../calendar.js';
import { PROFILE_TECHNOLOGIES } from './types.js';

export type ProfileStatistic =
  | 'capacity_factor'
  | 'diurnal_mean_capacity_factor'
  | 'autocorrelation_1h'
  | 'autocorrelation_24h'
  | 'longest_run_below_10pct_h'
  | 'correlation_with_solar';

export type ProfileStatUnit = 'ratio' | 'h';

/** One row of profile_stats.csv. */
export interface ProfileStatRow {
  technology: string;
  statistic: ProfileStatistic;
  /** `year`, a month `YYYY-MM`, or an hour of day `hour_00`..`hour_23`. */
  period: string;
  value: number;
  unit: ProfileStatUnit;
}

/** "Low output" threshold for lull runs: CF strictly below 10% of nameplate. */
export const LOW_OUTPUT_THRESHOLD = 0.1;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function mean(values: Float64Array, start = 0, end = values.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i]!;
  return sum / (end - start);
}

/** True when every value is identical: a series whose correlations are undefined. */
function isConstant(values: Float64Array): boolean {
  const first = values[0]!;
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

/**
 * Sample autocorrelation at `lagHours`, the standard (Box-Jenkins) estimator:
 * sum_{t < n - k} (x_t - m)(x_{t+k} - m) / sum_t (x_t - m)^2. Undefined (returns undefined)
 * for a constant series (or one whose variance underflows) or a lag not shorter than the series.
 */
export function autocorrelation(values: Float64Array, lagHours: number): number | undefined {
  const n = values.length;
  if (lagHours >= n || isConstant(values)) return undefined;
  const m = mean(values);
  let denominator = 0;
  for (let t = 0; t < n; t++) denominator += (values[t]! - m) ** 2;
  if (!(denominator > 0)) return undefined; // variance lost to underflow (subnormal values)
  let numerator = 0;
  for (let t = 0; t + lagHours < n; t++) numerator += (values[t]! - m) * (values[t + lagHours]! - m);
  return numerator / denominator;
}

/** Pearson correlation of two equally long series; undefined when either is constant (or its variance underflows). */
export function pearson(x: Float64Array, y: Float64Array): number | undefined {
  if (x.length !== y.length) throw new Error(`pearson: lengths differ (${x.length} vs ${y.length})`);
  if (x.length < 2 || isConstant(x) || isConstant(y)) return undefined;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const norm = Math.sqrt(sxx) * Math.sqrt(syy); // two roots: sxx x syy could underflow or overflow
  return norm > 0 ? sxy / norm : undefined;
}

/** Longest run of consecutive hours with value < threshold (the year does not wrap around). */
export function longestRunBelow(values: Float64Array, threshold: number): number {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i]! < threshold) {
      current++;
      if (current > longest) longest = current;
    } else {
      current = 0;
    }
  }
  return longest;
}

/** First hour of each month of `year` (13 entries; the last is the year's hour count). */
export function monthStartHours(year: number): number[] {
  const january1 = daysFromCivil(year, 1, 1);
  const starts: number[] = [];
  for (let month = 1; month <= 12; month++) starts.push((daysFromCivil(year, month, 1) - january1) * 24);
  starts.push(hoursInYear(year));
  return starts;
}

/** Mean of each month (12 values), month boundaries from the calendar. */
export function monthlyMeans(values: Float64Array, year: number): number[] {
  const starts = monthStartHours(year);
  const means: number[] = [];
  for (let month = 0; month < 12; month++) means.push(mean(values, starts[month]!, starts[month + 1]!));
  return means;
}

/** Mean by local hour of day (24 values; hour 0 = 00:00-01:00). */
export function diurnalMeans(values: Float64Array): number[] {
  const sums = new Float64Array(24);
  const counts = new Float64Array(24);
  for (let h = 0; h < values.length; h++) {
    const hour = h % 24;
    sums[hour] = sums[hour]! + values[h]!;
    counts[hour] = counts[hour]! + 1;
  }
  return Array.from(sums, (sum, hour) => sum / counts[hour]!);
}

/** Technologies in report order: the profile technologies first, then any others by name. */
function orderedTechnologies(names: string[]): string[] {
  const known: readonly string[] = PROFILE_TECHNOLOGIES;
  const rank = (name: string) => (known.includes(name) ? known.indexOf(name) : known.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Rows of profile_stats.csv for hourly capacity factors of one `year`. Per technology, in
 * this order: capacity_factor (year, then YYYY-01..YYYY-12), diurnal_mean_capacity_factor
 * (hour_00..hour_23), autocorrelation_1h, autocorrelation_24h, longest_run_below_10pct_h,
 * and correlation_with_solar (Pearson, hourly; every technology but solar, when `solar` is
 * given). A correlation that is undefined - a constant series such as a flat clean-firm
 * availability - is left out rather than written as NaN (writers accept finite numbers only).
 */
export function profileStats(cf: Record<string, Float64Array>, year: number): ProfileStatRow[] {
  const hours = hoursInYear(year);
  // 1. Every series must cover the year and be finite.
  for (const [technology, values] of Object.entries(cf)) {
    if (values.length !== hours) {
      throw new Error(`profile statistics: ${technology} has ${values.length} hourly values; ${year} has ${hours} hours`);
    }
    for (let h = 0; h < values.length; h++) {
      if (!Number.isFinite(values[h])) throw new Error(`profile statistics: ${technology} hour ${h} is ${values[h]}, not a number`);
    }
  }
  const rows: ProfileStatRow[] = [];
  const solar = cf.solar;
  for (const technology of orderedTechnologies(Object.keys(cf))) {
    const values = cf[technology]!;
    const push = (statistic: ProfileStatistic, period: string, value: number | undefined, unit: ProfileStatUnit) => {
      if (value !== undefined) rows.push({ technology, statistic, period, value, unit });
    };
    // 2. Level: annual and monthly mean CF.
    push('capacity_factor', 'year', mean(values), 'ratio');
    monthlyMeans(values, year).forEach((value, month) => push('capacity_factor', `${year}-${pad2(month + 1)}`, value, 'ratio'));
    // 3. Shape: mean CF by local hour of day.
    diurnalMeans(values).forEach((value, hour) => push('diurnal_mean_capacity_factor', `hour_${pad2(hour)}`, value, 'ratio'));
    // 4. Persistence and lulls.
    push('autocorrelation_1h', 'year', autocorrelation(values, 1), 'ratio');
    push('autocorrelation_24h', 'year', autocorrelation(values, 24), 'ratio');
    push('longest_run_below_10pct_h', 'year', longestRunBelow(values, LOW_OUTPUT_THRESHOLD), 'h');
    // 5. Complementarity with solar.
    if (solar !== undefined && technology !== 'solar') push('correlation_with_solar', 'year', pearson(values, solar), 'ratio');
  }
  return rows;
}
