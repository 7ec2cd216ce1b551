/**
 * Rank correlation between sampled inputs by the Iman-Conover method (Iman &
 * Conover, 1982): the samples of each input are only reordered, never
 * changed, so every marginal distribution (and its Latin-hypercube
 * stratification) survives exactly.
 *
 * 1. Build a score matrix S whose columns are permutations of the van der
 *    Waerden scores Phi^-1(i / (n + 1)), i = 1..n.
 * 2. Remove S's own chance correlation E: with E = F F' (Cholesky), S F'^-1
 *    has sample correlation exactly I (the standard refinement).
 * 3. Impose the target: with R = P P', T = S F'^-1 P' has sample correlation
 *    exactly R.
 * 4. Reorder each input column so its ranks equal the ranks of T's column.
 *
 * Targets are Spearman (rank) correlations. T is close to multivariate normal,
 * for which Spearman rho_s and Pearson r satisfy r = 2 sin(pi rho_s / 6); the
 * scores are therefore given the Pearson matrix R = 2 sin(pi rho_s / 6), so the
 * result's Spearman correlation matches the target. (Using rho_s directly, as
 * the often-quoted "Pearson of van der Waerden scores ~ Spearman" suggests,
 * leaves a bias of up to 0.018, at rho_s ~ 0.58.)
 */
import { normalQuantile } from './distributions.js';
import { randomPermutation } from './permutation.js';
import { drawUniforms, type Rng } from './rng.js';
import { sortOrder } from './statistics.js';

type Matrix = readonly (readonly number[])[];

/** Tolerances of checkCorrelationMatrix. */
const SYMMETRY_TOLERANCE = 1e-12;
const DIAGONAL_TOLERANCE = 1e-12;
const EIGENVALUE_TOLERANCE = 1e-10;

/**
 * Problems with a rank-correlation matrix, in words (undefined when usable):
 * it must be square, finite, symmetric within 1e-12, have a unit diagonal
 * (within 1e-12), entries in [-1, 1], and be positive semi-definite (smallest
 * eigenvalue >= -1e-10) - otherwise no joint distribution has those
 * correlations, e.g. [[1, .9, -.9], [.9, 1, .9], [-.9, .9, 1]].
 */
export function checkCorrelationMatrix(m: Matrix): string | undefined {
  const k = m.length;
  if (k === 0) return 'the correlation matrix is empty';
  for (let i = 0; i < k; i++) {
    const row = m[i]!;
    if (row.length !== k) return `the correlation matrix is not square: row ${i + 1} has ${row.length} entries, expected ${k}`;
    for (let j = 0; j < k; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) return `entry (${i + 1}, ${j + 1}) is not a finite number: ${v}`;
    }
  }
  for (let i = 0; i < k; i++) {
    if (Math.abs(m[i]![i]! - 1) > DIAGONAL_TOLERANCE) return `diagonal entry (${i + 1}, ${i + 1}) is ${m[i]![i]}, must be 1`;
    for (let j = 0; j < k; j++) {
      const v = m[i]![j]!;
      if (v < -1 || v > 1) return `entry (${i + 1}, ${j + 1}) is ${v}, outside [-1, 1]`;
      if (j > i && Math.abs(v - m[j]![i]!) > SYMMETRY_TOLERANCE)
        return `the correlation matrix is not symmetric: entry (${i + 1}, ${j + 1}) is ${v} but (${j + 1}, ${i + 1}) is ${m[j]![i]}`;
    }
  }
  const { values } = symmetricEigen(toFlat(m), k);
  const smallest = Math.min(...values);
  if (smallest < -EIGENVALUE_TOLERANCE)
    return `the correlation matrix is not positive semi-definite (smallest eigenvalue ${smallest.toPrecision(3)} < -1e-10): no joint distribution has these correlations`;
  return undefined;
}

/**
 * Reorders each column so the columns' rank correlation approximates `target`
 * (a k x k Spearman matrix for k columns of equal length n). Returns new
 * arrays; each holds exactly the same values as its input column.
 *
 * With `rng`, the score columns start as random permutations (the classic
 * method). Without it they start in the ranks of the input columns, which is
 * deterministic and suits columns that are already randomly ordered, such as
 * Latin-hypercube output.
 */
