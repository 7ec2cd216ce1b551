/**
 * How much of each headline metric's delta each changed assumption explains.
 * v(S) = the metrics of runModel(baseline inputs with the factors in S taken
 * from the scenario); the split is exact Shapley up to MAX_EXACT_FACTORS
 * factors, else sequential substitution in file order. A mix that does not
 * run (e.g. more chips than the envelope holds) forces the next method down:
 * Shapley -> sequential -> one row for all changes together.
 */
import { runModel } from '../model/runModel.js';
import type { ModelResult } from '../results/types.js';
import { diffInputs, mixInputs, sameInputs, type Factor } from './factors.js';
import { metricVector, type NumericMetric } from './metrics.js';
import { Coalitions, MAX_EXACT_FACTORS, sequentialShares, shapleyShares } from './split.js';
import { ALL_CHANGES_TOGETHER, type AttributionRow, type ScenarioAttribution, type ScenarioRun } from './types.js';

export interface AttributionContext {
  metrics: readonly NumericMetric[];
  /** Dates count days from 1 January of this year (the baseline's horizon start). */
  firstYear: number;
}

export function attributeScenario(base: ScenarioRun, scenario: ScenarioRun, ctx: AttributionContext): ScenarioAttribution {
  const factors = diffInputs(base.scenario.inputs, scenario.scenario.inputs);
  const labels = factors.map((f) => f.label);
  const none = metricVector(base.result, ctx.metrics, ctx.firstYear);
  const all = metricVector(scenario.result, ctx.metrics, ctx.firstYear);
  const attribution = (method: ScenarioAttribution['method'], reason: string, runs: number, rows: AttributionRow[]): ScenarioAttribution => ({
    scenario: scenario.name,
    method,
    reason,
    factors: labels,
    modelRuns: runs,
    rows,
  });
  if (factors.length === 0) return attribution('shapley', '', 0, []);
  if (!sameInputs(mixInputs(base.scenario.inputs, factors, () => true), scenario.scenario.inputs)) {
    // A ModelInputs field the diff does not know: a bug, and it would give shares that miss part of the delta.
    throw new Error(`compare: the changed assumptions found for "${scenario.name}" (${labels.join(', ')}) do not rebuild its inputs`);
  }

  let failure = '';
  const coalitions = new Coalitions(
    factors.length,
    (members) => {
      const outcome = runMix(base, factors, members);
      if (!outcome.ok && failure === '') {
        const switched = labels.filter((_, i) => members[i]);
        failure = `baseline with only ${switched.join(', ')} changed does not run (${outcome.reason})`;
      }
      return outcome.ok ? metricVector(outcome.result, ctx.metrics, ctx.firstYear) : undefined;
    },
    { none, all },
  );

  const rowsOf = (shares: Float64Array[]) => shareRows(scenario.name, ctx.metrics, labels, shares, none, all);
  let reason = '';
  if (factors.length <= MAX_EXACT_FACTORS) {
    const shares = shapleyShares(coalitions);
    if (shares) return attribution('shapley', '', coalitions.evaluations, rowsOf(shares));
    reason = `${failure}; split by sequential substitution in file order instead of Shapley`;
  } else {
    reason = `${factors.length} changed assumptions (more than ${MAX_EXACT_FACTORS}): split by sequential substitution in file order`;
  }
  const shares = sequentialShares(coalitions);
  if (shares) return attribution('sequential', reason, coalitions.evaluations, rowsOf(shares));
  reason = `${failure}; no split: one row carries each whole delta`;
  const rows = ctx.metrics.flatMap(({ metric, unit }, m): AttributionRow[] => {
    const change = all[m]! - none[m]!;
    return change === 0 ? [] : [{ scenario: scenario.name, metric, unit, assumption: ALL_CHANGES_TOGETHER, contribution: change }];
  });
  return attribution('together', reason, coalitions.evaluations, rows);
}

type MixOutcome = { ok: true; result: ModelResult } | { ok: false; reason: string };

function runMix(base: ScenarioRun, factors: readonly Factor[], members: readonly boolean[]): MixOutcome {
  try {
    const outcome = runModel(mixInputs(base.scenario.inputs, factors, (i) => members[i] === true));
    return outcome.ok ? { ok: true, result: outcome.result } : { ok: false, reason: outcome.issues.map((issue) => issue.code).join(', ') };
  } catch (error) {
    // The model throws for inputs the loader would reject (an unknown chip, first_year after last_year);
    // a mix can be such an input though neither scenario is.
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Rows for every metric any factor moves: each factor's share, zeros included
 * so the rows visibly add up to the delta. A metric no factor moves has no rows.
 */
function shareRows(
  scenario: string,
  metrics: readonly NumericMetric[],
  labels: readonly string[],
  shares: readonly Float64Array[],
  none: Float64Array,
  all: Float64Array,
): AttributionRow[] {
  return metrics.flatMap(({ metric, unit }, m) => {
    const moved = all[m] !== none[m] || shares.some((share) => share[m] !== 0);
    return moved ? labels.map((assumption, i) => ({ scenario, metric, unit, assumption, contribution: shares[i]![m]! })) : [];
  });
}
