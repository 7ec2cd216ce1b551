/** The assumptions directory: reading its files, naming them for the user, keeping paths inside it. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ASSUMPTION_FILES } from './fieldTable.js';
import type { Issues } from './issues.js';
import type { InputFile, SourceLocation } from './types.js';

export interface FileText {
  /** Path as shown to the user, e.g. `assumptions/chips.yaml`. */
  shown: string;
  text: string;
  hash: InputFile;
}

/** The directory as the user gave it, joined with a file name, '/' separators. */
export function shownPath(displayDir: string, name: string): string {
  const dir = displayDir.replaceAll('\\', '/');
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/** Read one file as UTF-8 with the SHA-256 of its bytes; undefined (reported) when it cannot be read. */
export function readAssumptionFile(dir: string, displayDir: string, name: string, issues: Issues): FileText | undefined {
  const shown = shownPath(displayDir, name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, name));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code;
    if (reason === 'ENOENT') issues.add('missing_file', { file: shown, line: 1, column: 1 }, '', { files: ASSUMPTION_FILES });
    else issues.add('unreadable_file', { file: shown, line: 1, column: 1 }, '', { reason: reason ?? String(error) });
    return undefined;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { shown, text: bytes.toString('utf8'), hash: { path: name, sha256 } };
}

/**
 * Resolve a path named inside an assumption file (e.g. a profile CSV) against
 * the directory; reported and undefined when it is absolute or leaves the
 * directory. Lexical only: a symlink inside the directory is trusted.
 */
export function resolveInsideDir(dir: string, relPath: string, at: SourceLocation, path: string, issues: Issues): string | undefined {
  const root = resolve(dir);
  const target = resolve(root, relPath);
  const rel = relative(root, target);
  if (isAbsolute(relPath) || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    issues.add('path_outside_dir', at, path, { written: relPath });
    return undefined;
  }
  return target;
}
