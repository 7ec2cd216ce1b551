/**
 * The loader's entry point: assumption files in; ModelInputs in model units,
 * with a provenance record per effective value, out — or every input problem
 * at once, located. Never throws for bad input.
 *
 * A scenario is base (the directory's files) with the overlays of its chain
 * applied in order, base → … → the scenario (docs/scenarios.md). The merged
 * inputs are checked exactly as base's are. A scenario's errors always
 * include its ancestors' (an error in a scenario never hides base's); a
 * problem of the merged inputs that an ancestor already has is reported once,
 * as the ancestor's.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorrelationGroup, UncertainInput } from '../uncertainty/types.js';
import type { ModelInputs } from '../model/inputs.js';
import { readAssumptionFile, shownPath, type FileText } from './assumptionDir.js';
import { expandByYear, type Step } from './byYear.js';
import { buildCfe } from './cfe.js';
import { buildChips } from './chips.js';
import { buildCost, costUncertain, requireChipCosts, restateCfeCosts } from './cost.js';
import { checkHorizon, checkMix, checkPue } from './crossFieldChecks.js';
import { parseCsv } from './csvSource.js';
import { readFields, type FieldValues } from './fieldReader.js';
import { ASSUMPTION_FILES, FIELD_TABLE, type YamlFile } from './fieldTable.js';
import { Issues } from './issues.js';
import { readOverlay, type Overlay } from './overlay.js';
import { cachedParse } from './parseCache.js';
import { readPhases, readPhaseSheet, type PhaseContext, type PhaseDraft } from './phases.js';
import { BASE_QUESTION, BASE_SCENARIO, SCENARIO_DIR, scenarioFiles, suggestFileName, type ScenarioFile } from './scenarioFiles.js';
import { applyOverlay, type ScenarioState } from './scenarioState.js';
import { nearest } from './suggest.js';
import type { AssumptionRecord, InputIssue, LoadOutcome } from './types.js';
import { resolveUncertainty, type UncertaintyScope } from './uncertainInputs.js';
import { readUncertaintyFile, UNCERTAINTY_FILE, type UncertaintyDecls } from './uncertaintyFile.js';
import { parseYaml } from './yamlSource.js';

const YAML_FILES = ASSUMPTION_FILES.filter((name): name is YamlFile => name !== 'phases.csv');

export interface LoadOptions {
  /** The directory as shown in messages (default: `dir` as given). */
  displayDir?: string;
  /** `base` (default), or the name of a scenario in `scenarios/`. */
  scenario?: string;
}

export function loadAssumptions(dir: string, opts: LoadOptions = {}): LoadOutcome {
  const displayDir = opts.displayDir ?? dir;
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    const issues = new Issues();
    issues.add('missing_dir', { file: displayDir, line: 1, column: 1 }, '');
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }
  const chain = new ChainLoader(dir, displayDir);
  const layer = chain.load(opts.scenario ?? BASE_SCENARIO, []);
  const order = issueOrder(displayDir, layer.overlayFiles, layer.named);
  const errors = order(layer.errors);
  const warnings = order(layer.warnings);
  if (errors.length > 0 || !layer.result) return { ok: false, errors, warnings };
  // The files cfe.yaml names (a site preset, hourly CSVs) are the merged scenario's, each once.
  const hashes = new Map([...layer.texts, ...layer.result.texts].map((t) => [t.hash.path, t.hash]));
  const files = [...hashes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Records are handed out as copies: the parsed values behind them are cached and shared.
  const records = layer.result.records.map((r) => ({ ...r, setBy: [...r.setBy] }));
  const { inputs, uncertain, correlationGroups } = layer.result;
  return {
    ok: true,
    scenario: { name: layer.name, chain: layer.chain, question: layer.question, inputs, records, files, uncertain, correlationGroups },
    warnings,
  };
}

/** One scenario, loaded: its merged state and every problem that concerns it. */
interface Layer {
  name: string;
  /** Root first; as far as it could be followed when broken. */
  chain: string[];
  question: string;
  /** Every file read for it: base files, then each overlay of the chain. */
  texts: FileText[];
  /** Shown paths of the chain's overlay files, root first. */
  overlayFiles: string[];
  /** Shown paths of the files its cfe.yaml values name (site preset, hourly CSVs), read or not. */
  named: string[];
  /** The merged inputs; undefined when the chain cannot be followed to base. */
  state: ScenarioState | undefined;
  /** Its own errors and every ancestor's. */
  errors: InputIssue[];
  /** The warnings that hold for its merged inputs. */
  warnings: InputIssue[];
  result?: Evaluated;
}

/** A scenario's merged inputs, ready for the model. */
interface Evaluated {
  inputs: ModelInputs;
  records: AssumptionRecord[];
  /** Files read for its cfe.yaml values (site preset, hourly CSVs). */
  texts: FileText[];
  uncertain: UncertainInput[];
  correlationGroups: CorrelationGroup[];
}

