/**
 * cost.yaml → CostInputs: the cost assumptions of one scenario, from its merged field values,
 * in US dollars of ONE currency year, cost.currency_year (the year every output is expressed in).
 *
 * A money value (a field-table row with `currencyYear`) may say which year's dollars it is
 * written in (`currency_year: 2024` beside `value:`; default: cost.currency_year). It is
 * converted here, once, with the price index of cost.deflators:
 *
 *   value in the output year = value x index[output year] / index[the value's year]
 *
 * and so are its low/high (records) and its distribution (uncertain inputs, by scaleUncertain:
 * an uncertainty.yaml entry for a cost is written in the value's own year, as its low/high are).
 * A year without an index is an error at the value, so no two currency years are ever mixed.
 *
 * Every chip a phase uses, or that a phase may take in uncertainty runs, needs IT costs
 * (cost.it.<chip>); requireChipCosts checks that once the uncertain inputs are known.
 */
import type { ChipCost, CostInputs, InvestmentTranche, TrancheCondition } from '../model/cost/types.js';
import type { CfeInputs } from '../model/cfe/types.js';
import { TECHNOLOGIES, type ModelInputs, type PhaseSpec, type Technology } from '../model/inputs.js';
import type { CorrelationGroup, Distribution, UncertainInput } from '../uncertainty/types.js';
import { isFourDigitYear, type ItemReading, type Reading } from './assumptionValue.js';
import { shownPath } from './assumptionDir.js';
import { expandByYear, type Step } from './byYear.js';
import type { ChipCatalogue } from './chips.js';
import type { FieldValues } from './fieldReader.js';
import { FIELD_TABLE, withName, type FieldSpec, type ItemListField } from './fieldTable.js';
import type { Issues } from './issues.js';
import type { PhaseTable } from './phases.js';
import { nearest } from './suggest.js';
import type { AssumptionRecord, SourceLocation } from './types.js';

/** The per-chip IT cost keys under cost.it.<chip>. */
const CHIP_KEYS = ['server_per_chip', 'network_share', 'storage_share'] as const;
const DEFLATORS = 'cost.deflators';
const CHIP_COSTS = 'cost.it';
const TRANCHES = 'cost.investment.tranches';

export interface CostSources {
  horizon: ModelInputs['horizon'] | undefined;
  chips: ChipCatalogue | undefined;
  /** Chips removed along a scenario chain: their leftover costs are no mistake. */
  removedChips: ReadonlyMap<string, string>;
  /** The assumptions directory as shown in messages. */
  displayDir: string;
  /** Where chips.yaml (or the overlay that adds it) defines a chip, to name the file to edit. */
  chipAt: (chip: string) => SourceLocation | undefined;
}

export interface CostBuild {
  /** Undefined when anything it needs is missing or wrong (reported). */
  cost: CostInputs | undefined;
  /** cost.yaml's records in field-table order, money values converted to the output year. */
  records: AssumptionRecord[];
  /** Conversion factor of each money value converted (path → index[output] / index[its year]). */
  factors: ReadonlyMap<string, number>;
  /** Chips with a complete, valid set of IT costs. */
  chipsWithCosts: ReadonlySet<string>;
  /** Per chip name in cost.it: which of CHIP_KEYS it lacks (none written). */
  missingKeys: (chip: string) => string[];
  /** Where a chip's cost entry (cost.it.<chip>) is written, if it is. */
  entryAt: (chip: string) => SourceLocation | undefined;
  /** Names written under cost.it (chips or not). */
  costNames: readonly string[];
  /** The chips of the catalogue. */
  chipNames: readonly string[];
  /** cost.yaml as shown in messages. */
  file: string;
  /** index[output year] / index[year]: the factor from `year` dollars to the output year's; undefined without both entries. */
  conversionFactor: (year: number) => number | undefined;
}

