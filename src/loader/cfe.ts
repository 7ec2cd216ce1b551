/**
 * cfe.yaml → CfeInputs: the hourly (24/7) CFE procurement assumptions of one scenario,
 * from its merged field values, plus the files they name (a site preset in `sites/`,
 * hourly CSVs), each read, checked and hashed like any assumption file.
 *
 * The year studied may be known only after the model has run (absent `cfe.year`: the
 * first full build-out year), so an hourly CSV's row count is checked against it by
 * checkProfileYear, here when `cfe.year` is given and by the caller otherwise.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hoursInYear } from '../model/calendar.js';
import { PROFILE_TECHNOLOGIES, type CfeInputs, type HourlyFileOrigin, type ProfileTechnology, type SiteSpec } from '../model/cfe/types.js';
import { TECHNOLOGIES, type ModelInputs, type Technology } from '../model/inputs.js';
import type { Reading } from './assumptionValue.js';
import { readAssumptionFile, resolveInsideDir, shownPath, type FileText } from './assumptionDir.js';
import { parseCsv } from './csvSource.js';
import { readFields, type FieldValues } from './fieldReader.js';
import {
  FIELD_TABLE,
  GRID_EMISSION_COLUMNS,
  GRID_SHARE_COLUMN,
  LOAD_SHAPE_COLUMN,
  PROFILE_COLUMNS,
  SITE_FIELDS,
} from './fieldTable.js';
import { readHourlyCsv, type HourlyLayout, type HourlyTable, type ValueColumn } from './hourlyCsv.js';
import { Issues } from './issues.js';
import { cachedParse } from './parseCache.js';
import { nearest } from './suggest.js';
import type { AssumptionRecord, InputIssue, SourceLocation } from './types.js';
import { parseYaml } from './yamlSource.js';

/** Site presets live here, relative to the assumptions directory. */
export const SITE_DIR = 'sites';
/** A preset's name: its file name without `.yaml` (as scenario names). */
const SITE_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface CfeSources {
  /** The assumptions directory, and as it is shown in messages. */
  dir: string;
  displayDir: string;
  horizon: ModelInputs['horizon'] | undefined;
}

export interface CfeBuild {
  /** Undefined when anything it needs is missing or wrong (reported). */
  cfe: CfeInputs | undefined;
  /** cfe.yaml's records (profile keys the chosen source ignores left out), then the site preset's. */
  records: AssumptionRecord[];
  /** Files read besides cfe.yaml: the site preset, hourly CSVs. */
  texts: FileText[];
  /** Every such file named, read or not, as shown in messages (to sort problems in them after cfe.yaml). */
  named: string[];
}

const share = (name: string): ValueColumn => ({ name, expected: 'a share from 0 to 1', valid: (v) => v >= 0 && v <= 1 });
const PROFILE_LAYOUT: HourlyLayout = {
  columns: PROFILE_COLUMNS.map((name) => ({ name, expected: 'a capacity factor from 0 to 1', valid: (v) => v >= 0 && v <= 1 })),
  oneOf: PROFILE_COLUMNS,
  oneOfNote: ' (a technology without a column cannot be built)',
};
const LOAD_SHAPE_LAYOUT: HourlyLayout = {
  columns: [{ name: LOAD_SHAPE_COLUMN, expected: 'a positive number (any scale: only the shape counts)', valid: (v) => v > 0 }],
  required: [LOAD_SHAPE_COLUMN],
  diurnal: true,
};
const GRID_EMISSION_NAMES = Object.keys(GRID_EMISSION_COLUMNS);
const GRID_LAYOUT: HourlyLayout = {
  columns: [
    share(GRID_SHARE_COLUMN),
    ...GRID_EMISSION_NAMES.map((name) => ({ name, expected: 'an emission factor of at least 0', valid: (v: number) => v >= 0, scale: GRID_EMISSION_COLUMNS[name]! })),
  ],
  oneOf: [GRID_SHARE_COLUMN, ...GRID_EMISSION_NAMES],
  atMostOne: GRID_EMISSION_NAMES,
  explain: (column, at, issues) => {
    if (column !== 'grid_emission_factor') return false;
    issues.add('no_unit_in_header', at, '', { column, allowed: GRID_EMISSION_NAMES });
    return true;
  },
};

