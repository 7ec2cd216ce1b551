import { describe, expect, it } from 'vitest';
import { homesEquivalent, locationEmissionsTco2e, marketEmissionsTco2e, waterM3 } from '../../src/model/impacts.js';
import { makeInputs, runOk } from './fixtures.js';

describe('impacts', () => {
  it('location-based: 1,000,000 MWh x 0.38 t/MWh = 380,000 tCO2e', () => {
    expect(locationEmissionsTco2e(1_000_000, 0.38)).toBeCloseTo(380_000, 6);
  });

  it('market-based: only the unmatched share meets the residual mix', () => {
    // 60% matched: 1,000,000 x 0.4 x 0.45 = 180,000 t
    expect(marketEmissionsTco2e(1_000_000, 0.6, 0.45)).toBeCloseTo(180_000, 6);
    expect(marketEmissionsTco2e(1_000_000, 1.2, 0.45)).toBe(0); // over-matching does not go negative
  });

  it('water: 0.15 m3/MWh (= L/kWh) x 1,000,000 IT MWh = 150,000 m3', () => {
    expect(waterM3(1_000_000, 0.15)).toBeCloseTo(150_000, 6);
  });

  it('homes: 1,000,000 MWh / 10.715 MWh per home = 93,327 homes', () => {
    expect(homesEquivalent(1_000_000, 10.715)).toBeCloseTo(93_327.11, 1);
    expect(homesEquivalent(1_000_000, 0)).toBe(0);
  });

  it('through runModel: water from IT energy, emissions and homes from facility energy', () => {
    // fixture: IT 438,000 MWh, facility 481,800 MWh, grid 0.4, residual 0.5, 100% matched, wue 0.15, 10 MWh/home
    const y = runOk(makeInputs()).annual[0]!;
    expect(y.waterM3).toBeCloseTo(438_000 * 0.15, 6);
    expect(y.emissionsLocationTco2e).toBeCloseTo(481_800 * 0.4, 6);
    expect(y.emissionsMarketTco2e).toBe(0);
    expect(y.homesEquivalent).toBeCloseTo(48_180, 6);
  });
});
