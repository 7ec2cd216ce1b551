/**
 * Phases and their vintages. Vintage 1 of a phase runs its own chip from
 * energisedOn; it retires at endOfLife when one is set; with refreshTo,
 * vintage 2 (the refresh chip, same POI and critical IT, chips re-sized for
 * the new chip) starts at endOfLife with the same ramp and runs past the horizon.
 * Times are hours from the horizon start (calendar.ts).
 */
import { hourOfDate } from './calendar.js';
import { auxiliaryShareMw, criticalItMw, designLoadMw, phasePoiMw } from './envelope.js';
import type { ChipSpec, ModelInputs, PhaseSpec } from './inputs.js';
import { fmt, modelError, modelWarning, type ModelIssue } from './issues.js';
import { sizeFleet, type FleetSize } from './sizing.js';

/** A phase's power budget, fixed for all its vintages. */
export interface PhasePlan {
  index: number;
  name: string;
  poiMw: number;
  /** aux_k: the phase's pro-rata share of the site auxiliary load. */
  auxMw: number;
  criticalItMw: number;
  /** P_IT x PUE_design + aux_k, the phase's design facility load when fully energised. */
  designLoadMw: number;
}

export interface Vintage {
  phaseIndex: number;
  phase: string;
  /** 1 = original chip, 2 = refresh. */
  vintage: number;
  chip: ChipSpec;
  /** First energised instant, hours from horizon start. */
  startHour: number;
  /** Retirement instant, hours from horizon start; Infinity when it runs past the horizon. */
  endHour: number;
  rampHours: number;
  energisedOn: string;
  /** YYYY-MM-DD or '' */
  retiredOn: string;
  poiMw: number;
  auxMw: number;
  criticalItMw: number;
  designLoadMw: number;
  fleet: FleetSize;
}

/**
 * Energised fraction of a vintage over hour t (hour-beginning, [t, t+1)), evaluated at the
 * hour midpoint: 0 before start or at/after retirement, else clamp((t + 0.5 - start) / ramp, 0, 1);
 * a 0 ramp is a step. For a linear ramp starting on an hour boundary, the sum over hours
 * equals the exact integral of the ramp.
 */
export function energisedFraction(hour: number, startHour: number, endHour: number, rampHours: number): number {
  if (hour < startHour || hour >= endHour) return 0;
  if (!(rampHours > 0)) return 1;
  return clamp01((hour + 0.5 - startHour) / rampHours);
}

/** Energised fraction at an instant (not an hour average): used for end-of-year stock. */
export function energisedFractionAt(instantHour: number, startHour: number, endHour: number, rampHours: number): number {
  if (instantHour < startHour || instantHour >= endHour) return 0;
  if (!(rampHours > 0)) return 1;
  return clamp01((instantHour - startHour) / rampHours);
}