export function buildCost(values: FieldValues, sources: CostSources, issues: Issues): CostBuild {
  const errorsBefore = issues.errors.length;
  const file = shownPath(sources.displayDir, 'cost.yaml');
  const reading = (path: string) => values.readings.get(path);
  const number = (path: string) => reading(path)?.value as number | undefined;
  const costNames = values.members.get(CHIP_COSTS) ?? [];
  const chipNames = sources.chips?.names ?? [];

  // The output year, and the index.
  const yearReading = reading('cost.currency_year');
  let outputYear: number | undefined;
  if (yearReading) {
    if (isFourDigitYear(yearReading.value)) outputYear = yearReading.value as number;
    else issues.add('bad_currency_year', yearReading.at, 'cost.currency_year', { written: yearReading.records[0]!.written });
  }
  const index = new Map<number, number>();
  for (const name of values.members.get(DEFLATORS) ?? []) {
    const path = `${DEFLATORS}.${name}`;
    if (!/^\d{4}$/.test(name) || !isFourDigitYear(Number(name))) {
      issues.add('bad_deflator_year', values.keyAt.get(path)!, path, { written: name });
      continue;
    }
    const value = number(path);
    if (value !== undefined) index.set(Number(name), value);
  }

  // Conversion factors of the money values, each checked once.
  const factors = new Map<string, number>();
  const unconverted = new Set<number>();
  const factorOf = (path: string, money: Reading): number | undefined => {
    if (outputYear === undefined) return undefined;
    const year = money.currencyYear?.year ?? outputYear;
    if (year === outputYear) return 1;
    const from = index.get(year);
    const to = index.get(outputYear);
    if (from === undefined) {
      // A deflator written but unusable is reported where it is written.
      if (!values.keyAt.has(`${DEFLATORS}.${year}`)) issues.add('missing_deflator', money.currencyYear!.at, `${path}.currency_year`, { year, outputYear, whose: 'value' });
      return undefined;
    }
    if (to === undefined) {
      unconverted.add(year);
      return undefined;
    }
    factors.set(path, to / from);
    return to / from;
  };

  // Records in field-table order (a `*` row once per key it matched), money converted.
  const records: AssumptionRecord[] = [];
  const converted = new Map<string, Reading>();
  const take = (path: string, spec: FieldSpec) => {
    const r = reading(path);
    if (!r) return;
    if ('items' in spec) {
      const items = (r.value as readonly ItemReading[]).map((item, i) => convertItem(item, `${path}[${i}]`, spec, factorOf, outputYear));
      const all = items.flatMap((item) => [...item.fields.values()].flatMap((field) => field.records));
      records.push(...all);
      converted.set(path, { ...r, value: items, records: all });
      return;
    }
    const factor = spec.currencyYear ? factorOf(path, r) : 1;
    const out = factor === undefined ? r : convert(r, factor, spec.currencyYear ? (r.currencyYear?.year ?? outputYear) : undefined, outputYear);
    records.push(...out.records);
    converted.set(path, out);
  };
  const specs = FIELD_TABLE['cost.yaml'];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const prefix = starPrefix(spec.key);
    if (prefix === undefined) {
      take(spec.key, spec);
      continue;
    }
    // Consecutive rows under the same `*` are taken key by key: a chip's three costs together.
    const group = [spec];
    while (i + 1 < specs.length && starPrefix(specs[i + 1]!.key) === prefix) group.push(specs[++i]!);
    for (const name of values.members.get(prefix) ?? []) for (const row of group) take(withName(row.key, name), row);
  }
  // The output year's deflator written but unusable is reported where it is written.
  if (unconverted.size > 0 && outputYear !== undefined && !values.keyAt.has(`${DEFLATORS}.${outputYear}`)) {
    issues.add('missing_deflator', yearReading!.at, 'cost.currency_year', { year: outputYear, outputYear, whose: 'output', years: [...unconverted].sort((a, b) => a - b) });
  }

  // Costs given for something that is no chip (a typo, or a chip never added).
  for (const name of costNames) {
    if (chipNames.includes(name) || sources.removedChips.has(name) || !sources.chips) continue;
    issues.add('cost_unknown_chip', values.keyAt.get(`${CHIP_COSTS}.${name}`)!, `${CHIP_COSTS}.${name}`, { chip: name, suggestion: nearest(name, chipNames), known: chipNames });
  }

  const get = (path: string) => converted.get(path)?.value as number | undefined;
  const chips: Record<string, ChipCost> = {};
  for (const chip of chipNames) {
    const [serverUsdPerChip, networkShare, storageShare] = CHIP_KEYS.map((key) => get(`${CHIP_COSTS}.${chip}.${key}`));
    if (serverUsdPerChip !== undefined && networkShare !== undefined && storageShare !== undefined) chips[chip] = { serverUsdPerChip, networkShare, storageShare };
  }
  const build: CostBuild = {
    cost: undefined,
    records,
    factors,
    chipsWithCosts: new Set(Object.keys(chips)),
    missingKeys: (chip) => CHIP_KEYS.filter((key) => !values.keyAt.has(`${CHIP_COSTS}.${chip}.${key}`)),
    entryAt: (chip) => values.keyAt.get(`${CHIP_COSTS}.${chip}`),
    costNames,
    chipNames,
    file,
    conversionFactor: (year) => {
      if (outputYear === undefined) return undefined;
      if (year === outputYear) return 1;
      const to = index.get(outputYear);
      const from = index.get(year);
      return to !== undefined && from !== undefined ? to / from : undefined;
    },
  };

  const tranches = readTranches(converted.get(TRANCHES), issues);
  const electricity = converted.get('cost.energy.electricity_price')?.value as number | Step[] | undefined;
  const ppa = {} as Record<Technology, number>;
  for (const t of TECHNOLOGIES) {
    const price = get(`cost.energy.ppa_price.${t}`);
    if (price !== undefined) ppa[t] = price;
  }
  const scalars = {
    facilityUsdPerMwCriticalIt: get('cost.facility.construction'),
    landSoftShare: get('cost.facility.land_soft_share'),
    facilityLifeYears: get('cost.facility.life'),
    facilityOmShare: get('cost.facility.om_share'),
    itOmShare: get('cost.it.om_share'),
    wacc: get('cost.wacc'),
  };
  const complete = Object.values(scalars).every((v) => v !== undefined) && Object.keys(ppa).length === TECHNOLOGIES.length;
  if (issues.errors.length > errorsBefore || outputYear === undefined || !sources.horizon || electricity === undefined || !tranches || !complete) return build;
  const { horizon } = sources;
  const known = scalars as { [K in keyof typeof scalars]: number };
  build.cost = {
    currencyYear: outputYear,
    facilityUsdPerMwCriticalIt: known.facilityUsdPerMwCriticalIt,
    landSoftShare: known.landSoftShare,
    chips,
    electricityUsdPerMwh: expandByYear(electricity, horizon.firstYear, horizon.lastYear),
    ppaUsdPerMwh: ppa,
    facilityLifeYears: known.facilityLifeYears,
    facilityOmShare: known.facilityOmShare,
    itOmShare: known.itOmShare,
    wacc: known.wacc,
    tranches,
  };
  return build;
}

