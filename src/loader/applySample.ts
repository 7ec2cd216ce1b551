/**
 * One sample of the uncertain inputs, applied to the model inputs: a new
 * ModelInputs per call, copy-on-write. Only the objects on the way from the
 * root to a varied value are copied (the root, `facility`, `chips`, the
 * varied chip and its `allInPower`, ...); every other branch is `base`'s own,
 * shared by reference, and `base` is never mutated.
 *
 * Everything that depends only on the inputs' paths (which containers to
 * copy, where each value goes, a phase's dates as day numbers) is worked out
 * once by compileSampleApplier, which compiles it into code: one small
 * function per copied object, building it as a literal with its final values,
 * so every property access has its own (monomorphic) inline cache. Only
 * property names of ModelInputs and numbers are written into that code;
 * names of chips and phases are data, never code.
 *
 * Values are in model units (UncertainInput.unit):
 * - `value`: the number replaces the assumption; a ByYear field takes it for
 *   every horizon year.
 * - `date_shift_hours`: the phase's energised_on, and its end_of_life with it,
 *   move by the shift rounded to whole days (half a day rounds later). The
 *   model reads dates as 00:00 UTC `YYYY-MM-DD` strings, so a date cannot
 *   move by part of a day.
 * - `choice`: the value is an option index; the option (a chip name) replaces
 *   the phase's chip or refresh_to.
 */
import { isoDateOfEpochDay } from '../model/calendar.js';
import type { ModelInputs } from '../model/inputs.js';
import type { UncertainInput } from '../uncertainty/types.js';
import { FIELD_TABLE, wildcardMatch, withName, type FieldSpec, type YamlFile } from './fieldTable.js';

export type SampleApplier = (values: ArrayLike<number>) => ModelInputs;

type Container = Record<string, unknown> | unknown[];

/** A container on the way to a varied value: copied per call, with the values set in it and the copied containers below it. */
interface CopyNode {
  id: number;
  base: Container;
  /** The compiled code's name for `base`. */
  baseName: string;
  /** JavaScript expressions of the values set here, by key. */
  values: Map<string, string>;
  /** Statements run before the copy is built (a shift in days, a chosen option), for the values set here. */
  prelude: string[];
  children: Map<string, CopyNode>;
}

const DAY_MS = 86_400_000;
const HOURS_PER_DAY = 24;
const PHASE_COLUMN = /^phases\.(.+)\.(energised_on|poi|chip|ramp|end_of_life|refresh_to)$/;
const CHIP_FIELD = /^chips\.(.+)\.([a-z0-9_]+)$/;
const SECTION_SPECS = new Map<string, FieldSpec>(
  (Object.keys(FIELD_TABLE) as YamlFile[]).filter((f) => f !== 'chips.yaml').flatMap((f) => FIELD_TABLE[f].map((s): [string, FieldSpec] => [s.key, s])),
);
const CHIP_SPECS = new Map(FIELD_TABLE['chips.yaml'].map((s) => [s.key.split('.').pop()!, s]));
/** Rows with a `*` outside chips.yaml (`cost.it.*.server_per_chip` → `cost.chips.*.serverUsdPerChip`). */
const WILDCARD_SPECS = [...SECTION_SPECS.values()].filter((s) => s.key.includes('*'));

/** The row a section path belongs to, and the ModelInputs field it fills (its `*` replaced). */
function sectionSpec(path: string): { spec: FieldSpec; field: string } | undefined {
  const spec = SECTION_SPECS.get(path);
  if (spec) return { spec, field: spec.field };
  for (const row of WILDCARD_SPECS) {
    const name = wildcardMatch(row.key, path);
    if (name !== undefined && row.field) return { spec: row, field: withName(row.field, name) };
  }
  return undefined;
}

/**
 * `(values) => ModelInputs` with `values[i]` applied as `uncertain[i]`
 * describes. Throws at once for a path `base` does not have (the loader
 * never hands out such an input), and per call for a `values` of the wrong
 * length or a choice index that is not an option.
 */
export function compileSampleApplier(base: ModelInputs, uncertain: readonly UncertainInput[]): SampleApplier {
  const compiler = new Compiler(base);
  uncertain.forEach((input, i) => compiler.add(input, i));
  return compiler.compile(uncertain.length);
}

/**
 * As compileSampleApplier, but every call writes its values into one working
 * copy and returns that copy, which the next call overwrites: use each result
 * before the next call (as the Monte Carlo does, evaluating each sample at
 * once). Why: building ~25 copied objects per sample was a tenth of a
 * sample's time, and each of their builder functions starts out interpreted.
 * The copy is made once: each container on the way to a varied value is
 * copied, every other branch is `base`'s own, and `base` is never mutated.
 */
export function compileSampleWriter(base: ModelInputs, uncertain: readonly UncertainInput[]): SampleApplier {
  const compiler = new Compiler(base);
  uncertain.forEach((input, i) => compiler.add(input, i));
  return compiler.compileInPlace(uncertain.length);
}