/** Loads scenarios of one directory, following `extends` from a scenario to base. */
class ChainLoader {
  private base: Layer | undefined;
  /** uncertainty.yaml, read with base; undefined when there is none. */
  private uncertainty: UncertaintyDecls | undefined;
  private files: Map<string, ScenarioFile> | undefined;
  /** Overlays read so far, to locate a cycle at one of its members. */
  private readonly overlays = new Map<string, Overlay | undefined>();

  constructor(
    private readonly dir: string,
    private readonly displayDir: string,
  ) {}

  /** `stack`: the scenarios whose parents are being loaded, to find cycles. */
  load(name: string, stack: readonly string[]): Layer {
    return name === BASE_SCENARIO ? this.loadBase() : this.loadOverlay(name, stack);
  }

  private loadBase(): Layer {
    if (this.base) return this.base;
    const issues = new Issues();
    const texts: FileText[] = [];
    const yaml = new Map<YamlFile, FieldValues>();
    let phases: PhaseDraft[] | undefined;
    for (const name of ASSUMPTION_FILES) {
      const text = readAssumptionFile(this.dir, this.displayDir, name, issues);
      if (!text) continue;
      texts.push(text);
      if (name === 'phases.csv') phases = cachedParse('phases', text.shown, text.hash.sha256, issues, (own) => readPhaseTable(text, own));
      else {
        const values = cachedParse('yaml', text.shown, text.hash.sha256, issues, (own) => readBaseYaml(text, name, own));
        if (values) yaml.set(name, values);
      }
    }
    // Optional, and base's only (docs/uncertainty-inputs.md).
    if (statSync(join(this.dir, UNCERTAINTY_FILE), { throwIfNoEntry: false })) {
      const text = readAssumptionFile(this.dir, this.displayDir, UNCERTAINTY_FILE, issues);
      if (text) {
        texts.push(text);
        this.uncertainty = cachedParse('uncertainty', text.shown, text.hash.sha256, issues, (own) => readUncertaintyText(text, own));
      }
    }
    const state: ScenarioState = { yaml, phases, removedChips: new Map() };
    const named: string[] = [];
    const result = evaluate(state, issues, {}, { ...(this.uncertainty && { decls: this.uncertainty }) }, this.where(named));
    this.base = {
      name: BASE_SCENARIO,
      chain: [BASE_SCENARIO],
      question: BASE_QUESTION,
      texts,
      overlayFiles: [],
      named,
      state,
      errors: issues.errors,
      warnings: issues.warnings,
      ...(result && { result }),
    };
    return this.base;
  }

  private loadOverlay(name: string, stack: readonly string[]): Layer {
    const base = this.loadBase();
    const issues = new Issues();
    const file = this.scenarioFiles().get(name);
    const broken = (parent?: Layer, text?: FileText): Layer => ({
      name,
      chain: [...(parent?.chain ?? []), name],
      question: '',
      texts: [...(parent?.texts ?? base.texts), ...(text ? [text] : [])],
      overlayFiles: [...(parent?.overlayFiles ?? []), ...(text ? [text.shown] : [])],
      named: parent?.named ?? base.named,
      state: undefined,
      errors: union(base.errors, parent?.errors ?? [], issues.errors),
      warnings: [],
    });
    if (!file) {
      const known = [BASE_SCENARIO, ...this.validNames()];
      const at = { file: shownPath(this.displayDir, SCENARIO_DIR), line: 1, column: 1 };
      issues.add('unknown_scenario', at, '', { name, suggestion: nearest(name, known), known });
      return broken();
    }

    const text = readAssumptionFile(this.dir, this.displayDir, file.file, issues);
    const fileStart = { file: text?.shown ?? shownPath(this.displayDir, file.file), line: 1, column: 1 };
    if (!file.valid) {
      if (file.file === `${SCENARIO_DIR}/${BASE_SCENARIO}.yaml`) issues.add('reserved_scenario_name', fileStart, '');
      else issues.add('bad_scenario_name', fileStart, '', { file: file.file.slice(SCENARIO_DIR.length + 1), suggestion: suggestFileName(file.file.slice(SCENARIO_DIR.length + 1)) });
    }
    const overlay = text && cachedParse('overlay', text.shown, text.hash.sha256, issues, (own) => readOverlayText(text, own));
    this.overlays.set(name, overlay);
    const parentName = overlay?.extends?.name;
    if (!text || !overlay || parentName === undefined) return broken(undefined, text);

    if (parentName === name || stack.includes(parentName)) {
      this.reportCycle(parentName === name ? [name] : [...stack.slice(stack.indexOf(parentName)), name], issues);
      return broken(undefined, text);
    }
    if (parentName !== BASE_SCENARIO && !this.validNames().includes(parentName)) {
      const known = [BASE_SCENARIO, ...this.validNames().filter((n) => n !== name)];
      issues.add('unknown_parent', overlay.extends!.at, 'extends', { name: parentName, suggestion: nearest(parentName, known), known });
      return broken(undefined, text);
    }
    const parent = this.load(parentName, [...stack, name]);
    if (!parent.state) return broken(parent, text);

    const state = applyOverlay(parent.state, overlay, parentName, issues);
    const merged = new Issues();
    const scope: UncertaintyScope = { ...(this.uncertainty && { decls: this.uncertainty }), baseYaml: base.state!.yaml };
    const named: string[] = [];
    const result = evaluate(state, merged, { inScenario: true, removedChips: state.removedChips }, scope, this.where(named));
    // Problems of the merged inputs an ancestor already has are the ancestor's; a new one
    // located in an inherited file says which scenario it belongs to.
    const inherited = new Map([...parent.errors, ...parent.warnings].map((issue) => [issueKey(issue), issue]));
    const own = (issue: InputIssue): InputIssue =>
      inherited.get(issueKey(issue)) ??
      (issue.at.file === text.shown ? issue : { ...issue, message: `${issue.message} (in scenario "${name}")` });
    const newErrors = merged.errors.filter((issue) => !inherited.has(issueKey(issue))).map(own);
    const layer: Layer = {
      name,
      chain: [...parent.chain, name],
      question: overlay.question ?? '',
      texts: [...parent.texts, text],
      overlayFiles: [...parent.overlayFiles, text.shown],
      named: [...new Set([...parent.named, ...named])],
      state,
      errors: union(parent.errors, issues.errors, newErrors),
      warnings: union(issues.warnings, merged.warnings.map(own)),
    };
    if (result && layer.errors.length === 0) layer.result = result;
    return layer;
  }

