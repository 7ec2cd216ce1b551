import { describe, expect, it } from 'vitest';
import { Issues } from '../../src/loader/issues.js';
import { formatIssue } from '../../src/loader/types.js';
import { parseYaml } from '../../src/loader/yamlSource.js';

const FILE = 'assumptions/facility.yaml';

function parse(text: string) {
  const issues = new Issues();
  const src = parseYaml(text, FILE, issues);
  return { src, errors: issues.errors.map(formatIssue) };
}

describe('parseYaml', () => {
  it('locates keys and values (1-based line and column)', () => {
    const { src, errors } = parse('facility:\n  design_pue:   1.25\n');
    expect(errors).toEqual([]);
    const [facility] = src!.entries(src!.root, '', new Issues());
    expect(facility!.keyAt).toEqual({ file: FILE, line: 1, column: 1 });
    const [pue] = src!.entries(facility!.value as never, 'facility', new Issues());
    expect(pue!.keyAt).toEqual({ file: FILE, line: 2, column: 3 });
    expect(src!.valueAt(pue!)).toEqual({ file: FILE, line: 2, column: 17 });
  });

  it('reports a repeated key where it repeats, naming the first, and keeps the first value', () => {
    const { src } = parse('facility:\n  headroom: 0.05\n  headroom: 0.1\n');
    const issues = new Issues();
    const [facility] = src!.entries(src!.root, '', issues);
    const entries = src!.entries(facility!.value as never, 'facility', issues);
    expect(entries.map((e) => e.key)).toEqual(['headroom']);
    expect(issues.errors.map(formatIssue)).toEqual([
      `${FILE}:3:3 facility.headroom: key "headroom" appears again (first on line 2); keep only one.`,
    ]);
  });

  it('reports the first syntax error only, as later ones echo it', () => {
    expect(parse('facility:\n  headroom: [0.05\n  design_pue: 1.25\n').errors).toEqual([
      `${FILE}:3:3 is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); fix the syntax at this position.`,
    ]);
  });

  it('reports an empty file, comments only included', () => {
    expect(parse('# nothing yet\n').errors).toEqual([
      `${FILE}:1:1 file is empty; restore its content (the shipped assumptions directory has an example).`,
    ]);
  });

  it('needs a mapping at the top level', () => {
    expect(parse('- a\n- b\n').errors).toEqual([
      `${FILE}:1:1 found a list; expected fields written as "key: value" lines, indented under it.`,
    ]);
  });
});
