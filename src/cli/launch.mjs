#!/usr/bin/env node
// The `gwplan` command. It runs one bundled file (dist/gwplan.mjs) because
// loading the TypeScript sources through a transpiler, or mathjs's hundreds
// of modules one by one, costs ~1 s per run; the tree-shaken bundle starts
// in ~0.2 s. The bundle is rebuilt here whenever a source file is newer, so
// an edit to src/ is never silently ignored.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundlePath = join(root, 'dist', 'gwplan.mjs');

/** Newest modification time (ms) of the files the bundle is built from. */
function newestSourceMs() {
  let newest = Math.max(statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return newest;
}

async function buildBundle() {
  const { build } = await import('esbuild');
  mkdirSync(dirname(bundlePath), { recursive: true });
  // Write beside the target and rename, so a concurrent run never loads half a file.
  const tmpPath = `${bundlePath}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: tmpPath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    banner: { js: "import { createRequire as __gwplanRequire } from 'node:module'; const require = __gwplanRequire(import.meta.url);" },
  });
  renameSync(tmpPath, bundlePath);
}

const buildOnly = process.argv[2] === '--build-only';
if (buildOnly || !existsSync(bundlePath) || statSync(bundlePath).mtimeMs < newestSourceMs()) {
  await buildBundle();
}
if (!buildOnly) {
  const { runCli } = await import(pathToFileURL(bundlePath).href);
  process.exitCode = await runCli(process.argv.slice(2));
}
