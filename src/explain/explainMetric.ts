/**
 * How one output number was computed, step by step, by the SAME functions the model runs:
 * the named formula functions of src/model (envelopeLimitMw, criticalItMw, allInWPerChip,
 * chipsThatFit, sizeFleet, fullBuildoutHour, vintageDrawMw, energisedHoursInYear,
 * facilityLoadMw, cleanEnergyTargetMwh, nameplateMw, ...) are called here with the loaded
 * inputs, and each call's arguments and result are printed with their units. The number
 * recomputed at the end is compared with the model's own result (summary.csv, annual.csv
 * or procurement.csv): an explanation that disagrees is an internal fault, so it cannot
 * drift from the model silently. Every assumption used is listed with its value, range,
 * confidence, source and the file:line:column that set it.
 *
 * Pure: a loaded scenario and its model result in, text lines out.
 */
import type { LoadedScenario } from '../loader/types.js';
import { fullBuildoutHour, firstFullYearIndex, headlineVintages } from '../model/buildout.js';
import { at, hoursOfYearIndex, isoOfHour, makeCalendar, type Calendar } from '../model/calendar.js';
import { peakPflops } from '../model/compute.js';
import { energisedHoursInYear } from '../model/energisedHours.js';
import { accumulateHourlyLoads, cappedItDrawMw, facilityLoadMw, facilityLoads, hourSpan, powerRatioFor, vintageDrawMw } from '../model/energy.js';
import { auxiliaryShareMw, criticalItMw, designLoadMw, envelopeLimitMw, phasePoiMw, poiEquivalentMw } from '../model/envelope.js';
import { TECHNOLOGIES, type ModelInputs, type Technology } from '../model/inputs.js';
import { cleanEnergyTargetMwh, nameplateMw, newCleanEnergyMwh, technologyEnergyMwh } from '../model/procurement.js';
import {
  allInWPerChip,
  chipsThatFit,
  deployedItMw,
  packagingLeftoverMw,
  packagingUnitsThatFit,
  serversFor,
  ultraserversFor,
} from '../model/sizing.js';
import { CLEAN_NAMEPLATE_METRIC, SUMMARY_METRICS, type SummaryMetric } from '../model/summary.js';
import { buildVintages, type PhasePlan, type Vintage } from '../model/vintages.js';
import type { ModelResult } from '../results/types.js';
import { decimalsForUnit } from '../writers/decimals.js';
import { formatFixed } from '../writers/number.js';
import { num, qty } from './format.js';
import { AssumptionsUsed } from './provenance.js';

/** Metrics of the fleet at full build-out (summary.csv). */
export const HEADLINE_METRICS = ['chips', 'servers', 'ultraservers', 'critical_it_mw', 'deployed_it_mw', 'peak_bf16_pflops', 'peak_fp8_pflops'] as const;
/** Metrics of one calendar year (summary.csv for the first full year; annual.csv and procurement.csv for any). */
export const YEARLY_METRICS = [
  'it_energy_mwh',
  'facility_energy_mwh',
  'clean_energy_target_mwh',
  ...TECHNOLOGIES.map((t) => CLEAN_NAMEPLATE_METRIC[t]),
  'clean_nameplate_total_mw',
] as const;
export const EXPLAINABLE_METRICS: readonly SummaryMetric[] = [...HEADLINE_METRICS, ...YEARLY_METRICS];

type HeadlineMetric = (typeof HEADLINE_METRICS)[number];
type YearlyMetric = (typeof YEARLY_METRICS)[number];

/** A recomputed value agrees with the model's within this, relative (the closed-form energy sums differ from the hourly ones by ~1e-13). */
export const AGREEMENT_TOLERANCE = 1e-9;

export interface Explanation {
  metric: SummaryMetric;
  unit: string;
  /** The calendar year, for yearly metrics. */
  year?: number;
  lines: string[];
  /** Recomputed here, and the model's own value with where it is written. */
  value: number;
  modelValue: number;
  modelSource: string;
  /** Both, as the output CSVs print them. */
  formatted: string;
  modelFormatted: string;
  agrees: boolean;
}

