/**
 * Typed ModelInputs builders for model tests. `oneChip` and `onePhase` make a
 * deliberately round case (1,000 W explicit all-in, 1-chip packaging, PUE 1.25,
 * no headroom, no aux) so hand calculations stay short; `makeInputs` builds a
 * complete one-phase ModelInputs and merges per-section overrides;
 * `baseCaseInputs` mirrors the shipped assumptions (units converted by hand,
 * 1 month = 730.5 h as the loader converts it).
 */
import type { ChipSpec, ModelInputs, PhaseSpec, Technology } from '../../src/model/inputs.js';
import { runModel, type ModelOutcome } from '../../src/model/runModel.js';
import { shippedCfeInputs } from './cfeInputsFixture.js';
import { shippedCostInputs } from './costInputsFixture.js';
import type { ModelResult } from '../../src/results/types.js';

/** Per-section overrides: record sections merge one level deep; list sections (chips, phases) replace. */
type Sections = { [K in keyof ModelInputs]?: ModelInputs[K] extends readonly unknown[] ? ModelInputs[K] : Partial<ModelInputs[K]> };

export function byYear(years: number, value: number): number[] {
  return Array.from({ length: years }, () => value);
}

export function oneChip(overrides: Partial<ChipSpec> = {}): ChipSpec {
  return {
    name: 'chip',
    tdpW: 800,
    allInPower: { method: 'explicit', allInW: 1000 },
    chipsPerServer: 1,
    chipsPerUltraserver: 1,
    peakBf16Tflops: 1000,
    peakFp8Tflops: 2000,
    hbmGib: 100,
    serviceLifeYears: 5,
    ...overrides,
  };
}

export function onePhase(overrides: Partial<PhaseSpec> = {}): PhaseSpec {
  return { name: 'p1', energisedOn: '2026-01-01', poi: { kind: 'share', share: 1 }, chip: 'chip', rampHours: 0, ...overrides };
}

const MIX_DEFAULT: Record<Technology, number> = { solar: 0.5, onshore_wind: 0.4, offshore_wind: 0, clean_firm: 0.1 };
const CF_DEFAULT: Record<Technology, number> = { solar: 0.233, onshore_wind: 0.335, offshore_wind: 0.4, clean_firm: 0.9 };

/**
 * A complete one-phase ModelInputs. By-year arrays are sized to the horizon
 * (after any horizon override); an override that gives an array uses it as is.
 */
export function makeInputs(overrides: Sections = {}): ModelInputs {
  const horizon = { firstYear: 2026, lastYear: 2027, ...overrides.horizon };
  const n = horizon.lastYear - horizon.firstYear + 1;
  return {
    horizon,
    envelope: { powerMw: 125, basis: 'poi', redundancyFactor: 1, ...overrides.envelope },
    facility: {
      headroomShare: 0,
      designPue: 1.25,
      annualPue: byYear(n, 1.1),
      auxiliaryLoadMw: 0,
      partialLoadPueCoefficient: 0,
      partialLoadReferenceLoad: 0.75,
      ...overrides.facility,
    },
    chips: overrides.chips ?? [oneChip()],
    utilisation: {
      powerRatio: byYear(n, 0.5),
      oversubscriptionRatio: 1,
      modelFlopsUtilisation: byYear(n, 0.4),
      mfuPrecision: 'bf16',
      ...overrides.utilisation,
    },
    phases: overrides.phases ?? [onePhase()],
    procurement: {
      matchingTargetShare: byYear(n, 1),
      mix: MIX_DEFAULT,
      capacityFactor: CF_DEFAULT,
      contractedCleanMwh: byYear(n, 0),
      lossConvention: 'delivery_point',
      tdLossShare: 0.05,
      ...overrides.procurement,
    },
    context: {
      gridEmissionsTco2ePerMwh: byYear(n, 0.4),
      residualMixTco2ePerMwh: byYear(n, 0.5),
      wueM3PerMwh: 0.15,
      householdMwhPerYear: 10,
      ...overrides.context,
    },
    cfe: { ...shippedCfeInputs(), ...overrides.cfe },
    cost: { ...costFor(overrides.chips ?? [oneChip()], horizon), ...overrides.cost },
  };
}