/** Profile keys each source reads; the others are ignored (a scenario may switch source without removing them). */
const SOURCE_KEYS = { synthetic: ['cfe.profiles.site'], csv: ['cfe.profiles.file', 'cfe.profiles.utc_offset'] } as const;
const PROFILE_KEYS: readonly string[] = [...SOURCE_KEYS.synthetic, ...SOURCE_KEYS.csv];

export function buildCfe(values: FieldValues, sources: CfeSources, issues: Issues): CfeBuild {
  return new CfeBuilder(values, sources, issues).build();
}

/**
 * Problems of the hourly CSVs against the year studied: one per file whose row count is not
 * that year's hours (a 24-row load shape fits any year). Empty when all fit.
 */
export function checkProfileYear(cfe: CfeInputs, year: number): InputIssue[] {
  const issues = new Issues();
  const hours = hoursInYear(year);
  const origins = [cfe.profiles.kind === 'csv' ? cfe.profiles.origin : undefined, cfe.loadShapeFile, cfe.gridHourlyFile];
  for (const origin of origins) {
    if (!origin || origin.rows === hours || origin.rows === 24) continue;
    const at = { file: origin.file, line: origin.lastLine, column: 1 };
    issues.add('hourly_rows_year', at, origin.key, { rows: origin.rows, year, hours, whose: 'studied' });
  }
  return issues.errors;
}

class CfeBuilder {
  private readonly records: AssumptionRecord[] = [];
  private readonly texts: FileText[] = [];
  private readonly named: string[] = [];
  private readonly errorsBefore: number;

  constructor(
    private readonly values: FieldValues,
    private readonly sources: CfeSources,
    private readonly issues: Issues,
  ) {
    this.errorsBefore = issues.errors.length;
  }

  build(): CfeBuild {
    const source = this.reading('cfe.profiles.source')?.value as 'synthetic' | 'csv' | undefined;
    const ignored = PROFILE_KEYS.filter((key) => source !== undefined && !(SOURCE_KEYS[source] as readonly string[]).includes(key));
    for (const spec of FIELD_TABLE['cfe.yaml']) {
      if (!ignored.includes(spec.key)) this.records.push(...(this.reading(spec.key)?.records ?? []));
    }

    const targets = this.targets();
    const year = this.year();
    const cleanFirmAvailability = this.number('cfe.clean_firm_availability');
    const profiles = source === 'synthetic' ? this.synthetic() : source === 'csv' ? this.csvProfiles(cleanFirmAvailability) : undefined;
    const loadShape = this.hourlyFile('cfe.load_shape_file', LOAD_SHAPE_LAYOUT);
    const grid = this.hourlyFile('cfe.grid_hourly_file', GRID_LAYOUT);
    const roundTrip = this.number('cfe.battery.round_trip_efficiency');
    const costs = this.costs();
    const maxMw = profiles && this.maxMw(profiles.unavailable);
    const gridCfeShare = this.number('cfe.grid_cfe_share');

    const result = { records: this.records, texts: this.texts, named: this.named };
    if (
      this.issues.errors.length > this.errorsBefore ||
      !targets || !profiles || !maxMw || !costs || cleanFirmAvailability === undefined || roundTrip === undefined || gridCfeShare === undefined ||
      loadShape === false || grid === false
    ) {
      return { cfe: undefined, ...result };
    }
    const emission = GRID_EMISSION_NAMES.map((name) => grid?.table.columns.get(name)).find((column) => column !== undefined);
    const efficiency = Math.sqrt(roundTrip);
    const cfe: CfeInputs = {
      targets,
      year,
      profiles: profiles.profiles,
      cleanFirmAvailability,
      loadShape: loadShape?.table.columns.get(LOAD_SHAPE_COLUMN),
      loadShapeFile: loadShape?.origin,
      gridCfeShare: grid?.table.columns.get(GRID_SHARE_COLUMN) ?? gridCfeShare,
      gridEmissionsTPerMwh: emission ?? this.number('cfe.grid_emission_factor'),
      gridHourlyFile: grid?.origin,
      battery: { chargeEfficiency: efficiency, dischargeEfficiency: efficiency },
      costs,
      maxMw,
      maxExcessShare: this.number('cfe.max_excess_share') ?? Number.POSITIVE_INFINITY,
    };
    // The year is known now only when it is given: check the CSVs against it at once.
    if (year !== undefined) for (const issue of checkProfileYear(cfe, year)) this.issues.addAll({ errors: [issue], warnings: [] });
    return { cfe: this.issues.errors.length > this.errorsBefore ? undefined : cfe, ...result };
  }

