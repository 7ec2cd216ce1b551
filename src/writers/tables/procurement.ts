/** procurement.csv: annual (volumetric) clean-energy procurement, one row per year and technology. */
import type { ProcurementRow } from '../../results/types.js';
import { quantity, text, type TableSpec } from '../columns.js';

export const PROCUREMENT_TABLE: TableSpec<ProcurementRow> = {
  file: 'procurement.csv',
  description:
    "One row per year and technology: how the year's new clean energy is split and the nameplate capacity that supplies it (annual certificate matching, not 24/7).",
  rowsOf: (result) => result.procurement,
  columns: [
    quantity({ name: 'year', unit: 'year', description: 'Calendar year.', get: (r) => r.year }),
    text({
      name: 'technology',
      description: 'One of `solar`, `onshore_wind`, `offshore_wind`, `clean_firm`.',
      get: (r) => r.technology,
    }),
    quantity({ name: 'energy_share', unit: 'ratio', description: "This technology's share of the year's new clean energy.", get: (r) => r.energyShare }),
    quantity({
      name: 'capacity_factor',
      unit: 'ratio',
      description: 'Net AC capacity factor at the delivery point (P50).',
      get: (r) => r.capacityFactor,
    }),
    quantity({ name: 'energy_mwh', unit: 'MWh', description: 'energy_share x new_clean_energy_mwh of that year.', get: (r) => r.energyMwh }),
    quantity({
      name: 'nameplate_mw',
      unit: 'MW',
      description: 'energy_mwh / (capacity_factor x hours): the capacity to contract.',
      get: (r) => r.nameplateMw,
    }),
  ],
};
