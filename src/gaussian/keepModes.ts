import type { GaussianState } from './gaussianState.js';
import { checkState, modeList } from './_internal/checks.js';
import { principalBlock, quadratureIndices, stateOf } from './_internal/state.js';

/**
 * The reduced state of the listed modes, in the listed order (the partial trace over all
 * others): the corresponding entries of the mean and the principal block of the
 * covariance (shot-noise units).
 *
 * @param state - input state
 * @param modes - distinct modes to keep (may be empty: the 0-mode state)
 * @returns the reduced state
 * @throws TypeError / RangeError on an invalid state or mode list
 * @example keepModes(twoModeSqueezedVacuum({ variance: 3 }), [1])  // returns thermalState(1)
 * @example keepModes(coherentState([1, 2]), [1, 0])               // returns coherentState([2, 1])
 * @public
 */
export function keepModes(state: GaussianState, modes: readonly number[]): GaussianState {
  const s = checkState('state', state);
  const list = modeList('modes', modes, s.modes);
  const idx = quadratureIndices(list);
  const mean = Float64Array.from(idx, (i) => s.mean[i] as number);
  return stateOf(list.length, mean, principalBlock(s.cov, 2 * s.modes, idx));
}
