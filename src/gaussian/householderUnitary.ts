import { finiteVector } from './_internal/checks.js';
import { InputRangeError } from '../inputError.js';

/**
 * A real orthogonal N×N matrix U(x̂) whose first row is x̂ = x/‖x‖ (docs/model.md#inner-product): as a
 * passive unitary (a_i → Σ_j U_ij a_j) it puts x̂·(amplitudes) into mode 0. Built as a
 * Householder reflection with the stable sign choice: s = sign(x̂₁) (+1 for x̂₁ = 0),
 * v = x̂ + s·e₁, H = I − v vᵀ/(1 + |x̂₁|) (vᵀv = 2(1 + |x̂₁|) ≥ 2, so x̂ = ±e₁ divides by
 * nothing small), and U = diag(−s, 1, …, 1)·H. Row 0 of U is exactly x̂; row i ≥ 1 is
 * e_iᵀ − x̂_i vᵀ/(1 + |x̂₁|). U is symmetric up to the sign of row 0, and U⁻¹ = Uᵀ.
 * Cost O(N²) (784² entries for N = 784).
 *
 * @param x - the client vector (need not be normalised; not all zero; finite)
 * @returns U as N rows of N numbers
 * @throws TypeError / RangeError when x is empty, not finite or all zero
 * @example householderUnitary([1, 0])  // returns [[1, 0], [0, 1]] (x̂ = e₁)
 * @example householderUnitary([-2, 0]) // returns [[−1, 0], [0, 1]] (x̂ = −e₁)
 * @example householderUnitary([3, 4])  // returns ≈ [[0.6, 0.8], [−0.8, 0.6]] (row 0 is x/‖x‖ as computed: 0.6000000000000001)
 * @public
 */
export function householderUnitary(x: ArrayLike<number>): number[][] {
  const v = finiteVector('x', x);
  const n = v.length;
  if (n === 0) throw new InputRangeError('x must have at least one entry; received []');
  // ‖x‖ with the largest |x_j| factored out (no overflow or underflow of the squares).
  let big = 0;
  for (let j = 0; j < n; j += 1) big = Math.max(big, Math.abs(v[j] as number));
  if (big === 0) throw new InputRangeError(`x must not be all zero (x̂ = x/‖x‖ is undefined); received ${n} zeros`);
  let norm2 = 0;
  for (let j = 0; j < n; j += 1) norm2 += ((v[j] as number) / big) ** 2;
  const xhat = new Float64Array(n);
  const scale = 1 / (big * Math.sqrt(norm2));
  for (let j = 0; j < n; j += 1) xhat[j] = (v[j] as number) * scale;
  const x1 = xhat[0] as number;
  const s = x1 >= 0 ? 1 : -1;
  const denom = 1 + Math.abs(x1);
  const w = Float64Array.from(xhat);
  w[0] = x1 + s; // = s·(1 + |x̂₁|), no cancellation
  const u: number[][] = [Array.from(xhat)];
  for (let i = 1; i < n; i += 1) {
    const f = (xhat[i] as number) / denom;
    const row = new Array<number>(n);
    for (let j = 0; j < n; j += 1) row[j] = (i === j ? 1 : 0) - f * (w[j] as number);
    u.push(row);
  }
  return u;
}
