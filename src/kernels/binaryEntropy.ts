/**
 * Binary entropy, in bits: h₂(q) = −q·log2 q − (1 − q)·log2(1 − q), evaluated on the smaller
 * of q and 1 − q with log1p for its complement, so that q near 0 or 1 keeps full relative
 * accuracy (within 1e-14 of a 340-digit decimal.js evaluation, tested). Kernel tier: h₂(0) = h₂(1) = 0,
 * NaN outside [0, 1].
 *
 * @param q - a probability
 * @returns h₂(q) in bits, in [0, 1]
 * @example binaryEntropy(0.5)   // returns 1
 * @example binaryEntropy(0)     // returns 0
 * @example binaryEntropy(1e-20) // returns ≈ 6.79e-19 (= q·log2(e/q) to first order)
 * @example binaryEntropy(2)     // returns NaN
 * @public
 */
export function binaryEntropy(q: number): number {
  if (!(q >= 0 && q <= 1)) return Number.NaN;
  if (q === 0 || q === 1) return 0;
  // the smaller of q and 1 − q (exact, Sterbenz) in the log, its complement through log1p
  const small = q <= 0.5 ? q : 1 - q;
  return (-small * Math.log(small) - (1 - small) * Math.log1p(-small)) / Math.LN2;
}
