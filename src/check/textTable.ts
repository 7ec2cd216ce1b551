/**
 * Plain-text aligned tables and the number formats shared by `gwplan check`
 * and `gwplan watch` (pure). Trailing spaces are trimmed so a log stays clean.
 */
import { formatFixed } from '../writers/number.js';

export type Align = 'left' | 'right';

/** Header and rows as aligned lines, columns two spaces apart, each line prefixed with `indent`. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
  indent = '',
): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    widths
      .map((width, i) => {
        const cell = cells[i] ?? '';
        return align[i] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}

/** `value` with `decimals` places and an explicit sign: "+12.500", "-0.001", "0.000". */
export function formatSigned(value: number, decimals: number): string {
  const text = formatFixed(value, decimals, 'delta');
  return /^[0.]+$/.test(text) || text.startsWith('-') ? text : `+${text}`;
}

/**
 * A percentage change with a sign: two decimals ("+5.17%"), or two significant
 * digits when smaller than 0.01% so a real change never reads as zero ("+0.0012%").
 */
export function formatPct(pct: number): string {
  if (pct === 0) return '0.00%';
  const magnitude = Math.abs(pct);
  const digits = magnitude >= 0.01 ? magnitude.toFixed(2) : String(Number(magnitude.toPrecision(2)));
  return `${pct < 0 ? '-' : '+'}${digits}%`;
}

/** Decimal places written in a plain decimal number's text ("12.500" -> 3). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}
