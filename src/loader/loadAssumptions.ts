/**
 * The loader's entry point: assumption files in; ModelInputs in model units,
 * with a provenance record per effective value, out — or every input problem
 * at once, located. Never throws for bad input.
 */
import { statSync } from 'node:fs';
import type { ModelInputs } from '../model/inputs.js';
import { readAssumptionFile, shownPath, type FileText } from './assumptionDir.js';
import { expandByYear, type Step } from './byYear.js';
import { buildChips } from './chips.js';
import { checkHorizon, checkMix, checkPue } from './crossFieldChecks.js';
import { parseCsv } from './csvSource.js';
import { readFields, type FieldValues } from './fieldReader.js';
import { ASSUMPTION_FILES, FIELD_TABLE, type AssumptionFile, type YamlFile } from './fieldTable.js';
import { Issues } from './issues.js';
import { readPhases } from './phases.js';
import type { AssumptionRecord, InputIssue, LoadOutcome } from './types.js';
import { parseYaml } from './yamlSource.js';

/** Until scenarios/ is read (a later issue), the directory is the one scenario. */
const SCENARIO_NAME = 'base';

const YAML_FILES = ASSUMPTION_FILES.filter((name): name is YamlFile => name !== 'phases.csv');

export function loadAssumptions(dir: string, opts: { displayDir?: string } = {}): LoadOutcome {
  const displayDir = opts.displayDir ?? dir;
  const issues = new Issues();
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    issues.add('missing_dir', { file: displayDir, line: 1, column: 1 }, '');
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }

  const texts = new Map<AssumptionFile, FileText>();
  for (const name of ASSUMPTION_FILES) {
    const text = readAssumptionFile(dir, displayDir, name, issues);
    if (text) texts.set(name, text);
  }
  const yaml = new Map<YamlFile, FieldValues>();
  for (const name of YAML_FILES) {
    const text = texts.get(name);
    const src = text && parseYaml(text.text, text.shown, issues);
    if (src) yaml.set(name, readFields(src, FIELD_TABLE[name], issues));
  }
  const horizon = checkHorizon(yaml.get('envelope.yaml'), issues);
  checkPue(yaml.get('facility.yaml'), horizon, issues);
  checkMix(yaml.get('procurement.yaml'), issues);
  const chipValues = yaml.get('chips.yaml');
  const chips = chipValues && buildChips(chipValues, FIELD_TABLE['chips.yaml'], issues);
  const phasesText = texts.get('phases.csv');
  const table = phasesText && parseCsv(phasesText.text, phasesText.shown, issues);
  const phases = table && readPhases(table, chips, horizon, issues);

  const order = fileOrder(displayDir);
  const errors = order(issues.errors);
  const warnings = order(issues.warnings);
  if (errors.length > 0 || !horizon || !chips || !phases) return { ok: false, errors, warnings };

  const inputs: Record<string, unknown> = { chips: chips.specs, phases: phases.phases };
  const records: AssumptionRecord[] = [];
  for (const name of ASSUMPTION_FILES) {
    if (name === 'chips.yaml') records.push(...chips.records);
    else if (name === 'phases.csv') records.push(...phases.records);
    else {
      for (const spec of FIELD_TABLE[name]) {
        const reading = yaml.get(name)!.readings.get(spec.key);
        if (!reading) continue;
        records.push(...reading.records);
        const value = spec.yearly ? expandByYear(reading.value as number | Step[], horizon.firstYear, horizon.lastYear) : reading.value;
        setPath(inputs, spec.field, value);
      }
    }
  }
  const files = [...texts.values()].map((t) => t.hash).sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    ok: true,
    scenario: { name: SCENARIO_NAME, inputs: inputs as unknown as ModelInputs, records, files },
    warnings,
  };
}

/** Sort issues by file (in ASSUMPTION_FILES order), then line and column. */
function fileOrder(displayDir: string): (issues: InputIssue[]) => InputIssue[] {
  const rank = new Map(ASSUMPTION_FILES.map((name, i) => [shownPath(displayDir, name), i]));
  const key = (issue: InputIssue) => [rank.get(issue.at.file) ?? -1, issue.at.line, issue.at.column];
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
