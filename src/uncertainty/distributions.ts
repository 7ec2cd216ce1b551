/**
 * Inverse CDFs (quantile functions) of the input distributions, their point
 * values, analytic means and parameter checks.
 *
 * Sampling maps a uniform u in (0, 1) through the quantile function, so every
 * sampled value depends only on u and the parameters, by a fixed sequence of
 * IEEE operations plus Math.exp/log/log1p/sqrt (V8's fdlibm ports, identical
 * on every platform). No platform-dependent or randomised step is involved.
 *
 * `quantile(d, u)` is `compileQuantile(d)(u)`, bit for bit: compile once per
 * input and call the compiled function in sampling loops.
 */
import type { Distribution } from './types.js';

/** Phi^-1(0.9): a lognormal's P90 lies this many log-sds above its median. */
export const Z_90 = 1.2815515655446004;

const LN_SQRT_2PI = 0.9189385332046728; // ln(sqrt(2 pi))
const INV_SQRT_2PI = 0.3989422804014327; // 1/sqrt(2 pi)

// ---------------------------------------------------------------------------
// Special functions
// ---------------------------------------------------------------------------

/**
 * Standard normal quantile Phi^-1(p), Wichura's AS241 (PPND16): rational
 * approximations in three regions, relative accuracy about 1e-16. Written out
 * as nested multiply-adds in a fixed order so the result is reproducible.
 * Returns -Infinity at 0, +Infinity at 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    const num =
      (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r +
        4.5921953931549871457e4) * r + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r +
        1.3314166789178437745e2) * r + 3.387132872796366608) * q;
    const den =
      ((((((5.226495278852854561e3 * r + 2.8729085735721942674e4) * r + 3.930789580009271061e4) * r +
        2.1213794301586595867e4) * r + 5.3941960214247511077e3) * r + 6.871870074920579083e2) * r +
        4.2313330701600911252e1) * r + 1.0;
    return num / den;
  }
  // Tails: r = sqrt(-ln(min(p, 1 - p))); 1 - p is exact here because p > 0.5.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    const num =
      ((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r + 2.4178072517745061177e-1) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734;
    const den =
      ((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 1.51986665636164571966e-2) * r +
        1.4810397642748007459e-1) * r + 6.8976733498510000455e-1) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1.0;
    x = num / den;
  } else {
    r -= 5;
    const num =
      ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.2426609473880784386e-3) * r +
        2.6532189526576123093e-2) * r + 2.9656057182850489123e-1) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772;
    const den =
      ((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 1.48753612908506148525e-2) * r + 1.3692988092273580531e-1) * r +
        5.9983220655588793769e-1) * r + 1.0;
    x = num / den;
  }
  return q < 0 ? -x : x;
}

/**
 * Standard normal CDF Phi(z), to about 1e-15 relative in both tails. For
 * |z| < 1.5, Marsaglia's series Phi(z) = 1/2 + phi(z) (z + z^3/3 + z^5/15 +
 * ...), whose terms share one sign; beyond, the lower tail Phi(-|z|) from
 * Laplace's continued fraction Q(z) = phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))),
 * which has no cancellation. Used only when compiling a distribution, so it
 * favours clarity over speed.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const t = Math.abs(z);
  if (t < 1.5) {
    let term = t;
    let sum = t;
    for (let n = 1; term > sum * 1e-17; n++) {
      term *= (t * t) / (2 * n + 1);
      sum += term;
    }
    const half = normalDensity(t) * sum; // Phi(|z|) - 1/2, at most 0.434: losing under one digit below
    return z < 0 ? 0.5 - half : 0.5 + half;
  }
  if (t === Number.POSITIVE_INFINITY) return z < 0 ? 0 : 1;
  // Modified Lentz evaluation of z + 1/(z + 2/(z + ...)).
  const tiny = 1e-300;
  let f = t;
  let c = t;
  let d = 0;
  for (let j = 1; j < 5000; j++) {
    d = t + j * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = t + j / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const lowerTail = normalDensity(t) / f;
  return z < 0 ? lowerTail : 1 - lowerTail;
}

/**
 * Standard normal density. z^2/2 is formed as (z_hi^2 + (z - z_hi)(z + z_hi))/2
 * with z_hi = z rounded to 1/16, whose square is exact: the exponent keeps
 * full precision even far in the tails, where exp magnifies its error.
 */
