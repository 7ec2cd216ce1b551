/** Rules that relate several fields of one file, checked once every field is read. */
import { TECHNOLOGIES, type ModelInputs } from '../model/inputs.js';
import { expandByYear, type Step } from './byYear.js';
import type { FieldValues } from './fieldReader.js';
import type { Issues } from './issues.js';

const MAX_HORIZON_YEARS = 50;
const MIX_TOLERANCE = 1e-9;

/** The horizon when both years are valid and in order; undefined otherwise. */
export function checkHorizon(envelope: FieldValues | undefined, issues: Issues): ModelInputs['horizon'] | undefined {
  const first = envelope?.readings.get('horizon.first_year');
  const last = envelope?.readings.get('horizon.last_year');
  if (!first || !last) return undefined;
  const horizon = { firstYear: first.value as number, lastYear: last.value as number };
  const years = horizon.lastYear - horizon.firstYear + 1;
  if (years < 1) {
    issues.add('horizon_order', last.at, 'horizon.last_year', { first: horizon.firstYear, last: horizon.lastYear });
    return undefined;
  }
  if (years > MAX_HORIZON_YEARS) {
    issues.add('horizon_too_long', last.at, 'horizon.last_year', { years, max: MAX_HORIZON_YEARS });
    return undefined;
  }
  return horizon;
}

/** Warn when the design-day PUE is below the annual PUE in any horizon year. */
export function checkPue(facility: FieldValues | undefined, horizon: ModelInputs['horizon'] | undefined, issues: Issues): void {
  const design = facility?.readings.get('facility.design_pue');
  const annual = facility?.readings.get('facility.annual_pue');
  if (!design || !annual || !horizon) return;
  const annualByYear = expandByYear(annual.value as number | Step[], horizon.firstYear, horizon.lastYear);
  const index = annualByYear.findIndex((pue) => (design.value as number) < pue);
  if (index < 0) return;
  issues.add('design_pue_below_annual', design.at, 'facility.design_pue', {
    design: design.value as number,
    annual: annualByYear[index]!,
    year: horizon.firstYear + index,
  });
}

/** The procurement mix shares must add up to 1. */
export function checkMix(procurement: FieldValues | undefined, issues: Issues): void {
  const shares = TECHNOLOGIES.map((t) => procurement?.readings.get(`procurement.mix.${t}`)?.value as number | undefined);
  if (shares.some((s) => s === undefined)) return;
  const sum = (shares as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > MIX_TOLERANCE) {
    issues.add('mix_sum', procurement!.keyAt.get('procurement.mix')!, 'procurement.mix', { sum });
  }
}