export type ExplainOutcome = { ok: true; explanation: Explanation } | { ok: false; message: string };

export function isExplainable(metric: string): metric is SummaryMetric {
  return (EXPLAINABLE_METRICS as readonly string[]).includes(metric);
}

function isHeadline(metric: SummaryMetric): metric is HeadlineMetric {
  return (HEADLINE_METRICS as readonly string[]).includes(metric);
}

const METRIC_WORDS: Readonly<Record<HeadlineMetric | YearlyMetric, string>> = {
  chips: 'accelerators installed at full build-out (the headline fleet)',
  servers: 'servers of the headline fleet',
  ultraservers: 'UltraServers of the headline fleet',
  critical_it_mw: 'critical IT power of the headline fleet',
  deployed_it_mw: 'deployed IT power (chips x all-in W) of the headline fleet',
  peak_bf16_pflops: 'dense peak BF16 compute of the headline fleet',
  peak_fp8_pflops: 'dense peak FP8 compute of the headline fleet',
  it_energy_mwh: 'IT energy of the year',
  facility_energy_mwh: 'facility energy of the year (IT x annual PUE + auxiliary)',
  clean_energy_target_mwh: 'clean energy to match in the year (annual matching)',
  clean_nameplate_solar_mw: 'solar nameplate to contract for the year',
  clean_nameplate_onshore_wind_mw: 'onshore wind nameplate to contract for the year',
  clean_nameplate_offshore_wind_mw: 'offshore wind nameplate to contract for the year',
  clean_nameplate_clean_firm_mw: 'clean firm nameplate to contract for the year',
  clean_nameplate_total_mw: 'total clean nameplate to contract for the year',
};

/** A phase's power budget, as planPhases computes it. */
interface Plan {
  poiMw: number;
  auxMw: number;
  criticalItMw: number;
}

class Explainer {
  readonly lines: string[] = [];
  readonly used: AssumptionsUsed;
  readonly calendar: Calendar;

  constructor(
    readonly inputs: ModelInputs,
    scenario: LoadedScenario,
  ) {
    this.used = new AssumptionsUsed(scenario.records);
    this.calendar = makeCalendar(inputs.horizon.firstYear, inputs.horizon.lastYear);
  }

  heading(text: string): void {
    this.lines.push('', text);
  }

  say(text: string): void {
    this.lines.push(`   ${text}`);
  }

