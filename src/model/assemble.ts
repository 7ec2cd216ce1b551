/**
 * The steps the hourly model (runModel) and its closed form (closedForm.ts,
 * closedFormMetrics.ts) share, so that the paths cannot drift apart:
 *   - prepareRun: steps 1-6 (calendar, envelope limit, phase plans, vintages, sizing;
 *     the vintages also as a VintageTable, which steps 7-17 read);
 *   - fullBuildout: step 10 (T_full, headline fleet, first full year);
 *   - annualFigures: steps 11-14 per year (stock, energy ratios, procurement, impacts,
 *     delivered compute), written to a flat Float64Array (YEAR_FIGURE, YEAR_FIGURE_COUNT);
 *     yearFigures is one year of it without the stock;
 *   - envelopeRecord: step 15;
 *   - costRun: step 16 (cost per year, capex at full build-out; src/model/cost/);
 *   - fleetRows, annualRows, summaryValues (summaryNumbers and the two text metrics): step 17.
 * The paths differ only in how they get, per year, IT and facility energy, peak
 * facility load and each vintage's energised hours, and over the horizon the peak
 * design load: hour by hour (runModel) or in closed form (closedFormCore.ts).
 */
import { fullBuildoutHour, firstFullYearIndex, headlineVintages } from './buildout.js';
import { at, dateOfHour, hoursOfYearIndex, isoOfHour, makeCalendar, type Calendar } from './calendar.js';
import { deliveredComputeEflop, tflopsAtPrecision } from './compute.js';
import { envelopeLimitMw, poiEquivalentMw } from './envelope.js';
import { averageMw, effectivePue } from './energy.js';
import { bindingConstraint, envelopeMarginMw, packagingMarginMw } from './envelopeCheck.js';
import { homesEquivalent, locationEmissionsTco2e, marketEmissionsTco2e, waterM3 } from './impacts.js';
import { TECHNOLOGIES, type ModelInputs } from './inputs.js';
import { modelError, modelWarning, type ModelIssue } from './issues.js';
import { cleanEnergyTargetMwh, nameplateMw, newCleanEnergyMwh, procurementRows, technologyEnergyMwh } from './procurement.js';
import { CLEAN_NAMEPLATE_METRIC, SUMMARY_METRICS, summaryRows, trancheSummaryRows, type SummaryMetric } from './summary.js';
import { COST_FIGURE, COST_FIGURE_COUNT, capexFullBuildoutUsd, costFigures, costRows, type EnergyFigureLayout } from './cost/costFigures.js';
import { capexUsdPerPeakPflops, capexUsdPerPoiMw, costUsdPerDeliveredEflop, energyShareOfCost } from './cost/metrics.js';
import { trancheRows } from './cost/tranches.js';
import { buildVintages, planPhases, stockAt, type Vintage } from './vintages.js';
import { vintageTable, type VintageTable } from './vintageTable.js';
import type { AnnualRow, EnvelopeCheck, FleetRow, ModelResult, ProcurementRow } from '../results/types.js';

/** Steps 1-6 done: the calendar, L_env, its POI equivalent E_poi and the sized vintages. */
export interface PreparedRun {
  calendar: Calendar;
  limitMw: number;
  poiEquivalentMw: number;
  vintages: Vintage[];
  /** The same vintages as numbers (vintageTable.ts), which steps 7-17 read. */
  table: VintageTable;
}

export type Preparation =
  | { ok: true; run: PreparedRun; warnings: ModelIssue[] }
  | { ok: false; issues: ModelIssue[]; warnings: ModelIssue[] };

/**
 * Steps 1-6: calendar, envelope limit L_env and its POI equivalent, phase plans (POI,
 * aux share, critical IT), vintages sized in whole UltraServers. `calendarFor` lets the
 * closed form reuse a cached calendar; it must return what makeCalendar returns.
 */
