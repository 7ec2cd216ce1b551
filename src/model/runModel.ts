/**
 * The model: ModelInputs (plain numbers in model units) -> ModelResult.
 * Pure: no I/O, no clock, no unit strings. docs/model.md states every equation;
 * the step numbers below are its section numbers.
 */
import { fullBuildoutHour, firstFullYearIndex, headlineVintages } from './buildout.js';
import { at, dateOfHour, hoursOfYearIndex, isoOfHour, makeCalendar } from './calendar.js';
import { deliveredComputeEflop, tflopsAtPrecision } from './compute.js';
import { envelopeLimitMw, poiEquivalentMw } from './envelope.js';
import { accumulateHourlyLoads, averageMw, cappedItDrawMw, effectivePue, facilityLoads, powerRatioFor } from './energy.js';
import {
  bindingConstraint,
  envelopeExceededIssue,
  envelopeMarginMw,
  packagingMarginMw,
  scanDesignLoad,
} from './envelopeCheck.js';
import { homesEquivalent, locationEmissionsTco2e, marketEmissionsTco2e, waterM3 } from './impacts.js';
import { TECHNOLOGIES, type ModelInputs } from './inputs.js';
import { modelError, modelWarning, type ModelIssue } from './issues.js';
import { cleanEnergyTargetMwh, newCleanEnergyMwh, procurementRows } from './procurement.js';
import { CLEAN_NAMEPLATE_METRIC, summaryRows, type SummaryMetric } from './summary.js';
import { buildVintages, planPhases, stockAt } from './vintages.js';
import type { AnnualRow, EnvelopeCheck, FleetRow, ModelResult, ProcurementRow } from '../results/types.js';

export type { ModelIssue, ModelIssueCode } from './issues.js';
export { MODEL_ISSUE_CODES } from './issues.js';
export { SUMMARY_METRICS, SUMMARY_METRIC_NAMES, type SummaryMetric } from './summary.js';

export type ModelOutcome =
  | { ok: true; result: ModelResult; warnings: ModelIssue[] }
  | { ok: false; issues: ModelIssue[]; warnings: ModelIssue[] };

