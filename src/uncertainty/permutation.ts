/**
 * A uniformly random order of 0..n-1 from uniforms drawn beforehand (the
 * Latin hypercube's strata, Iman-Conover's score columns).
 */

/**
 * Fills `order` with 0..n-1 (n its length) shuffled by Fisher-Yates: the q-th
 * swap exchanges place i = n-1-q with floor(draws[q] (i + 1)), so draws[0 ..
 * n-2] are used, in that order. The bias of floor(u (i + 1)) with a 53-bit u
 * is below n / 2^53: immaterial.
 */
export function randomPermutation(order: Uint32Array, draws: ArrayLike<number>): Uint32Array {
  const n = order.length;
  if (draws.length < n - 1) throw new RangeError(`randomPermutation of ${n} needs ${n - 1} draws, got ${draws.length}`);
  for (let k = 0; k < n; k++) order[k] = k;
  for (let i = n - 1, q = 0; i > 0; i--, q++) {
    const swap = Math.min(i, Math.floor(draws[q]! * (i + 1))); // min: u * (i + 1) can round up to i + 1
    const held = order[i]!;
    order[i] = order[swap]!;
    order[swap] = held;
  }
  return order;
}