export function prepareRun(inputs: ModelInputs, calendarFor: (firstYear: number, lastYear: number) => Calendar = makeCalendar): Preparation {
  const warnings: ModelIssue[] = [];
  const { facility } = inputs;
  if (inputs.phases.length === 0) {
    const message = 'the phase list is empty; expected at least one phase. Add a phase to phases.csv.';
    return { ok: false, issues: [modelError('no_phases', [], message)], warnings };
  }

  // 1. Calendar: hourly, hour-beginning, UTC, whole calendar years (8,784 h in leap years).
  const calendar = calendarFor(inputs.horizon.firstYear, inputs.horizon.lastYear);

  // 2. Envelope as a facility design-load limit L_env, and its POI equivalent E_poi = L_env / (1 - h).
  const limitMw = envelopeLimitMw(
    inputs.envelope.powerMw,
    inputs.envelope.basis,
    facility.headroomShare,
    facility.designPue,
    facility.auxiliaryLoadMw,
    inputs.envelope.redundancyFactor,
  );
  const poiEquivalent = poiEquivalentMw(limitMw, facility.headroomShare);

  // 3. Per phase: POI, pro-rata auxiliary share, critical IT = (POI (1-h) - aux_k) / PUE_design.
  const planned = planPhases(inputs, poiEquivalent);
  // 4-6. Vintages (original chip, refresh): all-in W per chip (4), chips in whole UltraServers (5),
  //      start, retirement and ramp (6).
  const built = buildVintages(inputs, planned.plans);
  const sizingIssues = [...planned.issues, ...built.issues];
  warnings.push(...built.warnings);
  if (sizingIssues.length > 0) return { ok: false, issues: sizingIssues, warnings };
  const run = { calendar, limitMw, poiEquivalentMw: poiEquivalent, vintages: built.vintages, table: vintageTable(built.vintages) };
  return { ok: true, run, warnings };
}

/** Step 10: T_full, the headline fleet installed then, and the first full year. */
export interface FullBuildout {
  fullHour: number;
  headline: Vintage[];
  fullYearIndex: number;
}

/** Step 10; pushes `full_buildout_after_horizon` onto `warnings` when T_full leaves no whole horizon year. */
export function fullBuildout(calendar: Calendar, vintages: readonly Vintage[], warnings: ModelIssue[]): FullBuildout {
  const fullHour = fullBuildoutHour(vintages);
  const headline = headlineVintages(vintages, fullHour);
  const { yearIndex: fullYearIndex, beyondHorizon } = firstFullYearIndex(calendar, fullHour);
  if (beyondHorizon) {
    warnings.push(
      modelWarning(
        'full_buildout_after_horizon',
        vintages.filter((v) => v.vintage === 1 && v.startHour + v.rampHours === fullHour).map((v) => v.phase),
        `full build-out is reached at ${isoOfHour(fullHour, calendar.firstYear)}, so no whole calendar year of the horizon ` +
          `(${calendar.firstYear}-${calendar.lastYear}) follows it; the first-full-year figures use ${calendar.lastYear} instead. ` +
          `Extend horizon.last_year, or move the last phase's energised_on earlier.`,
      ),
    );
  }
  return { fullHour, headline, fullYearIndex };
}

/** Per-year results of steps 7-8 and 14's input, however they were computed. */
export interface YearLoads {
  /** IT energy per year, MWh. */
  itEnergyMwh: ArrayLike<number>;
  /** Facility energy per year, MWh. */
  facilityEnergyMwh: ArrayLike<number>;
  /** Peak hourly facility load per year, MW. */
  peakFacilityMw: ArrayLike<number>;
  /** energisedHours(v, y): sum over year y's hours of vintage v's energised fraction. */
  energisedHours: (vintageIndex: number, yearIndex: number) => number;
}

/** Offsets of one year's figures in annualFigures' output (stride YEAR_FIGURE_COUNT). */
export const YEAR_FIGURE = {
  hours: 0,
  chipsEnd: 1,
  criticalItMwEnd: 2,
  peakFp8PflopsEnd: 3,
  itEnergyMwh: 4,
  facilityEnergyMwh: 5,
  effectivePue: 6,
  averageFacilityMw: 7,
  peakFacilityMw: 8,
  cleanEnergyTargetMwh: 9,
  contractedCleanMwh: 10,
  newCleanEnergyMwh: 11,
  emissionsLocationTco2e: 12,
  emissionsMarketTco2e: 13,
  waterM3: 14,
  homesEquivalent: 15,
  deliveredComputeEflop: 16,
  /** + technology index (TECHNOLOGIES order): E_i,y, MWh. */
  technologyEnergyMwh: 17,
  /** + technology index (TECHNOLOGIES order): MW_i,y, nameplate. */
  nameplateMw: 17 + TECHNOLOGIES.length,
} as const;
export const YEAR_FIGURE_COUNT = 17 + 2 * TECHNOLOGIES.length;

