import type { GaussianState } from './gaussianState.js';
import { keepModes } from './keepModes.js';
import { checkState, modeList } from './_internal/checks.js';
import { complementModes } from './_internal/state.js';

/**
 * Trace out the listed modes (shot-noise units); the remaining modes keep their order.
 * Same as {@link keepModes} on the complement.
 *
 * @param state - input state
 * @param traced - distinct modes to discard
 * @returns the reduced state
 * @throws TypeError / RangeError on an invalid state or mode list
 * @example partialTrace(twoModeSqueezedVacuum({ variance: 3 }), [0])  // returns thermalState(1)
 * @example partialTrace(vacuum(2), [])                                // returns vacuum(2)
 * @public
 */
export function partialTrace(state: GaussianState, traced: readonly number[]): GaussianState {
  const s = checkState('state', state);
  return keepModes(s, complementModes(s.modes, modeList('traced modes', traced, s.modes)));
}
