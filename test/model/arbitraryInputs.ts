/**
 * fast-check arbitraries for whole ModelInputs, for comparing the closed form with
 * runModel: random horizons (leap years, 2100), several chips of every all-in power
 * method, phases dated across and before the horizon with ramps of 0-12 months
 * (whole- and non-whole-hour), end of life and refreshes, MW and share POIs,
 * oversubscription (capping), and by-year PUE, power ratio, MFU, matching and factors.
 */
import fc from 'fast-check';
import type { AllInPowerMethod, ChipSpec, EnvelopeBasis, ModelInputs, PhaseSpec, Technology } from '../../src/model/inputs.js';
import { TECHNOLOGIES } from '../../src/model/inputs.js';
import { shippedCfeInputs } from './cfeInputsFixture.js';
import { shippedCostInputs } from './costInputsFixture.js';

const MONTH_H = 730.5;

/** YYYY-MM-DD of `days` after `year`-01-01. */
export function dayAfter(year: number, days: number): string {
  return new Date(Date.UTC(year, 0, 1 + days)).toISOString().slice(0, 10);
}

const byYearArb = (n: number, min: number, max: number) => fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: n });

/**
 * A share in [0, 1]: exactly 0, or at least 0.01. (fast-check likes subnormals such as
 * 5e-324; an IT energy of 1e-319 MWh has no meaningful relative precision in either path,
 * so ratios of such energies, e.g. effective PUE, are noise.)
 */
const shareArb = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true }));
const sharesByYear = (n: number) => fc.array(shareArb, { minLength: n, maxLength: n });

const allInPower: fc.Arbitrary<AllInPowerMethod> = fc.oneof(
  fc.record({ method: fc.constant('explicit' as const), allInW: fc.double({ min: 300, max: 4000, noNaN: true }) }),
  fc.record({
    method: fc.constant('factors' as const),
    serverFactor: fc.double({ min: 1, max: 1.8, noNaN: true }),
    itFactor: fc.double({ min: 1, max: 1.3, noNaN: true }),
  }),
  fc.record({
    method: fc.constant('parts' as const),
    hostWPerServer: fc.double({ min: 0, max: 3000, noNaN: true }),
    networkStorageShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  }),
);

function chipArb(name: string): fc.Arbitrary<ChipSpec> {
  return fc
    .record({
      tdpW: fc.double({ min: 300, max: 2000, noNaN: true }),
      allInPower,
      packing: fc.constantFrom([1, 1], [4, 4], [8, 64], [16, 64], [4, 144]),
      bf16: fc.double({ min: 100, max: 3000, noNaN: true }),
      fp8Factor: fc.double({ min: 1, max: 4, noNaN: true }),
      powerRatio: fc.option(shareArb, { nil: undefined }),
    })
    .map((c) => ({
      name,
      tdpW: c.tdpW,
      allInPower: c.allInPower,
      chipsPerServer: c.packing[0]!,
      chipsPerUltraserver: c.packing[1]!,
      peakBf16Tflops: c.bf16,
      peakFp8Tflops: c.bf16 * c.fp8Factor,
      hbmGib: 100,
      serviceLifeYears: 5,
      ...(c.powerRatio !== undefined ? { powerRatio: c.powerRatio } : {}),
    }));
}

/** Ramps: none, whole months (730.5 h each: half-hour ends), 6 months (4,383 h), any real up to 12 months, tiny. */
const rampArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 12 }).map((m) => m * MONTH_H),
  fc.constant(6 * MONTH_H),
  fc.double({ min: 0, max: 12 * MONTH_H, noNaN: true }),
  fc.double({ min: 0, max: 3, noNaN: true }),
);

interface PhaseDraw {
  startDay: number;
  ramp: number;
  poiMw: number;
  share: number;
  useShare: boolean;
  chip: number;
  lifeDays: number | null;
  refresh: number | null;
}

const phaseDraw = (horizonDays: number): fc.Arbitrary<PhaseDraw> =>
  fc.record({
    startDay: fc.oneof(fc.integer({ min: -800, max: horizonDays + 60 }), fc.integer({ min: -5, max: 5 }), fc.constant(horizonDays - 1)),
    ramp: rampArb,
    poiMw: fc.double({ min: 5, max: 900, noNaN: true }),
    share: fc.double({ min: 0.001, max: 1, noNaN: true }),
    useShare: fc.boolean(),
    chip: fc.nat(),
    lifeDays: fc.option(fc.oneof(fc.integer({ min: 1, max: 2500 }), fc.integer({ min: 1, max: 400 })), { nil: null }),
    refresh: fc.option(fc.nat(), { nil: null }),
  });