/**
 * Steps 11-14 for every horizon year into `out` (length >= years x YEAR_FIGURE_COUNT):
 * end-of-year stock (11, only when `withStock`; else left as 0), energy ratios (8),
 * procurement (12), impacts (13), delivered compute (14).
 */
export function annualFigures(inputs: ModelInputs, run: PreparedRun, loads: YearLoads, withStock: boolean, out: Float64Array): Float64Array {
  const { calendar, vintages } = run;
  const F = YEAR_FIGURE;
  const tflops = vintages.map((v) => tflopsAtPrecision(v.chip, inputs.utilisation.mfuPrecision));
  const shares = new Float64Array(TECHNOLOGIES.length);
  const capacityFactors = new Float64Array(TECHNOLOGIES.length);
  technologyShares(inputs.procurement, shares, capacityFactors);
  for (let y = 0; y < calendar.years; y++) {
    const o = y * YEAR_FIGURE_COUNT;
    if (withStock) {
      const stock = stockAt(vintages, at(calendar.yearStartHour, y + 1));
      out[o + F.chipsEnd] = Math.round(stock.chips);
      out[o + F.criticalItMwEnd] = stock.criticalItMw;
      out[o + F.peakFp8PflopsEnd] = stock.peakFp8Pflops;
    } else {
      out[o + F.chipsEnd] = 0;
      out[o + F.criticalItMwEnd] = 0;
      out[o + F.peakFp8PflopsEnd] = 0;
    }
    const mfu = at(inputs.utilisation.modelFlopsUtilisation, y, 'utilisation.modelFlopsUtilisation');
    let eflop = 0;
    for (let vi = 0; vi < vintages.length; vi++) {
      const chipHours = vintages[vi]!.fleet.chips * loads.energisedHours(vi, y);
      eflop += deliveredComputeEflop(chipHours, tflops[vi]!, mfu);
    }
    yearFigures(inputs, y, hoursOfYearIndex(calendar, y), loads, eflop, shares, capacityFactors, out);
  }
  return out;
}

/** procurement.mix in TECHNOLOGIES order, into `shares`; capacity factors likewise (yearFigures' arguments). */
export function technologyShares(procurement: ModelInputs['procurement'], shares: Float64Array, capacityFactors: Float64Array): void {
  for (let i = 0; i < TECHNOLOGIES.length; i++) {
    shares[i] = procurement.mix[TECHNOLOGIES[i]!];
    capacityFactors[i] = procurement.capacityFactor[TECHNOLOGIES[i]!];
  }
}

/**
 * Steps 8 and 12-14 of year index `y` into its YEAR_FIGURE block of `out`, all but the stock:
 * energy ratios, procurement per technology, impacts, and the delivered compute `eflop` the
 * caller summed over its vintages; `shares` and `capacityFactors` per technology in TECHNOLOGIES
 * order (technologyShares). Shared by annualFigures and the closed form's lean path.
 */
