/**
 * A number as en-US text with thousands separators ("1,234,567.5"), exactly as
 * `Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits })`
 * writes it, for messages and terminal lines.
 *
 * Why not Intl itself: the first NumberFormat of a process loads ICU's locale
 * data, ~17 ms, more than a whole `gwplan validate` of unchanged files.
 *
 * Like Intl, it rounds the shortest decimal that reads back as the double
 * (`String(value)`), halves away from zero: 1.005 to two decimals is 1.01,
 * where toFixed, which rounds the exact binary value, gives 1.00. A property
 * test checks it against Intl.
 */

/** `value` with between `minDecimals` and `maxDecimals` decimals (trailing zeros beyond the minimum dropped), grouped by thousands. */
export function groupedNumber(value: number, maxDecimals: number, minDecimals = 0): string {
  if (Number.isNaN(value)) return 'NaN';
  // Intl keeps the sign of -0 and of a negative that rounds to zero ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  const { digits, point } = roundedDigits(Math.abs(value), maxDecimals);
  // digits d1 d2 ... with the decimal point after `point` of them (point may be <= 0 or beyond the digits).
  const whole = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  let fraction = point >= 0 ? digits.slice(point) : '0'.repeat(-point) + digits;
  fraction = fraction.slice(0, maxDecimals);
  let end = fraction.length;
  while (end > minDecimals && fraction.charCodeAt(end - 1) === 48) end--;
  fraction = fraction.slice(0, end).padEnd(minDecimals, '0');
  let grouped = whole;
  for (let i = grouped.length - 3; i > 0; i -= 3) grouped = `${grouped.slice(0, i)},${grouped.slice(i)}`;
  return sign + grouped + (fraction === '' ? '' : `.${fraction}`);
}

/**
 * The shortest decimal digits of x >= 0 (no leading zeros; "0" for 0) with the position of the
 * decimal point, rounded half away from zero to `decimals` places.
 */
function roundedDigits(x: number, decimals: number): { digits: string; point: number } {
  const text = String(x); // "123.45", "1e-7", "1.5e+21"
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let point = (dot < 0 ? mantissa.length : dot) + exponent;
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  point -= lead;
  const keep = point + decimals; // digits that survive the rounding
  if (keep >= digits.length) return { digits, point };
  if (keep < 0 || digits.charCodeAt(keep) < 53) return keep <= 0 ? { digits: '0', point: 1 } : { digits: digits.slice(0, keep), point };
  // Round up: add one at the last kept place, carrying.
  const up = [...digits.slice(0, Math.max(keep, 0))].map(Number);
  let i = up.length - 1;
  while (i >= 0 && up[i] === 9) up[i--] = 0;
  if (i >= 0) up[i]! += 1;
  else {
    up.unshift(1);
    point += 1;
  }
  return { digits: up.join(''), point };
}
