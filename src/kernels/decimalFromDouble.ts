import type { Decimal } from 'decimal.js';
import { decimalAt } from './decimalContext.js';

/**
 * The exact value of a float64 as a decimal.js number at `precision` significant
 * digits (dimensionless). `new Decimal(0.1)` reads the shortest round-trip string
 * "0.1", which is not the double 0.1000000000000000055…; near a cancellation that
 * difference matters (1 − L for L = 1 − 1e-12 keeps only 4 digits of T that way),
 * so high-precision twins take their inputs through this function.
 * Decimal.Value inputs that are not numbers are passed to the constructor unchanged.
 *
 * @param x - a double, or a string / bigint / Decimal taken as written
 * @param precision - significant digits @defaultValue 50
 * @returns the value (integers up to 2^53 exactly; other doubles, whose expansions run to
 *   hundreds of digits, correct to `precision` significant digits)
 * @example decimalFromDouble(0.5).toString() // returns '0.5'
 * @example decimalFromDouble(0.1, 30).toString() // returns '0.100000000000000005551115123126'
 * @example decimalFromDouble(1e23).toString()   // returns '99999999999999991611392'
 * @public
 */
export function decimalFromDouble(x: Decimal.Value, precision = 50): Decimal {
  const D = decimalAt(precision);
  if (typeof x !== 'number' || !Number.isFinite(x) || x === 0 || Number.isSafeInteger(x)) return new D(x);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biased === 0) exponent = -1074; // subnormal
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  const value = new D(mantissa.toString()).times(new D(2).pow(exponent));
  return negative ? value.negated() : value;
}
