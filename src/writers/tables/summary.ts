/** summary.csv: headline figures, one row per metric. */
import type { SummaryRow } from '../../results/types.js';
import { text, type TableSpec } from '../columns.js';
import { decimalsForUnit } from '../decimals.js';

export const SUMMARY_TABLE: TableSpec<SummaryRow> = {
  file: 'summary.csv',
  description:
    'One row per headline figure, in the order the model gives them: the fleet at full build-out, energy, procurement and emissions in the first full year, the envelope check, and cost (capex at full build-out; the first full year\'s annualised cost, per delivered EFLOP and its energy share) in USD of cost.yaml\'s currency_year; these metrics are the same for every assumption file. Then two rows per investment tranche of cost.yaml, in payment order (as in tranches.csv): `tranche_<name>_capex_exceeds_year` (unit `year`: the first horizon year whose cumulative capex reaches the amount paid up to and including this tranche; empty when none does) and `tranche_<name>_share_of_full_buildout_capex` (unit `ratio`: that amount / capex at full build-out), `<name>` being the tranche\'s name in cost.yaml (snake_case).',
  rowsOf: (result) => result.summary,
  columns: [
    text({ name: 'metric', description: "Name of the figure, snake_case (a tranche's rows contain its name from cost.yaml, which is snake_case too).", get: (r) => r.metric }),
    {
      kind: 'unit-value',
      name: 'value',
      description:
        "A number rounded by the decimals of its unit (see Decimals by unit), or text written as is; empty for a tranche's capex_exceeds_year when cumulative capex never reaches it within the horizon.",
      get: (r) => r.value,
      decimalsFor: (r) => decimalsForUnit(r.unit, `summary.csv metric ${r.metric}`),
    },
    text({ name: 'unit', description: "Unit of `value`, from the same list as the columns' units; '' for text.", get: (r) => r.unit }),
  ],
};
