/**
 * The model's clock: hourly, hour-beginning, UTC, whole calendar years.
 * Hour index 0 is `firstYear`-01-01T00:00Z; hour t covers [t, t + 1).
 * A date `YYYY-MM-DD` is the instant 00:00 UTC of that day, measured in
 * hours from the horizon start (negative before it).
 */

const MS_PER_HOUR = 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 8,760, or 8,784 in a leap year. */
export function hoursInYear(year: number): number {
  return isLeapYear(year) ? 8784 : 8760;
}

export interface Calendar {
  firstYear: number;
  lastYear: number;
  /** Number of horizon years. */
  years: number;
  /** Hour index at which each year starts; entry `years` is the total hour count. */
  yearStartHour: readonly number[];
  totalHours: number;
}

export function makeCalendar(firstYear: number, lastYear: number): Calendar {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || lastYear < firstYear) {
    throw new Error(`horizon ${firstYear}-${lastYear}: expected whole years with last >= first`);
  }
  const yearStartHour: number[] = [0];
  let hours = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    hours += hoursInYear(year);
    yearStartHour.push(hours);
  }
  return { firstYear, lastYear, years: lastYear - firstYear + 1, yearStartHour, totalHours: hours };
}

/** Hours in horizon year index `y` (0 = first year). */
export function hoursOfYearIndex(calendar: Calendar, y: number): number {
  return at(calendar.yearStartHour, y + 1) - at(calendar.yearStartHour, y);
}

function epochMsOfYearStart(year: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}

/** Hours from `firstYear`-01-01T00:00Z to `date` (YYYY-MM-DD) 00:00 UTC. */
export function hourOfDate(date: string, firstYear: number): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`date "${date}": expected YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(epochMsOfYearStart(year));
  d.setUTCMonth(month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new Error(`date "${date}" does not exist`);
  }
  return (d.getTime() - epochMsOfYearStart(firstYear)) / MS_PER_HOUR;
}

function dateAtHour(hour: number, firstYear: number): Date {
  return new Date(epochMsOfYearStart(firstYear) + Math.floor(hour * MS_PER_HOUR));
}

/** The instant `hour` (may be fractional) as ISO 8601 to the minute, e.g. `2028-07-01T00:00Z`. */
export function isoOfHour(hour: number, firstYear: number): string {
  return `${dateAtHour(hour, firstYear).toISOString().slice(0, 16)}Z`;
}

/** The UTC calendar day containing the instant `hour`, YYYY-MM-DD. */
export function dateOfHour(hour: number, firstYear: number): string {
  return dateAtHour(hour, firstYear).toISOString().slice(0, 10);
}

/** `values[index]`, or an internal error when the index is outside the array. */
export function at(values: ArrayLike<number>, index: number, what = 'value'): number {
  const value = values[index];
  if (value === undefined) throw new Error(`${what}: no entry at index ${index} (length ${values.length})`);
  return value;
}