function normalDensity(z: number): number {
  if (!Number.isFinite(z)) return 0;
  const high = Math.trunc(z * 16) / 16;
  return INV_SQRT_2PI * Math.exp(-0.5 * high * high) * Math.exp(-0.5 * (z - high) * (z + high));
}

/**
 * ln Gamma(x) for x > 0: the recurrence shifts x up to at least 15, then
 * Stirling's series to the x^-9 term (truncation error below 3e-16 there).
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let shift = 1;
  while (x < 15) {
    shift *= x; // at most 15 factors below 15: no overflow
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188))));
  return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + series - Math.log(shift);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Most pairs of terms of the incomplete-beta continued fraction evaluated (as in Numerical Recipes). */
const FRACTION_PAIRS = 300;

/**
 * The coefficients c_j of the incomplete beta's continued fraction
 * (Numerical Recipes' betacf), I_x(a, b) = x^a (1-x)^b / (a B(a, b)) /
 * (1 + d1/(1 + d2/(1 + ...))) with d_j = c_j x. They depend on a and b only,
 * so a compiled distribution computes them once.
 */
function fractionCoefficients(a: number, b: number): Float64Array {
  const c = new Float64Array(2 * FRACTION_PAIRS + 1);
  c[0] = -(a + b) / (a + 1);
  for (let m = 1; m <= FRACTION_PAIRS; m++) {
    const m2 = 2 * m;
    c[m2 - 1] = (m * (b - m)) / ((a - 1 + m2) * (a + m2));
    c[m2] = (-(a + m) * (a + b + m)) / ((a + m2) * (a + 1 + m2));
  }
  return c;
}

/**
 * 1 / (1 + c_0 x/(1 + c_1 x/(1 + ...))) by the forward (Wallis) recurrence
 * for the convergents A_j / B_j. Only multiply-adds sit on the dependency
 * chain and convergence is tested by cross-multiplication, so no term needs a
 * division (several times faster than the division-bound Lentz form). Used
 * for x below (a + 1)/(a + b + 2), where it converges in a handful of terms;
 * growth past 1e150 is rescaled away.
 */
function evaluateFraction(x: number, c: Float64Array): number {
  let numPrev = 1; // A_0
  let denPrev = 1; // B_0
  let num = 1 + c[0]! * x; // A_1
  let den = 1; // B_1
  for (let j = 1; j < c.length; j++) {
    const d = c[j]! * x;
    const numNext = num + d * numPrev;
    const denNext = den + d * denPrev;
    numPrev = num;
    denPrev = den;
    num = numNext;
    den = denNext;
    // Successive convergents den/num agree to 1e-16 relative (checked after each pair of terms).
    if ((j & 1) === 0 && Math.abs(den * numPrev - denPrev * num) <= 1e-16 * Math.abs(den * numPrev)) break;
    if (Math.abs(num) > 1e150) {
      numPrev *= 1e-150;
      denPrev *= 1e-150;
      num *= 1e-150;
      den *= 1e-150;
    }
  }
  return den / num;
}

/** Beta(a, b) with what its CDF needs precomputed. */
interface BetaShape {
  a: number;
  b: number;
  lnBeta: number;
  /** Fraction for I_x(a, b), used below `split`. */
  lower: Float64Array;
  /** Fraction for I_{1-x}(b, a) = 1 - I_x(a, b), used above `split`. */
  upper: Float64Array;
  split: number;
}

function betaShape(a: number, b: number): BetaShape {
  return {
    a,
    b,
    lnBeta: logBeta(a, b),
    lower: fractionCoefficients(a, b),
    upper: fractionCoefficients(b, a),
    split: (a + 1) / (a + b + 2),
  };
}

/** Regularized incomplete beta I_x(a, b) (for checks and docs; sampling uses the compiled form). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  const shape = betaShape(a, b);
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - shape.lnBeta);
  return x < shape.split
    ? (front * evaluateFraction(x, shape.lower)) / a
    : 1 - (front * evaluateFraction(1 - x, shape.upper)) / b;
}

/**
 * Starting point for the Beta(a, b) quantile (Numerical Recipes 3rd ed.,
 * invbetai): a Cornish-Fisher-like normal approximation when a, b >= 1, the
 * two power-law tails otherwise. Typically within a few per cent.
 */
