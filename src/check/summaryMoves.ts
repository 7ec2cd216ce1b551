/**
 * What moved between two runs' headline figures (summary.csv), for
 * `gwplan watch` (pure). Values are compared as printed, rounded by the decimals
 * of their unit, so a move is exactly a change a planner would see in
 * summary.csv; delta and delta % come from src/compare/delta.ts.
 */
import { delta, deltaPct } from '../compare/delta.js';
import type { SummaryRow } from '../results/types.js';
import { decimalsForUnit } from '../writers/decimals.js';
import { formatFixed } from '../writers/number.js';
import { formatPct, formatSigned, formatTable } from './textTable.js';

export interface MetricMove {
  metric: string;
  unit: string;
  /** As printed in summary.csv; '' when the metric was absent on that side. */
  before: string;
  after: string;
  /** after - before, in `unit`; null for text (dates, the binding constraint). */
  delta: number | null;
  deltaPct: number | null;
  /** Decimals of `unit`; null for text. */
  decimals: number | null;
}

function printed(row: SummaryRow): { text: string; decimals: number | null } {
  if (typeof row.value === 'string') return { text: row.value, decimals: null };
  const decimals = decimalsForUnit(row.unit, `summary metric ${row.metric}`);
  return { text: formatFixed(row.value, decimals, `summary metric ${row.metric}`), decimals };
}

/**
 * The metrics whose printed value changed from `before` to `after`: text
 * changes first (they have no delta %), then numbers by |delta %| descending,
 * ties in summary.csv order.
 */
export function summaryMoves(before: readonly SummaryRow[], after: readonly SummaryRow[]): MetricMove[] {
  const old = new Map(before.map((row) => [row.metric, row]));
  const moves: MetricMove[] = [];
  const seen = new Set<string>();
  for (const row of after) {
    seen.add(row.metric);
    const now = printed(row);
    const previousRow = old.get(row.metric);
    const was = previousRow ? printed(previousRow) : undefined;
    if (was && was.text === now.text && previousRow!.unit === row.unit) continue;
    const numeric = was !== undefined && was.decimals !== null && now.decimals !== null && previousRow!.unit === row.unit;
    moves.push({
      metric: row.metric,
      unit: row.unit,
      before: was?.text ?? '',
      after: now.text,
      delta: numeric ? delta(Number(was.text), Number(now.text)) : null,
      deltaPct: numeric ? deltaPct(Number(was.text), Number(now.text)) : null,
      decimals: numeric ? now.decimals : null,
    });
  }
  for (const row of before) {
    if (!seen.has(row.metric)) moves.push({ metric: row.metric, unit: row.unit, before: printed(row).text, after: '', delta: null, deltaPct: null, decimals: null });
  }
  const rank = (move: MetricMove) => (move.deltaPct === null ? Infinity : Math.abs(move.deltaPct));
  return moves
    .map((move, index) => ({ move, index }))
    .sort((a, b) => rank(b.move) - rank(a.move) || a.index - b.index)
    .map(({ move }) => move);
}

/** The moves as an aligned table: metric, unit, before, after, delta, delta %. */
export function formatMoves(moves: readonly MetricMove[], indent = '  '): string[] {
  const rows = moves.map((move) => [
    move.metric,
    move.unit,
    move.before === '' ? '-' : move.before,
    move.after === '' ? '-' : move.after,
    move.delta === null ? '-' : formatSigned(move.delta, move.decimals ?? 0),
    move.deltaPct === null ? '-' : formatPct(move.deltaPct),
  ]);
  return formatTable(['metric', 'unit', 'before', 'after', 'delta', 'delta %'], rows, ['left', 'left', 'right', 'right', 'right', 'right'], indent);
}
