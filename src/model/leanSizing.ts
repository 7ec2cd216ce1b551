/**
 * Steps 2-6 of prepareRun (assemble.ts) straight into a VintageTable, for the
 * Monte Carlo's lean path (closedFormMetrics.ts): the same functions (planPhases,
 * sizeFleet) in the same order on the same numbers, so the table equals the one
 * prepareRun's Vintage objects fill, but without building Vintage objects or
 * their messages, which cost more per sample than the arithmetic.
 *
 * Where prepareRun reports an error (no phases, a phase without critical IT,
 * end of life not after energisation, a refresh without end of life) this
 * returns false: a Monte Carlo sample that fails is left out and counted, and
 * needs no message. Where prepareRun throws (an internal fault), so does this.
 * Warnings (a phase below one packaging unit) are not reported here.
 * A test checks the table against prepareRun's on random inputs.
 */
import { hourOfDate, yearOfDate } from './calendar.js';
import { envelopeLimitMw, poiEquivalentMw } from './envelope.js';
import type { ModelInputs } from './inputs.js';
import { emptyFleet, sizeFleet } from './sizing.js';
import { chipNamed, emptyPlan, planPhase, totalPoiMw } from './vintages.js';
import type { VintageTable } from './vintageTable.js';

/** Step 2's two numbers, which later steps need beside the table. */
export interface EnvelopeLimit {
  /** L_env, the facility design-load limit, MW. */
  limitMw: number;
  /** E_poi = L_env / (1 - h), MW. */
  poiEquivalentMw: number;
}

/** Reused per phase and sample: table.add copies their numbers. */
const PLAN = emptyPlan();
const FLEET = emptyFleet();

/**
 * Steps 2-6 into `table` and `limit`; false when prepareRun would report an error
 * (the table is then incomplete).
 */
export function sizeVintagesLean(inputs: ModelInputs, table: VintageTable, limit: EnvelopeLimit): boolean {
  const { facility, phases } = inputs;
  if (phases.length === 0) return false;

  // 2. L_env and E_poi.
  const { headroomShare, designPue, auxiliaryLoadMw } = facility;
  const limitMw = envelopeLimitMw(inputs.envelope.powerMw, inputs.envelope.basis, headroomShare, designPue, auxiliaryLoadMw, inputs.envelope.redundancyFactor);
  limit.limitMw = limitMw;
  limit.poiEquivalentMw = poiEquivalentMw(limitMw, headroomShare);

  // 3. Per phase (below): POI, pro-rata auxiliary share, critical IT (an error when it is not positive).
  const totalPoi = totalPoiMw(inputs, limit.poiEquivalentMw);
  let ok = true;

  // 4-6. Vintages as buildVintages makes them: start, retirement and ramp; the fleet sized by sizeFleet.
  const o = inputs.utilisation.oversubscriptionRatio;
  const first = inputs.horizon.firstYear;
  table.reset(2 * phases.length);
  for (let p = 0; p < phases.length; p++) {
    const phase = phases[p]!;
    const plan = planPhase(inputs, p, limit.poiEquivalentMw, totalPoi, PLAN);
    if (!(plan.criticalItMw > 0)) ok = false;
    if (!(phase.rampHours >= 0)) throw new Error(`phase ${phase.name}: ramp ${phase.rampHours} h, expected >= 0`);
    const eol = phase.endOfLife ?? '';
    const startHour = hourOfDate(phase.energisedOn, first);
    const eolHour = eol === '' ? Infinity : hourOfDate(eol, first);
    if (eolHour <= startHour) {
      ok = false;
      continue;
    }
    const refreshed = phase.refreshTo !== undefined && phase.refreshTo !== '';
    if (refreshed && eol === '') {
      ok = false;
      continue;
    }
    const eolYear = eol === '' ? Number.NaN : yearOfDate(eol);
    const chip = chipNamed(inputs.chips, phase.chip, phase.name);
    table.add(p, 1, chip, startHour, eolHour, phase.rampHours, yearOfDate(phase.energisedOn), eolYear, plan, sizeFleet(chip, plan.criticalItMw, o, FLEET));
    if (refreshed) {
      const refresh = chipNamed(inputs.chips, phase.refreshTo!, phase.name);
      table.add(p, 2, refresh, eolHour, Infinity, phase.rampHours, eolYear, Number.NaN, plan, sizeFleet(refresh, plan.criticalItMw, o, FLEET));
    }
  }
  return ok;
}
