/**
 * The sized vintages as a table of numbers (one typed array per field, one
 * entry per vintage), which steps 7-17 read. Why a table beside Vintage
 * objects: the Monte Carlo path sizes 10,000 samples a run, and building
 * Vintage, FleetSize and plan objects for each cost more than the model's
 * arithmetic (leanSizing.ts fills a table directly); the hourly path and the
 * closed form's full result fill one from their Vintage objects (fillFromVintages).
 * Either way the steps after sizing are the same code on the same numbers.
 */
import type { ChipSpec } from './inputs.js';
import { yearOfDate } from './calendar.js';
import type { FleetSize } from './sizing.js';
import type { PhasePlan, Vintage } from './vintages.js';

export class VintageTable {
  /** Vintages in the table (the arrays may be longer: they are reused and grown). */
  count = 0;
  private capacity = 0;
  phaseIndex = new Int32Array(0);
  /** 1 = original chip, 2 = refresh. */
  vintage = new Int32Array(0);
  chip: ChipSpec[] = [];
  /** Hours from the horizon start; endHour is Infinity when the vintage runs past the horizon. */
  startHour = new Float64Array(0);
  endHour = new Float64Array(0);
  rampHours = new Float64Array(0);
  /** Calendar year of the start date, and of retirement (NaN when none): cost booking. */
  startYear = new Float64Array(0);
  retireYear = new Float64Array(0);
  poiMw = new Float64Array(0);
  auxMw = new Float64Array(0);
  criticalItMw = new Float64Array(0);
  designLoadMw = new Float64Array(0);
  /** The fleet (sizing.ts): W per chip at maximum, whole chips, servers, UltraServers, MW, PFLOP/s. */
  allInW = new Float64Array(0);
  chips = new Float64Array(0);
  servers = new Float64Array(0);
  ultraservers = new Float64Array(0);
  deployedItMw = new Float64Array(0);
  peakBf16Pflops = new Float64Array(0);
  peakFp8Pflops = new Float64Array(0);

  /**
   * Appends one vintage: its phase's budget (`plan`: POI, aux_k, P_IT, design load), its
   * fleet as sizeFleet sized it, and when it runs (hours; calendar years for cost booking,
   * retirement NaN when none). Room must have been made with reset.
   */
  add(
    phaseIndex: number,
    vintage: number,
    chip: ChipSpec,
    startHour: number,
    endHour: number,
    rampHours: number,
    startYear: number,
    retireYear: number,
    plan: Pick<PhasePlan, 'poiMw' | 'auxMw' | 'criticalItMw' | 'designLoadMw'>,
    fleet: FleetSize,
  ): void {
    const i = this.count++;
    this.phaseIndex[i] = phaseIndex;
    this.vintage[i] = vintage;
    this.chip[i] = chip;
    this.startHour[i] = startHour;
    this.endHour[i] = endHour;
    this.rampHours[i] = rampHours;
    this.startYear[i] = startYear;
    this.retireYear[i] = retireYear;
    this.poiMw[i] = plan.poiMw;
    this.auxMw[i] = plan.auxMw;
    this.criticalItMw[i] = plan.criticalItMw;
    this.designLoadMw[i] = plan.designLoadMw;
    this.allInW[i] = fleet.allInW;
    this.chips[i] = fleet.chips;
    this.servers[i] = fleet.servers;
    this.ultraservers[i] = fleet.ultraservers;
    this.deployedItMw[i] = fleet.deployedItMw;
    this.peakBf16Pflops[i] = fleet.peakBf16Pflops;
    this.peakFp8Pflops[i] = fleet.peakFp8Pflops;
  }

  /** Empties the table, with room for at least `vintages` rows. */
  reset(vintages: number): void {
    this.count = 0;
    if (vintages <= this.capacity) return;
    const n = Math.max(vintages, 2 * this.capacity, 16);
    this.capacity = n;
    this.phaseIndex = new Int32Array(n);
    this.vintage = new Int32Array(n);
    this.chip = new Array<ChipSpec>(n);
    for (const key of FLOAT_FIELDS) this[key] = new Float64Array(n);
  }
}

const FLOAT_FIELDS = [
  'startHour',
  'endHour',
  'rampHours',
  'startYear',
  'retireYear',
  'poiMw',
  'auxMw',
  'criticalItMw',
  'designLoadMw',
  'allInW',
  'chips',
  'servers',
  'ultraservers',
  'deployedItMw',
  'peakBf16Pflops',
  'peakFp8Pflops',
] as const;

/** The table of `vintages`, into `table` (reset first). */
export function fillFromVintages(table: VintageTable, vintages: readonly Vintage[]): VintageTable {
  table.reset(vintages.length);
  for (const v of vintages) {
    const retireYear = v.retiredOn === '' ? Number.NaN : yearOfDate(v.retiredOn);
    table.add(v.phaseIndex, v.vintage, v.chip, v.startHour, v.endHour, v.rampHours, yearOfDate(v.energisedOn), retireYear, v, v.fleet);
  }
  return table;
}

/** A new table of `vintages`. */
export function vintageTable(vintages: readonly Vintage[]): VintageTable {
  return fillFromVintages(new VintageTable(), vintages);
}
