/**
 * The law of one row's photon count as the server registers it (proofs/row-total-test.md §2–§4):
 * independent thermal modes with a_i detected photons each (a group of n_i equal modes is a
 * negative binomial with shape n_i), plus a Poisson part of mean ν (dark counts, and coherent
 * residuals taken as independent of the thermal modes). Its moments, its vacuum probability and
 * the cumulant generating functions of the two statistics of the row-total test, each formed
 * without cancellation where the photon numbers are small. Kernels: no validation.
 * @internal
 */

/** A group of n equal independent thermal modes with a detected photons each. @internal */
export interface DetectedModes {
  readonly a: number;
  readonly n: number;
}

/** One row's count law: thermal groups and the Poisson mean ν (detected counts per row). @internal */
export interface RowCountLaw {
  readonly groups: readonly DetectedModes[];
  readonly poisson: number;
}

/** The moments of a row's count L that the test uses (detected counts per row). @internal */
export interface RowCountMoments {
  /** Λ = E[L] = Σ n·a + ν. */
  readonly mean: number;
  /** κ₂ = E[L(L − 1)] − Λ² = Σ n·a² (the second factorial cumulant; 0 for a Poisson law). */
  readonly pairExcess: number;
  /** Var L = Λ + κ₂. */
  readonly variance: number;
  /** u = −ln P(L = 0) = Σ n·ln(1 + a) + ν. */
  readonly vacuumExponent: number;
  /** P(L = 0) = e^(−u). */
  readonly vacuum: number;
  /** P(L ≥ 1) = 1 − e^(−u), from expm1. */
  readonly nonVacuum: number;
  /**
   * Var(1{L ≥ 1}) − Cov(1{L ≥ 1}, L)²/Var L: what is left of the non-empty indicator's variance
   * after regressing it on L. ≥ 0 (Cauchy–Schwarz); 0 only for a law without photons.
   */
  readonly residual: number;
  /** The regression coefficient Cov(1{L ≥ 1}, L)/Var L = Λ·P(L = 0)/Var L (0 without photons). */
  readonly slope: number;
}

/** x − ln(1 + x) ≥ 0 for x ≥ 0, without cancellation (series below 0.1: terms fall by 10 each, 17 of them reach 1e-17 relative). */
function logGap(x: number): number {
  if (x >= 0.1) return x - Math.log1p(x);
  let term = x * x;
  let sum = 0;
  for (let k = 2; k < 20; k += 1) {
    sum += (k % 2 === 0 ? term : -term) / k;
    term *= x;
  }
  return sum;
}

/** e^u − 1 − u ≥ 0, without cancellation (series below 0.1). */
function expGap(u: number): number {
  if (u >= 0.1) return Math.expm1(u) - u;
  let term = (u * u) / 2;
  let sum = 0;
  for (let k = 3; k < 22; k += 1) {
    sum += term;
    term *= u / k;
  }
  return sum;
}

/**
 * Moments of a row's count. The residual variance is formed as P0²·D/Var L with
 * D = (e^u − 1)·κ₂ + Λ·[(e^u − 1 − u) − Σ n·(a − ln(1 + a))] (every term ≥ 0 for a rank-one law,
 * where the bracket vanishes exactly), so that it keeps its digits when the row carries few
 * photons (it is ~a² there, a difference of two numbers ~a when written directly); for u > 1
 * (the vacuum below e^−1) the direct form P0·(1 − P0) − (Λ·P0)²/Var L has no cancellation and
 * does not overflow.
 * @internal
 */