function betaQuantileGuess(u: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = u < 0.5 ? u : 1 - u;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (u < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const t = Math.exp(a * Math.log(a / (a + b))) / a;
  const v = Math.exp(b * Math.log(b / (a + b))) / b;
  const w = t + v;
  return u < t / w ? Math.exp(Math.log(a * w * u) / a) : 1 - Math.exp(Math.log(b * w * (1 - u)) / b);
}

/**
 * Beta quantile by Halley's method on f(x) = I_x(a, b) - u from `guess`,
 * safeguarded by a bracket [lo, hi] that every evaluation narrows (a step
 * leaving it becomes a bisection). Halley converges cubically, so once a step
 * is below 1e-5 of the distance to the nearer end of [0, 1] the remaining
 * error is far below 1e-13 of it, and the loop stops there rather than
 * spending another evaluation to confirm.
 */
function solveBetaQuantile(u: number, shape: BetaShape, guess: number): number {
  if (!(u > 0)) return 0;
  if (!(u < 1)) return 1;
  const { a, b, lnBeta, lower, upper, split } = shape;
  const complement = 1 - u;
  let lo = 0;
  let hi = 1;
  let x = guess > 0 && guess < 1 ? guess : 0.5;
  for (let iteration = 0; iteration < 200; iteration++) {
    const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnBeta); // x^a (1-x)^b / B(a, b)
    // On the side where the fraction converges; above the split, 1 - u is exact for u >= 1/2.
    const f =
      x < split
        ? (front * evaluateFraction(x, lower)) / a - u
        : complement - (front * evaluateFraction(1 - x, upper)) / b;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = front / (x * (1 - x));
    let next = Number.NaN;
    if (density > 0 && density < Number.POSITIVE_INFINITY) {
      const newton = f / density;
      // f''/f' = (a-1)/x - (b-1)/(1-x); the min() keeps the Halley denominator >= 1/2.
      const curvature = Math.min(1, newton * ((a - 1) / x - (b - 1) / (1 - x)));
      next = x - newton / (1 - 0.5 * curvature);
    }
    const halley = next > lo && next < hi;
    if (!halley) next = 0.5 * (lo + hi);
    const step = Math.abs(next - x);
    x = next;
    if (halley && step <= 1e-5 * Math.min(x, 1 - x)) return x;
    if (step === 0 || hi - lo <= 4e-16 * Math.min(x, 1 - x)) return x;
  }
  return x;
}

/** Cells of the Beta quantile table: its interpolant starts the solve within ~1e-7 in the interior. */
const BETA_TABLE_CELLS = 64;

/**
 * Compiled Beta(a, b) quantile on [0, 1]. Precomputes ln B(a, b), the
 * fraction coefficients, and the exact quantile at u = k/64 with its slope
 * dx/du = 1/density. A sample starts from the cubic Hermite interpolant of its
 * cell, close enough that one Halley step (one fraction evaluation) usually
 * finishes. The table only picks the starting point; accuracy comes from the
 * solve. Cells at an end where the density is 0 or infinite start from the
 * Numerical Recipes guess instead.
 */
function compileBetaQuantile(a: number, b: number): (u: number) => number {
  const shape = betaShape(a, b);
  const cells = BETA_TABLE_CELLS;
  const node = new Float64Array(cells + 1);
  const tangent = new Float64Array(cells + 1); // dx/du times the cell width
  for (let k = 0; k <= cells; k++) {
    const u = k / cells;
    const x = solveBetaQuantile(u, shape, betaQuantileGuess(u, a, b));
    node[k] = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - shape.lnBeta);
    tangent[k] = 1 / (density * cells); // Infinity where the density is 0, 0 where it is infinite
  }
  return (u) => {
    const t = u * cells;
    const k = Math.min(cells - 1, Math.max(0, Math.floor(t)));
    const m0 = tangent[k]!;
    const m1 = tangent[k + 1]!;
    let guess: number;
    if (m0 > 0 && m1 > 0 && m0 < Number.POSITIVE_INFINITY && m1 < Number.POSITIVE_INFINITY) {
      const f = t - k;
      const g = 1 - f;
      guess = (1 + 2 * f) * g * g * node[k]! + f * g * g * m0 + f * f * (3 - 2 * f) * node[k + 1]! - f * f * g * m1;
    } else {
      guess = betaQuantileGuess(u, a, b);
    }
    return solveBetaQuantile(u, shape, guess);
  };
}

// ---------------------------------------------------------------------------
// Distributions
// ---------------------------------------------------------------------------

/** Truncation bounds of a normal in standard units, and the form used to sample it. */
interface TruncatedNormal {
  /** True when both bounds lie at or above the mean: sample the mirror image, whose CDF is small there. */
  mirrored: boolean;
  /** CDF at the lower end of the (possibly mirrored) interval. */
  start: number;
  /** Probability mass inside the interval. */
  mass: number;
}

