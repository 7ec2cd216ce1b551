/**
 * Quantities as people write them ("1.2 kW", "6 months", "2 GW * 0.25"): parsed
 * with a restricted mathjs instance, checked for dimension, converted once to
 * a model unit. The only file that touches mathjs.
 */
import {
  addDependencies,
  create,
  createUnitDependencies,
  divideDependencies,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unitDependencies,
  type ConstantNode,
  type FactoryFunctionMap,
  type MathNode,
  type OperatorNode,
  type ParenthesisNode,
  type SymbolNode,
  type Unit,
} from 'mathjs';
import { nearest } from './suggest.js';

// Only the factories expressions need: the full default instance costs ~1 s
// to import, and esbuild tree-shakes everything not named here. Even so,
// creating the instance costs ~90 ms, so it is created on the first string
// that is not in the memo (see below), never at import.
// (The typings declare each dependency map as possibly undefined.)
function createMath() {
  const math = create({
    addDependencies,
    createUnitDependencies,
    divideDependencies,
    multiplyDependencies,
    parseDependencies,
    powDependencies,
    subtractDependencies,
    unaryMinusDependencies,
    unitDependencies,
  } as FactoryFunctionMap);

  // FLOP is not a mathjs unit: a new base dimension makes `TFLOP/s` a compute rate.
  math.createUnit('FLOP', { prefixes: 'short' });
  math.createUnit('FLOPS', { definition: '1 FLOP/s', prefixes: 'short' });
  // Emission factors are often written per kg or tonne "CO2e": a label on a mass.
  math.createUnit('gCO2e', { definition: '1 g', prefixes: 'short' });
  math.createUnit('tCO2e', '1000 kg');
  // Money is its own base dimension: `1100 USD/kW` is a cost per power, `85 USD/MWh` a cost
  // per energy. No prefixes (a stray `mUSD` would read as a thousandth of a dollar).
  math.createUnit('USD');
  // Thousands and millions of dollars, spelt as one word: `11.7 MUSD/MW`, `40 kUSD`. (Billions:
  // `15e9 USD` or `15000 MUSD`; `M USD` with a space is a unit M times USD, and M is no unit.)
  math.createUnit('kUSD', '1000 USD');
  math.createUnit('MUSD', '1e6 USD');
  // Note: mathjs `month` is 1/12 of a 365.25-day year, so `6 months` = 4383 h,
  // and `year` is 365.25 days.

  const parse = math.parse;
  // Lock the instance down (mathjs security guidance): nothing can redefine
  // units or reach a parser or evaluator once it is set up.
  const disabled = (name: string) => () => {
    throw new Error(`${name} is disabled`);
  };
  math.import(
    Object.fromEntries(
      ['import', 'createUnit', 'evaluate', 'parse', 'compile', 'simplify', 'derivative', 'resolve'].map((name) => [
        name,
        disabled(name),
      ]),
    ),
    { override: true },
  );
  const operations = {
    add: math.add,
    subtract: math.subtract,
    multiply: math.multiply,
    divide: math.divide,
    pow: math.pow,
    unaryMinus: math.unaryMinus,
  } as unknown as Readonly<Record<string, (...args: Value[]) => Value>>;
  const references = Object.entries(REFERENCE_UNITS).map(([dimension, unit]) => ({
    dimension: dimension as Dimension,
    unit: math.unit(unit),
  }));
  return { parse, unit: (name: string) => math.unit(name), isValuelessUnit: (name: string) => math.Unit.isValuelessUnit(name), operations, references };
}

let mathInstance: ReturnType<typeof createMath> | undefined;
function mathjs(): ReturnType<typeof createMath> {
  mathInstance ??= createMath();
  return mathInstance;
}

/** Physical dimensions an assumption can have; `number` is a plain (dimensionless) number. */
export type Dimension =
  | 'number'
  | 'power'
  | 'energy'
  | 'duration'
  | 'massPerEnergy'
  | 'volumePerEnergy'
  | 'computeRate'
  | 'dataSize'
  | 'mass'
  | 'length'
  | 'area'
  | 'volume'
  | 'compute'
  | 'frequency'
  | 'cost'
  | 'costPerPower'
  | 'costPerEnergy'
  | 'costPerPowerTime';

const COST_DIMENSIONS: ReadonlySet<Dimension> = new Set(['cost', 'costPerPower', 'costPerEnergy', 'costPerPowerTime']);

