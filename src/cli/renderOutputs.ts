/**
 * Every scenario's output files rendered in memory (deterministic files plus
 * uncertainty/ and hourly/), shared by run, watch and check-outputs so they
 * write exactly the same bytes; `uncertainty` and `hourly` render their part alone.
 */
import { formatIssue, type LoadedScenario } from '../loader/types.js';
import { scenarioUncertainty, type ScenarioUncertainty, type UncertaintySettings } from '../pipeline/uncertainty.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, type UncertaintyStep } from '../uncertainty/runUncertainty.js';
import { GWPLAN_VERSION } from '../version.js';
import { renderScenarioOutputs } from '../writers/scenarioOutputs.js';
import { renderUncertainty } from '../writers/uncertainty/render.js';
import type { HourlyStudy } from '../pipeline/hourly.js';
import { renderHourly } from '../writers/hourly/render.js';
import type { EvaluatedScenario } from './evaluateSelected.js';

/** `wrote 10 files: outputs/base/{annual.csv, ...}, outputs/compare/{...}`: one group per directory (`outputs/` for report.html). */
export function writtenSummary(outDir: string, written: readonly string[]): string {
  const byDir = new Map<string, string[]>();
  for (const file of written) {
    const slash = file.lastIndexOf('/');
    const dir = file.slice(0, Math.max(0, slash));
    byDir.set(dir, [...(byDir.get(dir) ?? []), file.slice(slash + 1)]);
  }
  const root = outDir.replace(/\/+$/, '');
  const groups = [...byDir].map(([dir, files]) => `  ${root}/${dir === '' ? '' : `${dir}/`} ${files.join(', ')}`);
  return `wrote ${written.length} files:\n${groups.join('\n')}\n`;
}

export interface RenderSettings extends Omit<UncertaintySettings, 'progress' | 'onStep'> {
  writeSamples: boolean;
  /** Progress of each scenario's sampling, labelled with the scenario's name. */
  progress?: (label: string, done: number, total: number) => void;
  /** The end of each scenario's Monte Carlo steps, labelled with the scenario's name. */
  onStep?: (label: string, step: UncertaintyStep) => void;
  /** Each scenario's hourly CFE study (hourlyStudies.ts); none: no hourly/ files. */
  hourly?: ReadonlyMap<string, HourlyStudy>;
}

/** What `run` writes: every scenario sampled with the default samples and seed. */
export const DEFAULT_RENDER: RenderSettings = { samples: DEFAULT_SAMPLES, seed: DEFAULT_SEED, writeSamples: false };

export interface RenderedOutputs {
  /** Scenario name -> files (paths inside the scenario's directory) -> content. */
  tree: Map<string, Map<string, string>>;
  /** Each scenario's uncertainty run; undefined where it has no uncertain inputs. */
  uncertainty: Map<string, ScenarioUncertainty | undefined>;
}

/**
 * Renders every evaluated scenario's files, with its uncertainty/ files, so a
 * scenario directory is always replaced whole and never mixes two runs.
 */
export function renderAll(evaluated: EvaluatedScenario[], settings: RenderSettings = DEFAULT_RENDER): RenderedOutputs {
  const tree = new Map<string, Map<string, string>>();
  const uncertainty = new Map<string, ScenarioUncertainty | undefined>();
  for (const { name, scenario, result, warnings } of evaluated) {
    const files = renderScenarioOutputs(scenario, result, { version: GWPLAN_VERSION, warnings: warnings.map(formatIssue) });
    const sampled = renderScenarioUncertainty(name, scenario, settings);
    uncertainty.set(name, sampled.uncertainty);
    for (const [file, content] of sampled.files) files.set(file, content);
    const study = settings.hourly?.get(name);
    if (study) for (const [file, content] of renderHourly(study, { version: GWPLAN_VERSION, scenario: name })) files.set(file, content);
    tree.set(name, files);
  }
  return { tree, uncertainty };
}

/** One scenario's uncertainty run and its files (paths `uncertainty/...`); no files when it has no uncertain inputs. */
export function renderScenarioUncertainty(
  name: string,
  scenario: LoadedScenario,
  settings: RenderSettings,
): { uncertainty: ScenarioUncertainty | undefined; files: Map<string, string> } {
  const { progress, onStep } = settings;
  const sampled = scenarioUncertainty(scenario, {
    samples: settings.samples,
    seed: settings.seed,
    progress: progress && ((done, total) => progress(name, done, total)),
    onStep: onStep && ((step) => onStep(name, step)),
  });
  if (!sampled) return { uncertainty: undefined, files: new Map() };
  const files = renderUncertainty(sampled.report, {
    version: GWPLAN_VERSION,
    scenario: name,
    evaluation: sampled.evaluation,
    groups: scenario.correlationGroups,
    writeSamples: settings.writeSamples,
    inputs: scenario.files,
  });
  return { uncertainty: sampled, files };
}

/**
 * The files of one part of a rendered scenario (`uncertainty`, `hourly`), keyed inside that
 * part, for writeOutputTree's `<scenario>/<part>` entries: a command that computes one part
 * replaces only it.
 */
export function scenarioPart(files: ReadonlyMap<string, string>, part: string): Map<string, string> {
  const prefix = `${part}/`;
  return new Map([...files].filter(([path]) => path.startsWith(prefix)).map(([path, content]) => [path.slice(prefix.length), content]));
}
