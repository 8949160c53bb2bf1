import type { Decimal } from 'decimal.js';
import { decimalFromDouble } from './decimalFromDouble.js';
import { thermalEntropyDecimal } from './thermalEntropyDecimal.js';

/**
 * decimal.js twin of `symplecticEntropy`: g(ν) in bits at `precision`
 * significant digits.
 *
 * @param nu - symplectic eigenvalue (SNU, ≥ 1)
 * @param precision - working precision in significant digits (default 50)
 * @example symplecticEntropyDecimal(1).toNumber() // returns 0
 * @public
 */
export function symplecticEntropyDecimal(nu: Decimal.Value, precision = 50): Decimal {
  return thermalEntropyDecimal(decimalFromDouble(nu, precision + 20).minus(1).div(2), precision);
}
