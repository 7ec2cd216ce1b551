/**
 * Writes output directories so that a reader (Excel, pandas, check-outputs)
 * never sees a half-written run: everything is written into a temporary
 * directory inside `outDir`, then each scenario directory is swapped in with
 * renames (atomic on one file system). A failure before or during the swap
 * puts the previous directories back unchanged.
 *
 * A subdirectory named in the tree is owned by gwplan and replaced whole, so
 * a file the model no longer writes disappears with it. Everything else in
 * `outDir` (other scenarios, comparisons) is left alone.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const TMP_PREFIX = '.gwplan-tmp-';
const OLD_PREFIX = '.gwplan-old-';
/** `.gwplan-tmp-<pid>-<n>` / `.gwplan-old-<pid>-<n>`: the pid tells a killed run's leftovers from a live run's. */
const WORK_DIR = /^\.gwplan-(?:tmp|old)-(\d+)-\d+$/;

/** Numbers the writes of this process, so two in one process never share a temporary directory. */
let writeCount = 0;

/**
 * Writes `tree` (subdirectory -> file name -> content, UTF-8 without BOM)
 * under `outDir` and returns the files written as sorted `dir/file` paths.
 */
export function writeOutputTree(outDir: string, tree: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  for (const [dir, files] of tree) {
    checkName(dir, 'output directory');
    // A file may sit in a subfolder of its directory (`uncertainty/percentiles.csv`); each segment is checked.
    for (const file of files.keys()) for (const segment of file.split('/')) checkName(segment, `file in output directory ${dir}`);
  }
  mkdirSync(outDir, { recursive: true });
  cleanAfterKilledRuns(outDir);

  writeCount += 1;
  const tmp = join(outDir, `${TMP_PREFIX}${process.pid}-${writeCount}`);
  const old = join(outDir, `${OLD_PREFIX}${process.pid}-${writeCount}`);
  const written: string[] = [];
  try {
    mkdirSync(tmp);
    for (const [dir, files] of tree) {
      mkdirSync(join(tmp, dir));
      for (const [file, content] of files) {
        const target = join(tmp, dir, file);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content, 'utf8');
        written.push(`${dir}/${file}`);
      }
    }
    mkdirSync(old);
    swapIn(outDir, tmp, old, [...tree.keys()]);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    // Empty after a rollback; if the rollback failed it holds the previous outputs, which the next run restores.
    if (existsSync(old) && readdirSync(old).length === 0) rmdirSync(old);
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
        renameSync(target, join(old, dir));
        undo.push(() => renameSync(join(old, dir), target));
      }
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
      for (const dir of readdirSync(path)) {
        if (!existsSync(join(outDir, dir))) renameSync(join(path, dir), join(outDir, dir));
      }
    }
    rmSync(path, { recursive: true, force: true });
  }
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
