import { describeValue, nonNegative } from '../_internal/validate.js';
import { checkSymmetric, finiteVector, modesOfSquare } from './_internal/checks.js';
import { smallestEigenvalue, symplecticSpectrumKernel } from './_internal/spectrum.js';
import { symmetrizeInPlace } from './_internal/state.js';
import { defaultTolerance, STATE_TOLERANCE_FLOOR } from './_internal/tolerance.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/**
 * An N-mode Gaussian state in shot-noise units (vacuum covariance = identity), with
 * quadratures q = a + a†, p = −i(a − a†) ordered (q₁, p₁, q₂, p₂, …) and symplectic form
 * Ω = ⊕ [[0, 1], [−1, 0]] (docs/model.md#conventions). Modes are numbered 0 … N − 1 (the protocol's "mode 1" is 0).
 *
 * A plain immutable value: engine operations never write to a state's arrays and always
 * return a new state. Callers must not write to them either (typed arrays cannot be
 * frozen; treat `mean` and `cov` as read-only). Two states may share an array.
 * @public
 */
export interface GaussianState {
  /** Number of modes N (≥ 0). */
  readonly modes: number;
  /** First moments ⟨(q₁, p₁, …, q_N, p_N)⟩, length 2N (SNU: a coherent state |β⟩ has ⟨q⟩ = 2 Re β, ⟨p⟩ = 2 Im β). */
  readonly mean: Float64Array;
  /** Covariance V_ij = ½⟨{Δr_i, Δr_j}⟩, 2N×2N row-major (vacuum: identity). */
  readonly cov: Float64Array;
}

/**
 * Default physicality tolerance floor, absolute in SNU (for the symmetry of V and for
 * ν_min ≥ 1 − tolerance); the default actually used is max(1e-9, 16·u·m²) with
 * m = max|V_ij| and u = 2^−53, because the symplectic eigenvalues carry an absolute
 * round-off of about u·‖V‖·‖S‖² (S the Williamson symplectic): ≤ 5.3e-14 over 1000
 * random states with N ≤ 16 and m ≤ 60, but 3.5e-9 for a two-mode squeezed vacuum with
 * V = 1e4 (proofs/gaussian-engine.md §5). 1e-9 leaves four orders of margin for the
 * states of this toolkit (m ≲ 1e2) while any physical defect larger than 1e-9 SNU is
 * rejected.
 * @public
 */
export const DEFAULT_STATE_TOLERANCE = STATE_TOLERANCE_FLOOR;

/** Options of {@link gaussianState}. @public */
export interface GaussianStateOptions {
  /** Absolute tolerance (SNU) for symmetry and for ν_min ≥ 1 − tolerance. @defaultValue max({@link DEFAULT_STATE_TOLERANCE}, 16·2^−53·max|V_ij|²) */
  readonly tolerance?: number | undefined;
}

/**
 * A validated Gaussian state from a mean (length 2N) and a covariance (2N×2N row-major),
 * shot-noise units (vacuum = identity, ordering (q₁, p₁, …)). Checks that the covariance
 * is symmetric within `tolerance` (the stored copy is symmetrised exactly), positive
 * definite, and physical: V + iΩ ≥ 0, i.e. every symplectic eigenvalue ν_k ≥ 1 − tolerance.
 * The inputs are copied.
 *
 * @param input - `mean` and `cov` (arrays or typed arrays of finite numbers)
 * @param options - `tolerance` @defaultValue max({@link DEFAULT_STATE_TOLERANCE}, 16·2^−53·max|V_ij|²)
 * @returns the state
 * @throws TypeError when mean or cov is not an array of numbers
 * @throws RangeError when the sizes do not match, an entry is not finite, V is not symmetric,
 *   not positive definite, or its smallest symplectic eigenvalue is below 1 − tolerance
 *   (the message names that eigenvalue and the tolerance)
 * @example gaussianState({ mean: [2, 0], cov: [1, 0, 0, 1] })  // returns the coherent state |1⟩
 * @example gaussianState({ mean: [0, 0], cov: [0.5, 0, 0, 0.5] })
 *   // throws RangeError: … smallest symplectic eigenvalue 0.5000000000000001 is below 1 − tolerance (tolerance 1e-9) …
 * @example gaussianState({ mean: [0, 0], cov: [0.5, 0, 0, 2] })  // returns a squeezed vacuum (ν = 1)
 * @public
 */
export function gaussianState(input: { readonly mean: ArrayLike<number>; readonly cov: ArrayLike<number> }, options: GaussianStateOptions = {}): GaussianState {
  if (typeof input !== 'object' || input === null) throw new InputTypeError(`state input must be an object { mean, cov }; received ${describeValue(input)}`);
  const explicit = options.tolerance === undefined ? undefined : nonNegative('tolerance', options.tolerance);
  const cov = finiteVector('cov', input.cov);
  const tolerance = explicit ?? defaultTolerance(cov);
  const modes = modesOfSquare('cov', cov.length);
  const mean = finiteVector('mean', input.mean, 2 * modes);
  const d = 2 * modes;
  checkSymmetric('cov', cov, d, tolerance);
  symmetrizeInPlace(cov, d);
  const spectrum = symplecticSpectrumKernel(cov, modes);
  if (spectrum === null) {
    throw new InputRangeError(`cov must be positive definite (a physical covariance has V + iΩ ≥ 0, so V > 0); received a matrix with smallest eigenvalue ${smallestEigenvalue(cov, d)}`);
  }
  const nuMin = spectrum.nu[0];
  if (nuMin !== undefined && nuMin < 1 - tolerance) {
    throw new InputRangeError(`cov is not a physical covariance: its smallest symplectic eigenvalue ${nuMin} is below 1 − tolerance (tolerance ${tolerance}); V + iΩ ≥ 0 requires every ν_k ≥ 1 (SNU, vacuum = 1)`);
  }
  return { modes, mean, cov };
}
