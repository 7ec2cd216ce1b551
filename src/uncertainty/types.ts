/**
 * Uncertain inputs, as the loader hands them on: each names the assumption it
 * varies, its distribution in model units, and where it was declared.
 */
import type { SourceLocation } from '../loader/types.js';

/** A distribution over a number in the model unit of its assumption. */
export type Distribution =
  | { kind: 'triangular'; low: number; mode: number; high: number }
  /** Beta-PERT; lambda = 4 unless stated. */
  | { kind: 'pert'; low: number; mode: number; high: number; lambda: number }
  | { kind: 'uniform'; low: number; high: number }
  /** Normal truncated to [min, max] (physical bounds); +-Infinity when unbounded. */
  | { kind: 'normal'; mean: number; sd: number; min: number; max: number }
  /** Lognormal given by its 10th and 90th percentiles (0 < p10 < p90). */
  | { kind: 'lognormal'; p10: number; p90: number }
  /** Discrete choice; values are option indices 0..n-1, weights sum to 1. */
  | { kind: 'choice'; weights: readonly number[] };

/** How a sampled number is applied to the model inputs. */
export type UncertainTarget =
  /** Replace a numeric assumption (all horizon years of a ByYear value). */
  | { kind: 'value' }
  /** Shift a phase date (energised_on, and its end_of_life with it) by this many hours. */
  | { kind: 'date_shift_hours' }
  /** Pick option `i` of `options` (e.g. which chip a phase gets). */
  | { kind: 'choice'; options: readonly string[] };

export interface UncertainInput {
  /** Assumption path, as in records: `chips.trainium3.tdp`, `phases.trn4-a.energised_on`, `phases.trn4-c.chip`. */
  path: string;
  /** Model unit of the sampled number (`W`, `1`, `h` for date shifts, `` for choices). */
  unit: string;
  distribution: Distribution;
  target: UncertainTarget;
  /** The deterministic run's value (mode or median; 0 for a date shift; the current option's index for a choice). */
  pointValue: number;
  /** Where the distribution (or the low/high it was made from) was declared. */
  at: SourceLocation;
}

/** Named group of inputs whose rank correlation is induced by Iman-Conover. */
export interface CorrelationGroup {
  name: string;
  /** Paths of UncertainInputs, in matrix order. */
  paths: readonly string[];
  /** Target Spearman rank-correlation matrix, symmetric, unit diagonal, positive semi-definite. */
  matrix: readonly (readonly number[])[];
  at: SourceLocation;
}
