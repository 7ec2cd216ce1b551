/**
 * The steps the hourly model (runModel) and its closed form (runModelClosedForm)
 * share, so that the two cannot drift apart:
 *   - prepareRun: steps 1-6 (calendar, envelope limit, phase plans, vintages, sizing);
 *   - fullBuildout: step 10 (T_full, headline fleet, first full year);
 *   - annualFigures: steps 11-14 per year (stock, energy ratios, procurement, impacts,
 *     delivered compute), written to a flat Float64Array (YEAR_FIGURE, YEAR_FIGURE_COUNT);
 *   - envelopeRecord: step 15;
 *   - costRun: step 16 (cost per year, capex at full build-out; src/model/cost/);
 *   - fleetRows, annualRows, summaryValues: step 17.
 * The two paths differ only in how they get, per year, IT and facility energy, peak
 * facility load and each vintage's energised hours, and over the horizon the peak
 * design load: hour by hour (runModel) or in closed form (closedForm.ts).
 */
import { fullBuildoutHour, firstFullYearIndex, headlineVintages } from './buildout.js';
import { at, dateOfHour, hoursOfYearIndex, isoOfHour, makeCalendar, type Calendar } from './calendar.js';
import { deliveredComputeEflop, tflopsAtPrecision } from './compute.js';
import { envelopeLimitMw, poiEquivalentMw } from './envelope.js';
import { averageMw, effectivePue } from './energy.js';
import { bindingConstraint, envelopeMarginMw, packagingMarginMw } from './envelopeCheck.js';
import { homesEquivalent, locationEmissionsTco2e, marketEmissionsTco2e, waterM3 } from './impacts.js';
import { TECHNOLOGIES, type ModelInputs, type Technology } from './inputs.js';
import { modelError, modelWarning, type ModelIssue } from './issues.js';
import { cleanEnergyTargetMwh, nameplateMw, newCleanEnergyMwh, procurementRows, technologyEnergyMwh } from './procurement.js';
import { CLEAN_NAMEPLATE_METRIC, summaryRows, trancheSummaryRows, type SummaryMetric } from './summary.js';
import { COST_FIGURE, COST_FIGURE_COUNT, capexFullBuildoutUsd, costFigures, costRows, type EnergyFigureLayout } from './cost/costFigures.js';
import { capexUsdPerPeakPflops, capexUsdPerPoiMw, costUsdPerDeliveredEflop, energyShareOfCost } from './cost/metrics.js';
import { trancheRows } from './cost/tranches.js';
import { buildVintages, planPhases, stockAt, type Vintage } from './vintages.js';
import type { AnnualRow, EnvelopeCheck, FleetRow, ModelResult, ProcurementRow } from '../results/types.js';