  /** Steps 2-3: the envelope limit, then each phase's POI, auxiliary share and critical IT. */
  plans(): { limitMw: number; plans: Plan[] } {
    const { envelope, facility, phases } = this.inputs;
    const u = this.used;
    this.heading('Envelope limit (envelopeLimitMw, poiEquivalentMw)');
    const h = facility.headroomShare;
    this.say(`E = ${qty(envelope.powerMw, 'MW')} ${u.use('envelope.power')}, basis ${envelope.basis} ${u.use('envelope.basis')}, headroom h = ${num(h)} ${u.use('facility.headroom')}`);
    const limit = envelopeLimitMw(envelope.powerMw, envelope.basis, h, facility.designPue, facility.auxiliaryLoadMw, envelope.redundancyFactor);
    if (envelope.basis === 'poi') this.say(`L_env = E x (1 - h) = ${qty(envelope.powerMw, 'MW')} x (1 - ${num(h)}) = ${qty(limit, 'MW')}`);
    else if (envelope.basis === 'critical_it') {
      this.say(`L_env = E x design PUE + aux = ${qty(envelope.powerMw, 'MW')} x ${num(facility.designPue)} ${u.use('facility.design_pue')} + ${qty(facility.auxiliaryLoadMw, 'MW')} ${u.use('facility.auxiliary_load')} = ${qty(limit, 'MW')}`);
    } else {
      this.say(`L_env = E / redundancy x (1 - h) = ${qty(envelope.powerMw, 'MW')} / ${num(envelope.redundancyFactor)} ${u.use('envelope.redundancy_factor')} x (1 - ${num(h)}) = ${qty(limit, 'MW')}`);
    }
    const poiEquivalent = poiEquivalentMw(limit, h);
    this.say(`E_poi = L_env / (1 - h) = ${qty(limit, 'MW')} / (1 - ${num(h)}) = ${qty(poiEquivalent, 'MW')}`);

    this.heading('Phase critical IT (phasePoiMw, auxiliaryShareMw, criticalItMw)');
    const designPue = facility.designPue;
    this.say(`design PUE = ${num(designPue)} ${u.use('facility.design_pue')}, site auxiliary load aux = ${qty(facility.auxiliaryLoadMw, 'MW')} ${u.use('facility.auxiliary_load')}`);
    const pois = phases.map((phase) => phasePoiMw(phase.poi, poiEquivalent));
    const totalPoi = pois.reduce((a, b) => a + b, 0);
    this.say(`sum of phase POI = ${pois.map((p) => num(p)).join(' + ')} = ${qty(totalPoi, 'MW')}`);
    const plans = phases.map((phase, i): Plan => {
      const poiMw = pois[i]!;
      const poiText = phase.poi.kind === 'mw' ? `${qty(poiMw, 'MW')}` : `${num(phase.poi.share)} x E_poi = ${qty(poiMw, 'MW')}`;
      const auxMw = auxiliaryShareMw(facility.auxiliaryLoadMw, poiMw, totalPoi);
      const it = criticalItMw(poiMw, h, auxMw, designPue);
      this.say(`${phase.name}: POI = ${poiText} ${u.use(`phases.${phase.name}.poi`)}`);
      this.say(`   aux_k = aux x POI / sum POI = ${num(facility.auxiliaryLoadMw)} x ${num(poiMw)} / ${num(totalPoi)} = ${qty(auxMw, 'MW')}`);
      this.say(`   P_IT = (POI x (1 - h) - aux_k) / design PUE = (${num(poiMw)} x (1 - ${num(h)}) - ${num(auxMw)}) / ${num(designPue)} = ${qty(it, 'MW')}`);
      return { poiMw, auxMw, criticalItMw: it };
    });
    return { limitMw: limit, plans };
  }

  /** Steps 4-6: each phase's vintages (original chip, refresh), by the model's own buildVintages. */
  vintages(plans: readonly Plan[]): Vintage[] {
    const { phases, facility } = this.inputs;
    const phasePlans = phases.map((phase, index): PhasePlan => {
      const plan = plans[index]!;
      return { index, name: phase.name, ...plan, designLoadMw: designLoadMw(plan.criticalItMw, facility.designPue, plan.auxMw) };
    });
    const built = buildVintages(this.inputs, phasePlans);
    // explain runs only on inputs the model accepted, so there is nothing to report here.
    if (built.issues.length > 0) throw new Error(`explain: ${built.issues.map((issue) => issue.message).join('; ')}`);
    return built.vintages;
  }

  /** The uses of a vintage's dates: energisation, ramp, retirement, the chip it runs. */
  useDates(v: Vintage): void {
    const u = this.used;
    u.use(`phases.${v.phase}.energised_on`);
    u.use(`phases.${v.phase}.ramp`);
    u.use(`phases.${v.phase}.${v.vintage === 1 ? 'chip' : 'refresh_to'}`);
    if (v.vintage === 1 && v.retiredOn !== '') u.use(`phases.${v.phase}.end_of_life`);
    if (v.vintage === 2) u.use(`phases.${v.phase}.end_of_life`);
  }

  /** Step 10: T_full, the headline fleet and the first full year. */
  buildout(vintages: readonly Vintage[]): { headline: Vintage[]; fullYearIndex: number } {
    const first = this.inputs.horizon.firstYear;
    const fullHour = fullBuildoutHour(vintages);
    const headline = headlineVintages(vintages, fullHour);
    const { yearIndex } = firstFullYearIndex(this.calendar, fullHour);
    this.heading('Full build-out (fullBuildoutHour, headlineVintages, firstFullYearIndex)');
    const last = vintages.filter((v) => v.vintage === 1 && v.startHour + Math.max(0, v.rampHours) === fullHour);
    for (const v of vintages.filter((v) => v.vintage === 1)) this.useDates(v);
    this.say(
      `T_full = latest (energised_on + ramp) of the first vintages = ${last.map((v) => `${v.phase}: ${v.energisedOn} + ${num(v.rampHours)} h`).join(', ')} = ${isoOfHour(fullHour, first)}`,
    );
    this.say(`headline fleet (installed at T_full): ${headline.map((v) => `${v.phase}/${v.vintage} (${v.chip.name})`).join(', ')}`);
    this.say(
      `first full year = the first calendar year starting at or after T_full, within the horizon ${this.used.use('horizon.first_year')} to ${this.used.use('horizon.last_year')}: ${first + yearIndex}`,
    );
    return { headline, fullYearIndex: yearIndex };
  }

