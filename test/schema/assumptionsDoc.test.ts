import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_TABLE, SITE_FIELDS } from '../../src/loader/fieldTable.js';
import { ASSUMPTIONS_DOC, assumptionsDoc } from '../../src/schema/assumptionsDoc.js';
import { readShipped } from '../../src/schema/writeSchemas.js';

const ROOT = join(import.meta.dirname, '..', '..');
const shipped = readShipped(join(ROOT, 'assumptions'));
const fresh = assumptionsDoc(shipped);

describe('docs/assumptions.md', () => {
  it('is the committed file, byte for byte (else: run npm run schema)', () => {
    const committed = readFileSync(join(ROOT, ASSUMPTIONS_DOC), 'utf8');
    expect(committed === fresh, `${ASSUMPTIONS_DOC} is stale: run npm run schema and commit the result`).toBe(true);
  });

  it('has a section for every assumption, with its unit, default, range, source, confidence and overrides', () => {
    for (const spec of [...Object.values(FIELD_TABLE).flat(), ...SITE_FIELDS]) expect(fresh, spec.key).toContain(`### \`${spec.key}\``);
    const pue = fresh.slice(fresh.indexOf('### `facility.design_pue`'), fresh.indexOf('### `facility.annual_pue`'));
    expect(pue).toContain('| written as | a plain number; allowed: at least 1 |');
    expect(pue).toContain('| default | none: required |');
    expect(pue).toContain('| shipped | `1.25`, range `1.15` to `1.40` in `facility.yaml` |');
    expect(pue).toContain('| confidence | rough |');
    expect(pue).toContain('| source | Between AWS');
    expect(pue).toContain('| overridden by scenarios | `liquid-cooled`: `1.15`, range `1.10` to `1.25` — rough: AWS liquid-cooling-ready design target');
    expect(fresh).toContain('| default | `0.75` when left out |');
  });
});
