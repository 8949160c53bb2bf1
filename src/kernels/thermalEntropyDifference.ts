import { thermalEntropy } from './thermalEntropy.js';

/**
 * h(b + d) − h(b), in bits, for mean photon numbers b ≥ 0 and d ≥ 0, without
 * subtracting two nearly equal entropies. With a = b + d,
 *
 *   h(a) − h(b) = d·log2((a + 1)/a) + [(b + 1)·ln(1 + d/(b + 1)) − b·ln(1 + d/b)] / ln 2,
 *
 * where the bracket is ≥ 0 (ln(1 + t)/t decreases in t) and of order d²/b, so
 * the first, positive term carries the result. Used when d < b; for d ≥ b the
 * direct difference loses at most one bit and is used instead. The caller must
 * supply d itself (not a − b computed by subtraction): that is the point.
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
  if (b === 0 || d >= b || a === Infinity) return thermalEntropy(a) - thermalEntropy(b);
  const lead = d * Math.log1p(1 / a);
  const bracket = (b + 1) * Math.log1p(d / (b + 1)) - b * Math.log1p(d / b);
  return (lead + bracket) / Math.LN2;
}