  /** Steps 4-5 for one vintage, in detail: all-in W per chip, UltraServers that fit, chips. */
  sizing(v: Vintage, detail: boolean): { allInW: number; chips: number } {
    const u = this.used;
    const chip = v.chip;
    const c = `chips.${chip.name}`;
    const o = this.inputs.utilisation.oversubscriptionRatio;
    const allInW = allInWPerChip(chip);
    const m = chip.allInPower;
    let derivation: string;
    if (m.method === 'explicit') derivation = `all_in_power ${u.use(`${c}.all_in_power`)}`;
    else if (m.method === 'factors') {
      derivation = `TDP x server_factor x it_factor = ${qty(chip.tdpW, 'W')} ${u.use(`${c}.tdp`)} x ${num(m.serverFactor)} ${u.use(`${c}.server_factor`)} x ${num(m.itFactor)} ${u.use(`${c}.it_factor`)}`;
    } else {
      derivation =
        `(TDP + host / chips_per_server) x (1 + network_storage_share) = (${qty(chip.tdpW, 'W')} ${u.use(`${c}.tdp`)} + ${qty(m.hostWPerServer, 'W')} ${u.use(`${c}.host_power_per_server`)}` +
        ` / ${num(chip.chipsPerServer)} ${u.use(`${c}.chips_per_server`)}) x (1 + ${num(m.networkStorageShare)} ${u.use(`${c}.network_storage_share`)})`;
    }
    const pack = chip.chipsPerUltraserver;
    u.use(`${c}.chips_per_ultraserver`);
    const units = packagingUnitsThatFit(v.criticalItMw, allInW, pack, o);
    const chips = chipsThatFit(v.criticalItMw, allInW, pack, o);
    if (chips !== v.fleet.chips) throw new Error(`explain: ${v.phase}/${v.vintage}: chipsThatFit gives ${chips}, sizeFleet ${v.fleet.chips}`);
    if (!detail) {
      this.say(`${v.phase}/${v.vintage} ${chip.name}: P_IT ${qty(v.criticalItMw, 'MW')}, all-in ${qty(allInW, 'W')} per chip (${m.method}), ${num(chips)} chips in ${num(units)} UltraServers of ${pack}`);
      return { allInW, chips };
    }
    const x = (o * v.criticalItMw * 1e6) / (allInW * pack);
    this.say(`${v.phase}, vintage ${v.vintage}: ${chip.name}, P_IT = ${qty(v.criticalItMw, 'MW')}`);
    this.say(`   all-in W per chip (allInWPerChip, ${m.method} method) = ${derivation} = ${qty(allInW, 'W')}`);
    this.say(
      `   UltraServers that fit (packagingUnitsThatFit) = floor(o x P_IT x 1e6 / (all-in W x chips per UltraServer)) = floor(${num(o)} x ${num(v.criticalItMw)} x 1e6 / (${num(allInW)} x ${pack})) = floor(${num(x)}) = ${num(units)}`,
    );
    const leftover = packagingLeftoverMw(v.criticalItMw, deployedItMw(chips, allInW), o);
    this.say(`   chips (chipsThatFit) = ${pack} x ${num(units)} = ${num(chips)}; rounding down to whole UltraServers leaves ${qty(leftover, 'MW')} of P_IT unused`);
    return { allInW, chips };
  }