  /**
   * One report per cycle, whichever member is loaded: at the `extends` of its
   * alphabetically first member, the cycle read from there.
   */
  private reportCycle(members: readonly string[], issues: Issues): void {
    const first = members.indexOf([...members].sort()[0]!);
    const cycle = [...members.slice(first), ...members.slice(0, first)];
    const at = this.overlays.get(cycle[0]!)?.extends?.at;
    if (at) issues.add('extends_cycle', at, 'extends', { cycle: [...cycle, cycle[0]!] });
  }

  /** Where evaluate reads the files cfe.yaml names, and collects their shown paths. */
  private where(named: string[]): Where {
    return { dir: this.dir, displayDir: this.displayDir, named };
  }

  private scenarioFiles(): Map<string, ScenarioFile> {
    this.files ??= new Map(scenarioFiles(this.dir).map((f) => [f.name, f]));
    return this.files;
  }

  private validNames(): string[] {
    return [...this.scenarioFiles().values()].filter((f) => f.valid).map((f) => f.name);
  }
}

function readBaseYaml(text: FileText, name: YamlFile, issues: Issues): FieldValues | undefined {
  const src = parseYaml(text.text, text.shown, issues);
  if (!src) return undefined;
  return readFields(src, FIELD_TABLE[name], issues, {
    explainUnknown: (key, keyAt) => {
      if (key !== 'extends' && key !== 'question') return false;
      issues.add('extends_in_base', keyAt, key, { key });
      return true;
    },
  });
}

function readPhaseTable(text: FileText, issues: Issues): PhaseDraft[] | undefined {
  const table = parseCsv(text.text, text.shown, issues);
  return table && readPhaseSheet(table, issues);
}

function readUncertaintyText(text: FileText, issues: Issues): UncertaintyDecls | undefined {
  const src = parseYaml(text.text, text.shown, issues, 'none');
  return src ? readUncertaintyFile(src, issues) : undefined;
}

function readOverlayText(text: FileText, issues: Issues): Overlay | undefined {
  const src = parseYaml(text.text, text.shown, issues, 'empty_scenario');
  return src && readOverlay(src, issues);
}

/** The assumptions directory (and as shown), and where evaluate lists the files cfe.yaml names. */
interface Where {
  dir: string;
  displayDir: string;
  named: string[];
}

/**
 * The cross-field checks and the build of ModelInputs, on merged inputs
 * exactly as on base's; undefined when anything needed is missing or wrong.
 */
