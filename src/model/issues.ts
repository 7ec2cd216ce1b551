/**
 * Findings of the model about a consistent-looking set of inputs: a phase with
 * no critical IT left, phases that together exceed the envelope, a build-out
 * that ends after the horizon. Inputs the loader already rejects (unknown chip,
 * negative power) are internal faults and throw a plain Error instead.
 */
import { groupedNumber } from './groupedNumber.js';

export interface ModelIssue {
  severity: 'error' | 'warning';
  /** Stable identifier; the model emits only MODEL_ISSUE_CODES. */
  code: string;
  /** Phases the issue is about, by name; [] for envelope- or horizon-level issues. */
  phases: string[];
  /** What was found, what was expected, and what to do next. */
  message: string;
}

/** Every code the model emits. */
export const MODEL_ISSUE_CODES = [
  /** error: the phase list is empty. */
  'no_phases',
  /** error: POI x (1 - headroom) - auxiliary share leaves no critical IT. */
  'critical_it_not_positive',
  /** error: end_of_life on or before energised_on. */
  'end_of_life_not_after_energisation',
  /** error: refresh_to given without end_of_life. */
  'refresh_without_end_of_life',
  /** error: energised design load above the envelope limit in some hour. */
  'envelope_exceeded',
  /** warning: a phase's critical IT cannot hold one packaging unit: 0 chips. */
  'phase_below_packaging_unit',
  /** warning: full build-out is after the horizon; the last year stands in for the first full year. */
  'full_buildout_after_horizon',
] as const;
export type ModelIssueCode = (typeof MODEL_ISSUE_CODES)[number];

export function modelError(code: ModelIssueCode, phases: string[], message: string): ModelIssue {
  return { severity: 'error', code, phases, message };
}

export function modelWarning(code: ModelIssueCode, phases: string[], message: string): ModelIssue {
  return { severity: 'warning', code, phases, message };
}

/** A number for a message: at most `digits` decimals, thousands separated. */
export function fmt(value: number, digits = 3): string {
  return groupedNumber(value, digits);
}
