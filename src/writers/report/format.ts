/** Text helpers of the report: HTML escaping and numbers as a reader wants them (grouped digits, fixed decimals). */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe as element text and inside a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** 1234567.891 -> "1,234,567.9" with `decimals` decimals; never "-0". */
export function groupedNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new Error(`report: cannot format ${value}`);
  let text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return (0).toFixed(decimals);
  const [whole, fraction] = text.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  text = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return value < 0 ? `-${text}` : text;
}

/** Decimals shown in the report's tables for these units: enough to compare scenarios, not the CSVs' full resolution. */
const TABLE_DECIMALS: Record<string, number> = {
  MW: 1,
  ratio: 3,
  '1': 3,
};

/**
 * A summary value (number or text) in its unit, for a table cell: the unit's
 * decimals above, else whole numbers from 1,000 up and four significant
 * digits below (a cost of 1.219 USD/EFLOP must not print as 1).
 */
export function tableValue(value: number | string, unit: string): string {
  if (typeof value === 'string') return value;
  if (unit === 'year') return String(value);
  const fixed = TABLE_DECIMALS[unit];
  if (fixed !== undefined) return groupedNumber(value, fixed);
  const magnitude = Math.abs(value);
  const decimals = magnitude === 0 || magnitude >= 1000 ? 0 : Math.min(6, 3 - Math.floor(Math.log10(magnitude)));
  return groupedNumber(value, decimals);
}

/** An assumption value as the model reads it: exact (inputs are not rounded), digits grouped. */
export function assumptionValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return groupedNumber(value, 0);
  const [whole, fraction] = String(value).split('.') as [string, string | undefined];
  if (fraction === undefined || /e/i.test(String(value))) return String(value);
  return `${groupedNumber(Number(whole), 0).replace(/^0$/, whole.startsWith('-') ? '-0' : '0')}.${fraction}`;
}

/** 0.95 -> "95%", 0.999 -> "99.9%". */
export function percent(share: number): string {
  return `${String(Math.round(share * 1000) / 10)}%`;
}
