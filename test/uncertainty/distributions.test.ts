import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Z_90,
  compileQuantile,
  incompleteBeta,
  logGamma,
  mean,
  normalCdf,
  normalQuantile,
  pointValue,
  quantile,
  validateDistribution,
} from '../../src/uncertainty/distributions.js';
import { latinHypercube } from '../../src/uncertainty/latinHypercube.js';
import { createRng } from '../../src/uncertainty/rng.js';
import { percentile } from '../../src/uncertainty/statistics.js';
import type { Distribution } from '../../src/uncertainty/types.js';

// ---------------------------------------------------------------------------
// Independent high-precision integration for the Beta CDF: Gauss-Legendre on
// panels graded geometrically towards both ends of the interval, so the
// endpoint singularities of t^(a-1) (1-t)^(b-1) cost nothing in accuracy.
// ---------------------------------------------------------------------------

function gaussLegendre(order: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= order; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (order + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= order; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      derivative = (order * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * derivative * derivative));
  }
  return { nodes, weights };
}

const GL = gaussLegendre(20);

function integrateGraded(f: (t: number) => number, lo: number, hi: number): number {
  const panel = (a: number, b: number) => {
    const half = (b - a) / 2;
    const mid = (a + b) / 2;
    let sum = 0;
    for (let i = 0; i < GL.nodes.length; i++) sum += GL.weights[i]! * f(mid + half * GL.nodes[i]!);
    return sum * half;
  };
  const middle = (lo + hi) / 2;
  let total = 0;
  const levels = 60;
  for (let j = 0; j < levels; j++) {
    const near = 2 ** -(j + 1);
    const far = 2 ** -j;
    total += panel(lo + (middle - lo) * near, lo + (middle - lo) * far);
    total += panel(hi - (hi - middle) * far, hi - (hi - middle) * near);
  }
  total += panel(lo, lo + (middle - lo) * 2 ** -levels) + panel(hi - (hi - middle) * 2 ** -levels, hi);
  return total;
}

/** Unnormalised Beta(a, b) density t^(a-1) (1-t)^(b-1) on (0, 1). */
function betaKernel(a: number, b: number): (t: number) => number {
  return (t) => (t <= 0 || t >= 1 ? 0 : Math.exp((a - 1) * Math.log(t) + (b - 1) * Math.log1p(-t)));
}

/** Beta(a, b) CDF by integration of the density, independent of the library's continued fraction. */
function betaCdfByIntegration(a: number, b: number): (x: number) => number {
  const density = betaKernel(a, b);
  const total = integrateGraded(density, 0, 1);
  return (x) => (x <= 0.5 ? integrateGraded(density, 0, x) / total : 1 - integrateGraded(density, x, 1) / total);
}

/** 100,000 Latin-hypercube draws from d. */
function lhsDraws(d: Distribution, n = 100_000, seed = 11): Float64Array {
  const u = latinHypercube(n, 1, createRng(seed))[0]!;
  const inverse = compileQuantile(d);
  return u.map(inverse);
}

/** Slope of the quantile function at p, by central difference. */
function quantileSlope(d: Distribution, p: number): number {
  return (quantile(d, p + 1e-6) - quantile(d, p - 1e-6)) / 2e-6;
}

function sampleMean(values: Float64Array): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The sampled P10/P50/P90 agree with the quantile function: with one Latin-
 * hypercube draw per stratum, the empirical p-quantile's uniform lies within
 * 1/n of p, so the values agree within 2/n times the slope of the quantile.
 */
function expectQuantilesReproduced(d: Distribution, draws: Float64Array): void {
  const sorted = Float64Array.from(draws).sort();
  for (const p of [0.1, 0.5, 0.9]) {
    const tolerance = (2 / draws.length) * quantileSlope(d, p);
    expect(Math.abs(percentile(sorted, p) - quantile(d, p))).toBeLessThanOrEqual(tolerance);
  }
}

