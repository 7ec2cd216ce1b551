/**
 * What the loader hands on: model inputs in model units, plus a record of
 * where every effective value came from (Boavizta-style value records).
 */
import type { ModelInputs } from '../model/inputs.js';
import type { CorrelationGroup, UncertainInput } from '../uncertainty/types.js';

export const CONFIDENCE_WORDS = ['official', 'analyst-estimate', 'rough', 'placeholder'] as const;
export type Confidence = (typeof CONFIDENCE_WORDS)[number];

/** A place in an input file; line and column are 1-based. */
export interface SourceLocation {
  /** Path as shown to the user: the assumptions directory as given, joined with the file name, '/' separators. */
  file: string;
  line: number;
  column: number;
}

/** One effective assumption value and its provenance. */
export interface AssumptionRecord {
  /** Dotted path as the user writes it: `facility.design_pue`, `chips.trainium3.tdp`, `phases.trn3-a.poi`, `facility.annual_pue[2030]`. */
  path: string;
  /** Value in `unit` (numbers), or the text of an enumerated/date/name value. */
  value: number | string;
  /** Model unit of `value`, e.g. `MW`, `W`, `h`, `tCO2e/MWh`; `1` for dimensionless ratios and counts; `` for text. */
  unit: string;
  /** The value exactly as written in the file, e.g. `2 GW`. */
  written: string;
  low?: number;
  high?: number;
  source?: string;
  confidence?: Confidence;
  note?: string;
  /**
   * A money value's currency year: the year whose dollars `written` is in (its own
   * `currency_year:`, else cost.currency_year). `value`, `low` and `high` are always in
   * cost.currency_year dollars, converted with cost.deflators when the two differ.
   */
  currencyYear?: number;
  /** Where the effective value was set: the last entry of `setBy`. */
  at: SourceLocation;
  /**
   * Every place that set this assumption, in chain order: the base file first
   * (when base sets it), then each scenario overlay that overrides it. A value
   * set only by base has `setBy = [at]`.
   */
  setBy: SourceLocation[];
}

export type Severity = 'error' | 'warning';

/** A located problem with the inputs; rendered as `file:line:col path: message`. */
export interface InputIssue {
  severity: Severity;
  /** Stable identifier from the message catalogue, e.g. `wrong_dimension`. */
  code: string;
  at: SourceLocation;
  /** Field path, e.g. `chips.trainium3.tdp`; '' for file-level problems. */
  path: string;
  /** What was found, what was expected, and what to do next. */
  message: string;
}

export interface InputFile {
  /** Path relative to the assumptions directory, '/' separators. */
  path: string;
  sha256: string;
}

export interface LoadedScenario {
  /** `base`, or the scenario's name (its file `scenarios/<name>.yaml`). */
  name: string;
  /** Overlays applied, root first: `['base']`, or e.g. `['base', 'liquid-cooled', 'liquid-cooled-inference']`. */
  chain: string[];
  /** The one-sentence question the scenario answers. */
  question: string;
  inputs: ModelInputs;
  /** Every effective assumption, in file order then field order. */
  records: AssumptionRecord[];
  /** Every input file read: the base files (uncertainty.yaml when there is one) and each overlay of the chain (`scenarios/<name>.yaml`), sorted by path. */
  files: InputFile[];
  /**
   * The inputs that vary in uncertainty runs, in record order: each value's
   * own low/high or `distribution:`, and uncertainty.yaml's entries
   * (docs/uncertainty-inputs.md). Empty when nothing varies.
   */
  uncertain: UncertainInput[];
  /** Rank-correlation groups among `uncertain` (uncertainty.yaml `correlations:`). */
  correlationGroups: CorrelationGroup[];
}

export type LoadOutcome =
  | { ok: true; scenario: LoadedScenario; warnings: InputIssue[] }
  | { ok: false; errors: InputIssue[]; warnings: InputIssue[] };

/** `file:line:col path: message` — the one format every input problem is shown in. */
export function formatIssue(issue: InputIssue): string {
  const where = `${issue.at.file}:${issue.at.line}:${issue.at.column}`;
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  return issue.path ? `${where} ${label}${issue.path}: ${issue.message}` : `${where} ${label}${issue.message}`;
}
