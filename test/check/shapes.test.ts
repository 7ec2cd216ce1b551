import { describe, expect, it } from 'vitest';
import { checkedTables, ROW_KEYS, tolerableNames } from '../../src/check/shapes.js';
import { OUTPUT_TABLES } from '../../src/writers/outputTables.js';

describe('checked table shapes', () => {
  it('give every output CSV a row key made of its own columns', () => {
    expect(checkedTables().map((s) => s.file)).toEqual(OUTPUT_TABLES.map((t) => t.file));
    for (const table of OUTPUT_TABLES) {
      const names = table.columns.map((c) => c.name);
      for (const key of ROW_KEYS[table.file]!) expect(names).toContain(key);
    }
  });

  it('take text columns from the writers, and summary metrics by unit', () => {
    const fleet = checkedTables().find((s) => s.file === 'fleet.csv')!;
    expect([...fleet.text]).toEqual(['phase', 'chip', 'energised_on', 'retired_on']);
    const names = tolerableNames();
    expect(names.numeric.get('summary.csv')).toContain('chips');
    expect(names.text.get('summary.csv')).toEqual(new Set(['full_buildout_date', 'binding_constraint']));
    expect(names.numeric.get('annual.csv')).not.toContain('year'); // a row key is matched, not measured
    expect(names.text.get('annual.csv')).toContain('year');
  });

  it("accept summary.csv's tranche metrics by form, whatever the tranche's name", () => {
    const [family] = tolerableNames().families!.get('summary.csv')!;
    expect(family!.matches('tranche_upfront_capex_exceeds_year')).toBe(true);
    expect(family!.matches('tranche_milestones_share_of_full_buildout_capex')).toBe(true);
    expect(family!.matches('tranche_upfront_amount_usd')).toBe(false);
    expect(family!.matches('chips')).toBe(false);
    expect(tolerableNames().families!.get('annual.csv') ?? []).toEqual([]);
  });
});
