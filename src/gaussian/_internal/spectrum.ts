import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Lower Cholesky factor L (row-major, V = L Lᵀ) of a symmetric row-major d×d matrix, or
 * null when a pivot is not positive (V not positive definite) or not finite. Never clamps.
 * @internal
 */
export function choleskyLower(v: Float64Array, d: number): Float64Array | null {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j += 1) {
    let diag = v[j * d + j] as number;
    for (let k = 0; k < j; k += 1) diag -= (l[j * d + k] as number) ** 2;
    if (!(diag > 0 && diag < Infinity)) return null;
    const ljj = Math.sqrt(diag);
    l[j * d + j] = ljj;
    for (let i = j + 1; i < d; i += 1) {
      let s = v[i * d + j] as number;
      for (let k = 0; k < j; k += 1) s -= (l[i * d + k] as number) * (l[j * d + k] as number);
      l[i * d + j] = s / ljj;
    }
  }
  return l;
}

/** Smallest eigenvalue of a symmetric row-major d×d matrix (ml-matrix's symmetric EVD). @internal */
export function smallestEigenvalue(v: Float64Array, d: number): number {
  if (d === 0) return Infinity;
  const evd = new EigenvalueDecomposition(Matrix.from1DArray(d, d, v), { assumeSymmetric: true });
  return Math.min(...evd.realEigenvalues);
}

/** Symplectic spectrum of an N-mode covariance: ν_k ascending and ν_k − 1. @internal */
export interface Spectrum {
  readonly nu: number[];
  readonly excess: number[];
}

/**
 * Symplectic eigenvalues of a positive-definite 2N×2N covariance V (row-major, SNU),
 * or null when V is not positive definite.
 *
 * Route: V = L Lᵀ (Cholesky), K = Lᵀ Ω L. K is real antisymmetric and has the
 * eigenvalues of Ω V = (Ω L) Lᵀ (AB and BA share eigenvalues), which are ±iν_k; a real
 * antisymmetric matrix is normal, so its singular values are |±iν_k| = ν_k, each twice. They
 * are computed as the positive eigenvalues of the symmetric [[0, K], [Kᵀ, 0]] (ml-matrix's
 * symmetric EVD, backward stable), paired (largest two, next two, …) and each pair averaged.
 * Absolute error ≈ u·‖V‖·‖S‖² (S the Williamson symplectic); see symplecticEigenvalues.
 * Cost: O(N³) (Cholesky, the product, and a 4N×4N symmetric eigenproblem).
 * @internal
 */
export function symplecticSpectrumKernel(v: Float64Array, modes: number): Spectrum | null {
  const d = 2 * modes;
  if (modes === 0) return { nu: [], excess: [] };
  const l = choleskyLower(v, d);
  if (l === null) return null;
  // ΩL: row 2m is row 2m+1 of L, row 2m+1 is −(row 2m of L)  (Ω = ⊕ [[0, 1], [−1, 0]]).
  const k = new Float64Array(d * d);
  for (let i = 0; i < d; i += 1) {
    for (let j = 0; j < d; j += 1) {
      let s = 0;
      // K_ij = Σ_r L_ri (ΩL)_rj; L is lower triangular, so L_ri = 0 for r < i.
      for (let m = 0; m < modes; m += 1) {
        const r0 = 2 * m;
        const r1 = r0 + 1;
        s += (l[r0 * d + i] as number) * (l[r1 * d + j] as number) - (l[r1 * d + i] as number) * (l[r0 * d + j] as number);
      }
      k[i * d + j] = s;
    }
  }
  // Singular values of K as the non-negative eigenvalues of the symmetric [[0, K], [Kᵀ, 0]]
  // (eigenvalues ±σ_i): ml-matrix's symmetric EVD (tred2/tql2). Its SVD is not used: it returns
  // wrong values (0.889 instead of 1) when K has subnormal entries, which engine states can reach.
  const e = 2 * d;
  const embed = new Float64Array(e * e);
  for (let i = 0; i < d; i += 1) {
    for (let j = 0; j < d; j += 1) {
      const kij = k[i * d + j] as number;
      embed[i * e + d + j] = kij;
      embed[(d + j) * e + i] = kij;
    }
  }
  const evd = new EigenvalueDecomposition(Matrix.from1DArray(e, e, embed), { assumeSymmetric: true });
  const sigma = [...evd.realEigenvalues].sort((a, b) => b - a).slice(0, d);
  const nu: number[] = [];
  for (let m = 0; m < modes; m += 1) nu.push(((sigma[2 * m] as number) + (sigma[2 * m + 1] as number)) / 2);
  nu.reverse();
  return { nu, excess: nu.map((x) => x - 1) };
}
