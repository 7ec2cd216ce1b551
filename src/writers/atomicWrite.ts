/**
 * Writes output directories so that a reader (Excel, pandas, check-outputs)
 * never sees a half-written run: everything is written into a temporary
 * directory inside `outDir`, then each scenario directory is swapped in with
 * renames (atomic on one file system). A failure before or during the swap
 * puts the previous directories back unchanged.
 *
 * A directory named in the tree is owned by gwplan and replaced whole, so a
 * file the model no longer writes disappears with it. It is a scenario
 * (`base`) or one part of a scenario (`base/hourly`), so a command that
 * computes one part replaces only that part. Everything else in `outDir`
 * (other scenarios, other parts, comparisons) is left alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TMP_PREFIX = '.gwplan-tmp-';
const OLD_PREFIX = '.gwplan-old-';
/** `.gwplan-tmp-<pid>-<n>` / `.gwplan-old-<pid>-<n>`: the pid tells a killed run's leftovers from a live run's. */
const WORK_DIR = /^\.gwplan-(?:tmp|old)-(\d+)-\d+$/;
/** In a `.gwplan-old-` directory: the tree's directories, so a killed run's moves can be undone. */
const KEYS_FILE = '.keys.json';

/** Numbers the writes of this process, so two in one process never share a temporary directory. */
let writeCount = 0;

/**
 * `<pid>-<n>`, new on every call: names a work directory (or file, atomicFile.ts)
 * `.gwplan-tmp-<pid>-<n>` that no other write of this process uses, and that a
 * later run removes if this process is killed before it does.
 */
export function nextWorkId(): string {
  writeCount += 1;
  return `${process.pid}-${writeCount}`;
}

/**
 * Writes `tree` (subdirectory -> file name -> content, UTF-8 without BOM)
 * under `outDir` and returns the files written as sorted `dir/file` paths.
 */
export function writeOutputTree(outDir: string, tree: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  const dirs = [...tree.keys()];
  for (const [dir, files] of tree) {
    const segments = dir.split('/');
    if (segments.length > 2) throw new Error(`output directory '${dir}': expected a scenario or scenario/part`);
    for (const segment of segments) checkName(segment, 'output directory');
    const inside = dirs.find((other) => other !== dir && dir.startsWith(`${other}/`));
    if (inside) throw new Error(`output directory '${dir}' lies inside '${inside}', which is also written: write one or the other`);
    // A file may sit in a subfolder of its directory (`uncertainty/percentiles.csv`); each segment is checked.
    for (const file of files.keys()) for (const segment of file.split('/')) checkName(segment, `file in output directory ${dir}`);
  }
  mkdirSync(outDir, { recursive: true });
  cleanAfterKilledRuns(outDir);

  const id = nextWorkId();
  const tmp = join(outDir, `${TMP_PREFIX}${id}`);
  const old = join(outDir, `${OLD_PREFIX}${id}`);
  const written: string[] = [];
  try {
    mkdirSync(tmp);
    for (const [dir, files] of tree) {
      mkdirSync(join(tmp, dir), { recursive: true });
      for (const [file, content] of files) {
        const target = join(tmp, dir, file);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content, 'utf8');
        written.push(`${dir}/${file}`);
      }
    }
    mkdirSync(old);
    writeFileSync(join(old, KEYS_FILE), JSON.stringify(dirs), 'utf8');
    swapIn(outDir, tmp, old, dirs);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    // Empty after a rollback; if the rollback failed it holds the previous outputs, which the next run restores.
    if (existsSync(old) && movedAside(old).length === 0) rmSync(old, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return written.sort();
}

/** Moves each existing `outDir/dir` into `old` and `tmp/dir` into its place; on failure undoes every step taken. */
function swapIn(outDir: string, tmp: string, old: string, dirs: readonly string[]): void {
  const undo: (() => void)[] = [];
  try {
    for (const dir of dirs) {
      const target = join(outDir, dir);
      if (existsSync(target)) {
        mkdirSync(dirname(join(old, dir)), { recursive: true });
        renameSync(target, join(old, dir));
        undo.push(() => renameSync(join(old, dir), target));
      }
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(tmp, dir), target);
      undo.push(() => renameSync(target, join(tmp, dir)));
    }
  } catch (error) {
    try {
      for (const step of undo.reverse()) step();
    } catch (rollbackError) {
      throw new AggregateError([error, rollbackError], `could not put the previous outputs back; they are kept in ${old} and restored by the next run`);
    }
    throw error;
  }
}

/**
 * Removes the work directories of runs that are no longer alive. A run killed
 * mid-swap may have moved a previous directory aside without putting a new
 * one in its place: that one is moved back first.
 */
function cleanAfterKilledRuns(outDir: string): void {
  for (const entry of readdirSync(outDir)) {
    const pid = WORK_DIR.exec(entry)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    const path = join(outDir, entry);
    if (entry.startsWith(OLD_PREFIX)) {
      for (const dir of movedAside(path)) {
        if (existsSync(join(outDir, dir))) continue;
        mkdirSync(dirname(join(outDir, dir)), { recursive: true });
        renameSync(join(path, dir), join(outDir, dir));
      }
    }
    rmSync(path, { recursive: true, force: true });
  }
}

/** Directories (tree keys) a run moved into its `.gwplan-old-` directory and that are still there. */
function movedAside(old: string): string[] {
  const keysPath = join(old, KEYS_FILE);
  if (!existsSync(keysPath)) return readdirSync(old); // written by a version before parts: top-level entries only
  const keys = JSON.parse(readFileSync(keysPath, 'utf8')) as string[];
  return keys.filter((key) => existsSync(join(old, key)));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One plain path segment: no separators, and no leading dot so it can never be taken for a work directory. */
function checkName(name: string, what: string): void {
  if (name === '' || name.startsWith('.') || /[/\\\0]/.test(name)) {
    throw new Error(`${what} '${name}': must be a single path segment not starting with '.'`);
  }
}
