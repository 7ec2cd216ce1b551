/**
 * The distribution syntax, shared by a value's inline `distribution:` (with
 * `low`/`high` beside `value`) and the entries of uncertainty.yaml: reading a
 * distribution as written, then resolving it against the number it varies,
 * in model units, with every parameter checked where it is written.
 * docs/uncertainty-inputs.md describes the syntax and its rules.
 */
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { pointValue } from '../uncertainty/distributions.js';
import type { Distribution } from '../uncertainty/types.js';
import { readChoice, readQuantity, withinBounds, type Provenance } from './assumptionValue.js';
import { CONFIDENCE, type Bounds } from './fieldTable.js';
import type { Issues } from './issues.js';
import type { Measure } from './quantity.js';
import { nearest } from './suggest.js';
import type { Confidence, SourceLocation } from './types.js';
import { nodeKind, scalarText, type YamlEntry, type YamlSource } from './yamlSource.js';

export const DISTRIBUTION_TYPES = ['triangular', 'pert', 'uniform', 'normal', 'lognormal', 'choice', 'none'] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

/** PERT's lambda when none is given (method.md §8). */
export const DEFAULT_PERT_LAMBDA = 4;
/** Relative tolerance of "the value is the median" and of "weights sum to 1". */
export const MEDIAN_TOLERANCE = 1e-9;
export const WEIGHT_TOLERANCE = 1e-9;

/**
 * Keys each type takes beside `type`. Inline, `low` and `high` sit beside
 * `value` (the value is the mode, or the normal's mean), so the distribution
 * mapping holds only the rest; an uncertainty.yaml entry gives them all, and
 * may give `mode` (default: the point value).
 */
export const INLINE_KEYS: Readonly<Record<DistributionType, readonly string[]>> = {
  triangular: [],
  pert: ['lambda'],
  uniform: [],
  normal: ['sd'],
  lognormal: ['p10', 'p90'],
  choice: [],
  none: [],
};
export const FILE_KEYS: Readonly<Record<DistributionType, readonly string[]>> = {
  triangular: ['low', 'mode', 'high'],
  pert: ['low', 'mode', 'high', 'lambda'],
  uniform: ['low', 'high'],
  normal: ['sd', 'low', 'high'],
  lognormal: ['p10', 'p90'],
  choice: ['options'],
  none: [],
};
export const PROVENANCE_KEYS = ['source', 'confidence', 'note'] as const;

/** A parameter as written: a YAML number, or text such as `1.2 kW`. */
export interface RawParam {
  raw: string | number;
  written: string;
  at: SourceLocation;
}

/** A distribution as written, before it is resolved against the value it varies. */
export interface DistributionDecl {
  type: DistributionType;
  /** Where it is declared: the `distribution:` key inline, the entry's key in uncertainty.yaml. */
  at: SourceLocation;
  /** Numeric parameters by key (`low`, `mode`, `high`, `lambda`, `sd`, `p10`, `p90`). */
  params: ReadonlyMap<string, RawParam>;
  /** A choice's options, in file order. */
  options?: readonly { name: string; weight: RawParam }[];
  optionsAt?: SourceLocation;
  provenance: Provenance;
}

/**
 * Read a distribution node: a type name (`pert`), or a mapping with `type:`
 * and its parameters. `inline` for a value's `distribution:`; otherwise an
 * uncertainty.yaml entry, which may also give source, confidence and note.
 * Undefined (reported) when unusable.
 */