/**
 * Every chip a phase uses (chip, refresh_to), or may take in uncertainty runs (the options of a
 * choice), must have IT costs; reported once per chip, where it is first used (the phase's cell,
 * or the uncertainty.yaml entry), naming the file to edit: cost.yaml, or the scenario that adds the chip.
 */
export function requireChipCosts(build: CostBuild, phases: PhaseTable, uncertain: readonly UncertainInput[], sources: CostSources, issues: Issues): void {
  const uses: { chip: string; usedBy: string; at: SourceLocation }[] = [];
  const at = (path: string) => phases.records.find((r) => r.path === path)?.at;
  for (const phase of phases.phases) {
    for (const [chip, column] of chipColumns(phase)) {
      const where = at(`phases.${phase.name}.${column}`);
      if (where) uses.push({ chip, usedBy: column === 'chip' ? `used by phase ${phase.name}` : `refresh_to of phase ${phase.name}`, at: where });
    }
  }
  for (const input of uncertain) {
    if (input.target.kind !== 'choice') continue;
    for (const chip of input.target.options) uses.push({ chip, usedBy: `an option of ${input.path} in uncertainty runs`, at: input.at });
  }
  const reported = new Set<string>();
  for (const use of uses) {
    if (build.chipsWithCosts.has(use.chip) || reported.has(use.chip) || !sources.chips?.names.includes(use.chip)) continue;
    reported.add(use.chip);
    const missing = build.missingKeys(use.chip);
    // Written but unusable: reported where it is written; so are keys missing from cost.yaml's own entry.
    const entryAt = build.entryAt(use.chip);
    if (missing.length === 0 || entryAt?.file === build.file) continue;
    const defined = sources.chipAt(use.chip);
    const file = defined && !defined.file.endsWith('chips.yaml') ? `${defined.file} (which adds the chip)` : build.file;
    const others = build.costNames.filter((name) => !sources.chips!.names.includes(name) && !sources.removedChips.has(name));
    issues.add('missing_chip_cost', use.at, `cost.it.${use.chip}`, { chip: use.chip, usedBy: use.usedBy, missing, file, suggestion: nearest(use.chip, others) });
  }
}

