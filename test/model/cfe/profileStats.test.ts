import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autocorrelation,
  diurnalMeans,
  longestRunBelow,
  monthStartHours,
  monthlyMeans,
  pearson,
  profileStats,
  type ProfileStatRow,
} from '../../../src/model/cfe/profileStats.js';
import { syntheticProfiles } from '../../../src/model/cfe/syntheticProfiles.js';

const YEAR = 2030; // 8,760 hours = 365 whole days
const HOURS = 8760;

const filled = (value: number, hours = HOURS) => new Float64Array(hours).fill(value);
/** 1 for hours 00-11 of each day, 0 for hours 12-23. */
const squareWave = (hours = HOURS) => Float64Array.from({ length: hours }, (_, h) => (h % 24 < 12 ? 1 : 0));

function value(rows: ProfileStatRow[], technology: string, statistic: string, period = 'year'): number | undefined {
  return rows.find((r) => r.technology === technology && r.statistic === statistic && r.period === period)?.value;
}

describe('profileStats on hand-built series', () => {
  it('constant series: CF everywhere equal to the constant, no correlations (undefined), lulls by threshold', () => {
    const rows = profileStats({ clean_firm: filled(0.3), low: filled(0.05) }, YEAR);
    expect(value(rows, 'clean_firm', 'capacity_factor')).toBeCloseTo(0.3, 12);
    for (let m = 1; m <= 12; m++) expect(value(rows, 'clean_firm', 'capacity_factor', `2030-${String(m).padStart(2, '0')}`)).toBeCloseTo(0.3, 12);
    for (let h = 0; h < 24; h++) expect(value(rows, 'clean_firm', 'diurnal_mean_capacity_factor', `hour_${String(h).padStart(2, '0')}`)).toBeCloseTo(0.3, 12);
    // A zero-variance series has no autocorrelation: left out, never NaN.
    expect(value(rows, 'clean_firm', 'autocorrelation_1h')).toBeUndefined();
    expect(value(rows, 'clean_firm', 'autocorrelation_24h')).toBeUndefined();
    expect(rows.every((r) => Number.isFinite(r.value))).toBe(true);
    // 0.3 is never below 10%; 0.05 always is: the whole year is one run.
    expect(value(rows, 'clean_firm', 'longest_run_below_10pct_h')).toBe(0);
    expect(value(rows, 'low', 'longest_run_below_10pct_h')).toBe(HOURS);
    // No solar given: no correlation rows.
    expect(rows.some((r) => r.statistic === 'correlation_with_solar')).toBe(false);
  });

  it('square wave (12 h on, 12 h off): known CF, diurnal shape, autocorrelations and run length', () => {
    const rows = profileStats({ solar: squareWave() }, YEAR);
    expect(value(rows, 'solar', 'capacity_factor')).toBe(0.5);
    for (let h = 0; h < 24; h++) {
      expect(value(rows, 'solar', 'diurnal_mean_capacity_factor', `hour_${String(h).padStart(2, '0')}`)).toBe(h < 12 ? 1 : 0);
    }
    // Deviations are +/-0.5; 729 of the 8,759 lag-1 pairs straddle a switch (at hours 12, 24, ..., 8748):
    // r1 = (8759 - 2 x 729) / 8760 = 7301 / 8760. Lag 24 pairs always agree: r24 = 8736 / 8760.
    expect(value(rows, 'solar', 'autocorrelation_1h')).toBeCloseTo(7301 / 8760, 12);
    expect(value(rows, 'solar', 'autocorrelation_24h')).toBeCloseTo(8736 / 8760, 12);
    // Lag 12 pairs always disagree.
    expect(autocorrelation(squareWave(), 12)).toBeCloseTo(-8748 / 8760, 12);
    expect(value(rows, 'solar', 'longest_run_below_10pct_h')).toBe(12);
  });

  it('finds a known longest run, counting only values strictly below 10%, at the year edges too', () => {
    const cf = filled(0.5);
    cf.fill(0.02, 1000, 1037); // 37 h lull
    cf.fill(0.0, 5000, 5020); // 20 h
    cf.fill(0.1, 6000, 6100); // exactly 10%: not a lull
    expect(longestRunBelow(cf, 0.1)).toBe(37);
    cf.fill(0, HOURS - 40); // 40 h at the year's end
    expect(longestRunBelow(cf, 0.1)).toBe(40);
    cf.fill(0, 0, 41); // 41 h at the start (the year does not wrap: 40 and 41 stay apart)
    expect(longestRunBelow(cf, 0.1)).toBe(41);
    expect(value(profileStats({ onshore_wind: cf }, YEAR), 'onshore_wind', 'longest_run_below_10pct_h')).toBe(41);
  });

  it('monthly CF follows the calendar: a month-index-valued series returns 1..12, also in a leap year', () => {
    for (const year of [2030, 2028]) {
      const starts = monthStartHours(year);
      const hours = year === 2028 ? 8784 : 8760;
      expect(starts).toHaveLength(13);
      expect(starts[12]).toBe(hours);
      expect(starts[2]).toBe((31 + (year === 2028 ? 29 : 28)) * 24); // 1 March
      const monthValued = new Float64Array(hours);
      for (let m = 0; m < 12; m++) monthValued.fill(m + 1, starts[m], starts[m + 1]);
      expect(monthlyMeans(monthValued, year)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const rows = profileStats({ onshore_wind: monthValued.map((v) => v / 100) }, year);
      for (let m = 1; m <= 12; m++) {
        expect(value(rows, 'onshore_wind', 'capacity_factor', `${year}-${String(m).padStart(2, '0')}`)).toBeCloseTo(m / 100, 14);
      }
    }
  });

  it('diurnal means by local hour of day', () => {
    const hourValued = Float64Array.from({ length: HOURS }, (_, h) => (h % 24) / 24);
    const means = diurnalMeans(hourValued);
    expect(means).toHaveLength(24);
    means.forEach((m, h) => expect(m).toBeCloseTo(h / 24, 12));
  });

  it('correlation with solar: +1 for a copy, -1 for the complement, left out for a constant', () => {
    const solar = squareWave();
    const rows = profileStats({ solar, onshore_wind: solar.map((v) => 1 - v), offshore_wind: solar.map((v) => 0.2 + 0.5 * v), clean_firm: filled(0.9) }, YEAR);
    expect(value(rows, 'onshore_wind', 'correlation_with_solar')).toBeCloseTo(-1, 12);
    expect(value(rows, 'offshore_wind', 'correlation_with_solar')).toBeCloseTo(1, 12);
    expect(value(rows, 'clean_firm', 'correlation_with_solar')).toBeUndefined();
    expect(value(rows, 'solar', 'correlation_with_solar')).toBeUndefined(); // not with itself
    expect(pearson(Float64Array.from([1, 2, 3, 4]), Float64Array.from([2, 4, 5, 9]))).toBeCloseTo(11 / Math.sqrt(130), 12);
  });
});

describe('profileStats table shape', () => {
  it('orders rows deterministically: profile technologies first, others by name; fixed order within each', () => {
    const solar = squareWave();
    const wind = Float64Array.from({ length: HOURS }, (_, h) => 0.3 + 0.2 * Math.sin(h / 50));
    // Insertion order deliberately scrambled.
    const rows = profileStats({ zeta: wind, offshore_wind: wind, clean_firm: filled(0.9), solar, onshore_wind: wind }, YEAR);
    const technologies = [...new Set(rows.map((r) => r.technology))];
    expect(technologies).toEqual(['solar', 'onshore_wind', 'offshore_wind', 'clean_firm', 'zeta']);
    const onshore = rows.filter((r) => r.technology === 'onshore_wind');
    expect(onshore.map((r) => `${r.statistic}:${r.period}`)).toEqual([
      'capacity_factor:year',
      ...Array.from({ length: 12 }, (_, m) => `capacity_factor:2030-${String(m + 1).padStart(2, '0')}`),
      ...Array.from({ length: 24 }, (_, h) => `diurnal_mean_capacity_factor:hour_${String(h).padStart(2, '0')}`),
      'autocorrelation_1h:year',
      'autocorrelation_24h:year',
      'longest_run_below_10pct_h:year',
      'correlation_with_solar:year',
    ]);
    expect(rows.filter((r) => r.technology === 'solar')).toHaveLength(1 + 12 + 24 + 3);
    expect(rows.filter((r) => r.technology === 'clean_firm')).toHaveLength(1 + 12 + 24 + 1);
    // Units match statistics.
    for (const r of rows) {
      const expected = r.statistic.startsWith('autocorrelation') || r.statistic === 'correlation_with_solar' ? 'ratio' : r.statistic === 'longest_run_below_10pct_h' ? 'h' : 'ratio';
      expect(r.unit).toBe(expected);
    }
  });

  it('rejects a series of the wrong length or with a non-number', () => {
    expect(() => profileStats({ solar: filled(0.2, 8784) }, 2030)).toThrow(/solar has 8784 hourly values; 2030 has 8760 hours/);
    const bad = filled(0.2);
    bad[77] = Number.NaN;
    expect(() => profileStats({ solar: bad }, 2030)).toThrow(/solar hour 77 is NaN/);
  });

  it('only ever emits finite values, correlations within [-1, 1] (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 1, noNaN: true }), (seed, level) => {
        // Cheap pseudo-random series from the seed (an LCG: the values only need to vary).
        let state = seed >>> 0;
        const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32) * level;
        const a = Float64Array.from({ length: HOURS }, next);
        const b = Float64Array.from({ length: HOURS }, next);
        const rows = profileStats({ solar: a, onshore_wind: b }, YEAR);
        for (const r of rows) {
          expect(Number.isFinite(r.value)).toBe(true);
          if (r.statistic.includes('correlation')) expect(Math.abs(r.value)).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

describe('profileStats on synthetic profiles', () => {
  it('reports the calibrated CFs and the persistence the generator was built for', () => {
    const profiles = syntheticProfiles(
      { name: 'midwest', latitudeDeg: 41.6, longitudeDeg: -93.6, utcOffsetHours: -6, targetCapacityFactor: { solar: 0.22, onshore_wind: 0.38, offshore_wind: 0.45 }, seed: 1 },
      2028,
    );
    const rows = profileStats(profiles, 2028);
    expect(value(rows, 'solar', 'capacity_factor')).toBeCloseTo(0.22, 9);
    expect(value(rows, 'onshore_wind', 'capacity_factor')).toBeCloseTo(0.38, 9);
    expect(value(rows, 'offshore_wind', 'capacity_factor')).toBeCloseTo(0.45, 9);
    expect(value(rows, 'solar', 'diurnal_mean_capacity_factor', 'hour_00')).toBe(0);
    expect(value(rows, 'solar', 'longest_run_below_10pct_h')).toBeGreaterThanOrEqual(12); // every night
    expect(value(rows, 'onshore_wind', 'autocorrelation_1h')).toBeGreaterThan(0.7);
    expect(value(rows, 'onshore_wind', 'correlation_with_solar')).toBeLessThan(0.1); // windy nights vs sunny days
    expect(rows.find((r) => r.period === '2028-02')).toBeDefined();
  });
});
