/**
 * Command dispatch. Each command returns an exit code; nothing here calls
 * process.exit, so the same code runs in-process under test.
 */
import { parseArgs } from 'node:util';
import { GWPLAN_VERSION } from '../version.js';
import { checkCommand } from './commands/check.js';
import { checkOutputsCommand } from './commands/checkOutputs.js';
import { compareCommand } from './commands/compare.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { uncertaintyCommand } from './commands/uncertainty.js';
import { watchCommand } from './commands/watch.js';
import { CHECK_HELP, CHECK_OUTPUTS_HELP, COMPARE_HELP, EXPLAIN_HELP, HOURLY_HELP, MAIN_HELP, REPORT_HELP, RUN_HELP, UNCERTAINTY_HELP, VALIDATE_HELP, WATCH_HELP } from './help.js';
import { hourlyCommand } from './commands/hourly.js';
import { explainCommand } from './commands/explain.js';
import { EXIT_FAULT, EXIT_INVALID, EXIT_OK, type Io } from './io.js';

/** Options every command accepts; each command ignores what it does not use only if listed for it below. */
export interface CommandOptions {
  assumptions: string;
  out: string;
  scenarios: string[];
  /** `--baseline NAME` (compare). */
  baseline?: string;
  /** Positional arguments: scenario names (compare). */
  names?: string[];
  /** `--samples N`, `--seed S`, `--write-samples` (uncertainty). */
  samples?: number;
  seed?: number;
  writeSamples?: boolean;
  /** `--year Y`, `--targets 0.8,0.9`, `--method lp|heuristic|both`, `--export-lp FILE`, `--write-dispatch` (hourly). */
  year?: number;
  targets?: number[];
  method?: 'lp' | 'heuristic' | 'both';
  exportLp?: string;
  writeDispatch?: boolean;
  /** `--hourly heuristic|none` (run): none skips the hourly study, as --samples 0 skips sampling. */
  hourly?: 'heuristic' | 'none';
}

const OPTION_NAMES = [
  'assumptions',
  'out',
  'scenario',
  'baseline',
  'samples',
  'seed',
  'write-samples',
  'year',
  'targets',
  'method',
  'export-lp',
  'write-dispatch',
  'hourly',
] as const;
type OptionName = (typeof OPTION_NAMES)[number];

interface CommandSpec {
  help: string;
  accepts: ReadonlyArray<OptionName | 'names'>;
  run: (options: CommandOptions, io: Io) => Promise<number> | number;
}

const COMMANDS: Record<string, CommandSpec> = {
  run: { help: RUN_HELP, accepts: ['assumptions', 'out', 'scenario', 'samples', 'seed', 'hourly'], run: runCommand },
  validate: { help: VALIDATE_HELP, accepts: ['assumptions'], run: validateCommand },
  'check-outputs': { help: CHECK_OUTPUTS_HELP, accepts: ['assumptions', 'out'], run: checkOutputsCommand },
  compare: { help: COMPARE_HELP, accepts: ['assumptions', 'out', 'baseline', 'names'], run: compareCommand },
  check: { help: CHECK_HELP, accepts: ['assumptions', 'out'], run: checkCommand },
  watch: { help: WATCH_HELP, accepts: ['assumptions', 'out', 'scenario'], run: watchCommand },
  uncertainty: {
    help: UNCERTAINTY_HELP,
    accepts: ['assumptions', 'out', 'scenario', 'samples', 'seed', 'write-samples'],
    run: uncertaintyCommand,
  },
  report: { help: REPORT_HELP, accepts: ['assumptions', 'out'], run: reportCommand },
  explain: { help: EXPLAIN_HELP, accepts: ['assumptions', 'scenario', 'year', 'names'], run: explainCommand },
  hourly: {
    help: HOURLY_HELP,
    accepts: ['assumptions', 'out', 'scenario', 'year', 'targets', 'method', 'export-lp', 'write-dispatch'],
    run: hourlyCommand,
  },
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? EXIT_INVALID : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${GWPLAN_VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`gwplan: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run 'gwplan --help'.\n`);
    return EXIT_INVALID;
  }
  const parsed = parseCommandArgs(name, command, rest, io);
  if (typeof parsed === 'number') return parsed;
  try {
    return await command.run(parsed, io);
  } catch (error) {
    // Bad input never lands here (it is reported as located issues); this is a bug.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`gwplan: internal fault; no outputs were changed. Please report this with the assumption files used.\n${detail}\n`);
    return EXIT_FAULT;
  }
}