export function rowCountMoments(law: RowCountLaw): RowCountMoments {
  let mean = law.poisson;
  let pairExcess = 0;
  let vacuumExponent = law.poisson;
  let gapSum = 0;
  for (const g of law.groups) {
    mean += g.n * g.a;
    pairExcess += g.n * g.a * g.a;
    vacuumExponent += g.n * Math.log1p(g.a);
    gapSum += g.n * logGap(g.a);
  }
  const variance = mean + pairExcess;
  const vacuum = Math.exp(-vacuumExponent);
  const nonVacuum = -Math.expm1(-vacuumExponent);
  if (mean === 0) return { mean, pairExcess, variance, vacuumExponent, vacuum, nonVacuum, residual: 0, slope: 0 };
  let residual: number;
  if (vacuumExponent <= 1) {
    const d = Math.expm1(vacuumExponent) * pairExcess + mean * (expGap(vacuumExponent) - gapSum);
    residual = (vacuum * vacuum * d) / variance;
  } else {
    const c = mean * vacuum;
    residual = vacuum * nonVacuum - (c / variance) * c;
  }
  return { mean, pairExcess, variance, vacuumExponent, vacuum, nonVacuum, residual, slope: (mean * vacuum) / variance };
}

/** ln(e^x + 1) without overflow. */
function softplus(x: number): number {
  return x > 35 ? x + Math.exp(-x) : Math.log1p(Math.exp(x));
}

/**
 * The cumulant generating function of L and its derivative, ψ(θ) = ln E[e^(θL)] =
 * −Σ n·ln(1 − a·(e^θ − 1)) + ν·(e^θ − 1), for 0 ≤ θ < ln(1 + 1/max a).
 * @internal
 */
export function countCgf(law: RowCountLaw, theta: number): { readonly value: number; readonly slope: number } {
  const e = Math.expm1(theta);
  let value = law.poisson * e;
  let slope = law.poisson;
  for (const g of law.groups) {
    value -= g.n * Math.log1p(-g.a * e);
    slope += (g.n * g.a) / (1 - g.a * e);
  }
  return { value, slope: slope * Math.exp(theta) };
}

/** Largest θ at which {@link countCgf} is finite: ln(1 + 1/max a) (∞ for a Poisson law). @internal */
export function countCgfLimit(law: RowCountLaw): number {
  const top = law.groups.reduce((m, g) => (g.n > 0 ? Math.max(m, g.a) : m), 0);
  return top > 0 ? Math.log1p(1 / top) : Infinity;
}

/**
 * The Cramér–Chernoff threshold of the count's upper tail: a t with P(L̄ ≥ t) ≤ e^(−m·I) ≤
 * e^(−m·rate) for the mean L̄ of m independent rows, where I = θ·ψ'(θ) − ψ(θ) ≥ rate and
 * t = ψ'(θ) (the Legendre transform at the tangent point; I grows from 0 at θ = 0 to ∞ at the
 * edge of ψ's domain). Bisection on θ, always keeping an upper end at which I ≥ rate was
 * evaluated, so that the returned t satisfies the bound as computed (not only in the limit).
 * Needs a law with photons and rate > 0.
 * @internal
 */
export function chernoffUpperThreshold(law: RowCountLaw, rate: number): number {
  const limit = countCgfLimit(law);
  const rateAt = (theta: number) => {
    const c = countCgf(law, theta);
    return { rate: theta * c.slope - c.value, slope: c.slope };
  };
  let lo = 0;
  let hi = Number.isFinite(limit) ? limit / 2 : 1;
  let at = rateAt(hi);
  // Find an upper end: towards the domain's edge (finite) or by doubling (a Poisson law).
  while (!(at.rate >= rate)) {
    lo = hi;
    hi = Number.isFinite(limit) ? (hi + limit) / 2 : 2 * hi;
    if (hi === lo) return Infinity; // the edge cannot be approached further in double precision: no finite threshold
    at = rateAt(hi);
  }
  // 200 halvings reach the spacing of doubles from any starting interval.
  for (let i = 0; i < 200 && hi - lo > 2 ** -52 * hi; i += 1) {
    const mid = lo + (hi - lo) / 2;
    const r = rateAt(mid);
    if (r.rate >= rate) {
      hi = mid;
      at = r;
    } else lo = mid;
  }
  return at.slope;
}