/** The shipped costs, with IT costs for each chip (a chip the shipped file does not cost gets Trainium3's). */
function costFor(chips: readonly ChipSpec[], horizon: ModelInputs['horizon']): ModelInputs['cost'] {
  const shipped = shippedCostInputs(horizon);
  const chipCosts = Object.fromEntries(chips.map((chip) => [chip.name, shipped.chips[chip.name] ?? shipped.chips.trainium3!]));
  return { ...shipped, chips: chipCosts };
}

const SIX_MONTHS_H = 6 * 730.5;

function trainium(name: string, tdpW: number, bf16: number, fp8: number, chipsPerServer: number, pack: number, hbm: number): ChipSpec {
  return {
    name,
    tdpW,
    allInPower: { method: 'factors', serverFactor: 1.53, itFactor: 1.14 },
    chipsPerServer,
    chipsPerUltraserver: pack,
    peakBf16Tflops: bf16,
    peakFp8Tflops: fp8,
    hbmGib: hbm,
    serviceLifeYears: 5,
  };
}

/** The shipped base case (assumptions/*), converted to model units by hand. */
export function baseCaseInputs(): ModelInputs {
  const n = 10;
  const phase = (name: string, energisedOn: string, mw: number, chip: string, endOfLife?: string, refreshTo?: string): PhaseSpec => ({
    name,
    energisedOn,
    poi: { kind: 'mw', mw },
    chip,
    rampHours: SIX_MONTHS_H,
    ...(endOfLife ? { endOfLife } : {}),
    ...(refreshTo ? { refreshTo } : {}),
  });
  return makeInputs({
    horizon: { firstYear: 2026, lastYear: 2035 },
    envelope: { powerMw: 2000, basis: 'poi', redundancyFactor: 1 },
    facility: {
      headroomShare: 0.05,
      designPue: 1.25,
      annualPue: byYear(n, 1.14),
      auxiliaryLoadMw: 10,
      partialLoadPueCoefficient: 0,
      partialLoadReferenceLoad: 0.75,
    },
    chips: [
      trainium('trainium2', 500, 667, 1299, 16, 64, 96),
      trainium('trainium3', 1000, 671, 2517, 4, 144, 144),
      trainium('trainium4', 1500, 2013, 7551, 4, 144, 288),
    ],
    utilisation: {
      powerRatio: byYear(n, 0.75),
      oversubscriptionRatio: 1,
      modelFlopsUtilisation: byYear(n, 0.35),
      mfuPrecision: 'bf16',
    },
    phases: [
      phase('trn3-a', '2026-10-01', 250, 'trainium3', '2031-10-01', 'trainium4'),
      phase('trn3-b', '2027-04-01', 250, 'trainium3', '2032-04-01', 'trainium4'),
      phase('trn4-a', '2027-10-01', 500, 'trainium4'),
      phase('trn4-b', '2028-07-01', 500, 'trainium4'),
      phase('trn4-c', '2029-07-01', 500, 'trainium4'),
    ],
    procurement: {
      matchingTargetShare: byYear(n, 1),
      mix: { solar: 0.5, onshore_wind: 0.4, offshore_wind: 0, clean_firm: 0.1 },
      capacityFactor: { solar: 0.233, onshore_wind: 0.335, offshore_wind: 0.4, clean_firm: 0.9 },
      contractedCleanMwh: byYear(n, 0),
      lossConvention: 'delivery_point',
      tdLossShare: 0.05,
    },
    context: {
      gridEmissionsTco2ePerMwh: byYear(n, 0.38),
      residualMixTco2ePerMwh: byYear(n, 0.4),
      wueM3PerMwh: 0.15,
      householdMwhPerYear: 10.715,
    },
  });
}


/** Run the model and return its result, failing the test with the issues when it is not ok. */
export function runOk(inputs: ModelInputs): ModelResult {
  const outcome: ModelOutcome = runModel(inputs);
  if (!outcome.ok) throw new Error(`expected an ok run, got: ${outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n')}`);
  return outcome.result;
}

/** A summary metric's value. */
export function summaryValue(result: ModelResult, metric: string): number | string {
  const row = result.summary.find((r) => r.metric === metric);
  if (!row) throw new Error(`no summary metric ${metric}`);
  return row.value;
}

/** YYYY-MM-DD of `days` after 2026-01-01. */
export function dayAfter2026(days: number): string {
  return new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10);
}
