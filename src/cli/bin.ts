// Entry point of the bundled command (see launch.mjs): wires the CLI to the
// real process streams and working directory.
import { main } from './main.js';

export function runCli(argv: string[]): Promise<number> {
  return main(argv, {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
  });
}