function parseCommandArgs(name: string, command: CommandSpec, args: string[], io: Io): CommandOptions | number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        assumptions: { type: 'string' },
        out: { type: 'string' },
        scenario: { type: 'string', multiple: true },
        baseline: { type: 'string' },
        samples: { type: 'string' },
        seed: { type: 'string' },
        'write-samples': { type: 'boolean' },
        year: { type: 'string' },
        targets: { type: 'string' },
        method: { type: 'string' },
        'export-lp': { type: 'string' },
        'write-dispatch': { type: 'boolean' },
        hourly: { type: 'string' },
      },
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`gwplan ${name}: ${reason}\nRun 'gwplan ${name} --help' for the options.\n`);
    return EXIT_INVALID;
  }
  if (values.help) {
    io.stdout(command.help);
    return EXIT_OK;
  }
  if (positionals.length > 0 && !command.accepts.includes('names')) {
    io.stderr(`gwplan ${name}: unexpected argument "${positionals[0]}"; this command takes options only.\nRun 'gwplan ${name} --help' for the options.\n`);
    return EXIT_INVALID;
  }
  for (const option of OPTION_NAMES) {
    if (values[option] !== undefined && !command.accepts.includes(option)) {
      io.stderr(`gwplan ${name}: --${option} does not apply to this command.\nRun 'gwplan ${name} --help' for the options.\n`);
      return EXIT_INVALID;
    }
  }
  // run takes --samples 0 to skip sampling; uncertainty exists to sample, so needs at least 1.
  const samples = wholeNumber(name, '--samples', values.samples, name === 'run' ? 0 : 1, 10_000_000, io);
  const seed = wholeNumber(name, '--seed', values.seed, 0, 2 ** 32 - 1, io);
  const year = wholeNumber(name, '--year', values.year, 1900, 2200, io);
  const targets = targetList(name, values.targets, io);
  const method = values.method;
  if (method !== undefined && method !== 'lp' && method !== 'heuristic' && method !== 'both') {
    io.stderr(`gwplan ${name}: --method "${method}" is not one of lp, heuristic, both; for example --method both.\n`);
    return EXIT_INVALID;
  }
  const hourly = values.hourly;
  if (hourly !== undefined && hourly !== 'heuristic' && hourly !== 'none') {
    io.stderr(`gwplan ${name}: --hourly "${hourly}" is not one of heuristic, none; for example --hourly none.\n`);
    return EXIT_INVALID;
  }
  if (samples === null || seed === null || year === null || targets === null) return EXIT_INVALID;
  return {
    year,
    targets,
    method,
    exportLp: values['export-lp'],
    writeDispatch: values['write-dispatch'],
    hourly,
    samples,
    seed,
    writeSamples: values['write-samples'],
    assumptions: values.assumptions ?? 'assumptions',
    out: values.out ?? 'outputs',
    scenarios: values.scenario ?? [],
    baseline: values.baseline,
    names: positionals,
  };
}

/** A whole-number option within [min, max]; null (after saying why) when it is not one; undefined when absent. */
function wholeNumber(command: string, flag: string, text: string | undefined, min: number, max: number, io: Io): number | undefined | null {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= min && value <= max) return value;
  io.stderr(`gwplan ${command}: ${flag} "${text}" is not a whole number from ${min} to ${max}; for example ${flag} ${Math.max(min, 1000)}.\n`);
  return null;
}

/** `--targets 0.8,0.9,0.95`: shares in (0, 1], ascending; null (after saying why) when not; undefined when absent. */
function targetList(command: string, text: string | undefined, io: Io): number[] | undefined | null {
  if (text === undefined) return undefined;
  const values = text.split(',').map((part) => part.trim());
  const numbers = values.map(Number);
  const ok = values.every((v) => /^\d*\.?\d+$/.test(v)) && numbers.every((v, i) => v > 0 && v <= 1 && (i === 0 || v > numbers[i - 1]!));
  if (ok) return numbers;
  io.stderr(`gwplan ${command}: --targets "${text}" is not a list of shares above 0 and at most 1, ascending; for example --targets 0.8,0.9,0.95,0.98,0.99.\n`);
  return null;
}
