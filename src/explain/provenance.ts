/**
 * The assumption records an explanation uses, each once, in order of first use: the
 * value as written, its range, confidence and source, and the file:line:column that set
 * it (and what it overrode, along a scenario chain).
 */
import type { AssumptionRecord, SourceLocation } from '../loader/types.js';
import { num } from './format.js';

export class AssumptionsUsed {
  private readonly byPath = new Map<string, AssumptionRecord>();
  private readonly used = new Map<string, AssumptionRecord>();

  constructor(records: readonly AssumptionRecord[]) {
    for (const record of records) this.byPath.set(record.path, record);
  }

  /**
   * Note that `path` is used and return it as a reference (`[facility.headroom]`). A yearly
   * value given by_year is recorded per listed year (`facility.annual_pue[2030]`): `year`
   * picks the step in effect (the latest listed year at or before it, else the first).
   * Throws when no record exists: every model input has one, so a miss is a bug.
   */
  use(path: string, year?: number): string {
    const record = this.find(path, year);
    if (!record) throw new Error(`explain: no assumption record for ${path}${year === undefined ? '' : ` in ${year}`}`);
    this.used.set(record.path, record);
    return `[${record.path}]`;
  }

  private find(path: string, year: number | undefined): AssumptionRecord | undefined {
    const exact = this.byPath.get(path);
    if (exact) return exact;
    const steps = [...this.byPath.values()]
      .map((record) => ({ record, year: new RegExp(`^${escape(path)}\\[(\\d+)\\]$`).exec(record.path)?.[1] }))
      .filter((step): step is { record: AssumptionRecord; year: string } => step.year !== undefined)
      .map((step) => ({ record: step.record, year: Number(step.year) }))
      .sort((a, b) => a.year - b.year);
    if (steps.length === 0) return undefined;
    const inEffect = year === undefined ? undefined : steps.filter((step) => step.year <= year).pop();
    return (inEffect ?? steps[0]!).record;
  }

  /** One block per record used: value, range, confidence and source, where it was set. */
  lines(): string[] {
    const lines: string[] = [];
    for (const record of this.used.values()) {
      const unit = record.unit === '1' || record.unit === '' ? '' : ` ${record.unit}`;
      const written = record.written.trim();
      const same = typeof record.value !== 'number' || written === `${record.value}${unit}` || Number(written) === record.value;
      const converted = same ? '' : ` (= ${num(record.value as number)}${unit})`;
      const range = record.low !== undefined || record.high !== undefined ? `, range ${num(record.low ?? Number.NaN)} to ${num(record.high ?? Number.NaN)}${unit}` : '';
      const year = record.currencyYear !== undefined ? `, ${record.currencyYear} dollars` : '';
      lines.push(`  ${record.path} = ${record.written}${converted}${range}${year}`);
      const source = record.source === undefined ? 'no source given' : `"${record.source}"`;
      lines.push(`      confidence: ${record.confidence ?? 'not given'}; source: ${source}`);
      const overrides = record.setBy.slice(0, -1);
      lines.push(`      set at ${where(record.at)}${overrides.length > 0 ? ` (overriding ${overrides.map(where).join(', ')})` : ''}`);
    }
    return lines;
  }
}

function where(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
