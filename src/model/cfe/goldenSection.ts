/**
 * Golden-section search on [lo, hi] for a unimodal function, shared by the wind calibration
 * (largest reachable capacity factor) and the heuristic portfolio search (least cost over the
 * overbuild). Evaluations are kept whole (`T`), so a caller can keep more than the value.
 */

/** 1/phi: each step keeps this fraction of the bracket. */
const INV_PHI = (Math.sqrt(5) - 1) / 2;

export interface GoldenSectionOptions<T> {
  /** True when `c` (the left interior point) is at least as good as `d`: the search keeps [a, d]. */
  leftWins: (c: T, d: T) => boolean;
  /** Most steps. */
  steps: number;
  /** Stop early once the bracket [a, b] is this narrow (checked before each step); default never. */
  narrowEnough?: (a: number, b: number) => boolean;
}

/** The two interior evaluations when the search stops, left then right; the best of them is the caller's answer. */
export function goldenSection<T>(f: (x: number) => T, lo: number, hi: number, options: GoldenSectionOptions<T>): [T, T] {
  const { leftWins, steps, narrowEnough } = options;
  let a = lo;
  let b = hi;
  let c = b - INV_PHI * (b - a);
  let d = a + INV_PHI * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < steps && !(narrowEnough?.(a, b) ?? false); i++) {
    if (leftWins(fc, fd)) {
      b = d;
      d = c;
      fd = fc;
      c = b - INV_PHI * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INV_PHI * (b - a);
      fd = f(d);
    }
  }
  return [fc, fd];
}
