import { thermalEntropy } from './thermalEntropy.js';

/** Stop the alternating series when a term falls below this fraction of the sum (≈ u/2, u = 2^−53). */
const SERIES_REL_TOL = 1e-17;
/** Enough for b ≥ 2 (ratio 1/b ≤ ½): 2^−k < 1e-17 needs k ≈ 57. */
const SERIES_MAX_TERMS = 200;

/**
 * h(b + d) − h(b), in bits, for mean photon numbers b ≥ 0 and d ≥ 0, without
 * subtracting two nearly equal entropies (h as in {@link thermalEntropy}). The caller
 * supplies the increment d itself, not a − b computed by subtraction: that is the point.
 * Three forms, chosen by where each keeps full relative accuracy (derivation and error
 * analysis in proofs/weight-leakage.md; u = 2^−53):
 *
 * - b ≥ 2: with a = b + d, r = 1/b, s = 1/a (so r − s = d/(ab)),
 *   ln-form = log1p(d/(1 + b)) + (r − s)·Σ_{k≥1} (−1)^{k+1} S_k/(k + 1),
 *   S_k = r^{k−1} + r^{k−2}s + … + s^{k−1}; both terms ≥ 0, the series converges
 *   like 2^−k. (From h(n) = log1p(n) + n·log1p(1/n) and the series of t·log1p(1/t).)
 * - b < 2 and d < b: h(a) − h(b) = d·log2((a + 1)/a) + [(b + 1)·ln(1 + d/(b + 1)) − b·ln(1 + d/b)]/ln 2,
 *   the bracket ≥ 0 and of order d²/(2b(b + 1)); error about u/ln(1 + 1/a) ≤ 5u.
 * - otherwise (b < 2, d ≥ b): the direct difference, which loses at most a factor ~8.
 *
 * Kernel tier: NaN or negative input returns NaN.
 *
 * @param b - the smaller mean photon number (≥ 0)
 * @param d - the increment (≥ 0)
 * @returns h(b + d) − h(b) in bits (≥ 0)
 * @example thermalEntropyDifference(0.5, 0) // returns 0
 * @example thermalEntropyDifference(0, 1)   // returns 2 (= h(1))
 * @public
 */
export function thermalEntropyDifference(b: number, d: number): number {
  if (!(b >= 0 && d >= 0)) return NaN;
  if (d === 0) return 0;
  const a = b + d;
  if (a === Infinity) return Infinity;
  if (b >= 2) return largeBDifference(a, b, d);
  if (b === 0 || d >= b) return thermalEntropy(a) - thermalEntropy(b);
  const lead = d * Math.log1p(1 / a);
  const bracket = (b + 1) * Math.log1p(d / (b + 1)) - b * Math.log1p(d / b);
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
