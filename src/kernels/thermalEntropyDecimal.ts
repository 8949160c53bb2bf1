import type { Decimal } from 'decimal.js';
import { decimalAt, MAX_WORKING_PRECISION, requestedPrecision } from './decimalContext.js';
import { decimalFromDouble } from './decimalFromDouble.js';

/** Guard digits beyond the input-dependent loss: covers the few digits ln and the final division round away. */
const GUARD_DIGITS = 10;

/**
 * decimal.js twin of `thermalEntropy`: h(n) in bits to `precision` significant
 * digits, from the textbook form (n + 1)·ln(n + 1) − n·ln(n) over ln 2. The form
 * loses about |log10 n| digits (1 + n rounds to 1 for tiny n; two terms near n·ln n
 * cancel for large n), so it is evaluated with |log10 n| + 10 guard digits and the
 * result rounded to `precision` digits (correct to within an ulp or two there).
 *
 * @param n - mean photon number (≥ 0); a number is taken at its exact binary value
 * @param precision - significant digits of the result, an integer in [10, 600] @defaultValue 50
 * @returns entropy in bits, a Decimal rounded to `precision` digits (NaN for NaN or negative n)
 * @throws RangeError when precision is outside [10, 600]
 * @example thermalEntropyDecimal(0).toNumber() // returns 0
 * @example thermalEntropyDecimal(1).toNumber() // returns 2
 * @public
 */
export function thermalEntropyDecimal(n: Decimal.Value, precision = 50): Decimal {
  const p = requestedPrecision(precision);
  const D = decimalAt(p);
  const x = decimalFromDouble(n, p + 20);
  if (x.isNaN() || x.isNegative()) return new D(NaN);
  if (x.isZero()) return new D(0);
  const W = decimalAt(Math.min(p + Math.abs(x.e) + GUARD_DIGITS, MAX_WORKING_PRECISION));
  const w = new W(x);
  const w1 = w.plus(1);
  return w1.times(w1.ln()).minus(w.times(w.ln())).div(new W(2).ln()).toSignificantDigits(p);
}
