/**
 * The real command, as a user runs it: `node src/cli/launch.cjs ...` runs the
 * bundle (rebuilt if stale) in a separate process with real exit codes.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeWorkspace } from './harness.js';

const LAUNCHER = join(import.meta.dirname, '..', '..', 'src', 'cli', 'launch.cjs');
// `--version` is no command word, so its runs keep the cache of 'other'.
const CODE_CACHE = join(import.meta.dirname, '..', '..', 'dist', 'gwplan.other.code-cache');
const packageVersion = (await import('../../package.json', { with: { type: 'json' } })).default.version;

function gwplanProcess(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the gwplan process', () => {
  it('prints its version', () => {
    const run = gwplanProcess(process.cwd(), '--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(packageVersion);
  });

  it('prints help for each command', () => {
    for (const command of ['run', 'validate', 'check-outputs']) {
      const run = gwplanProcess(process.cwd(), command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: gwplan ${command}`));
    }
  });

  it('runs the shipped assumptions and prints a summary', () => {
    const ws = makeWorkspace();
    try {
      const run = gwplanProcess(ws.root, 'run');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/chips [\d,]+; peak [\d,]+ PFLOP\/s FP8/);
      expect(run.stdout).toMatch(/TWh\/yr/);
      expect(run.stdout).toMatch(/outputs\/base\/ annual\.csv, cost\.csv, fleet\.csv/);
    } finally {
      ws.cleanup();
    }
  });

  it('exits 2 with a located message and no stack trace on bad input', () => {
    const ws = makeWorkspace();
    try {
      ws.edit('chips.yaml', 'value: 1000 W', 'value: 1000 kg');
      const run = gwplanProcess(ws.root, 'run');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^assumptions\/chips\.yaml:46:\d+ chips\.trainium3\.tdp: /m);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      ws.cleanup();
    }
  });

  it('stops quietly when its reader closes the pipe early (gwplan run | head -1)', () => {
    const ws = makeWorkspace();
    try {
      const run = spawnSync('sh', ['-c', `"${process.execPath}" "${LAUNCHER}" run | head -1`], { cwd: ws.root, encoding: 'utf8' });
      expect(run.stdout).toMatch(/^base: full build-out/);
      expect(run.stderr).toBe('');
    } finally {
      ws.cleanup();
    }
  });

  it('runs as the gwplan command (its first line) without NODE_EXTRA_CA_CERTS, which costs Node 20 ~40 ms at start', () => {
    // Node warns at start when it cannot read the extra certificates: the warning shows whether it tried.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(import.meta.dirname, 'no-such-certificates.pem') };
    const throughNode = spawnSync(process.execPath, [LAUNCHER, '--version'], { encoding: 'utf8', env });
    expect(throughNode.stderr).toMatch(/Ignoring extra certs/);
    const asCommand = spawnSync(LAUNCHER, ['--version'], { encoding: 'utf8', env });
    expect(asCommand.status).toBe(0);
    expect(asCommand.stdout.trim()).toBe(packageVersion);
    expect(asCommand.stderr).toBe('');
  });

  it('keeps V8 code cache beside the bundle (per command), and runs the same when that cache is damaged', () => {
    expect(gwplanProcess(process.cwd(), '--version').code).toBe(0);
    expect(existsSync(CODE_CACHE)).toBe(true);
    // V8 checks the cache against the source and flags; a damaged one is rejected, not trusted.
    writeFileSync(CODE_CACHE, Buffer.alloc(4096, 7));
    const run = gwplanProcess(process.cwd(), '--version');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(packageVersion);
    // ... and replaced by a good one.
    expect(readFileSync(CODE_CACHE).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('exits 2 on an unknown command', () => {
    expect(gwplanProcess(process.cwd(), 'frobnicate').code).toBe(2);
  });
});