export function readDistribution(
  node: unknown,
  keyAt: SourceLocation,
  path: string,
  src: YamlSource,
  issues: Issues,
  inline: boolean,
): DistributionDecl | undefined {
  const kind = nodeKind(node);
  if (kind === 'value' && isScalar(node)) {
    const type = readType(node, path, src, issues);
    return type && { type, at: keyAt, params: new Map(), provenance: {} };
  }
  if (!isMap(node)) {
    issues.add('wrong_type', kind === 'nothing' ? keyAt : src.at(node), path, { found: kind, expected: 'distribution' });
    return undefined;
  }
  const entries = src.entries(node as YAMLMap, path, issues);
  const typeEntry = entries.find((e) => e.key === 'type');
  if (!typeEntry) {
    issues.add('missing_field', src.at(node), `${path}.type`, { key: 'type', parent: path.split('.').pop() ?? '', choices: DISTRIBUTION_TYPES });
    return undefined;
  }
  const type = isScalar(typeEntry.value) && typeEntry.value.value !== null ? readType(typeEntry.value, `${path}.type`, src, issues) : undefined;
  if (!type) {
    if (!isScalar(typeEntry.value) || typeEntry.value.value === null) {
      issues.add('wrong_type', src.valueAt(typeEntry), `${path}.type`, { found: nodeKind(typeEntry.value), expected: 'text' });
    }
    return undefined;
  }
  const allowed = ['type', ...(inline ? INLINE_KEYS : FILE_KEYS)[type], ...(inline ? [] : PROVENANCE_KEYS)];
  const decl: { params: Map<string, RawParam>; options?: { name: string; weight: RawParam }[]; optionsAt?: SourceLocation; provenance: Provenance } = {
    params: new Map(),
    provenance: {},
  };
  let usable = true;
  for (const entry of entries) {
    if (entry.key === 'type') continue;
    const at = `${path}.${entry.key}`;
    if (!allowed.includes(entry.key)) {
      issues.add('unknown_field', entry.keyAt, at, { key: entry.key, suggestion: nearest(entry.key, allowed), allowed });
      usable = false;
    } else if ((PROVENANCE_KEYS as readonly string[]).includes(entry.key)) {
      if (!readProvenanceKey(entry, at, src, issues, decl.provenance)) usable = false;
    } else if (entry.key === 'options') {
      const options = readOptions(entry, at, src, issues);
      if (options) {
        decl.options = options;
        decl.optionsAt = entry.keyAt;
      } else usable = false;
    } else {
      const param = rawParam(entry, at, src, issues);
      if (param) decl.params.set(entry.key, param);
      else usable = false;
    }
  }
  return usable ? { type, at: keyAt, ...decl } : undefined;
}

function readType(node: { value: unknown }, path: string, src: YamlSource, issues: Issues): DistributionType | undefined {
  const written = String(node.value).trim();
  if ((DISTRIBUTION_TYPES as readonly string[]).includes(written)) return written as DistributionType;
  issues.add('unknown_distribution', src.at(node), path, { written, suggestion: nearest(written, DISTRIBUTION_TYPES), allowed: DISTRIBUTION_TYPES });
  return undefined;
}

function rawParam(entry: YamlEntry, path: string, src: YamlSource, issues: Issues): RawParam | undefined {
  const kind = nodeKind(entry.value);
  if (kind !== 'value' || !isScalar(entry.value)) {
    if (kind === 'nothing') issues.add('no_value', entry.keyAt, path, { yearly: false });
    else issues.add('wrong_type', src.valueAt(entry), path, { found: kind, expected: 'value' });
    return undefined;
  }
  const value = entry.value.value;
  return { raw: typeof value === 'number' ? value : String(value), written: scalarText(entry.value), at: src.at(entry.value) };
}

function readOptions(entry: YamlEntry, path: string, src: YamlSource, issues: Issues): { name: string; weight: RawParam }[] | undefined {
  if (!isMap(entry.value)) {
    issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'options' });
    return undefined;
  }
  const options: { name: string; weight: RawParam }[] = [];
  let usable = true;
  for (const option of src.entries(entry.value, path, issues)) {
    const weight = rawParam(option, `${path}.${option.key}`, src, issues);
    if (weight) options.push({ name: option.key, weight });
    else usable = false;
  }
  return usable ? options : undefined;
}

