import type { Decimal } from 'decimal.js';
import { decimalFromDouble } from './decimalFromDouble.js';
import { thermalEntropyDecimal } from './thermalEntropyDecimal.js';

/**
 * decimal.js twin of `symplecticEntropy`: g(ν) = h((ν − 1)/2) in bits to `precision`
 * significant digits; ν is taken at its exact binary value, so ν − 1 is exact.
 *
 * @param nu - symplectic eigenvalue (SNU, ≥ 1)
 * @param precision - significant digits of the result, an integer in [10, 600] @defaultValue 50
 * @returns entropy in bits (NaN for ν < 1)
 * @throws RangeError when precision is outside [10, 600]
 * @example symplecticEntropyDecimal(1).toNumber() // returns 0
 * @example symplecticEntropyDecimal(3).toNumber() // returns 2
 * @public
 */
export function symplecticEntropyDecimal(nu: Decimal.Value, precision = 50): Decimal {
  // A double ν ≥ 1 has at most 53 significant bits, so 120 digits hold it and ν − 1 exactly.
  return thermalEntropyDecimal(decimalFromDouble(nu, 120).minus(1).div(2), precision);
}
