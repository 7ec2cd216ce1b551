import { describe, expect, it } from 'vitest';
import { deliveredComputeEflop, peakPflops, tflopsAtPrecision } from '../../src/model/compute.js';
import { makeInputs, oneChip, onePhase, runOk } from './fixtures.js';

describe('compute', () => {
  it('peak: 100,000 chips x 1,000 TFLOP/s = 100,000 PFLOP/s', () => {
    expect(peakPflops(100_000, 1000)).toBe(100_000);
  });

  it('picks the rate at the MFU precision', () => {
    expect(tflopsAtPrecision(oneChip(), 'bf16')).toBe(1000);
    expect(tflopsAtPrecision(oneChip(), 'fp8')).toBe(2000);
  });

  it('delivered: 100,000 chips x 8,760 h x 1e15 FLOP/s x 0.4 MFU x 3,600 s/h = 1.26144e27 FLOP = 1.26144e9 EFLOP', () => {
    expect(deliveredComputeEflop(100_000 * 8760, 1000, 0.4)).toBeCloseTo(1.26144e9, 0);
    const result = runOk(makeInputs());
    expect(result.annual[0]!.deliveredComputeEflop).toBeCloseTo(1.26144e9, 0);
  });

  it('counts only energised chip-hours, at the FP8 rate when MFU is quoted in FP8', () => {
    // energised 1 July: 4,416 h; FP8 2,000 TFLOP/s -> 100,000 x 4,416 x 2e15 x 0.4 x 3,600 / 1e18
    const result = runOk(makeInputs({ utilisation: { mfuPrecision: 'fp8' }, phases: [onePhase({ energisedOn: '2026-07-01' })] }));
    expect(result.annual[0]!.deliveredComputeEflop).toBeCloseTo((100_000 * 4416 * 2e15 * 0.4 * 3600) / 1e18, 0);
  });
});