function truncatedNormal(d: Extract<Distribution, { kind: 'normal' }>): TruncatedNormal {
  const a = (d.min - d.mean) / d.sd;
  const b = (d.max - d.mean) / d.sd;
  if (a >= 0) {
    // Upper tail: work with Q(z) = Phi(-z) so a thin interval far above the mean keeps its digits.
    const qa = normalCdf(-a);
    return { mirrored: true, start: qa, mass: qa - normalCdf(-b) };
  }
  const pa = normalCdf(a);
  return { mirrored: false, start: pa, mass: normalCdf(b) - pa };
}

/**
 * Compiled quantile functions by distribution object (distributions are immutable data).
 * A run samples each input, then asks for its P10, P50 and P90 (the tornado), and compiling
 * a PERT's table takes 65 exact Beta solves: each distribution is compiled once.
 */
const compiled = new WeakMap<Distribution, (u: number) => number>();

/** Precomputed quantile function of a distribution: u in (0, 1) -> value in model units. */
export function compileQuantile(d: Distribution): (u: number) => number {
  let inverse = compiled.get(d);
  if (inverse === undefined) {
    inverse = buildQuantile(d);
    compiled.set(d, inverse);
  }
  return inverse;
}

function buildQuantile(d: Distribution): (u: number) => number {
  switch (d.kind) {
    case 'uniform': {
      const { low } = d;
      const width = d.high - d.low;
      return (u) => low + u * width;
    }
    case 'triangular': {
      const { low, mode, high } = d;
      const width = high - low;
      if (!(width > 0)) return () => low;
      const modeCdf = (mode - low) / width;
      const lowerArea = width * (mode - low);
      const upperArea = width * (high - mode);
      return (u) => (u < modeCdf ? low + Math.sqrt(u * lowerArea) : high - Math.sqrt((1 - u) * upperArea));
    }
    case 'pert': {
      const { low, high } = d;
      const width = high - low;
      if (!(width > 0)) return () => low;
      // Beta(alpha, beta) on [low, high]: alpha = 1 + lambda (mode - low)/width, beta = 1 + lambda (high - mode)/width.
      const standard = compileBetaQuantile(1 + (d.lambda * (d.mode - low)) / width, 1 + (d.lambda * (high - d.mode)) / width);
      return (u) => Math.min(high, low + width * standard(u)); // min: rounding must not step past high
    }
    case 'normal': {
      const { mean, sd, min, max } = d;
      const { mirrored, start, mass } = truncatedNormal(d);
      // Clamping absorbs rounding at the bounds, so samples always respect [min, max].
      return mirrored
        ? (u) => Math.min(max, Math.max(min, mean - sd * normalQuantile(start - u * mass)))
        : (u) => Math.min(max, Math.max(min, mean + sd * normalQuantile(start + u * mass)));
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(d);
      return (u) => Math.exp(mu + sigma * normalQuantile(u));
    }
    case 'choice': {
      // Cumulative weights divided by their total, so the last is exactly 1.
      const total = d.weights.reduce((sum, w) => sum + w, 0);
      const cumulative = new Float64Array(d.weights.length);
      let running = 0;
      d.weights.forEach((w, i) => {
        running += w;
        cumulative[i] = running / total;
      });
      let last = d.weights.length - 1;
      while (last > 0 && !(d.weights[last]! > 0)) last--; // never return a zero-weight option
      return (u) => {
        // First option whose cumulative weight exceeds u (zero-weight options are skipped by the strict <).
        for (let i = 0; i < last; i++) if (u < cumulative[i]!) return i;
        return last;
      };
    }
  }
}

/** Value of `d` at cumulative probability u in (0, 1). Same bits as compileQuantile(d)(u). */
export function quantile(d: Distribution, u: number): number {
  return compileQuantile(d)(u);
}

/** mu and sigma of ln X for a lognormal given by its P10 and P90. */
export function lognormalParameters(d: Extract<Distribution, { kind: 'lognormal' }>): { mu: number; sigma: number } {
  const lnP10 = Math.log(d.p10);
  const lnP90 = Math.log(d.p90);
  return { mu: (lnP10 + lnP90) / 2, sigma: (lnP90 - lnP10) / (2 * Z_90) };
}

/**
 * The deterministic run's value: the mode for triangular and PERT, the median
 * for uniform, (truncated) normal and lognormal, and for a choice the option
 * with the highest weight (the lowest index on ties).
 */
