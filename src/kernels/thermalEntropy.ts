import type { Decimal } from 'decimal.js';
import { decimalAt } from './_internal/decimalContext.js';
import { decimalFromDouble } from './decimalFromDouble.js';

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

/**
 * decimal.js twin of {@link thermalEntropy}: h(n) in bits to `precision` significant
 * digits, from the textbook form (n + 1)·ln(n + 1) − n·ln(n) over ln 2. The form
 * loses about |log10 n| digits (1 + n rounds to 1 for tiny n; two terms near n·ln n
 * cancel for large n), so it is evaluated with that many extra guard digits and
 * then rounded to `precision`; the result is then correct to about precision − 2 digits.
 *
 * @param n - mean photon number (≥ 0); a number is taken at its exact binary value
 * @param precision - working precision in significant digits (default 50)
 * @returns entropy in bits, as a Decimal of that precision
 * @example thermalEntropyDecimal(0).toNumber() // returns 0
 * @public
 */
export function thermalEntropyDecimal(n: Decimal.Value, precision = 50): Decimal {
  const D = decimalAt(precision);
  const x = decimalFromDouble(n, precision + 20);
  if (x.isNaN() || x.isNegative()) return new D(NaN);
  if (x.isZero()) return new D(0);
  // Guard digits: |log10 n| (from the exponent) plus 5.
  const W = decimalAt(precision + Math.abs(x.e) + 5);
  const w = new W(x);
  const w1 = w.plus(1);
  return new D(w1.times(w1.ln()).minus(w.times(w.ln())).div(new W(2).ln()));
}
