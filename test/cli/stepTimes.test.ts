import { describe, expect, it } from 'vitest';
import { stepClock } from '../../src/cli/stepTimes.js';
import { gwplan, makeWorkspace } from './harness.js';
import { main } from '../../src/cli/main.js';

describe('stepClock', () => {
  it('gives each step its wall and CPU time since the previous one, the first since the process started', () => {
    const times = [[12, 10], [20, 15.5], [20.25, 16]];
    let i = 0;
    let j = 0;
    const clock = stepClock(
      () => times[i++]![0]!,
      () => times[j++]![1]!,
    );
    clock.mark('start');
    clock.mark('load');
    clock.mark('write');
    expect(clock.lines()).toEqual(['step-time start 12.0 10.0', 'step-time load 8.0 5.5', 'step-time write 0.3 0.5']);
  });

  it('reads the main thread CPU time, or gives NaN where it cannot', () => {
    const clock = stepClock();
    clock.mark('a');
    const [, , wall, cpu] = clock.lines()[0]!.split(' ');
    expect(Number(wall)).toBeGreaterThan(0);
    expect(cpu === 'NaN' || Number(cpu) >= 0).toBe(true);
  });
});

describe('gwplan uncertainty with step times asked for', () => {
  it('prints one step-time line per step to stderr, after its usual output; none when not asked', async () => {
    const ws = makeWorkspace();
    try {
      let stderr = '';
      const code = await main(['uncertainty', '--scenario', 'base', '--samples', '200'], {
        cwd: ws.root,
        stdout: () => {},
        stderr: (text) => (stderr += text),
        isTty: false,
        steps: stepClock(),
      });
      expect(code).toBe(0);
      const steps = stderr.trim().split('\n').map((line) => line.split(' '));
      expect(steps.map(([tag, step]) => `${tag} ${step}`)).toEqual([
        'step-time start',
        'step-time checked',
        'step-time base:sampled',
        'step-time base:tenth-evaluated',
        'step-time base:evaluated',
        'step-time base:summarised',
        'step-time base:tornado',
        'step-time rendered',
        'step-time written',
      ]);
      for (const [, , wall] of steps) expect(Number(wall)).toBeGreaterThanOrEqual(0);
      expect((await gwplan(ws.root, 'uncertainty', '--scenario', 'base', '--samples', '200')).stderr).toBe('');
    } finally {
      ws.cleanup();
    }
  });
});
