import { describeValue, nonNegative } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { stateOf } from './_internal/state.js';
import { InputRangeError } from '../inputError.js';

/**
 * The product thermal state with mean photon numbers n̄_k in shot-noise units: mean 0,
 * Var q = Var p = 2n̄_k + 1, no correlations (symplectic eigenvalue ν_k = 2n̄_k + 1).
 *
 * @param meanPhotons - n̄ ≥ 0 for one mode, or a non-empty list for several
 * @returns the thermal state
 * @throws RangeError / TypeError when an n̄ is negative or not a finite number
 * @example thermalState(0)    // returns the one-mode vacuum (cov identity)
 * @example thermalState(1.5)  // returns cov [4, 0, 0, 4]
 * @public
 */
export function thermalState(meanPhotons: number | readonly number[]): GaussianState {
  const list: readonly unknown[] = Array.isArray(meanPhotons) ? meanPhotons : [meanPhotons];
  if (list.length === 0) throw new InputRangeError(`meanPhotons must list at least one mode; received ${describeValue(meanPhotons)}`);
  const n = list.length;
  const d = 2 * n;
  const cov = new Float64Array(d * d);
  list.forEach((v, k) => {
    const variance = 2 * nonNegative(`mean photon number n̄[${k}]`, v) + 1;
    cov[2 * k * d + 2 * k] = variance;
    cov[(2 * k + 1) * d + 2 * k + 1] = variance;
  });
  return stateOf(n, new Float64Array(d), cov);
}
