/**
 * Exact samplers for the photon-counting simulations, all driven by one
 * {@link UniformSource} (uniforms in [0, 1)). Kernels: no validation, total for the
 * arguments their callers pass (documented per function). "Exact" means the algorithm
 * draws from the stated distribution exactly in real arithmetic (no normal or other
 * approximation); float64 round-off is the only deviation.
 *
 * References: Marsaglia & Tsang, "A simple method for generating gamma variables",
 * ACM TOMS 26 (2000) 363; Knuth, TAOCP vol. 2 (3rd ed.), §3.4.1 (the gamma-splitting
 * methods for Poisson and binomial deviates, due to Ahrens & Dieter).
 * @internal
 */
import type { UniformSource } from '../uniformSource.js';

/**
 * Below this mean, Poisson and binomial deviates are drawn by inversion (a walk up the
 * pmf from 0, expected 1 + mean steps); at or above it the gamma-splitting recursions
 * reduce the mean first. At mean < 30 the starting probability e^(−mean) (Poisson) or
 * (1 − p)^n ≥ e^(−1.39·mean) (binomial with p ≤ ½, since −ln(1 − p) ≤ 2·ln 2·p there)
 * stays above 1e-19, far from underflow, and the walk stays short.
 */
const INVERSION_MAX_MEAN = 30;

/** A uniform in (0, 1] (for logarithms and powers that must not see 0). */
function openUniform(u: UniformSource): number {
  return 1 - u();
}

/** Standard normal deviate, Marsaglia polar method (the second deviate of the pair is dropped, keeping no state). @internal */
export function normalDeviate(u: UniformSource): number {
  for (;;) {
    const a = 2 * u() - 1;
    const b = 2 * u() - 1;
    const r2 = a * a + b * b;
    if (r2 < 1 && r2 > 0) return a * Math.sqrt((-2 * Math.log(r2)) / r2);
  }
}

/**
 * Gamma(shape, 1) deviate for shape > 0: Marsaglia–Tsang squeeze-and-reject for shape ≥ 1;
 * for shape < 1, Gamma(shape + 1)·U^(1/shape) (their §6).
 * @internal
 */
export function gammaDeviate(shape: number, u: UniformSource): number {
  if (shape < 1) return gammaDeviate(shape + 1, u) * openUniform(u) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalDeviate(u);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const w = openUniform(u);
    const x2 = x * x;
    // 0.0331: the squeeze constant of Marsaglia & Tsang (accepts ~98 % of draws without a logarithm).
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(w) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Poisson deviate by inversion, for 0 ≤ mean < {@link INVERSION_MAX_MEAN}. */
function poissonInversion(mean: number, u: UniformSource): number {
  let f = Math.exp(-mean);
  let w = u();
  let x = 0;
  // f > 0 guards against a round-off remainder of w that the (underflowing) tail cannot absorb.
  while (w >= f && f > 0) {
    w -= f;
    x += 1;
    f *= mean / x;
  }
  return x;
}

/**
 * Poisson(mean) deviate, mean ≥ 0. Large means: with m = ⌊7·mean/8⌋ and X ~ Gamma(m) (the
 * m-th arrival time of a unit-rate Poisson process), the count in [0, mean] is
 * m + Poisson(mean − X) if X < mean, else Binomial(m − 1, mean/X) (the first m − 1 arrivals
 * are uniform on [0, X]). Exact; the mean shrinks geometrically.
 * @internal
 */
export function poissonDeviate(mean: number, u: UniformSource): number {
  let offset = 0;
  let lambda = mean;
  while (lambda >= INVERSION_MAX_MEAN) {
    const m = Math.floor((7 * lambda) / 8);
    const x = gammaDeviate(m, u);
    if (x >= lambda) return offset + binomialDeviate(m - 1, lambda / x, u);
    offset += m;
    lambda -= x;
  }
  return offset + poissonInversion(lambda, u);
}

/** Binomial(n, p) by inversion for n·min(p, 1 − p) < {@link INVERSION_MAX_MEAN}; p ∈ [0, 1]. */
function binomialInversion(n: number, p: number, u: UniformSource): number {
  if (p > 0.5) return n - binomialInversion(n, 1 - p, u);
  if (p === 0 || n === 0) return 0;
  const ratio = p / (1 - p);
  let f = Math.exp(n * Math.log1p(-p));
  let w = u();
  let x = 0;
  // x < n guards against a round-off remainder of w after the whole pmf has been walked.
  while (w >= f && x < n) {
    w -= f;
    f *= (ratio * (n - x)) / (x + 1);
    x += 1;
  }
  return x;
}

/**
 * Binomial(n, p) deviate, n a non-negative integer, p ∈ [0, 1]. Large means: the a-th
 * smallest of n uniforms, a = 1 + ⌊n/2⌋, is X ~ Beta(a, n + 1 − a); if X ≥ p the successes
 * are among the a − 1 smaller ones (uniform on [0, X]: Binomial(a − 1, p/X)), else the a
 * smaller ones all succeed and the n − a larger ones (uniform on [X, 1]) succeed with
 * probability (p − X)/(1 − X). Exact; n halves at each step.
 * @internal
 */
export function binomialDeviate(n: number, p: number, u: UniformSource): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  let offset = 0;
  let trials = n;
  let prob = p;
  while (trials * Math.min(prob, 1 - prob) >= INVERSION_MAX_MEAN) {
    const a = 1 + Math.floor(trials / 2);
    const b = trials + 1 - a;
    const ga = gammaDeviate(a, u);
    const x = ga / (ga + gammaDeviate(b, u));
    if (x >= prob) {
      trials = a - 1;
      prob /= x;
    } else {
      offset += a;
      trials = b - 1;
      prob = (prob - x) / (1 - x);
    }
  }
  return offset + binomialInversion(trials, prob, u);
}

