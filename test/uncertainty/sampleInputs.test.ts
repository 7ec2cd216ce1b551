import { describe, expect, it } from 'vitest';
import { sampleInputs, sampledUniforms } from '../../src/uncertainty/sampleInputs.js';
import type { CorrelationGroup, Distribution, UncertainInput } from '../../src/uncertainty/types.js';

const at = { file: 'assumptions/x.yaml', line: 1, column: 1 };

function input(path: string, distribution: Distribution, pointValue: number): UncertainInput {
  return { path, unit: '1', distribution, target: { kind: 'value' }, pointValue, at };
}

const INPUTS = [input('a', { kind: 'uniform', low: 0, high: 1 }, 0.5), input('b', { kind: 'uniform', low: 0, high: 1 }, 0.5)];

describe('sampleInputs', () => {
  it('induces the rank correlation of a group', () => {
    const group: CorrelationGroup = { name: 'g', paths: ['a', 'b'], matrix: [[1, 0.8], [0.8, 1]], at };
    const [a, b] = sampleInputs(INPUTS, [group], 5000, 11);
    const rank = (xs: Float64Array) => {
      const order = [...xs.keys()].sort((i, j) => xs[i]! - xs[j]!);
      const r = new Float64Array(xs.length);
      order.forEach((i, k) => (r[i] = k));
      return r;
    };
    const ra = rank(a!);
    const rb = rank(b!);
    const n = ra.length;
    const m = (n - 1) / 2;
    let sab = 0;
    let saa = 0;
    for (let i = 0; i < n; i++) {
      sab += (ra[i]! - m) * (rb[i]! - m);
      saa += (ra[i]! - m) ** 2;
    }
    expect(sab / saa).toBeCloseTo(0.8, 1);
  });

  it('remembers the uniforms each column was made from, one per stratum', () => {
    const [a] = sampleInputs([input('a', { kind: 'uniform', low: 10, high: 20 }, 15)], [], 1000, 3);
    const u = sampledUniforms(a!)!;
    expect(u).toBeDefined();
    // Uniform on [10, 20]: value = 10 + 10 u, and the uniforms fill each stratum [k/n, (k+1)/n) once.
    for (let s = 0; s < 1000; s++) expect(a![s]).toBe(10 + u[s]! * 10);
    expect(new Set(Array.from(u, (x) => Math.floor(x * 1000))).size).toBe(1000);
    expect(sampledUniforms(a!.slice())).toBeUndefined();
  });
});

/**
 * summarise the plain way: every column compacted to the valid samples and
 * sorted, batches sorted one by one, ranks summed one coefficient at a time
 * in index order. What summarise must equal bit for bit, however it gets there.
 */
