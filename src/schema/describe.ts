/**
 * The words shared by the JSON Schemas' descriptions and docs/assumptions.md: how a
 * field is written (its unit, as a person writes it), its allowed range, its flags, and
 * where its shipped value comes from.
 */
import type { Bounds, FieldSpec } from '../loader/fieldTable.js';
import type { Dimension } from '../loader/quantity.js';
import type { ShippedValue } from './shipped.js';

/** How a quantity of each dimension is written, with an example. */
const DIMENSION_FORMS: Readonly<Record<Dimension, { words: string; example: string }>> = {
  number: { words: 'a plain number', example: '0.5' },
  power: { words: 'a power', example: '1.2 kW' },
  energy: { words: 'an energy', example: '10715 kWh' },
  duration: { words: 'a duration', example: '6 months' },
  massPerEnergy: { words: 'an emission factor (mass per energy)', example: '380 kg/MWh' },
  volumePerEnergy: { words: 'a volume per energy', example: '0.15 L/kWh' },
  computeRate: { words: 'a compute rate', example: '2517 TFLOP/s' },
  dataSize: { words: 'a data size', example: '144 GiB' },
  mass: { words: 'a mass', example: '1 t' },
  length: { words: 'a length', example: '1 km' },
  area: { words: 'an area', example: '1 m2' },
  volume: { words: 'a volume', example: '1 m3' },
  compute: { words: 'an amount of compute', example: '1 EFLOP' },
  frequency: { words: 'a rate per time', example: '1 Hz' },
  cost: { words: 'an amount of money', example: '40 kUSD' },
  costPerPower: { words: 'a cost per power', example: '1100 USD/kW' },
  costPerEnergy: { words: 'a price per energy', example: '85 USD/MWh' },
  costPerPowerTime: { words: 'a cost per power per year', example: '20 USD/kW/year' },
};

/** A number without floating-point noise. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** `more than 0 W`, `between 0 and 1`, `at least 1`. */
export function rangeWords(bounds: Bounds, unit: string): string {
  const u = (n: number) => (unit === '1' || unit === '' ? formatNumber(n) : `${formatNumber(n)} ${unit}`);
  const low = bounds.min === undefined ? '' : `${bounds.minExclusive ? 'more than' : 'at least'} ${u(bounds.min)}`;
  const high = bounds.max === undefined ? '' : `${bounds.maxExclusive ? 'less than' : 'at most'} ${u(bounds.max)}`;
  if (low && high && !bounds.minExclusive && !bounds.maxExclusive) return `between ${u(bounds.min!)} and ${u(bounds.max!)}`;
  return [low, high].filter(Boolean).join(' and ');
}

/** The model unit a row's value is converted to ('' for text). */
export function unitOf(spec: FieldSpec): string {
  return 'measure' in spec ? spec.measure.unit : '';
}

/** How the value is written: `a power with its unit, such as "1.2 kW" (model unit W)`. */
export function formWords(spec: FieldSpec): string {
  if ('items' in spec) return 'a list of entries, each starting with "- "';
  if ('choices' in spec) return `one of ${spec.choices.options.join(', ')}`;
  if ('text' in spec) return spec.text === 'date' ? 'a calendar date, YYYY-MM-DD' : spec.text === 'path' ? 'a file path relative to the assumptions directory' : 'a name';
  const { dimension, unit } = spec.measure;
  const form = DIMENSION_FORMS[dimension];
  const one =
    dimension === 'number'
      ? spec.integer
        ? 'a whole number'
        : 'a plain number'
      : `${form.words} with its unit, such as "${form.example}" (model unit ${unit})`;
  return spec.list ? `a list of ${one.replace(/^an? /, '')}s, such as [0.8, 0.9]` : one;
}

/** Allowed range in the model unit, or '' when any value goes. */
export function allowedWords(spec: FieldSpec): string {
  if (!('measure' in spec) || !spec.bounds) return '';
  return rangeWords(spec.bounds, spec.measure.unit);
}

/** The row's flags in short sentences. */
export function flagWords(spec: FieldSpec): string[] {
  const flags: string[] = [];
  if (spec.yearly) flags.push('May vary by year: by_year: {2026: ..., 2030: ...}, a step schedule (each year takes the latest listed year at or before it).');
  if (spec.default !== undefined) flags.push(`Default when left out: ${spec.default}.`);
  else if (spec.optional) flags.push('Optional: may be left out.');
  if (spec.method) flags.push(`Belongs to the "${spec.method}" all-in power method.`);
  if (spec.currencyYear) flags.push('Money: may say which year\'s dollars it is written in with currency_year: beside value: (default: cost.currency_year).');
  if (spec.fixed && 'measure' in spec) flags.push('Fixed: takes no low, high or distribution (does not vary in uncertainty runs).');
  else if ('measure' in spec && !spec.list && !spec.integer) flags.push('May carry low and high (triangular in uncertainty runs) or a distribution:.');
  return flags;
}

/** `500 W (range 450 W to 600 W); analyst-estimate; source "SemiAnalysis ..."` */
export function shippedWords(value: ShippedValue): string {
  const range = value.low !== undefined || value.high !== undefined ? ` (range ${value.low ?? '?'} to ${value.high ?? '?'})` : '';
  const year = value.currencyYear !== undefined ? ` in ${value.currencyYear} dollars` : '';
  const byYear = value.byYear ? 'by year ' : '';
  const confidence = value.confidence ?? 'no confidence given';
  const source = value.source !== undefined ? `source "${value.source}"` : 'no source given';
  return `${byYear}${value.value}${year}${range}; ${confidence}; ${source}`;
}

/** The part of a value's path that names it among several (a chip, a tranche), or '' for a single value. */
export function memberOf(key: string, path: string): string {
  const star = key.indexOf('*');
  if (star >= 0) {
    const rest = path.slice(star);
    const suffix = key.slice(star + 1);
    return suffix && rest.endsWith(suffix) ? rest.slice(0, rest.length - suffix.length) : rest;
  }
  const list = /\[(\d+)\]/.exec(path);
  return list ? `entry ${Number(list[1]) + 1}` : '';
}

/**
 * The description of a field: meaning, form, range, flags, and the shipped values (left out
 * when `shipped` is undefined: a list of entries, whose entries' values are described per key).
 */
export function fieldDescription(spec: FieldSpec, key: string, meaning: string, shipped: readonly ShippedValue[] | undefined, where: string): string {
  const lines = [meaning];
  const allowed = allowedWords(spec);
  lines.push(`Written as ${formWords(spec)}${allowed ? `; allowed: ${allowed}` : ''}.`);
  lines.push(...flagWords(spec));
  const member = (value: ShippedValue) => value.member ?? memberOf(key, value.path);
  if (shipped === undefined) return lines.join('\n');
  if (shipped.length === 1 && member(shipped[0]!) === '') lines.push(`Shipped (${where}): ${shippedWords(shipped[0]!)}`);
  else if (shipped.length > 0) {
    lines.push(`Shipped (${where}):`);
    for (const value of shipped) lines.push(`- ${member(value)}: ${shippedWords(value)}`);
  } else lines.push(`Not set in the shipped ${where}.`);
  return lines.join('\n');
}