function readProvenanceKey(entry: YamlEntry, path: string, src: YamlSource, issues: Issues, provenance: Provenance): boolean {
  if (!isScalar(entry.value) || entry.value.value === null || typeof entry.value.value === 'object') {
    issues.add('wrong_type', src.valueAt(entry), path, { found: nodeKind(entry.value), expected: 'text' });
    return false;
  }
  const text = String(entry.value.value);
  if (entry.key === 'confidence') {
    const word = readChoice(CONFIDENCE, text, src.at(entry.value), path, issues);
    if (!word) return false;
    provenance.confidence = word as Confidence;
  } else provenance[entry.key as 'source' | 'note'] = text;
  return true;
}

/** A number as written, in the model unit, and where. */
export interface Given {
  value: number;
  written: string;
  at: SourceLocation;
}

/** The number a distribution varies, and what it may be. */
export interface NumericTarget {
  /** The assumption's path, e.g. `chips.trainium3.tdp`. */
  path: string;
  measure: Measure;
  bounds?: Bounds;
  /** The deterministic run's value, in `measure.unit` (0 for a date shift). */
  value: number;
  /** A date shift: the value is 0 (the date as written). */
  shift?: boolean;
  /** Inline: the `low` and `high` beside `value`, already read and checked against the bounds. */
  low?: Given;
  high?: Given;
}

/**
 * The distribution `decl` gives `target`, in model units; `none` when it is
 * declared certain (`none`); undefined (reported) when a parameter is wrong.
 */
export function resolveNumeric(decl: DistributionDecl, target: NumericTarget, issues: Issues, inline: boolean): Distribution | 'none' | undefined {
  const params = new ParamReader(decl, target, issues, inline);
  const { type } = decl;
  switch (type) {
    case 'none':
      return 'none';
    case 'choice':
      issues.add('choice_not_chip', decl.at, target.path, { inline });
      return undefined;
    case 'triangular':
    case 'pert':
    case 'uniform': {
      const low = params.range('low');
      const high = params.range('high');
      const mode = type === 'uniform' ? undefined : params.range('mode');
      const lambda = type === 'pert' ? params.plain('lambda') : undefined;
      if (params.failed) return undefined;
      if (!low || !high) return params.missing(type, [!low && 'low', !high && 'high']);
      if (!params.ordered(low, high)) return undefined;
      const modeValue = mode?.value ?? target.value;
      if (mode && (mode.value < low.value || mode.value > high.value)) {
        issues.add('mode_outside_range', mode.at, params.pathOf('mode'), { mode: mode.written, low: low.written, high: high.written });
        return undefined;
      }
      if (!params.includesPoint(low, high)) return undefined;
      if (type === 'uniform') return { kind: 'uniform', low: low.value, high: high.value };
      if (type === 'triangular') return { kind: 'triangular', low: low.value, mode: modeValue, high: high.value };
      if (lambda && !(lambda.value > 0)) {
        issues.add('bad_lambda', lambda.at, params.pathOf('lambda'), { written: lambda.written });
        return undefined;
      }
      return { kind: 'pert', low: low.value, mode: modeValue, high: high.value, lambda: lambda?.value ?? DEFAULT_PERT_LAMBDA };
    }
    case 'normal': {
      const sd = params.quantity('sd');
      const low = params.range('low');
      const high = params.range('high');
      if (params.failed) return undefined;
      if (!sd) return params.missing(type, ['sd']);
      if (!(sd.value > 0)) {
        issues.add('bad_sd', sd.at, params.pathOf('sd'), { written: sd.written });
        return undefined;
      }
      if (low && high && !params.ordered(low, high)) return undefined;
      if (!params.includesPoint(low, high)) return undefined;
      const b = target.bounds ?? {};
      const min = Math.max(b.min ?? Number.NEGATIVE_INFINITY, low?.value ?? Number.NEGATIVE_INFINITY);
      const max = Math.min(b.max ?? Number.POSITIVE_INFINITY, high?.value ?? Number.POSITIVE_INFINITY);
      if (!(min < max)) {
        issues.add('normal_no_room', (low ?? high)?.at ?? decl.at, target.path, { min: show(min, target), max: show(max, target) });
        return undefined;
      }
      const d: Distribution = { kind: 'normal', mean: target.value, sd: sd.value, min, max };
      return params.medianIsValue(d, sd.value) ? d : undefined;
    }
    case 'lognormal': {
      const p10 = params.quantity('p10');
      const p90 = params.quantity('p90');
      if (params.failed) return undefined;
      if (!p10 || !p90) return params.missing(type, [!p10 && 'p10', !p90 && 'p90']);
      if (!(p10.value > 0)) {
        issues.add('lognormal_not_positive', p10.at, params.pathOf('p10'), { written: p10.written });
        return undefined;
      }
      if (!(p10.value < p90.value)) {
        issues.add('lognormal_order', p10.at, params.pathOf('p10'), { p10: p10.written, p90: p90.written });
        return undefined;
      }
      const b = target.bounds;
      if (b && (b.max !== undefined || (b.min !== undefined && b.min > 0))) {
        issues.add('unbounded_distribution', decl.at, target.path, { bounds: b, unit: target.measure.unit });
        return undefined;
      }
      const d: Distribution = { kind: 'lognormal', p10: p10.value, p90: p90.value };
      return params.medianIsValue(d, p90.value - p10.value, (target.value * target.value) / p10.value) ? d : undefined;
    }
  }
}

