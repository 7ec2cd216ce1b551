/**
 * Seeded pseudo-random numbers that are identical on every machine.
 *
 * Generator: xoshiro128** (Blackman & Vigna, 2018), 128 bits of state, period
 * 2^128 - 1. It uses only 32-bit integer operations (Math.imul, shifts, xor),
 * which JavaScript defines exactly, so a seed gives the same stream on any
 * platform and engine. Math.random is never used.
 *
 * Uniforms have 53-bit resolution: two 32-bit outputs give the 53 bits of a
 * double, u = k / 2^53 with k an integer in [0, 2^53), so u is in [0, 1) and
 * the conversion is exact (no rounding can differ between machines).
 */

/**
 * A stream of uniforms in [0, 1) with 53-bit resolution: each call draws one.
 * `fill`, when there, draws the next `count` into out[0..count), the same
 * numbers as `count` calls, faster (createRng's streams have it).
 */
export type Rng = (() => number) & { fill?: (out: Float64Array, count: number) => void };

/** The next `count` uniforms of `rng` into out[0..count). */
export function drawUniforms(rng: Rng, out: Float64Array, count: number): void {
  if (rng.fill) rng.fill(out, count);
  else for (let i = 0; i < count; i++) out[i] = rng();
}

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
/** 2^32 / golden ratio: the Weyl increment of splitmix. */
const GOLDEN_GAMMA = 0x9e3779b9;

/**
 * murmur3's 32-bit finaliser: a bijection on 32-bit integers with full
 * avalanche, so nearby seeds (0, 1, 2...) give unrelated states.
 */
function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * The raw xoshiro128** generator from an explicit 128-bit state (four 32-bit
 * words, not all zero); returns 32-bit unsigned integers. Exposed so a test
 * can check it against the reference C implementation's output.
 */
export function createXoshiro128StarStar(s0: number, s1: number, s2: number, s3: number): () => number {
  let a = s0 | 0;
  let b = s1 | 0;
  let c = s2 | 0;
  let d = s3 | 0;
  if ((a | b | c | d) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  return () => {
    const star = Math.imul(b, 5);
    const result = Math.imul((star << 7) | (star >>> 25), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return result >>> 0;
  };
}

/** Splits a safe integer into the 32-bit halves of its 64-bit two's complement. */
function halves(seed: number, what: string): [low: number, high: number] {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`${what} must be a safe integer, got ${seed}`);
  // ToUint32 reduces modulo 2^32 exactly; dividing by 2^32 is exact for doubles.
  return [seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0];
}

/**
 * The xoshiro128** state for a seed (any safe integer, negative included):
 * murmur3-finalised words, s0 from the seed's low half and s1 from the high
 * half xored with s0. So (s0, s1) determines the seed - distinct seeds give
 * distinct states - and s1, on which xoshiro's first output depends alone,
 * depends on both halves.
 */
export function seedState(seed: number): [number, number, number, number] {
  const [low, high] = halves(seed, 'seed');
  const s0 = mix32(low + GOLDEN_GAMMA);
  const s1 = mix32((high ^ s0) + 2 * GOLDEN_GAMMA);
  const s2 = mix32((s0 ^ s1) + 3 * GOLDEN_GAMMA);
  const s3 = mix32((s1 ^ s2) + 4 * GOLDEN_GAMMA);
  return [s0, s1, s2, (s0 | s1 | s2 | s3) === 0 ? 1 : s3]; // all-zero is xoshiro's one forbidden state
}

/**
 * A generator of uniforms in [0, 1) from an integer seed: u = k / 2^53, with
 * k the top 27 bits of one xoshiro128** output above the top 26 of the next.
 *
 * The two xoshiro128** steps are written out here rather than calling
 * createXoshiro128StarStar's generator twice: the same numbers, but one call
 * per uniform instead of three (an uncertainty run draws about a million). A
 * test checks it against the two-call form. (One shared step function over the
 * state in an Int32Array made the Latin hypercube 2.5 times slower.) `fill` draws many at once, with
 * the state in local variables for the whole loop; a call draws one through it.
 */
export function createRng(seed: number): Rng {
  let [a, b, c, d] = seedState(seed).map((word) => word | 0) as [number, number, number, number];
  const fill = (out: Float64Array, count: number): void => {
    let s0 = a;
    let s1 = b;
    let s2 = c;
    let s3 = d;
    for (let i = 0; i < count; i++) {
      // First output (its top 27 bits), then one state step.
      let star = Math.imul(s1, 5);
      const upper = (Math.imul((star << 7) | (star >>> 25), 9) >>> 0) >>> 5;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      // Second output (its top 26 bits), then one state step.
      star = Math.imul(s1, 5);
      const lower = (Math.imul((star << 7) | (star >>> 25), 9) >>> 0) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      // An integer in [0, 2^53), scaled exactly.
      out[i] = (upper * TWO_POW_26 + lower) / TWO_POW_53;
    }
    a = s0;
    b = s1;
    c = s2;
    d = s3;
  };
  const one = new Float64Array(1);
  const next = () => {
    fill(one, 1);
    return one[0]!;
  };
  return Object.assign(next, { fill });
}

/**
 * A seed for an independent stream, derived deterministically from a base
 * seed and a stream name or number (e.g. `seedFor(seed, 'latin-hypercube')`).
 * Returns a non-negative safe integer (< 2^53) for createRng.
 *
 * Strings are hashed by their UTF-16 code units; numbers (safe integers) by
 * their 64-bit two's complement. Two differently seeded 32-bit hashes are
 * combined so that accidental collisions need ~2^26 streams, not ~2^16.
 */
export function seedFor(seed: number, stream: string | number): number {
  const [seedLow, seedHigh] = halves(seed, 'seed');
  let h1 = mix32(seedLow ^ 0x243f6a88) ^ mix32(seedHigh ^ 0x85a308d3);
  let h2 = mix32(seedHigh ^ 0x13198a2e) ^ mix32(seedLow ^ 0x03707344);
  const absorb = (word: number) => {
    h1 = mix32((h1 ^ word) + GOLDEN_GAMMA);
    h2 = mix32((h2 + word) ^ 0x7f4a7c15);
  };
  // A type tag keeps stream 7 and stream '7' apart.
  if (typeof stream === 'number') {
    const [streamLow, streamHigh] = halves(stream, 'stream');
    absorb(0x6e756d62); // 'numb'
    absorb(streamLow);
    absorb(streamHigh);
  } else {
    absorb(0x73747269); // 'stri'
    for (let i = 0; i < stream.length; i++) absorb(stream.charCodeAt(i));
    absorb(stream.length);
  }
  // 21 bits of one hash above 32 of the other: a non-negative integer below 2^53.
  return (h1 >>> 11) * TWO_POW_32 + h2;
}