export function yearFigures(
  inputs: ModelInputs,
  y: number,
  hours: number,
  loads: YearLoads,
  eflop: number,
  shares: ArrayLike<number>,
  capacityFactors: ArrayLike<number>,
  out: Float64Array,
): void {
  const { procurement, context } = inputs;
  const F = YEAR_FIGURE;
  const o = y * YEAR_FIGURE_COUNT;
  const itMwh = at(loads.itEnergyMwh, y);
  const facilityMwh = at(loads.facilityEnergyMwh, y);
  out[o + F.hours] = hours;
  const matching = at(procurement.matchingTargetShare, y, 'procurement.matchingTargetShare');
  const target = cleanEnergyTargetMwh(matching, facilityMwh, procurement.lossConvention, procurement.tdLossShare);
  const contracted = at(procurement.contractedCleanMwh, y, 'procurement.contractedCleanMwh');
  const newClean = newCleanEnergyMwh(target, contracted);
  for (let i = 0; i < TECHNOLOGIES.length; i++) {
    const energyMwh = technologyEnergyMwh(shares[i]!, newClean);
    out[o + F.technologyEnergyMwh + i] = energyMwh;
    out[o + F.nameplateMw + i] = nameplateMw(energyMwh, capacityFactors[i]!, hours);
  }
  out[o + F.itEnergyMwh] = itMwh;
  out[o + F.facilityEnergyMwh] = facilityMwh;
  out[o + F.effectivePue] = effectivePue(facilityMwh, itMwh);
  out[o + F.averageFacilityMw] = averageMw(facilityMwh, hours);
  out[o + F.peakFacilityMw] = at(loads.peakFacilityMw, y);
  out[o + F.cleanEnergyTargetMwh] = target;
  out[o + F.contractedCleanMwh] = contracted;
  out[o + F.newCleanEnergyMwh] = newClean;
  out[o + F.emissionsLocationTco2e] = locationEmissionsTco2e(facilityMwh, at(context.gridEmissionsTco2ePerMwh, y, 'context.gridEmissions'));
  out[o + F.emissionsMarketTco2e] = marketEmissionsTco2e(facilityMwh, matching, at(context.residualMixTco2ePerMwh, y, 'context.residualMix'));
  out[o + F.waterM3] = waterM3(itMwh, context.wueM3PerMwh);
  out[o + F.homesEquivalent] = homesEquivalent(facilityMwh, context.householdMwhPerYear);
  out[o + F.deliveredComputeEflop] = eflop;
}

/** Annual rows (steps 11-14) from annualFigures computed with stock. */
export function annualRows(calendar: Calendar, figures: Float64Array): AnnualRow[] {
  const F = YEAR_FIGURE;
  const rows: AnnualRow[] = [];
  for (let y = 0; y < calendar.years; y++) {
    const o = y * YEAR_FIGURE_COUNT;
    rows.push({
      year: calendar.firstYear + y,
      hours: figures[o + F.hours]!,
      chipsEnd: figures[o + F.chipsEnd]!,
      criticalItMwEnd: figures[o + F.criticalItMwEnd]!,
      peakFp8PflopsEnd: figures[o + F.peakFp8PflopsEnd]!,
      itEnergyMwh: figures[o + F.itEnergyMwh]!,
      facilityEnergyMwh: figures[o + F.facilityEnergyMwh]!,
      effectivePue: figures[o + F.effectivePue]!,
      averageFacilityMw: figures[o + F.averageFacilityMw]!,
      peakFacilityMw: figures[o + F.peakFacilityMw]!,
      cleanEnergyTargetMwh: figures[o + F.cleanEnergyTargetMwh]!,
      contractedCleanMwh: figures[o + F.contractedCleanMwh]!,
      newCleanEnergyMwh: figures[o + F.newCleanEnergyMwh]!,
      emissionsLocationTco2e: figures[o + F.emissionsLocationTco2e]!,
      emissionsMarketTco2e: figures[o + F.emissionsMarketTco2e]!,
      waterM3: figures[o + F.waterM3]!,
      homesEquivalent: figures[o + F.homesEquivalent]!,
      deliveredComputeEflop: figures[o + F.deliveredComputeEflop]!,
    });
  }
  return rows;
}

/** Step 15: limit, peak design load and its first hour (ISO, or '' when not wanted), margin, packaging margin, binding constraint. */
export function envelopeRecord(
  inputs: ModelInputs,
  limitMw: number,
  peakMw: number,
  peakAt: string,
  headline: readonly Vintage[],
): EnvelopeCheck {
  const o = inputs.utilisation.oversubscriptionRatio;
  const marginMw = envelopeMarginMw(limitMw, peakMw);
  return {
    limitMw,
    peakDesignLoadMw: peakMw,
    peakAt,
    marginMw,
    packagingMarginMw: packagingMarginMw(headline, o),
    binding: bindingConstraint(headline, marginMw, inputs.facility.designPue, o),
  };
}