/**
 * Total photons over `rows` independent rows, each geometric with mean `meanPerRow`
 * (P(L) = m^L/(1 + m)^(L+1)): negative binomial, drawn as Poisson(m·Gamma(rows)) (the
 * gamma–Poisson mixture). rows ≥ 1, meanPerRow ≥ 0.
 * @internal
 */
export function negativeBinomialDeviate(rows: number, meanPerRow: number, u: UniformSource): number {
  if (meanPerRow === 0) return 0;
  return poissonDeviate(meanPerRow * gammaDeviate(rows, u), u);
}

/**
 * Split `n` items over the outputs with probabilities `p` (non-negative, not all zero),
 * adding the counts into `out`: sequential conditional binomials, output b receiving
 * Binomial(remaining, p_b/tail_b) with tail_b = Σ_{b′ ≥ b} p_b′ (`tail`, precomputed by
 * {@link tailSums}). The effective probabilities are p/Σp. Expected cost O(outputs + n):
 * each inversion costs 1 + its mean, and the means add up to n; it stops early once
 * nothing remains.
 * @internal
 */
export function multinomialInto(n: number, p: ArrayLike<number>, tail: ArrayLike<number>, u: UniformSource, out: Float64Array): void {
  let remaining = n;
  for (let b = 0; b < p.length && remaining > 0; b += 1) {
    const pb = p[b] as number;
    if (pb === 0) continue;
    // tail[b] = fl(p_b + tail[b+1]) ≥ p_b in floating point, so the ratio is ≤ 1; it is exactly 1
    // at the last output with p_b > 0, which therefore takes whatever remains.
    const x = binomialDeviate(remaining, pb / (tail[b] as number), u);
    out[b] = (out[b] as number) + x;
    remaining -= x;
  }
}

/** Suffix sums tail_b = Σ_{b′ ≥ b} p_b′ (sums of non-negative terms: no cancellation), into `out`. @internal */
export function tailSums(p: ArrayLike<number>, out: Float64Array): Float64Array {
  let s = 0;
  for (let b = p.length - 1; b >= 0; b -= 1) {
    s += p[b] as number;
    out[b] = s;
  }
  return out;
}
