import { describeValue } from '../_internal/validate.js';
import { DEFAULT_STATE_TOLERANCE, type GaussianState } from './gaussianState.js';
import { checkState, checkSymmetric, finiteVector, modesOfSquare } from './_internal/checks.js';
import { smallestEigenvalue, symplecticSpectrumKernel } from './_internal/spectrum.js';
import { InputRangeError } from '../inputError.js';

/** Symplectic spectrum of an N-mode covariance (shot-noise units). @public */
export interface SymplecticSpectrum {
  /** ν_k, ascending (≥ 1 for a physical state; vacuum 1). */
  readonly nu: readonly number[];
  /** ν_k − 1 (exact subtraction from ν_k; the mean photon number of the normal mode is excess/2). */
  readonly excess: readonly number[];
}

/**
 * The N symplectic eigenvalues ν_k of a positive-definite 2N×2N covariance V (shot-noise
 * units, ordering (q₁, p₁, …)): the moduli of the eigenvalues of iΩV, in Williamson's
 * form V = S diag(ν₁, ν₁, …) Sᵀ. Physical states have ν_k ≥ 1.
 *
 * Route: Cholesky V = L Lᵀ, then the singular values of the real antisymmetric matrix
 * K = Lᵀ Ω L, which are the ν_k, each twice (pairs averaged). Accuracy (absolute, for ν_k
 * and ν_k − 1 alike): about u·‖V‖·‖S‖² with S the Williamson symplectic (‖S‖² ≤ ‖V‖,
 * u = 2^−53), which is the conditioning of the problem itself, not of the method. Measured
 * (proofs/gaussian-engine.md §5): ≤ 5.3e-14, i.e. ≤ 3.5e-15·max|V_ij|, over 1000 random
 * states (N ≤ 16, max|V_ij| ≤ 60); for pure two-mode squeezed vacua 6e-13 at V = 101,
 * 8.5e-11 at V = 1001, 3.5e-9 at V = 1e4. The ν² route (eigenvalues of
 * V^{1/2} Ωᵀ V Ω V^{1/2}) adds an error ~u·ν_max² to every ν², which swamps the ν − 1 of a
 * near-pure mode next to a bright one; this route does not. Relative accuracy of ν_k − 1
 * is lost only when ν_k − 1 is itself near the floor above (an almost pure normal mode).
 * Cost O(N³) (a 4N×4N symmetric eigenproblem, ml-matrix; ml-matrix's SVD is avoided: it
 * returns wrong values on matrices with subnormal entries).
 *
 * @param covariance - a GaussianState, or V as 4N² numbers (row-major)
 * @returns { nu, excess }, ascending
 * @throws TypeError when the input is not a state or an array of numbers
 * @throws RangeError when V is not 2N×2N, not finite, not symmetric within
 *   {@link DEFAULT_STATE_TOLERANCE}, or not positive definite (names its smallest eigenvalue)
 * @example symplecticEigenvalues(thermalState([1, 0])).nu             // returns ≈ [1, 3] (to ~1e-15)
 * @example symplecticEigenvalues(twoModeSqueezedVacuum({ variance: 5 })).excess  // returns [≈ 0, ≈ 0] (|·| < 1e-14: pure)
 * @example symplecticEigenvalues([0.25, 0, 0, 1]).nu                  // returns ≈ [0.5] (not physical, but defined)
 * @public
 */
export function symplecticEigenvalues(covariance: GaussianState | ArrayLike<number>): SymplecticSpectrum {
  let cov: Float64Array;
  let modes: number;
  if (typeof covariance === 'object' && covariance !== null && 'cov' in covariance) {
    const s = checkState('state', covariance);
    cov = s.cov;
    modes = s.modes;
  } else {
    cov = finiteVector('covariance', covariance);
    modes = modesOfSquare('covariance', cov.length);
    checkSymmetric('covariance', cov, 2 * modes, DEFAULT_STATE_TOLERANCE);
  }
  const spectrum = symplecticSpectrumKernel(cov, modes);
  if (spectrum === null) {
    throw new InputRangeError(`covariance must be positive definite for symplectic eigenvalues; received a matrix with smallest eigenvalue ${describeValue(smallestEigenvalue(cov, 2 * modes))}`);
  }
  return spectrum;
}
