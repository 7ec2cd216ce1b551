import { describe, expect, it } from 'vitest';
import {
  annualisedCostUsd,
  capitalChargeUsdPerYear,
  capitalRecoveryFactor,
  inServiceShare,
  itServiceYears,
} from '../../../src/model/cost/annualised.js';
import { facilityCapexUsd, itCapexUsd, networkCapexUsd } from '../../../src/model/cost/capex.js';
import { energyCostUsd, omCostUsd, procurementPremiumUsd } from '../../../src/model/cost/opex.js';

describe('capital recovery factor, by hand', () => {
  // CRF = i / (1 - (1 + i)^-n).  1.07^5 = 1.4025517, 1.07^15 = 2.7590315, 1.07^30 = 7.6122550
  it('7%, 5 years: 0.07 / (1 - 1 / 1.4025517) = 0.2438907', () => {
    expect(capitalRecoveryFactor(0.07, 5)).toBeCloseTo(0.2438907, 7);
  });
  it('7%, 15 years: 0.07 / (1 - 1 / 2.7590315) = 0.1097946', () => {
    expect(capitalRecoveryFactor(0.07, 15)).toBeCloseTo(0.1097946, 7);
  });
  it('7%, 30 years: 0.07 / (1 - 1 / 7.6122550) = 0.0805864', () => {
    expect(capitalRecoveryFactor(0.07, 30)).toBeCloseTo(0.0805864, 7);
  });
  it('0%: straight line, 1 / n; and continuous down to 0 (no cancellation at tiny rates)', () => {
    expect(capitalRecoveryFactor(0, 30)).toBe(1 / 30);
    for (const i of [1e-18, 1e-12, 1e-6]) expect(capitalRecoveryFactor(i, 30)).toBeCloseTo(1 / 30 + (31 * i) / 60, 10); // 1/n + (n+1) i / 2n to first order
  });
  it('the annuity repays the capex: present value of n payments of capex x CRF at i is capex', () => {
    for (const [i, n] of [[0.07, 15], [0.07, 30], [0.1, 5]] as const) {
      const payment = capitalChargeUsdPerYear(1e9, i, n);
      let pv = 0;
      for (let t = 1; t <= n; t++) pv += payment / (1 + i) ** t;
      expect(pv).toBeCloseTo(1e9, 3);
    }
  });
  it('a capital charge is capex x CRF; a life of 0 is an internal fault', () => {
    expect(capitalChargeUsdPerYear(1.1e9, 0.07, 30)).toBeCloseTo(1.1e9 * 0.0805864, -3);
    expect(() => capitalChargeUsdPerYear(1, 0.07, 0)).toThrow(/life of 0 years/);
  });
});

describe('capex and opex formulas, by hand', () => {
  it('facility: 100 MW x 10 M USD/MW x 1.1 = 1.1 bn USD', () => {
    expect(facilityCapexUsd(100, 10e6, 0.1)).toBeCloseTo(1.1e9, 0);
  });
  it('IT: 100,000 chips x 20,000 USD = 2 bn; network and storage at 10% + 5% = 0.3 bn', () => {
    expect(itCapexUsd(100_000, 20_000)).toBe(2e9);
    expect(networkCapexUsd(100_000, 20_000, 0.1, 0.05)).toBeCloseTo(0.3e9, 0);
  });
  it('energy: 481,800 MWh x 80 USD/MWh = 38,544,000 USD', () => {
    expect(energyCostUsd(481_800, 80)).toBe(38_544_000);
  });
  it('procurement premium: negative when the PPA is cheaper than grid power', () => {
    expect(procurementPremiumUsd(1000, 50, 80)).toBe(-30_000);
    expect(procurementPremiumUsd(1000, 100, 80)).toBe(20_000);
    expect(procurementPremiumUsd(0, 100, 80)).toBe(0);
  });
  it('O&M: share x capex in service', () => {
    expect(omCostUsd(1.1e9, 0.01)).toBeCloseTo(11e6, 3);
  });
  it('annualised cost: capital charge + energy + premium + O&M', () => {
    expect(annualisedCostUsd(100, 20, -5, 3)).toBe(118);
  });
});

describe('in service: whole years from the start year', () => {
  it('5 years of service: offsets 0-4 in full, nothing before or after', () => {
    expect([-1, 0, 1, 4, 5, 6].map((o) => inServiceShare(o, 5))).toEqual([0, 1, 1, 1, 0, 0]);
  });
  it('a partial last year is charged pro rata', () => {
    expect(inServiceShare(4, 4.5)).toBe(0.5);
    expect(inServiceShare(5, 4.5)).toBe(0);
  });
  it('IT: the chip life, cut at retirement (the retirement year is the refresh\'s), at least the start year', () => {
    expect(itServiceYears(5, 2026, undefined)).toBe(5);
    expect(itServiceYears(5, 2026, 2031)).toBe(5);
    expect(itServiceYears(5, 2026, 2029)).toBe(3);
    expect(itServiceYears(5, 2026, 2026)).toBe(1);
  });
});
