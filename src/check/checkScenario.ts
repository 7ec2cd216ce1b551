/**
 * One scenario's committed CSVs against its recomputed ones (pure: texts in,
 * breaches out). Files other than the output CSVs (manifest.json) are left to
 * check-outputs; a committed CSV that is no longer written is a breach.
 */
import { breachOf, compareTable, type Breach, type TableShape } from './compareTables.js';
import { parseCsvTable } from './parsedTable.js';
import type { Tolerances } from './tolerances.js';

export interface ScenarioCheck {
  breaches: Breach[];
  withinTolerance: number;
}

/**
 * `recomputed` and `committed` map file name to CSV text; a file absent from
 * `committed` is missing from the committed outputs. Every CSV in `committed`
 * without a shape is reported as extra.
 */
export function checkScenario(
  scenario: string,
  shapes: readonly TableShape[],
  recomputed: ReadonlyMap<string, string>,
  committed: ReadonlyMap<string, string>,
  tolerances: Tolerances,
): ScenarioCheck {
  const breaches: Breach[] = [];
  let withinTolerance = 0;
  for (const shape of shapes) {
    const fresh = recomputed.get(shape.file);
    if (fresh === undefined) throw new Error(`no recomputed ${shape.file} for scenario ${scenario}`);
    const old = committed.get(shape.file);
    const result = compareTable(scenario, shape, old === undefined ? undefined : parseCsvTable(old), parseCsvTable(fresh), tolerances);
    breaches.push(...result.breaches);
    withinTolerance += result.withinTolerance;
  }
  const known = new Set(shapes.map((shape) => shape.file));
  for (const file of [...committed.keys()].sort()) {
    if (file.endsWith('.csv') && !known.has(file)) {
      breaches.push(breachOf('extra-file', scenario, file));
    }
  }
  return { breaches, withinTolerance };
}
