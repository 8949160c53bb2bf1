import { integerAtLeast } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { identityCov, stateOf } from './_internal/state.js';

/**
 * The N-mode vacuum in shot-noise units: mean 0, covariance identity (docs/model.md#conventions).
 *
 * @param modes - N, an integer ≥ 1
 * @returns the vacuum state
 * @throws RangeError / TypeError when N is not an integer ≥ 1
 * @example vacuum(1)  // returns { modes: 1, mean: [0, 0], cov: [1, 0, 0, 1] }
 * @public
 */
export function vacuum(modes: number): GaussianState {
  const n = integerAtLeast('number of modes N', modes, 1);
  return stateOf(n, new Float64Array(2 * n), identityCov(n));
}
