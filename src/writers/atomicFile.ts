/**
 * Writes one file directly under an output directory (OUT/report.html) so that
 * a reader never sees it half-written: the content goes to a temporary file
 * beside it, which is then renamed over the target (atomic on one file
 * system). On any failure the previous file stays as it was. The temporary
 * name is a work name of atomicWrite.ts, so a run killed mid-write leaves
 * nothing that the next run does not remove.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextWorkId } from './atomicWrite.js';

/** Writes `content` (UTF-8, no BOM) to `outDir/name`; `name` is a plain file name. Returns `name`. */
export function writeFileAtomic(outDir: string, name: string, content: string): string {
  if (name === '' || name.startsWith('.') || /[/\\\0]/.test(name)) throw new Error(`output file '${name}': must be a single path segment not starting with '.'`);
  mkdirSync(outDir, { recursive: true });
  const tmp = join(outDir, `.gwplan-tmp-${nextWorkId()}`);
  try {
    writeFileSync(tmp, content, 'utf8');
    renameSync(tmp, join(outDir, name));
  } finally {
    rmSync(tmp, { force: true });
  }
  return name;
}
