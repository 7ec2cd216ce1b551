/** fleet.csv: what is installed, one row per phase and vintage. */
import type { FleetRow } from '../../results/types.js';
import { quantity, text, type TableSpec } from '../columns.js';

export const FLEET_TABLE: TableSpec<FleetRow> = {
  file: 'fleet.csv',
  description: 'One row per phase and vintage: the chips a phase installs and, after a refresh, the chips that replace them.',
  rowsOf: (result) => result.fleet,
  columns: [
    text({ name: 'phase', description: 'Phase name, as in phases.csv.', get: (r) => r.phase }),
    quantity({
      name: 'vintage',
      unit: 'count',
      description: "1 for the phase's first chips, 2 for the refresh that replaces them at end of life.",
      get: (r) => r.vintage,
    }),
    text({ name: 'chip', description: 'Chip catalogue key of this vintage.', get: (r) => r.chip }),
    text({
      name: 'energised_on',
      description: 'Date this vintage starts energising, YYYY-MM-DD (00:00 UTC); its ramp starts here.',
      get: (r) => r.energisedOn,
    }),
    text({
      name: 'retired_on',
      description: 'Date this vintage retires, YYYY-MM-DD (00:00 UTC); empty when it runs past the horizon.',
      get: (r) => r.retiredOn,
    }),
    quantity({ name: 'poi_mw', unit: 'MW', description: "The phase's grid connection (point of interconnection).", get: (r) => r.poiMw }),
    quantity({
      name: 'critical_it_mw',
      unit: 'MW',
      description: 'Critical IT capacity the fleet is sized against: (POI x (1 - headroom) - auxiliary share) / design PUE.',
      get: (r) => r.criticalItMw,
    }),
    quantity({
      name: 'all_in_w_per_chip',
      unit: 'W',
      description: 'All-in IT power per chip at maximum load: chip, host, network and storage.',
      get: (r) => r.allInWPerChip,
    }),
    quantity({ name: 'chips', unit: 'chips', description: 'Accelerators installed, a whole number of UltraServers.', get: (r) => r.chips }),
    quantity({ name: 'servers', unit: 'servers', description: 'Servers holding those chips.', get: (r) => r.servers }),
    quantity({ name: 'ultraservers', unit: 'UltraServers', description: 'UltraServers (the packaging unit) holding those chips.', get: (r) => r.ultraservers }),
    quantity({
      name: 'deployed_it_mw',
      unit: 'MW',
      description: 'chips x all_in_w_per_chip: the most IT power the fleet could draw; above critical_it_mw when oversubscribed.',
      get: (r) => r.deployedItMw,
    }),
    quantity({ name: 'peak_bf16_pflops', unit: 'PFLOP/s', description: 'Peak dense BF16 compute: chips x per-chip rate.', get: (r) => r.peakBf16Pflops }),
    quantity({ name: 'peak_fp8_pflops', unit: 'PFLOP/s', description: 'Peak dense FP8 compute: chips x per-chip rate.', get: (r) => r.peakFp8Pflops }),
  ],
};
