import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderScenarioOutputs } from '../../src/writers/scenarioOutputs.js';
import { sampleResult, sampleScenario } from './fixtures.js';

const OPTIONS = { version: '0.1.0', warnings: ['phases.csv:3:1 warning: example'] };

/** A CSV as header -> number columns, the way a planner would load it. */
function numbers(csv: string): Record<string, number>[] {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])),
  );
}

describe('renderScenarioOutputs', () => {
  it('renders the seven files in a fixed order', () => {
    const files = renderScenarioOutputs(sampleScenario(), sampleResult(), OPTIONS);
    expect([...files.keys()]).toEqual(['fleet.csv', 'annual.csv', 'procurement.csv', 'summary.csv', 'cost.csv', 'tranches.csv', 'manifest.json']);
  });

  it('gives identical bytes for the same inputs', () => {
    const first = renderScenarioOutputs(sampleScenario(), sampleResult(), OPTIONS);
    const second = renderScenarioOutputs(sampleScenario(), sampleResult(), OPTIONS);
    expect([...second]).toEqual([...first]);
  });

  it('leaves the scenario and result unchanged', () => {
    const scenario = sampleScenario();
    const result = sampleResult();
    renderScenarioOutputs(scenario, result, OPTIONS);
    expect(scenario).toEqual(sampleScenario());
    expect(result).toEqual(sampleResult());
  });

  // The bounds docs/outputs.md promises for identities rebuilt from printed columns.
  it('prints procurement so that nameplate x CF x hours rebuilds energy within the documented bound', () => {
    const files = renderScenarioOutputs(sampleScenario(), sampleResult(), OPTIONS);
    const annual = numbers(files.get('annual.csv')!);
    const procurement = numbers(files.get('procurement.csv')!);
    for (const year of annual) {
      const rows = procurement.filter((row) => row.year === year.year);
      const hours = year.hours!;
      for (const row of rows) {
        const gap = Math.abs(row.nameplate_mw! * row.capacity_factor! * hours - row.energy_mwh!);
        expect(gap).toBeLessThanOrEqual((0.0005 * row.capacity_factor! + 5e-7 * row.nameplate_mw!) * hours + 0.0005);
      }
      const energySum = rows.reduce((sum, row) => sum + row.energy_mwh!, 0);
      expect(Math.abs(energySum - year.new_clean_energy_mwh!)).toBeLessThanOrEqual(0.0005 * (rows.length + 1) + 1e-9);
    }
  });

  it('prints annual energy so that IT x PUE and average MW x hours rebuild facility energy within the documented bound', () => {
    const annual = numbers(renderScenarioOutputs(sampleScenario(), sampleResult(), OPTIONS).get('annual.csv')!);
    for (const year of annual) {
      const facility = year.facility_energy_mwh!;
      expect(Math.abs(year.it_energy_mwh! * year.effective_pue! - facility)).toBeLessThanOrEqual(
        5e-7 * year.it_energy_mwh! + 0.0005 * year.effective_pue! + 0.0005,
      );
      expect(Math.abs(year.average_facility_mw! * year.hours! - facility)).toBeLessThanOrEqual(0.0005 * year.hours! + 0.0005);
    }
  });
});
