import { nonNegative } from '../_internal/validate.js';
import { DEFAULT_STATE_TOLERANCE, gaussianState } from './gaussianState.js';
import { defaultTolerance } from './_internal/tolerance.js';
import { vonNeumannEntropy } from './vonNeumannEntropy.js';
import { checkSymmetric, finiteVector } from './_internal/checks.js';
import { smallestEigenvalue } from './_internal/spectrum.js';
import { stateOf } from './_internal/state.js';
import { InputRangeError } from '../inputError.js';

/** Options of {@link gaussianHolevo}. @public */
export interface HolevoOptions {
  /** Tolerance (SNU) for the physicality of V_c, the symmetry and positivity of V_m, and entropy round-off. @defaultValue max({@link DEFAULT_STATE_TOLERANCE}, 16·2^−53·max|V_ij|²), per matrix */
  readonly tolerance?: number | undefined;
}

/**
 * Holevo quantity χ, in bits, of the ensemble of displaced copies D(d)ρ_c D(d)† of one
 * Gaussian state ρ_c (covariance V_c, shot-noise units) with displacements d drawn from a
 * zero-mean Gaussian of covariance V_m (quadrature units, SNU):
 *
 *   χ = S(V_c + V_m) − S(V_c)
 *
 * (the average state is Gaussian with covariance V_c + V_m; every member has entropy
 * S(V_c)). Example: coherent states with modulation variance V_A = 2μ per quadrature are
 * V_c = I, V_m = 2μ·I, and χ = g(2μ + 1) = h(μ).
 *
 * @param conditionalCov - V_c, 4N² numbers (row-major), a physical covariance
 * @param modulationCov - V_m, 4N² numbers, symmetric positive semidefinite
 * @param options - `tolerance` @defaultValue max({@link DEFAULT_STATE_TOLERANCE}, 16·2^−53·max|V_ij|²), per matrix
 * @returns χ in bits (≥ 0 up to round-off)
 * @throws TypeError / RangeError when V_c is unphysical, V_m is not symmetric PSD, or the sizes differ
 * @example gaussianHolevo([1, 0, 0, 1], [2, 0, 0, 2])  // returns ≈ 2 (coherent states, μ = 1: h(1))
 * @example gaussianHolevo([3, 0, 0, 3], [0, 0, 0, 0])  // returns 0 (no modulation)
 * @public
 */
export function gaussianHolevo(conditionalCov: ArrayLike<number>, modulationCov: ArrayLike<number>, options: HolevoOptions = {}): number {
  const explicit = options.tolerance === undefined ? undefined : nonNegative('tolerance', options.tolerance);
  const vc = finiteVector('conditional covariance V_c', conditionalCov);
  const modes = Math.round(Math.sqrt(vc.length)) / 2;
  const conditional = gaussianState({ mean: new Float64Array(2 * modes), cov: vc }, { tolerance: explicit });
  const vm = finiteVector('modulation covariance V_m', modulationCov, vc.length);
  const d = 2 * modes;
  const tolerance = explicit ?? defaultTolerance(vm);
  checkSymmetric('modulation covariance V_m', vm, d, tolerance);
  const lowest = smallestEigenvalue(vm, d);
  if (lowest < -tolerance) throw new InputRangeError(`modulation covariance V_m must be positive semidefinite (smallest eigenvalue ≥ −${tolerance}); received smallest eigenvalue ${lowest}`);
  const average = new Float64Array(d * d);
  for (let i = 0; i < d * d; i += 1) average[i] = (conditional.cov[i] as number) + ((vm[i] as number) + (vm[(i % d) * d + Math.floor(i / d)] as number)) / 2;
  return vonNeumannEntropy(stateOf(modes, new Float64Array(d), average), { tolerance: explicit }) - vonNeumannEntropy(conditional, { tolerance: explicit });
}
