import { describe, expect, it } from 'vitest';
import { goldenSection } from '../../../src/model/cfe/goldenSection.js';

describe('goldenSection', () => {
  it('closes in on the maximum of a unimodal function', () => {
    const [c, d] = goldenSection((x) => -((x - 2.3) ** 2), 0, 5, { leftWins: (a, b) => a >= b, steps: 60 });
    expect(Math.max(c, d)).toBeGreaterThan(-1e-20);
  });

  it('closes in on the minimum and hands back whole evaluations', () => {
    const f = (x: number) => ({ x, cost: Math.abs(x - 1.7) });
    const [c, d] = goldenSection(f, 0, 4, { leftWins: (a, b) => a.cost < b.cost, steps: 60 });
    expect(Math.min(c.cost, d.cost)).toBeLessThan(1e-9);
    expect([c.x, d.x].every((x) => Math.abs(x - 1.7) < 1e-9)).toBe(true);
  });

  it('stops after `steps` steps, or once the bracket is narrow enough: two evaluations plus one per step', () => {
    let calls = 0;
    const f = (x: number) => {
      calls++;
      return -x * x;
    };
    goldenSection(f, -1, 1, { leftWins: (a, b) => a >= b, steps: 5 });
    expect(calls).toBe(2 + 5);
    calls = 0;
    // The bracket shrinks by 1/phi a step: from width 2 it is below 0.5 after three steps.
    goldenSection(f, -1, 1, { leftWins: (a, b) => a >= b, steps: 50, narrowEnough: (a, b) => b - a < 0.5 });
    expect(calls).toBe(2 + 3);
  });
});
