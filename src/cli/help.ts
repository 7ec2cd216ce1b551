// Usage texts, one per command, printed by --help and after usage errors.

export const MAIN_HELP = `gwplan: from a power envelope to accelerators, compute, energy and clean-energy procurement.

Usage: gwplan <command> [options]

Commands:
  run            compute every scenario and write outputs/<scenario>/*.csv
  validate       check the assumption files and report every problem; writes nothing
  uncertainty    sample the uncertain inputs: percentiles, tornado, rank correlations
  explain        how one output number was computed, step by step, with each assumption's source and file:line
  hourly         24/7 carbon-free procurement: least-cost portfolios per CFE target (LP and heuristic)
  check-outputs  recompute into a temporary directory and fail if committed outputs differ
  compare        compare scenarios with a baseline: outputs/compare/*.csv and a headline table
  check          recompute in memory and fail if a committed output value moved beyond tolerance
  watch          run, then re-run on every save and print what moved
  report         one self-contained HTML page of charts and tables: outputs/report.html

Options:
  --help         show help (also: gwplan <command> --help)
  --version      print the gwplan version

Exit codes: 0 success; 1 internal fault or stale outputs; 2 invalid input or usage.
`;

export const RUN_HELP = `Usage: gwplan run [--assumptions DIR] [--out DIR] [--scenario NAME]... [--samples N] [--seed S] [--hourly heuristic|none]

Loads the assumption files, runs the model and writes, per scenario,
OUT/<scenario>/{fleet,annual,procurement,summary}.csv and manifest.json,
OUT/<scenario>/hourly/ by the fast heuristic (see 'gwplan hourly --help'; the
LP is left to 'gwplan hourly' as it takes seconds per target), and, for a
scenario with uncertain inputs, OUT/<scenario>/uncertainty/ (see
'gwplan uncertainty --help'). Without --scenario it also writes OUT/compare/
and OUT/report.html (see 'gwplan report --help').
On any input error nothing is written and previous outputs stay as they were.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)
  --scenario NAME    run only this scenario; repeat for several (default: all)
  --samples N        uncertainty samples per scenario (default: 10000; 0 skips sampling)
  --seed S           random seed for the samples (default: 20260227)
  --hourly M         hourly CFE study by the heuristic (default) or none (skips hourly/)
`;

export const REPORT_HELP = `Usage: gwplan report [--assumptions DIR] [--out DIR]

Evaluates every scenario, computes what 'gwplan run' computes (the hourly
heuristic, 10,000 uncertainty samples with run's seed, the comparison with
base) and writes one self-contained page, OUT/report.html: headline metrics
per scenario, charts of chips, compute and energy by year, annual vs 24/7
procurement, the CFE cost curve, the uncertainty tornado and fan, cost when the
model computes it, and the assumptions that differ between scenarios. Charts
are inline SVG drawn in Node: the page loads nothing, runs no script and
prints on A4. 'gwplan run' (every scenario) writes the same file.
The same inputs give the same bytes. docs/report.md describes the page.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)
`;

export const VALIDATE_HELP = `Usage: gwplan validate [--assumptions DIR]

Checks every assumption file (units, ranges, names, the envelope) and prints
every problem as file:line:column field: message. Writes nothing.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
`;

export const CHECK_OUTPUTS_HELP = `Usage: gwplan check-outputs [--assumptions DIR] [--out DIR]

Recomputes every scenario into a temporary directory and compares it byte
for byte with the committed outputs, OUT/report.html included. Exit 1
naming each stale file; then run
'npm start' to regenerate and commit the result.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          committed output directory (default: outputs)
`;

export const CHECK_HELP = `Usage: gwplan check [--assumptions DIR] [--out DIR]

Golden regression: recomputes every scenario in memory and compares the
committed OUT/<scenario>/*.csv value by value (summary metrics; annual rows by
year, procurement by year and technology, fleet by phase and vintage).
Numbers may differ within the tolerances of DIR/check-tolerances.yaml; text
must match exactly; a missing or extra file, row or column is a breach.
Prints every breach in one table and exits 1; 0 when all values are within
tolerance; 2 on invalid assumptions or tolerances.
Unlike check-outputs, which fails on any byte of difference in any file, a
move within tolerance passes, and each breach says by how much it moved.

Options:
  --assumptions DIR  assumption directory, with check-tolerances.yaml (default: assumptions)
  --out DIR          committed output directory (default: outputs)
`;

