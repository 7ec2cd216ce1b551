import { describe, expect, it } from 'vitest';
import { Issues } from '../../src/loader/issues.js';
import { cachedParse } from '../../src/loader/parseCache.js';
import { errorsOf, loadEdited, replaceOnce } from './fixture.js';

describe('parse cache', () => {
  it('parses the same bytes of the same file once, and replays their problems every time', () => {
    let parses = 0;
    const parse = (issues: Issues) => {
      parses++;
      issues.add('empty_file', { file: 'x.yaml', line: 1, column: 1 }, '');
      return { parsed: true };
    };
    const first = new Issues();
    const second = new Issues();
    const value = cachedParse('test', 'x.yaml', 'sha-1', first, parse);
    expect(cachedParse('test', 'x.yaml', 'sha-1', second, parse)).toBe(value);
    expect(parses).toBe(1);
    expect(second.errors).toEqual(first.errors);
    expect(second.errors).toHaveLength(1);
    cachedParse('test', 'x.yaml', 'sha-2', new Issues(), parse);
    cachedParse('test', 'other/x.yaml', 'sha-1', new Issues(), parse);
    expect(parses).toBe(3);
  });

  it('never serves a stale parse: an edited file is read afresh', () => {
    expect(loadEdited({}).ok).toBe(true);
    expect(errorsOf(loadEdited({ 'facility.yaml': replaceOnce('value: 1.25', 'value: 0.95') }))).toHaveLength(1);
    expect(loadEdited({}).ok).toBe(true);
  });
});
