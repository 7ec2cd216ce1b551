/**
 * Numbers as CSV cells: plain decimal text with a fixed number of decimals.
 *
 * Trailing zeros are kept ("2.500", not "2.5"): with the same decimals in
 * every row, a column lines up in Excel and a changed value changes only its
 * own digits in a text diff of two runs.
 */

/**
 * `value` rounded to `decimals` places, correctly rounded from the exact binary
 * value (ties away from zero). Never exponent notation and never "-0.000".
 * Throws, naming `column`, for NaN or ±Infinity: the model guarantees finite
 * numbers, so one reaching a writer is an internal fault, not something to print.
 */
export function formatFixed(value: number, decimals: number, column: string): string {
  if (!Number.isFinite(value)) {
    throw new Error(`${column}: cannot write ${value}; the model must produce finite numbers (internal fault)`);
  }
  return fixedText(value, decimals);
}

/** formatFixed of a finite `value`, unchecked (for callers that checked it). */
export function fixedText(value: number, decimals: number): string {
  const text = Math.abs(value) < 1e21 ? value.toFixed(decimals) : largeToFixed(value, decimals);
  // A negative value that rounds to zero prints as "-0.000"; zero has no sign in a table.
  return text.charCodeAt(0) === 45 && NEGATIVE_ZERO.test(text) ? text.slice(1) : text;
}

const NEGATIVE_ZERO = /^-0(\.0*)?$/;

/** toFixed switches to exponent notation from 1e21; every double that large is an integer. */
function largeToFixed(value: number, decimals: number): string {
  const integer = BigInt(value).toString();
  return decimals > 0 ? `${integer}.${'0'.repeat(decimals)}` : integer;
}
