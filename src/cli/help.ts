// Usage texts, one per command, printed by --help and after usage errors.

export const MAIN_HELP = `gwplan: from a power envelope to accelerators, compute, energy and clean-energy procurement.

Usage: gwplan <command> [options]

Commands:
  run            compute every scenario and write outputs/<scenario>/*.csv
  validate       check the assumption files and report every problem; writes nothing
  check-outputs  recompute into a temporary directory and fail if committed outputs differ

Options:
  --help         show help (also: gwplan <command> --help)
  --version      print the gwplan version

Exit codes: 0 success; 1 internal fault or stale outputs; 2 invalid input or usage.
`;

export const RUN_HELP = `Usage: gwplan run [--assumptions DIR] [--out DIR] [--scenario NAME]...

Loads the assumption files, runs the model and writes, per scenario,
OUT/<scenario>/{fleet,annual,procurement,summary}.csv and manifest.json.
On any input error nothing is written and previous outputs stay as they were.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)
  --scenario NAME    run only this scenario; repeat for several (default: all)
`;

export const VALIDATE_HELP = `Usage: gwplan validate [--assumptions DIR]

Checks every assumption file (units, ranges, names, the envelope) and prints
every problem as file:line:column field: message. Writes nothing.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
`;

export const CHECK_OUTPUTS_HELP = `Usage: gwplan check-outputs [--assumptions DIR] [--out DIR]

Recomputes every scenario into a temporary directory and compares it byte
for byte with the committed outputs. Exit 1 naming each stale file; then run
'npm start' to regenerate and commit the result.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          committed output directory (default: outputs)
`;
