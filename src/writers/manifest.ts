/**
 * manifest.json: what a run was made from and what it wrote. Deterministic,
 * so two runs of the same inputs give the same bytes: fixed key order, 2-space
 * indent, LF, final newline, no timestamps, no absolute paths.
 *
 * Absent optional fields are written as `null`, never omitted: every object of
 * a kind has the same keys, so pandas.json_normalize and jq see a fixed shape.
 * New keys may be added without a version bump (`set_by`, the chain of files
 * that set each value, sits beside `set_at`; `question` and `chain` name the
 * scenario); `manifest_version` changes only when a key is removed or changes
 * meaning.
 */
import type { AssumptionRecord, InputFile, LoadedScenario, SourceLocation } from '../loader/types.js';
import type { EnvelopeCheck } from '../results/types.js';
import { decimalsForUnit } from './decimals.js';
import { formatFixed } from './number.js';
import type { OutputTable } from './outputTables.js';

const MANIFEST_VERSION = 1;

const MW_DECIMALS = decimalsForUnit('MW', 'manifest.json envelope');

export interface ManifestContext {
  scenario: LoadedScenario;
  envelope: EnvelopeCheck;
  tables: readonly OutputTable[];
  version: string;
  warnings: readonly string[];
}

export function renderManifest({ scenario, envelope, tables, version, warnings }: ManifestContext): string {
  const inputs = [...scenario.files].sort((a, b) => compareText(a.path, b.path));
  const manifest = {
    manifest_version: MANIFEST_VERSION,
    gwplan_version: version,
    scenario: scenario.name,
    question: scenario.question,
    chain: [...scenario.chain],
    inputs: inputs.map((file) => ({ path: file.path, sha256: file.sha256 })),
    assumptions: scenario.records.map((record) => assumptionEntry(record, inputs)),
    outputs: tables.map((table) => ({
      file: table.file,
      columns: table.columns.map((column) => ({ name: column.name, unit: column.unit, decimals: column.decimals })),
    })),
    envelope: envelopeEntry(envelope),
    warnings: [...warnings],
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function assumptionEntry(record: AssumptionRecord, inputs: readonly InputFile[]) {
  return {
    path: record.path,
    // Inputs are written exactly (shortest round-trip), not rounded: they are what a rerun needs.
    value: record.value,
    unit: record.unit,
    written: record.written,
    low: record.low ?? null,
    high: record.high ?? null,
    source: record.source ?? null,
    confidence: record.confidence ?? null,
    note: record.note ?? null,
    set_at: location(record.at, inputs),
    // Base first, then each overlay that overrode it, in chain order; the last is set_at.
    set_by: record.setBy.map((at) => location(at, inputs)),
  };
}

/** `file:line:col` with the file named as in `inputs` (relative to the assumptions directory). */
export function location(at: SourceLocation, inputs: readonly InputFile[]): string {
  return `${inputPath(at.file, inputs)}:${at.line}:${at.column}`;
}

/**
 * The loader locates values by the path shown to the user (assumptions dir as
 * given + file name), which may be absolute; the manifest names the file as in
 * `inputs`, relative to the assumptions directory (`facility.yaml`,
 * `scenarios/liquid-cooled.yaml`), so the two can be joined.
 * A location outside every input file (none today) is kept as given.
 */
function inputPath(shownPath: string, inputs: readonly InputFile[]): string {
  let best: string | undefined;
  for (const { path } of inputs) {
    const matches = shownPath === path || shownPath.endsWith(`/${path}`);
    if (matches && (best === undefined || path.length > best.length)) best = path;
  }
  return best ?? shownPath;
}

/** Rounded like the CSV columns of the same unit, so the manifest never shows 1899.9999999999998. */
function envelopeEntry(envelope: EnvelopeCheck) {
  const mw = (value: number, name: string) => Number(formatFixed(value, MW_DECIMALS, `manifest.json envelope.${name}`));
  return {
    limit_mw: mw(envelope.limitMw, 'limit_mw'),
    peak_design_load_mw: mw(envelope.peakDesignLoadMw, 'peak_design_load_mw'),
    peak_at: envelope.peakAt,
    margin_mw: mw(envelope.marginMw, 'margin_mw'),
    packaging_margin_mw: mw(envelope.packagingMarginMw, 'packaging_margin_mw'),
    binding: envelope.binding,
  };
}

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
