import { describe, expect, it } from 'vitest';
import { renderManifest } from '../../src/writers/manifest.js';
import { OUTPUT_TABLES } from '../../src/writers/outputTables.js';
import { sampleResult, sampleScenario } from './fixtures.js';

function render(warnings: string[] = []) {
  return renderManifest({ scenario: sampleScenario(), envelope: sampleResult().envelope, tables: OUTPUT_TABLES, version: '0.1.0', warnings });
}

describe('manifest.json', () => {
  it('has a fixed top-level key order', () => {
    expect(Object.keys(JSON.parse(render()))).toEqual([
      'manifest_version',
      'gwplan_version',
      'scenario',
      'question',
      'chain',
      'inputs',
      'assumptions',
      'outputs',
      'envelope',
      'warnings',
    ]);
  });

  it('is 2-space indented JSON with LF line ends and a final newline', () => {
    const text = render();
    expect(text.startsWith('{\n  "manifest_version": 1,\n  "gwplan_version": "0.1.0",\n  "scenario": "liquid-cooled",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
  });

  it('names the scenario, the question it answers and its chain of overlays', () => {
    const manifest = JSON.parse(render());
    expect(manifest).toMatchObject({ scenario: 'liquid-cooled', question: 'What if the campus is liquid-cooled?', chain: ['base', 'liquid-cooled'] });
  });

  it('lists input files, overlays included, sorted by path with their hashes', () => {
    expect(JSON.parse(render()).inputs).toEqual([
      { path: 'envelope.yaml', sha256: 'a'.repeat(64) },
      { path: 'facility.yaml', sha256: 'b'.repeat(64) },
      { path: 'phases.csv', sha256: 'c'.repeat(64) },
      { path: 'scenarios/liquid-cooled.yaml', sha256: 'd'.repeat(64) },
    ]);
  });

  it('writes every assumption with the same keys, null for absent optional fields', () => {
    const { assumptions } = JSON.parse(render());
    expect(assumptions[2]).toEqual({
      path: 'phases.trn3-a.energised_on',
      value: '2026-10-01',
      unit: '',
      written: '2026-10-01',
      low: null,
      high: null,
      source: null,
      confidence: null,
      note: null,
      set_at: 'phases.csv:2:8',
      set_by: ['phases.csv:2:8'],
    });
    expect(Object.keys(assumptions[1])).toEqual(Object.keys(assumptions[2]));
    expect(assumptions[1]).toMatchObject({ value: 1.25, low: 1.2, high: 1.4, note: 'design day, sizing only', set_at: 'scenarios/liquid-cooled.yaml:9:12' });
  });

  it('gives every assumption the chain of places that set it, base first, relative to the assumptions directory', () => {
    const { assumptions } = JSON.parse(render());
    expect(assumptions.map((a: { set_by: string[] }) => a.set_by)).toEqual([
      ['envelope.yaml:4:10'],
      ['facility.yaml:7:12', 'scenarios/liquid-cooled.yaml:9:12'],
      ['phases.csv:2:8'],
    ]);
    for (const a of assumptions) expect(a.set_by.at(-1)).toBe(a.set_at);
  });

  it('names files relative to the assumptions directory, never absolute', () => {
    const text = render();
    expect(JSON.parse(text).assumptions[0].set_at).toBe('envelope.yaml:4:10');
    expect(text).not.toContain('/home/');
    expect(text).not.toContain('assumptions/');
  });

  it('lists each output file with its columns, units and decimals', () => {
    const { outputs } = JSON.parse(render());
    expect(outputs.map((output: { file: string }) => output.file)).toEqual(['fleet.csv', 'annual.csv', 'procurement.csv', 'summary.csv', 'cost.csv', 'tranches.csv']);
    expect(outputs[2]).toEqual({
      file: 'procurement.csv',
      columns: [
        { name: 'year', unit: 'year', decimals: 0 },
        { name: 'technology', unit: '', decimals: null },
        { name: 'energy_share', unit: 'ratio', decimals: 6 },
        { name: 'capacity_factor', unit: 'ratio', decimals: 6 },
        { name: 'energy_mwh', unit: 'MWh', decimals: 3 },
        { name: 'nameplate_mw', unit: 'MW', decimals: 3 },
      ],
    });
    expect(outputs[3].columns[1]).toEqual({ name: 'value', unit: null, decimals: null });
  });

  it('writes the envelope check with MW rounded like the CSVs', () => {
    expect(JSON.parse(render()).envelope).toEqual({
      limit_mw: 1900,
      peak_design_load_mw: 255.13,
      peak_at: '2027-04-01T00:00:00Z',
      margin_mw: 1644.87,
      packaging_margin_mw: 0.233,
      binding: 'phases',
    });
  });

  it('keeps warnings in the order given', () => {
    expect(JSON.parse(render(['b.yaml:1:1 second', 'a.yaml:1:1 first'])).warnings).toEqual(['b.yaml:1:1 second', 'a.yaml:1:1 first']);
  });

  it('is the same text every time', () => {
    expect(render(['w'])).toBe(render(['w']));
  });
});
