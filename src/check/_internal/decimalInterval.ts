/**
 * The checker's arithmetic (proofs/certified-evaluation.md §5): intervals of decimal.js
 * numbers whose lower ends are computed with ROUND_FLOOR and upper ends with ROUND_CEIL.
 * decimal.js rounds + − × ÷ and its sqrt, ln and exp correctly in the rounding mode
 * set, so every interval below contains the exact real value. Shares no code with the
 * prover (src/claims/), by design: a test fails if it imports from outside src/check/.
 * @internal
 */
import { Decimal } from 'decimal.js';

/** Working precision (significant digits): the textbook χ_W loses up to ~13 digits to cancellation over the shipped regions, leaving ≥ 11, and the prover keeps a relative margin of 1e-9 to the threshold (src/claims/branchAndBound.ts). */
export const CHECK_PRECISION = 24;


export const DN = Decimal.clone({ precision: CHECK_PRECISION, rounding: Decimal.ROUND_FLOOR, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
export const UP = Decimal.clone({ precision: CHECK_PRECISION, rounding: Decimal.ROUND_CEIL, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });

/** A closed interval of reals. */
export interface DI {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

/**
 * The exact decimal expansion of a double (every double is m·2^e, a terminating decimal):
 * the checker reads each JSON number as exactly the double it denotes, so its enclosures are
 * of the same point the prover evaluated.
 */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`checker: ${x} is not a finite number`);
  if (x === 0) return '0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? '-' : '';
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075; // x = mantissa · 2^e
  if (e >= 0) return `${sign}${(mantissa << BigInt(e)).toString()}`;
  // mantissa / 2^−e = mantissa·5^−e / 10^−e
  const digits = (mantissa * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  return `${sign}${digits.slice(0, digits.length + e)}.${digits.slice(digits.length + e)}`;
}

/** The double a JSON number denotes, exactly (decimal.js keeps a constructed value unrounded). */
export function num(x: number): DI {
  const d = new DN(exactDecimal(x));
  return { lo: d, hi: d };
}

export function iadd(a: DI, b: DI): DI {
  return { lo: DN.add(a.lo, b.lo), hi: UP.add(a.hi, b.hi) };
}
export function isub(a: DI, b: DI): DI {
  return { lo: DN.sub(a.lo, b.hi), hi: UP.sub(a.hi, b.lo) };
}
/** Product of intervals of any signs. */
export function imul(a: DI, b: DI): DI {
  if (!a.lo.isNeg() && !b.lo.isNeg()) return { lo: DN.mul(a.lo, b.lo), hi: UP.mul(a.hi, b.hi) };
  const lo = [DN.mul(a.lo, b.lo), DN.mul(a.lo, b.hi), DN.mul(a.hi, b.lo), DN.mul(a.hi, b.hi)];
  const hi = [UP.mul(a.lo, b.lo), UP.mul(a.lo, b.hi), UP.mul(a.hi, b.lo), UP.mul(a.hi, b.hi)];
  return { lo: DN.min(...lo), hi: UP.max(...hi) };
}
/** Quotient, divisor > 0. */
export function idiv(a: DI, b: DI): DI {
  if (!b.lo.gt(0)) throw new RangeError('checker: division by an interval that reaches 0');
  if (!a.lo.isNeg()) return { lo: DN.div(a.lo, b.hi), hi: UP.div(a.hi, b.lo) };
  const lo = [DN.div(a.lo, b.lo), DN.div(a.lo, b.hi)];
  const hi = [UP.div(a.hi, b.lo), UP.div(a.hi, b.hi)];
  return { lo: DN.min(...lo), hi: UP.max(...hi) };
}
/** √x for x ≥ 0 (a negative lower end, from round-off of a quantity known ≥ 0, is taken as 0). */
export function isqrt(a: DI): DI {
  return { lo: a.lo.gt(0) ? DN.sqrt(a.lo) : new DN(0), hi: UP.sqrt(UP.max(a.hi, 0)) };
}
/** ln x for x > 0. */
export function iln(a: DI): DI {
  if (!a.lo.gt(0)) throw new RangeError('checker: logarithm of an interval that reaches 0');
  return { lo: DN.ln(a.lo), hi: UP.ln(a.hi) };
}
/** e^x. */
export function iexp(a: DI): DI {
  return { lo: DN.exp(a.lo), hi: UP.exp(a.hi) };
}
/** Clip at 0 from below: for a quantity proved ≥ 0. */
export function nonNegative(a: DI): DI {
  return { lo: DN.max(a.lo, 0), hi: UP.max(a.hi, 0) };
}
export const ONE: DI = num(1);
export const LN2: DI = iln(num(2));

/** t·ln(1/t) over t ∈ [lo, hi] ⊂ [0, 1]: increasing below 1/e, decreasing above, 0 at t = 0. */
export function iEntropyTerm(t: DI): DI {
  const lo = DN.max(t.lo, 0);
  const hi = UP.min(t.hi, 1);
  const at = (x: Decimal, mode: 'lo' | 'hi'): Decimal => {
    if (x.isZero() || x.eq(1)) return new DN(0);
    return mode === 'lo' ? DN.mul(x, UP.ln(x).neg()) : UP.mul(x, DN.ln(x).neg()); // −ln x rounded down is −(ln x rounded up)
  };
  const ePeak = new DN(-1).exp(); // 1/e, only a threshold for which branch
  const peak = UP.exp(-1);
  const fLo = DN.min(at(lo, 'lo'), at(hi, 'lo'));
  if (hi.lte(ePeak)) return { lo: at(lo, 'lo'), hi: at(hi, 'hi') };
  if (lo.gte(peak)) return { lo: at(hi, 'lo'), hi: at(lo, 'hi') };
  return { lo: fLo, hi: peak };
}
