/** phases.csv: the build-out schedule, one PhaseSpec per phase (rows, as scenario overlays leave them). */
import type { ModelInputs, PhasePoi, PhaseSpec } from '../model/inputs.js';
import { readChoice, readQuantity, record, type Provenance } from './assumptionValue.js';
import type { ChipCatalogue } from './chips.js';
import type { CsvCell, CsvTable } from './csvSource.js';
import { CONFIDENCE, PHASE_COLUMNS, PHASE_POI, PHASE_POI_BOUNDS, PHASE_RAMP, type PhaseColumn } from './fieldTable.js';
import type { Issues } from './issues.js';
import type { Measure } from './quantity.js';
import { nearest } from './suggest.js';
import type { AssumptionRecord, Confidence, SourceLocation } from './types.js';

export interface PhaseTable {
  phases: PhaseSpec[];
  records: AssumptionRecord[];
}

/** The columns that hold a phase's values (name, source and confidence describe them). */
export type ValueColumn = Exclude<PhaseColumn, 'name' | 'source' | 'confidence'>;
export const VALUE_COLUMNS: readonly ValueColumn[] = ['energised_on', 'poi', 'chip', 'ramp', 'end_of_life', 'refresh_to'];
/** Value columns a phase may leave out (and a scenario may remove). */
export const OPTIONAL_COLUMNS: readonly ValueColumn[] = VALUE_COLUMNS.filter((c) => !PHASE_COLUMNS[c].required);

/** One value of a phase as written, in phases.csv or a scenario overlay. */
export interface PhaseCell {
  /** Trimmed text, as in a CSV cell; '' for an empty cell. */
  text: string;
  at: SourceLocation;
  provenance: Provenance;
  /** Every place that set this cell, base first (see AssumptionRecord.setBy). */
  setBy: SourceLocation[];
  /** Written in a form that cannot be read (already reported): the phase is skipped without another report. */
  unusable?: true;
}

/** A phase before its values are checked: phases.csv rows, with scenario patches applied. */
export interface PhaseDraft {
  /** The name, or `(line N)` for a row without one. */
  name: string;
  nameAt: SourceLocation;
  /** Columns absent from the file (or removed by a scenario) have no cell. */
  cells: Partial<Record<ValueColumn, PhaseCell>>;
}

/** How chip names are explained when a scenario changed the catalogue. */
export interface PhaseContext {
  inScenario?: boolean;
  /** Chips removed along the scenario chain, with where (`file:line:col`). */
  removedChips?: ReadonlyMap<string, string>;
}

const COLUMNS = Object.keys(PHASE_COLUMNS) as PhaseColumn[];
/** mathjs's year (365.25 days), the one `5 years` was converted with. */
const YEAR_MS = 365.25 * 86_400_000;

/**
 * phases.csv as drafts, one per row: the header, names and each row's
 * source and confidence are checked here; undefined when the header cannot
 * be read (rows would be misread).
 */
export function readPhaseSheet(table: CsvTable, issues: Issues): PhaseDraft[] | undefined {
  const columns = checkHeader(table.header, issues);
  if (!columns) return undefined;
  const drafts: PhaseDraft[] = [];
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (column: PhaseColumn) => {
      const index = columns.get(column);
      return index === undefined ? undefined : row[index];
    };
    const nameCell = cell('name')!;
    const name = nameCell.text || `(line ${nameCell.at.line})`;
    if (nameCell.text) {
      const first = firstLine.get(name);
      if (first !== undefined) issues.add('duplicate_phase', nameCell.at, `phases.${name}.name`, { name, firstLine: first });
      else firstLine.set(name, nameCell.at.line);
    } else {
      issues.add('missing_cell', nameCell.at, `phases.${name}.name`);
    }
    const provenance: Provenance = {};
    const source = cell('source')?.text;
    const confidence = cell('confidence');
    if (source) provenance.source = source;
    if (confidence?.text) {
      const word = readChoice(CONFIDENCE, confidence.text, confidence.at, `phases.${name}.confidence`, issues);
      if (word) provenance.confidence = word as Confidence;
    }
    const cells: PhaseDraft['cells'] = {};
    for (const column of VALUE_COLUMNS) {
      const found = cell(column);
      if (found) cells[column] = { text: found.text, at: found.at, provenance, setBy: [found.at] };
    }
    drafts.push({ name, nameAt: nameCell.at, cells });
  }
  return drafts;
}