/** Where costFigures finds a year's facility MWh and new clean MWh per technology in annualFigures' output. */
const ENERGY_LAYOUT: EnergyFigureLayout = {
  stride: YEAR_FIGURE_COUNT,
  facilityEnergyMwh: YEAR_FIGURE.facilityEnergyMwh,
  technologyEnergyMwh: YEAR_FIGURE.technologyEnergyMwh,
};

/** Step 16's figures: cost per year (COST_FIGURE offsets, stride COST_FIGURE_COUNT) and the capex at full build-out K. */
export interface CostRun {
  figures: Float64Array;
  capexFullBuildoutUsd: number;
}

/**
 * Step 16: cost per year of the horizon from the vintages and the annual figures (facility
 * energy, new clean MWh per technology) into `out` (length >= years x COST_FIGURE_COUNT), and
 * the capex at full build-out (every facility and first vintage). docs/model.md, "16. Cost".
 */
export function costRun(inputs: ModelInputs, run: Pick<PreparedRun, 'calendar' | 'table'>, figures: Float64Array, out: Float64Array): CostRun {
  return {
    figures: costFigures(inputs.cost, run.calendar, run.table, figures, ENERGY_LAYOUT, out),
    capexFullBuildoutUsd: capexFullBuildoutUsd(inputs.cost, run.table),
  };
}

/** Step 17: one fleet row per phase and vintage. */
export function fleetRows(vintages: readonly Vintage[]): FleetRow[] {
  return vintages.map((v) => ({
    phase: v.phase,
    vintage: v.vintage,
    chip: v.chip.name,
    energisedOn: v.energisedOn,
    retiredOn: v.retiredOn,
    poiMw: v.poiMw,
    criticalItMw: v.criticalItMw,
    allInWPerChip: v.fleet.allInW,
    chips: v.fleet.chips,
    servers: v.fleet.servers,
    ultraservers: v.fleet.ultraservers,
    deployedItMw: v.fleet.deployedItMw,
    peakBf16Pflops: v.fleet.peakBf16Pflops,
    peakFp8Pflops: v.fleet.peakFp8Pflops,
  }));
}

/** The headline fleet's totals at T_full (sums over step 10's headline vintages, in vintage order). */
export interface HeadlineTotals {
  chips: number;
  servers: number;
  ultraservers: number;
  criticalItMw: number;
  deployedItMw: number;
  peakBf16Pflops: number;
  peakFp8Pflops: number;
}

/**
 * HeadlineTotals of the vintages installed at T_full (start <= T_full < end, headlineVintages'
 * rule), read from the table: each sum from 0 in vintage order, into `into`.
 */
export function headlineTotals(table: VintageTable, fullHour: number, into: HeadlineTotals = emptyTotals()): HeadlineTotals {
  into.chips = into.servers = into.ultraservers = into.criticalItMw = into.deployedItMw = into.peakBf16Pflops = into.peakFp8Pflops = 0;
  for (let v = 0; v < table.count; v++) {
    if (!(fullHour >= table.startHour[v]! && fullHour < table.endHour[v]!)) continue;
    into.chips += table.chips[v]!;
    into.servers += table.servers[v]!;
    into.ultraservers += table.ultraservers[v]!;
    into.criticalItMw += table.criticalItMw[v]!;
    into.deployedItMw += table.deployedItMw[v]!;
    into.peakBf16Pflops += table.peakBf16Pflops[v]!;
    into.peakFp8Pflops += table.peakFp8Pflops[v]!;
  }
  return into;
}

/** HeadlineTotals of nothing (every sum 0). */
export function emptyTotals(): HeadlineTotals {
  return { chips: 0, servers: 0, ultraservers: 0, criticalItMw: 0, deployedItMw: 0, peakBf16Pflops: 0, peakFp8Pflops: 0 };
}

/** Position of each summary metric in SUMMARY_METRICS (and in summaryNumbers' output). */
export const SUMMARY_INDEX = Object.fromEntries(SUMMARY_METRICS.map((m, i) => [m.metric, i])) as Record<SummaryMetric, number>;

