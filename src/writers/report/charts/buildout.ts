/** Build-out charts: energised chips and peak FP8 compute at the end of each year, per scenario (annual.csv). */
import type { ReportScenario } from '../types.js';
import { annualLines, type Chart } from './chart.js';

export function chipsChart(scenarios: readonly ReportScenario[]): Chart {
  return annualLines(
    {
      id: 'chips-by-year',
      title: 'Energised accelerators by year',
      subtitle: ['Chips energised at the end of each year, ramps counted pro rata (annual.csv chips_end)'],
      xTitle: 'Year (value at 31 December)',
      yTitle: 'Chips at year end (thousands)',
      yFormat: ',.0f',
      caption: 'Energised chips at the end of each year, in thousands, one line per scenario.',
    },
    scenarios,
    (row) => row.chipsEnd / 1e3,
  );
}

export function computeChart(scenarios: readonly ReportScenario[]): Chart {
  return annualLines(
    {
      id: 'fp8-by-year',
      title: 'Peak FP8 compute by year',
      subtitle: ['Peak dense FP8 throughput of the fleet energised at the end of each year', '(annual.csv peak_fp8_pflops_end; 1 EFLOP/s = 1,000 PFLOP/s = 10^18 FLOP per second)'],
      xTitle: 'Year (value at 31 December)',
      yTitle: 'Peak FP8 compute (EFLOP/s)',
      yFormat: ',.0f',
      caption: 'Peak FP8 compute at the end of each year, in EFLOP/s, one line per scenario.',
    },
    scenarios,
    (row) => row.peakFp8PflopsEnd / 1e3,
  );
}
