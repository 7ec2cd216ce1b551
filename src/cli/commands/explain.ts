/**
 * `gwplan explain METRIC [--scenario NAME] [--year Y]`: how one output number was computed,
 * step by step, by the model's own formula functions, with every assumption used and the
 * file:line that set it (src/explain/explainMetric.ts). Exit 0 when the recomputed number
 * equals the model's result; 1 (internal fault) when it does not, so the explanation can
 * never drift from the model unnoticed; 2 for an unknown metric or bad usage.
 */
import { nearest } from '../../loader/suggest.js';
import { BASE_SCENARIO } from '../../pipeline/scenarios.js';
import { EXPLAINABLE_METRICS, explainMetric, isExplainable, YEARLY_METRICS } from '../../explain/explainMetric.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { EXIT_FAULT, EXIT_INVALID, EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';

const USAGE = 'gwplan explain METRIC [--scenario NAME] [--year Y]';

export function explainCommand(options: CommandOptions, io: Io): number {
  const names = options.names ?? [];
  const metrics = `Metrics: ${EXPLAINABLE_METRICS.join(', ')} (--year applies to ${YEARLY_METRICS.join(', ')}; default: the first full year).`;
  if (names.length !== 1) {
    io.stderr(`gwplan explain: ${names.length === 0 ? 'name the metric to explain' : `explains one metric at a time; got ${names.join(', ')}`}: ${USAGE}.\n${metrics}\n`);
    return EXIT_INVALID;
  }
  const metric = names[0]!;
  if (!isExplainable(metric)) {
    const suggestion = nearest(metric, EXPLAINABLE_METRICS);
    io.stderr(
      `gwplan explain: cannot explain "${metric}"${suggestion ? `; did you mean "${suggestion}"?` : '.'}\n${metrics}\n` +
        `Name one of them, for example: gwplan explain ${suggestion ?? 'chips'}\n`,
    );
    return EXIT_INVALID;
  }
  if (options.scenarios.length > 1) {
    io.stderr(`gwplan explain: explains one scenario at a time; give --scenario once (got ${options.scenarios.join(', ')}).\n`);
    return EXIT_INVALID;
  }
  const scenario = options.scenarios[0] ?? BASE_SCENARIO;
  const evaluated = evaluateSelected(options.assumptions, [scenario], io);
  if (typeof evaluated === 'number') return evaluated;
  const run = evaluated[0]!;
  const outcome = explainMetric(run.scenario, run.result, metric, options.year);
  if (!outcome.ok) {
    io.stderr(`gwplan explain: ${outcome.message}\n`);
    return EXIT_INVALID;
  }
  const e = outcome.explanation;
  io.stdout(`${e.lines.join('\n')}\n\n`);
  const label = `${e.metric}${e.year === undefined ? '' : ` (${e.year})`}`;
  if (!e.agrees) {
    io.stderr(
      `gwplan explain: internal fault: the explanation recomputes ${label} = ${e.formatted} ${e.unit}, but the model's result (${e.modelSource}) is ${e.modelFormatted} ${e.unit}. ` +
        `The explanation has drifted from the model; please report this with the assumption files used.\n`,
    );
    return EXIT_FAULT;
  }
  io.stdout(`Result: ${label} = ${e.formatted} ${e.unit}\n`);
  io.stdout(`Checked: equal to the model's result, ${e.modelSource} = ${e.modelFormatted} ${e.unit}.\n`);
  return EXIT_OK;
}
