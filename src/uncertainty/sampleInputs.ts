/**
 * Steps 1-3 of the Monte Carlo (runUncertainty): a Latin hypercube of
 * uniforms, each correlation group's rank correlation induced on it, and each
 * input's inverse CDF applied.
 */
import { compileQuantile } from './distributions.js';
import { induceRankCorrelation } from './imanConover.js';
import { latinHypercube } from './latinHypercube.js';
import { createRng, seedFor } from './rng.js';
import type { CorrelationGroup, UncertainInput } from './types.js';

/**
 * The uniforms each column from sampleInputs was computed from, so the
 * statistics can rank that column from its strata instead of sorting it
 * (ranking the inputs was a quarter of their time). Kept beside the columns
 * rather than in the report, so that the columns bring them wherever they are
 * passed, the report's included; weak, so they go when the column goes. Safe
 * if a column is changed later: the order is checked against the values.
 */
const uniformsOf = new WeakMap<Float64Array, Float64Array>();

/** The uniforms sampleInputs made `column` from; undefined for any other column. */
export function sampledUniforms(column: Float64Array): Float64Array | undefined {
  return uniformsOf.get(column);
}

/**
 * A column of sampled values per input, in model units. Each column's
 * uniforms are remembered (sampledUniforms) for the statistics.
 */
export function sampleInputs(
  inputs: readonly UncertainInput[],
  groups: readonly CorrelationGroup[],
  samples: number,
  seed: number,
): Float64Array[] {
  const uniforms = latinHypercube(samples, inputs.length, createRng(seedFor(seed, 'latin-hypercube')));
  const column = new Map(inputs.map((input, i) => [input.path, i]));
  for (const group of groups) {
    const indices = group.paths.map((path) => column.get(path)!);
    const induced = induceRankCorrelation(
      indices.map((i) => uniforms[i]!),
      group.matrix.map((r) => [...r]),
      createRng(seedFor(seed, `correlation:${group.name}`)),
    );
    indices.forEach((i, k) => (uniforms[i] = induced[k]!));
  }
  return inputs.map((input, i) => {
    const inverse = compileQuantile(input.distribution);
    const u = uniforms[i]!;
    const values = new Float64Array(samples);
    for (let s = 0; s < samples; s++) values[s] = inverse(u[s]!);
    uniformsOf.set(values, u);
    return values;
  });
}