/**
 * Check every phase's values; `chips` (when the catalogue could be read)
 * checks chip names, `horizon` (when valid) the service-life warning.
 */
export function readPhases(
  drafts: readonly PhaseDraft[],
  chips: ChipCatalogue | undefined,
  horizon: ModelInputs['horizon'] | undefined,
  issues: Issues,
  context: PhaseContext = {},
): PhaseTable {
  const result: PhaseTable = { phases: [], records: [] };
  for (const draft of drafts) {
    const { name } = draft;
    const path = (column: PhaseColumn) => `phases.${name}.${column}`;
    const phase = new PhaseRow(draft, path, issues, context);

    const energisedOn = phase.date('energised_on');
    const poi = phase.poi();
    const chip = phase.chip('chip', chips);
    const ramp = phase.ramp();
    const endOfLife = phase.date('end_of_life');
    const refreshTo = phase.chip('refresh_to', chips);

    if (energisedOn && endOfLife && endOfLife.time <= energisedOn.time) {
      issues.add('end_not_after_start', endOfLife.at, path('end_of_life'), { end: endOfLife.text, start: energisedOn.text });
    }
    const endCell = draft.cells.end_of_life;
    if (refreshTo && !endCell?.text && !endCell?.unusable) {
      issues.add('refresh_without_end', refreshTo.at, path('refresh_to'), { chip: refreshTo.text });
    }
    result.records.push(...phase.records);
    if (!energisedOn || !poi || !chip || ramp === undefined) continue;
    const spec: PhaseSpec = {
      name,
      energisedOn: energisedOn.text,
      poi,
      chip: chip.text,
      rampHours: ramp,
      ...(endOfLife && { endOfLife: endOfLife.text }),
      ...(refreshTo && { refreshTo: refreshTo.text }),
    };
    if (chips && horizon) warnPastServiceLife(spec, chips, horizon, phase, issues);
    result.phases.push(spec);
  }
  return result;
}

/** Column name → index; undefined (reported) when a column is unknown, repeated or missing, as rows would be misread. */
function checkHeader(header: readonly CsvCell[], issues: Issues): Map<PhaseColumn, number> | undefined {
  const columns = new Map<PhaseColumn, number>();
  header.forEach(({ text, at }, index) => {
    if (!(COLUMNS as string[]).includes(text)) {
      issues.add('unknown_column', at, '', { column: text, suggestion: nearest(text, COLUMNS), allowed: COLUMNS });
    } else if (columns.has(text as PhaseColumn)) {
      issues.add('duplicate_column', at, '', { column: text });
    } else {
      columns.set(text as PhaseColumn, index);
    }
  });
  const missing = COLUMNS.filter((column) => PHASE_COLUMNS[column].required && !columns.has(column));
  for (const column of missing) issues.add('missing_column', header[0]!.at, '', { column });
  return missing.length === 0 && columns.size === header.length ? columns : undefined;
}

/** The values of one phase, each checked and recorded with its cell's provenance. */
class PhaseRow {
  readonly records: AssumptionRecord[] = [];

  constructor(
    readonly draft: PhaseDraft,
    readonly path: (column: PhaseColumn) => string,
    private readonly issues: Issues,
    private readonly context: PhaseContext,
  ) {}

  /** A filled cell, or undefined; an empty required cell is reported. */
  private filled(column: ValueColumn): PhaseCell | undefined {
    const cell = this.draft.cells[column];
    if (cell?.unusable) return undefined;
    if (cell?.text) return cell;
    if (cell && PHASE_COLUMNS[column].filled) this.issues.add('missing_cell', cell.at, this.path(column));
    return undefined;
  }

  private keep(column: ValueColumn, unit: string, value: number | string, cell: PhaseCell): void {
    this.records.push(record(this.path(column), unit, { value, written: cell.text, at: cell.at }, cell.provenance, cell.setBy));
  }

