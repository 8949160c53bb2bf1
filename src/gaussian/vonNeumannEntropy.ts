import { nonNegative } from '../_internal/validate.js';
import { thermalEntropy } from '../kernels/thermalEntropy.js';
import { DEFAULT_STATE_TOLERANCE, type GaussianState } from './gaussianState.js';
import { symplecticEigenvalues } from './symplecticEigenvalues.js';
import { defaultTolerance } from './_internal/tolerance.js';
import { InputRangeError } from '../inputError.js';

/** Options of {@link vonNeumannEntropy}. @public */
export interface EntropyOptions {
  /**
   * Round-off allowance (SNU): a computed ν_k − 1 in [−tolerance, 0) is the eigenvalue
   * route's round-off on a pure normal mode and counts as 0; anything below −tolerance
   * is an unphysical state and throws. @defaultValue max({@link DEFAULT_STATE_TOLERANCE}, 16·2^−53·max|V_ij|²)
   */
  readonly tolerance?: number | undefined;
}

/**
 * Von Neumann entropy S(ρ), in bits, of a Gaussian state (shot-noise units):
 * S = Σ_k g(ν_k) = Σ_k h((ν_k − 1)/2) over the symplectic eigenvalues (docs/model.md#conventions), with h
 * the cancellation-free {@link thermalEntropy} evaluated on ν_k − 1 from
 * {@link symplecticEigenvalues}. Absolute error: ν_k − 1 carries the round-off δ of the
 * eigenvalue route (≈ u·‖V‖ for near-thermal states, up to ≈ u·‖V‖² for strongly squeezed
 * ones), and g(1 + δ) ≈ δ/2·log2(2e/δ), so a pure mode contributes at most that:
 * below 1e-12 bits for δ ≤ 1e-14, 2e-11 bits for δ = 6e-13 (a TMSV with V = 101).
 *
 * @param state - the state
 * @param options - `tolerance` for round-off below ν = 1 @defaultValue max({@link DEFAULT_STATE_TOLERANCE}, 16·2^−53·max|V_ij|²)
 * @returns entropy in bits (≥ 0; 0 for pure states up to round-off)
 * @throws TypeError / RangeError on an invalid state, or when some ν_k − 1 < −tolerance
 * @example vonNeumannEntropy(thermalState(1))                     // returns ≈ 2 (= h(1); 1.9999999999999993)
 * @example vonNeumannEntropy(vacuum(3))                           // returns 0
 * @example vonNeumannEntropy(twoModeSqueezedVacuum({ variance: 3 })) // returns 0 (pure: computed ν − 1 ≈ −1e-15 counts as 0)
 * @public
 */
export function vonNeumannEntropy(state: GaussianState, options: EntropyOptions = {}): number {
  const explicit = options.tolerance === undefined ? undefined : nonNegative('tolerance', options.tolerance);
  const spectrum = symplecticEigenvalues(state);
  const tolerance = explicit ?? defaultTolerance(state.cov);
  const { excess, nu } = spectrum;
  let s = 0;
  excess.forEach((e, k) => {
    if (e < -tolerance) {
      throw new InputRangeError(`state is not physical: symplectic eigenvalue ν = ${nu[k]} is below 1 − tolerance (tolerance ${tolerance}); entropy is undefined`);
    }
    s += e > 0 ? thermalEntropy(e / 2) : 0;
  });
  return s;
}
