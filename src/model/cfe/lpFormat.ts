/**
 * CPLEX LP-format text of the CFE least-cost LP (what `--export-lp FILE` writes). The text
 * is deterministic: the same LP gives the same bytes. Numbers are written in JavaScript's
 * shortest round-trip form, so a reader gets the exact doubles back. Long rows are wrapped
 * (continuation lines start with a space and a sign) to stay well below the 255-character
 * line limit of some LP readers.
 */
import type { CfeLp } from './lpProblem.js';

/** Maximum characters per line before a row is wrapped. */
const LINE_WIDTH = 100;

function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`LP text: cannot write the number ${value}`);
  return String(value === 0 ? 0 : value); // no "-0"
}

/** Appends `name: terms` to `out`, wrapping before LINE_WIDTH. */
function writeExpression(out: string[], label: string, terms: string[], suffix: string): void {
  let line = ` ${label}:`;
  for (const term of terms) {
    if (line.length + 1 + term.length > LINE_WIDTH) {
      out.push(line);
      line = ' ';
    }
    line += ` ${term}`;
  }
  if (suffix) {
    if (line.length + 1 + suffix.length > LINE_WIDTH) {
      out.push(line);
      line = ' ';
    }
    line += ` ${suffix}`;
  }
  out.push(line);
}

function term(coefficient: number, name: string): string {
  return coefficient < 0 ? `- ${num(-coefficient)} ${name}` : `+ ${num(coefficient)} ${name}`;
}

export interface LpTextOptions {
  /** Extra comment lines for the header (e.g. scenario, year); written after '\ '. */
  comments?: string[];
}

/** The LP as CPLEX LP-format text. */
export function formatCfeLp(lp: CfeLp, options: LpTextOptions = {}): string {
  const out: string[] = [];
  const { layout } = lp;
  out.push('\\ gwplan: least-cost 24/7 carbon-free electricity portfolio (method.md section 5)');
  for (const comment of options.comments ?? []) out.push(`\\ ${comment.replace(/[\r\n]+/g, ' ')}`);
  out.push(`\\ ${layout.hours} hours, CFE target ${lp.target}, annual load ${lp.loadMwh} MWh`);
  out.push(`\\ ${lp.numRows} rows, ${lp.numCols} columns, ${lp.values.length} non-zeros`);
  out.push(`\\ units: 1 power unit = ${lp.powerUnitMw} MW (1 energy unit = ${lp.powerUnitMw} MWh)`);
  out.push(`\\ units: 1 objective unit = ${lp.costUnitUsd} USD per year`);
  out.push('\\ cap_<technology> installed capacity; batt_mw, batt_mwh battery power and energy');
  out.push('\\ c_t charge, d_t discharge, s_t state of charge, g_t grid import, x_t excess, hour t');
  out.push('\\ bal_t energy balance, soc_t storage (cyclic), cmax_t dmax_t smax_t battery limits,');
  out.push('\\ cfe annual hourly-matching limit on grid import, xcap excess cap (if any)');

  out.push('Minimize');
  const objective: string[] = [];
  for (let j = 0; j < lp.numCols; j++) {
    const c = lp.colCost[j]!;
    if (c !== 0) objective.push(term(c, lp.colNames[j]!));
  }
  if (objective.length === 0) objective.push(`+ 0 ${lp.colNames[0]!}`);
  writeExpression(out, 'cost', objective, '');

  out.push('Subject To');
  for (let i = 0; i < lp.numRows; i++) {
    const lower = lp.rowLower[i]!;
    const upper = lp.rowUpper[i]!;
    let suffix: string;
    if (lower === upper) suffix = `= ${num(upper)}`;
    else if (lower === -Infinity && upper < Infinity) suffix = `<= ${num(upper)}`;
    else if (upper === Infinity && lower > -Infinity) suffix = `>= ${num(lower)}`;
    else throw new RangeError(`LP text: row ${lp.rowNames[i]} has bounds [${lower}, ${upper}], which this writer does not support`);
    const terms: string[] = [];
    for (let k = lp.rowStarts[i]!; k < lp.rowStarts[i + 1]!; k++) terms.push(term(lp.values[k]!, lp.colNames[lp.colIndex[k]!]!));
    if (terms.length === 0) terms.push(`+ 0 ${lp.colNames[0]!}`);
    writeExpression(out, lp.rowNames[i]!, terms, suffix);
  }

  // Every non-hourly column is declared here, so it exists even if it appears in no row.
  // Hourly columns keep the default bounds [0, +inf) unless fixed at 0.
  out.push('Bounds');
  for (let j = 0; j < lp.numCols; j++) {
    const lower = lp.colLower[j]!;
    const upper = lp.colUpper[j]!;
    const name = lp.colNames[j]!;
    if (lower === upper) out.push(` ${name} = ${num(upper)}`);
    else if (upper !== Infinity) out.push(` ${num(lower)} <= ${name} <= ${num(upper)}`);
    else if (j < layout.charge || lower !== 0) out.push(` ${name} >= ${num(lower)}`);
  }
  out.push('End');
  out.push('');
  return out.join('\n');
}
