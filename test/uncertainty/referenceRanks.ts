import type { CentredRanks } from '../../src/uncertainty/rankCorrelation.js';

/**
 * The plain definition the rank code must match bit for bit: average ranks
 * (ranksFromOrder) with (n + 1) / 2 subtracted in place, and the root of their
 * sum of squares, summed in index order.
 */
export function centre(ranks: Float64Array): CentredRanks {
  const middle = (ranks.length + 1) / 2;
  let squares = 0;
  for (let i = 0; i < ranks.length; i++) {
    const d = ranks[i]! - middle;
    ranks[i] = d;
    squares += d * d;
  }
  return { ranks, norm: Math.sqrt(squares) };
}
