/**
 * `gwplan watch`, driven in-process on a private copy: real files, real
 * fs.watch, the loop observed through its onRunComplete hook. Waits are
 * generous and nothing asserts on time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchAssumptions, type WatchRun } from '../../src/cli/commands/watch.js';
import type { CommandOptions } from '../../src/cli/main.js';
import { gwplan, makeWorkspace, SHIPPED_ASSUMPTIONS, snapshotTree, type Workspace } from './harness.js';

const WAIT_MS = 15_000;

interface Watching {
  runs: WatchRun[];
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first run after the `after`-th that satisfies `accept`. */
  runAfter: (after: number, accept?: (run: WatchRun) => boolean) => Promise<WatchRun>;
  stop: () => Promise<number>;
}

function startWatch(ws: Workspace, options: Partial<CommandOptions> = {}): Watching {
  const controller = new AbortController();
  const runs: WatchRun[] = [];
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const done = watchAssumptions(
    { assumptions: 'assumptions', out: 'outputs', scenarios: [], ...options },
    { cwd: ws.root, stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false },
    controller.signal,
    {
      onRunComplete: (run) => {
        runs.push(run);
        for (const listener of listeners) listener();
      },
    },
  );
  const runAfter = (after: number, accept: (run: WatchRun) => boolean = () => true) =>
    new Promise<WatchRun>((resolve, reject) => {
      const check = () => {
        const found = runs.slice(after).find(accept);
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no matching run after run ${after} within ${WAIT_MS} ms\nstdout:\n${out}\nstderr:\n${err}`));
      }, WAIT_MS);
      listeners.add(check);
      check();
    });
  return {
    runs,
    stdout: () => out,
    stderr: () => err,
    runAfter,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

const ok = (run: WatchRun) => run.outcome === 'ok';

describe('gwplan watch', () => {
  let ws: Workspace;
  let watching: Watching | undefined;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(async () => {
    await watching?.stop();
    watching = undefined;
    ws.cleanup();
  });

  it('runs once like gwplan run, then reports what moved on a save, largest change first', async () => {
    watching = startWatch(ws);
    const first = await watching.runAfter(0);
    expect(first).toMatchObject({ run: 1, outcome: 'ok' });
    expect(first.moves.get('base')).toBeNull();
    expect(watching.stdout()).toMatch(/^base: full build-out/m);
    expect(watching.stdout()).toMatch(/watching assumptions\/ for changes; press Ctrl-C to stop\./);
    expect([...snapshotTree(join(ws.root, 'outputs')).keys()]).toContain('base/summary.csv');

    ws.edit('facility.yaml', 'value: 1.14', 'value: 1.20'); // annual PUE: energy moves, sizing does not
    const moved = await watching.runAfter(1, (run) => ok(run) && (run.moves.get('base')?.length ?? 0) > 0);
    const metrics = moved.moves.get('base')!;
    expect(metrics.map((m) => m.metric)).toContain('facility_energy_mwh');
    expect(metrics.map((m) => m.metric)).not.toContain('chips');
    const pcts = metrics.map((m) => Math.abs(m.deltaPct ?? Infinity));
    expect(pcts).toEqual([...pcts].sort((a, b) => b - a));
    expect(watching.stdout()).toMatch(/\] base: \d+ metrics moved\n {2}metric\s+unit\s+before\s+after\s+delta\s+delta %\n/);
    expect(watching.stdout()).toMatch(/^ {2}facility_energy_mwh\s+MWh\s+11407565\.261\s+\d+\.\d{3}\s+\+\d+\.\d{3}\s+\+5\.\d\d%$/m);
    // The outputs on disk are the new run's.
    expect(snapshotTree(join(ws.root, 'outputs')).get(join('base', 'summary.csv'))).not.toMatch(/facility_energy_mwh,11407565\.261,/);
  });

  it('on a bad save prints located errors and leaves the outputs; the fix is compared with the last good run', async () => {
    watching = startWatch(ws);
    await watching.runAfter(0);
    ws.edit('facility.yaml', 'value: 1.14', 'value: 1.20');
    const good = await watching.runAfter(1, ok);
    const before = snapshotTree(join(ws.root, 'outputs'));

    ws.edit('facility.yaml', 'value: 1.20', 'value: 1.20 kg');
    const bad = await watching.runAfter(good.run, (run) => run.outcome === 'invalid');
    expect(watching.stderr()).toMatch(/^assumptions\/facility\.yaml:\d+:\d+ facility\.annual_pue: "1\.20 kg"/m);
    expect(watching.stderr()).toMatch(/outputs\/ left unchanged; watching for the next save/);
    expect(snapshotTree(join(ws.root, 'outputs'))).toEqual(before);

    // Truncated YAML, as a half-written save: just another input error.
    ws.write('facility.yaml', ws.read('facility.yaml').slice(0, 300));
    const truncated = await watching.runAfter(bad.run, (run) => run.outcome === 'invalid');
    expect(snapshotTree(join(ws.root, 'outputs'))).toEqual(before);

    ws.write('facility.yaml', shippedFacility().replace('value: 1.14', 'value: 1.17'));
    const fixed = await watching.runAfter(truncated.run, ok);
    expect(watching.stdout()).toMatch(/inputs valid again; compared with the last good run/);
    // Compared with the last good run (1.20), not the first (1.14): energy fell.
    const energy = fixed.moves.get('base')!.find((m) => m.metric === 'facility_energy_mwh')!;
    expect(energy.delta).toBeLessThan(0);
    expect(energy.before).toBe(good.moves.get('base')!.find((m) => m.metric === 'facility_energy_mwh')!.after);
  });

  it('survives a deleted file and an editor-style atomic save (temporary file renamed over the original), twice', async () => {
    watching = startWatch(ws);
    await watching.runAfter(0);
    const path = join(ws.root, 'assumptions', 'facility.yaml');
    const original = ws.read('facility.yaml');
    rmSync(path);
    const missing = await watching.runAfter(1, (run) => run.outcome === 'invalid');
    expect(watching.stderr()).toMatch(/^assumptions\/facility\.yaml:1:1 file not found/m);

    const atomicSave = (text: string) => {
      writeFileSync(join(ws.root, 'assumptions', '.facility.yaml.tmp'), text);
      renameSync(join(ws.root, 'assumptions', '.facility.yaml.tmp'), path);
    };
    atomicSave(original.replace('value: 1.14', 'value: 1.16'));
    const first = await watching.runAfter(missing.run, ok);
    atomicSave(original.replace('value: 1.14', 'value: 1.18'));
    const second = await watching.runAfter(first.run, (run) => ok(run) && (run.moves.get('base')?.length ?? 0) > 0);
    const pue = second.moves.get('base')!.find((m) => m.metric === 'effective_pue')!;
    expect(Number(pue.after)).toBeGreaterThan(Number(pue.before));
  });

  it('coalesces a burst of saves, and re-runs for files in directories created after it started', async () => {
    watching = startWatch(ws);
    await watching.runAfter(0);
    for (const pue of ['1.15', '1.16', '1.17', '1.18', '1.19']) ws.write('facility.yaml', shippedFacility().replace('value: 1.14', `value: ${pue}`));
    const burst = await watching.runAfter(1, ok);
    // Let any straggling event settle, then check the last run saw the last save.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(watching.runs.length).toBeLessThan(1 + 5);
    const last = watching.runs.at(-1)!;
    expect(last.outcome).toBe('ok');
    expect(snapshotTree(join(ws.root, 'outputs')).get(join('base', 'manifest.json'))).toMatch(/"written": "1\.19"/);

    mkdirSync(join(ws.root, 'assumptions', 'notes', 'deeper'), { recursive: true });
    symlinkSync('..', join(ws.root, 'assumptions', 'notes', 'up')); // a loop the tree walk must not follow forever
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeFileSync(join(ws.root, 'assumptions', 'notes', 'deeper', 'todo.md'), 'check the PUE source\n');
    const noted = await watching.runAfter(Math.max(burst.run, last.run), ok);
    expect(noted.moves.get('base')).toEqual([]);
    expect(watching.stdout()).toMatch(/\] base: no change\n/);
  });

  it('does not re-run for its own outputs written inside the assumptions directory', async () => {
    watching = startWatch(ws, { out: 'assumptions/generated' });
    await watching.runAfter(0);
    ws.edit('facility.yaml', 'value: 1.14', 'value: 1.15');
    const moved = await watching.runAfter(1, ok);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // past a rescan, too
    expect(watching.runs.length).toBe(moved.run);
    expect(snapshotTree(join(ws.root, 'assumptions', 'generated')).has(join('base', 'summary.csv'))).toBe(true);
  });

  it('stops with exit 0 when aborted', async () => {
    const w = startWatch(ws);
    await w.runAfter(0);
    expect(await w.stop()).toBe(0);
    expect(w.stdout()).toMatch(/stopped watching\.\n$/);
  });

  it('keeps watching when the first run is invalid, and exits 2 for a missing directory', async () => {
    ws.edit('chips.yaml', 'value: 1000 W', 'value: 1000 kg');
    watching = startWatch(ws);
    expect((await watching.runAfter(0)).outcome).toBe('invalid');
    ws.edit('chips.yaml', 'value: 1000 kg', 'value: 1000 W');
    const recovered = await watching.runAfter(1, ok);
    expect(recovered.moves.get('base')).toBeNull(); // nothing to compare with: the headline instead
    expect(watching.stdout()).toMatch(/^base: full build-out/m);

    const missing = startWatch(ws, { assumptions: 'nowhere' });
    expect(await missing.stop()).toBe(2);
    expect(missing.stderr()).toMatch(/nowhere: assumptions directory not found/);
  });

  it('as a process, Ctrl-C (SIGINT) stops it cleanly with exit 0', async () => {
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'src', 'cli', 'launch.cjs'), 'watch'], { cwd: ws.root });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch did not start:\n${out}`)), 30_000);
      child.stdout.on('data', () => {
        if (out.includes('press Ctrl-C to stop')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/stopped watching\./);
  });

  it('has usage text', async () => {
    const help = await gwplan(ws.root, 'watch', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: gwplan watch \[--assumptions DIR\] \[--out DIR\] \[--scenario NAME\]\.\.\./);
  });
});

/** facility.yaml as shipped. */
function shippedFacility(): string {
  return readFileSync(join(SHIPPED_ASSUMPTIONS, 'facility.yaml'), 'utf8');
}
