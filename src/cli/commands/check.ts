/**
 * `gwplan check` (npm run check): golden regression. Recomputes every
 * scenario in memory and compares the committed outputs/<scenario>/*.csv
 * with it value by value, within the tolerances of
 * assumptions/check-tolerances.yaml, listing every breach in one table.
 * Unlike check-outputs (byte-exact freshness of every file), a change within
 * tolerance passes, and each breach names the row, metric and size of the move.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkScenario } from '../../check/checkScenario.js';
import type { Breach } from '../../check/compareTables.js';
import { formatBreaches } from '../../check/formatBreaches.js';
import { checkedTables, tolerableNames } from '../../check/shapes.js';
import { DEFAULT_TOLERANCES, parseTolerances, TOLERANCES_FILE, type Tolerances } from '../../check/tolerances.js';
import { shownPath } from '../../loader/assumptionDir.js';
import { formatIssue } from '../../loader/types.js';
import { OUTPUT_TABLES } from '../../writers/outputTables.js';
import { evaluateSelected } from '../evaluateSelected.js';
import { EXIT_FAULT, EXIT_INVALID, EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';

export function checkCommand(options: CommandOptions, io: Io): number {
  const evaluated = evaluateSelected(options.assumptions, [], io);
  const tolerances = loadTolerances(options.assumptions, io);
  if (typeof evaluated === 'number') return evaluated;
  if (tolerances === undefined) return EXIT_INVALID;

  const shapes = checkedTables();
  const outDir = options.out.replace(/\/+$/, '');
  const breaches: Breach[] = [];
  let withinTolerance = 0;
  for (const { name, result } of evaluated) {
    const recomputed = new Map(OUTPUT_TABLES.map((table) => [table.file, table.render(result)] as const));
    const committed = readCommittedCsvs(resolve(io.cwd, options.out, name));
    const scenario = checkScenario(name, shapes, recomputed, committed, tolerances);
    breaches.push(...scenario.breaches);
    withinTolerance += scenario.withinTolerance;
  }
  const scenarios = evaluated.map((run) => run.name).join(', ');
  if (breaches.length > 0) {
    io.stderr(`${formatBreaches(breaches).join('\n')}\n`);
    const noun = breaches.length === 1 ? 'breach' : 'breaches';
    io.stderr(
      `${breaches.length} ${noun} of ${TOLERANCES_FILE} in ${outDir} (${scenarios}); ${withinTolerance} values within tolerance.\n` +
        `If the change is intended, run 'npm start' to regenerate the outputs, review the diff and commit it.\n`,
    );
    return EXIT_FAULT;
  }
  io.stdout(`${withinTolerance} values within tolerance (${outDir}: ${scenarios}).\n`);
  return EXIT_OK;
}

/** The tolerances, the built-in ones when the file is absent; undefined after printing every problem. */
function loadTolerances(assumptionsDir: string, io: Io): Tolerances | undefined {
  const shown = shownPath(assumptionsDir, TOLERANCES_FILE);
  const path = resolve(io.cwd, assumptionsDir, TOLERANCES_FILE);
  if (!existsSync(path)) return DEFAULT_TOLERANCES;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr(`${shown}:1:1 file cannot be read (${reason}); check that it is a readable file.\n`);
    return undefined;
  }
  const parsed = parseTolerances(text, shown, tolerableNames());
  if (parsed.ok) return parsed.tolerances;
  for (const issue of parsed.errors) io.stderr(`${formatIssue(issue)}\n`);
  const noun = parsed.errors.length === 1 ? 'error' : 'errors';
  io.stderr(`${parsed.errors.length} ${noun} in ${shown}; nothing was checked. Fix the ${noun} above and run again.\n`);
  return undefined;
}

/** Every .csv file of a committed scenario directory, by name; empty when the directory does not exist. */
function readCommittedCsvs(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return files;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || !name.endsWith('.csv')) continue;
    files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}