export const WATCH_HELP = `Usage: gwplan watch [--assumptions DIR] [--out DIR] [--scenario NAME]...

Runs like 'gwplan run', then re-runs on every save of a file under the
assumption directory (scenarios/ included) and prints, per scenario, the
headline metrics that moved since the last good run, largest change first.
A bad save prints the errors as file:line:column and leaves the outputs as
they were; watching goes on. Ctrl-C stops it (exit 0).
It writes each scenario's deterministic files only: not OUT/compare/ (its
attribution re-runs the model many times) and not <scenario>/uncertainty/
(10,000 samples per save would be too slow; the folder is removed rather
than left stale). Run 'npm start' before committing.

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)
  --scenario NAME    watch only this scenario; repeat for several (default: all)
`;

export const COMPARE_HELP = `Usage: gwplan compare [SCENARIO...] [--baseline NAME] [--out DIR] [--assumptions DIR]

Compares each SCENARIO (default: every scenario) with the baseline and writes
OUT/compare/: summary.csv (headline metrics, deltas and delta %), annual.csv
(every year), assumptions.csv (each assumption that differs, and where it was
set) and attribution.csv (how much of each delta each changed assumption
explains: Shapley values). Prints the headline comparison. docs/compare.md
describes every column.

Options:
  --baseline NAME    scenario the others are compared with (default: base)
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)
`;

export const UNCERTAINTY_HELP = `Usage: gwplan uncertainty [--scenario NAME]... [--samples N] [--seed S] [--write-samples] [--assumptions DIR] [--out DIR]

Samples every uncertain input (values with low/high or a distribution, and
assumptions/uncertainty.yaml) by Latin hypercube, runs the model per sample
and writes, per scenario, OUT/<scenario>/uncertainty/: percentiles.csv
(P90 is the high case), tornado.csv, rank_correlation.csv, manifest.json
(samples, seed, method, standard errors) and, with --write-samples, samples.csv.
The same seed gives the same bytes. 'gwplan run' writes these too, with the defaults.

Options:
  --scenario NAME    only this scenario; repeat for several (default: all)
  --samples N        number of samples (default: 10000)
  --seed S           random seed, a whole number (default: 20260227)
  --write-samples    also write every sample to samples.csv
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)

Environment:
  GWPLAN_STEP_TIMES=1  end by printing each step's time to stderr (npm run bench:uncertainty reads it)
`;

export const HOURLY_HELP = `Usage: gwplan hourly [--scenario NAME]... [--year Y] [--targets 0.8,0.9,...] [--method lp|heuristic|both] [--export-lp FILE] [--write-dispatch] [--assumptions DIR] [--out DIR]

Hourly (24/7) carbon-free procurement for one year: the facility's hourly load
(local standard time of the site), hourly solar and wind profiles (synthetic
from a site preset, or a CSV: assumptions/cfe.yaml), and for each CFE target the
least-cost portfolio of solar, wind, clean firm and batteries. Writes, per
scenario, OUT/<scenario>/hourly/: cfe_portfolios.csv, annual_vs_hourly.csv
(annual certificate matching next to each target), profile_stats.csv,
manifest.json and, with --write-dispatch, dispatch.csv. Only the hourly/ part of
each scenario's directory is replaced. 'gwplan run' writes it too, by the
heuristic only.

Options:
  --scenario NAME    only this scenario; repeat for several (default: all)
  --year Y           year to study (default: cfe.year, else the first full build-out year)
  --targets LIST     CFE targets, ascending shares (default: cfe.targets)
  --method M         lp (HiGHS linear program, optimal), heuristic (fast), or both (default: both)
  --export-lp FILE   also write the LP of the first target in CPLEX LP format (one scenario only)
  --write-dispatch   also write the hourly dispatch of every portfolio to dispatch.csv
  --assumptions DIR  assumption directory (default: assumptions)
  --out DIR          output directory (default: outputs)
`;

export const EXPLAIN_HELP = `Usage: gwplan explain METRIC [--assumptions DIR] [--scenario NAME] [--year Y]

Prints how one output number was computed, step by step: each intermediate
value with its unit, computed by the model's own formula functions, and every
assumption used with its value, range, confidence, source and the file:line
that set it. The number is checked against the model's result (summary.csv, or
annual.csv / procurement.csv for another year); if they differ, exit 1.
Writes nothing.

Metrics:
  chips, servers, ultraservers, critical_it_mw, deployed_it_mw,
  peak_bf16_pflops, peak_fp8_pflops        the fleet at full build-out
  it_energy_mwh, facility_energy_mwh, clean_energy_target_mwh,
  clean_nameplate_<solar|onshore_wind|offshore_wind|clean_firm|total>_mw
                                           one year (--year; default: the first full year)

Options:
  --assumptions DIR  assumption directory (default: assumptions)
  --scenario NAME    scenario to explain (default: base)
  --year Y           year, for the yearly metrics (default: the first full year)
`;