  /** Where a column is written, or the phase's name when it is not. */
  at(column: ValueColumn): SourceLocation {
    return (this.draft.cells[column] ?? { at: this.draft.nameAt }).at;
  }

  /** A strict YYYY-MM-DD calendar date, with its UTC time in ms. */
  date(column: 'energised_on' | 'end_of_life'): (PhaseCell & { time: number }) | undefined {
    const cell = this.filled(column);
    if (!cell) return undefined;
    const time = calendarDate(cell.text);
    if (time === undefined) {
      this.issues.add('bad_date', cell.at, this.path(column), { written: cell.text });
      return undefined;
    }
    this.keep(column, '', cell.text, cell);
    return { ...cell, time };
  }

  poi(): PhasePoi | undefined {
    const cell = this.filled('poi');
    if (!cell) return undefined;
    const bounds = (m: Measure) => (m.dimension === 'power' ? PHASE_POI_BOUNDS.power : PHASE_POI_BOUNDS.share);
    const q = readQuantity(cell.text, cell.text, PHASE_POI, { bounds }, cell.at, this.path('poi'), this.issues);
    if (!q) return undefined;
    this.keep('poi', q.measure.unit, q.value, cell);
    return q.measure.dimension === 'power' ? { kind: 'mw', mw: q.value } : { kind: 'share', share: q.value };
  }

  /** Ramp duration in hours; an empty cell is a step (0 h). */
  ramp(): number | undefined {
    const cell = this.draft.cells.ramp;
    if (!cell || cell.unusable) return undefined;
    const { measure, bounds } = PHASE_RAMP;
    const hours = cell.text ? readQuantity(cell.text, cell.text, [measure], { bounds }, cell.at, this.path('ramp'), this.issues)?.value : 0;
    if (hours === undefined) return undefined;
    this.keep('ramp', measure.unit, hours, cell);
    return hours;
  }

  /** A chip name, checked against the catalogue when it could be read. */
  chip(column: 'chip' | 'refresh_to', chips: ChipCatalogue | undefined): PhaseCell | undefined {
    const cell = this.filled(column);
    if (!cell) return undefined;
    if (chips && !chips.names.includes(cell.text)) {
      const removedAt = this.context.removedChips?.get(cell.text);
      this.issues.add('unknown_chip', cell.at, this.path(column), {
        chip: cell.text,
        suggestion: nearest(cell.text, chips.names),
        known: chips.names,
        ...(this.context.inScenario && { inScenario: true }),
        ...(removedAt && { removedAt }),
      });
      return undefined;
    }
    this.keep(column, '', cell.text, cell);
    return cell;
  }
}

/** UTC ms of a strict YYYY-MM-DD date that exists in the calendar. */
export function calendarDate(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : undefined;
}

/** Warn when the last vintage of a phase (no end_of_life, or its refresh) outlives its chip within the horizon. */
function warnPastServiceLife(
  phase: PhaseSpec,
  chips: ChipCatalogue,
  horizon: ModelInputs['horizon'],
  row: PhaseRow,
  issues: Issues,
): void {
  const last = lastVintage(phase);
  const lifeYears = chips.specs.find((c) => c.name === last?.chip)?.serviceLifeYears;
  if (!last || lifeYears === undefined) return;
  const retires = calendarDate(last.from)! + lifeYears * YEAR_MS;
  if (retires >= Date.UTC(horizon.lastYear + 1, 0, 1)) return;
  const at = row.at(last.column);
  issues.add('past_service_life', at, row.path(last.column), { chip: last.chip, lifeYears, from: last.from, lastYear: horizon.lastYear });
}

/** The vintage that runs on with no end date, and the column that would end it; none when retired without refresh. */
function lastVintage(phase: PhaseSpec): { chip: string; from: string; column: 'end_of_life' | 'refresh_to' } | undefined {
  if (phase.endOfLife === undefined) return { chip: phase.chip, from: phase.energisedOn, column: 'end_of_life' };
  if (phase.refreshTo !== undefined) return { chip: phase.refreshTo, from: phase.endOfLife, column: 'refresh_to' };
  return undefined;
}