/** A random, loader-valid ModelInputs (partial-load PUE coefficient 0 unless `partialLoad`). */
export function modelInputsArb(options: { partialLoad?: boolean } = {}): fc.Arbitrary<ModelInputs> {
  return fc
    .record({
      firstYear: fc.oneof(fc.integer({ min: 2024, max: 2030 }), fc.constantFrom(2096, 2099, 2100)),
      years: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(10)),
    })
    .chain(({ firstYear, years }) => {
      const lastYear = firstYear + years - 1;
      const horizonDays = Math.round((Date.UTC(lastYear + 1, 0, 1) - Date.UTC(firstYear, 0, 1)) / 86_400_000);
      return fc.record({
        horizon: fc.constant({ firstYear, lastYear }),
        basis: fc.constantFrom<EnvelopeBasis>('poi', 'critical_it', 'installed_electrical'),
        powerMw: fc.double({ min: 50, max: 3000, noNaN: true }),
        redundancy: fc.constantFrom(1, 4 / 3, 2),
        headroomShare: fc.double({ min: 0, max: 0.1, noNaN: true }),
        designPue: fc.double({ min: 1.05, max: 1.6, noNaN: true }),
        annualPue: byYearArb(years, 1, 1.5),
        auxiliaryLoadMw: fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 30, noNaN: true })),
        coefficient: options.partialLoad ? fc.double({ min: 0.001, max: 0.2, noNaN: true }) : fc.constant(0),
        chips: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => chipArb(`chip${i}`)))),
        powerRatio: sharesByYear(years),
        oversubscription: fc.oneof(fc.constant(1), fc.double({ min: 1, max: 1.4, noNaN: true })),
        mfu: byYearArb(years, 0.2, 0.6),
        precision: fc.constantFrom('bf16' as const, 'fp8' as const),
        phases: fc.array(phaseDraw(horizonDays), { minLength: 1, maxLength: 6 }),
        shareScale: fc.double({ min: 0.2, max: 1.3, noNaN: true }),
        matching: byYearArb(years, 0, 1.2),
        mixWeights: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
        capacityFactor: fc.array(fc.double({ min: 0.1, max: 0.95, noNaN: true }), { minLength: 4, maxLength: 4 }),
        contracted: fc.oneof(fc.constant(Array.from({ length: years }, () => 0)), byYearArb(years, 0, 2e6)),
        lossConvention: fc.constantFrom('delivery_point' as const, 'gross_up_td_losses' as const),
        tdLossShare: fc.double({ min: 0, max: 0.1, noNaN: true }),
        grid: byYearArb(years, 0, 0.8),
        residual: byYearArb(years, 0, 0.8),
      });
    })
    .map((d) => {
      const chips = d.chips as ChipSpec[];
      const shareTotal = d.phases.reduce((acc, p) => acc + (p.useShare ? p.share : 0), 0);
      const phases: PhaseSpec[] = d.phases.map((p, i) => ({
        name: `p${i}`,
        energisedOn: dayAfter(d.horizon.firstYear, p.startDay),
        poi: p.useShare ? { kind: 'share', share: (p.share / Math.max(shareTotal, 1e-9)) * d.shareScale } : { kind: 'mw', mw: p.poiMw },
        chip: chips[p.chip % chips.length]!.name,
        rampHours: p.ramp,
        ...(p.lifeDays !== null ? { endOfLife: dayAfter(d.horizon.firstYear, p.startDay + p.lifeDays) } : {}),
        ...(p.lifeDays !== null && p.refresh !== null ? { refreshTo: chips[p.refresh % chips.length]!.name } : {}),
      }));
      const weightTotal = d.mixWeights.reduce((a, b) => a + b, 0);
      const mix = Object.fromEntries(
        TECHNOLOGIES.map((t, i) => [t, weightTotal > 0 ? d.mixWeights[i]! / weightTotal : i === 0 ? 1 : 0]),
      ) as Record<Technology, number>;
      const capacityFactor = Object.fromEntries(TECHNOLOGIES.map((t, i) => [t, d.capacityFactor[i]!])) as Record<Technology, number>;
      const inputs: ModelInputs = {
        horizon: d.horizon,
        envelope: { powerMw: d.powerMw, basis: d.basis, redundancyFactor: d.basis === 'installed_electrical' ? d.redundancy : 1 },
        facility: {
          headroomShare: d.headroomShare,
          designPue: d.designPue,
          annualPue: d.annualPue,
          auxiliaryLoadMw: d.auxiliaryLoadMw,
          partialLoadPueCoefficient: d.coefficient,
          partialLoadReferenceLoad: 0.75,
        },
        chips,
        utilisation: {
          powerRatio: d.powerRatio,
          oversubscriptionRatio: d.oversubscription,
          modelFlopsUtilisation: d.mfu,
          mfuPrecision: d.precision,
        },
        phases,
        procurement: {
          matchingTargetShare: d.matching,
          mix,
          capacityFactor,
          contractedCleanMwh: d.contracted,
          lossConvention: d.lossConvention,
          tdLossShare: d.tdLossShare,
        },
        context: {
          gridEmissionsTco2ePerMwh: d.grid,
          residualMixTco2ePerMwh: d.residual,
          wueM3PerMwh: 0.15,
          householdMwhPerYear: 10.715,
        },
        // The annual model does not read the hourly CFE inputs: one sensible set will do.
        cfe: shippedCfeInputs(),
        // The shipped costs, each chip costed as Trainium3 (the shipped file costs only the Trainium chips).
        cost: { ...shippedCostInputs(d.horizon), chips: Object.fromEntries(chips.map((c) => [c.name, shippedCostInputs(d.horizon).chips.trainium3!])) },
      };
      return inputs;
    });
}
