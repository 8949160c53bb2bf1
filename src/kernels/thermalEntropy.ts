
/**
 * Von Neumann entropy h(n), in bits, of a one-mode thermal state with mean photon
 * number n ≥ 0 (n is the "excess" (ν − 1)/2 of a symplectic eigenvalue ν in
 * shot-noise units, vacuum variance 1):
 *
 *   h(n) = (n + 1)·log2(n + 1) − n·log2(n),   h(0) = 0.
 *
 * Evaluated as [log1p(n) + n·log1p(1/n)] / ln 2, a sum of two non-negative terms,
 * so there is no cancellation for any n > 0 (tiny n included). Kernel tier: total,
 * no validation — NaN or a negative n returns NaN.
 *
 * @param n - mean photon number (dimensionless, ≥ 0)
 * @returns entropy in bits
 * @example thermalEntropy(0)      // returns 0 (exactly)
 * @example thermalEntropy(1)      // returns 2 (exactly: 2·log2 2 − 0)
 * @example thermalEntropy(1e-300) // returns ≈ 9.98e-298 (n·log2(e/n), no underflow to 0)
 * @example thermalEntropy(-1)     // returns NaN
 * @public
 */
export function thermalEntropy(n: number): number {
  if (n === 0) return 0;
  if (!(n > 0)) return NaN; // NaN and negative n
  if (n === Infinity) return Infinity;
  const inv = 1 / n;
  // For subnormal n, 1/n overflows; then n·log1p(1/n) = n·(−ln n) to double precision.
  const tail = inv === Infinity ? -n * Math.log(n) : n * Math.log1p(inv);
  return (Math.log1p(n) + tail) / Math.LN2;
}
