/** Collects every input problem of one load, so all are reported in one pass. */
import { MESSAGES, WARNING_CODES, type MessageCode, type QuantityParams } from './messages.js';
import type { Measure, QuantityProblem } from './quantity.js';
import type { InputIssue, SourceLocation } from './types.js';

export class Issues {
  readonly errors: InputIssue[] = [];
  readonly warnings: InputIssue[] = [];

  add<C extends MessageCode>(code: C, at: SourceLocation, path: string, ...params: Parameters<(typeof MESSAGES)[C]>): void {
    const message = (MESSAGES[code] as (...args: typeof params) => string)(...params);
    if (WARNING_CODES.has(code)) this.warnings.push({ severity: 'warning', code, at, path, message });
    else this.errors.push({ severity: 'error', code, at, path, message });
  }

  /** Take over problems already found (e.g. by a cached parse of the same bytes). */
  addAll(found: { errors: readonly InputIssue[]; warnings: readonly InputIssue[] }): void {
    this.errors.push(...found.errors);
    this.warnings.push(...found.warnings);
  }

  /** Report why a written quantity was refused; the problem's code is its message code. */
  addQuantityProblem(problem: QuantityProblem, written: string, expected: readonly Measure[], at: SourceLocation, path: string): void {
    const params: QuantityParams<typeof problem.code> = { ...problem, written, expected };
    this.add(problem.code, at, path, params as never);
  }
}
