/**
 * Every kind of bad input, through the command line: exit 2, a message that
 * names file:line:column and the field, and outputs left exactly as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { gwplan, makeWorkspace, snapshotTree, type Workspace } from './harness.js';

interface BadInput {
  name: string;
  file: string;
  from: string;
  to: string;
  /** `file:line:column path:` the message must start with (line and column as in the edited file). */
  where: RegExp;
  /** Words the message must contain (what was found, what was expected). */
  says: RegExp;
}

const CASES: BadInput[] = [
  {
    name: 'wrong dimension',
    file: 'chips.yaml',
    from: 'value: 1000 W',
    to: 'value: 1000 kg',
    where: /assumptions\/chips\.yaml:46:\d+ chips\.trainium3\.tdp: /,
    says: /"1000 kg" is a mass; expected a power/,
  },
  {
    name: 'unknown unit',
    file: 'chips.yaml',
    from: 'value: 1000 W',
    to: 'value: 1000 Wattz',
    where: /assumptions\/chips\.yaml:46:\d+ chips\.trainium3\.tdp: /,
    says: /Wattz/,
  },
  {
    name: 'zero power',
    file: 'envelope.yaml',
    from: 'value: 2 GW',
    to: 'value: 0 GW',
    where: /assumptions\/envelope\.yaml:10:\d+ envelope\.power: /,
    says: /out of range; expected more than 0 MW|out of range; expected more than 0 W/,
  },
  {
    name: 'negative power',
    file: 'chips.yaml',
    from: 'value: 1000 W\n      low: 900 W',
    to: 'value: -1000 W\n      low: -1100 W',
    where: /assumptions\/chips\.yaml:46:\d+ chips\.trainium3\.tdp: /,
    says: /out of range; expected more than 0 MW|out of range; expected more than 0 W/,
  },
  {
    name: 'PUE below 1',
    file: 'facility.yaml',
    from: 'value: 1.25',
    to: 'value: 0.95',
    where: /assumptions\/facility\.yaml:15:\d+ facility\.design_pue: /,
    says: /0\.95/,
  },
  {
    name: 'ratio above 1',
    file: 'utilisation.yaml',
    from: 'value: 0.75',
    to: 'value: 1.75',
    where: /assumptions\/utilisation\.yaml:9:\d+ utilisation\.power_ratio: /,
    says: /1\.75/,
  },
  {
    name: 'low above high',
    file: 'chips.yaml',
    from: 'low: 900 W',
    to: 'low: 1500 W',
    where: /assumptions\/chips\.yaml:4[67]:\d+ chips\.trainium3\.tdp/,
    says: /low/,
  },
  {
    name: 'unknown chip named by a phase',
    file: 'phases.csv',
    from: 'trn4-b,2028-07-01,500 MW,trainium4',
    to: 'trn4-b,2028-07-01,500 MW,trainium5',
    where: /assumptions\/phases\.csv:5:\d+ phases\.trn4-b\.chip: /,
    says: /trainium5/,
  },
  {
    name: 'phases exceeding the envelope',
    file: 'phases.csv',
    from: 'trn4-c,2029-07-01,500 MW',
    to: 'trn4-c,2029-07-01,900 MW',
    where: /assumptions\/phases\.csv:\d+:\d+ phases\.[a-z0-9-]+\.poi: /,
    says: /trn4-c/,
  },
  {
    name: 'bad date',
    file: 'phases.csv',
    from: 'trn4-b,2028-07-01',
    to: 'trn4-b,2028-02-30',
    where: /assumptions\/phases\.csv:5:\d+ phases\.trn4-b\.energised_on: /,
    says: /2028-02-30/,
  },
  {
    name: 'duplicate phase names',
    file: 'phases.csv',
    from: 'trn4-c,2029-07-01',
    to: 'trn4-b,2029-07-01',
    where: /assumptions\/phases\.csv:6:\d+ phases\.trn4-b/,
    says: /trn4-b/,
  },
  {
    name: 'missing field',
    file: 'chips.yaml',
    from: '    hbm: 96 GiB\n',
    to: '',
    where: /assumptions\/chips\.yaml:\d+:\d+ chips\.trainium2/,
    says: /hbm/,
  },
  {
    name: 'unknown field, with a suggestion',
    file: 'facility.yaml',
    from: '  design_pue:',
    to: '  desing_pue:',
    where: /assumptions\/facility\.yaml:14:\d+ facility\.desing_pue: /,
    says: /design_pue/,
  },
  {
    name: 'malformed YAML',
    file: 'facility.yaml',
    from: '  design_pue:\n',
    to: '  design_pue: [\n',
    where: /assumptions\/facility\.yaml:\d+:\d+ /,
    says: /YAML|yaml/,
  },
  {
    name: 'malformed CSV',
    file: 'phases.csv',
    from: 'trn4-b,2028-07-01,500 MW,trainium4,6 months,2033-07-01,trainium4,',
    to: 'trn4-b,2028-07-01,500 MW,trainium4,6 months,2033-07-01,',
    where: /assumptions\/phases\.csv:5:\d+ /,
    says: /column/,
  },
];