  /** Steps 7-8 for year index y, in closed form per vintage: capped draw x energised hours, then PUE and auxiliary. */
  energy(vintages: readonly Vintage[], y: number): { itMwh: number; facilityMwh: number } {
    const { facility, utilisation } = this.inputs;
    const u = this.used;
    const year = this.calendar.firstYear + y;
    const ys = at(this.calendar.yearStartHour, y);
    const ye = at(this.calendar.yearStartHour, y + 1);
    const H = this.calendar.totalHours;
    this.heading(`IT and auxiliary energy in ${year} (powerRatioFor, cappedItDrawMw, hourSpan, energisedHoursInYear): ${num(ye - ys)} hours`);
    let itMwh = 0;
    let auxMwh = 0;
    vintages.forEach((v) => {
      const ramp = v.rampHours > 0 ? v.rampHours : 0;
      const span = hourSpan(v.startHour, v.endHour, v.rampHours, H);
      const eh = energisedHoursInYear(span, v.startHour, ramp, ys, ye);
      const draw = vintageDrawMw(v, utilisation.powerRatio, y);
      itMwh += draw * eh;
      auxMwh += v.auxMw * eh;
      if (eh === 0) return;
      this.useDates(v);
      const ratio = powerRatioFor(v.chip, utilisation.powerRatio, y);
      const ratioRef = v.chip.powerRatio !== undefined ? u.use(`chips.${v.chip.name}.power_ratio`) : u.use('utilisation.power_ratio', year);
      const uncapped = (v.fleet.chips * v.fleet.allInW * ratio) / 1e6;
      const capped = cappedItDrawMw(v.fleet.chips, v.fleet.allInW, ratio, v.criticalItMw);
      if (capped !== draw) throw new Error(`explain: ${v.phase}/${v.vintage}: cappedItDrawMw ${capped} differs from vintageDrawMw ${draw}`);
      const retire = v.retiredOn === '' ? 'runs past the horizon' : `retires ${v.retiredOn}`;
      this.say(`${v.phase}/${v.vintage} ${v.chip.name}: energised ${v.energisedOn}, ramp ${num(v.rampHours)} h, ${retire}`);
      this.say(
        `   draw = min(chips x all-in W x u / 1e6, P_IT) = min(${num(v.fleet.chips)} x ${num(v.fleet.allInW)} x ${num(ratio)} ${ratioRef} / 1e6, ${num(v.criticalItMw)}) = min(${num(uncapped)}, ${num(v.criticalItMw)}) = ${qty(draw, 'MW')}`,
      );
      // The split energisedHoursInYear makes: ramp hours [a, min(b, rampEnd)), full hours [max(a, rampEnd), b).
      const a = Math.max(span.h0, ys);
      const b = Math.min(span.h1, ye);
      const full = Math.max(0, b - Math.max(a, span.rampEnd));
      const rampHours = Math.max(0, Math.min(b, span.rampEnd) - a);
      const split = rampHours > 0 ? `${num(rampHours)} ramp hours at (t + 0.5 - start) / ramp each, ${num(eh - full)} in all, + ${num(full)} full hours = ` : '';
      this.say(`   energised hours (energisedHoursInYear: the energised fraction summed over the year's hours) = ${split}${num(eh)} h of ${num(ye - ys)}`);
      this.say(`   IT energy = ${num(draw)} MW x ${num(eh)} h = ${qty(draw * eh, 'MWh')}; auxiliary = aux_k ${num(v.auxMw)} MW x ${num(eh)} h = ${qty(v.auxMw * eh, 'MWh')}`);
    });
    u.use('facility.auxiliary_load');
    this.say(`IT energy = sum over vintages = ${qty(itMwh, 'MWh')}; auxiliary energy = ${qty(auxMwh, 'MWh')}`);
    const pue = at(facility.annualPue, y, 'facility.annualPue');
    this.heading(`Facility energy in ${year} (facilityLoadMw)`);
    let facilityMwh = facilityLoadMw(itMwh, pue, auxMwh);
    const c = facility.partialLoadPueCoefficient;
    const label = c > 0 ? 'at the annual PUE alone, IT x annual PUE + auxiliary' : 'facility energy = IT x annual PUE + auxiliary';
    this.say(`${label} = ${num(itMwh)} x ${num(pue)} ${u.use('facility.annual_pue', year)} + ${num(auxMwh)} = ${qty(facilityMwh, 'MWh')}`);
    if (c > 0) {
      // PUE then varies hour by hour with the load fraction: sum the hourly facility load as runModel does.
      const drawMw = vintages.map((v) => Float64Array.from({ length: this.calendar.years }, (_, yi) => vintageDrawMw(v, utilisation.powerRatio, yi)));
      const loads = accumulateHourlyLoads(this.calendar, vintages, drawMw);
      const hourly = facilityLoads(this.calendar, loads, facility.annualPue, c, facility.partialLoadReferenceLoad).years[y]!;
      this.say(
        `partial-load PUE c = ${num(c)} ${u.use('facility.partial_load_pue_coefficient')}, l_ref = ${num(facility.partialLoadReferenceLoad)} ${u.use('facility.partial_load_reference_load')}: ` +
          `PUE(t) = annual PUE + c x max(0, 1/l(t) - 1/l_ref) varies hour by hour, so facility energy is the sum of F(t) = IT(t) x PUE(t) + A(t) over the year (accumulateHourlyLoads, partialLoadPue, facilityLoads) = ${qty(hourly.facilityEnergyMwh, 'MWh')}`,
      );
      facilityMwh = hourly.facilityEnergyMwh;
    }
    return { itMwh, facilityMwh };
  }

