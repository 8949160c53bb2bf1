import { thermalEntropy } from './thermalEntropy.js';

/**
 * The alternating series of the b ≥ 2 branch stops when a term falls below this
 * fraction of the sum: half the unit roundoff u = 2^−53 ≈ 1.1e-16, so the omitted
 * tail changes the sum by less than its own rounding error.
 */
const SERIES_REL_TOL = 2 ** -54;
/** Terms shrink at least like (1/b)^k ≤ 2^−k for b ≥ 2, so 2^−k < 2^−54 needs k ≤ 54; 64 leaves a margin and bounds the loop. */
const SERIES_MAX_TERMS = 64;
/** Below this relative increment u = d/b the bracket of the b < 2 branch is summed as a series (four terms reach u⁴ ≈ 1e-16). */
const BRACKET_SERIES_BELOW = 1e-4;

/** ln(1 + 1/a) for a > 0, also when 1/a overflows (subnormal a). */
function lnOnePlusInverse(a: number): number {
  return a < 1e-300 ? Math.log1p(a) - Math.log(a) : Math.log1p(1 / a);
}

/**
 * h(b + d) − h(b), in bits, for mean photon numbers b ≥ 0 and d ≥ 0, without
 * subtracting two nearly equal entropies (h as in {@link thermalEntropy}). The caller
 * supplies the increment d itself, not a − b computed by subtraction: that is the point.
 * Three forms, chosen by where each keeps full relative accuracy (derivation and error
 * analysis in proofs/weight-leakage.md §7; u = 2^−53):
 *
 * - b ≥ 2: with a = b + d, r = 1/b, s = 1/a (so r − s = d/(ab)),
 *   ln-form = log1p(d/(1 + b)) + (r − s)·Σ_{k≥1} (−1)^{k+1} S_k/(k + 1),
 *   S_k = r^{k−1} + r^{k−2}s + … + s^{k−1}; both terms ≥ 0, the series converges
 *   like 2^−k. (From h(n) = log1p(n) + n·log1p(1/n) and the series of t·log1p(1/t).)
 * - b < 2 and d < b: h(a) − h(b) = d·log2((a + 1)/a) + [(b + 1)·ln(1 + d/(b + 1)) − b·ln(1 + d/b)]/ln 2,
 *   the bracket ≥ 0 and of order d²/(2b(b + 1)) (summed as a series in d/b when d/b < 1e-4,
 *   so that it neither cancels nor underflows); error about u/ln(1 + 1/a) ≤ 5u.
 * - otherwise (b < 2, d ≥ b): the direct difference, which loses at most a factor ~8.
 *
 * Full relative accuracy needs normal inputs (≥ 2.2e-308); subnormal b or d keep
 * their own reduced precision but never give a negative or infinite result.
 * Kernel tier: NaN or negative input returns NaN.
 *
 * @param b - the smaller mean photon number (≥ 0)
 * @param d - the increment (≥ 0)
 * @returns h(b + d) − h(b) in bits (≥ 0)
 * @example thermalEntropyDifference(0.5, 0) // returns 0
 * @example thermalEntropyDifference(0, 1)   // returns 2 (= h(1))
 * @example thermalEntropyDifference(1e-310, 1e-320) // returns ≈ 1.4e-317 (subnormal, finite)
 * @public
 */
export function thermalEntropyDifference(b: number, d: number): number {
  if (!(b >= 0 && d >= 0)) return NaN;
  if (d === 0) return 0;
  const a = b + d;
  if (a === Infinity) return Infinity;
  if (b >= 2) return largeBDifference(a, b, d);
  if (b === 0 || d >= b) return thermalEntropy(a) - thermalEntropy(b);
  const lead = d * lnOnePlusInverse(a);
  const u = d / b;
  let bracket: number;
  if (u < BRACKET_SERIES_BELOW) {
    // (b + 1)·log1p(v) − b·log1p(u) = d·[φ(v) − φ(u)], φ(t) = log1p(t)/t = 1 − t/2 + t²/3 − t³/4 + t⁴/5 …,
    // v = d/(b + 1); u − v = d/(b(b + 1)) exactly as a quotient, so no cancellation.
    const v = d / (b + 1);
    const uMinusV = d / (b * (b + 1));
    bracket = d * uMinusV * (0.5 - (u + v) / 3 + (u * u + u * v + v * v) / 4 - (u + v) * (u * u + v * v) / 5);
  } else {
    bracket = (b + 1) * Math.log1p(d / (b + 1)) - b * Math.log1p(u);
  }
  return (lead + bracket) / Math.LN2;
}

function largeBDifference(a: number, b: number, d: number): number {
  const r = 1 / b;
  const s = 1 / a;
  let sum = 0;
  let sk = 1; // S_1
  let sPow = 1; // s^(k−1)
  let sign = 1;
  for (let k = 1; k <= SERIES_MAX_TERMS; k += 1) {
    const term = (sign * sk) / (k + 1);
    sum += term;
    if (Math.abs(term) <= SERIES_REL_TOL * Math.abs(sum)) break;
    sPow *= s;
    sk = r * sk + sPow; // S_{k+1} = r·S_k + s^k
    sign = -sign;
  }
  return (Math.log1p(d / (1 + b)) + (d / (a * b)) * sum) / Math.LN2;
}
