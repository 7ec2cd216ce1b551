/**
 * A small, self-made scenario and result for the writer tests: built here so
 * the tests do not depend on the loader or the model. Numbers come from the
 * model's formulas (not round literals) so rounding is exercised, and the
 * procurement rows satisfy Σ nameplate x CF x hours = new clean energy.
 */
import type { AssumptionRecord, LoadedScenario } from '../../src/loader/types.js';
import { TECHNOLOGIES, type ModelInputs } from '../../src/model/inputs.js';
import type { AnnualRow, CostRow, FleetRow, ModelResult, ProcurementRow, SummaryRow, TrancheRow } from '../../src/results/types.js';
import { shippedCfeInputs } from '../model/cfeInputsFixture.js';
import { shippedCostInputs } from '../model/costInputsFixture.js';

const MIX = { solar: 0.5, onshore_wind: 0.4, offshore_wind: 0, clean_firm: 0.1 } as const;
const CAPACITY_FACTOR = { solar: 0.233, onshore_wind: 0.335, offshore_wind: 0.4, clean_firm: 0.9 } as const;

export function sampleInputs(): ModelInputs {
  return {
    horizon: { firstYear: 2026, lastYear: 2028 },
    envelope: { powerMw: 2000, basis: 'poi', redundancyFactor: 1 },
    facility: {
      headroomShare: 0.05,
      designPue: 1.25,
      annualPue: [1.15, 1.15, 1.14],
      auxiliaryLoadMw: 20,
      partialLoadPueCoefficient: 0,
      partialLoadReferenceLoad: 0.8,
    },
    chips: [
      {
        name: 'trainium3',
        tdpW: 1000,
        allInPower: { method: 'factors', serverFactor: 1.53, itFactor: 1.14 },
        chipsPerServer: 4,
        chipsPerUltraserver: 144,
        peakBf16Tflops: 671,
        peakFp8Tflops: 2517,
        hbmGib: 144,
        serviceLifeYears: 5,
      },
    ],
    utilisation: { powerRatio: [0.75, 0.75, 0.75], oversubscriptionRatio: 1, modelFlopsUtilisation: [0.4, 0.4, 0.4], mfuPrecision: 'fp8' },
    phases: [
      { name: 'trn3-a', energisedOn: '2026-10-01', poi: { kind: 'mw', mw: 250 }, chip: 'trainium3', rampHours: 4380, endOfLife: '2028-04-01', refreshTo: 'trainium3' },
    ],
    procurement: {
      matchingTargetShare: [1, 1, 1],
      mix: MIX,
      capacityFactor: CAPACITY_FACTOR,
      contractedCleanMwh: [0, 100_000, 100_000],
      lossConvention: 'delivery_point',
      tdLossShare: 0.05,
    },
    context: {
      gridEmissionsTco2ePerMwh: [0.38, 0.37, 0.36],
      residualMixTco2ePerMwh: [0.41, 0.4, 0.39],
      wueM3PerMwh: 0.15,
      householdMwhPerYear: 10.715,
    },
    cfe: shippedCfeInputs(),
    cost: shippedCostInputs({ firstYear: 2026, lastYear: 2028 }),
  };
}

export function sampleRecords(): AssumptionRecord[] {
  return [
    {
      path: 'envelope.power',
      value: 2000,
      unit: 'MW',
      written: '2 GW',
      source: 'Amazon-OpenAI release, 2026-02-27',
      confidence: 'official',
      // The loader shows paths as the user gave the directory, possibly absolute.
      at: { file: '/home/planner/gwplan/assumptions/envelope.yaml', line: 4, column: 10 },
      setBy: [{ file: '/home/planner/gwplan/assumptions/envelope.yaml', line: 4, column: 10 }],
    },
    {
      path: 'facility.design_pue',
      value: 1.25,
      unit: '1',
      written: '1.25',
      low: 1.2,
      high: 1.4,
      source: 'Epoch, 2025-12-18',
      confidence: 'analyst-estimate',
      note: 'design day, sizing only',
      at: { file: 'assumptions/scenarios/liquid-cooled.yaml', line: 9, column: 12 },
      // Set in base, then overridden by a scenario overlay.
      setBy: [
        { file: 'assumptions/facility.yaml', line: 7, column: 12 },
        { file: 'assumptions/scenarios/liquid-cooled.yaml', line: 9, column: 12 },
      ],
    },
    {
      path: 'phases.trn3-a.energised_on',
      value: '2026-10-01',
      unit: '',
      written: '2026-10-01',
      at: { file: 'assumptions/phases.csv', line: 2, column: 8 },
      setBy: [{ file: 'assumptions/phases.csv', line: 2, column: 8 }],
    },
  ];
}