/** The envelope numbers of step 15 that the summary reports. */
export type EnvelopeNumbers = Pick<EnvelopeCheck, 'limitMw' | 'peakDesignLoadMw' | 'marginMw' | 'packagingMarginMw'>;

/**
 * Step 17, the summary's numbers into `out` at SUMMARY_INDEX (the two text metrics, full
 * build-out date and binding constraint, are left as they are): headline fleet at T_full,
 * first full year (from annualFigures), envelope, cost (C8: capex at full build-out per POI MW
 * and per peak PFLOP/s; the first full year's annualised cost, per delivered EFLOP, and
 * energy's share of it). Shared by summaryValues and the closed form's lean path.
 */
export function summaryNumbers(
  out: Float64Array,
  firstYear: number,
  poiEquivalent: number,
  fullYearIndex: number,
  totals: HeadlineTotals,
  figures: Float64Array,
  envelope: EnvelopeNumbers,
  cost: CostRun,
): void {
  const F = YEAR_FIGURE;
  const I = SUMMARY_INDEX;
  const o = fullYearIndex * YEAR_FIGURE_COUNT;
  const c = fullYearIndex * COST_FIGURE_COUNT;
  const capex = cost.capexFullBuildoutUsd;
  const annualisedUsd = cost.figures[c + COST_FIGURE.annualisedCostUsd]!;
  const eflop = figures[o + F.deliveredComputeEflop]!;
  out[I.first_full_year] = firstYear + fullYearIndex;
  out[I.chips] = totals.chips;
  out[I.servers] = totals.servers;
  out[I.ultraservers] = totals.ultraservers;
  out[I.critical_it_mw] = totals.criticalItMw;
  out[I.deployed_it_mw] = totals.deployedItMw;
  out[I.peak_bf16_pflops] = totals.peakBf16Pflops;
  out[I.peak_fp8_pflops] = totals.peakFp8Pflops;
  out[I.it_energy_mwh] = figures[o + F.itEnergyMwh]!;
  out[I.facility_energy_mwh] = figures[o + F.facilityEnergyMwh]!;
  out[I.effective_pue] = figures[o + F.effectivePue]!;
  out[I.average_facility_mw] = figures[o + F.averageFacilityMw]!;
  out[I.peak_facility_mw] = figures[o + F.peakFacilityMw]!;
  out[I.clean_energy_target_mwh] = figures[o + F.cleanEnergyTargetMwh]!;
  let nameplateTotal = 0;
  for (let i = 0; i < TECHNOLOGIES.length; i++) {
    const mw = figures[o + F.nameplateMw + i]!;
    out[I[CLEAN_NAMEPLATE_METRIC[TECHNOLOGIES[i]!]]] = mw;
    nameplateTotal += mw;
  }
  out[I.clean_nameplate_total_mw] = nameplateTotal;
  out[I.emissions_location_tco2e] = figures[o + F.emissionsLocationTco2e]!;
  out[I.emissions_market_tco2e] = figures[o + F.emissionsMarketTco2e]!;
  out[I.water_m3] = figures[o + F.waterM3]!;
  out[I.homes_equivalent] = figures[o + F.homesEquivalent]!;
  out[I.delivered_compute_eflop] = eflop;
  out[I.envelope_limit_mw] = envelope.limitMw;
  out[I.peak_design_load_mw] = envelope.peakDesignLoadMw;
  out[I.envelope_margin_mw] = envelope.marginMw;
  out[I.packaging_margin_mw] = envelope.packagingMarginMw;
  out[I.capex_full_buildout_usd] = capex;
  out[I.capex_usd_per_poi_mw] = capexUsdPerPoiMw(capex, poiEquivalent);
  out[I.capex_usd_per_peak_fp8_pflops] = capexUsdPerPeakPflops(capex, totals.peakFp8Pflops);
  out[I.annualised_cost_usd] = annualisedUsd;
  out[I.cost_usd_per_delivered_eflop] = costUsdPerDeliveredEflop(annualisedUsd, eflop);
  out[I.energy_share_of_annualised_cost] = energyShareOfCost(cost.figures[c + COST_FIGURE.opexEnergyUsd]!, annualisedUsd);
}

