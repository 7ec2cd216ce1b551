/** `gwplan validate`: every problem in the assumption files, nothing written. */
import { evaluateSelected } from '../evaluateSelected.js';
import { EXIT_OK, type Io } from '../io.js';
import type { CommandOptions } from '../main.js';

export function validateCommand(options: CommandOptions, io: Io): number {
  const evaluated = evaluateSelected(options.assumptions, options.scenarios, io);
  if (typeof evaluated === 'number') return evaluated;
  const names = evaluated.map((run) => run.name).join(', ');
  io.stdout(`${options.assumptions}: valid (${names}).\n`);
  return EXIT_OK;
}
