/** The few numbers a run prints: what fits, what it computes, what it draws, what must be procured. */
import { groupedNumber } from '../model/groupedNumber.js';
import { TECHNOLOGIES } from '../model/inputs.js';
import { CLEAN_NAMEPLATE_METRIC, type SummaryMetric } from '../model/summary.js';
import type { ModelResult } from '../results/types.js';

const group = (value: number) => groupedNumber(value, 0);
const oneDecimal = (value: number) => groupedNumber(value, 1, 1);

function metric(result: ModelResult, name: SummaryMetric): number | string {
  const row = result.summary.find((r) => r.metric === name);
  if (!row) throw new Error(`summary has no metric "${name}"`);
  return row.value;
}

export function headlineLines(scenario: string, result: ModelResult): string[] {
  const num = (name: SummaryMetric) => Number(metric(result, name));
  const year = metric(result, 'first_full_year');
  const clean = TECHNOLOGIES.map((t) => `${t.replace('_', ' ')} ${group(num(CLEAN_NAMEPLATE_METRIC[t]))} MW`).join(', ');
  return [
    `${scenario}: full build-out ${metric(result, 'full_buildout_date')}, first full year ${year}`,
    `  chips ${group(num('chips'))}; peak ${group(num('peak_fp8_pflops'))} PFLOP/s FP8, ${group(num('peak_bf16_pflops'))} PFLOP/s BF16`,
    `  facility energy ${oneDecimal(num('facility_energy_mwh') / 1e6)} TWh/yr (${year}); binding constraint: ${metric(result, 'binding_constraint')}, margin ${oneDecimal(num('envelope_margin_mw'))} MW`,
    `  clean nameplate for annual matching (${year}): ${clean}`,
  ];
}
