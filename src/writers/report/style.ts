/**
 * The look every report chart shares: sizes that fit an A4 page (180 mm of
 * text width is about 680 CSS px), fonts a reader's machine has, and one
 * colour (and point shape) per scenario that stays the same on every chart.
 */
import type { Config } from 'vega-lite/types_unstable/config.js';

/** Plot area of a full-width chart, CSS px; axes, titles and legends come on top. */
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 240;

/** The page's font; Arial is Liberation Sans on Linux, with the same metrics (textWidth.ts). */
export const FONT = 'Helvetica, Arial, "Liberation Sans", sans-serif';
/** The charts' font, repeated on every SVG text, so kept short. */
const CHART_FONT = 'Helvetica, Arial, sans-serif';

export const CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  title: { fontSize: 14, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 11, subtitleColor: '#444', offset: 10 },
  axis: { labelSeparation: 6, labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#222', labelColor: '#222', gridColor: '#e4e4e4' },
  // vega caps the room for axis labels at 200 px by default, and long tornado labels then run under the axis title.
  axisY: { maxExtent: 420 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'horizontal', columns: 4, symbolStrokeWidth: 2, labelLimit: 260 },
  view: { stroke: '#ccc' },
  line: { strokeWidth: 2 },
  point: { size: 45, filled: true },
};

/** Tableau 10: distinct in colour and, for most readers, in lightness. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left', 'stroke', 'wedge'];

/** The colour and point-shape scales of the scenarios, in report order, so a scenario looks the same everywhere. */
export function scenarioScales(names: readonly string[]): { color: { domain: string[]; range: string[] }; shape: { domain: string[]; range: string[] } } {
  const domain = [...names];
  return {
    color: { domain, range: domain.map((_, i) => PALETTE[i % PALETTE.length]!) },
    shape: { domain, range: domain.map((_, i) => SHAPES[i % SHAPES.length]!) },
  };
}

/** Clean technologies (and storage) in the order and colours every procurement chart uses. */
export const TECHNOLOGY_LABELS: Record<string, string> = {
  solar: 'Solar',
  onshore_wind: 'Onshore wind',
  offshore_wind: 'Offshore wind',
  clean_firm: 'Clean firm',
  battery: 'Battery (discharge MW)',
};
export const TECHNOLOGY_COLORS: Record<string, string> = {
  solar: '#f2b701',
  onshore_wind: '#3c8dbc',
  offshore_wind: '#1f4e79',
  clean_firm: '#7a5195',
  battery: '#8c8c8c',
};
