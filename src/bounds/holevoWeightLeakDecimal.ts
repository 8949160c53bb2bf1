import type { Decimal } from 'decimal.js';
import { decimalAt } from '../kernels/_internal/decimalContext.js';
import { decimalFromDouble } from '../kernels/decimalFromDouble.js';
import { symplecticEntropyDecimal } from '../kernels/symplecticEntropyDecimal.js';

/**
 * High-precision reference for χ_W, in bits per weight symbol: the textbook closed
 * form evaluated in decimal.js at `precision` significant digits from μ, the loss L
 * (T = 1 − L exactly; numbers are taken at their exact binary values) and output-referred ε (SNU). Near the vacuum it loses about
 * log10(1/ε) + log10(1/χ) digits of the working precision, so 50 digits leave more
 * than 15 correct digits over the ranges the tests use. An eigenvalue excess whose
 * magnitude is below 10^(10 − precision) is treated as round-off of an exact 1;
 * a more negative one gives NaN. Independent of the float64 implementation.
 *
 * @param mu - mean photon number μ ≥ 0
 * @param loss - L = 1 − T in [0, 1)
 * @param excessNoise - ε ≥ 0 (SNU, output-referred)
 * @param precision - significant digits @defaultValue 50
 * @public
 */
export function holevoWeightLeakDecimal(mu: Decimal.Value, loss: Decimal.Value, excessNoise: Decimal.Value, precision = 50): Decimal {
  const D = decimalAt(precision);
  const one = new D(1);
  const v = decimalFromDouble(mu, precision).times(2).plus(1);
  const t = one.minus(decimalFromDouble(loss, precision));
  const eps = decimalFromDouble(excessNoise, precision);
  const a = v;
  const b = t.times(v.minus(1)).plus(1).plus(eps);
  const c2 = t.times(v.times(v).minus(1));
  const z = a.plus(b).pow(2).minus(c2.times(4)).sqrt();
  const bma = b.minus(a);
  const tol = new D(10).pow(10 - precision);
  const g = (nu: Decimal): Decimal => {
    const ex = nu.minus(1);
    if (ex.abs().lte(tol)) return new D(0);
    return symplecticEntropyDecimal(nu, precision);
  };
  return g(z.plus(bma).div(2)).plus(g(z.minus(bma).div(2))).minus(g(b.minus(c2.div(a.plus(1)))));
}
