import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarios } from '../../src/pipeline/scenarios.js';

describe('listScenarios', () => {
  it('lists base first, then each scenario file sorted by name, misnamed ones included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwplan-list-'));
    try {
      expect(listScenarios(dir)).toEqual([{ name: 'base', assumptionsDir: dir }]);
      mkdirSync(join(dir, 'scenarios'));
      for (const name of ['late.yaml', 'cfe-mix.yaml', 'Bad Name.yaml', 'notes.txt']) writeFileSync(join(dir, 'scenarios', name), '');
      expect(listScenarios(dir)).toEqual([
        { name: 'base', assumptionsDir: dir },
        { name: 'Bad Name', assumptionsDir: dir, file: 'scenarios/Bad Name.yaml' },
        { name: 'cfe-mix', assumptionsDir: dir, file: 'scenarios/cfe-mix.yaml' },
        { name: 'late', assumptionsDir: dir, file: 'scenarios/late.yaml' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not fail for a directory that does not exist: loading it reports that', () => {
    expect(listScenarios('/nonexistent/gwplan')).toEqual([{ name: 'base', assumptionsDir: '/nonexistent/gwplan' }]);
  });
});
