/**
 * docs/assumptions.md: every assumption, generated from the same sources as the JSON
 * Schemas (the loader's field table, fieldMeanings.ts) and the shipped files: meaning,
 * how it is written and its unit, default, allowed range, the shipped value with its range,
 * source and confidence, and which shipped scenarios override it. Pure: shipped file texts
 * in, Markdown out. `npm run schema` writes it; a test fails when the committed copy is stale.
 */
import { isMap } from 'yaml';
import { ASSUMPTION_FILES, FIELD_TABLE, PHASE_COLUMNS, SITE_FIELDS, type FieldSpec } from '../loader/fieldTable.js';
import { allowedWords, flagWords, formWords, memberOf, unitOf } from './describe.js';
import { meaningOf, PHASE_COLUMN_MEANINGS } from './fieldMeanings.js';
import { FILE_DESCRIPTIONS, modelineFor } from './generateSchemas.js';
import { filesUnder, scenarioHeaders, scenarioOverrides, shippedFor, shippedPhases, yamlRoot, type Override, type ShippedFiles, type ShippedValue } from './shipped.js';

/** Where the doc lives, relative to the repository root. */
export const ASSUMPTIONS_DOC = 'docs/assumptions.md';

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function valueWords(value: ShippedValue): string {
  const range = value.low !== undefined || value.high !== undefined ? `, range ${code(value.low ?? '?')} to ${code(value.high ?? '?')}` : '';
  const year = value.currencyYear !== undefined ? ` (${value.currencyYear} dollars)` : '';
  const distribution = value.distribution !== undefined ? `, distribution ${code(value.distribution)}` : '';
  return `${value.byYear ? 'by year ' : ''}${code(value.value)}${year}${range}${distribution}`;
}

function provenanceWords(value: ShippedValue): string {
  return `${value.confidence ?? 'no confidence given'}${value.source !== undefined ? `: ${value.source}` : ''}${value.note !== undefined ? ` (note: ${value.note})` : ''}`;
}

function defaultWords(spec: FieldSpec): string {
  if (spec.default !== undefined) return `${code(spec.default)} when left out`;
  if (spec.optional) return 'none: may be left out';
  return 'none: required';
}

function overrideWords(overrides: readonly Override[], key: string): string {
  if (overrides.length === 0) return 'none';
  return overrides
    .map(({ scenario, value }) => {
      const member = value.member ?? memberOf(key, value.path);
      return `${code(scenario)}${member ? ` (${member})` : ''}: ${valueWords(value)}${value.confidence || value.source ? ` — ${provenanceWords(value)}` : ''}`;
    })
    .join('; ');
}

/** One assumption: its heading, meaning and a two-column table. */
function fieldSection(spec: FieldSpec, key: string, shipped: readonly ShippedValue[], overrides: readonly Override[], where: string): string[] {
  const rows: [string, string][] = [];
  const allowed = allowedWords(spec);
  rows.push(['written as', `${formWords(spec)}${allowed ? `; allowed: ${allowed}` : ''}`]);
  const unit = unitOf(spec);
  rows.push(['model unit', unit === '' ? 'text' : unit === '1' ? 'none (a plain number)' : unit]);
  rows.push(['default', defaultWords(spec)]);
  const flags = flagWords(spec).filter((flag) => !flag.startsWith('Default when') && !flag.startsWith('Optional'));
  if (flags.length > 0) rows.push(['notes', flags.join(' ')]);
  if (shipped.length === 0) rows.push([`shipped (${where})`, 'not set']);
  for (const value of shipped) {
    const member = value.member ?? memberOf(key, value.path);
    const label = member ? `shipped, ${member}` : 'shipped';
    const of = member ? `, ${member}` : '';
    rows.push([label, `${valueWords(value)} in ${code(value.file)}`]);
    rows.push([`confidence${of}`, value.confidence ?? 'not given']);
    rows.push([`source${of}`, `${value.source ?? 'not given'}${value.note !== undefined ? ` (note: ${value.note})` : ''}`]);
  }
  rows.push(['overridden by scenarios', overrideWords(overrides, key)]);
  return [`### ${code(key)}`, '', meaningOf(key), '', '| | |', '|---|---|', ...rows.map(([a, b]) => `| ${cell(a)} | ${cell(b)} |`), ''];
}

/** Every row of a file, grouped by the mapping above it, with the mapping's meaning once. */
function fileSections(specs: readonly FieldSpec[], shippedOf: (spec: FieldSpec) => ShippedValue[], overrides: ReadonlyMap<string, Override[]>, where: string): string[] {
  const lines: string[] = [];
  const described = new Set<string>();
  for (const spec of specs) {
    const parts = spec.key.split('.');
    for (let i = 1; i < parts.length; i++) {
      const group = parts.slice(0, i).join('.');
      if (described.has(group)) continue;
      described.add(group);
      lines.push(`${code(group)}: ${meaningOf(group)}`, '');
    }
    if ('items' in spec) {
      lines.push(...fieldSection(spec, spec.key, [], overrides.get(spec.key) ?? [], where));
      const values = shippedOf(spec);
      for (const row of spec.items) {
        const rowValues = values.filter((v) => v.path.endsWith(`].${row.key}`));
        lines.push(...fieldSection(row, `${spec.key}[].${row.key}`, rowValues, [], where));
      }
      continue;
    }
    lines.push(...fieldSection(spec, spec.key, shippedOf(spec), overrides.get(spec.key) ?? [], where));
  }
  return lines;
}

