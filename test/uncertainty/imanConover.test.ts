import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileQuantile } from '../../src/uncertainty/distributions.js';
import { checkCorrelationMatrix, induceRankCorrelation } from '../../src/uncertainty/imanConover.js';
import { latinHypercube } from '../../src/uncertainty/latinHypercube.js';
import { createRng } from '../../src/uncertainty/rng.js';
import { spearman } from '../../src/uncertainty/statistics.js';

const n = 10_000;
const sortedBytes = (c: Float64Array) => Buffer.from(Float64Array.from(c).sort().buffer).toString('hex');

describe('induceRankCorrelation', () => {
  it('reaches a 2 x 2 target rank correlation within +-0.02 at n = 10,000, for several targets', () => {
    for (const rho of [0.7, -0.5, 0.3, 0.95, 0]) {
      const columns = latinHypercube(n, 2, createRng(1));
      const [x, y] = induceRankCorrelation(columns, [[1, rho], [rho, 1]], createRng(2));
      expect(Math.abs(spearman(x!, y!) - rho), `target ${rho}`).toBeLessThan(0.02);
    }
  });

  it('reaches every entry of a 3 x 3 target within +-0.02', () => {
    const target = [
      [1, 0.6, -0.3],
      [0.6, 1, 0.2],
      [-0.3, 0.2, 1],
    ];
    const out = induceRankCorrelation(latinHypercube(n, 3, createRng(3)), target, createRng(4));
    for (let i = 0; i < 3; i++)
      for (let j = i + 1; j < 3; j++) expect(Math.abs(spearman(out[i]!, out[j]!) - target[i]![j]!)).toBeLessThan(0.02);
  });

  it('leaves each marginal unchanged (same multiset), so LHS stratification survives', () => {
    const columns = latinHypercube(n, 2, createRng(5));
    const out = induceRankCorrelation(columns, [[1, 0.8], [0.8, 1]], createRng(6));
    out.forEach((column, j) => expect(sortedBytes(column)).toBe(sortedBytes(columns[j]!)));
    // Inputs are not modified.
    expect(out[0]).not.toBe(columns[0]);
  });

  it('works on sampled values with heavy ties (a discrete choice) and keeps them', () => {
    const [u, v] = latinHypercube(n, 2, createRng(7));
    const chip = u!.map(compileQuantile({ kind: 'choice', weights: [0.5, 0.5] }));
    const power = v!.map(compileQuantile({ kind: 'pert', low: 700, mode: 1000, high: 1600, lambda: 4 }));
    const [c, p] = induceRankCorrelation([chip, power], [[1, 0.6], [0.6, 1]], createRng(8));
    expect(sortedBytes(c!)).toBe(sortedBytes(chip));
    expect(sortedBytes(p!)).toBe(sortedBytes(power));
    // Two-valued ranks cap Spearman below 1 (at sqrt(3)/2 here), so only the direction and size are checked.
    expect(spearman(c!, p!)).toBeGreaterThan(0.4);
  });

  it('is deterministic with a seeded rng, and without one (uses the input columns\' own order)', () => {
    const columns = latinHypercube(2000, 2, createRng(9));
    const target = [[1, -0.4], [-0.4, 1]];
    const hex = (cs: Float64Array[]) => cs.map((c) => Buffer.from(c.buffer).toString('hex'));
    expect(hex(induceRankCorrelation(columns, target, createRng(1)))).toEqual(hex(induceRankCorrelation(columns, target, createRng(1))));
    const withoutRng = induceRankCorrelation(columns, target);
    expect(hex(withoutRng)).toEqual(hex(induceRankCorrelation(columns, target)));
    expect(Math.abs(spearman(withoutRng[0]!, withoutRng[1]!) + 0.4)).toBeLessThan(0.02);
  });

  it('is byte-deterministic: a 3 x 3 induction hashes to a pinned SHA-256', () => {
    const target = [
      [1, 0.5, -0.2],
      [0.5, 1, 0.1],
      [-0.2, 0.1, 1],
    ];
    const out = induceRankCorrelation(latinHypercube(2000, 3, createRng(1)), target, createRng(2));
    const hash = createHash('sha256');
    out.forEach((c) => hash.update(c));
    expect(hash.digest('hex')).toBe('060fe2bcbed7184f5fa1d5a73ab0e2d6189c780845004f5de6ffd4e7719342f2');
  });

  it('handles a singular (perfectly correlated) target', () => {
    const columns = latinHypercube(n, 2, createRng(10));
    const [x, y] = induceRankCorrelation(columns, [[1, 1], [1, 1]], createRng(11));
    expect(spearman(x!, y!)).toBeGreaterThan(0.999);
  });

  it('rejects an invalid target and mismatched sizes', () => {
    const columns = latinHypercube(100, 3, createRng(12));
    const notPsd = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(() => induceRankCorrelation(columns, notPsd)).toThrow(/positive semi-definite/);
    expect(() => induceRankCorrelation(columns.slice(0, 2), notPsd)).toThrow(/3 x 3, but there are 2 columns/);
    expect(() => induceRankCorrelation([columns[0]!, columns[1]!.subarray(1)], [[1, 0], [0, 1]])).toThrow(/same length/);
  });
});

describe('checkCorrelationMatrix', () => {
  it('accepts valid matrices, including singular ones', () => {
    expect(checkCorrelationMatrix([[1]])).toBeUndefined();
    expect(checkCorrelationMatrix([[1, 0.3], [0.3, 1]])).toBeUndefined();
    expect(checkCorrelationMatrix([[1, 1], [1, 1]])).toBeUndefined();
    expect(checkCorrelationMatrix([[1, -1, 1], [-1, 1, -1], [1, -1, 1]])).toBeUndefined();
  });

  it('rejects [[1,.9,-.9],[.9,1,.9],[-.9,.9,1]]: not positive semi-definite (smallest eigenvalue -0.8)', () => {
    const message = checkCorrelationMatrix([
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ]);
    expect(message).toMatch(/not positive semi-definite \(smallest eigenvalue -0\.800 < -1e-10\)/);
  });

  it('says which rule failed', () => {
    expect(checkCorrelationMatrix([])).toMatch(/empty/);
    expect(checkCorrelationMatrix([[1, 0.2], [0.2]])).toMatch(/not square: row 2 has 1 entries, expected 2/);
    expect(checkCorrelationMatrix([[1, 0.2], [0.3, 1]])).toMatch(/not symmetric: entry \(1, 2\) is 0.2 but \(2, 1\) is 0.3/);
    expect(checkCorrelationMatrix([[1, 0.2], [0.2 + 1e-13, 1]])).toBeUndefined(); // within 1e-12
    expect(checkCorrelationMatrix([[0.9, 0.2], [0.2, 1]])).toMatch(/diagonal entry \(1, 1\) is 0.9, must be 1/);
    expect(checkCorrelationMatrix([[1, 1.2], [1.2, 1]])).toMatch(/entry \(1, 2\) is 1.2, outside \[-1, 1\]/);
    expect(checkCorrelationMatrix([[1, Number.NaN], [Number.NaN, 1]])).toMatch(/not a finite number/);
  });
});