describe('bad input through the CLI', () => {
  let ws: Workspace;
  beforeEach(() => {
    ws = makeWorkspace();
  });
  afterEach(() => ws.cleanup());

  it('a valid run writes outputs (the baseline the cases below start from)', async () => {
    const run = await gwplan(ws.root, 'run', '--samples', '16', '--hourly', 'none');
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect([...snapshotTree(join(ws.root, 'outputs')).keys()]).toContain('base/annual.csv');
  });

  for (const bad of CASES) {
    it(`${bad.name}: exit 2, located message, outputs untouched`, async () => {
      expect((await gwplan(ws.root, 'run', '--samples', '16', '--hourly', 'none')).code).toBe(0);
      const before = snapshotTree(join(ws.root, 'outputs'));
      ws.edit(bad.file, bad.from, bad.to);

      const run = await gwplan(ws.root, 'run', '--samples', '16', '--hourly', 'none');
      expect(run.code).toBe(2);
      const line = run.stderr.split('\n').find((l) => bad.where.test(l));
      expect(line, `no line matching ${bad.where} in:\n${run.stderr}`).toBeDefined();
      expect(line).toMatch(bad.says);
      expect(run.stderr).toMatch(/nothing was written/);
      expect(run.stderr).not.toMatch(/internal fault|\n\s+at /);
      expect(snapshotTree(join(ws.root, 'outputs'))).toEqual(before);

      // validate reports the same problem and also exits 2.
      const validate = await gwplan(ws.root, 'validate');
      expect(validate.code).toBe(2);
      expect(validate.stderr).toMatch(bad.where);
    });
  }

  it('design PUE below annual PUE is a warning, not an error', async () => {
    ws.edit('facility.yaml', 'value: 1.25\n    low: 1.15', 'value: 1.10\n    low: 1.05');
    const run = await gwplan(ws.root, 'run', '--samples', '16', '--hourly', 'none');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/assumptions\/facility\.yaml:15:\d+ warning: facility\.design_pue: /);
  });

  it('an empty file is an error naming the file', async () => {
    ws.write('context.yaml', '');
    const run = await gwplan(ws.root, 'run', '--samples', '16', '--hourly', 'none');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/assumptions\/context\.yaml:1:1 .*empty/);
  });

  it('reports every error in one pass', async () => {
    ws.edit('chips.yaml', 'value: 1000 W', 'value: 1000 kg');
    ws.edit('facility.yaml', 'value: 1.25', 'value: 0.95');
    ws.edit('phases.csv', 'trn4-b,2028-07-01', 'trn4-b,2028-13-01');
    const run = await gwplan(ws.root, 'validate');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/chips\.yaml:46:\d+ chips\.trainium3\.tdp/);
    expect(run.stderr).toMatch(/facility\.yaml:15:\d+ facility\.design_pue/);
    expect(run.stderr).toMatch(/phases\.csv:5:\d+ phases\.trn4-b\.energised_on/);
  });

  it('a usage error exits 2 and points to --help', async () => {
    const run = await gwplan(ws.root, 'run', '--bogus');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--help/);
  });

  it('an unknown scenario exits 2 and lists the valid ones', async () => {
    const run = await gwplan(ws.root, 'run', '--scenario', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Scenarios: base/);
  });
});
