/**
 * The model in closed form per year (the fast path): everything runModel returns
 * except the hourly series, without an hourly loop. Steps 1-6 and 10-17 are the
 * very functions runModel uses (assemble.ts); steps 7-9 are closedFormCore.ts.
 * Exact whenever PUE does not depend on the hourly load fraction (closedFormIsExact);
 * otherwise the entries fall back to runModel. docs/model.md, "Closed form (fast path)".
 * The Monte Carlo's lean entry, a vector of numbers per sample, is closedFormMetrics.ts.
 */
import { assembleResult, prepareRun, type PreparedRun, type ResultWithoutHourly } from './assemble.js';
import { cachedCalendar, closedFormCore, type ClosedFormLoads } from './closedFormCore.js';
import { envelopeExceededIssue } from './envelopeCheck.js';
import type { ModelInputs } from './inputs.js';
import type { ModelIssue } from './issues.js';
import { runModel } from './runModel.js';

export type ClosedFormOutcome =
  | { ok: true; result: ResultWithoutHourly; warnings: ModelIssue[] }
  | { ok: false; issues: ModelIssue[]; warnings: ModelIssue[] };

/**
 * True when the closed form reproduces runModel (to rounding): PUE must not depend on
 * the hourly load fraction (partial-load coefficient c = 0). Also false for inputs the
 * loader rejects anyway (negative auxiliary load, annual PUE or power ratio), under which
 * the hourly load need not be monotone between breakpoints.
 */
export function closedFormIsExact(inputs: ModelInputs): boolean {
  if (inputs.facility.partialLoadPueCoefficient > 0) return false;
  if (!(inputs.facility.auxiliaryLoadMw >= 0)) return false;
  // Indexed loops: this runs per Monte Carlo sample, and for-of allocated an iterator each time in unoptimised code.
  const { annualPue } = inputs.facility;
  for (let i = 0; i < annualPue.length; i++) if (!(annualPue[i]! >= 0)) return false;
  const { powerRatio } = inputs.utilisation;
  for (let i = 0; i < powerRatio.length; i++) if (!(powerRatio[i]! >= 0)) return false;
  const { chips } = inputs;
  for (let i = 0; i < chips.length; i++) {
    const ratio = chips[i]!.powerRatio;
    if (ratio !== undefined && !(ratio >= 0)) return false;
  }
  return true;
}

/** The envelope error at the scan's first violating hour. */
function violationIssue(inputs: ModelInputs, run: PreparedRun, core: ClosedFormLoads): ModelIssue {
  const t = core.firstViolationHour;
  const { calendar } = run;
  let y = 0;
  while (y < calendar.years - 1 && calendar.yearStartHour[y + 1]! <= t) y++;
  const load = core.designLoadAt(t, y, inputs.facility.designPue);
  return envelopeExceededIssue(run.vintages, core, load, run.limitMw, calendar.firstYear);
}

/**
 * runModel without the hourly series, in closed form per year: fleet, annual and procurement
 * rows, envelope record and summary equal runModel's to rounding (about 1e-13 relative for
 * energies; peaks, dates, the peak hour and the binding constraint identical). Falls back
 * to runModel when the closed form is not exact (closedFormIsExact).
 */
export function runModelClosedForm(inputs: ModelInputs): ClosedFormOutcome {
  if (!closedFormIsExact(inputs)) {
    const outcome = runModel(inputs);
    if (!outcome.ok) return outcome;
    const { hourly: _hourly, ...result } = outcome.result;
    return { ok: true, result, warnings: outcome.warnings };
  }
  const prepared = prepareRun(inputs, cachedCalendar);
  if (!prepared.ok) return prepared;
  const { run, warnings } = prepared;
  const core = closedFormCore(inputs, run.calendar, run.table, run.limitMw);
  if (core.firstViolationHour >= 0) return { ok: false, issues: [violationIssue(inputs, run, core)], warnings };
  const result = assembleResult(inputs, run, core.loads, core, warnings);
  return { ok: true, result, warnings };
}