  /** Step 12 up to the new clean energy of year index y. */
  newClean(facilityMwh: number, y: number): { targetMwh: number; newMwh: number } {
    const { procurement } = this.inputs;
    const u = this.used;
    const year = this.calendar.firstYear + y;
    this.heading(`Clean energy to procure in ${year} (cleanEnergyTargetMwh, newCleanEnergyMwh)`);
    const x = at(procurement.matchingTargetShare, y, 'procurement.matchingTargetShare');
    const targetMwh = cleanEnergyTargetMwh(x, facilityMwh, procurement.lossConvention, procurement.tdLossShare);
    const convention = u.use('procurement.loss_convention');
    if (procurement.lossConvention === 'delivery_point') {
      this.say(`target = matching share x facility energy = ${num(x)} ${u.use('procurement.matching_target', year)} x ${num(facilityMwh)} = ${qty(targetMwh, 'MWh')} (delivery_point ${convention})`);
    } else {
      this.say(
        `target = matching share x facility energy / (1 - T&D loss) = ${num(x)} ${u.use('procurement.matching_target', year)} x ${num(facilityMwh)} / (1 - ${num(procurement.tdLossShare)} ${u.use('procurement.td_loss_share')}) = ${qty(targetMwh, 'MWh')} (gross_up_td_losses ${convention})`,
      );
    }
    const contracted = at(procurement.contractedCleanMwh, y, 'procurement.contractedCleanMwh');
    const newMwh = newCleanEnergyMwh(targetMwh, contracted);
    this.say(`new clean energy = max(0, target - contracted) = max(0, ${num(targetMwh)} - ${num(contracted)} ${u.use('procurement.contracted_clean_energy', year)}) = ${qty(newMwh, 'MWh')}`);
    return { targetMwh, newMwh };
  }

  /** Step 12 for one technology: its energy and nameplate. */
  nameplate(technology: Technology, newMwh: number, y: number): number {
    const { procurement } = this.inputs;
    const u = this.used;
    const hours = hoursOfYearIndex(this.calendar, y);
    const share = procurement.mix[technology];
    const energy = technologyEnergyMwh(share, newMwh);
    const cf = procurement.capacityFactor[technology];
    const mw = nameplateMw(energy, cf, hours);
    this.say(`${technology}: energy = share x new clean = ${num(share)} ${u.use(`procurement.mix.${technology}`)} x ${num(newMwh)} = ${qty(energy, 'MWh')} (technologyEnergyMwh)`);
    this.say(
      `   nameplate = energy / (capacity factor x hours) = ${num(energy)} / (${num(cf)} ${u.use(`procurement.capacity_factor.${technology}`)} x ${num(hours)}) = ${qty(mw, 'MW')} (nameplateMw)`,
    );
    return mw;
  }
}

