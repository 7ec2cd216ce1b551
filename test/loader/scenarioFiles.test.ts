import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScenarioName, scenarioFiles, suggestFileName } from '../../src/loader/scenarioFiles.js';

describe('scenario files', () => {
  it('names a scenario with lowercase letters, digits and hyphens; base is reserved', () => {
    expect(['liquid-cooled', 'trn3-1400w', 'a', '2030'].every(isScenarioName)).toBe(true);
    expect(['base', 'Liquid', 'liquid_cooled', 'a.b', '-a', '', 'é'].some(isScenarioName)).toBe(false);
  });

  it('lists .yaml files of scenarios/ sorted by name, keeping misnamed ones so loading can say why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwplan-scenarios-'));
    try {
      expect(scenarioFiles(dir)).toEqual([]); // no scenarios/ at all
      mkdirSync(join(dir, 'scenarios', 'nested.yaml'), { recursive: true });
      for (const name of ['b.yaml', 'a.yaml', 'Bad_Name.yaml', 'c.yml', 'base.yaml', 'README.md', 'a.yaml.swp']) {
        writeFileSync(join(dir, 'scenarios', name), '');
      }
      expect(scenarioFiles(dir)).toEqual([
        { name: 'Bad_Name', file: 'scenarios/Bad_Name.yaml', valid: false },
        { name: 'a', file: 'scenarios/a.yaml', valid: true },
        { name: 'b', file: 'scenarios/b.yaml', valid: true },
        { name: 'base.yaml', file: 'scenarios/base.yaml', valid: false },
        { name: 'c.yml', file: 'scenarios/c.yml', valid: false },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('suggests a valid file name for a misnamed one when there is one', () => {
    expect(suggestFileName('Liquid_Cooled.yml')).toBe('liquid-cooled.yaml');
    expect(suggestFileName('2 GW at POI.yaml')).toBe('2-gw-at-poi.yaml');
    expect(suggestFileName('base.yaml')).toBeUndefined();
    expect(suggestFileName('___.yaml')).toBeUndefined();
  });
});
