import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import chiSquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';

/**
 * Distribution tails for the server's finite-size test (docs/model.md#verification), on stdlib's regularised
 * incomplete gamma function and its inverse. Upper tails are formed as 1 − CDF, so they are
 * accurate to about 1e-16 absolute (not relative: a tail below 1e-16 comes out as 0), and a
 * level α is passed to the quantile as 1 − α, which rounds α by up to 1.1e-16 absolute
 * (relative 1.1e-16/α). Kernels: no validation.
 * @internal
 */

/** P(χ²_dof > x). @internal */
export function chiSquareUpperTail(x: number, dof: number): number {
  return 1 - chiSquareCdf(x, dof);
}

/** The x with P(χ²_dof > x) = α. @internal */
export function chiSquareUpperQuantile(alpha: number, dof: number): number {
  return chiSquareQuantile(1 - alpha, dof);
}

/** The x with P(χ²_dof ≤ x) = α. @internal */
export function chiSquareLowerQuantile(alpha: number, dof: number): number {
  return chiSquareQuantile(alpha, dof);
}

/** Standard normal CDF Φ(w), from P(Z² ≤ w²) = P(χ²₁ ≤ w²): Φ(w) = ½·(1 ± P(χ²₁ ≤ w²)). @internal */
export function normalCdf(w: number): number {
  const c = chiSquareCdf(w * w, 1);
  return w < 0 ? 0.5 * (1 - c) : 0.5 * (1 + c);
}

/** The z ≥ 0 with P(Z > z) = α for α ∈ (0, ½]: P(|Z| > z) = 2α, so z² is the upper 2α point of χ²₁. @internal */
export function normalUpperQuantile(alpha: number): number {
  return Math.sqrt(chiSquareQuantile(1 - 2 * alpha, 1));
}