/** A unit of each dimension, to recognise it with `equalBase`. */
const REFERENCE_UNITS: Readonly<Record<Exclude<Dimension, 'number'>, string>> = {
  power: 'W',
  energy: 'Wh',
  duration: 's',
  massPerEnergy: 'kg/Wh',
  volumePerEnergy: 'L/Wh',
  computeRate: 'FLOP/s',
  dataSize: 'B',
  // Known only to name what was written instead of what was expected.
  mass: 'kg',
  length: 'm',
  area: 'm2',
  volume: 'L',
  compute: 'FLOP',
  frequency: 'Hz',
  costPerPower: 'USD/W',
  costPerEnergy: 'USD/Wh',
  // Same base as costPerEnergy (a kW-year is an energy): told apart by how it is written, see describe().
  costPerPowerTime: 'USD/(W*s)',
  cost: 'USD',
};

/** Candidates for "did you mean" on an unknown unit. */
const COMMON_UNITS = [
  ...['W', 'kW', 'MW', 'GW', 'Wh', 'kWh', 'MWh', 'GWh', 'h', 'days', 'months', 'years', 's'],
  ...['kg', 't', 'kgCO2e', 'tCO2e', 'L', 'm3', 'FLOP', 'TFLOP', 'PFLOP', 'TFLOPS', 'B', 'GB', 'GiB', 'TB', 'TiB', 'USD', 'kUSD', 'MUSD'],
];

/** A dimension and the model unit its values are converted to (`1` for plain numbers). */
export interface Measure {
  dimension: Dimension;
  unit: string;
  /** Unit for "such as ..." examples when the model unit reads badly (default: `unit`). */
  exampleUnit?: string;
}

/** Why a written quantity was refused; messages.ts turns this into text. */
export type QuantityProblem =
  | { code: 'bad_expression'; detail: string; example: string }
  | { code: 'disallowed_expression'; nodeType: string; name: string }
  | { code: 'unknown_unit'; unit: string; suggestion: string | undefined; example: string }
  | { code: 'mixed_dimensions'; op: string; left: Found; right: Found }
  | { code: 'no_number'; example: string }
  | { code: 'not_finite' }
  | { code: 'wrong_dimension'; found: Found; example: string };

/** What a value turned out to be: a known dimension, or the units of an unnamed one. */
export type Found = { dimension: Dimension } | { units: string };

export type QuantityResult = { ok: true; value: number; measure: Measure } | { ok: false; problem: QuantityProblem };

type Value = number | Unit;

class Rejected extends Error {
  constructor(readonly problem: QuantityProblem) {
    super(problem.code);
  }
}

/**
 * Parse `written` (a YAML number is already a plain number) and convert it to
 * the model unit of the first of `expected` whose dimension it has.
 */
export function parseQuantity(written: string | number, expected: readonly Measure[]): QuantityResult {
  if (typeof written === 'number') return convert(written, String(written), expected);
  // A string is parsed by mathjs once per process, or never when a saved memo has it.
  const key = memoKey(written, expected);
  const known = memo.get(key);
  if (known) return { ok: true, value: known.value, measure: expected[known.measure]! };
  const result = parseWritten(written, expected);
  if (result.ok && !Object.is(result.value, -0)) {
    memo.set(key, { value: result.value, measure: expected.indexOf(result.measure) });
    added++;
  }
  return result;
}

function parseWritten(written: string, expected: readonly Measure[]): QuantityResult {
  const example = exampleFor(written, expected);
  let value: Value;
  try {
    const node = mathjs().parse(written);
    checkAllowed(node, example);
    value = evaluate(node);
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, problem: error.problem };
    return { ok: false, problem: { code: 'bad_expression', detail: (error as Error).message, example } };
  }
  return convert(value, written, expected);
}

function convert(value: Value, written: string, expected: readonly Measure[]): QuantityResult {
  const example = exampleFor(written, expected);
  if (typeof value !== 'number' && value.value === null) return { ok: false, problem: { code: 'no_number', example } };
  const found = describe(value);
  const measure = expected.find((m) => 'dimension' in found && m.dimension === found.dimension);
  if (!measure) return { ok: false, problem: { code: 'wrong_dimension', found, example } };
  let converted = typeof value === 'number' ? value : value.toNumber(measure.unit);
  if (!Number.isFinite(converted)) return { ok: false, problem: { code: 'not_finite' } };
  // Converting through mathjs's base units leaves float noise (1400 USD/kW -> 1399.9999999999998);
  // a cost is recorded to 12 significant digits, far finer than any cost is known.
  if (COST_DIMENSIONS.has(measure.dimension)) converted = Number(converted.toPrecision(12));
  return { ok: true, value: converted, measure };
}

// ---- memo of parsed strings ------------------------------------------------------------------
// What a string converts to depends only on the string and the measures asked for, so results
// are kept by both. The command line saves the memo beside its bundle and seeds it on the next
// run (src/cli/quantityMemo.ts): an unchanged assumption file then needs no mathjs at all.