  private reading(key: string): Reading | undefined {
    return this.values.readings.get(key);
  }

  private number(key: string): number | undefined {
    return this.reading(key)?.value as number | undefined;
  }

  /** Where a key is written, or its parent's key (for a missing one). */
  private keyAt(key: string): SourceLocation {
    for (let path = key; path; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
      const at = this.values.keyAt.get(path);
      if (at) return at;
    }
    return { file: shownPath(this.sources.displayDir, 'cfe.yaml'), line: 1, column: 1 };
  }

  /** Each target above the one before it. */
  private targets(): number[] | undefined {
    const reading = this.reading('cfe.targets');
    if (!reading) return undefined;
    const targets = reading.value as readonly number[];
    let ascending = true;
    for (let i = 1; i < targets.length; i++) {
      if (targets[i]! > targets[i - 1]!) continue;
      const [record, previous] = [reading.records[i]!, reading.records[i - 1]!];
      this.issues.add('not_ascending', record.at, record.path, { written: record.written, previous: previous.written });
      ascending = false;
    }
    return ascending ? [...targets] : undefined;
  }

  private year(): number | undefined {
    const reading = this.reading('cfe.year');
    const { horizon } = this.sources;
    if (!reading) return undefined;
    const year = reading.value as number;
    if (horizon && (year < horizon.firstYear || year > horizon.lastYear)) {
      this.issues.add('cfe_year_outside_horizon', reading.at, 'cfe.year', { year, first: horizon.firstYear, last: horizon.lastYear });
    }
    return year;
  }

  /** A reading the chosen profile source needs; reported when absent. */
  private forSource(key: string, source: 'synthetic' | 'csv', what: string): Reading | undefined {
    const reading = this.reading(key);
    // Written but unusable: reported where it is written.
    if (!reading && !this.values.keyAt.has(key)) {
      this.issues.add('missing_for_source', this.keyAt(key), key, { key: key.split('.').pop()!, source, what });
    }
    return reading;
  }