class Compiler {
  private readonly root: CopyNode;
  private readonly nodes: CopyNode[] = [];
  /** Values the compiled code refers to: base containers, option lists, the day formatter. */
  private readonly constants: unknown[] = [];
  private readonly day = this.constant(new DayText());

  constructor(private readonly base: ModelInputs) {
    this.root = this.node(base as unknown as Container);
  }

  /** Compile `input`, which `values[i]` will carry. */

  add(input: UncertainInput, i: number): void {
    const fail = (why: string): never => {
      throw new Error(`compileSampleApplier: ${input.path} (${input.target.kind}): ${why}`);
    };
    const value = `v[${i}]`;
    const phase = PHASE_COLUMN.exec(input.path);
    if (phase) {
      const [, name, column] = phase;
      const index = this.base.phases.findIndex((p) => p.name === name);
      if (index < 0) fail(`no phase "${name}"`);
      const spec = this.base.phases[index]!;
      const node = this.at(['phases', index]);
      const target = input.target;
      if (target.kind === 'date_shift_hours') {
        if (column !== 'energised_on') fail('a date shift applies to energised_on');
        // Whole days: the model reads dates as 00:00 UTC. Half a day rounds later.
        node.prelude.push(`const d${i} = Math.round(${value} / ${HOURS_PER_DAY});`);
        node.values.set('energisedOn', `${this.day}.of(${dayNumber(spec.energisedOn)} + d${i})`);
        if (spec.endOfLife !== undefined) node.values.set('endOfLife', `${this.day}.of(${dayNumber(spec.endOfLife)} + d${i})`);
        return;
      }
      if (target.kind === 'choice') {
        if (column !== 'chip' && column !== 'refresh_to') fail('a choice applies to chip or refresh_to');
        const options = this.constant(target.options);
        const check = this.constant((index: number) => {
          throw new RangeError(`applySample: ${input.path}: option index ${index} is not one of 0..${target.options.length - 1}`);
        });
        node.prelude.push(`const c${i} = ${options}[${value}];`, `if (c${i} === undefined) ${check}(${value});`);
        node.values.set(column === 'chip' ? 'chip' : 'refreshTo', `c${i}`);
        return;
      }
      if (column === 'ramp') node.values.set('rampHours', value);
      else if (column === 'poi') this.at(['phases', index, 'poi']).values.set(spec.poi.kind === 'mw' ? 'mw' : 'share', value);
      else fail(`${column} is not a number`);
      return;
    }

    if (input.target.kind !== 'value') fail('only phase columns take date shifts and choices');
    const chip = CHIP_FIELD.exec(input.path);
    if (chip) {
      const [, name, key] = chip;
      const index = this.base.chips.findIndex((c) => c.name === name);
      const spec = CHIP_SPECS.get(key!);
      if (index < 0 || !spec) return fail(`no chip "${name}" or field "${key}"`);
      if (spec.method && this.base.chips[index]!.allInPower.method !== spec.method) fail(`chip "${name}" does not use the ${spec.method} method`);
      this.at(spec.method ? ['chips', index, 'allInPower'] : ['chips', index]).values.set(spec.field, value);
      return;
    }
    const found = sectionSpec(input.path);
    if (!found || !('measure' in found.spec) || !found.field) return fail('not a numeric assumption');
    const { spec } = found;
    const keys = found.field.split('.');
    const field = keys.pop()!;
    // A `*` row's member (a chip's costs) must exist in base.
    const container = keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], this.base);
    if (container === null || typeof container !== 'object') fail(`no ${keys.join('.')} in the inputs`);
    if (!spec.yearly) {
      this.at(keys).values.set(field, value);
      return;
    }
    // A ByYear value: the same number every horizon year. The array is a copy node of its own,
    // so the in-place writer overwrites its entries instead of building an array per sample.
    const years = this.base.horizon.lastYear - this.base.horizon.firstYear + 1;
    const node = this.at([...keys, field]);
    if (!Array.isArray(node.base) || node.base.length !== years) fail(`expected one value per horizon year (${years})`);
    node.prelude.push(`const y${i} = ${value};`);
    for (let y = 0; y < years; y++) node.values.set(String(y), `y${i}`);
  }

  /** The copy node of the container at `keys` below the root, created (with its parents) on first use. */
  private at(keys: readonly (string | number)[]): CopyNode {
    let node = this.root;
    for (const key of keys) {
      let child = node.children.get(String(key));
      if (!child) {
        const base = (node.base as Record<string, unknown>)[key];
        if (base === null || typeof base !== 'object') throw new Error(`compileSampleApplier: no container at ${keys.join('.')}`);
        child = this.node(base as Container);
        node.children.set(String(key), child);
      }
      node = child;
    }
    return node;
  }

  private node(base: Container): CopyNode {
    const node: CopyNode = { id: this.nodes.length, base, baseName: this.constant(base), values: new Map(), prelude: [], children: new Map() };
    this.nodes.push(node);
    return node;
  }

  /** A name for a value the compiled code refers to. */
  private constant(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}`;
  }

  /**
   * One small function per copied container, returning its literal (base's
   * other values shared), called in a loop, children first. Why not one
   * function for all: V8's optimising compiler takes time superlinear in a
   * function's size, and the whole ModelInputs in one function took ~0.2 s
   * to optimise, running unoptimised meanwhile (for most of a run's samples).
   * Called from one call site in a loop, the small functions are not inlined
   * back into one, and each is optimised in about a millisecond.
   */
  compile(inputs: number): SampleApplier {
    // Post-order: a container's copies below it are built before it.
    const order: CopyNode[] = [];
    const visit = (node: CopyNode) => {
      for (const child of node.children.values()) visit(child);
      order.push(node);
    };
    visit(this.root);
    const slot = new Map(order.map((node, i) => [node, i]));
    const functions = order.map((node) => {
      const base = node.baseName;
      const entry = (key: string) => {
        const child = node.children.get(key);
        return node.values.get(key) ?? (child ? `built[${slot.get(child)}]` : `${base}[${JSON.stringify(key)}]`);
      };
      let literal: string;
      if (Array.isArray(node.base)) {
        literal = `[${node.base.map((_, i) => entry(String(i))).join(', ')}]`;
      } else {
        const keys = [...Object.keys(node.base), ...[...node.values.keys()].filter((k) => !Object.hasOwn(node.base, k))];
        literal = `{${keys.map((key) => `${JSON.stringify(key)}: ${entry(key)}`).join(', ')}}`;
      }
      return [`function n${node.id}(v, built) {`, ...node.prelude.map((line) => `  ${line}`), `  return ${literal};`, `}`];
    });
    const names = this.constants.map((_, i) => `k${i}`);
    const source = [
      `"use strict";`,
      ...functions.flat(),
      `const builders = [${order.map((node) => `n${node.id}`).join(', ')}];`,
      // Reused: each call writes every slot before reading it.
      `const built = new Array(${order.length}).fill(null);`,
      `return function applySample(v) {`,
      `  if (v.length !== ${inputs}) throw new RangeError("applySample: " + v.length + " values for ${inputs} uncertain inputs");`,
      `  for (let i = 0; i < ${order.length}; i++) built[i] = builders[i](v, built);`,
      `  return built[${order.length - 1}];`,
      `};`,
    ].join('\n');
    // The code holds only ModelInputs property names (JSON-quoted), numbers and the names above.
    return new Function(...names, source)(...this.constants) as SampleApplier;
  }

  /**
   * compileSampleWriter's function: the working copy is built here, once
   * (each copy node's container copied, its copied children linked in), and
   * the compiled code only assigns each call's values into it, in one function.
   */
  compileInPlace(inputs: number): SampleApplier {
    const copies = new Map<CopyNode, string>();
    const copy = (node: CopyNode): Container => {
      const container: Container = Array.isArray(node.base) ? [...node.base] : { ...node.base };
      for (const [key, child] of node.children) (container as Record<string, unknown>)[key] = copy(child);
      copies.set(node, this.constant(container));
      return container;
    };
    copy(this.root);
    const statements: string[] = [];
    for (const node of this.nodes) {
      statements.push(...node.prelude);
      // A by-year array with one value in every year is filled in one call: ten assignments each made the
      // function V8 compiles (and, until then, interprets) ten times longer for that input.
      const same = fillsWhole(node);
      if (same !== undefined) statements.push(`${copies.get(node)}.fill(${same});`);
      else for (const [key, expression] of node.values) statements.push(`${copies.get(node)}[${JSON.stringify(key)}] = ${expression};`);
    }
    const names = this.constants.map((_, i) => `k${i}`);
    const source = [
      `"use strict";`,
      `return function writeSample(v) {`,
      `  if (v.length !== ${inputs}) throw new RangeError("applySample: " + v.length + " values for ${inputs} uncertain inputs");`,
      ...statements.map((line) => `  ${line}`),
      `  return ${copies.get(this.root)};`,
      `};`,
    ].join('\n');
    // As in compile: only ModelInputs property names (JSON-quoted), numbers and the names above.
    return new Function(...names, source)(...this.constants) as SampleApplier;
  }
}

/** The one expression a copy node's array takes at every index, when it does; else undefined. */
function fillsWhole(node: CopyNode): string | undefined {
  if (!Array.isArray(node.base) || node.children.size > 0 || node.values.size !== node.base.length) return undefined;
  const expression = node.values.get('0');
  for (let i = 0; i < node.base.length; i++) if (node.values.get(String(i)) !== expression) return undefined;
  return expression;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (00:00 UTC). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number (by arithmetic, not Date); the few hundred days a phase's shifts reach are formatted once each. */
class DayText {
  private readonly cache = new Map<number, string>();

  of(day: number): string {
    let text = this.cache.get(day);
    if (text === undefined) {
      text = isoDateOfEpochDay(day) ?? new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.cache.set(day, text);
    }
    return text;
  }
}
