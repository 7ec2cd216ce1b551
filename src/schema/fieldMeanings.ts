/**
 * What each assumption key means, in a sentence or two: the text the JSON Schemas
 * (editor hover) and docs/assumptions.md open every key's description with. Keyed by
 * the field-table key (`chips.*.tdp`, `cost.it.*.server_per_chip`) and by every mapping
 * above a key (`facility`, `chips.*`, `cfe.costs.solar`). The generator stops with the
 * key's name when one is missing, so a new field-table row needs a line here too.
 *
 * Units, bounds, defaults and the shipped values are NOT written here: they come from
 * the field table and the shipped files, so they cannot disagree with the loader.
 */
import { PROFILE_TECHNOLOGIES } from '../model/cfe/types.js';
import { TECHNOLOGIES, type Technology } from '../model/inputs.js';

/** How a technology reads in a sentence. */
export const TECHNOLOGY_WORDS: Readonly<Record<Technology, string>> = {
  solar: 'utility solar PV',
  onshore_wind: 'onshore wind',
  offshore_wind: 'offshore wind',
  clean_firm: 'clean firm power (nuclear, geothermal)',
};

function perTechnology(pattern: (t: Technology) => [string, string]): [string, string][] {
  return TECHNOLOGIES.map(pattern);
}

const ASSUMPTION_MEANINGS: [string, string][] = [
  // envelope.yaml
  ['envelope', 'The stated power envelope and what it measures.'],
  ['envelope.power', 'The stated envelope E: the campus power as reported. With basis it sets the design-load limit L_env (envelopeLimitMw).'],
  [
    'envelope.basis',
    'What the envelope measures: poi (the grid connection, equal to the facility peak: L_env = E x (1 - headroom)), critical_it (IT power: L_env = E x design PUE + auxiliary load) or installed_electrical (installed electrical capacity: L_env = E / redundancy_factor x (1 - headroom)).',
  ],
  ['envelope.redundancy_factor', 'Installed / usable electrical capacity (2N = 2, N+1 = (N+1)/N). Divides the envelope only when basis is installed_electrical; never applied to energy.'],
  ['horizon', 'The planning horizon: whole calendar years, hour by hour in UTC.'],
  ['horizon.first_year', 'First calendar year modelled; hour 0 is 1 January 00:00 UTC of this year.'],
  ['horizon.last_year', 'Last calendar year modelled (included).'],
  // facility.yaml
  ['facility', 'How POI power becomes critical IT power (sizing, with design quantities) and how IT energy becomes facility energy (with annual quantities).'],
  ['facility.headroom', 'Share h of the POI held back for N-1 transformers, ambient derating and power factor: the usable design load of a phase is POI x (1 - h).'],
  ['facility.design_pue', 'Design-day (peak) PUE, used only to size critical IT, P_IT = (POI x (1 - h) - aux share) / design PUE (criticalItMw), and in the envelope check.'],
  ['facility.annual_pue', 'Annual average PUE, used only for energy: facility load = IT draw x PUE + auxiliary load (facilityLoadMw).'],
  ['facility.auxiliary_load', 'Site auxiliary load outside PUE (offices, lighting, security) at full build-out, shared across phases pro rata to their POI (auxiliaryShareMw).'],
  [
    'facility.partial_load_pue_coefficient',
    'c in the partial-load PUE, PUE(l) = annual PUE + c x max(0, 1/l - 1/l_ref), l = IT draw / energised critical IT (partialLoadPue). 0 turns the term off.',
  ],
  ['facility.partial_load_reference_load', 'l_ref: the IT load fraction at which the annual PUE is quoted; used only when partial_load_pue_coefficient is above 0.'],
  // chips.yaml
  [
    'chips',
    'The chip catalogue, one entry per chip name (the names phases.csv chip and refresh_to use). Each chip gives its TDP and exactly one all-in power method: all_in_power; server_factor with it_factor; or host_power_per_server with network_storage_share.',
  ],
  ['chips.*', 'One chip of the catalogue, under its name.'],
  ['chips.*.tdp', 'Accelerator power at maximum (TDP), per chip.'],
  ['chips.*.all_in_power', 'All-in IT power per chip at maximum (the chip and its share of host, network and storage), given directly: the explicit method of allInWPerChip.'],
  ['chips.*.server_factor', 'Server power / accelerator power, for the factors method of allInWPerChip: all-in W = TDP x server_factor x it_factor.'],
  ['chips.*.it_factor', 'All IT power / server power, for the factors method of allInWPerChip: all-in W = TDP x server_factor x it_factor.'],
  [
    'chips.*.host_power_per_server',
    'Host power per server (CPUs, memory, fans), shared by its chips, for the parts method of allInWPerChip: all-in W = (TDP + host / chips_per_server) x (1 + network_storage_share).',
  ],
  ['chips.*.network_storage_share', 'Network and storage power as a share of chip plus host power, for the parts method of allInWPerChip.'],
  ['chips.*.chips_per_server', 'Accelerators per server.'],
  ['chips.*.chips_per_ultraserver', 'Accelerators per UltraServer: the packaging unit each fleet is rounded down to (chipsThatFit); a whole number of servers.'],
  ['chips.*.peak_bf16', 'Dense peak BF16 rate of one chip.'],
  ['chips.*.peak_fp8', 'Dense peak FP8 rate of one chip.'],
  ['chips.*.hbm', 'High-bandwidth memory per chip.'],
  ['chips.*.service_life', "Service life of the chip: the years its IT capex is annualised over (cost), and what phases.csv end_of_life dates are checked against."],
  ['chips.*.power_ratio', "Average-to-maximum IT power ratio of this chip; when given it replaces utilisation.power_ratio for this chip's fleets (powerRatioFor)."],
  // utilisation.yaml
  ['utilisation', 'Power utilisation (how much of its maximum power the fleet draws) and compute utilisation (how much of its peak FLOP/s does useful work), kept apart.'],
  [
    'utilisation.power_ratio',
    'Average-to-maximum IT power ratio u, for energy only: a fleet draws min(chips x all-in W x u, critical IT) when fully energised (cappedItDrawMw). Not compute utilisation.',
  ],
  [
    'utilisation.oversubscription_ratio',
    'Deployed chip power / critical IT, o (training about 1.0, inference 1.1-1.3): o x critical IT of chips is installed (packagingUnitsThatFit), power capping covering the rare peaks.',
  ],
  ['utilisation.model_flops_utilisation', 'Model-FLOPs utilisation (MFU): the share of peak FLOP/s doing useful model work; delivered compute only (deliveredComputeEflop).'],
  ['utilisation.mfu_precision', 'Precision whose peak rate MFU applies to: bf16 or fp8.'],
  // procurement.yaml
  ['procurement', 'Annual (volumetric) clean-energy procurement: certificates matched over a calendar year. Not 24/7 hourly matching (cfe.yaml).'],
  ['procurement.matching_target', 'Clean MWh to match as a share x of facility MWh: the target is x x facility energy (cleanEnergyTargetMwh).'],
  ['procurement.mix', 'Energy share of the new clean MWh from each technology; the four shares must sum to 1.'],
  ...perTechnology((t): [string, string] => [`procurement.mix.${t}`, `Share of the new clean MWh bought from ${TECHNOLOGY_WORDS[t]}.`]),
  ['procurement.capacity_factor', 'Net AC capacity factor at the delivery point, P50 (median year), per technology.'],
  ...perTechnology((t): [string, string] => [
    `procurement.capacity_factor.${t}`,
    `Net AC capacity factor CF of ${TECHNOLOGY_WORDS[t]}: nameplate MW = its MWh / (CF x hours of the year) (nameplateMw).`,
  ]),
  ['procurement.contracted_clean_energy', 'Clean energy already under contract for this load, per year: new clean MWh = max(0, target - contracted) (newCleanEnergyMwh).'],
  [
    'procurement.loss_convention',
    'delivery_point: targets and capacity factors both at the delivery point (no gross-up); gross_up_td_losses: buy target / (1 - td_loss_share) so the target arrives after T&D losses.',
  ],
  ['procurement.td_loss_share', 'Transmission and distribution loss share; used only with loss_convention gross_up_td_losses.'],
  // context.yaml
  ['context', 'Emissions, water and comparison context.'],
  ['context.grid_emission_factor', 'Location-based grid emission factor (annual average): location emissions = facility MWh x factor.'],
  ['context.residual_mix_factor', 'Residual-mix (market-based) emission factor, applied to the facility MWh left unmatched by procurement.'],
  ['context.wue', 'On-site water use per IT energy (WUE): water = IT MWh x WUE.'],
  ['context.household_annual_energy', 'Average household electricity use per year, for the homes-equivalent figure (facility MWh / this).'],
  // cfe.yaml
  [
    'cfe',
    'Hourly (24/7) carbon-free energy procurement: the least-cost portfolio of solar, wind, clean firm and batteries that matches a share of every hour\'s load. These values do not vary in uncertainty runs.',
  ],
  ['cfe.targets', 'CFE scores to solve for (the share of every hour matched), each above 0 and at most 1, in ascending order.'],
  ['cfe.year', 'Calendar year the hourly study is run for, within the horizon. Left out: the first full build-out year.'],
  ['cfe.profiles', 'Where the hourly solar and wind capacity factors come from: a synthetic site preset, or a CSV of measured profiles.'],
  ['cfe.profiles.source', 'synthetic (generated from a site preset in sites/) or csv (read from profiles.file).'],
  ['cfe.profiles.site', 'Site preset for synthetic profiles: the name of a file sites/<name>.yaml. Read only when source is synthetic.'],
  ['cfe.profiles.file', 'CSV of hourly capacity factors (columns solar, onshore_wind, offshore_wind), relative to the assumptions directory. Read only when source is csv.'],
  ['cfe.profiles.utc_offset', "The CSV's local standard time as hours from UTC (such as -5 h). Read only when source is csv."],
  ['cfe.clean_firm_availability', 'Clean firm (nuclear, geothermal) as a flat hourly capacity factor; also the clean_firm column of CSV profiles.'],
  ['cfe.load_shape_file', "CSV of relative hourly load (column relative_load; 8760/8784 rows, or 24 for a daily cycle). Left out: the core model's own hourly load."],
  ['cfe.grid_cfe_share', "Carbon-free share of the grid power imported, flat over the year, excluding this buyer's own contracts."],
  ['cfe.grid_emission_factor', "Emission factor of grid imports in the hourly study. Left out: context.grid_emission_factor of the year studied."],
  ['cfe.grid_hourly_file', 'CSV of hourly grid figures (grid_cfe_share and/or grid_emission_factor_kg_per_mwh); replaces the flat values above.'],
  ['cfe.battery', 'Battery storage of the hourly portfolio.'],
  ['cfe.battery.round_trip_efficiency', 'Round-trip efficiency of batteries, split evenly into charge and discharge efficiency (the square root of each).'],
  ['cfe.costs', "Costs of the hourly study, in US dollars of cfe.costs.currency_year (restated in cost.yaml's currency year on loading)."],
  ['cfe.costs.currency_year', 'The year whose dollars the hourly study costs are written in.'],
  ['cfe.costs.discount_rate', 'Discount rate of the capital recovery factor that annualises capex.'],
  ['cfe.costs.grid_price', 'Price of each MWh imported from the grid.'],
  ...TECHNOLOGIES.flatMap((t): [string, string][] => [
    [`cfe.costs.${t}`, `Costs of ${TECHNOLOGY_WORDS[t]} in the hourly portfolio.`],
    [`cfe.costs.${t}.capex`, `Capital cost per kW of ${TECHNOLOGY_WORDS[t]} capacity.`],
    [`cfe.costs.${t}.fixed_om`, `Fixed O&M per kW of ${TECHNOLOGY_WORDS[t]} capacity per year.`],
    [`cfe.costs.${t}.lifetime`, `Economic lifetime of ${TECHNOLOGY_WORDS[t]} capacity, for the capital recovery factor.`],
    [`cfe.costs.${t}.variable`, `Variable cost per MWh ${TECHNOLOGY_WORDS[t]} generates (fuel, variable O&M).`],
  ]),
  ['cfe.costs.battery', 'Costs of lithium-ion batteries: power (inverter, connection) and energy (cells) priced apart.'],
  ['cfe.costs.battery.power_capex', 'Battery capital cost per kW of power (inverter, connection).'],
  ['cfe.costs.battery.energy_capex', 'Battery capital cost per kWh of energy (cells).'],
  ['cfe.costs.battery.fixed_om', 'Battery fixed O&M per kW per year.'],
  ['cfe.costs.battery.lifetime', 'Economic lifetime of batteries.'],
  ['cfe.max_capacity', 'Most MW of each technology the hourly portfolio may install. Left out: no cap; 0 MW rules a technology out.'],
  ...perTechnology((t): [string, string] => [`cfe.max_capacity.${t}`, `Most MW of ${TECHNOLOGY_WORDS[t]} the portfolio may install. Left out: no cap.`]),
  ['cfe.max_excess_share', "Most excess clean energy (beyond the hour's load) as a share of the year's load. Left out: no cap."],
  // cost.yaml
  ['cost', 'Costs: capital (facility and IT), energy, financing, and the investment tranches, all in US dollars of cost.currency_year.'],
  ['cost.currency_year', 'The year whose dollars every cost output is in.'],
  [
    'cost.deflators',
    'A price index by year (such as the US GDP deflator). A money value written in another year\'s dollars is converted once on loading: value x index[cost.currency_year] / index[its year].',
  ],
  ['cost.deflators.*', 'The price index of one year; the key is the four-digit year.'],
  ['cost.facility', 'Facility capital cost and O&M.'],
  ['cost.facility.construction', 'Shell, power and cooling cost per MW of critical IT; excludes IT, land and soft costs.'],
  ['cost.facility.land_soft_share', 'Land and soft costs (design, permits, fees, financing during construction) as a share of construction.'],
  ['cost.facility.life', 'Depreciation life of the facility.'],
  ['cost.facility.om_share', 'Facility fixed O&M per year as a share of the facility capex in service.'],
  ['cost.it', 'IT capital cost per chip and IT O&M.'],
  ['cost.it.om_share', 'IT O&M per year (hardware support, spares, staff) as a share of the IT capex in service.'],
  ['cost.it.*', 'IT costs of one chip of chips.yaml, under its name; every chip a phase uses needs them.'],
  ['cost.it.*.server_per_chip', 'The accelerator plus its share of the server (host CPUs, memory, chassis), per chip.'],
  ['cost.it.*.network_share', 'Network capex (switches, optics) as a share of server_per_chip.'],
  ['cost.it.*.storage_share', 'Storage capex as a share of server_per_chip.'],
  ['cost.energy', 'Energy prices.'],
  ['cost.energy.electricity_price', 'Price of facility energy bought from the grid.'],
  ['cost.energy.ppa_price', 'PPA price per MWh by technology, for annual-matching procurement.'],
  ...perTechnology((t): [string, string] => [`cost.energy.ppa_price.${t}`, `PPA price per MWh of ${TECHNOLOGY_WORDS[t]}.`]),
  ['cost.wacc', 'Real weighted average cost of capital per year, at which capital is annualised (costs are in constant dollars, so the rate is real).'],
  ['cost.investment', 'The investment and when it is paid.'],
  [
    'cost.investment.tranches',
    'Tranches of the investment, each a name, an amount and exactly one condition: on (a date) or when_energised (a critical IT power reached). An entry\'s source and confidence describe its condition; the amount has its own.',
  ],
  ['cost.investment.tranches[].name', 'Name of the tranche.'],
  ['cost.investment.tranches[].amount', 'Amount paid, with the currency_year of its dollars.'],
  ['cost.investment.tranches[].on', 'Paid on this date (YYYY-MM-DD).'],
  ['cost.investment.tranches[].when_energised', 'Paid once this much critical IT is energised.'],
];