function evaluate(state: ScenarioState, issues: Issues, context: PhaseContext, scope: UncertaintyScope, where: Where): Evaluated | undefined {
  const { yaml } = state;
  const horizon = checkHorizon(yaml.get('envelope.yaml'), issues);
  checkPue(yaml.get('facility.yaml'), horizon, issues);
  checkMix(yaml.get('procurement.yaml'), issues);
  const chipValues = yaml.get('chips.yaml');
  const chips = chipValues && buildChips(chipValues, FIELD_TABLE['chips.yaml'], issues);
  const phases = state.phases && readPhases(state.phases, chips, horizon, issues, context);
  const cfeValues = yaml.get('cfe.yaml');
  const cfe = cfeValues && buildCfe(cfeValues, { dir: where.dir, displayDir: where.displayDir, horizon }, issues);
  where.named.push(...(cfe?.named ?? []));
  const costValues = yaml.get('cost.yaml');
  const chipKeys = chipValues?.keyAt;
  const costSources = {
    horizon,
    chips,
    removedChips: state.removedChips,
    displayDir: where.displayDir,
    chipAt: (chip: string) => chipKeys?.get(`chips.${chip}`),
  };
  const cost = costValues && buildCost(costValues, costSources, issues);
  // One currency year everywhere: the hourly study's costs (cfe.yaml) restated in cost.yaml's.
  const cfeInputs = cfe?.cfe && cost?.cost ? restateCfeCosts(cfe.cfe, cost, cfeValues!, issues) : cfe?.cfe;

  const records: AssumptionRecord[] = [];
  for (const name of ASSUMPTION_FILES) {
    if (name === 'chips.yaml') records.push(...(chips?.records ?? []));
    else if (name === 'phases.csv') records.push(...(phases?.records ?? []));
    else if (name === 'cfe.yaml') records.push(...(cfe?.records ?? []));
    else if (name === 'cost.yaml') records.push(...(cost?.records ?? []));
    else for (const spec of FIELD_TABLE[name]) records.push(...(yaml.get(name)?.readings.get(spec.key)?.records ?? []));
  }
  // Resolved even when something else is wrong, so every problem is reported in one pass.
  const resolved = resolveUncertainty(state, chips, phases, records, scope, issues);
  // Money values were converted to cost.currency_year dollars: their distributions go with them.
  const { uncertain, correlationGroups } = cost ? costUncertain(resolved, cost) : resolved;
  if (cost && phases) requireChipCosts(cost, phases, uncertain, costSources, issues);
  if (issues.errors.length > 0 || !horizon || !chips || !phases || !cfe?.cfe || !cost?.cost || YAML_FILES.some((name) => !yaml.has(name))) return undefined;

  const inputs: Record<string, unknown> = { chips: chips.specs, phases: phases.phases, cfe: cfeInputs, cost: cost.cost };
  for (const name of YAML_FILES) {
    if (name === 'chips.yaml' || name === 'cfe.yaml' || name === 'cost.yaml') continue;
    for (const spec of FIELD_TABLE[name]) {
      const reading = yaml.get(name)!.readings.get(spec.key);
      if (!reading) continue;
      const value = spec.yearly ? expandByYear(reading.value as number | Step[], horizon.firstYear, horizon.lastYear) : reading.value;
      setPath(inputs, spec.field, value);
    }
  }
  return { inputs: inputs as unknown as ModelInputs, records, texts: cfe.texts, uncertain, correlationGroups };
}

/** Same problem, same place. */
function issueKey(issue: InputIssue): string {
  return `${issue.severity}\u0000${issue.code}\u0000${issue.at.file}:${issue.at.line}:${issue.at.column}\u0000${issue.path}`;
}

/** Issues of several lists, each problem once (the first seen). */
function union(...lists: readonly (readonly InputIssue[])[]): InputIssue[] {
  const seen = new Map<string, InputIssue>();
  for (const issue of lists.flat()) if (!seen.has(issueKey(issue))) seen.set(issueKey(issue), issue);
  return [...seen.values()];
}

/**
 * Sort issues by file (base files in ASSUMPTION_FILES order, the files cfe.yaml names right
 * after it, uncertainty.yaml, then the chain's overlays), then line and column.
 */
function issueOrder(displayDir: string, overlayFiles: readonly string[], named: readonly string[]): (issues: InputIssue[]) => InputIssue[] {
  const cfeRank = ASSUMPTION_FILES.indexOf('cfe.yaml');
  const rank = new Map<string, number>([
    ...[...ASSUMPTION_FILES, UNCERTAINTY_FILE].map((name: string, i): [string, number] => [shownPath(displayDir, name), i]),
    ...named.map((file, i): [string, number] => [file, cfeRank + (i + 1) / (named.length + 1)]),
    ...overlayFiles.map((file, i): [string, number] => [file, ASSUMPTION_FILES.length + 1 + i]),
  ]);
  const other = ASSUMPTION_FILES.length + 1 + overlayFiles.length;
  const key = (issue: InputIssue) => [rank.get(issue.at.file) ?? (issue.at.file.includes(`/${SCENARIO_DIR}/`) ? other : -1), issue.at.line, issue.at.column];
  return (issues) =>
    [...issues].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
    });
}

/** Set `target.a.b.c` for the dotted path `a.b.c`, creating objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}
