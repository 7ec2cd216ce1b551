/**
 * Gathers what the report needs from results already computed (by `run`, or
 * by `report` itself): the evaluated scenarios, their uncertainty runs,
 * their hourly studies and the comparison with base. Nothing is recomputed.
 */
import { compareScenarios } from '../compare/compareScenarios.js';
import type { ComparisonReport } from '../compare/types.js';
import type { HourlyStudy } from '../pipeline/hourly.js';
import { BASE_SCENARIO } from '../pipeline/scenarios.js';
import type { ScenarioUncertainty } from '../pipeline/uncertainty.js';
import { GWPLAN_VERSION } from '../version.js';
import type { ReportInput, ReportScenario } from '../writers/report/types.js';
import type { EvaluatedScenario } from './evaluateSelected.js';

export interface ReportParts {
  uncertainty: ReadonlyMap<string, ScenarioUncertainty | undefined>;
  hourly: ReadonlyMap<string, HourlyStudy>;
  /** Every scenario vs base; undefined with fewer than two scenarios. */
  comparison: ComparisonReport | undefined;
}

/** Every scenario vs base as `run` compares them, or undefined when there is nothing to compare. */
export function reportComparison(evaluated: readonly EvaluatedScenario[]): ComparisonReport | undefined {
  if (evaluated.length < 2 || !evaluated.some((run) => run.name === BASE_SCENARIO)) return undefined;
  return compareScenarios(evaluated, BASE_SCENARIO);
}

export function reportInput(evaluated: readonly EvaluatedScenario[], parts: ReportParts): ReportInput {
  const baseline = evaluated.some((run) => run.name === BASE_SCENARIO) ? BASE_SCENARIO : evaluated[0]!.name;
  const changed = new Set(parts.comparison?.assumptions.map((a) => a.assumption) ?? []);
  const scenarios = [...evaluated]
    .sort((a, b) => Number(b.name === baseline) - Number(a.name === baseline))
    .map(({ name, scenario, result }): ReportScenario => {
      const sampled = parts.uncertainty.get(name);
      const study = parts.hourly.get(name);
      const currency = scenario.records.find((r) => r.path === 'cost.currency_year')?.value;
      return {
        name,
        question: scenario.question,
        chain: scenario.chain,
        result,
        uncertainty: sampled?.report,
        hourly: study && {
          year: study.year,
          currencyYear: study.problem.costs.currencyYear,
          portfolios: study.portfolios,
          annualVsHourly: study.annualVsHourly,
          unmet: study.unmet,
        },
        costCurrencyYear: typeof currency === 'number' ? currency : undefined,
        assumptions: new Map(scenario.records.filter((r) => changed.has(r.path)).map((r) => [r.path, { source: r.source, written: r.written }])),
      };
    });
  return { version: GWPLAN_VERSION, baseline, scenarios, comparison: parts.comparison };
}

/** report.html's text. The renderer is imported on first use, so vega and vega-lite load only in the commands that draw a report. */
export async function renderReportPage(input: ReportInput): Promise<string> {
  const { renderReport } = await import('../writers/report/html.js');
  return renderReport(input);
}