describe('normal quantile (AS241) and CDF', () => {
  it('Phi^-1(0.975) = 1.959963984540054 to 1e-15 (AS241 lands 2 ulps away)', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.9)).toBeCloseTo(Z_90, 15);
  });

  it('matches high-precision reference values to 1e-15 relative, into the far tails', () => {
    // [p, Phi^-1(p)] from mpmath at 700 digits.
    const reference: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-100, -21.273453560965326],
      [1e-20, -9.262340089798407],
      [1e-10, -6.361340902404057],
      [1e-5, -4.264890793922825],
      [0.001, -3.0902323061678136],
      [0.02425, -1.972961051311885],
      [0.075, -1.439531470938456],
      [0.3, -0.5244005127080408],
      [0.7, 0.5244005127080407],
      [0.925, 1.4395314709384561],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of reference) expect(Math.abs(normalQuantile(p) / z - 1)).toBeLessThan(1e-15);
  });

  it('is exactly odd-symmetric (for p whose 1 - p is exact) and infinite at 0 and 1', () => {
    for (const p of [2 ** -40, 2 ** -7, 0.125, 0.375]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it('Phi matches reference values to 2e-15 relative in both tails', () => {
    const reference: [number, number][] = [
      [-37, 5.725571222524576822683e-300],
      [-20, 2.753624118606233695076e-89],
      [-10, 7.619853024160526065973e-24],
      [-5, 2.866515718791939116738e-7],
      [-3, 1.349898031630094526652e-3],
      [-2.5, 6.209665325776135166978e-3],
      [-1.5, 6.680720126885806600449e-2],
      [-1, 0.1586552539314570514148],
      [0, 0.5],
      [1, 0.8413447460685429485852],
      [3, 0.9986501019683699054733],
    ];
    for (const [z, p] of reference) expect(Math.abs(normalCdf(z) / p - 1)).toBeLessThan(2e-15);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('round-trips: Phi(Phi^-1(p)) = p to 1e-15 (1 + z^2) relative (the tail magnifies z\'s rounding by |z|)', () => {
    for (const p of [1e-200, 1e-9, 0.001, 0.1, 0.5, 0.8, 0.99]) {
      const z = normalQuantile(p);
      expect(Math.abs(normalCdf(z) / p - 1)).toBeLessThan(1e-15 * (1 + z * z));
    }
  });
});

describe('log-gamma and the incomplete beta', () => {
  it('logGamma matches known values to 5e-15 absolute', () => {
    expect(Math.abs(logGamma(0.5) - 0.5723649429247001)).toBeLessThan(5e-15); // ln sqrt(pi)
    expect(Math.abs(logGamma(1))).toBeLessThan(5e-15);
    expect(Math.abs(logGamma(10) - Math.log(362880))).toBeLessThan(5e-15);
    expect(Math.abs(logGamma(100) - 359.1342053695754)).toBeLessThan(1e-13);
    expect(Math.abs(logGamma(3.7) - 1.428072326665388)).toBeLessThan(5e-15);
  });

  it('incompleteBeta matches closed forms to 1e-14', () => {
    for (const x of [1e-6, 0.05, 0.3, 0.5, 0.77, 0.999]) {
      expect(incompleteBeta(x, 1, 4)).toBeCloseTo(1 - (1 - x) ** 4, 14);
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 14);
      expect(incompleteBeta(x, 2, 2)).toBeCloseTo(3 * x * x - 2 * x ** 3, 14);
    }
  });
});

describe('PERT', () => {
  const cases: Extract<Distribution, { kind: 'pert' }>[] = [
    { kind: 'pert', low: 0, mode: 0, high: 1, lambda: 4 }, // Beta(1, 5)
    { kind: 'pert', low: 0, mode: 1, high: 1, lambda: 4 }, // Beta(5, 1)
    { kind: 'pert', low: 0, mode: 0.5, high: 1, lambda: 4 }, // Beta(3, 3)
    { kind: 'pert', low: 700, mode: 1000, high: 1600, lambda: 4 }, // Beta(7/3, 11/3)
    { kind: 'pert', low: 0.5, mode: 0.7, high: 0.8, lambda: 4 }, // Beta(11/3, 7/3)
    { kind: 'pert', low: 1.1, mode: 1.11, high: 1.5, lambda: 4 }, // Beta(1.1, 4.9)
    { kind: 'pert', low: -5, mode: 2, high: 10, lambda: 10 },
    { kind: 'pert', low: 0, mode: 0.3, high: 1, lambda: 1 },
  ];
  const grid = [1e-9, 1e-6, 1e-4, 0.003, 0.01, 0.05, 0.1, 0.25, 0.37, 0.5, 0.63, 0.75, 0.9, 0.95, 0.99, 0.999, 1 - 1e-5];

  it('quantile is accurate to 1e-12 of the range against numerical integration of the Beta density', () => {
    for (const d of cases) {
      const width = d.high - d.low;
      const alpha = 1 + (d.lambda * (d.mode - d.low)) / width;
      const beta = 1 + (d.lambda * (d.high - d.mode)) / width;
      const cdf = betaCdfByIntegration(alpha, beta);
      const total = integrateGraded(betaKernel(alpha, beta), 0, 1);
      for (const u of grid) {
        const x = (quantile(d, u) - d.low) / width;
        // Error in x from the CDF residual: |F(x) - u| / density(x).
        const error = Math.abs(cdf(x) - u) / (betaKernel(alpha, beta)(x) / total);
        expect(error, `${JSON.stringify(d)} at u = ${u}`).toBeLessThan(1e-12);
      }
    }
  });

  it('matches the closed form of Beta(1, 5): x = 1 - (1 - u)^(1/5), to 1e-14', () => {
    const d: Distribution = { kind: 'pert', low: 0, mode: 0, high: 1, lambda: 4 };
    for (let i = 1; i < 1000; i++) {
      const u = i / 1000;
      expect(Math.abs(quantile(d, u) - (1 - (1 - u) ** 0.2))).toBeLessThan(1e-14);
    }
  });

  it('is increasing in u on a fine grid', () => {
    const inverse = compileQuantile(cases[3]!);
    let previous = Number.NEGATIVE_INFINITY;
    let decreases = 0;
    for (let i = 1; i < 100_000; i++) {
      const x = inverse(i / 100_000);
      if (!(x > previous)) decreases++;
      previous = x;
    }
    expect(decreases).toBe(0);
  });

  it('100,000 LHS draws: mean within 1e-5 of the range of (low + lambda mode + high)/(lambda + 2); P10/P50/P90 reproduced', () => {
    for (const d of cases) {
      const draws = lhsDraws(d);
      expect(Math.abs(sampleMean(draws) - mean(d))).toBeLessThan(1e-5 * (d.high - d.low));
      expectQuantilesReproduced(d, draws);
      expect(draws.every((v) => v >= d.low && v <= d.high)).toBe(true);
    }
    expect(mean({ kind: 'pert', low: 700, mode: 1000, high: 1600, lambda: 4 })).toBeCloseTo(1050, 12);
  });

  it('is bit-identical whether compiled or not', () => {
    const d = cases[4]!;
    const inverse = compileQuantile(d);
    for (const u of grid) expect(Object.is(quantile(d, u), inverse(u))).toBe(true);
  });

  it('is compiled once per distribution object (the tornado asks again for each input sampled)', () => {
    const d = { kind: 'pert' as const, low: 700, mode: 1000, high: 1600, lambda: 4 };
    expect(compileQuantile(d)).toBe(compileQuantile(d));
    // An equal but distinct object is its own entry, with the same values.
    const twin = { ...d };
    expect(compileQuantile(twin)).not.toBe(compileQuantile(d));
    expect(quantile(twin, 0.9)).toBe(quantile(d, 0.9));
  });
});

describe('triangular and uniform', () => {
  const triangle: Distribution = { kind: 'triangular', low: 1, mode: 2, high: 5 };

  it('triangular: closed form, mode at F(mode) = (mode - low)/(high - low), ends at 0 and 1', () => {
    expect(quantile(triangle, 0.25)).toBeCloseTo(2, 14);
    expect(quantile(triangle, 0)).toBe(1);
    expect(quantile(triangle, 1)).toBe(5);
    // F(x) = (x-1)^2 / 4 below the mode: u = 0.04 -> x = 1.4
    expect(quantile(triangle, 0.04)).toBeCloseTo(1.4, 14);
  });

  it('triangular: 100,000 LHS draws reproduce the mean (low+mode+high)/3 = 8/3 within 1e-5 and P10/P50/P90', () => {
    const draws = lhsDraws(triangle);
    expect(Math.abs(sampleMean(draws) - 8 / 3)).toBeLessThan(1e-5);
    expectQuantilesReproduced(triangle, draws);
  });

  it('uniform: 100,000 LHS draws reproduce the mean within 1e-6 of the range and P10/P50/P90', () => {
    const d: Distribution = { kind: 'uniform', low: -720, high: 2160 };
    const draws = lhsDraws(d);
    expect(Math.abs(sampleMean(draws) - 720)).toBeLessThan(1e-6 * 2880);
    expectQuantilesReproduced(d, draws);
  });

  it('a zero-width range gives its one value', () => {
    expect(quantile({ kind: 'triangular', low: 3, mode: 3, high: 3 }, 0.7)).toBe(3);
    expect(quantile({ kind: 'pert', low: 3, mode: 3, high: 3, lambda: 4 }, 0.7)).toBe(3);
  });
});

describe('truncated normal', () => {
  it('untruncated: exactly mean + sd * Phi^-1(u)', () => {
    const d: Distribution = { kind: 'normal', mean: 10, sd: 2, min: -Infinity, max: Infinity };
    for (const u of [1e-6, 0.1, 0.5, 0.975]) expect(quantile(d, u)).toBe(10 + 2 * normalQuantile(u));
    expect(pointValue(d)).toBe(10);
  });

  it('[-1, 2] standard: analytic mean (phi(-1) - phi(2)) / (Phi(2) - Phi(-1)) = 0.2296371790913290; draws stay inside', () => {
    const d: Distribution = { kind: 'normal', mean: 0, sd: 1, min: -1, max: 2 };
    expect(mean(d)).toBeCloseTo(0.229637179091329, 14);
    const draws = lhsDraws(d);
    expect(draws.every((v) => v >= -1 && v <= 2)).toBe(true);
    expect(Math.abs(sampleMean(draws) - mean(d))).toBeLessThan(1e-6);
    expectQuantilesReproduced(d, draws);
    expect(quantile(d, 1e-300)).toBeGreaterThanOrEqual(-1);
    expect(quantile(d, 1 - 2 ** -53)).toBeLessThanOrEqual(2);
  });

  it('half-normal [mean, inf): mean mu + sigma sqrt(2/pi), median mu + 0.6744897501960817 sigma', () => {
    const d: Distribution = { kind: 'normal', mean: 100, sd: 15, min: 100, max: Infinity };
    expect(mean(d)).toBeCloseTo(100 + 15 * Math.sqrt(2 / Math.PI), 12);
    expect(pointValue(d)).toBeCloseTo(100 + 15 * 0.6744897501960817, 12);
    const draws = lhsDraws(d);
    expect(draws.every((v) => v >= 100)).toBe(true);
    expect(Math.abs(sampleMean(draws) - mean(d))).toBeLessThan(1e-4);
  });

  it('far upper tail [5 sd, 6 sd] (sampled through the mirrored, small-tail form): mean 5.183147090477174, median 5.131371763283919', () => {
    const d: Distribution = { kind: 'normal', mean: 0, sd: 1, min: 5, max: 6 };
    expect(mean(d)).toBeCloseTo(5.183147090477174, 12);
    expect(pointValue(d)).toBeCloseTo(5.131371763283919, 12);
    const draws = lhsDraws(d);
    expect(draws.every((v) => v >= 5 && v <= 6)).toBe(true);
    expect(Math.abs(sampleMean(draws) - mean(d))).toBeLessThan(1e-6);
  });
});

describe('lognormal from P10/P90', () => {
  const d: Distribution = { kind: 'lognormal', p10: 0.1, p90: 0.4 };

  it('reproduces P10 and P90 to 1e-14 relative; median sqrt(p10 p90)', () => {
    expect(Math.abs(quantile(d, 0.1) / 0.1 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(quantile(d, 0.9) / 0.4 - 1)).toBeLessThan(1e-14);
    expect(pointValue(d)).toBeCloseTo(0.2, 15);
    expect(quantile(d, 0.5)).toBeCloseTo(0.2, 15);
  });

  it('100,000 LHS draws: mean exp(mu + sigma^2/2) within 1e-4 relative; P10/P50/P90 reproduced', () => {
    const sigma = Math.log(4) / (2 * Z_90);
    expect(mean(d)).toBeCloseTo(0.2 * Math.exp((sigma * sigma) / 2), 14);
    const draws = lhsDraws(d);
    expect(Math.abs(sampleMean(draws) / mean(d) - 1)).toBeLessThan(1e-4);
    expectQuantilesReproduced(d, draws);
  });
});

describe('choice', () => {
  const d: Distribution = { kind: 'choice', weights: [0.5, 0.3, 0, 0.2] };

  it('LHS frequencies equal the weights to within one draw; zero-weight options never drawn', () => {
    const n = 100_000;
    const draws = lhsDraws(d, n);
    const counts = [0, 0, 0, 0];
    for (const v of draws) counts[v]! += 1;
    expect(counts[2]).toBe(0);
    [0.5, 0.3, 0, 0.2].forEach((w, i) => expect(Math.abs(counts[i]! - n * w)).toBeLessThanOrEqual(1));
  });

  it('i.i.d. frequencies within 4 standard errors', () => {
    const rng = createRng(5);
    const inverse = compileQuantile(d);
    const n = 100_000;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) counts[inverse(rng())]! += 1;
    [0.5, 0.3, 0, 0.2].forEach((w, i) => expect(Math.abs(counts[i]! / n - w)).toBeLessThanOrEqual(4 * Math.sqrt((w * (1 - w)) / n)));
  });

  it('point value: the highest weight, lowest index on ties; mean: the mean index', () => {
    expect(pointValue(d)).toBe(0);
    expect(pointValue({ kind: 'choice', weights: [0.25, 0.375, 0.375] })).toBe(1);
    expect(mean(d)).toBeCloseTo(0.3 + 0.6, 14);
    expect(quantile({ kind: 'choice', weights: [0, 1] }, 1e-12)).toBe(1);
    expect(quantile({ kind: 'choice', weights: [1, 0] }, 1 - 1e-12)).toBe(0);
  });
});

describe('pointValue', () => {
  it('is the mode for triangular and PERT, the median for uniform', () => {
    expect(pointValue({ kind: 'triangular', low: 1, mode: 2, high: 5 })).toBe(2);
    expect(pointValue({ kind: 'pert', low: 1, mode: 2, high: 5, lambda: 4 })).toBe(2);
    expect(pointValue({ kind: 'uniform', low: 1, high: 5 })).toBe(3);
  });
});

describe('validateDistribution', () => {
  const problem = (d: Distribution) => validateDistribution(d);

  it('accepts good parameters', () => {
    const good: Distribution[] = [
      { kind: 'triangular', low: 1, mode: 1, high: 2 },
      { kind: 'pert', low: 1, mode: 1.5, high: 2, lambda: 4 },
      { kind: 'uniform', low: 1, high: 1 },
      { kind: 'normal', mean: 0, sd: 1, min: -Infinity, max: Infinity },
      { kind: 'normal', mean: 0, sd: 1, min: 37, max: 38 },
      { kind: 'lognormal', p10: 1, p90: 2 },
      { kind: 'choice', weights: [0.1, 0.2, 0.7] },
    ];
    for (const d of good) expect(problem(d), JSON.stringify(d)).toBeUndefined();
  });

  it('names each problem in words', () => {
    expect(problem({ kind: 'triangular', low: 3, mode: 2, high: 1 })).toMatch(/low \(3\) is greater than high \(1\)/);
    expect(problem({ kind: 'pert', low: 1, mode: 5, high: 3, lambda: 4 })).toMatch(/mode \(5\) lies outside \[low, high\]/);
    expect(problem({ kind: 'pert', low: 1, mode: 2, high: 3, lambda: 0 })).toMatch(/lambda must be a positive/);
    expect(problem({ kind: 'triangular', low: Number.NaN, mode: 2, high: 3 })).toMatch(/low must be a finite number/);
    expect(problem({ kind: 'uniform', low: 2, high: 1 })).toMatch(/low \(2\) is greater than high \(1\)/);
    expect(problem({ kind: 'normal', mean: 0, sd: 0, min: -1, max: 1 })).toMatch(/sd must be positive/);
    expect(problem({ kind: 'normal', mean: 0, sd: -1, min: -1, max: 1 })).toMatch(/sd must be positive/);
    expect(problem({ kind: 'normal', mean: 0, sd: 1, min: 1, max: 1 })).toMatch(/min \(1\) must be less than max \(1\)/);
    expect(problem({ kind: 'normal', mean: 0, sd: 1, min: 50, max: 60 })).toMatch(/too far in the tail/);
    expect(problem({ kind: 'lognormal', p10: 2, p90: 2 })).toMatch(/p10 \(2\) must be less than p90 \(2\)/);
    expect(problem({ kind: 'lognormal', p10: 0, p90: 2 })).toMatch(/p10 must be positive/);
    expect(problem({ kind: 'lognormal', p10: -1, p90: 2 })).toMatch(/p10 must be positive/);
    expect(problem({ kind: 'choice', weights: [] })).toMatch(/at least one option/);
    expect(problem({ kind: 'choice', weights: [0.5, -0.1, 0.6] })).toMatch(/weight 1 must be a non-negative/);
    expect(problem({ kind: 'choice', weights: [0.5, 0.4] })).toMatch(/sum to 1 \(within 1e-9\), they sum to 0.9/);
    expect(problem({ kind: 'choice', weights: [0.5, 0.5 + 2e-9] })).toMatch(/sum to 1/);
    expect(problem({ kind: 'choice', weights: [0.5, 0.5 + 5e-10] })).toBeUndefined();
  });
});

describe('byte determinism', () => {
  it('LHS -> quantile samples hash to a pinned SHA-256 (any change of algorithm or platform shows here)', () => {
    const ds: Distribution[] = [
      { kind: 'pert', low: 700, mode: 1000, high: 1600, lambda: 4 },
      { kind: 'triangular', low: 1, mode: 2, high: 5 },
      { kind: 'normal', mean: 0, sd: 1, min: -1, max: 2 },
      { kind: 'normal', mean: 0, sd: 1, min: 5, max: 6 },
      { kind: 'lognormal', p10: 0.1, p90: 0.4 },
      { kind: 'choice', weights: [0.5, 0.3, 0.2] },
    ];
    const u = latinHypercube(2000, ds.length, createRng(42));
    const hash = createHash('sha256');
    ds.forEach((d, i) => hash.update(u[i]!.map(compileQuantile(d))));
    expect(hash.digest('hex')).toBe('c99fa3c1698c744a963dd88b8799adb44edb92f486b3673cad8a2519647c1b52');
  });
});
