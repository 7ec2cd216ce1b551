/**
 * The envelope invariant, hour by hour: energised design load
 *   D(t) = sum_k (P_IT,k x PUE_design + aux_k) x r_k(t) = PUE_design x energised critical IT(t) + energised aux(t)
 * must stay at or below L_env (tolerance ENVELOPE_TOLERANCE_MW). Plus the margin,
 * the packaging margin and which constraint binds.
 */
import { isoOfHour } from './calendar.js';
import type { HourlyLoads } from './energy.js';
import { designLoadMw } from './envelope.js';
import { fmt, modelError, type ModelIssue } from './issues.js';
import { packagingLeftoverMw, packagingUnitItMw } from './sizing.js';
import { energisedFraction, type Vintage } from './vintages.js';
import type { BindingConstraint } from '../results/types.js';

/** MW by which D(t) may exceed L_env (floating-point noise), and below which a margin is reported as 0. */
export const ENVELOPE_TOLERANCE_MW = 1e-6;

/** Design load at hour t, MW. */
export function designLoadAtHourMw(loads: HourlyLoads, designPue: number, hour: number): number {
  return designLoadMw(loads.criticalItMw[hour]!, designPue, loads.auxMw[hour]!);
}

export interface DesignLoadScan {
  peakMw: number;
  /** First hour at which D(t) is within 1e-9 MW of the peak. */
  peakHour: number;
  /** First hour with D(t) > L_env + tolerance, or -1. */
  firstViolationHour: number;
  violationHours: number;
  /** Largest D(t) - L_env over violating hours, MW. */
  worstExcessMw: number;
}

export function scanDesignLoad(loads: HourlyLoads, designPue: number, limitMw: number): DesignLoadScan {
  const H = loads.criticalItMw.length;
  let peakMw = 0;
  let firstViolationHour = -1;
  let violationHours = 0;
  let worstExcessMw = 0;
  for (let t = 0; t < H; t++) {
    const d = designLoadAtHourMw(loads, designPue, t);
    if (d > peakMw) peakMw = d;
    if (d > limitMw + ENVELOPE_TOLERANCE_MW) {
      if (firstViolationHour < 0) firstViolationHour = t;
      violationHours++;
      if (d - limitMw > worstExcessMw) worstExcessMw = d - limitMw;
    }
  }
  // The same plateau can differ by a few ulps from hour to hour: report its first hour.
  let peakHour = 0;
  while (peakHour < H - 1 && designLoadAtHourMw(loads, designPue, peakHour) < peakMw - 1e-9) peakHour++;
  return { peakMw, peakHour, firstViolationHour, violationHours, worstExcessMw };
}

/** Phases (by name, in input order) with any vintage energised in hour t. */
export function phasesEnergisedAt(vintages: readonly Vintage[], hour: number): string[] {
  const names: string[] = [];
  for (const v of vintages) {
    if (energisedFraction(hour, v.startHour, v.endHour, v.rampHours) > 0 && !names.includes(v.phase)) names.push(v.phase);
  }
  return names;
}

/** The error for the first violating hour (D(t) = `load` there): which phases, when, how much. */
export function envelopeExceededIssue(
  vintages: readonly Vintage[],
  scan: Pick<DesignLoadScan, 'firstViolationHour' | 'violationHours' | 'worstExcessMw'>,
  /** D(t) at the first violating hour, MW. */
  load: number,
  limitMw: number,
  firstYear: number,
): ModelIssue {
  const t = scan.firstViolationHour;
  const phases = phasesEnergisedAt(vintages, t);
  const perPhase = phases
    .map((name) => {
      const own = vintages.filter((x) => x.phase === name);
      const r = own.reduce((acc, v) => acc + energisedFraction(t, v.startHour, v.endHour, v.rampHours), 0);
      const designMw = own[0]?.designLoadMw ?? 0;
      return `${name} (POI ${fmt(own[0]?.poiMw ?? 0)} MW, design load ${fmt(designMw)} MW, ${fmt(100 * r, 1)}% energised)`;
    })
    .join(', ');
  return modelError(
    'envelope_exceeded',
    phases,
    `at ${isoOfHour(t, firstYear)} the energised design load is ${fmt(load)} MW, above the envelope limit of ${fmt(limitMw)} MW ` +
      `(${fmt(scan.violationHours, 0)} hours exceed it, by up to ${fmt(scan.worstExcessMw)} MW). Energised then: ${perPhase}. ` +
      `Expected the phases energised at the same time to fit within the limit. Reduce a phase's poi, ` +
      `or move its energised_on after another phase's end_of_life.`,
  );
}

/** Packaging margin, MW: sum over the given vintages of (P_IT,k - deployed IT / o). */
export function packagingMarginMw(vintages: readonly Vintage[], oversubscription: number): number {
  let sum = 0;
  for (const v of vintages) sum += packagingLeftoverMw(v.criticalItMw, v.fleet.deployedItMw, oversubscription);
  return sum;
}

/**
 * Which constraint limits the headline fleet. Spare IT = max(0, margin) / PUE_design
 * (the critical IT the unused envelope could hold). 'phases' when at least one headline
 * vintage could take one more packaging unit if that spare IT were added to its own
 * rounding leftover: P_IT,k - deployed_v / o + spare >= pack_v x p_max,v / o;
 * otherwise 'envelope' (no unit fits anywhere without exceeding the limit).
 * With no headline vintage, 'phases'.
 */
export function bindingConstraint(
  headline: readonly Vintage[],
  marginMw: number,
  designPue: number,
  oversubscription: number,
): BindingConstraint {
  if (headline.length === 0) return 'phases';
  const spareItMw = Math.max(0, marginMw) / designPue;
  const fitsOne = headline.some((v) => {
    const leftover = packagingLeftoverMw(v.criticalItMw, v.fleet.deployedItMw, oversubscription);
    const unit = packagingUnitItMw(v.chip.chipsPerUltraserver, v.fleet.allInW, oversubscription);
    return leftover + spareItMw >= unit - 1e-9;
  });
  return fitsOne ? 'phases' : 'envelope';
}

/** limit - peak, with noise inside the tolerance reported as 0. */
export function envelopeMarginMw(limitMw: number, peakMw: number): number {
  const margin = limitMw - peakMw;
  return Math.abs(margin) < ENVELOPE_TOLERANCE_MW ? 0 : margin;
}