/** True when the vintage is installed (energised or ramping) at the instant. */
export function isActiveAt(vintage: Pick<Vintage, 'startHour' | 'endHour'>, instantHour: number): boolean {
  return instantHour >= vintage.startHour && instantHour < vintage.endHour;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** POI, auxiliary share and critical IT per phase; an error for each phase left with no critical IT. */
export function planPhases(inputs: ModelInputs, poiEquivalentMw: number): { plans: PhasePlan[]; issues: ModelIssue[] } {
  const totalPoi = totalPoiMw(inputs, poiEquivalentMw);
  const plans: PhasePlan[] = [];
  const issues: ModelIssue[] = [];
  for (let index = 0; index < inputs.phases.length; index++) {
    const plan = planPhase(inputs, index, poiEquivalentMw, totalPoi);
    if (!(plan.criticalItMw > 0)) {
      const { headroomShare, designPue } = inputs.facility;
      issues.push(
        modelError(
          'critical_it_not_positive',
          [plan.name],
          `phase ${plan.name} has ${fmt(plan.criticalItMw)} MW of critical IT: POI ${fmt(plan.poiMw)} MW x (1 - ${fmt(headroomShare)} headroom) ` +
            `- ${fmt(plan.auxMw)} MW auxiliary share, / design PUE ${fmt(designPue)}; expected more than 0 MW. ` +
            `Increase the phase's poi, or reduce facility headroom or auxiliary_load.`,
        ),
      );
    }
    plans.push(plan);
  }
  return { plans, issues };
}

/** Sum of the phases' POI, MW (the auxiliary load is shared pro rata to it). */
export function totalPoiMw(inputs: ModelInputs, poiEquivalentMw: number): number {
  const { phases } = inputs;
  let total = 0;
  for (let i = 0; i < phases.length; i++) total += phasePoiMw(phases[i]!.poi, poiEquivalentMw);
  return total;
}

/** A plan of zeros, for planPhase to fill. */
export function emptyPlan(): PhasePlan {
  return { index: 0, name: '', poiMw: 0, auxMw: 0, criticalItMw: 0, designLoadMw: 0 };
}

/**
 * One phase's plan (planPhases without the error), into `into` when given: the Monte Carlo
 * reuses one object rather than building one per phase and sample.
 */
export function planPhase(inputs: ModelInputs, index: number, poiEquivalentMw: number, totalPoi: number, into?: PhasePlan): PhasePlan {
  const { headroomShare, designPue, auxiliaryLoadMw } = inputs.facility;
  const phase = inputs.phases[index]!;
  const poiMw = phasePoiMw(phase.poi, poiEquivalentMw);
  const auxMw = auxiliaryShareMw(auxiliaryLoadMw, poiMw, totalPoi);
  const itMw = criticalItMw(poiMw, headroomShare, auxMw, designPue);
  const plan = into ?? emptyPlan();
  plan.index = index;
  plan.name = phase.name;
  plan.poiMw = poiMw;
  plan.auxMw = auxMw;
  plan.criticalItMw = itMw;
  plan.designLoadMw = designLoadMw(itMw, designPue, auxMw);
  return plan;
}

/** A catalogue chip by name: a scan (a catalogue holds a few chips; a Map per Monte Carlo sample cost more). */
export function chipNamed(chips: readonly ChipSpec[], name: string, phase: string): ChipSpec {
  for (const chip of chips) if (chip.name === name) return chip;
  throw new Error(`phase ${phase}: chip "${name}" is not in the catalogue`);
}

/** Vintage 1 (and 2 when refreshed) of every phase, sized; warnings for phases below one packaging unit. */
export function buildVintages(
  inputs: ModelInputs,
  plans: readonly PhasePlan[],
): { vintages: Vintage[]; issues: ModelIssue[]; warnings: ModelIssue[] } {
  const { chips } = inputs;
  const o = inputs.utilisation.oversubscriptionRatio;
  const first = inputs.horizon.firstYear;
  const vintages: Vintage[] = [];
  const issues: ModelIssue[] = [];
  const warnings: ModelIssue[] = [];

  // Start and end as hours, computed once per date (this runs per phase and Monte Carlo sample).
  const make = (
    phase: PhaseSpec,
    plan: PhasePlan,
    vintage: number,
    chip: ChipSpec,
    energisedOn: string,
    startHour: number,
    retiredOn: string,
    endHour: number,
  ): Vintage => {
    const fleet = sizeFleet(chip, plan.criticalItMw, o);
    if (fleet.chips === 0 && plan.criticalItMw > 0) {
      const unitMw = (chip.chipsPerUltraserver * fleet.allInW) / o / 1e6;
      warnings.push(
        modelWarning(
          'phase_below_packaging_unit',
          [phase.name],
          `phase ${phase.name} (vintage ${vintage}, ${chip.name}) has ${fmt(plan.criticalItMw)} MW of critical IT, less than the ` +
            `${fmt(unitMw)} MW one ${chip.chipsPerUltraserver}-chip UltraServer needs, so it holds 0 chips. ` +
            `Increase the phase's poi or merge it with another phase.`,
        ),
      );
    }
    return {
      phaseIndex: plan.index,
      phase: phase.name,
      vintage,
      chip,
      startHour,
      endHour,
      rampHours: phase.rampHours,
      energisedOn,
      retiredOn,
      poiMw: plan.poiMw,
      auxMw: plan.auxMw,
      criticalItMw: plan.criticalItMw,
      designLoadMw: plan.designLoadMw,
      fleet,
    };
  };

  inputs.phases.forEach((phase, index) => {
    const plan = plans[index];
    if (!plan) throw new Error(`phase ${phase.name}: no plan`);
    if (!(phase.rampHours >= 0)) throw new Error(`phase ${phase.name}: ramp ${phase.rampHours} h, expected >= 0`);
    const eol = phase.endOfLife ?? '';
    const startHour = hourOfDate(phase.energisedOn, first);
    const eolHour = eol === '' ? Infinity : hourOfDate(eol, first);
    if (eolHour <= startHour) {
      issues.push(
        modelError(
          'end_of_life_not_after_energisation',
          [phase.name],
          `phase ${phase.name} reaches end of life on ${eol}, not after its energisation on ${phase.energisedOn}; ` +
            `expected end_of_life later than energised_on. Move end_of_life later or leave it empty.`,
        ),
      );
      return;
    }
    if (phase.refreshTo !== undefined && phase.refreshTo !== '' && eol === '') {
      issues.push(
        modelError(
          'refresh_without_end_of_life',
          [phase.name],
          `phase ${phase.name} names refresh chip ${phase.refreshTo} but no end_of_life; a refresh starts when the first ` +
            `vintage retires. Give the phase an end_of_life date, or leave refresh_to empty.`,
        ),
      );
      return;
    }
    vintages.push(make(phase, plan, 1, chipNamed(chips, phase.chip, phase.name), phase.energisedOn, startHour, eol, eolHour));
    if (phase.refreshTo !== undefined && phase.refreshTo !== '') {
      vintages.push(make(phase, plan, 2, chipNamed(chips, phase.refreshTo, phase.name), eol, eolHour, '', Infinity));
    }
  });
  return { vintages, issues, warnings };
}

/** Installed stock at an instant, ramps counted pro rata. */
export interface StockAt {
  chips: number;
  criticalItMw: number;
  peakFp8Pflops: number;
}

/** Stock at `instantHour`: sum over vintages of N_v r_v, P_IT r_v, FP8 PFLOP/s r_v (chips unrounded). */
export function stockAt(vintages: readonly Vintage[], instantHour: number): StockAt {
  let chips = 0;
  let criticalIt = 0;
  let fp8 = 0;
  for (const v of vintages) {
    const r = energisedFractionAt(instantHour, v.startHour, v.endHour, v.rampHours);
    chips += v.fleet.chips * r;
    criticalIt += v.criticalItMw * r;
    fp8 += v.fleet.peakFp8Pflops * r;
  }
  return { chips, criticalItMw: criticalIt, peakFp8Pflops: fp8 };
}
