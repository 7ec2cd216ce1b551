/** The memo file beside the bundle: read only when it is well formed and from the same build; written only when new. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readQuantityMemo, saveQuantityMemo } from '../../src/cli/quantityMemo.js';
import { tempFiles } from './harness.js';
import { parseQuantity, quantityMemoEntries, type Measure } from '../../src/loader/quantity.js';

const MW: Measure = { dimension: 'power', unit: 'MW' };
const tempFile = tempFiles('gwplan-memo-', 'quantity-memo.json');

describe('quantity memo file', () => {
  it('saves what was parsed and seeds it back for the same build', () => {
    const path = tempFile();
    quantityMemoEntries(); // start from "nothing new"
    parseQuantity('311.5 MW', [MW]);
    saveQuantityMemo({ path, build: 'b1' });
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved.build).toBe('b1');
    expect(saved.entries['311.5 MW\u0000power:MW']).toEqual({ value: 311.5, measure: 0 });

    // Tamper with a value: a read for the same build must use it, for another build must not.
    saved.entries['311.75 MW\u0000power:MW'] = { value: -1, measure: 0 };
    writeFileSync(path, JSON.stringify(saved));
    readQuantityMemo({ path, build: 'other' });
    expect(parseQuantity('311.75 MW', [MW])).toMatchObject({ ok: true, value: 311.75 });
    saved.entries['311.875 MW\u0000power:MW'] = { value: -2, measure: 0 };
    writeFileSync(path, JSON.stringify(saved));
    readQuantityMemo({ path, build: 'b1' });
    expect(parseQuantity('311.875 MW', [MW])).toMatchObject({ ok: true, value: -2 });
  });

  it('writes nothing when nothing new was parsed', () => {
    const path = tempFile();
    quantityMemoEntries();
    saveQuantityMemo({ path, build: 'b1' });
    expect(existsSync(path)).toBe(false);
  });

  it('ignores a missing, malformed or wrong-format file', () => {
    const path = tempFile();
    expect(() => readQuantityMemo({ path, build: 'b1' })).not.toThrow();
    for (const content of ['not json', '[]', '{"format":99,"build":"b1","entries":{}}', '{"format":1,"build":"b1","entries":{"x":{"value":"1","measure":0}}}']) {
      writeFileSync(path, content);
      expect(() => readQuantityMemo({ path, build: 'b1' })).not.toThrow();
    }
    expect(Object.keys(quantityMemoEntries().entries)).not.toContain('x');
  });
});
