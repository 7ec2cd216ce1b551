import { describe, expect, it } from 'vitest';
import { compact, validSamples } from '../../src/uncertainty/validSamples.js';

describe('validSamples', () => {
  it('keeps the samples whose first metric is a number, and numbers them among themselves', () => {
    const first = Float64Array.from([1, Number.NaN, 3, Number.NaN, 5]);
    const valid = validSamples(first, 5);
    expect(valid.count).toBe(3);
    expect(Array.from(valid.mask)).toEqual([1, 0, 1, 0, 1]);
    expect(Array.from(valid.index!)).toEqual([0, -1, 1, -1, 2]);
    expect(Array.from(compact(Float64Array.from([10, 20, 30, 40, 50]), valid))).toEqual([10, 30, 50]);
  });

  it('hands back the column itself when every sample is valid, or when there is no metric', () => {
    const column = Float64Array.from([1, 2]);
    const all = validSamples(column, 2);
    expect(all.index).toBeUndefined();
    expect(compact(column, all)).toBe(column);
    expect(validSamples(undefined, 3).count).toBe(3);
  });
});