export function induceRankCorrelation(columns: readonly Float64Array[], target: Matrix, rng?: Rng): Float64Array[] {
  const k = columns.length;
  if (target.length !== k) throw new RangeError(`target is ${target.length} x ${target.length}, but there are ${k} columns`);
  const problem = checkCorrelationMatrix(target);
  if (problem !== undefined) throw new RangeError(`target rank correlation: ${problem}`);
  if (k === 0) return [];
  const n = columns[0]!.length;
  if (columns.some((c) => c.length !== n)) throw new RangeError('all columns must have the same length');
  if (k === 1 || n < 2) return columns.map((c) => Float64Array.from(c));

  // 1. Score columns: van der Waerden scores, permuted.
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
  const draws = new Float64Array(rng ? n - 1 : 0);
  const permutation = new Uint32Array(rng ? n : 0);
  const scoreColumns = columns.map((column) => {
    const s = new Float64Array(n);
    if (rng) {
      // The scores shuffled: the same column as shuffling them in place with these draws.
      drawUniforms(rng, draws, n - 1);
      randomPermutation(permutation, draws);
      for (let i = 0; i < n; i++) s[i] = scores[permutation[i]!]!;
    } else {
      const order = sortOrder(column);
      for (let r = 0; r < n; r++) s[order[r]!] = scores[r]!;
    }
    return s;
  });

  // 2-3. A = F'^-1 P': T = S A has sample correlation R (F = I when S's correlation is singular).
  const own = choleskyFactor(sampleCorrelation(scoreColumns, n), k);
  const ownInverse = own ? invertLowerTriangular(own, k) : identity(k);
  // Pearson matrix for the normal-like scores whose Spearman matrix is the target.
  const pearson = toFlat(target).map((rho, index) => (index % (k + 1) === 0 ? 1 : 2 * Math.sin((Math.PI * rho) / 6)));
  const imposed = choleskyFactor(pearson, k) ?? eigenFactor(pearson, k);
  // A[l][j] = sum_p ownInverse[p][l] * imposed[j][p]  (A = ownInverse' imposed')
  const transform = new Float64Array(k * k);
  for (let l = 0; l < k; l++)
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += ownInverse[p * k + l]! * imposed[j * k + p]!;
      transform[l * k + j] = sum;
    }

  // 4. Each output column: the input's sorted values, placed at the ranks of T's column.
  const t = new Float64Array(n);
  return columns.map((column, j) => {
    t.fill(0);
    for (let l = 0; l < k; l++) {
      const weight = transform[l * k + j]!;
      if (weight === 0) continue;
      const s = scoreColumns[l]!;
      for (let i = 0; i < n; i++) t[i] = t[i]! + weight * s[i]!;
    }
    const sorted = Float64Array.from(column).sort();
    const order = sortOrder(t);
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[order[r]!] = sorted[r]!;
    return out;
  });
}

function toFlat(m: Matrix): Float64Array {
  const k = m.length;
  const flat = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) flat[i * k + j] = m[i]![j]!;
  return flat;
}

function identity(k: number): Float64Array {
  const m = new Float64Array(k * k);
  for (let i = 0; i < k; i++) m[i * k + i] = 1;
  return m;
}

/** Pearson correlation matrix of k columns (row-major k x k). */
function sampleCorrelation(columns: readonly Float64Array[], n: number): Float64Array {
  const k = columns.length;
  const centred = columns.map((c) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += c[i]!;
    const mean = sum / n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i]! - mean;
    return out;
  });
  const cov = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = a; b < k; b++) {
      let sum = 0;
      const x = centred[a]!;
      const y = centred[b]!;
      for (let i = 0; i < n; i++) sum += x[i]! * y[i]!;
      cov[a * k + b] = cov[b * k + a] = sum;
    }
  const corr = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) corr[a * k + b] = cov[a * k + b]! / Math.sqrt(cov[a * k + a]! * cov[b * k + b]!);
  return corr;
}

/**
 * Lower-triangular L with L L' = m (row-major k x k), or undefined when m is
 * not positive definite (a pivot at or below 1e-12).
 */
function choleskyFactor(m: Float64Array, k: number): Float64Array | undefined {
  const lower = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let pivot = m[j * k + j]!;
    for (let p = 0; p < j; p++) pivot -= lower[j * k + p]! ** 2;
    if (!(pivot > 1e-12)) return undefined;
    const diagonal = Math.sqrt(pivot);
    lower[j * k + j] = diagonal;
    for (let i = j + 1; i < k; i++) {
      let sum = m[i * k + j]!;
      for (let p = 0; p < j; p++) sum -= lower[i * k + p]! * lower[j * k + p]!;
      lower[i * k + j] = sum / diagonal;
    }
  }
  return lower;
}

/**
 * A square root B = V sqrt(max(lambda, 0)) with B B' = m when m is singular or
 * (after the Spearman-to-Pearson conversion) slightly indefinite: negative
 * eigenvalues are dropped, the nearest positive semi-definite matrix is used.
 */
function eigenFactor(m: Float64Array, k: number): Float64Array {
  const { values, vectors } = symmetricEigen(m, k);
  const factor = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) factor[i * k + j] = vectors[i * k + j]! * Math.sqrt(Math.max(0, values[j]!));
  return factor;
}

/** Inverse of a lower-triangular matrix with positive diagonal, by forward substitution. */
function invertLowerTriangular(lower: Float64Array, k: number): Float64Array {
  const inverse = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    inverse[j * k + j] = 1 / lower[j * k + j]!;
    for (let i = j + 1; i < k; i++) {
      let sum = 0;
      for (let p = j; p < i; p++) sum += lower[i * k + p]! * inverse[p * k + j]!;
      inverse[i * k + j] = -sum / lower[i * k + i]!;
    }
  }
  return inverse;
}

/**
 * Eigenvalues and eigenvectors (columns of `vectors`, row-major) of a
 * symmetric k x k matrix by cyclic Jacobi rotations: simple, robust for the
 * small matrices of correlation groups, and deterministic.
 */
function symmetricEigen(m: Float64Array, k: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = identity(k);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const x = a[i * k + j]! ** 2;
        total += x;
        if (i !== j) off += x;
      }
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < k - 1; p++)
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (apq === 0) continue;
        // Rotation angle that zeroes a[p][q] (Golub & Van Loan, sym.schur2).
        const tau = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          // Columns p and q of A, then rows p and q: A <- J' A J.
          const arp = a[r * k + p]!;
          const arq = a[r * k + q]!;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!;
          const aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
  }
  const values: number[] = [];
  for (let i = 0; i < k; i++) values.push(a[i * k + i]!);
  return { values, vectors: v };
}
