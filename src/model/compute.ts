/** Compute: peak rates by precision, and delivered FLOP from model-FLOPs utilisation. */
import type { ChipSpec, MfuPrecision } from './inputs.js';

/** Peak rate of N chips, PFLOP/s: N x TFLOP/s / 1000. */
export function peakPflops(chips: number, tflopsPerChip: number): number {
  return (chips * tflopsPerChip) / 1000;
}

/** Dense peak TFLOP/s of one chip at the precision MFU is quoted against. */
export function tflopsAtPrecision(chip: ChipSpec, precision: MfuPrecision): number {
  return precision === 'bf16' ? chip.peakBf16Tflops : chip.peakFp8Tflops;
}

/**
 * Delivered compute, EFLOP (1e18 FLOP):
 *   chip-hours x TFLOP/s x 1e12 x MFU x 3600 s/h / 1e18,
 * where chip-hours = N x sum over the year's hours of the energised fraction.
 */
export function deliveredComputeEflop(chipHours: number, tflopsPerChip: number, modelFlopsUtilisation: number): number {
  return (chipHours * tflopsPerChip * 1e12 * modelFlopsUtilisation * 3600) / 1e18;
}
