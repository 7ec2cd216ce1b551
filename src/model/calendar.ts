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
  /**
   * Hour index at which each year starts; entry `years` is the total hour count. Doubles, not an array
   * of small integers: V8 turned such an array into doubles in mid-run (where one compiled function read
   * it beside arrays of doubles), which threw away the closed form's compiled code.
   */
  yearStartHour: Float64Array;
  totalHours: number;
}

export function makeCalendar(firstYear: number, lastYear: number): Calendar {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || lastYear < firstYear) {
    throw new Error(`horizon ${firstYear}-${lastYear}: expected whole years with last >= first`);
  }
  const yearStartHour = new Float64Array(lastYear - firstYear + 2);
  let hours = 0;
  for (let year = firstYear; year <= lastYear; year++) {
    hours += hoursInYear(year);
    yearStartHour[year - firstYear + 1] = hours;
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

/** Days from 1970-01-01 to `year`-`month`-`day` (proleptic Gregorian, as Date uses; month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // 0..399
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1; // 0..365
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // 0..146096
  return era * 146_097 + doe - 719_468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the ASCII digit at `i`, or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Days from 1970-01-01 of each date string seen (a Monte Carlo run sees a few thousand
 * distinct dates, each parsed once instead of per sample). Bounded: cleared when full.
 */
const epochDays = new Map<string, number>();
const EPOCH_DAYS_LIMIT = 65_536;

/**
 * Hours from `firstYear`-01-01T00:00Z to `date` (YYYY-MM-DD) 00:00 UTC.
 * Plain arithmetic (no Date, no RegExp: the closed form calls this per phase and sample).
 */
export function hourOfDate(date: string, firstYear: number): number {
  let days = epochDays.get(date);
  if (days === undefined) {
    days = epochDayOfDate(date);
    if (epochDays.size >= EPOCH_DAYS_LIMIT) epochDays.clear();
    epochDays.set(date, days);
  }
  return (days - daysFromCivil(firstYear, 1, 1)) * 24;
}

/** Days from 1970-01-01 to `date` (YYYY-MM-DD); throws for a malformed or non-existent date. */
function epochDayOfDate(date: string): number {
  const y0 = digitAt(date, 0);
  const y1 = digitAt(date, 1);
  const y2 = digitAt(date, 2);
  const y3 = digitAt(date, 3);
  const m0 = digitAt(date, 5);
  const m1 = digitAt(date, 6);
  const d0 = digitAt(date, 8);
  const d1 = digitAt(date, 9);
  const shape = date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;
  if (!shape || (y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) throw new Error(`date "${date}": expected YYYY-MM-DD`);
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  const monthDays = month >= 1 && month <= 12 ? (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!) : 0;
  if (day < 1 || day > monthDays) throw new Error(`date "${date}" does not exist`);
  return daysFromCivil(year, month, day);
}

function dateAtHour(hour: number, firstYear: number): Date {
  return new Date(epochMsOfYearStart(firstYear) + Math.floor(hour * MS_PER_HOUR));
}

const MS_PER_DAY = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * `YYYY-MM-DDTHH:MM` of the instant `hour` (what dateAtHour(...).toISOString() starts with),
 * by arithmetic; undefined outside years 0-9999 or for a non-finite hour, where callers use Date.
 */
function isoMinuteOfHour(hour: number, firstYear: number): string | undefined {
  const ms = daysFromCivil(firstYear, 1, 1) * MS_PER_DAY + Math.floor(hour * MS_PER_HOUR);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const days = Math.floor(ms / MS_PER_DAY);
  const msOfDay = ms - days * MS_PER_DAY;
  const date = isoDateOfEpochDay(days);
  if (date === undefined) return undefined;
  const hh = Math.floor(msOfDay / MS_PER_HOUR);
  const mm = Math.floor((msOfDay - hh * MS_PER_HOUR) / 60_000);
  return `${date}T${pad2(hh)}:${pad2(mm)}`;
}

/**
 * `YYYY-MM-DD` of the day `days` after 1970-01-01 (what Date's toISOString starts with),
 * by arithmetic; undefined outside years 0-9999 or for a day that is not a whole number.
 */
export function isoDateOfEpochDay(days: number): string | undefined {
  if (!Number.isInteger(days)) return undefined;
  // Civil date from days since 1970-01-01 (proleptic Gregorian; inverse of daysFromCivil).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 0 && year <= 9999)) return undefined;
  const yyyy = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${yyyy}-${pad2(month)}-${pad2(day)}`;
}

/** The instant `hour` (may be fractional) as ISO 8601 to the minute, e.g. `2028-07-01T00:00Z`. */
export function isoOfHour(hour: number, firstYear: number): string {
  const fast = isoMinuteOfHour(hour, firstYear);
  return fast !== undefined ? `${fast}Z` : `${dateAtHour(hour, firstYear).toISOString().slice(0, 16)}Z`;
}

/** The UTC calendar day containing the instant `hour`, YYYY-MM-DD. */
export function dateOfHour(hour: number, firstYear: number): string {
  const fast = isoMinuteOfHour(hour, firstYear);
  return fast !== undefined ? fast.slice(0, 10) : dateAtHour(hour, firstYear).toISOString().slice(0, 10);
}

/** The calendar year of a YYYY-MM-DD date. */
export function yearOfDate(date: string): number {
  // Digit by digit: called per vintage and sample, and a slice would allocate.
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(date.slice(0, 4)); // not a YYYY-MM-DD date: as before
    year = year * 10 + digit;
  }
  return year;
}

/** `values[index]`, or an internal error when the index is outside the array. */
export function at(values: ArrayLike<number>, index: number, what = 'value'): number {
  const value = values[index];
  if (value === undefined) throw new Error(`${what}: no entry at index ${index} (length ${values.length})`);
  return value;
}
