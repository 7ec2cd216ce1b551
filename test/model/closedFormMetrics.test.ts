import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runModelClosedForm } from '../../src/model/closedForm.js';
import { closedFormMetricCount, closedFormMetrics, writeMetricsFromResult } from '../../src/model/closedFormMetrics.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { modelInputsArb } from './arbitraryInputs.js';
import { baseCaseInputs } from './fixtures.js';

/**
 * The lean vector against the full closed-form result read back (writeMetricsFromResult):
 * both run the same formula functions on the same numbers, so every entry must be
 * identical (Object.is), not merely close; and a failing run gives false and NaN.
 */
function expectLeanEqualsFull(inputs: ModelInputs): boolean {
  const years = inputs.horizon.lastYear - inputs.horizon.firstYear + 1;
  const count = closedFormMetricCount(years, inputs.cost.tranches.length);
  const lean = new Float64Array(count);
  const ok = closedFormMetrics(inputs, lean);
  const full = runModelClosedForm(inputs);
  expect(ok).toBe(full.ok);
  if (!full.ok) {
    expect([...lean].every(Number.isNaN)).toBe(true);
    return false;
  }
  const expected = new Float64Array(count);
  writeMetricsFromResult(full.result, expected);
  const differing = [...expected].flatMap((x, i) => (Object.is(x, lean[i]) ? [] : [`${i}: expected ${x}, got ${lean[i]}`]));
  expect(differing).toEqual([]);
  return true;
}

describe('closedFormMetrics (the lean vector)', () => {
  it('equals the full closed-form result bit for bit on the shipped base case', () => {
    expect(expectLeanEqualsFull(baseCaseInputs())).toBe(true);
  });

  it('equals it bit for bit on random inputs, valid and failing, with reused scratch between calls', () => {
    let ok = 0;
    let failed = 0;
    fc.assert(
      fc.property(modelInputsArb(), (inputs) => {
        if (expectLeanEqualsFull(inputs)) ok++;
        else failed++;
      }),
      { numRuns: 300 },
    );
    // Both branches ran, and the scratch arrays were reused across horizons and vintage counts.
    expect(ok).toBeGreaterThan(25);
    expect(failed).toBeGreaterThan(10);
  });
});
