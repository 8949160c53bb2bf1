import type { Decimal } from 'decimal.js';
import { decimalAt, decimalExponent, MAX_WORKING_PRECISION, requestedPrecision } from '../kernels/decimalContext.js';
import { decimalFromDouble } from '../kernels/decimalFromDouble.js';
import { thermalEntropyDecimal } from '../kernels/thermalEntropyDecimal.js';
import { InputRangeError } from '../inputError.js';

/** Guard digits beyond the estimated cancellation: covers the rounding of sqrt, ln and the final sums. */
const GUARD_DIGITS = 15;

/**
 * High-precision reference for χ_W, in bits per weight symbol: the textbook closed
 * form (docs/model.md#weight-leakage) evaluated in decimal.js from μ, the loss L (T = 1 − L exactly) and
 * output-referred ε (SNU), numbers taken at their exact binary values. The form
 * cancels: ν₃ − 1 loses about log10(V/ε) digits and z about log10(V²/(μ·ε)), and
 * χ_W itself can be far smaller than its terms. So the working precision is
 * `precision` plus guard digits for each of these (from the decimal exponents of V,
 * μ, ε and L) plus 15, and the result is rounded to `precision` digits. An
 * eigenvalue excess ν − 1 within V²·10^(5 − working precision) of zero is taken as
 * round-off of an exact 1 (ε = 0 makes ν₊ = ν₃ = 1 exactly); a more negative one
 * gives NaN. Independent of the float64 implementation; about 1 ms per point at 50 digits.
 *
 * @param mu - mean photon number μ ≥ 0
 * @param loss - L = 1 − T in [0, 1)
 * @param excessNoise - ε ≥ 0 (SNU, output-referred)
 * @param precision - significant digits of the result, an integer in [10, 600] @defaultValue 50
 * @returns χ_W in bits per weight symbol, a Decimal rounded to `precision` digits
 * @throws RangeError when precision is outside [10, 600], or the guard digits would take the
 *   working precision above 1020 (only for several inputs within 1e-200 of their limits at once)
 * @example holevoWeightLeakDecimal(4, 0, 0).toNumber() // returns 0
 * @example holevoWeightLeakDecimal(4, 0.5, 0).toNumber() // returns h(2) ≈ 2.7548875021634687
 * @public
 */
export function holevoWeightLeakDecimal(mu: Decimal.Value, loss: Decimal.Value, excessNoise: Decimal.Value, precision = 50): Decimal {
  const p = requestedPrecision(precision);
  const probe = decimalAt(40);
  const [m, l, e] = [decimalFromDouble(mu, 40), decimalFromDouble(loss, 40), decimalFromDouble(excessNoise, 40)];
  const v0 = m.times(2).plus(1);
  const tiny = (x: Decimal) => (x.isZero() ? 0 : Math.max(0, -decimalExponent(x)));
  const guard = 2 * Math.max(0, decimalExponent(v0)) + tiny(m) + tiny(e) + tiny(l) + tiny(new probe(1).minus(l)) + GUARD_DIGITS;
  const wp = p + guard;
  if (wp > MAX_WORKING_PRECISION) {
    throw new InputRangeError(`holevoWeightLeakDecimal needs ${wp} digits of working precision for these inputs (precision ${p} + ${guard} guard digits), above decimal.js's limit of ${MAX_WORKING_PRECISION}; ask for fewer digits`);
  }
  const W = decimalAt(wp);
  const one = new W(1);
  const v = decimalFromDouble(mu, wp).times(2).plus(1);
  const t = one.minus(decimalFromDouble(loss, wp));
  const eps = decimalFromDouble(excessNoise, wp);
  const a = v;
  const b = t.times(v.minus(1)).plus(1).plus(eps);
  const c2 = t.times(v.times(v).minus(1));
  const z = a.plus(b).pow(2).minus(c2.times(4)).sqrt();
  const bma = b.minus(a);
  const tol = v.times(v).times(new W(10).pow(5 - wp));
  const g = (nu: Decimal): Decimal => {
    const ex = nu.minus(1);
    if (ex.abs().lte(tol)) return new W(0);
    return thermalEntropyDecimal(ex.div(2), Math.min(p + GUARD_DIGITS, 600));
  };
  return g(z.plus(bma).div(2)).plus(g(z.minus(bma).div(2))).minus(g(b.minus(c2.div(a.plus(1))))).toSignificantDigits(p);
}
