/** Numbers in explanations: up to 12 significant digits, thousands separated, no float noise. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumSignificantDigits: 12, useGrouping: true });
}

/** A number with its unit (`1,900 MW`; a plain number without one). */
export function qty(value: number, unit: string): string {
  return unit === '' || unit === '1' ? num(value) : `${num(value)} ${unit}`;
}
