/**
 * Uncertainty for one loaded scenario: joins the loader's uncertain inputs and
 * sample applier, the model (closed form where exact, hourly otherwise) and the
 * Monte Carlo runner.
 */
import { compileSampleWriter } from '../loader/applySample.js';
import type { LoadedScenario } from '../loader/types.js';
import { closedFormIsExact } from '../model/closedForm.js';
import { closedFormMetricLayout, closedFormMetrics } from '../model/closedFormMetrics.js';
import type { ModelInputs } from '../model/inputs.js';
import { runUncertainty, type Evaluator, type MetricSpec, type UncertaintyReport, type UncertaintyStep } from '../uncertainty/runUncertainty.js';

export interface UncertaintySettings {
  samples: number;
  seed: number;
  progress?: (done: number, total: number) => void;
  /** Called as each Monte Carlo step ends (for timing the steps). */
  onStep?: (step: UncertaintyStep) => void;
}

export interface ScenarioUncertainty {
  report: UncertaintyReport;
  /** How samples were evaluated, in words, for the manifest and the terminal. */
  evaluation: string;
}

/** undefined when the scenario has no uncertain inputs, or when no samples were asked for. */
export function scenarioUncertainty(scenario: LoadedScenario, settings: UncertaintySettings): ScenarioUncertainty | undefined {
  if (scenario.uncertain.length === 0 || settings.samples === 0) return undefined;
  // One working copy, rewritten per sample: runUncertainty evaluates each sample before applying the next.
  const apply = compileSampleWriter(scenario.inputs, scenario.uncertain);
  const evaluator = modelEvaluator(scenario.inputs);
  const report = runUncertainty(scenario.uncertain, scenario.correlationGroups, apply, evaluator, {
    samples: settings.samples,
    seed: settings.seed,
    onProgress: settings.progress,
    onStep: settings.onStep,
  });
  const hourly = evaluator.hourlySamples();
  const evaluation =
    hourly === 0
      ? 'closed form per year (exact)'
      : `hourly model for ${hourly} evaluations (a partial-load PUE has no exact closed form), closed form per year for the rest`;
  return { report, evaluation };
}

/**
 * The model's lean metric vector (closedFormMetricLayout: headline metrics,
 * tranche shares, then per year energy, procurement and emissions) for inputs
 * shaped like `base` (same horizon and tranches; a sample varies values only);
 * the closed form where exact, the hourly model where not (counted, to say so
 * in the outputs).
 */
export function modelEvaluator(base: Pick<ModelInputs, 'horizon' | 'cost'>): Evaluator & { hourlySamples(): number } {
  const metrics: MetricSpec[] = closedFormMetricLayout(base.horizon, base.cost.tranches).map((m) => ({ ...m, headline: m.year === 'all' }));
  let hourly = 0;
  return {
    metrics,
    hourlySamples: () => hourly,
    evaluate(inputs, out) {
      if (!closedFormIsExact(inputs)) hourly++;
      return closedFormMetrics(inputs, out);
    },
  };
}