function unitOf(metric: SummaryMetric): string {
  return SUMMARY_METRICS.find((m) => m.metric === metric)!.unit;
}

function summaryValue(result: ModelResult, metric: SummaryMetric): number {
  const value = result.summary.find((row) => row.metric === metric)?.value;
  if (typeof value !== 'number') throw new Error(`explain: summary has no number for ${metric}`);
  return value;
}

/**
 * Explain `metric` of `scenario` (whose model result is `result`). `year` applies to yearly
 * metrics (default: the first full year); a headline metric takes none. Usage problems (a
 * year outside the horizon, a year for a headline metric) come back as `ok: false`.
 */
export function explainMetric(scenario: LoadedScenario, result: ModelResult, metric: SummaryMetric, year?: number): ExplainOutcome {
  const { inputs } = scenario;
  const { firstYear, lastYear } = inputs.horizon;
  const headline = isHeadline(metric);
  if (headline && year !== undefined) {
    return { ok: false, message: `${metric} is the fleet at full build-out, which has no year; leave out --year (it applies to ${YEARLY_METRICS.join(', ')}).` };
  }
  if (year !== undefined && (year < firstYear || year > lastYear)) {
    return { ok: false, message: `--year ${year} is outside the horizon ${firstYear}-${lastYear} of scenario ${scenario.name}; give a year from ${firstYear} to ${lastYear}.` };
  }
  const ex = new Explainer(inputs, scenario);
  const unit = unitOf(metric);
  const { plans } = ex.plans();
  const vintages = ex.vintages(plans);
  const { headline: fleet, fullYearIndex } = ex.buildout(vintages);

  let value: number;
  let modelValue: number;
  let modelSource: string;
  let y: number | undefined;
  if (headline) {
    const o = inputs.utilisation.oversubscriptionRatio;
    ex.heading(`The headline fleet, vintage by vintage (allInWPerChip, packagingUnitsThatFit, chipsThatFit)`);
    ex.say(`oversubscription o = ${num(o)} ${ex.used.use('utilisation.oversubscription_ratio')}`);
    const terms: number[] = [];
    for (const v of fleet) {
      ex.useDates(v);
      const { allInW, chips } = ex.sizing(v, metric === 'chips' || metric === 'servers' || metric === 'ultraservers' || metric === 'deployed_it_mw');
      const chip = v.chip;
      const c = `chips.${chip.name}`;
      let term: number;
      switch (metric) {
        case 'chips':
          term = chips;
          break;
        case 'servers':
          term = serversFor(chips, chip.chipsPerServer);
          ex.say(`   servers (serversFor) = ceil(${num(chips)} / ${chip.chipsPerServer} ${ex.used.use(`${c}.chips_per_server`)}) = ${num(term)}`);
          break;
        case 'ultraservers':
          term = ultraserversFor(chips, chip.chipsPerUltraserver);
          ex.say(`   UltraServers (ultraserversFor) = ${num(chips)} / ${chip.chipsPerUltraserver} = ${num(term)}`);
          break;
        case 'critical_it_mw':
          term = v.criticalItMw;
          break;
        case 'deployed_it_mw':
          term = deployedItMw(chips, allInW);
          ex.say(`   deployed IT (deployedItMw) = chips x all-in W / 1e6 = ${num(chips)} x ${num(allInW)} / 1e6 = ${qty(term, 'MW')}`);
          break;
        case 'peak_bf16_pflops':
        case 'peak_fp8_pflops': {
          const bf16 = metric === 'peak_bf16_pflops';
          const tflops = bf16 ? chip.peakBf16Tflops : chip.peakFp8Tflops;
          term = peakPflops(chips, tflops);
          ex.say(`   peak (peakPflops) = chips x TFLOP/s / 1000 = ${num(chips)} x ${num(tflops)} ${ex.used.use(`${c}.${bf16 ? 'peak_bf16' : 'peak_fp8'}`)} / 1000 = ${qty(term, 'PFLOP/s')}`);
          break;
        }
      }
      terms.push(term);
    }
    // Summed in headline order from 0, as summaryValues sums.
    value = terms.reduce((acc, t) => acc + t, 0);
    ex.heading(`Sum over the headline fleet`);
    ex.say(`${metric} = ${terms.map((t) => num(t)).join(' + ')} = ${qty(value, unit)}`);
    modelValue = summaryValue(result, metric);
    modelSource = `summary.csv ${metric}`;
  } else {
    y = year === undefined ? fullYearIndex : year - firstYear;
    const calendarYear = firstYear + y;
    ex.heading(`Fleet sizes (sizeFleet; gwplan explain chips shows each step)`);
    ex.say(`oversubscription o = ${num(inputs.utilisation.oversubscriptionRatio)} ${ex.used.use('utilisation.oversubscription_ratio')}`);
    const ys = at(ex.calendar.yearStartHour, y);
    const ye = at(ex.calendar.yearStartHour, y + 1);
    for (const v of vintages) if (v.startHour < ye && v.endHour > ys) ex.sizing(v, false);
    const { itMwh, facilityMwh } = ex.energy(vintages, y);
    const isFirstFull = y === fullYearIndex;
    const annual = result.annual[y]!;
    if (metric === 'it_energy_mwh' || metric === 'facility_energy_mwh') {
      value = metric === 'it_energy_mwh' ? itMwh : facilityMwh;
      modelValue = isFirstFull ? summaryValue(result, metric) : metric === 'it_energy_mwh' ? annual.itEnergyMwh : annual.facilityEnergyMwh;
    } else {
      const { targetMwh, newMwh } = ex.newClean(facilityMwh, y);
      if (metric === 'clean_energy_target_mwh') {
        value = targetMwh;
        modelValue = isFirstFull ? summaryValue(result, metric) : annual.cleanEnergyTargetMwh;
      } else {
        ex.heading(`Nameplate to contract in ${calendarYear} (technologyEnergyMwh, nameplateMw)`);
        const rows = result.procurement.filter((row) => row.year === calendarYear);
        const technologies: readonly Technology[] = metric === 'clean_nameplate_total_mw' ? TECHNOLOGIES : TECHNOLOGIES.filter((t) => CLEAN_NAMEPLATE_METRIC[t] === metric);
        const terms = technologies.map((t) => ex.nameplate(t, newMwh, y!));
        value = terms.reduce((acc, t) => acc + t, 0);
        if (terms.length > 1) ex.say(`total = ${terms.map((t) => num(t)).join(' + ')} = ${qty(value, 'MW')}`);
        modelValue = isFirstFull
          ? summaryValue(result, metric)
          : technologies.reduce<number>((acc, t) => acc + rows.find((row) => row.technology === t)!.nameplateMw, 0);
      }
    }
    const table = metric.startsWith('clean_nameplate_') ? 'procurement.csv nameplate_mw' : `annual.csv ${metric}`;
    modelSource = isFirstFull ? `summary.csv ${metric}, the first full year` : `${table}, ${calendarYear}`;
  }

  const decimals = decimalsForUnit(unit, `explain ${metric}`);
  const agrees = Math.abs(value - modelValue) <= AGREEMENT_TOLERANCE * Math.max(1, Math.abs(modelValue));
  const title = headline
    ? `${metric}: ${METRIC_WORDS[metric]}, scenario ${scenario.name}`
    : `${metric} in ${firstYear + y!}: ${METRIC_WORDS[metric as YearlyMetric]}, scenario ${scenario.name}${y === fullYearIndex ? ' (the first full year)' : ''}`;
  const lines = [
    title,
    `Recomputed by the model's own functions (src/model) from the loaded assumptions; [path] marks an assumption, listed at the end.`,
    ...ex.lines,
    '',
    'Assumptions used (value as written, range, confidence, source, where it was set):',
    ...ex.used.lines(),
  ];
  return {
    ok: true,
    explanation: {
      metric,
      unit,
      ...(y !== undefined && { year: firstYear + y }),
      lines,
      value,
      modelValue,
      modelSource,
      formatted: formatFixed(value, decimals, metric),
      modelFormatted: formatFixed(modelValue, decimals, metric),
      agrees,
    },
  };
}