function phasesSection(shipped: ShippedFiles, overrides: ReadonlyMap<string, Override[]>): string[] {
  const columns = Object.keys(PHASE_COLUMNS) as (keyof typeof PHASE_COLUMNS)[];
  const lines = [
    '## `phases.csv`',
    '',
    'The build-out phases, one row per phase (docs/model.md, steps 2-6). Scenarios change them with `phases: patch:` / `add:` and `remove:`.',
    '',
    '| column | meaning | required | scenarios that change it |',
    '|---|---|---|---|',
    ...columns.map((column) => {
      const rule = PHASE_COLUMNS[column];
      const required = rule.required ? (rule.filled ? 'yes, never empty' : 'yes (may be empty)') : 'no';
      return `| ${code(column)} | ${cell(PHASE_COLUMN_MEANINGS[column] ?? '')} | ${required} | ${cell(overrideWords(overrides.get(`phases.${column}`) ?? [], `phases.${column}`))} |`;
    }),
    '',
  ];
  const rows = shippedPhases(shipped);
  if (rows.length > 0) {
    lines.push('Shipped phases:', '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${columns.map((column) => cell(row[column] ?? '')).join(' | ')} |`);
    lines.push('');
  }
  return lines;
}

function uncertaintySection(shipped: ShippedFiles): string[] {
  const lines = ['## `uncertainty.yaml`', '', FILE_DESCRIPTIONS['uncertainty.yaml'], ''];
  const root = yamlRoot(shipped, 'uncertainty.yaml');
  if (!root) return [...lines, 'Not shipped.', ''];
  const name = (node: unknown) => String((node as { value?: unknown } | null)?.value ?? node);
  for (const top of root.items) {
    const names = isMap(top.value) ? top.value.items.map((entry) => code(name(entry.key))) : [];
    lines.push(`- ${code(name(top.key))}: ${names.length > 0 ? names.join(', ') : 'none'}`);
  }
  return [...lines, ''];
}

function scenariosSection(shipped: ShippedFiles): string[] {
  const headers = scenarioHeaders(shipped);
  const lines = ['## Shipped scenarios', '', 'Each overrides only what differs from its parent (docs/scenarios.md); the sections above list each override under its key.', ''];
  lines.push('| scenario | extends | question | removes |', '|---|---|---|---|');
  for (const header of headers) {
    lines.push(`| ${code(header.name)} | ${code(header.extends)} | ${cell(header.question)} | ${header.removes.length > 0 ? header.removes.map(code).join(', ') : ''} |`);
  }
  return [...lines, ''];
}

export function assumptionsDoc(shipped: ShippedFiles): string {
  const overrides = scenarioOverrides(shipped);
  const sites = filesUnder(shipped, 'sites');
  const lines: string[] = [
    '# Assumption reference',
    '',
    '<!-- Generated by `npm run schema` (src/schema/assumptionsDoc.ts) from the loader\'s field table and the shipped assumptions/; do not edit by hand. -->',
    '',
    'Every assumption gwplan reads: what it means, how it is written and in which unit the model',
    'uses it, its default and allowed range, what the shipped files set it to (with the range,',
    'source and confidence they give), and which shipped scenarios override it. The same text is',
    'the hover help of the JSON Schemas in `schema/`, which editors with yaml-language-server',
    '(VS Code\'s YAML extension and others) apply through the first line of each shipped file:',
    '',
    '```yaml',
    modelineFor('facility.yaml')!,
    '```',
    '',
    'A value is written as a plain scalar (`0.05`, `poi`), a quantity with its unit (`1.2 kW`,',
    '`6 months`, `85 USD/MWh`), or a mapping that adds its provenance:',
    '',
    '```yaml',
    'tdp:',
    '  value: 1000 W',
    '  low: 900 W          # with high: varies as triangular(low, value, high) in uncertainty runs',
    '  high: 1400 W',
    '  source: "where it comes from"',
    '  confidence: rough   # official | analyst-estimate | rough | placeholder',
    '  note: "anything else"',
    '```',
    '',
    'A yearly value may give `by_year: {2026: 1.14, 2030: 1.10}` instead of `value:`; a money value',
    'may give `currency_year:`. Plain numbers are in the model unit; a quantity may use any unit of',
    'its dimension and is converted once, on loading.',
    '',
    `Files: ${[...ASSUMPTION_FILES, 'sites/*.yaml', 'uncertainty.yaml'].map((f) => code(f)).join(', ')}, and the shipped scenarios.`,
    '',
  ];
  for (const file of ASSUMPTION_FILES) {
    if (file === 'phases.csv') {
      lines.push(...phasesSection(shipped, overrides));
      continue;
    }
    const specs = FIELD_TABLE[file];
    lines.push(`## ${code(file)}`, '', FILE_DESCRIPTIONS[file], '');
    lines.push(...fileSections(specs, (spec) => shippedFor(shipped, file, spec, specs), overrides, file));
  }
  lines.push('## `sites/*.yaml`', '', FILE_DESCRIPTIONS.site, '', `Shipped presets: ${sites.map((s) => code(s.name)).join(', ') || 'none'}.`, '');
  lines.push(
    ...fileSections(
      SITE_FIELDS,
      (spec) => sites.flatMap(({ name, file }) => shippedFor(shipped, file, spec, SITE_FIELDS).map((v) => ({ ...v, member: name }))),
      new Map(),
      'sites/*.yaml',
    ),
  );
  lines.push(...uncertaintySection(shipped));
  lines.push(...scenariosSection(shipped));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
