import type { Decimal } from 'decimal.js';
import { decimalAt } from './_internal/decimalContext.js';
import { decimalFromDouble } from './decimalFromDouble.js';

/**
 * decimal.js twin of `thermalEntropy`: h(n) in bits to `precision` significant
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
