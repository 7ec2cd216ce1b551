#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// The `gwplan` command. It runs one bundled file (dist/gwplan.cjs) because
// loading the TypeScript sources through a transpiler, or mathjs's hundreds
// of modules one by one, costs ~1 s per run; the tree-shaken bundle starts
// in ~0.1 s. The bundle is rebuilt here whenever a source file is newer, so
// an edit to src/ is never silently ignored.
//
// Why the first line drops NODE_EXTRA_CA_CERTS: when it is set, Node 20 loads
// its whole root certificate store as it starts, before any of this file runs
// (~40 ms a run on the reference machine, whose environment sets it;
// nodejs/node#40524).
// gwplan opens no network connection, so it has no use for certificates. Any
// `env` with -S (GNU coreutils 8.30+, macOS, the BSDs) reads that line; where
// `env` lacks -S (BusyBox), run `node src/cli/launch.cjs` instead.
//
// Why this file is CommonJS too: an ES module as the entry point starts
// Node's ES module loader first (~4 ms a run on the reference machine).
//
// Why CommonJS run through node:vm: V8 can then reuse its compiled code
// between runs (a code cache, dist/gwplan.<command>.code-cache), which Node 20
// offers for no ES module. Loading the ~0.9 MB bundle (compiling it and running
// its top level) took ~55 ms on every run; with the cache it takes ~17 ms (see
// also src/model/groupedNumber.ts), and functions compiled in a command's
// first run start compiled in its next. The report's renderer (vega, ~0.85 MB,
// with top-level await that CommonJS cannot hold) is its own ES module,
// dist/report.mjs, imported only by the commands that draw a report.
'use strict';
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const root = join(__dirname, '..', '..');
const distDir = join(root, 'dist');
const bundlePath = join(distDir, 'gwplan.cjs');
const reportPath = join(distDir, 'report.mjs');
// V8's compiled code of the bundle, one file per command (each compiles its own functions),
// made by that command's first run of this bundle; V8 itself rejects a stale or damaged one.
const command = /^[a-z][a-z-]*$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const codeCachePath = join(distDir, `gwplan.${command}.code-cache`);
// Parsed quantity strings kept between runs (src/cli/quantityMemo.ts); made by this bundle only.
const memoPath = join(distDir, 'quantity-memo.json');
// Parsed assumption files kept between runs (src/cli/parseMemo.ts); made by this bundle only.
const parseMemoPath = join(distDir, 'parse-memo.v8');
// Bundles of earlier versions of this launcher, removed on rebuild.
const formerFiles = ['gwplan.mjs', 'chunks'];

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
  mkdirSync(distDir, { recursive: true });
  // Build beside the targets and rename, so a concurrent run never loads half a file.
  const tmpDir = join(distDir, `.build-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  const common = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: false, legalComments: 'none', logLevel: 'warning' };
  // The main bundle gets the report renderer from dist/report.mjs at run time, through the
  // importer loadBundle hands it (import() inside node:vm code needs flags Node 20 lacks).
  const reportApart = {
    name: 'report-apart',
    setup(b) {
      b.onResolve({ filter: /writers\/report\/html\.js$/ }, () => ({ path: 'report', namespace: 'report-apart' }));
      b.onLoad({ filter: /.*/, namespace: 'report-apart' }, () => ({
        contents: 'export const renderReport = (input) => __gwplanImportReport().then((m) => m.renderReport(input));',
        loader: 'js',
      }));
    },
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: { gwplan: join(root, 'src', 'cli', 'bin.ts') },
      outdir: tmpDir,
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      plugins: [reportApart],
      // solveLp.ts finds the HiGHS .wasm file from import.meta.url.
      define: { 'import.meta.url': '__gwplanUrl' },
      banner: { js: "const __gwplanUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    build({
      ...common,
      entryPoints: { report: join(root, 'src', 'writers', 'report', 'html.ts') },
      outdir: tmpDir,
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
      banner: { js: "import { createRequire as __gwplanRequire } from 'node:module'; const require = __gwplanRequire(import.meta.url);" },
    }),
  ]);
  // The report first: a run of the new main bundle may import it at once.
  renameSync(join(tmpDir, 'report.mjs'), reportPath);
  renameSync(join(tmpDir, 'gwplan.cjs'), bundlePath);
  rmSync(tmpDir, { recursive: true, force: true });
  const stale = readdirSync(distDir).filter((f) => f.endsWith('.code-cache') || formerFiles.includes(f));
  for (const file of [memoPath, parseMemoPath, ...stale.map((f) => join(distDir, f))]) rmSync(file, { recursive: true, force: true });
}

/** Runs the bundle, with V8's code cache when there is a usable one; the bundle's `runCli`. */
function loadBundle() {
  const source = readFileSync(bundlePath, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(codeCachePath);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __gwplanImportReport) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const module = { exports: {} };
  const importReport = () => import(pathToFileURL(reportPath).href);
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, distDir, importReport);
  const needsCache = cachedData === undefined || script.cachedDataRejected === true;
  return { runCli: module.exports.runCli, saveCodeCache: () => needsCache && saveCodeCache(script) };
}

/** Written after the run, so it holds the functions the run compiled; a failure to write only costs speed. */
function saveCodeCache(script) {
  const tmp = `${codeCachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, codeCachePath);
  } catch {
    rmSync(tmp, { force: true });
  }
}

async function main() {
  const buildOnly = process.argv[2] === '--build-only';
  if (buildOnly || !existsSync(bundlePath) || !existsSync(reportPath) || statSync(bundlePath).mtimeMs < newestSourceMs()) {
    await buildBundle();
  }
  if (!buildOnly) {
    const { runCli, saveCodeCache: save } = loadBundle();
    // The bundle's build time tags the memos, so one written by a run of an older bundle is ignored.
    const build = String(statSync(bundlePath).mtimeMs);
    process.exitCode = await runCli(process.argv.slice(2), { quantityMemo: { path: memoPath, build }, parseMemo: { path: parseMemoPath, build } });
    save();
    // Leaving at once skips Node's teardown of the heap (~8 ms after a Monte Carlo run). Only on Linux,
    // where writes to stdout and stderr (files, pipes, terminals) are synchronous, so none is pending.
    if (process.platform === 'linux') process.exit();
  }
}

main();