/** A number as written in messages: in the model unit. */
function show(value: number, target: NumericTarget): string {
  const unit = target.measure.unit === '1' ? '' : ` ${target.measure.unit}`;
  return `${Number(value.toPrecision(12))}${unit}`;
}

/** Reads one declaration's parameters for one target; remembers whether any was wrong (reported). */
class ParamReader {
  failed = false;

  constructor(
    private readonly decl: DistributionDecl,
    private readonly target: NumericTarget,
    private readonly issues: Issues,
    private readonly inline: boolean,
  ) {}

  /** Issue path of a parameter: `chips.trainium3.tdp.distribution.sd` inline, `chips.trainium3.tdp.sd` in uncertainty.yaml. */
  pathOf(key: string): string {
    const inlineRange = this.inline && (key === 'low' || key === 'high');
    return `${this.target.path}${this.inline && !inlineRange ? '.distribution' : ''}.${key}`;
  }

  /** A quantity in the target's unit, dimension-checked; no bounds. */
  quantity(key: string): Given | undefined {
    const param = this.decl.params.get(key);
    if (!param) return undefined;
    const q = readQuantity(param.raw, param.written, [this.target.measure], {}, param.at, this.pathOf(key), this.issues);
    if (!q) {
      this.failed = true;
      return undefined;
    }
    return { value: q.value, written: param.written, at: param.at };
  }

  /** A plain number (PERT's lambda). */
  plain(key: string): Given | undefined {
    const param = this.decl.params.get(key);
    if (!param) return undefined;
    const q = readQuantity(param.raw, param.written, [{ dimension: 'number', unit: '1' }], {}, param.at, this.pathOf(key), this.issues);
    if (!q) {
      this.failed = true;
      return undefined;
    }
    return { value: q.value, written: param.written, at: param.at };
  }

  /** low, high or mode: a value samples may take, so within the field's bounds. Inline low/high come read and checked. */
  range(key: 'low' | 'mode' | 'high'): Given | undefined {
    if (this.inline && key !== 'mode') return this.target[key];
    const value = this.quantity(key);
    const bounds = this.target.bounds;
    if (value && bounds && !withinBounds(value.value, bounds)) {
      this.issues.add('range_outside_bounds', value.at, this.pathOf(key), { key, written: value.written, bounds, unit: this.target.measure.unit });
      this.failed = true;
      return undefined;
    }
    return value;
  }