/** Step 17, summary values by metric: summaryNumbers, with the full build-out date and the binding constraint. */
export function summaryValues(
  run: PreparedRun,
  buildout: FullBuildout,
  figures: Float64Array,
  envelope: EnvelopeCheck,
  cost: CostRun,
  fullBuildoutDate: string,
): Record<SummaryMetric, number | string> {
  const numbers = new Float64Array(SUMMARY_METRICS.length);
  const totals = headlineTotals(run.table, buildout.fullHour);
  summaryNumbers(numbers, run.calendar.firstYear, run.poiEquivalentMw, buildout.fullYearIndex, totals, figures, envelope, cost);
  const values = {} as Record<SummaryMetric, number | string>;
  SUMMARY_METRICS.forEach(({ metric }, i) => (values[metric] = numbers[i]!));
  values.full_buildout_date = fullBuildoutDate;
  values.binding_constraint = envelope.binding;
  return values;
}

/** assembleResult's annual and cost figures: reused (it is synchronous, and the rows copy the numbers out). */
let figuresScratch = new Float64Array(0);
let costScratch = new Float64Array(0);

/** Everything runModel returns except the hourly series. */
export type ResultWithoutHourly = Omit<ModelResult, 'hourly'>;

/**
 * Steps 10-17 from per-year loads and the horizon's peak design load (and its first
 * hour): the fleet, annual, procurement, cost and tranche rows, the envelope record and the summary.
 * Pushes step 10's warning onto `warnings`.
 */
export function assembleResult(
  inputs: ModelInputs,
  run: PreparedRun,
  loads: YearLoads,
  designPeak: { peakMw: number; peakHour: number },
  warnings: ModelIssue[],
): ResultWithoutHourly {
  const { calendar, vintages, limitMw } = run;
  const firstYear = calendar.firstYear;
  // 10. Full build-out T_full, the headline fleet installed then, and the first full year.
  const buildout = fullBuildout(calendar, vintages, warnings);
  // 11-14. Annual figures: end-of-year stock (11), energy (8), procurement (12), impacts (13), delivered compute (14).
  if (figuresScratch.length < calendar.years * YEAR_FIGURE_COUNT) figuresScratch = new Float64Array(calendar.years * YEAR_FIGURE_COUNT);
  const figures = annualFigures(inputs, run, loads, true, figuresScratch);
  const annual = annualRows(calendar, figures);
  const procurement: ProcurementRow[] = [];
  for (let y = 0; y < calendar.years; y++) {
    const o = y * YEAR_FIGURE_COUNT;
    procurement.push(
      ...procurementRows(
        firstYear + y,
        figures[o + YEAR_FIGURE.hours]!,
        figures[o + YEAR_FIGURE.newCleanEnergyMwh]!,
        inputs.procurement.mix,
        inputs.procurement.capacityFactor,
      ),
    );
  }
  // 15. Envelope record: limit, peak and its first hour, margin, packaging margin, binding constraint.
  const envelope = envelopeRecord(inputs, limitMw, designPeak.peakMw, isoOfHour(designPeak.peakHour, firstYear), buildout.headline);
  // 16. Cost: capex booked when each asset starts, opex, annualised cost per year; tranches against the build.
  if (costScratch.length < calendar.years * COST_FIGURE_COUNT) costScratch = new Float64Array(calendar.years * COST_FIGURE_COUNT);
  const cost = costRun(inputs, run, figures, costScratch);
  const costYears = costRows(firstYear, calendar.years, cost.figures);
  const tranches = trancheRows(inputs.cost.tranches, vintages, calendar, cost.figures, cost.capexFullBuildoutUsd);
  // 17. Fleet rows (one per phase and vintage) and summary (headline fleet at T_full, first full year, envelope, cost;
  // then two rows per tranche, in payment order).
  const values = summaryValues(run, buildout, figures, envelope, cost, dateOfHour(buildout.fullHour, firstYear));
  const summary = [...summaryRows(values), ...trancheSummaryRows(tranches)];
  return { fleet: fleetRows(vintages), annual, procurement, envelope, cost: costYears, tranches, summary };
}
