/**
 * `gwplan watch`: run once like `gwplan run`, then re-run in-process on every
 * save under the assumptions directory (scenarios/ included) and print what
 * moved in each scenario's headline figures since the last good run. A bad
 * save prints the located errors, leaves the outputs as they were and keeps
 * watching; the next good save is compared with the last good run.
 *
 * Watching: one non-recursive fs.watch per directory. Node 20's
 * `recursive: true` on Linux loses a file after an editor's atomic save
 * (write a temporary file, rename it over the original): later saves to that
 * file raise no event. A directory watch sees every rename in it. The
 * directory tree is rescanned on every event, and once a second, to follow
 * directories that appear, vanish or are replaced.
 */
import { readdirSync, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatMoves, summaryMoves, type MetricMove } from '../../check/summaryMoves.js';
import { TOLERANCES_FILE } from '../../check/tolerances.js';
import type { SummaryRow } from '../../results/types.js';
import { writeOutputTree } from '../../writers/atomicWrite.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { headlineLines } from '../headline.js';
import { EXIT_INVALID, EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';
import { renderAll, type RenderSettings } from '../renderOutputs.js';
import { DEFAULT_SEED } from '../../uncertainty/runUncertainty.js';

/**
 * No sampling on save: 10,000 samples per scenario would take longer than the
 * save-to-result budget. A scenario directory is replaced whole, so its
 * uncertainty/ goes away until the next `npm start` rather than going stale.
 */
const WATCH_RENDER: RenderSettings = { samples: 0, seed: DEFAULT_SEED, writeSamples: false };

/** One run of the watch loop, as handed to `onRunComplete`. */
export interface WatchRun {
  /** 1 for the run at start, then counting every re-run. */
  run: number;
  /** ok: outputs written; invalid: input errors printed, outputs untouched; fault: an internal or I/O fault printed, outputs untouched. */
  outcome: 'ok' | 'invalid' | 'fault';
  /** For an ok run, per scenario: what moved since the last good run, or null when there is nothing to compare with (first good run, new scenario). */
  moves: ReadonlyMap<string, readonly MetricMove[] | null>;
}

export interface WatchHooks {
  /** Called after every run, once its report is printed. */
  onRunComplete?: (run: WatchRun) => void;
  /** Quiet time after the last file event before re-running (default 25 ms). */
  debounceMs?: number;
  /** Rescan period, a safety net for missed events and new directories (default 1000 ms). */
  rescanMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 25;
const DEFAULT_RESCAN_MS = 1000;

/** `gwplan watch` from the command line: Ctrl-C (SIGINT) or SIGTERM stops it with exit 0. */
export async function watchCommand(options: CommandOptions, io: Io): Promise<number> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await watchAssumptions(options, io, controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/**
 * The watch loop: resolves with 0 once `signal` aborts, or with 2 at once
 * when the assumptions directory does not exist. Never rejects for bad
 * input, half-written or deleted files, or a failed write.
 */
export function watchAssumptions(options: CommandOptions, io: Io, signal: AbortSignal, hooks: WatchHooks = {}): Promise<number> {
  const root = resolve(io.cwd, options.assumptions);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`gwplan watch: ${options.assumptions}: assumptions directory not found; check the path.\n`);
    return Promise.resolve(EXIT_INVALID);
  }
  const outDir = options.out.replace(/\/+$/, '');
  const debounceMs = hooks.debounceMs ?? DEFAULT_DEBOUNCE_MS;

  let runs = 0;
  /** Headline figures of the last good run, per scenario, and when it was. */
  let lastGood: { summaries: Map<string, readonly SummaryRow[]>; at: string } | undefined;
  let failedSince = false;
  let lastFingerprint: string | undefined;
  let debounce: NodeJS.Timeout | undefined;

  const runOnce = (): WatchRun => {
    runs += 1;
    const started = performance.now();
    const at = clock();
    const moves = new Map<string, readonly MetricMove[] | null>();
    try {
      const evaluated = evaluateSelected(options.assumptions, options.scenarios, io);
      if (typeof evaluated === 'number') {
        failedSince = true;
        io.stderr(`[${at}] ${outDir}/ left unchanged; watching for the next save.\n`);
        return { run: runs, outcome: 'invalid', moves };
      }
      const written = writeOutputTree(resolve(io.cwd, options.out), renderAll(evaluated, WATCH_RENDER).tree);
      const lines: string[] = [];
      if (lastGood && failedSince) lines.push(`[${at}] inputs valid again; compared with the last good run (${lastGood.at}).`);
      for (const { name, result } of evaluated) {
        const before = lastGood?.summaries.get(name);
        if (!before) {
          moves.set(name, null);
          if (lastGood) lines.push(`[${at}] ${name}: new scenario`);
          lines.push(...headlineLines(name, result));
          continue;
        }
        const moved = summaryMoves(before, result.summary);
        moves.set(name, moved);
        if (moved.length === 0) lines.push(`[${at}] ${name}: no change`);
        else lines.push(`[${at}] ${name}: ${moved.length} ${moved.length === 1 ? 'metric' : 'metrics'} moved`, ...formatMoves(moved));
      }
      for (const name of lastGood?.summaries.keys() ?? []) {
        if (!evaluated.some((run) => run.name === name)) lines.push(`[${at}] ${name}: no longer a scenario; its outputs stay in ${outDir}/${name}`);
      }
      const ms = Math.round(performance.now() - started);
      lines.push(`[${at}] wrote ${written.length} files to ${outDir}/ in ${ms} ms`);
      if (runs === 1) lines.push(`(watch writes the deterministic outputs only: no ${outDir}/compare/, <scenario>/uncertainty/ or <scenario>/hourly/; run 'npm start' before committing.)`);
      if (runs === 1) lines.push(`watching ${options.assumptions.replace(/\/+$/, '')}/ for changes; press Ctrl-C to stop.`);
      io.stdout(`${lines.join('\n')}\n`);
      lastGood = { summaries: new Map(evaluated.map((run) => [run.name, run.result.summary])), at };
      failedSince = false;
      return { run: runs, outcome: 'ok', moves };
    } catch (error) {
      // A bug or a failed write (disk full, permissions): the writer has put the previous outputs back.
      failedSince = true;
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      io.stderr(`[${at}] gwplan: internal fault; no outputs were changed. Still watching.\n${detail}\n`);
      return { run: runs, outcome: 'fault', moves };
    }
  };

  const cycle = () => {
    debounce = undefined;
    if (signal.aborted) return;
    // Events that arrive while this synchronous run works are delivered after it and schedule the next one.
    const fingerprint = tree.scan();
    if (fingerprint === lastFingerprint) return; // a scratch file came and went, or nothing was saved
    lastFingerprint = fingerprint;
    const run = runOnce();
    hooks.onRunComplete?.(run);
  };
  const schedule = () => {
    if (signal.aborted) return;
    clearTimeout(debounce);
    debounce = setTimeout(cycle, debounceMs);
  };

  // Outputs written inside the assumptions directory must not trigger the next run.
  const tree = new TreeWatcher(root, schedule, resolve(io.cwd, options.out));
  return new Promise<number>((resolveWatch) => {
    const rescan = setInterval(() => {
      if (debounce === undefined && tree.scan() !== lastFingerprint) schedule();
    }, hooks.rescanMs ?? DEFAULT_RESCAN_MS);
    const stop = () => {
      clearTimeout(debounce);
      clearInterval(rescan);
      tree.close();
      io.stdout('stopped watching.\n');
      resolveWatch(EXIT_OK);
    };
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    lastFingerprint = tree.scan();
    const first = runOnce(); // not inside `?.()`, whose arguments are skipped when there is no hook
    hooks.onRunComplete?.(first);
  });
}

/** Local wall-clock time, HH:MM:SS, to tell one re-run's report from the next. */
function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/**
 * Editor scratch files and files gwplan does not read as scenario inputs:
 * dot-files (.x.swp, .#x, atomic-save temporaries), backups (x~), vim's
 * write test file 4913, and the check tolerances.
 */
function ignored(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(swp|swx|tmp)$/.test(name) || /^\d+$/.test(name) || name === TOLERANCES_FILE;
}

/** One fs.watch per directory under `root`; `scan` follows the directory tree and fingerprints the files. */
class TreeWatcher {
  private readonly watchers = new Map<string, { ino: number; watcher: FSWatcher }>();

  constructor(
    private readonly root: string,
    private readonly onEvent: () => void,
    /** A directory below root not to watch (the outputs). */
    private readonly excluded: string,
  ) {}

  /**
   * Watches every directory now under root (dropping vanished or replaced
   * ones) and returns a fingerprint of the files that matter: path, size,
   * modification time and inode, so any save changes it.
   */
  scan(): string {
    const dirs = new Map<string, number>();
    const visited = new Set<string>();
    const files: string[] = [];
    const walk = (dir: string, relative: string) => {
      const stats = statOrUndefined(dir);
      // A symlink back up the tree would otherwise be walked forever.
      if (!stats?.isDirectory() || visited.has(`${stats.dev}:${stats.ino}`)) return;
      visited.add(`${stats.dev}:${stats.ino}`);
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        return; // removed while we looked; the next event or rescan catches up
      }
      dirs.set(dir, stats.ino);
      for (const name of names) {
        const path = join(dir, name);
        if (ignored(name) || path === this.excluded) continue;
        const entry = statOrUndefined(path);
        if (entry?.isDirectory()) walk(path, `${relative}${name}/`);
        else if (entry?.isFile()) files.push(`${relative}${name}:${entry.size}:${entry.mtimeMs}:${entry.ino}`);
      }
    };
    walk(this.root, '');
    for (const [dir, watched] of this.watchers) {
      if (dirs.get(dir) !== watched.ino) this.drop(dir, watched.watcher);
    }
    for (const [dir, ino] of dirs) if (!this.watchers.has(dir)) this.add(dir, ino);
    return files.join('\n');
  }

  close(): void {
    for (const [dir, { watcher }] of this.watchers) this.drop(dir, watcher);
  }

  private add(dir: string, ino: number): void {
    try {
      const watcher = watch(dir, { persistent: true }, (_event, name) => {
        if (name === null || !ignored(name)) this.onEvent();
      });
      // A watched directory that disappears may end its watcher with an error: forget it and look again.
      watcher.on('error', () => {
        this.drop(dir, watcher);
        this.onEvent();
      });
      this.watchers.set(dir, { ino, watcher });
    } catch {
      // Gone between the scan and the watch; the next scan tries again.
    }
  }

  private drop(dir: string, watcher: FSWatcher): void {
    watcher.close();
    if (this.watchers.get(dir)?.watcher === watcher) this.watchers.delete(dir);
  }
}

/** Stats of `path` (following symlinks); undefined when it is gone or cannot be read (the loader reports it if it matters). */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
