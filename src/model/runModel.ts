/**
 * The model: ModelInputs (plain numbers in model units) -> ModelResult.
 * Pure: no I/O, no clock, no unit strings. docs/model.md states every equation;
 * the step numbers below are its section numbers. Steps 1-6 and 10-17 live in
 * assemble.ts, shared with the closed form (closedForm.ts); this file does the
 * hour-by-hour steps 7-9.
 */
import { assembleResult, prepareRun } from './assemble.js';
import { isoOfHour } from './calendar.js';
import { accumulateHourlyLoads, facilityLoads, vintageDrawMw } from './energy.js';
import { designLoadAtHourMw, envelopeExceededIssue, scanDesignLoad } from './envelopeCheck.js';
import type { ModelInputs } from './inputs.js';
import type { ModelIssue } from './issues.js';
import type { ModelResult } from '../results/types.js';

export type { ModelIssue, ModelIssueCode } from './issues.js';
export { MODEL_ISSUE_CODES } from './issues.js';
export { SUMMARY_METRICS, SUMMARY_METRIC_NAMES, type SummaryMetric } from './summary.js';

export type ModelOutcome =
  | { ok: true; result: ModelResult; warnings: ModelIssue[] }
  | { ok: false; issues: ModelIssue[]; warnings: ModelIssue[] };

export function runModel(inputs: ModelInputs): ModelOutcome {
  const { facility, utilisation } = inputs;

  // 1-6. Calendar, envelope limit L_env, phase plans, vintages sized in whole UltraServers.
  const prepared = prepareRun(inputs);
  if (!prepared.ok) return prepared;
  const { run, warnings } = prepared;
  const { calendar, vintages, limitMw } = run;

  // 7. Hourly IT draw: per vintage and year the capped draw min(N p_max u / 1e6, P_IT),
  //    times the energised fraction at each hour's midpoint; energised critical IT and aux alongside.
  const drawMw = vintages.map((v) => {
    const draws = new Float64Array(calendar.years);
    for (let y = 0; y < calendar.years; y++) draws[y] = vintageDrawMw(v, utilisation.powerRatio, y);
    return draws;
  });
  const loads = accumulateHourlyLoads(calendar, vintages, drawMw);

  // 8. Facility load F(t) = IT(t) x PUE(t) + aux(t) (annual PUE, optional partial-load term); annual sums.
  const energy = facilityLoads(calendar, loads, facility.annualPue, facility.partialLoadPueCoefficient, facility.partialLoadReferenceLoad);

  // 9. Envelope invariant: D(t) = PUE_design x energised critical IT + energised aux <= L_env every hour.
  const scan = scanDesignLoad(loads, facility.designPue, limitMw);
  if (scan.firstViolationHour >= 0) {
    const load = designLoadAtHourMw(loads, facility.designPue, scan.firstViolationHour);
    return { ok: false, issues: [envelopeExceededIssue(vintages, scan, load, limitMw, calendar.firstYear)], warnings };
  }

  // 10-17. Full build-out, annual rows, procurement, impacts, delivered compute, envelope record, cost, summary.
  const rest = assembleResult(
    inputs,
    run,
    {
      itEnergyMwh: energy.years.map((e) => e.itEnergyMwh),
      facilityEnergyMwh: energy.years.map((e) => e.facilityEnergyMwh),
      peakFacilityMw: energy.years.map((e) => e.peakFacilityMw),
      energisedHours: (vi, y) => loads.energisedHours[vi]![y]!,
    },
    scan,
    warnings,
  );
  const result: ModelResult = {
    ...rest,
    hourly: { startIso: isoOfHour(0, calendar.firstYear), itMw: loads.itMw, facilityMw: energy.facilityMw },
  };
  return { ok: true, result, warnings };
}