export function sampleScenario(): LoadedScenario {
  return {
    name: 'liquid-cooled',
    chain: ['base', 'liquid-cooled'],
    question: 'What if the campus is liquid-cooled?',
    inputs: sampleInputs(),
    records: sampleRecords(),
    // Deliberately out of order: the manifest sorts them.
    files: [
      { path: 'phases.csv', sha256: 'c'.repeat(64) },
      { path: 'scenarios/liquid-cooled.yaml', sha256: 'd'.repeat(64) },
      { path: 'envelope.yaml', sha256: 'a'.repeat(64) },
      { path: 'facility.yaml', sha256: 'b'.repeat(64) },
    ],
    uncertain: [],
    correlationGroups: [],
  };
}

function fleetRow(phase: string, vintage: number, energisedOn: string, retiredOn: string): FleetRow {
  const poiMw = 250;
  const criticalItMw = (poiMw * (1 - 0.05) - 2.37) / 1.25;
  const allInWPerChip = 1000 * 1.53 * 1.14;
  const chips = 144 * Math.floor((criticalItMw * 1e6) / (allInWPerChip * 144));
  return {
    phase,
    vintage,
    chip: 'trainium3',
    energisedOn,
    retiredOn,
    poiMw,
    criticalItMw,
    allInWPerChip,
    chips,
    servers: chips / 4,
    ultraservers: chips / 144,
    deployedItMw: (chips * allInWPerChip) / 1e6,
    peakBf16Pflops: (chips * 671) / 1000,
    peakFp8Pflops: (chips * 2517) / 1000,
  };
}

function annualRow(year: number, hours: number, itEnergyMwh: number, contractedCleanMwh: number, fleet: FleetRow): AnnualRow {
  const pue = 1.15;
  const facilityEnergyMwh = itEnergyMwh * pue + 20 * hours;
  const cleanEnergyTargetMwh = facilityEnergyMwh;
  return {
    year,
    hours,
    chipsEnd: fleet.chips,
    criticalItMwEnd: fleet.criticalItMw,
    peakFp8PflopsEnd: fleet.peakFp8Pflops,
    itEnergyMwh,
    facilityEnergyMwh,
    effectivePue: facilityEnergyMwh / itEnergyMwh,
    averageFacilityMw: facilityEnergyMwh / hours,
    peakFacilityMw: fleet.deployedItMw * 1.25 + 20,
    cleanEnergyTargetMwh,
    contractedCleanMwh,
    newCleanEnergyMwh: Math.max(0, cleanEnergyTargetMwh - contractedCleanMwh),
    emissionsLocationTco2e: facilityEnergyMwh * 0.37,
    emissionsMarketTco2e: Math.max(0, facilityEnergyMwh - cleanEnergyTargetMwh) * 0.4,
    waterM3: itEnergyMwh * 0.15,
    homesEquivalent: facilityEnergyMwh / 10.715,
    deliveredComputeEflop: (fleet.peakFp8Pflops * 1e15 * 0.4 * hours * 3600 * 0.61) / 1e18,
  };
}

function procurementRows(annual: AnnualRow): ProcurementRow[] {
  return TECHNOLOGIES.map((technology) => {
    const energyMwh = MIX[technology] * annual.newCleanEnergyMwh;
    return {
      year: annual.year,
      technology,
      energyShare: MIX[technology],
      capacityFactor: CAPACITY_FACTOR[technology],
      energyMwh,
      nameplateMw: energyMwh / (CAPACITY_FACTOR[technology] * annual.hours),
    };
  });
}

