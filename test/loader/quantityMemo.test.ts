/** The memo of parsed strings in quantity.ts: same numbers as mathjs, seeded entries used, only new ones reported. */
import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityMemoEntries, seedQuantityMemo, type Measure } from '../../src/loader/quantity.js';

const MW: Measure = { dimension: 'power', unit: 'MW' };
const W: Measure = { dimension: 'power', unit: 'W' };
const NUMBER: Measure = { dimension: 'number', unit: '1' };
const USD_PER_MWH: Measure = { dimension: 'costPerEnergy', unit: 'USD/MWh' };

describe('quantity memo', () => {
  it('gives a string the same result the second time, with the measure object asked for', () => {
    for (const [written, expected] of [
      ['1.2 kW', [MW]],
      ['0.1 MWh * 30 USD/kWh / 1 MWh', [USD_PER_MWH]],
      ['7 W', [NUMBER, W]],
    ] as const) {
      const first = parseQuantity(written, expected);
      const second = parseQuantity(written, expected);
      expect(second).toEqual(first);
      if (!first.ok || !second.ok) throw new Error(`${written} did not parse`);
      expect(second.measure).toBe(expected.find((m) => m.unit === first.measure.unit));
    }
  });

  it('keys by the measures asked for: the same text converts to each one', () => {
    const inW = parseQuantity('3 kW', [W]);
    const inMw = parseQuantity('3 kW', [MW]);
    expect(inW.ok && inW.value).toBe(3000);
    expect(inMw.ok && inMw.value).toBe(0.003);
  });

  it('uses seeded entries (as a saved memo from an earlier run) instead of parsing', () => {
    // A value mathjs would never give shows that the entry, not a parse, answered.
    const { entries } = quantityMemoEntries();
    const key = Object.keys(entries).find((k) => k.startsWith('1.2 kW\u0000'));
    expect(key).toBeDefined();
    seedQuantityMemo({ '42 zz\u0000power:MW': { value: 123, measure: 0 } });
    const seeded = parseQuantity('42 zz', [MW]);
    expect(seeded).toEqual({ ok: true, value: 123, measure: MW });
  });

  it('reports changed only when something was parsed since it was last read', () => {
    quantityMemoEntries();
    expect(quantityMemoEntries().changed).toBe(false);
    parseQuantity('1.2 kW', [MW]); // already known
    expect(quantityMemoEntries().changed).toBe(false);
    parseQuantity('17.25 GW', [MW]);
    const after = quantityMemoEntries();
    expect(after.changed).toBe(true);
    expect(Object.values(after.entries)).toContainEqual({ value: 17250, measure: 0 });
  });

  it('keeps errors out of the memo, so messages always come from a full parse', () => {
    const bad = parseQuantity('5 kg', [W]);
    expect(bad.ok).toBe(false);
    expect(Object.keys(quantityMemoEntries().entries).some((k) => k.startsWith('5 kg\u0000'))).toBe(false);
    expect(parseQuantity('5 kg', [W])).toEqual(bad);
  });
});