const SITE_MEANINGS: [string, string][] = [
  ['site', 'A site preset for the synthetic hourly solar and wind profiles: position, time zone, target capacity factors and weather seed. cfe.profiles.site names the one a scenario reads.'],
  ['site.latitude', 'Latitude of the site, degrees north (south negative).'],
  ['site.longitude', 'Longitude of the site, degrees east (west negative).'],
  ['site.utc_offset', 'Local standard time (no daylight saving) as hours from UTC.'],
  ['site.capacity_factor', 'Annual capacity factor each synthetic profile is calibrated to. A technology left out has no resource at the site and cannot be built there.'],
  ...PROFILE_TECHNOLOGIES.map((t): [string, string] => [`site.capacity_factor.${t}`, `Annual capacity factor the synthetic ${TECHNOLOGY_WORDS[t]} profile is calibrated to.`]),
  ['site.seed', 'Seed of the synthetic weather: the same seed gives the same profiles.'],
];

/** Meaning of every field-table key and of every mapping above one. */
export const FIELD_MEANINGS: ReadonlyMap<string, string> = new Map([...ASSUMPTION_MEANINGS, ...SITE_MEANINGS]);

/** phases.csv columns. */
export const PHASE_COLUMN_MEANINGS: Readonly<Record<string, string>> = {
  name: 'Name of the phase (lowercase letters, digits, hyphens), as scenarios and uncertainty.yaml refer to it.',
  energised_on: 'Date the phase starts to be energised, YYYY-MM-DD, read as 00:00 UTC.',
  poi: 'Grid connection (POI) of the phase: a power (250 MW) or a share of the envelope (12.5%).',
  chip: 'Chip of the first vintage, a name in chips.yaml.',
  ramp: 'Linear ramp from 0 to full energisation (6 months); empty for a step.',
  end_of_life: 'Date the first vintage retires; empty: it runs past the horizon.',
  refresh_to: 'Chip that replaces the first vintage at end_of_life (same POI, critical IT and ramp).',
  source: 'Where the row\'s values come from.',
  confidence: 'How sure the row\'s values are: official, analyst-estimate, rough or placeholder.',
};

/** The meaning of `key`; throws naming it when there is none, so the table stays complete. */
export function meaningOf(key: string): string {
  const meaning = FIELD_MEANINGS.get(key);
  if (meaning === undefined) throw new Error(`src/schema/fieldMeanings.ts: no meaning for "${key}"; add one (every assumption key and every mapping above one needs a sentence).`);
  return meaning;
}
