import { DEFAULT_STATE_TOLERANCE, type GaussianState } from './gaussianState.js';
import { checkState, checkSymmetric, finiteVector } from './_internal/checks.js';
import { choleskySolve } from './_internal/choleskySolve.js';
import { choleskyLower, symplecticSpectrumKernel } from './_internal/spectrum.js';
import { InputRangeError } from '../inputError.js';

/**
 * Smallest ν_min − 1 (SNU) for which the covariance term is evaluated. The linear system
 * V⊗V − Ω⊗Ω has eigenvalues ν_jν_k ± 1 in Williamson's frame, the smallest ≈ 2(ν_min − 1);
 * below 1e-8 its condition number passes ~1e8·‖V‖² and F keeps fewer than half its digits,
 * and at ν_min = 1 (a pure normal mode) the system is singular and the formula does not apply.
 * @public
 */
export const QFI_MIN_EXCESS = 1e-8;

/**
 * Quantum Fisher information (per unit of the parameter θ, dimensionless) of a Gaussian
 * state ρ_θ with covariance V and mean μ in shot-noise units, given their derivatives
 * dV = ∂V/∂θ and dμ = ∂μ/∂θ at θ:
 *
 *   F = ½·vec(dV)ᵀ (V⊗V − Ω⊗Ω)⁻¹ vec(dV) + dμᵀ V⁻¹ dμ
 *
 * (Monras 2013, Šafránek et al. 2015, rewritten for vacuum = I; convention checks: a thermal
 * mode with parameter n̄ gives 1/(n̄(n̄ + 1)), a coherent state displaced along q by 2β gives
 * 4 per unit β; proofs/gaussian-engine.md §4).
 *
 * Valid when V⊗V − Ω⊗Ω is invertible, i.e. no symplectic eigenvalue equals 1. When dV = 0
 * only the mean term is needed and any state is accepted (pure ones included); otherwise a
 * state with ν_min − 1 < {@link QFI_MIN_EXCESS} is rejected with a RangeError (for a pure
 * state whose dV keeps it pure, evaluate at V·(1 + δ) for a few small δ and extrapolate,
 * the regularised limit of Šafránek 2017; when dV changes the purity, F diverges).
 * Cost: a Cholesky solve of a 4N²×4N² system, O(N⁶): fine up to N ≈ 12.
 *
 * @param state - the state at θ (N modes)
 * @param dMean - dμ, 2N numbers
 * @param dCov - dV, 4N² numbers (row-major, symmetric within {@link DEFAULT_STATE_TOLERANCE})
 * @returns F (≥ 0)
 * @throws TypeError / RangeError on invalid input or a near-pure state with dV ≠ 0
 * @example quantumFisherInformation(thermalState(1), [0, 0], [2, 0, 0, 2])  // returns 0.5 (= 1/(n̄(n̄ + 1)), n̄ = 1)
 * @example quantumFisherInformation(vacuum(1), [2, 0], [0, 0, 0, 0])        // returns 4 (coherent state, θ = β)
 * @example quantumFisherInformation(vacuum(1), [0, 0], [2, 0, 0, 2])        // throws RangeError (ν = 1: pure mode)
 * @public
 */
export function quantumFisherInformation(state: GaussianState, dMean: ArrayLike<number>, dCov: ArrayLike<number>): number {
  const s = checkState('state', state);
  const n = s.modes;
  const d = 2 * n;
  const dm = finiteVector('dMean', dMean, d);
  const dv = finiteVector('dCov', dCov, d * d);
  checkSymmetric('dCov', dv, d, DEFAULT_STATE_TOLERANCE);
  const l = choleskyLower(s.cov, d);
  if (l === null) throw new InputRangeError('state covariance must be positive definite; received one that is not');
  const meanTerm = dm.some((x) => x !== 0) ? dot(dm, choleskySolve(l, d, dm)) : 0;
  if (!dv.some((x) => x !== 0)) return meanTerm;
  const spectrum = symplecticSpectrumKernel(s.cov, n);
  const lowest = spectrum?.excess[0] ?? 0;
  if (!(lowest >= QFI_MIN_EXCESS)) {
    throw new InputRangeError(`quantumFisherInformation: V⊗V − Ω⊗Ω is singular or nearly so (smallest symplectic eigenvalue has ν − 1 = ${lowest}, need ν − 1 ≥ ${QFI_MIN_EXCESS}); the covariance term does not apply to a state with a pure normal mode`);
  }
  // M = V⊗V − Ω⊗Ω on row-major vec: M[(a,b),(c,e)] = V_ac V_be − Ω_ac Ω_be.
  const big = d * d;
  const m = new Float64Array(big * big);
  for (let a = 0; a < d; a += 1) {
    for (let b = 0; b < d; b += 1) {
      const row = (a * d + b) * big;
      for (let c = 0; c < d; c += 1) {
        const vac = s.cov[a * d + c] as number;
        const oac = omega(a, c);
        for (let e = 0; e < d; e += 1) m[row + c * d + e] = vac * (s.cov[b * d + e] as number) - (oac === 0 ? 0 : oac * omega(b, e));
      }
    }
  }
  const lm = choleskyLower(m, big);
  if (lm === null) throw new InputRangeError(`quantumFisherInformation: V⊗V − Ω⊗Ω is not numerically positive definite (smallest symplectic eigenvalue has ν − 1 = ${lowest})`);
  return 0.5 * dot(dv, choleskySolve(lm, big, dv)) + meanTerm;
}

/** Ω_ij for Ω = ⊕ [[0, 1], [−1, 0]]. */
function omega(i: number, j: number): number {
  if (i >> 1 !== j >> 1) return 0;
  if (i === j) return 0;
  return i < j ? 1 : -1;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += (a[i] as number) * (b[i] as number);
  return s;
}