  private synthetic(): { profiles: CfeInputs['profiles']; unavailable: Unavailable } | undefined {
    const reading = this.forSource('cfe.profiles.site', 'synthetic', `a site preset, the name of a file in ${SITE_DIR}/ (such as indiana-pjm)`);
    if (!reading) return undefined;
    const name = reading.value as string;
    if (!SITE_NAME.test(name)) {
      this.issues.add('bad_site_name', reading.at, 'cfe.profiles.site', { written: name });
      return undefined;
    }
    const file = `${SITE_DIR}/${name}.yaml`;
    const { dir, displayDir } = this.sources;
    this.named.push(shownPath(displayDir, file));
    if (!statSync(join(dir, file), { throwIfNoEntry: false })?.isFile()) {
      const known = sitePresets(dir);
      this.issues.add('unknown_site', reading.at, 'cfe.profiles.site', { name, suggestion: nearest(name, known), known });
      return undefined;
    }
    const text = readAssumptionFile(dir, displayDir, file, this.issues);
    if (!text) return undefined;
    this.texts.push(text);
    const values = cachedParse('site', text.shown, text.hash.sha256, this.issues, (own) => {
      const src = parseYaml(text.text, text.shown, own);
      return src && readFields(src, SITE_FIELDS, own);
    });
    if (!values) return undefined;
    for (const spec of SITE_FIELDS) this.records.push(...(values.readings.get(spec.key)?.records ?? []));
    const get = (key: string) => values.readings.get(key)?.value as number | undefined;
    const [latitudeDeg, longitudeDeg, utcOffsetHours, seed] = ['latitude', 'longitude', 'utc_offset', 'seed'].map((k) => get(`site.${k}`));
    if (latitudeDeg === undefined || longitudeDeg === undefined || utcOffsetHours === undefined || seed === undefined) return undefined;
    const unavailable: Unavailable = new Map();
    const targetCapacityFactor = {} as Record<ProfileTechnology, number>;
    for (const technology of PROFILE_TECHNOLOGIES) {
      const key = `site.capacity_factor.${technology}`;
      if (values.keyAt.has(key) && !values.readings.has(key)) return undefined; // written but unusable: reported
      targetCapacityFactor[technology] = get(key) ?? 0;
      if (get(key) === undefined) unavailable.set(technology, `site preset "${name}" gives no capacity factor for it`);
    }
    const site: SiteSpec = { name, latitudeDeg, longitudeDeg, utcOffsetHours, targetCapacityFactor, seed };
    return { profiles: { kind: 'synthetic', site }, unavailable };
  }

  private csvProfiles(cleanFirmAvailability: number | undefined): { profiles: CfeInputs['profiles']; unavailable: Unavailable } | undefined {
    const file = this.forSource('cfe.profiles.file', 'csv', 'the path of a CSV of hourly capacity factors, relative to the assumptions directory');
    const offset = this.forSource('cfe.profiles.utc_offset', 'csv', "the CSV's local standard time as hours from UTC, such as -5 h");
    const read = file && this.readHourly('cfe.profiles.file', file, PROFILE_LAYOUT, 'profiles');
    if (!read || !offset || cleanFirmAvailability === undefined) return undefined;
    const { table, origin } = read;
    const unavailable: Unavailable = new Map();
    const column = (technology: ProfileTechnology): Float64Array => {
      const values = table.columns.get(technology);
      if (values) return values;
      unavailable.set(technology, `${origin.written} has no ${technology} column`);
      return new Float64Array(table.rows);
    };
    const capacityFactor = {
      solar: column('solar'),
      onshore_wind: column('onshore_wind'),
      offshore_wind: column('offshore_wind'),
      clean_firm: new Float64Array(table.rows).fill(cleanFirmAvailability),
    };
    return {
      profiles: { kind: 'csv', file: origin.written, utcOffsetHours: offset.value as number, capacityFactor, origin },
      unavailable,
    };
  }

  /** An optional hourly CSV: undefined when not given, false when given but unusable (reported). */
  private hourlyFile(key: string, layout: HourlyLayout): { table: HourlyTable; origin: HourlyFileOrigin } | undefined | false {
    const reading = this.reading(key);
    if (!reading) return this.values.keyAt.has(key) ? false : undefined;
    return this.readHourly(key, reading, layout, key) ?? false;
  }

