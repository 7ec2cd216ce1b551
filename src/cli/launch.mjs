#!/usr/bin/env node
// The `gwplan` command. It runs one bundled file (dist/gwplan.mjs) because
// loading the TypeScript sources through a transpiler, or mathjs's hundreds
// of modules one by one, costs ~1 s per run; the tree-shaken bundle starts
// in ~0.2 s. The bundle is rebuilt here whenever a source file is newer, so
// an edit to src/ is never silently ignored.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundlePath = join(root, 'dist', 'gwplan.mjs');
// Parsed quantity strings kept between runs (src/cli/quantityMemo.ts); made by this bundle only.
const memoPath = join(root, 'dist', 'quantity-memo.json');

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
  const distDir = dirname(bundlePath);
  mkdirSync(distDir, { recursive: true });
  // Build beside the target and rename, so a concurrent run never loads half a file. Code
  // only some commands need (the report's vega, ~0.85 MB) goes into chunks loaded on
  // demand, so every other command starts without parsing it.
  const tmpDir = join(distDir, `.build-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  await build({
    entryPoints: { gwplan: join(root, 'src', 'cli', 'bin.ts') },
    outdir: tmpDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
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
  // Chunks are named by content hash: moving them in first never breaks a running bundle.
  const chunks = existsSync(join(tmpDir, 'chunks')) ? readdirSync(join(tmpDir, 'chunks')) : [];
  mkdirSync(join(distDir, 'chunks'), { recursive: true });
  for (const chunk of chunks) renameSync(join(tmpDir, 'chunks', chunk), join(distDir, 'chunks', chunk));
  renameSync(join(tmpDir, 'gwplan.mjs'), bundlePath);
  for (const old of readdirSync(join(distDir, 'chunks'))) if (!chunks.includes(old)) rmSync(join(distDir, 'chunks', old), { force: true });
  rmSync(tmpDir, { recursive: true, force: true });
  rmSync(memoPath, { force: true });
}

const buildOnly = process.argv[2] === '--build-only';
if (buildOnly || !existsSync(bundlePath) || statSync(bundlePath).mtimeMs < newestSourceMs()) {
  await buildBundle();
}
if (!buildOnly) {
  const { runCli } = await import(pathToFileURL(bundlePath).href);
  // The bundle's build time tags the memo, so one written by a run of an older bundle is ignored.
  process.exitCode = await runCli(process.argv.slice(2), { quantityMemo: { path: memoPath, build: String(statSync(bundlePath).mtimeMs) } });
}