/**
 * The uncertain inputs with each money value's distribution and point value converted to the
 * output year, as its value is (an uncertainty.yaml entry for a cost is written in the value's
 * year). Costs of something that is no chip (a removed chip, a typo: warned) are left out, as
 * CostInputs has no place for them, and so are they from correlation groups.
 */
export function costUncertain(
  resolved: { uncertain: readonly UncertainInput[]; correlationGroups: readonly CorrelationGroup[] },
  build: CostBuild,
): { uncertain: UncertainInput[]; correlationGroups: CorrelationGroup[] } {
  const orphan = (path: string) => {
    const match = /^cost\.it\.(.+)\.(server_per_chip|network_share|storage_share)$/.exec(path);
    return match !== null && !build.chipNames.includes(match[1]!);
  };
  const uncertain = resolved.uncertain
    .filter((input) => !orphan(input.path))
    .map((input) => {
      const factor = build.factors.get(input.path);
      if (factor === undefined || factor === 1) return input;
      return { ...input, distribution: scaleDistribution(input.distribution, factor), pointValue: money(input.pointValue * factor) };
    });
  const correlationGroups = resolved.correlationGroups.flatMap((group): CorrelationGroup[] => {
    const kept = group.paths.flatMap((path, i) => (orphan(path) ? [] : [i]));
    if (kept.length === group.paths.length) return [group];
    if (kept.length < 2) return [];
    return [{ ...group, paths: kept.map((i) => group.paths[i]!), matrix: kept.map((i) => kept.map((j) => group.matrix[i]![j]!)) }];
  });
  return { uncertain, correlationGroups };
}

function scaleDistribution(d: Distribution, f: number): Distribution {
  switch (d.kind) {
    case 'triangular':
    case 'pert':
      return { ...d, low: money(d.low * f), mode: money(d.mode * f), high: money(d.high * f) };
    case 'uniform':
      return { ...d, low: money(d.low * f), high: money(d.high * f) };
    case 'normal':
      return { ...d, mean: money(d.mean * f), sd: money(d.sd * f), min: money(d.min * f), max: money(d.max * f) };
    case 'lognormal':
      return { ...d, p10: money(d.p10 * f), p90: money(d.p90 * f) };
    case 'choice':
      return d;
  }
}

