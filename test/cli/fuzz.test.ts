/**
 * Fuzz: mutate valid assumption files (values, units, keys, structure,
 * truncation) and run gwplan. Every run must end either with exit 0 and
 * well-formed outputs, or with exit 2 and a located message: never a stack
 * trace, never exit 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gwplan, makeWorkspace, snapshotTree, type Workspace } from './harness.js';

const TOKENS = [
  '0', '-1', '1', '0.5', '2', '1e400', '-0', 'NaN', 'Infinity', '1/0', '0/0', '', '~', 'null', 'true', '[]', '{}', '[', '{', '"', "'",
  '5%', '150%', '500 W', '1.2 kW', '2 GW', '-3 MW', '0 MW', '1000 kg', '6 months', '3 h', '0.15 L/kWh', '380 kg/MWh', '667 TFLOP/s',
  '96 GiB', '10 m', '2 GW * 0.25', '2 GW + 3 kg', 'import({}, {})', 'createUnit("x")', 'evaluate("1")', 'f(x) = x', 'a = 1',
  'sqrt(4)', 'x', '1 Wattz', '2026-13-01', '2027-02-29', '2028-02-29', 'trainium9', 'poi', 'critical_it', 'fp8', '&anchor', '*alias',
  'value: 3', '- 1', '| text', '"2 GW', '\t', '\u00e9', '12345678901234567890 MW', '1e-30 W', '0x10', '1_000 W',
];

type Mutation = (text: string) => string;

const lineIndex = (text: string, pick: number) => {
  const lines = text.split('\n');
  return { lines, i: pick % Math.max(1, lines.length) };
};

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  // Replace what follows a key (YAML) or one cell (CSV) with a token.
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([pick, token]): Mutation => (text) => {
    const { lines, i } = lineIndex(text, pick);
    const line = lines[i]!;
    if (line.includes(',') && !line.includes(': ')) {
      const cells = line.split(',');
      cells[pick % cells.length] = token;
      lines[i] = cells.join(',');
    } else {
      const colon = line.indexOf(':');
      lines[i] = colon >= 0 ? `${line.slice(0, colon + 1)} ${token}` : `${line}${token}`;
    }
    return lines.join('\n');
  }),
  // Rename a key.
  fc.tuple(fc.nat(), fc.stringMatching(/^[a-z_]{1,12}$/)).map(([pick, key]): Mutation => (text) => {
    const { lines, i } = lineIndex(text, pick);
    lines[i] = lines[i]!.replace(/^(\s*)[A-Za-z0-9_-]+:/, `$1${key}:`);
    return lines.join('\n');
  }),
  // Delete, duplicate or re-indent a line.
  fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'indent', 'dedent')).map(([pick, op]): Mutation => (text) => {
    const { lines, i } = lineIndex(text, pick);
    const line = lines[i]!;
    if (op === 'delete') lines.splice(i, 1);
    else if (op === 'duplicate') lines.splice(i, 0, line);
    else lines[i] = op === 'indent' ? `  ${line}` : line.replace(/^ {1,2}/, '');
    return lines.join('\n');
  }),
  // Truncate anywhere (a half-written save).
  fc.nat().map((pick): Mutation => (text) => text.slice(0, pick % (text.length + 1))),
  // Replace everything with arbitrary text.
  fc.string({ maxLength: 40 }).map((junk): Mutation => () => junk),
);

describe('fuzzing the assumption files', () => {
  let ws: Workspace;
  let files: string[];
  let originals: Map<string, string>;
  beforeAll(() => {
    ws = makeWorkspace();
    files = readdirSync(join(ws.root, 'assumptions')).filter((f) => /\.(ya?ml|csv)$/.test(f)).sort();
    originals = new Map(files.map((f) => [f, ws.read(f)]));
  });
  afterAll(() => ws.cleanup());

  it('ends in exit 0 with valid outputs or exit 2 with a located message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), mutations), { minLength: 1, maxLength: 3 }), async (edits) => {
        for (const [file, text] of originals) ws.write(file, text);
        rmSync(join(ws.root, 'outputs'), { recursive: true, force: true });
        for (const [pick, mutate] of edits) {
          const file = files[pick % files.length]!;
          ws.write(file, mutate(ws.read(file)));
        }

        const run = await gwplan(ws.root, 'run', '--samples', '16', '--hourly', 'none');
        expect(run.stderr).not.toMatch(/internal fault|\n\s+at /);
        expect([0, 2]).toContain(run.code);
        if (run.code === 2) {
          expect(run.stderr).toMatch(/^assumptions\/[\w./-]+:\d+:\d+ /m);
          expect(snapshotTree(join(ws.root, 'outputs')).size).toBe(0);
        } else {
          const outputs = snapshotTree(join(ws.root, 'outputs'));
          expect(outputs.has('base/fleet.csv')).toBe(true);
          // These hold no user-typed text, so any exponent or NaN is a formatting fault.
          for (const name of ['base/annual.csv', 'base/procurement.csv', 'base/summary.csv']) {
            const csv = outputs.get(name);
            expect(csv, name).toBeDefined();
            expect(csv).not.toMatch(/NaN|Infinity|\d[eE][+-]?\d|\r/);
          }
          JSON.parse(outputs.get('base/manifest.json')!);
        }
      }),
      { numRuns: 250, seed: 20261127 },
    );
  });

});
