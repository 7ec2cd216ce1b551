/**
 * Steps 2-6 of prepareRun (assemble.ts) straight into a VintageTable, for the
 * Monte Carlo's lean path (closedFormMetrics.ts): the same formulas, called in
 * the same order on the same numbers, so the table equals the one prepareRun's
 * Vintage objects fill, but without building plan, FleetSize, Vintage or issue
 * objects, which cost more per sample than the arithmetic.
 *
 * Where prepareRun reports an error (no phases, a phase without critical IT,
 * end of life not after energisation, a refresh without end of life) this
 * returns false: a Monte Carlo sample that fails is left out and counted, and
 * needs no message. Where prepareRun throws (an internal fault), so does this.
 * Warnings (a phase below one packaging unit) are not reported here.
 * A test checks the table against prepareRun's on random inputs.
 */
import { hourOfDate, yearOfDate } from './calendar.js';
import { peakPflops } from './compute.js';
import { auxiliaryShareMw, criticalItMw, designLoadMw, envelopeLimitMw, phasePoiMw, poiEquivalentMw } from './envelope.js';
import type { ChipSpec, ModelInputs } from './inputs.js';
import { allInWPerChip, chipsThatFit, deployedItMw, serversFor, ultraserversFor } from './sizing.js';
import { chipNamed } from './vintages.js';
import type { VintageTable } from './vintageTable.js';

/** Step 2's two numbers, which later steps need beside the table. */
export interface EnvelopeLimit {
  /** L_env, the facility design-load limit, MW. */
  limitMw: number;
  /** E_poi = L_env / (1 - h), MW. */
  poiEquivalentMw: number;
}

/** Per phase: POI, aux_k, P_IT, design load (planPhases' numbers); grown as needed. */
let phasePoi = new Float64Array(16);
let phaseAux = new Float64Array(16);
let phaseIt = new Float64Array(16);
let phaseDesign = new Float64Array(16);

/**
 * Steps 2-6 into `table` and `limit`; false when prepareRun would report an error
 * (the table is then incomplete).
 */
export function sizeVintagesLean(inputs: ModelInputs, table: VintageTable, limit: EnvelopeLimit): boolean {
  const { facility, phases } = inputs;
  if (phases.length === 0) return false;
  const { headroomShare, designPue, auxiliaryLoadMw } = facility;

  // 2. L_env and E_poi.
  const limitMw = envelopeLimitMw(inputs.envelope.powerMw, inputs.envelope.basis, headroomShare, designPue, auxiliaryLoadMw, inputs.envelope.redundancyFactor);
  const poiEquivalent = poiEquivalentMw(limitMw, headroomShare);
  limit.limitMw = limitMw;
  limit.poiEquivalentMw = poiEquivalent;

  // 3. Per phase: POI, pro-rata auxiliary share, critical IT (planPhases).
  const P = phases.length;
  if (phasePoi.length < P) {
    phasePoi = new Float64Array(2 * P);
    phaseAux = new Float64Array(2 * P);
    phaseIt = new Float64Array(2 * P);
    phaseDesign = new Float64Array(2 * P);
  }
  let totalPoi = 0;
  for (let p = 0; p < P; p++) {
    phasePoi[p] = phasePoiMw(phases[p]!.poi, poiEquivalent);
    totalPoi += phasePoi[p]!;
  }
  let ok = true;
  for (let p = 0; p < P; p++) {
    const aux = auxiliaryShareMw(auxiliaryLoadMw, phasePoi[p]!, totalPoi);
    const it = criticalItMw(phasePoi[p]!, headroomShare, aux, designPue);
    if (!(it > 0)) ok = false;
    phaseAux[p] = aux;
    phaseIt[p] = it;
    phaseDesign[p] = designLoadMw(it, designPue, aux);
  }

  // 4-6. Vintages (buildVintages): start, retirement, ramp; all-in W per chip; chips in whole UltraServers.
  const o = inputs.utilisation.oversubscriptionRatio;
  const first = inputs.horizon.firstYear;
  table.reset(2 * P);
  for (let p = 0; p < P; p++) {
    const phase = phases[p]!;
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
    addVintage(table, p, 1, chipNamed(inputs.chips, phase.chip, phase.name), startHour, eolHour, phase.rampHours, yearOfDate(phase.energisedOn), eolYear, o);
    if (refreshed) addVintage(table, p, 2, chipNamed(inputs.chips, phase.refreshTo!, phase.name), eolHour, Infinity, phase.rampHours, eolYear, Number.NaN, o);
  }
  return ok;
}

/** One row: the phase's budget (step 3) and the fleet sized as sizeFleet sizes it. */
function addVintage(
  table: VintageTable,
  p: number,
  vintage: number,
  chip: ChipSpec,
  startHour: number,
  endHour: number,
  rampHours: number,
  startYear: number,
  retireYear: number,
  oversubscription: number,
): void {
  const i = table.count++;
  const it = phaseIt[p]!;
  const allInW = allInWPerChip(chip);
  const chips = chipsThatFit(it, allInW, chip.chipsPerUltraserver, oversubscription);
  table.phaseIndex[i] = p;
  table.vintage[i] = vintage;
  table.chip[i] = chip;
  table.startHour[i] = startHour;
  table.endHour[i] = endHour;
  table.rampHours[i] = rampHours;
  table.startYear[i] = startYear;
  table.retireYear[i] = retireYear;
  table.poiMw[i] = phasePoi[p]!;
  table.auxMw[i] = phaseAux[p]!;
  table.criticalItMw[i] = it;
  table.designLoadMw[i] = phaseDesign[p]!;
  table.allInW[i] = allInW;
  table.chips[i] = chips;
  table.servers[i] = serversFor(chips, chip.chipsPerServer);
  table.ultraservers[i] = ultraserversFor(chips, chip.chipsPerUltraserver);
  table.deployedItMw[i] = deployedItMw(chips, allInW);
  table.peakBf16Pflops[i] = peakPflops(chips, chip.peakBf16Tflops);
  table.peakFp8Pflops[i] = peakPflops(chips, chip.peakFp8Tflops);
}
