import { describe, expect, it } from 'vitest';
import { errorsOf, loadEdited, replaceOnce, warningsOf } from './fixture.js';

describe('rules across fields', () => {
  it('needs last_year at or after first_year', () => {
    expect(errorsOf(loadEdited({ 'envelope.yaml': replaceOnce('last_year: 2035', 'last_year: 2025') }))).toEqual([
      'assumptions/envelope.yaml:31:14 horizon.last_year: last_year 2025 is before first_year 2026; make last_year the same or a later year.',
    ]);
  });

  it('limits the horizon to 50 years', () => {
    expect(loadEdited({ 'envelope.yaml': replaceOnce('last_year: 2035', 'last_year: 2075') }).ok).toBe(true);
    expect(errorsOf(loadEdited({ 'envelope.yaml': replaceOnce('last_year: 2035', 'last_year: 2076') }))).toEqual([
      'assumptions/envelope.yaml:31:14 horizon.last_year: the horizon covers 51 years, more than the 50 allowed; bring last_year closer to first_year.',
    ]);
  });

  it('warns, and still loads, when the design PUE is below the annual PUE', () => {
    const outcome = loadEdited({ 'facility.yaml': replaceOnce('value: 1.25\n    low: 1.15', 'value: 1.1\n    low: 1.05') });
    expect(outcome.ok).toBe(true);
    expect(warningsOf(outcome)[0]).toBe(
      'assumptions/facility.yaml:15:12 warning: facility.design_pue: design PUE 1.1 is below the annual PUE 1.14 (2026); the design-day PUE is normally at or above the annual average, so check both.',
    );
  });

  it('checks the design PUE against every year of a by_year annual PUE', () => {
    const outcome = loadEdited({
      'facility.yaml': replaceOnce('    value: 1.14\n    low: 1.08\n    high: 1.20\n', '    by_year: {2026: 1.14, 2031: 1.3}\n'),
    });
    expect(warningsOf(outcome)[0]).toContain('design PUE 1.25 is below the annual PUE 1.3 (2031)');
  });

  it('needs the mix shares to sum to 1', () => {
    expect(errorsOf(loadEdited({ 'procurement.yaml': replaceOnce('value: 0.1\n      source: "illustrative split (nuclear', 'value: 0.2\n      source: "illustrative split (nuclear') }))).toEqual([
      'assumptions/procurement.yaml:11:3 procurement.mix: shares sum to 1.1, not 1; adjust them so they add up to 1 (100%).',
    ]);
  });

  it('accepts shares that sum to 1 up to floating-point rounding', () => {
    const shares = replaceOnce('value: 0.5\n', 'value: 0.2\n');
    const outcome = loadEdited({ 'procurement.yaml': (t) => replaceOnce('value: 0.4\n', 'value: 0.7\n')(shares(t)) });
    expect(errorsOf(outcome)).toEqual([]);
  });
});
