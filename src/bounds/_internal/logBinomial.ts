import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Natural-log binomial coefficients with full relative accuracy, for the photon-number
 * bounds of the server-side models (derivation: proofs/server-data-bounds.md §5).
 * @internal
 */

/** ½·ln(2π). */
const LN_SQRT_2PI = 0.9189385332046727417803297;

/**
 * Stirling-series coefficients B_2j/(2j(2j − 1)), j = 1…8, of
 * c(x) = lnΓ(x) − [(x − ½)·ln x − x + ½·ln 2π] = Σ_j B_2j/(2j(2j − 1)·x^(2j − 1))
 * (Abramowitz & Stegun 6.1.40). For x ≥ 10 the first omitted term,
 * 43867/244188·x^−15 ≤ 1.8e-16·10^−2, is below 2e-18: c(x) to double precision.
 */
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/** c(x) above, for x ≥ 10 (Horner in 1/x²). */
function stirlingCorrection(x: number): number {
  const t = 1 / (x * x);
  let s = 0;
  for (let j = STIRLING.length - 1; j >= 0; j -= 1) s = s * t + (STIRLING[j] as number);
  return s / x;
}

/**
 * c(x + b) − c(x) for x ≥ 64, b ≥ 0, without subtracting the two: term by term,
 * a_j·((x + b)^−m − x^−m) = a_j·x^−m·expm1(−m·log1p(b/x)), m = 2j − 1. Four terms: the
 * fifth is below 1e-19·b/x relative to the first (x ≥ 64), far under what the caller needs.
 */
function stirlingCorrectionIncrement(x: number, b: number): number {
  const l = Math.log1p(b / x);
  let s = 0;
  let xm = 1 / x;
  for (let j = 0; j < 4; j += 1) {
    const m = 2 * j + 1;
    s += (STIRLING[j] as number) * xm * Math.expm1(-m * l);
    xm /= x * x;
  }
  return s;
}

/** Σ_{i=1..n} log1p(b/i), positive terms, with Neumaier's compensated summation (error a few ulps). */
function sumLog1p(b: number, n: number): number {
  let sum = 0;
  let comp = 0;
  for (let i = 1; i <= n; i += 1) {
    const t = Math.log1p(b / i);
    const s = sum + t;
    comp += Math.abs(sum) >= Math.abs(t) ? sum - s + t : t - s + sum;
    sum = s;
  }
  return sum + comp;
}

/** Below this many terms the product Π(1 + b/i) is summed directly in logs (see {@link lnChoose}). */
const DIRECT_TERMS = 64;

/**
 * ln B(P, Q) = lnΓ(P) + lnΓ(Q) − lnΓ(P + Q) for 2 ≤ P ≤ Q, Q ≥ 10, in the form of
 * R's `lbeta` (Stirling with the correction c, no large terms cancelling):
 * - P ≥ 10: −½·ln Q + ½·ln 2π + c(P) + c(Q) − c(P + Q) + (P − ½)·ln(P/(P + Q)) + Q·log1p(−P/(P + Q));
 * - P < 10: lnΓ(P) + c(Q) − c(P + Q) + P − P·ln(P + Q) + (Q − ½)·log1p(−P/(P + Q)).
 */
function lnBeta(P: number, Q: number): number {
  const sum = P + Q;
  const ratio = P / sum;
  if (P >= 10) {
    const corr = stirlingCorrection(P) + stirlingCorrection(Q) - stirlingCorrection(sum);
    return -0.5 * Math.log(Q) + LN_SQRT_2PI + corr + (P - 0.5) * Math.log(ratio) + Q * Math.log1p(-ratio);
  }
  const corr = stirlingCorrection(Q) - stirlingCorrection(sum);
  return gammaln(P) + corr + P - P * Math.log(sum) + (Q - 0.5) * Math.log1p(-ratio);
}

/**
 * ln C(a + b, a) = ln[Γ(a + b + 1)/(Γ(a + 1)·Γ(b + 1))] in nats, for an integer a ≥ 0 and a
 * real b ≥ 0, to a few ulps relative (no cancellation of large log-gammas):
 * - a = 0 or b = 0: 0 exactly;
 * - b < 1: Σ_{i=1..a} log1p(b/i) (the product Π(1 + b/i) in logs, all terms ≥ 0), summed
 *   directly for a ≤ 128, otherwise the first 64 terms plus the rest in closed form,
 *   Σ_{i=65..a} = b·ln((a + 1 + b)/(65 + b)) + E(a + 1) − E(65) + Δc(a + 1) − Δc(65),
 *   E(x) = (x − ½)·log1p(b/x) − b, Δc(x) = c(x + b) − c(x) (Stirling; the first term
 *   dominates: it is ≥ 0.68·b while |E| ≤ b/130);
 * - b ≥ 1: with p = min(a, b), q = max(a, b): directly as above when q < 9, otherwise
 *   −ln(p + q + 1) − ln B(p + 1, q + 1) with {@link lnBeta} (the result is ≥ ln(q + 1),
 *   and the terms are at most a few times larger).
 * Total: NaN in, NaN out.
 * @internal
 */
export function lnChoose(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 || b === 0) return 0;
  if (b < 1) {
    if (a <= 2 * DIRECT_TERMS) return sumLog1p(b, a);
    const x0 = DIRECT_TERMS + 1;
    const x1 = a + 1;
    const e = (x: number) => (x - 0.5) * Math.log1p(b / x) - b;
    const tail = b * Math.log((x1 + b) / (x0 + b)) + (e(x1) - e(x0)) + (stirlingCorrectionIncrement(x1, b) - stirlingCorrectionIncrement(x0, b));
    return sumLog1p(b, DIRECT_TERMS) + tail;
  }
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (q < 9) return sumLog1p(b, a);
  return -Math.log(p + q + 1) - lnBeta(p + 1, q + 1);
}
