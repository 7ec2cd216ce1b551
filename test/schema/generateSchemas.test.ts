import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIELD_TABLE, SITE_FIELDS } from '../../src/loader/fieldTable.js';
import { generateSchemas, modelineFor, SCHEMA_DIR, schemaNameFor } from '../../src/schema/generateSchemas.js';
import { readShipped } from '../../src/schema/writeSchemas.js';
import { validate, type JsonSchema, type SchemaError } from './jsonSchemaSubset.js';

const ROOT = join(import.meta.dirname, '..', '..');
const shipped = readShipped(join(ROOT, 'assumptions'));
const fresh = generateSchemas(shipped);
const schemaOf = (name: string) => JSON.parse(fresh.get(name)!) as JsonSchema;
const yamlFiles = [...shipped.keys()].filter((file) => file.endsWith('.yaml'));

/** The schema errors of a YAML text checked against the schema of `file`. */
function check(file: string, text: string): SchemaError[] {
  return validate(parse(text) ?? {}, schemaOf(schemaNameFor(file)!));
}

describe('schema/*.json', () => {
  it('are the committed files, byte for byte (else: run npm run schema)', () => {
    const dir = join(ROOT, SCHEMA_DIR);
    const committed = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')).sort() : [];
    expect(committed, 'schema/ does not hold exactly the generated files: run npm run schema').toEqual([...fresh.keys()].sort());
    const stale = [...fresh].filter(([name, text]) => readFileSync(join(dir, name), 'utf8') !== text).map(([name]) => `schema/${name}`);
    expect(stale, 'stale schema files: run npm run schema and commit the result').toEqual([]);
  });

  it('come out the same on every run: sorted definitions, 2-space indent, final newline', () => {
    expect(generateSchemas(shipped)).toEqual(fresh);
    for (const [name, text] of fresh) {
      expect(text.endsWith('}\n'), name).toBe(true);
      expect(JSON.stringify(JSON.parse(text), null, 2) + '\n', name).toBe(text);
      const defs = Object.keys(JSON.parse(text).$defs ?? {});
      expect(defs, name).toEqual([...defs].sort());
    }
  });

  it('describe every key of the field table with its meaning, unit and shipped value', () => {
    const facility = schemaOf('facility.schema.json') as { properties: { facility: { properties: Record<string, { description: string }> } } };
    const pue = facility.properties.facility.properties.design_pue!.description;
    expect(pue).toContain('Design-day (peak) PUE');
    expect(pue).toContain('allowed: at least 1');
    expect(pue).toMatch(/Shipped \(facility\.yaml\): 1\.25 \(range 1\.15 to 1\.40\); rough; source "Between AWS/);
    const chips = schemaOf('chips.schema.json') as { properties: { chips: { additionalProperties: { properties: Record<string, { description: string }> } } } };
    const tdp = chips.properties.chips.additionalProperties.properties.tdp!.description;
    expect(tdp).toContain('a power with its unit, such as "1.2 kW" (model unit W)');
    expect(tdp).toContain('- trainium3: 1000 W (range 900 W to 1400 W); rough;');
    // Every key (by its last part) is a property somewhere in its file's schema.
    for (const [file, specs] of [...Object.entries(FIELD_TABLE), ['site', SITE_FIELDS] as const]) {
      const text = fresh.get(file === 'site' ? 'site.schema.json' : schemaNameFor(file)!)!;
      for (const spec of specs) {
        const last = spec.key.split('.').pop()!;
        if (last !== '*') expect(text, `${file} ${spec.key}`).toContain(`"${last}": {`);
      }
    }
  });
});

describe('the shipped YAML files', () => {
  it('each validate against their schema', () => {
    expect(yamlFiles.length).toBeGreaterThan(15);
    for (const file of yamlFiles) expect(check(file, shipped.get(file)!), file).toEqual([]);
  });

  it('each start with the yaml-language-server line naming their schema, relative to their folder', () => {
    for (const file of yamlFiles) {
      const line = modelineFor(file)!;
      expect(shipped.get(file)!.split('\n')[0], file).toBe(line);
      // The path resolves from the file's folder to a generated schema.
      const target = join(ROOT, 'assumptions', file, '..', line.split('$schema=')[1]!);
      expect(existsSync(target), `${file} -> ${target}`).toBe(true);
    }
    expect(modelineFor('facility.yaml')).toBe('# yaml-language-server: $schema=../schema/facility.schema.json');
    expect(modelineFor('sites/oregon.yaml')).toBe('# yaml-language-server: $schema=../../schema/site.schema.json');
    expect(modelineFor('scenarios/liquid-cooled.yaml')).toBe('# yaml-language-server: $schema=../../schema/scenario.schema.json');
  });
});

describe('a schema flags', () => {
  const facility = shipped.get('facility.yaml')!;
  const chips = shipped.get('chips.yaml')!;

  it('a misspelt key in facility.yaml', () => {
    const errors = check('facility.yaml', facility.replace('design_pue:', 'desing_pue:'));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'facility.desing_pue', message: expect.stringContaining('unknown key "desing_pue"') }));
    expect(errors).toContainEqual({ path: 'facility', message: 'misses required "design_pue"' });
  });

  it('a misspelt key inside a value record, and a confidence word that is not one', () => {
    expect(check('facility.yaml', facility.replace('confidence: rough', 'confidance: rough'))).toContainEqual(
      expect.objectContaining({ path: 'facility.headroom.confidance' }),
    );
    expect(check('facility.yaml', facility.replace('confidence: rough', 'confidence: sure'))).toContainEqual(
      expect.objectContaining({ path: 'facility.headroom.confidence', message: expect.stringContaining('not one of official') }),
    );
  });

  it('a share above 1, and a power without its unit', () => {
    expect(check('facility.yaml', facility.replace('value: 0.05', 'value: 1.5'))).toContainEqual(expect.objectContaining({ path: 'facility.headroom.value' }));
    expect(check('chips.yaml', chips.replace('value: 500 W', 'value: 500'))).toContainEqual(expect.objectContaining({ path: 'chips.trainium2.tdp.value' }));
  });

  it('a chip with two all-in power methods, or none', () => {
    const two = chips.replace('    chips_per_server: 16\n', '    chips_per_server: 16\n    all_in_power: 900 W\n');
    expect(check('chips.yaml', two).map((e) => e.path)).toContain('chips.trainium2');
    const none = chips.replace(/    server_factor:\n(      .*\n)+?    it_factor:\n(      .*\n)+?(?=    chips_per_server: 16)/, '');
    expect(none).not.toBe(chips);
    expect(check('chips.yaml', none).map((e) => e.path)).toContain('chips.trainium2');
  });

  it('a scenario without extends, or with a key no file has', () => {
    const scenario = shipped.get('scenarios/liquid-cooled.yaml')!;
    expect(check('scenarios/liquid-cooled.yaml', scenario.replace('extends: base\n', ''))).toContainEqual({ path: '', message: 'misses required "extends"' });
    expect(check('scenarios/liquid-cooled.yaml', `${scenario}uncertainty:\n  inputs: {}\n`)).toContainEqual(expect.objectContaining({ path: 'uncertainty' }));
    // A scenario may give any subset of a file's keys.
    expect(check('scenarios/liquid-cooled.yaml', 'extends: base\nquestion: "q?"\nprocurement:\n  td_loss_share: 0.06\n')).toEqual([]);
  });

  it('an uncertainty entry with a parameter its type does not take', () => {
    const text = shipped.get('uncertainty.yaml')!.replace('    mode: 0 months\n', '    mode: 0 months\n    sd: 1 month\n');
    expect(check('uncertainty.yaml', text).length).toBeGreaterThan(0);
  });
});