/** Steps 1-6 done: the calendar, L_env, its POI equivalent E_poi and the sized vintages. */
export interface PreparedRun {
  calendar: Calendar;
  limitMw: number;
  poiEquivalentMw: number;
  vintages: Vintage[];
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
  return { ok: true, run: { calendar, limitMw, poiEquivalentMw: poiEquivalent, vintages: built.vintages }, warnings };
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

/** Index of each technology in TECHNOLOGIES. */
const TECHNOLOGY_INDEX = Object.fromEntries(TECHNOLOGIES.map((t, i) => [t, i])) as Record<Technology, number>;

/**
 * Steps 11-14 for every horizon year into `out` (length >= years x YEAR_FIGURE_COUNT):
 * end-of-year stock (11, only when `withStock`; else left as 0), energy ratios (8),
 * procurement (12), impacts (13), delivered compute (14).
 */
export function annualFigures(inputs: ModelInputs, run: PreparedRun, loads: YearLoads, withStock: boolean, out: Float64Array): Float64Array {
  const { utilisation, procurement, context } = inputs;
  const { calendar, vintages } = run;
  const F = YEAR_FIGURE;
  const T = TECHNOLOGIES.length;
  const shares = TECHNOLOGIES.map((t) => procurement.mix[t]);
  const capacityFactors = TECHNOLOGIES.map((t) => procurement.capacityFactor[t]);
  const tflops = vintages.map((v) => tflopsAtPrecision(v.chip, utilisation.mfuPrecision));
  for (let y = 0; y < calendar.years; y++) {
    const o = y * YEAR_FIGURE_COUNT;
    const hours = hoursOfYearIndex(calendar, y);
    const itMwh = at(loads.itEnergyMwh, y);
    const facilityMwh = at(loads.facilityEnergyMwh, y);
    out[o + F.hours] = hours;
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
    const matching = at(procurement.matchingTargetShare, y, 'procurement.matchingTargetShare');
    const target = cleanEnergyTargetMwh(matching, facilityMwh, procurement.lossConvention, procurement.tdLossShare);
    const contracted = at(procurement.contractedCleanMwh, y, 'procurement.contractedCleanMwh');
    const newClean = newCleanEnergyMwh(target, contracted);
    for (let i = 0; i < T; i++) {
      const energyMwh = technologyEnergyMwh(shares[i]!, newClean);
      out[o + F.technologyEnergyMwh + i] = energyMwh;
      out[o + F.nameplateMw + i] = nameplateMw(energyMwh, capacityFactors[i]!, hours);
    }
    const mfu = at(utilisation.modelFlopsUtilisation, y, 'utilisation.modelFlopsUtilisation');
    let eflop = 0;
    for (let vi = 0; vi < vintages.length; vi++) {
      const v = vintages[vi]!;
      const chipHours = v.fleet.chips * loads.energisedHours(vi, y);
      eflop += deliveredComputeEflop(chipHours, tflops[vi]!, mfu);
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
  return out;
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
export function costRun(inputs: ModelInputs, run: PreparedRun, figures: Float64Array, out: Float64Array): CostRun {
  return {
    figures: costFigures(inputs.cost, run.calendar, run.vintages, figures, ENERGY_LAYOUT, out),
    capexFullBuildoutUsd: capexFullBuildoutUsd(inputs.cost, run.vintages),
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

/**
 * Step 17, summary values: headline fleet at T_full, first full year (from annualFigures),
 * envelope, cost (C8: capex at full build-out per POI MW and per peak PFLOP/s; the first full
 * year's annualised cost, per delivered EFLOP, and energy's share of it).
 * `fullBuildoutDate` is dateOfHour(T_full) (or '' when not wanted).
 */
export function summaryValues(
  run: PreparedRun,
  buildout: FullBuildout,
  figures: Float64Array,
  envelope: EnvelopeCheck,
  cost: CostRun,
  fullBuildoutDate: string,
): Record<SummaryMetric, number | string> {
  const { calendar } = run;
  const { headline, fullYearIndex } = buildout;
  const F = YEAR_FIGURE;
  const o = fullYearIndex * YEAR_FIGURE_COUNT;
  const c = fullYearIndex * COST_FIGURE_COUNT;
  const sum = (pick: (v: Vintage) => number) => headline.reduce((acc, v) => acc + pick(v), 0);
  const peakFp8Pflops = sum((v) => v.fleet.peakFp8Pflops);
  const capex = cost.capexFullBuildoutUsd;
  const annualisedUsd = cost.figures[c + COST_FIGURE.annualisedCostUsd]!;
  let nameplateTotal = 0;
  for (let i = 0; i < TECHNOLOGIES.length; i++) nameplateTotal += figures[o + F.nameplateMw + i]!;
  const nameplate = (t: Technology) => figures[o + F.nameplateMw + TECHNOLOGY_INDEX[t]]!;
  // A plain literal (no spread), so the record stays a fast object for the lean path's reads.
  return {
    full_buildout_date: fullBuildoutDate,
    first_full_year: calendar.firstYear + fullYearIndex,
    chips: sum((v) => v.fleet.chips),
    servers: sum((v) => v.fleet.servers),
    ultraservers: sum((v) => v.fleet.ultraservers),
    critical_it_mw: sum((v) => v.criticalItMw),
    deployed_it_mw: sum((v) => v.fleet.deployedItMw),
    peak_bf16_pflops: sum((v) => v.fleet.peakBf16Pflops),
    peak_fp8_pflops: peakFp8Pflops,
    it_energy_mwh: figures[o + F.itEnergyMwh]!,
    facility_energy_mwh: figures[o + F.facilityEnergyMwh]!,
    effective_pue: figures[o + F.effectivePue]!,
    average_facility_mw: figures[o + F.averageFacilityMw]!,
    peak_facility_mw: figures[o + F.peakFacilityMw]!,
    clean_energy_target_mwh: figures[o + F.cleanEnergyTargetMwh]!,
    [CLEAN_NAMEPLATE_METRIC.solar]: nameplate('solar'),
    [CLEAN_NAMEPLATE_METRIC.onshore_wind]: nameplate('onshore_wind'),
    [CLEAN_NAMEPLATE_METRIC.offshore_wind]: nameplate('offshore_wind'),
    [CLEAN_NAMEPLATE_METRIC.clean_firm]: nameplate('clean_firm'),
    clean_nameplate_total_mw: nameplateTotal,
    emissions_location_tco2e: figures[o + F.emissionsLocationTco2e]!,
    emissions_market_tco2e: figures[o + F.emissionsMarketTco2e]!,
    water_m3: figures[o + F.waterM3]!,
    homes_equivalent: figures[o + F.homesEquivalent]!,
    delivered_compute_eflop: figures[o + F.deliveredComputeEflop]!,
    envelope_limit_mw: envelope.limitMw,
    peak_design_load_mw: envelope.peakDesignLoadMw,
    envelope_margin_mw: envelope.marginMw,
    packaging_margin_mw: envelope.packagingMarginMw,
    binding_constraint: envelope.binding,
    capex_full_buildout_usd: capex,
    capex_usd_per_poi_mw: capexUsdPerPoiMw(capex, run.poiEquivalentMw),
    capex_usd_per_peak_fp8_pflops: capexUsdPerPeakPflops(capex, peakFp8Pflops),
    annualised_cost_usd: annualisedUsd,
    cost_usd_per_delivered_eflop: costUsdPerDeliveredEflop(annualisedUsd, figures[o + F.deliveredComputeEflop]!),
    energy_share_of_annualised_cost: energyShareOfCost(cost.figures[c + COST_FIGURE.opexEnergyUsd]!, annualisedUsd),
  };
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
