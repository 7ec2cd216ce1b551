/**
 * The load of the hourly procurement study: one calendar year of the core model's hourly
 * facility load, in the site's local standard time, optionally reshaped.
 */
import { hoursInYear, type Calendar } from '../calendar.js';

/**
 * Facility MW for each local-standard-time hour of `year`. The core model's clock is UTC
 * and generation profiles are local, so local hour h is UTC hour h - utcOffsetHours of
 * that year (e.g. 5 hours later at UTC-5). Hours that fall outside the modelled horizon
 * (the first hours of its first year east of Greenwich, the last of its last year west
 * of it) repeat the nearest modelled hour.
 */
export function localYearLoadMw(facilityMw: ArrayLike<number>, calendar: Calendar, year: number, utcOffsetHours: number): Float64Array {
  const yearIndex = year - calendar.firstYear;
  if (yearIndex < 0 || yearIndex >= calendar.years) {
    throw new RangeError(`year ${year} is outside the modelled horizon ${calendar.firstYear}-${calendar.lastYear}`);
  }
  const hours = hoursInYear(year);
  const start = calendar.yearStartHour[yearIndex]! - utcOffsetHours;
  const last = facilityMw.length - 1;
  const load = new Float64Array(hours);
  for (let h = 0; h < hours; h++) {
    const t = Math.min(last, Math.max(0, start + h));
    load[h] = facilityMw[t]!;
  }
  return load;
}

/**
 * Applies a relative load shape (any positive scale): a full year (one value per hour of the
 * year) or a day (24 values, repeated). The result is rescaled so the year's energy is
 * unchanged: the shape moves energy between hours, it never adds or removes any.
 */
export function reshapeLoadMw(loadMw: Float64Array, shape: ArrayLike<number>): Float64Array {
  const hours = loadMw.length;
  if (shape.length !== hours && shape.length !== 24) {
    throw new RangeError(`a load shape needs ${hours} hourly values or 24 (one day), got ${shape.length}`);
  }
  const shaped = new Float64Array(hours);
  let energyMwh = 0;
  let shapedMwh = 0;
  for (let h = 0; h < hours; h++) {
    const value = loadMw[h]! * shape[shape.length === 24 ? h % 24 : h]!;
    shaped[h] = value;
    energyMwh += loadMw[h]!;
    shapedMwh += value;
  }
  if (!(shapedMwh > 0)) return Float64Array.from(loadMw);
  const scale = energyMwh / shapedMwh;
  for (let h = 0; h < hours; h++) shaped[h] = shaped[h]! * scale;
  return shaped;
}
