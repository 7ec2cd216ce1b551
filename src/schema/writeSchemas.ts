/**
 * `npm run schema` (tsx src/schema/writeSchemas.ts): regenerates schema/*.json and
 * docs/assumptions.md from the field table and the shipped assumption files. The tests
 * fail when the committed files differ from a fresh generation.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ASSUMPTIONS_DOC, assumptionsDoc } from './assumptionsDoc.js';
import { generateSchemas, SCHEMA_DIR } from './generateSchemas.js';
import type { ShippedFiles } from './shipped.js';

/** Every file the generators read: the assumptions directory's YAML and CSV files, one folder deep, by relative path. */
export function readShipped(assumptionsDir: string): ShippedFiles {
  const files = new Map<string, string>();
  const visit = (folder: string) => {
    for (const name of readdirSync(join(assumptionsDir, folder)).sort()) {
      const relative = folder ? `${folder}/${name}` : name;
      const full = join(assumptionsDir, relative);
      if (statSync(full).isDirectory()) {
        if (!folder) visit(relative);
      } else if (/\.(yaml|csv)$/.test(name)) files.set(relative, readFileSync(full, 'utf8'));
    }
  };
  visit('');
  return files;
}

/** Writes the schemas and the reference doc under `root`; returns the paths written, relative to it. */
export function writeSchemas(root: string): string[] {
  const shipped = readShipped(join(root, 'assumptions'));
  const written: string[] = [];
  mkdirSync(join(root, SCHEMA_DIR), { recursive: true });
  for (const [name, text] of generateSchemas(shipped)) {
    writeFileSync(join(root, SCHEMA_DIR, name), text);
    written.push(`${SCHEMA_DIR}/${name}`);
  }
  writeFileSync(join(root, ASSUMPTIONS_DOC), assumptionsDoc(shipped));
  written.push(ASSUMPTIONS_DOC);
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const written = writeSchemas(root);
  process.stdout.write(`wrote ${written.length} files: ${written.join(', ')}\n`);
}
