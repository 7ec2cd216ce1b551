/**
 * Energised hours of a vintage in one year, in closed form: the exact value of
 *   sum over the year's hours t in [h0, h1) of r(t),  r(t) = min(1, (t + 0.5 - start) / ramp)
 * (the midpoint-sampled energised fraction, vintages.ts) without visiting the hours.
 * O(1) per vintage-year. docs/model.md, "Closed form (fast path)".
 */
import type { HourSpan } from './energy.js';

/**
 * Full-energisation-equivalent hours of a vintage over [yearStart, yearEnd) (hour indices):
 * with a = max(h0, yearStart), b = min(h1, yearEnd), c = max(a, min(b, rampEnd)),
 *   ramp hours  t = a .. c-1:  sum (t + 0.5 - start) / ramp = (c - a) x ((a + c) / 2 - start) / ramp
 *   full hours  t = max(a, rampEnd) .. b-1:  b - max(a, rampEnd)
 * `span` is hourSpan(start, end, ramp, H), so the split between ramp and full hours is the
 * hourly path's, including a ramp that ends inside an hour (that hour counts as full, as there).
 */
export function energisedHoursInYear(span: HourSpan, startHour: number, rampHours: number, yearStart: number, yearEnd: number): number {
  const a = span.h0 > yearStart ? span.h0 : yearStart;
  const b = span.h1 < yearEnd ? span.h1 : yearEnd;
  if (a >= b) return 0;
  const rampEnd = span.rampEnd;
  let sum = 0;
  const c = b < rampEnd ? b : rampEnd;
  if (c > a) sum = ((c - a) * ((a + c) / 2 - startHour)) / rampHours;
  const fullFrom = a > rampEnd ? a : rampEnd;
  if (b > fullFrom) sum += b - fullFrom;
  return sum;
}
