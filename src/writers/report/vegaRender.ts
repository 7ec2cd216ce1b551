/**
 * One vega-lite spec in, one standalone SVG string out, in Node: compiled by
 * vega-lite, run by a headless vega View (renderer 'none') and serialised by
 * vega's SVG string renderer. No canvas, no browser, no network:
 *
 * - the loader refuses every URL and file, so a spec can only use inline `values`;
 * - text widths come from Helvetica's metrics (textWidth.ts), never from
 *   node-canvas (which a machine may or may not have), so layout does not depend
 *   on what is installed;
 * - vega numbers clip paths and gradients with module-wide counters: they are
 *   reset before each chart and every id is prefixed with the chart's own id, so
 *   the same inputs give the same bytes and ids never clash between the charts
 *   of one page.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { textWidth } from './textWidth.js';

const refuse = (what: string) => async (uri: string): Promise<never> => {
  throw new Error(`report charts use inline data only; refused to ${what} ${JSON.stringify(uri)}`);
};

/** A vega loader that fetches nothing. */
const OFFLINE_LOADER: vega.Loader = {
  load: refuse('load'),
  sanitize: refuse('resolve'),
  http: refuse('fetch'),
  file: refuse('read'),
};

/** vega's text measurer: a documented hook (vl-convert sets it too), absent from vega's typings. */
const textMetrics = (vega as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics;

/** `id` names the chart: letters, digits and '-' only, unique within a page. */
export async function renderSvg(spec: TopLevelSpec, id: string): Promise<string> {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`chart id '${id}': use lower-case letters, digits and '-'`);
  textMetrics.width = textWidth;
  // Warnings from vega-lite or vega are collected, not printed: each one is a chart bug, and fails the render.
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (_method, _level, input) => void warnings.push(input.map(String).join(' ')));
  const compiled = compile(spec, { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: OFFLINE_LOADER, logger });
  try {
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    if (warnings.length > 0) throw new Error(`chart '${id}': vega warned: ${warnings.join('; ')}`);
    return breakLines(scopeIds(svg, id));
  } finally {
    view.finalize();
  }
}

/**
 * A line break before each group element, so a change to one chart changes a
 * few lines of report.html rather than one line of 50,000 characters. Safe:
 * `<g` never occurs inside text content (vega escapes '<'), and whitespace
 * between SVG elements outside <text> is not drawn.
 */
function breakLines(svg: string): string {
  return svg.replace(/><g(?=[\s>])/g, '>\n<g');
}

/** `id="clip1"` -> `id="<chart>-clip1"`, with every `url(#clip1)` and `href="#clip1"` that refers to it. */
export function scopeIds(svg: string, chartId: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  if (ids.size === 0) return svg;
  const scoped = (name: string) => (ids.has(name) ? `${chartId}-${name}` : name);
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_, a: string, name: string, b: string) => `${a}${scoped(name)}${b}`)
    .replace(/url\(#([^)]+)\)/g, (_, name: string) => `url(#${scoped(name)})`)
    .replace(/(href=")#([^"]+)(")/g, (_, a: string, name: string, b: string) => `${a}#${scoped(name)}${b}`);
}
