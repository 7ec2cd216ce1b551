import { describe, expect, it } from 'vitest';
import { createRng, createXoshiro128StarStar, drawUniforms, seedFor, seedState } from '../../src/uncertainty/rng.js';

describe('xoshiro128**', () => {
  it('matches the reference C implementation (Blackman & Vigna) bit for bit', () => {
    // Printed by the authors' xoshiro128starstar.c, state {1, 2, 3, 4}.
    const next = createXoshiro128StarStar(1, 2, 3, 4);
    expect(Array.from({ length: 8 }, next)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
    // State {0x9e3779b9, 0xdeadbeef, 0x01234567, 0xffffffff}, outputs 1001-1004.
    const later = createXoshiro128StarStar(0x9e3779b9, 0xdeadbeef, 0x01234567, 0xffffffff);
    for (let i = 0; i < 1000; i++) later();
    expect(Array.from({ length: 4 }, later)).toEqual([810757275, 3593769897, 4271195200, 2374637730]);
  });

  it('refuses the all-zero state', () => {
    expect(() => createXoshiro128StarStar(0, 0, 0, 0)).toThrow(RangeError);
  });
});

describe('createRng', () => {
  it('gives the same stream for a seed on every machine (pinned values)', () => {
    const rng = createRng(42);
    expect([rng(), rng(), rng()]).toEqual([0.4364016882519337, 0.0676833391463384, 0.3022461279195099]);
  });

  it('is the reference generator from seedState(seed), top 27 + 26 bits of two outputs per uniform', () => {
    for (const seed of [0, 42, -3, 2 ** 40 + 5]) {
      const raw = createXoshiro128StarStar(...seedState(seed));
      const rng = createRng(seed);
      for (let i = 0; i < 1000; i++) {
        const upper = raw() >>> 5;
        const lower = raw() >>> 6;
        expect(rng()).toBe((upper * 2 ** 26 + lower) / 2 ** 53);
      }
    }
  });

  it('fill draws the same numbers as as many calls, and calls and fills continue one stream', () => {
    for (const seed of [0, 42, -3]) {
      const calls = createRng(seed);
      const expected = Float64Array.from({ length: 2_000 }, () => calls());
      const mixed = createRng(seed);
      const got = new Float64Array(2_000);
      // Calls, fills of several sizes (0 included) and calls again, in turn.
      const chunks = [1, 0, 7, 1, 500, 3, 1, 987, 500];
      let at = 0;
      chunks.forEach((size, k) => {
        if (k % 2 === 0) for (let i = 0; i < size; i++) got[at++] = mixed();
        else {
          const part = new Float64Array(size);
          mixed.fill!(part, size);
          got.set(part, at);
          at += size;
        }
      });
      expect(at).toBe(2_000);
      expect(got).toEqual(expected);
    }
  });

  it('drawUniforms uses fill when there is one and calls otherwise, with the same numbers', () => {
    const withFill = new Float64Array(100);
    drawUniforms(createRng(9), withFill, 100);
    const plain = createRng(9);
    const withoutFill = new Float64Array(100);
    drawUniforms(() => plain(), withoutFill, 100);
    expect(withoutFill).toEqual(withFill);
  });

  it('is deterministic per seed and differs between seeds, including negative and large ones', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Float64Array.from({ length: 100 }, rng);
    };
    expect(draw(7)).toEqual(draw(7));
    const seeds = [0, 1, 2, -1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    const firsts = new Set(seeds.map((s) => draw(s)[0]));
    expect(firsts.size).toBe(seeds.length);
  });

  it('gives 53-bit uniforms in [0, 1)', () => {
    const rng = createRng(1);
    for (let i = 0; i < 10_000; i++) {
      const u = rng();
      expect(u >= 0 && u < 1).toBe(true);
      expect(Number.isInteger(u * 2 ** 53)).toBe(true);
    }
  });

  it('is uniform: chi-square over 100 bins with 1,000,000 draws below the 0.999 quantile (148.2)', () => {
    const rng = createRng(2024);
    const bins = new Float64Array(100);
    const n = 1_000_000;
    for (let i = 0; i < n; i++) bins[Math.floor(rng() * 100)]! += 1;
    const expected = n / 100;
    const chi2 = bins.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(148.2);
  });

  it('seeds 0..9999 start at uniformly spread first values (seeding mixes every bit)', () => {
    const bins = new Float64Array(20);
    for (let seed = 0; seed < 10_000; seed++) bins[Math.floor(createRng(seed)() * 20)]! += 1;
    const chi2 = bins.reduce((sum, count) => sum + (count - 500) ** 2 / 500, 0);
    expect(chi2).toBeLessThan(43.8); // chi-square, 19 degrees of freedom, 0.999 quantile
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRng(0.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(2 ** 53)).toThrow(RangeError);
  });
});

describe('seedFor', () => {
  it('is deterministic and pinned', () => {
    expect(seedFor(42, 'latin-hypercube')).toBe(2138693061244779);
    expect(seedFor(42, 7)).toBe(6865558116272892);
  });

  it('returns safe non-negative integers, distinct across streams, seeds and stream types', () => {
    const seen = new Set<number>();
    for (const seed of [0, 1, 42, -42, 2 ** 40]) {
      for (const stream of ['', 'a', 'b', 'ab', 'ba', 'latin-hypercube', 'correlation:power', 0, 1, 7, '7', -7, 2 ** 33]) {
        const derived = seedFor(seed, stream);
        expect(Number.isSafeInteger(derived) && derived >= 0).toBe(true);
        seen.add(derived);
      }
    }
    expect(seen.size).toBe(5 * 13);
  });

  it('gives streams that are not correlated with each other', () => {
    const a = createRng(seedFor(1, 'a'));
    const b = createRng(seedFor(1, 'b'));
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += (a() - 0.5) * (b() - 0.5);
    // Correlation of independent uniforms: sd 1/sqrt(n) = 0.0032; allow 4 sd.
    expect(Math.abs((sum / n) * 12)).toBeLessThan(0.013);
  });
});
