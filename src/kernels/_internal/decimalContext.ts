import { Decimal } from 'decimal.js';

/**
 * Decimal constructors by working precision (significant digits), cached so that
 * twins evaluated many times do not re-clone. Rounding is ROUND_HALF_EVEN;
 * decimal.js's ln, exp and sqrt are correctly rounded at that precision.
 * @internal
 */
const cache = new Map<number, Decimal.Constructor>();

/** The decimal.js constructor that works at `precision` significant digits. @internal */
export function decimalAt(precision: number): Decimal.Constructor {
  if (!(Number.isInteger(precision) && precision >= 10 && precision <= 1000)) {
    throw new RangeError(`precision must be an integer in [10, 1000] (significant digits); received ${precision}`);
  }
  let D = cache.get(precision);
  if (D === undefined) {
    D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
    cache.set(precision, D);
  }
  return D;
}