/** A converted amount to 12 significant digits, as parseQuantity rounds costs (Infinity stays). */
function money(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** A reading with its value(s), range and records multiplied by `factor`, and each record saying so. */
function convert(r: Reading, factor: number, year: number | undefined, outputYear: number | undefined): Reading {
  const records = r.records.map((rec) => convertRecord(rec, factor, year, outputYear));
  if (factor === 1) return { ...r, records };
  const value = typeof r.value === 'number' ? money(r.value * factor) : (r.value as readonly Step[]).map((step) => ({ year: step.year, value: money(step.value * factor) }));
  return { ...r, value, records };
}

function convertRecord(rec: AssumptionRecord, factor: number, year: number | undefined, outputYear: number | undefined): AssumptionRecord {
  if (year === undefined) return rec;
  const out: AssumptionRecord = { ...rec, currencyYear: year };
  if (factor === 1) return out;
  out.value = money((rec.value as number) * factor);
  if (rec.low !== undefined) out.low = money(rec.low * factor);
  if (rec.high !== undefined) out.high = money(rec.high * factor);
  const conversion = `written in ${year} dollars, converted to ${outputYear} dollars: x ${formatFactor(factor)} (cost.deflators)`;
  out.note = rec.note ? `${rec.note}; ${conversion}` : conversion;
  return out;
}

function formatFactor(factor: number): string {
  return String(Number(factor.toPrecision(6)));
}

/** One tranche entry with its money converted. */
function convertItem(
  item: ItemReading,
  path: string,
  spec: ItemListField,
  factorOf: (path: string, money: Reading) => number | undefined,
  outputYear: number | undefined,
): ItemReading {
  const fields = new Map<string, Reading>();
  for (const [key, r] of item.fields) {
    const row = spec.items.find((s) => s.key === key)!;
    if (!row.currencyYear) {
      fields.set(key, r);
      continue;
    }
    const factor = factorOf(`${path}.${key}`, r);
    fields.set(key, factor === undefined ? r : convert(r, factor, r.currencyYear?.year ?? outputYear, outputYear));
  }
  return { ...item, fields };
}

/** A tranche name: snake_case words (letters, digits, `_`, `-`), as it names summary.csv metrics. */
const TRANCHE_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** The tranches, names unique and snake_case, each with exactly one condition; undefined (reported) otherwise. */
function readTranches(reading: Reading | undefined, issues: Issues): InvestmentTranche[] | undefined {
  if (!reading) return undefined;
  const tranches: InvestmentTranche[] = [];
  const firstLine = new Map<string, number>();
  let ok = true;
  for (const [i, item] of (reading.value as readonly ItemReading[]).entries()) {
    const field = (key: string) => item.fields.get(key);
    const name = field('name');
    if (name && !TRANCHE_NAME.test(name.value as string)) {
      // The name becomes part of summary.csv metric names (tranche_<name>_...).
      issues.add('tranche_name', name.at, name.records[0]!.path, { name: name.value as string });
      ok = false;
    } else if (name) {
      const first = firstLine.get(name.value as string);
      if (first !== undefined) {
        issues.add('duplicate_tranche', name.at, name.records[0]!.path, { name: name.value as string, firstLine: first });
        ok = false;
      } else firstLine.set(name.value as string, name.at.line);
    }
    const [on, energised] = [item.given.has('on'), item.given.has('when_energised')];
    if (on === energised) {
      issues.add('tranche_condition', item.at, `${TRANCHES}[${i}]`, { both: on });
      ok = false;
      continue;
    }
    const amount = field('amount');
    const date = field('on');
    const mw = field('when_energised');
    if (!name || !amount || (on && !date) || (energised && !mw)) {
      ok = false;
      continue;
    }
    const condition: TrancheCondition = date ? { kind: 'date', date: date.value as string } : { kind: 'energised_critical_it', mw: mw!.value as number };
    tranches.push({ name: name.value as string, amountUsd: amount.value as number, condition });
  }
  return ok ? tranches : undefined;
}

/** A phase's chip columns: its chip, and the chip its refresh brings. */
function chipColumns(phase: PhaseSpec): [string, 'chip' | 'refresh_to'][] {
  return [[phase.chip, 'chip'], ...(phase.refreshTo ? [[phase.refreshTo, 'refresh_to'] as [string, 'refresh_to']] : [])];
}

/** The path of the mapping a row's `*` matches keys of (`cost.it` for `cost.it.*.server_per_chip`); undefined without `*`. */
function starPrefix(key: string): string | undefined {
  const star = key.indexOf('*');
  return star < 0 ? undefined : key.slice(0, star - 1);
}

/**
 * cfe.yaml's costs restated in cost.yaml's currency year (cost.deflators), so that every
 * dollar gwplan writes is of one year. A cfe currency year without a deflator is reported
 * at cfe.costs.currency_year.
 */
export function restateCfeCosts(cfe: CfeInputs, cost: CostBuild, cfeValues: FieldValues, issues: Issues): CfeInputs {
  const outputYear = cost.cost!.currencyYear;
  const from = cfe.costs.currencyYear ?? outputYear;
  if (from === outputYear) return cfe;
  const factor = cost.conversionFactor(from);
  if (factor === undefined) {
    const at = cfeValues.keyAt.get('cfe.costs.currency_year') ?? { file: cost.file, line: 1, column: 1 };
    issues.add('missing_deflator', at, 'cfe.costs.currency_year', { year: from, outputYear, whose: 'value' });
    return cfe;
  }
  const c = cfe.costs;
  const technology = Object.fromEntries(
    TECHNOLOGIES.map((t) => {
      const x = c.technology[t];
      return [t, { ...x, capexUsdPerKw: x.capexUsdPerKw * factor, fixedOmUsdPerKwYear: x.fixedOmUsdPerKwYear * factor, variableUsdPerMwh: x.variableUsdPerMwh * factor }];
    }),
  ) as CfeInputs['costs']['technology'];
  const battery = {
    ...c.battery,
    powerCapexUsdPerKw: c.battery.powerCapexUsdPerKw * factor,
    energyCapexUsdPerKwh: c.battery.energyCapexUsdPerKwh * factor,
    fixedOmUsdPerKwYear: c.battery.fixedOmUsdPerKwYear * factor,
  };
  return {
    ...cfe,
    costs: { ...c, technology, battery, gridUsdPerMwh: c.gridUsdPerMwh * factor, currencyYear: outputYear, restatedFrom: { year: from, factor } },
  };
}
