import { normalCdf } from './tails.js';

/**
 * The upper orthant of a standard bivariate normal law, for the union of the row-total test's
 * two statistics (proofs/row-total-test.md §6). Kernel: no validation.
 * @internal
 */

/** Standard normal density. */
function density(s: number): number {
  return Math.exp((-s * s) / 2) / Math.sqrt(2 * Math.PI);
}

/** Integration range: the density below e^(−40²/2) ≈ 1e-348 underflows to 0. */
const EDGE = 40;

/** Absolute tolerance of the adaptive Simpson rule per panel (probabilities are good to ~1e-16 absolute anyway). */
const TOLERANCE = 1e-17;

/** Deepest bisection of a panel (2^−40 of a unit panel is far below any feature of the integrand). */
const MAX_DEPTH = 40;

function simpson(f: (s: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, depth: number): number {
  const m = (a + b) / 2;
  const lm = (a + m) / 2;
  const rm = (m + b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - a) / 6) * (fa + 4 * flm + fm);
  const right = ((b - m) / 6) * (fm + 4 * frm + fb);
  if (depth >= MAX_DEPTH || Math.abs(left + right - whole) <= 15 * TOLERANCE) return left + right + (left + right - whole) / 15;
  return simpson(f, a, m, fa, flm, fm, left, depth + 1) + simpson(f, m, b, fm, frm, fb, right, depth + 1);
}

/**
 * P(X ≥ x, Y ≥ y) for standard normal X, Y with correlation r ∈ [−1, 1]:
 * ∫_x^∞ φ(s)·Φ̄((y − r·s)/√(1 − r²)) ds, by adaptive Simpson on unit panels of [max(x, −40), 40]
 * (absolute error ~1e-16); exact at r = 0 and r = ±1 (|r| within 1e-15 of 1 is treated as ±1).
 * @example upperOrthant(0, 0, 0.5) // returns ≈ 1/3 (= 1/4 + arcsin(r)/(2π), Sheppard)
 * @internal
 */
export function upperOrthant(x: number, y: number, r: number): number {
  const tail = (w: number) => normalCdf(-w);
  if (x === Infinity || y === Infinity) return 0;
  if (x === -Infinity) return tail(y);
  if (y === -Infinity) return tail(x);
  if (r === 0) return tail(x) * tail(y);
  if (r >= 1 - 1e-15) return tail(Math.max(x, y));
  if (r <= -1 + 1e-15) return Math.max(0, normalCdf(-y) - normalCdf(x));
  const scale = Math.sqrt((1 - r) * (1 + r));
  const f = (s: number) => density(s) * tail((y - r * s) / scale);
  const lo = Math.max(x, -EDGE);
  if (lo >= EDGE) return 0;
  let sum = 0;
  for (let a = lo; a < EDGE; a += 1) {
    const b = Math.min(a + 1, EDGE);
    const fa = f(a);
    const fb = f(b);
    const fm = f((a + b) / 2);
    sum += simpson(f, a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), 0);
  }
  return sum;
}