/** A converted value and the index in `expected` of the measure it was converted to. */
export interface MemoEntry {
  value: number;
  measure: number;
}

const memo = new Map<string, MemoEntry>();
/** Entries parsed (not seeded) since the memo was last seeded or read out. */
let added = 0;

function memoKey(written: string, expected: readonly Measure[]): string {
  let key = written;
  for (const m of expected) key += `\u0000${m.dimension}:${m.unit}`;
  return key;
}

/** Add saved entries (a key must come from quantityMemoEntries of the same build). */
export function seedQuantityMemo(entries: Readonly<Record<string, MemoEntry>>): void {
  for (const [key, entry] of Object.entries(entries)) memo.set(key, entry);
}

/** Every entry, and whether any was parsed since the last call (so there is something new to save). */
export function quantityMemoEntries(): { entries: Record<string, MemoEntry>; changed: boolean } {
  const changed = added > 0;
  added = 0;
  return { entries: Object.fromEntries(memo), changed };
}

/** Whitelist the syntax tree before anything is evaluated. */
function checkAllowed(root: MathNode, example: string): void {
  // `11.7 M USD/MW`: the prefix belongs in the unit's name (MUSD).
  const money = root.filter((node) => node.type === 'SymbolNode' && (node as SymbolNode).name === 'USD').length > 0;
  root.traverse((node) => {
    switch (node.type) {
      case 'ParenthesisNode':
        return;
      case 'ConstantNode':
        if (typeof (node as ConstantNode).value === 'number') return;
        throw new Rejected({ code: 'disallowed_expression', nodeType: node.type, name: String((node as ConstantNode).value) });
      case 'OperatorNode':
        if (Object.hasOwn(mathjs().operations, (node as OperatorNode).fn)) return;
        throw new Rejected({ code: 'disallowed_expression', nodeType: node.type, name: (node as OperatorNode).op });
      case 'SymbolNode': {
        const name = (node as SymbolNode).name;
        if (mathjs().isValuelessUnit(name)) return;
        const suggestion = money && (name === 'k' || name === 'M') ? `${name}USD` : nearest(name, COMMON_UNITS);
        throw new Rejected({ code: 'unknown_unit', unit: name, suggestion, example });
      }
      default:
        throw new Rejected({ code: 'disallowed_expression', nodeType: node.type, name: nodeName(node) });
    }
  });
}

function nodeName(node: MathNode): string {
  const name = (node as { name?: unknown }).name;
  return typeof name === 'string' ? name : '';
}

function evaluate(node: MathNode): Value {
  switch (node.type) {
    case 'ConstantNode':
      return (node as ConstantNode).value as number;
    case 'SymbolNode':
      return mathjs().unit((node as SymbolNode).name);
    case 'ParenthesisNode':
      return evaluate((node as ParenthesisNode).content);
    default: {
      const { fn, op, args } = node as OperatorNode;
      const values = args.map(evaluate);
      if ((fn === 'add' || fn === 'subtract') && !sameDimension(values[0]!, values[1]!)) {
        throw new Rejected({ code: 'mixed_dimensions', op, left: describe(values[0]!), right: describe(values[1]!) });
      }
      return mathjs().operations[fn]!(...values);
    }
  }
}

function sameDimension(a: Value, b: Value): boolean {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === typeof b;
  if (!a.equalBase(b)) return false;
  // `USD/MWh + USD/kW/year` share a base but not a meaning.
  const [da, db] = [describe(a), describe(b)];
  return !('dimension' in da && 'dimension' in db) || da.dimension === db.dimension;
}

function describe(value: Value): Found {
  if (typeof value === 'number') return { dimension: 'number' };
  const match = mathjs().references.find((r) => value.equalBase(r.unit));
  if (!match) return { units: value.formatUnits() };
  // USD/MWh and USD/kW/year have the same base (a kW-year is an energy). A fixed O&M cost is
  // written per power per time, a price per energy unit: a time unit in the denominator
  // (`/year`, `/month`) says which was meant, so `22 USD/MWh` is refused as a fixed O&M cost.
  if (match.dimension === 'costPerEnergy' || match.dimension === 'costPerPowerTime') {
    const perTime = value.units.some((u) => u.power < 0 && u.unit.base.key === 'TIME');
    return { dimension: perTime ? 'costPerPowerTime' : 'costPerEnergy' };
  }
  return { dimension: match.dimension };
}

/** "such as ..." example: the number the person wrote, in the model unit of the expected dimension. */
function exampleFor(written: string, expected: readonly Measure[]): string {
  const number = /^\s*-?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?/i.exec(written)?.[0].trim() ?? '1';
  const unit = expected[0]?.exampleUnit ?? expected[0]?.unit ?? '1';
  return unit === '1' ? number : `${number} ${unit}`;
}