export function pointValue(d: Distribution): number {
  switch (d.kind) {
    case 'triangular':
    case 'pert':
      return d.mode;
    case 'uniform':
      return (d.low + d.high) / 2;
    case 'normal':
      return compileQuantile(d)(0.5);
    case 'lognormal':
      return Math.exp(lognormalParameters(d).mu); // sqrt(p10 * p90)
    case 'choice': {
      let best = 0;
      d.weights.forEach((w, i) => {
        if (w > d.weights[best]!) best = i;
      });
      return best;
    }
  }
}

/** Analytic mean (for a choice: the mean option index). */
export function mean(d: Distribution): number {
  switch (d.kind) {
    case 'triangular':
      return (d.low + d.mode + d.high) / 3;
    case 'pert':
      return (d.low + d.lambda * d.mode + d.high) / (d.lambda + 2);
    case 'uniform':
      return (d.low + d.high) / 2;
    case 'normal': {
      // mu + sigma (phi(a) - phi(b)) / Z, Z the mass inside [a, b] in standard units.
      const a = (d.min - d.mean) / d.sd;
      const b = (d.max - d.mean) / d.sd;
      return d.mean + (d.sd * (normalDensity(a) - normalDensity(b))) / truncatedNormal(d).mass;
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(d);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'choice': {
      const total = d.weights.reduce((sum, w) => sum + w, 0);
      return d.weights.reduce((sum, w, i) => sum + i * w, 0) / total;
    }
  }
}

/** Problems with a distribution's parameters, in words; undefined when it is usable. */
export function validateDistribution(d: Distribution): string | undefined {
  const notFinite = (names: readonly string[], values: readonly number[]): string | undefined => {
    const bad = values.findIndex((v) => !Number.isFinite(v));
    return bad < 0 ? undefined : `${names[bad]} must be a finite number, got ${values[bad]}`;
  };
  switch (d.kind) {
    case 'triangular':
    case 'pert': {
      const problem = notFinite(['low', 'mode', 'high'], [d.low, d.mode, d.high]);
      if (problem) return problem;
      if (d.low > d.high) return `low (${d.low}) is greater than high (${d.high})`;
      if (d.mode < d.low || d.mode > d.high) return `mode (${d.mode}) lies outside [low, high] = [${d.low}, ${d.high}]`;
      if (d.kind === 'pert' && !(Number.isFinite(d.lambda) && d.lambda > 0))
        return `lambda must be a positive finite number, got ${d.lambda}`;
      return undefined;
    }
    case 'uniform': {
      const problem = notFinite(['low', 'high'], [d.low, d.high]);
      if (problem) return problem;
      return d.low > d.high ? `low (${d.low}) is greater than high (${d.high})` : undefined;
    }
    case 'normal': {
      const problem = notFinite(['mean', 'sd'], [d.mean, d.sd]);
      if (problem) return problem;
      if (!(d.sd > 0)) return `sd must be positive, got ${d.sd}`;
      if (Number.isNaN(d.min) || Number.isNaN(d.max) || d.min === Number.POSITIVE_INFINITY || d.max === Number.NEGATIVE_INFINITY)
        return `min and max must be numbers or -inf/+inf bounds, got min ${d.min}, max ${d.max}`;
      if (!(d.min < d.max)) return `min (${d.min}) must be less than max (${d.max})`;
      if (!(truncatedNormal(d).mass > 0))
        return `[min, max] = [${d.min}, ${d.max}] lies too far in the tail (about 38 sd or more from the mean) to hold any representable probability`;
      return undefined;
    }
    case 'lognormal': {
      const problem = notFinite(['p10', 'p90'], [d.p10, d.p90]);
      if (problem) return problem;
      if (!(d.p10 > 0)) return `p10 must be positive, got ${d.p10}`;
      if (!(d.p10 < d.p90)) return `p10 (${d.p10}) must be less than p90 (${d.p90})`;
      return undefined;
    }
    case 'choice': {
      if (d.weights.length === 0) return 'a choice needs at least one option';
      const bad = d.weights.findIndex((w) => !(Number.isFinite(w) && w >= 0));
      if (bad >= 0) return `weight ${bad} must be a non-negative finite number, got ${d.weights[bad]}`;
      const total = d.weights.reduce((sum, w) => sum + w, 0);
      if (Math.abs(total - 1) > 1e-9) return `weights must sum to 1 (within 1e-9), they sum to ${total}`;
      return undefined;
    }
  }
}