export function runModel(inputs: ModelInputs): ModelOutcome {
  const warnings: ModelIssue[] = [];
  const { facility, utilisation, procurement, context } = inputs;
  const o = utilisation.oversubscriptionRatio;
  if (inputs.phases.length === 0) {
    const message = 'the phase list is empty; expected at least one phase. Add a phase to phases.csv.';
    return { ok: false, issues: [modelError('no_phases', [], message)], warnings };
  }

  // 1. Calendar: hourly, hour-beginning, UTC, whole calendar years (8,784 h in leap years).
  const calendar = makeCalendar(inputs.horizon.firstYear, inputs.horizon.lastYear);
  const firstYear = calendar.firstYear;

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
  const vintages = built.vintages;

  // 7. Hourly IT draw: per vintage and year the capped draw min(N p_max u / 1e6, P_IT),
  //    times the energised fraction at each hour's midpoint; energised critical IT and aux alongside.
  const drawMw = vintages.map((v) => {
    const draws = new Float64Array(calendar.years);
    for (let y = 0; y < calendar.years; y++) {
      draws[y] = cappedItDrawMw(v.fleet.chips, v.fleet.allInW, powerRatioFor(v.chip, utilisation.powerRatio, y), v.criticalItMw);
    }
    return draws;
  });
  const loads = accumulateHourlyLoads(calendar, vintages, drawMw);

  // 8. Facility load F(t) = IT(t) x PUE(t) + aux(t) (annual PUE, optional partial-load term); annual sums.
  const energy = facilityLoads(calendar, loads, facility.annualPue, facility.partialLoadPueCoefficient, facility.partialLoadReferenceLoad);

  // 9. Envelope invariant: D(t) = PUE_design x energised critical IT + energised aux <= L_env every hour.
  const scan = scanDesignLoad(loads, facility.designPue, limitMw);
  if (scan.firstViolationHour >= 0) {
    const issue = envelopeExceededIssue(vintages, scan, loads, facility.designPue, limitMw, firstYear);
    return { ok: false, issues: [issue], warnings };
  }

  // 10. Full build-out T_full, the headline fleet installed then, and the first full year.
  const fullHour = fullBuildoutHour(vintages);
  const headline = headlineVintages(vintages, fullHour);
  const { yearIndex: fullYearIndex, beyondHorizon } = firstFullYearIndex(calendar, fullHour);
  if (beyondHorizon) {
    warnings.push(
      modelWarning(
        'full_buildout_after_horizon',
        vintages.filter((v) => v.vintage === 1 && v.startHour + v.rampHours === fullHour).map((v) => v.phase),
        `full build-out is reached at ${isoOfHour(fullHour, firstYear)}, so no whole calendar year of the horizon ` +
          `(${calendar.firstYear}-${calendar.lastYear}) follows it; the first-full-year figures use ${calendar.lastYear} instead. ` +
          `Extend horizon.last_year, or move the last phase's energised_on earlier.`,
      ),
    );
  }

  // 11-14. Annual rows: end-of-year stock (11), energy (from 8), procurement (12), impacts (13),
  //        delivered compute (14).
  const annual: AnnualRow[] = [];
  const procurementAll: ProcurementRow[] = [];
  for (let y = 0; y < calendar.years; y++) {
    const year = firstYear + y;
    const hours = hoursOfYearIndex(calendar, y);
    const e = energy.years[y]!;
    const stock = stockAt(vintages, at(calendar.yearStartHour, y + 1));
    const matching = at(procurement.matchingTargetShare, y, 'procurement.matchingTargetShare');
    const target = cleanEnergyTargetMwh(matching, e.facilityEnergyMwh, procurement.lossConvention, procurement.tdLossShare);
    const contracted = at(procurement.contractedCleanMwh, y, 'procurement.contractedCleanMwh');
    const newClean = newCleanEnergyMwh(target, contracted);
    procurementAll.push(...procurementRows(year, hours, newClean, procurement.mix, procurement.capacityFactor));
    const mfu = at(utilisation.modelFlopsUtilisation, y, 'utilisation.modelFlopsUtilisation');
    let eflop = 0;
    vintages.forEach((v, vi) => {
      const chipHours = v.fleet.chips * loads.energisedHours[vi]![y]!;
      eflop += deliveredComputeEflop(chipHours, tflopsAtPrecision(v.chip, utilisation.mfuPrecision), mfu);
    });
    annual.push({
      year,
      hours,
      chipsEnd: Math.round(stock.chips),
      criticalItMwEnd: stock.criticalItMw,
      peakFp8PflopsEnd: stock.peakFp8Pflops,
      itEnergyMwh: e.itEnergyMwh,
      facilityEnergyMwh: e.facilityEnergyMwh,
      effectivePue: effectivePue(e.facilityEnergyMwh, e.itEnergyMwh),
      averageFacilityMw: averageMw(e.facilityEnergyMwh, hours),
      peakFacilityMw: e.peakFacilityMw,
      cleanEnergyTargetMwh: target,
      contractedCleanMwh: contracted,
      newCleanEnergyMwh: newClean,
      emissionsLocationTco2e: locationEmissionsTco2e(e.facilityEnergyMwh, at(context.gridEmissionsTco2ePerMwh, y, 'context.gridEmissions')),
      emissionsMarketTco2e: marketEmissionsTco2e(e.facilityEnergyMwh, matching, at(context.residualMixTco2ePerMwh, y, 'context.residualMix')),
      waterM3: waterM3(e.itEnergyMwh, context.wueM3PerMwh),
      homesEquivalent: homesEquivalent(e.facilityEnergyMwh, context.householdMwhPerYear),
      deliveredComputeEflop: eflop,
    });
  }

  // 15. Envelope record: limit, peak and its first hour, margin, packaging margin, binding constraint.
  const marginMw = envelopeMarginMw(limitMw, scan.peakMw);
  const envelope: EnvelopeCheck = {
    limitMw,
    peakDesignLoadMw: scan.peakMw,
    peakAt: isoOfHour(scan.peakHour, firstYear),
    marginMw,
    packagingMarginMw: packagingMarginMw(headline, o),
    binding: bindingConstraint(headline, marginMw, facility.designPue, o),
  };

  // 16. Result: fleet rows (one per phase and vintage), summary, hourly series.
  const fleet: FleetRow[] = vintages.map((v) => ({
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

  //     Summary: headline fleet at T_full, first full year, envelope.
  const sum = (pick: (v: (typeof headline)[number]) => number) => headline.reduce((acc, v) => acc + pick(v), 0);
  const fullYear = annual[fullYearIndex]!;
  const fullYearProcurement = procurementAll.filter((r) => r.year === fullYear.year);
  const nameplate = Object.fromEntries(
    TECHNOLOGIES.map((t) => [CLEAN_NAMEPLATE_METRIC[t], fullYearProcurement.find((r) => r.technology === t)?.nameplateMw ?? 0]),
  ) as Record<(typeof CLEAN_NAMEPLATE_METRIC)[keyof typeof CLEAN_NAMEPLATE_METRIC], number>;
  const values: Record<SummaryMetric, number | string> = {
    full_buildout_date: dateOfHour(fullHour, firstYear),
    first_full_year: fullYear.year,
    chips: sum((v) => v.fleet.chips),
    servers: sum((v) => v.fleet.servers),
    ultraservers: sum((v) => v.fleet.ultraservers),
    critical_it_mw: sum((v) => v.criticalItMw),
    deployed_it_mw: sum((v) => v.fleet.deployedItMw),
    peak_bf16_pflops: sum((v) => v.fleet.peakBf16Pflops),
    peak_fp8_pflops: sum((v) => v.fleet.peakFp8Pflops),
    it_energy_mwh: fullYear.itEnergyMwh,
    facility_energy_mwh: fullYear.facilityEnergyMwh,
    effective_pue: fullYear.effectivePue,
    average_facility_mw: fullYear.averageFacilityMw,
    peak_facility_mw: fullYear.peakFacilityMw,
    clean_energy_target_mwh: fullYear.cleanEnergyTargetMwh,
    ...nameplate,
    clean_nameplate_total_mw: fullYearProcurement.reduce((acc, r) => acc + r.nameplateMw, 0),
    emissions_location_tco2e: fullYear.emissionsLocationTco2e,
    emissions_market_tco2e: fullYear.emissionsMarketTco2e,
    water_m3: fullYear.waterM3,
    homes_equivalent: fullYear.homesEquivalent,
    delivered_compute_eflop: fullYear.deliveredComputeEflop,
    envelope_limit_mw: envelope.limitMw,
    peak_design_load_mw: envelope.peakDesignLoadMw,
    envelope_margin_mw: envelope.marginMw,
    packaging_margin_mw: envelope.packagingMarginMw,
    binding_constraint: envelope.binding,
  };

  const result: ModelResult = {
    fleet,
    annual,
    procurement: procurementAll,
    envelope,
    summary: summaryRows(values),
    hourly: { startIso: isoOfHour(0, firstYear), itMw: loads.itMw, facilityMw: energy.facilityMw },
  };
  return { ok: true, result, warnings };
}
