/** Every breach of `gwplan check` as one aligned table (pure). */
import type { Breach } from './compareTables.js';
import { formatPct, formatSigned, formatTable } from './textTable.js';

/** What each side shows for a breach of shape: a file, row or column present on one side only. */
const SHAPE_SIDES: Partial<Record<Breach['kind'], [string, string]>> = {
  'missing-file': ['absent', 'present'],
  'extra-file': ['present', 'absent'],
  'missing-row': ['absent', 'present'],
  'extra-row': ['present', 'absent'],
  'missing-column': ['absent', 'present'],
  'extra-column': ['present', 'absent'],
};

function tolerance(breach: Breach): string {
  if (breach.kind === 'number') return `±${Number(breach.tolerance!.toPrecision(3))}`;
  if (breach.kind === 'text') return 'exact';
  return 'shape';
}

export function breachRow(breach: Breach): string[] {
  const sides = SHAPE_SIDES[breach.kind];
  const [committed, recomputed] =
    sides ??
    (breach.kind === 'duplicate-row'
      ? [`repeated (${breach.committed})`, 'once']
      : breach.kind === 'malformed'
        ? [breach.committed, '-']
        : [breach.committed === '' ? '""' : breach.committed, breach.recomputed === '' ? '""' : breach.recomputed]);
  return [
    breach.scenario,
    breach.file,
    breach.row || '-',
    breach.metric || '-',
    committed,
    recomputed,
    breach.delta === null ? '-' : formatSigned(breach.delta, breach.decimals ?? 0),
    breach.deltaPct === null ? '-' : formatPct(breach.deltaPct),
    tolerance(breach),
  ];
}

export function formatBreaches(breaches: readonly Breach[]): string[] {
  return formatTable(
    ['scenario', 'file', 'row', 'metric', 'committed', 'recomputed', 'delta', 'delta %', 'tolerance'],
    breaches.map(breachRow),
    ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
}