/** Cost of a year: capex when a vintage starts (facility with the first), 2 years of rows in 2025 USD, from the shipped prices. */
function costRow(year: number, annual: AnnualRow, capexFacilityUsd: number, chips: number, cumulativeBefore: number): CostRow {
  const capexItUsd = chips * 40_000;
  const capexNetworkUsd = capexItUsd * 0.18;
  const capexTotalUsd = capexFacilityUsd + capexItUsd + capexNetworkUsd;
  const opexEnergyUsd = annual.facilityEnergyMwh * 86;
  const opexProcurementPremiumUsd = annual.newCleanEnergyMwh * (0.5 * (58.21 - 86) + 0.4 * (69.54 - 86) + 0.1 * (102.56 - 86));
  const opexOmUsd = 0.025 * capexFacilityUsd + 0.03 * (capexItUsd + capexNetworkUsd);
  return {
    year,
    capexFacilityUsd,
    capexItUsd,
    capexNetworkUsd,
    capexTotalUsd,
    opexEnergyUsd,
    opexProcurementPremiumUsd,
    opexOmUsd,
    annualisedCostUsd: capexTotalUsd * 0.0856 + opexEnergyUsd + opexProcurementPremiumUsd + opexOmUsd,
    cumulativeCapexUsd: cumulativeBefore + capexTotalUsd,
  };
}

export function sampleResult(): ModelResult {
  const first = fleetRow('trn3-a', 1, '2026-10-01', '2028-04-01');
  const refresh = fleetRow('trn3-a', 2, '2028-04-01', '');
  const annual = [
    annualRow(2026, 8760, first.deployedItMw * 0.75 * 1104.5, 0, first),
    annualRow(2027, 8760, first.deployedItMw * 0.75 * 8760, 100_000, first),
    annualRow(2028, 8784, refresh.deployedItMw * 0.75 * 8784, 100_000, refresh),
  ];
  const summary: SummaryRow[] = [
    { metric: 'chips', value: first.chips, unit: 'chips' },
    { metric: 'critical_it', value: first.criticalItMw, unit: 'MW' },
    { metric: 'peak_fp8', value: first.peakFp8Pflops, unit: 'PFLOP/s' },
    { metric: 'facility_energy_full_year', value: annual[1]!.facilityEnergyMwh, unit: 'MWh' },
    { metric: 'effective_pue', value: annual[1]!.effectivePue, unit: 'ratio' },
    { metric: 'binding_constraint', value: 'phases', unit: '' },
  ];
  const facilityUsd = first.criticalItMw * 11.7e6 * 1.15;
  const cost2026 = costRow(2026, annual[0]!, facilityUsd, first.chips, 0);
  const cost2027 = costRow(2027, annual[1]!, 0, 0, cost2026.cumulativeCapexUsd);
  const cost = [cost2026, cost2027, costRow(2028, annual[2]!, 0, refresh.chips, cost2027.cumulativeCapexUsd)];
  const fullCapex = cost2026.capexTotalUsd;
  const tranches: TrancheRow[] = [
    { name: 'upfront', amountUsd: 14.6e9, cumulativeUsd: 14.6e9, condition: 'date=2026-02-27', conditionMetYear: 2026, capexExceedsYear: null, shareOfFullBuildoutCapex: 14.6e9 / fullCapex },
    { name: 'milestone', amountUsd: 1e8, cumulativeUsd: 14.7e9, condition: 'energised_critical_it_mw=100', conditionMetYear: 2026, capexExceedsYear: null, shareOfFullBuildoutCapex: 14.7e9 / fullCapex },
  ];
  const peakDesignLoadMw = first.criticalItMw * 1.25 + 20;
  return {
    fleet: [first, refresh],
    annual,
    procurement: annual.flatMap(procurementRows),
    envelope: {
      limitMw: 2000 * (1 - 0.05),
      peakDesignLoadMw,
      peakAt: '2027-04-01T00:00:00Z',
      marginMw: 2000 * (1 - 0.05) - peakDesignLoadMw,
      packagingMarginMw: first.criticalItMw - first.deployedItMw,
      binding: 'phases',
    },
    cost,
    tranches,
    summary,
    hourly: { startIso: '2026-01-01T00:00:00Z', itMw: new Float64Array(4), facilityMw: new Float64Array(4) },
  };
}
