/** Energy chart: facility energy drawn in each calendar year, per scenario (annual.csv). */
import type { ReportScenario } from '../types.js';
import { annualLines, type Chart } from './chart.js';

export function facilityEnergyChart(scenarios: readonly ReportScenario[]): Chart {
  return annualLines(
    {
      id: 'facility-energy-by-year',
      title: 'Facility electricity use by year',
      subtitle: ['Hourly IT load x PUE plus auxiliary load, summed over the year (annual.csv facility_energy_mwh);', 'years before full build-out are partial'],
      xTitle: 'Calendar year',
      yTitle: 'Facility energy (TWh per year)',
      yFormat: ',.1f',
      caption: 'Facility energy per calendar year, in TWh, one line per scenario.',
    },
    scenarios,
    (row) => row.facilityEnergyMwh / 1e6,
  );
}
