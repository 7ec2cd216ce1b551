import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS_END, COLUMNS_START, renderColumnTables } from '../../src/writers/outputsDoc.js';

const DOC_PATH = new URL('../../docs/outputs.md', import.meta.url);

describe('docs/outputs.md', () => {
  it('holds exactly the column tables generated from the specs (regenerate: see src/writers/outputsDoc.ts)', () => {
    const doc = readFileSync(DOC_PATH, 'utf8');
    const start = doc.indexOf(COLUMNS_START);
    const end = doc.indexOf(COLUMNS_END);
    expect(start, 'start marker').toBeGreaterThanOrEqual(0);
    expect(end, 'end marker after start').toBeGreaterThan(start);
    expect(doc.indexOf(COLUMNS_START, start + 1), 'one start marker').toBe(-1);
    expect(doc.slice(start + COLUMNS_START.length, end)).toBe(renderColumnTables());
  });

  it('documents every column of every file', () => {
    const tables = renderColumnTables();
    for (const name of ['phase', 'all_in_w_per_chip', 'peak_fp8_pflops', 'effective_pue', 'delivered_compute_eflop', 'nameplate_mw', 'value']) {
      expect(tables).toContain(`| \`${name}\` |`);
    }
  });
});
