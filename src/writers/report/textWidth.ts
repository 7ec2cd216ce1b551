/**
 * Text widths for vega's layout (legend columns, axis title offsets, label
 * overlap), computed from Helvetica's published advance widths rather than
 * measured: deterministic on every machine, and close to what a browser
 * draws with Helvetica, Arial or Liberation Sans (metric-compatible), the
 * fonts the report asks for. vega's own fallback (0.8 em per character)
 * overestimates by about half, which pads legends and titles with space.
 */

/** Advance widths in 1/1000 em of ASCII 32..126, Helvetica (AFM). */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667,
  667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
  556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** The same for Helvetica-Bold. */
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722,
  722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556,
  611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** Any other character (en dash, arrows, accented letters): a generous average. */
const OTHER = 650;
/** Headroom for fonts that run slightly wider than Helvetica's metrics. */
const SAFETY = 1.04;

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Width in px of one line of `text` in `item`'s font size (default 11, as vega) and weight. */
export function textWidth(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const bold = item.fontWeight === 'bold' || item.fontWeight === 'bolder' || Number(item.fontWeight) >= 600;
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? table[code - 32]! : OTHER;
  }
  return (units / 1000) * size * SAFETY;
}