  missing(type: DistributionType, keys: readonly (string | false)[]): undefined {
    const missing = keys.filter((k): k is string => k !== false);
    this.issues.add('missing_distribution_parameter', this.decl.at, this.target.path, { type, missing, inline: this.inline });
    return undefined;
  }

  ordered(low: Given, high: Given): boolean {
    if (low.value <= high.value) return true;
    // Inline, readMapping has reported it already.
    if (!this.inline) this.issues.add('low_above_high', low.at, this.pathOf('low'), { low: low.written, high: high.written });
    return false;
  }

  /**
   * The deterministic run's value must be one the distribution can give.
   * Inline, readMapping has checked the value against low and high already.
   */
  includesPoint(low: Given | undefined, high: Given | undefined): boolean {
    if (this.inline) return true;
    const { value } = this.target;
    if ((low && value < low.value) || (high && value > high.value)) {
      this.issues.add('point_outside_range', this.decl.at, this.target.path, {
        point: show(value, this.target),
        low: low?.written ?? '-inf',
        high: high?.written ?? 'inf',
        shift: this.target.shift === true,
      });
      return false;
    }
    return true;
  }

  /** Normal and lognormal: the value must be the median (within MEDIAN_TOLERANCE, relative to the value or `scale`). */
  medianIsValue(d: Distribution, scale: number, p90ForValue?: number): boolean {
    const median = pointValue(d);
    const { value } = this.target;
    // Relative to the value; a value of 0 (a date shift) is compared on the scale of the spread.
    if (Math.abs(median - value) <= MEDIAN_TOLERANCE * Math.max(Math.abs(value), Math.abs(scale) * 1e-6)) return true;
    this.issues.add('median_not_value', this.decl.at, this.target.path, {
      type: d.kind as 'normal' | 'lognormal',
      median,
      value,
      unit: this.target.measure.unit,
      ...(p90ForValue !== undefined && { p90ForValue }),
    });
    return false;
  }
}

/** A choice among chips, resolved: weights in option order, and the index of the chip the deterministic run uses. */
export interface ResolvedChoice {
  distribution: Extract<Distribution, { kind: 'choice' }>;
  options: string[];
  pointValue: number;
}

/** A `type: choice` for a phase's chip; undefined (reported) when an option, a weight or the sum is wrong. */
export function resolveChoice(
  decl: DistributionDecl,
  target: { path: string; current: string; chips: readonly string[] },
  issues: Issues,
): ResolvedChoice | undefined {
  const options = decl.options;
  if (!options || options.length === 0) {
    issues.add('missing_distribution_parameter', decl.optionsAt ?? decl.at, target.path, { type: 'choice', missing: ['options'], inline: false });
    return undefined;
  }
  let usable = true;
  const weights: number[] = [];
  for (const { name, weight } of options) {
    const path = `${target.path}.options.${name}`;
    if (!target.chips.includes(name)) {
      issues.add('unknown_chip_option', weight.at, path, { chip: name, suggestion: nearest(name, target.chips), known: target.chips });
      usable = false;
    }
    const q = readQuantity(weight.raw, weight.written, [{ dimension: 'number', unit: '1' }], {}, weight.at, path, issues);
    if (!q) usable = false;
    else if (q.value < 0) {
      issues.add('negative_weight', weight.at, path, { written: weight.written });
      usable = false;
    } else weights.push(q.value);
  }
  if (!usable) return undefined;
  const sum = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    issues.add('choice_weights_sum', decl.optionsAt!, `${target.path}.options`, { sum });
    return undefined;
  }
  const names = options.map((o) => o.name);
  const current = names.indexOf(target.current);
  if (current < 0) {
    issues.add('current_chip_not_option', decl.optionsAt!, `${target.path}.options`, { chip: target.current, options: names });
    return undefined;
  }
  return { distribution: { kind: 'choice', weights }, options: names, pointValue: current };
}