  /** Read and check a CSV named by `key`; undefined (reported) when it cannot be used. */
  private readHourly(key: string, reading: Reading, layout: HourlyLayout, kind: string): { table: HourlyTable; origin: HourlyFileOrigin } | undefined {
    const written = reading.value as string;
    const { dir, displayDir } = this.sources;
    const target = resolveInsideDir(dir, written, reading.at, key, this.issues);
    if (!target) return undefined;
    const name = relative(dir, target).split(/[\\/]/).join('/');
    this.named.push(shownPath(displayDir, name));
    if (!statSync(target, { throwIfNoEntry: false })?.isFile()) {
      this.issues.add('missing_data_file', reading.at, key, { written });
      return undefined;
    }
    const text = readAssumptionFile(dir, displayDir, name, this.issues);
    if (!text) return undefined;
    this.texts.push(text);
    const table = cachedParse(`hourly:${kind}`, text.shown, text.hash.sha256, this.issues, (own) => {
      const csv = parseCsv(text.text, text.shown, own);
      return csv && readHourlyCsv(csv, layout, own);
    });
    if (!table) return undefined;
    return { table, origin: { key, written, file: text.shown, rows: table.rows, lastLine: table.lastLine } };
  }

  private costs(): CfeInputs['costs'] | undefined {
    const n = (key: string) => this.number(`cfe.costs.${key}`);
    const technology = {} as CfeInputs['costs']['technology'];
    for (const t of TECHNOLOGIES) {
      const [capexUsdPerKw, fixedOmUsdPerKwYear, lifetimeYears, variableUsdPerMwh] = ['capex', 'fixed_om', 'lifetime', 'variable'].map((k) => n(`${t}.${k}`));
      if (capexUsdPerKw === undefined || fixedOmUsdPerKwYear === undefined || lifetimeYears === undefined || variableUsdPerMwh === undefined) return undefined;
      technology[t] = { capexUsdPerKw, fixedOmUsdPerKwYear, lifetimeYears, variableUsdPerMwh };
    }
    const [powerCapexUsdPerKw, energyCapexUsdPerKwh, fixedOmUsdPerKwYear, lifetimeYears] = ['power_capex', 'energy_capex', 'fixed_om', 'lifetime'].map((k) => n(`battery.${k}`));
    const [currencyYear, discountRate, gridUsdPerMwh] = ['currency_year', 'discount_rate', 'grid_price'].map(n);
    if (
      powerCapexUsdPerKw === undefined || energyCapexUsdPerKwh === undefined || fixedOmUsdPerKwYear === undefined || lifetimeYears === undefined ||
      currencyYear === undefined || discountRate === undefined || gridUsdPerMwh === undefined
    ) {
      return undefined;
    }
    return { currencyYear, technology, battery: { powerCapexUsdPerKw, energyCapexUsdPerKwh, fixedOmUsdPerKwYear, lifetimeYears }, discountRate, gridUsdPerMwh };
  }

  /** Caps as written (Infinity for none), 0 for a technology without a profile (warned when a cap was given). */
  private maxMw(unavailable: Unavailable): Record<Technology, number> | undefined {
    const maxMw = {} as Record<Technology, number>;
    for (const technology of TECHNOLOGIES) {
      const key = `cfe.max_capacity.${technology}`;
      const cap = this.reading(key);
      if (!cap && this.values.keyAt.has(key)) return undefined; // written but unusable: reported
      const reason = unavailable.get(technology as ProfileTechnology);
      if (reason && cap && (cap.value as number) > 0) this.issues.add('unavailable_cap', cap.at, key, { technology, reason });
      maxMw[technology] = reason ? 0 : ((cap?.value as number | undefined) ?? Number.POSITIVE_INFINITY);
    }
    return maxMw;
  }
}

/** Technologies without a profile, and why. */
type Unavailable = Map<ProfileTechnology, string>;

/** Preset names in `sites/`, sorted. */
function sitePresets(dir: string): string[] {
  try {
    return readdirSync(join(dir, SITE_DIR))
      .filter((file) => file.endsWith('.yaml'))
      .map((file) => file.slice(0, -'.yaml'.length))
      .filter((name) => SITE_NAME.test(name))
      .sort();
  } catch {
    return [];
  }
}
