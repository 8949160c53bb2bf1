import { Decimal } from 'decimal.js';
import { integerAtLeast } from '../_internal/validate.js';
import { InputRangeError } from '../inputError.js';

/**
 * Largest working precision (significant digits) of the twins: decimal.js computes ln
 * from a stored ln(10) of 1025 digits and throws above about that precision.
 */
export const MAX_WORKING_PRECISION = 1020;
/**
 * Range of the precision a caller may request. 10 digits is the least that still says
 * something about a double; 600 leaves room for the guard digits of inputs near the
 * ends of float64 (a 1e-300 input adds about 310) under the working limit.
 */
const MIN_PRECISION = 10;
const MAX_PRECISION = 600;

const cache = new Map<number, Decimal.Constructor>();

/**
 * The decimal.js constructor that works at `precision` significant digits (cached).
 * Rounding is ROUND_HALF_EVEN; decimal.js's ln, exp and sqrt are correctly rounded at
 * that precision; exponents are unlimited in practice (±9e15) so nothing underflows.
 * @internal
 */
export function decimalAt(precision: number): Decimal.Constructor {
  if (!(Number.isInteger(precision) && precision >= 1 && precision <= MAX_WORKING_PRECISION)) {
    throw new InputRangeError(`working precision must be an integer in [1, ${MAX_WORKING_PRECISION}] (significant digits; decimal.js's ln is limited by its 1025-digit ln 10); received ${precision}`);
  }
  let D = cache.get(precision);
  if (D === undefined) {
    D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
    cache.set(precision, D);
  }
  return D;
}

/** Check a precision requested by a caller of a public twin: an integer in [10, 600]. @internal */
export function requestedPrecision(precision: unknown): number {
  const p = integerAtLeast('precision (significant digits)', precision, MIN_PRECISION);
  if (p > MAX_PRECISION) throw new InputRangeError(`precision (significant digits) must be an integer in [${MIN_PRECISION}, ${MAX_PRECISION}]; received ${p}`);
  return p;
}

/** Decimal digits of |x| before the point (its base-10 exponent), 0 for zero. @internal */
export function decimalExponent(x: Decimal): number {
  return x.isZero() ? 0 : x.e;
}
