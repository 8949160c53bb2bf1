import { nonNegative } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { checkState, oneOrMoreModes } from './_internal/checks.js';
import { diagonalOnModes } from './_internal/diagonalOnModes.js';

/**
 * Add classical Gaussian noise of variance ε (SNU) to both quadratures of one mode (or of each of several)
 * (a random displacement with covariance ε·I, i.e. a thermal/classical-noise channel):
 * V → V + ε·I on that mode's block, mean unchanged. ε is in the output-referred units of
 * docs/model.md#conventions when applied after the loss.
 *
 * @param state - input state
 * @param mode - the noisy mode, or a list of distinct modes (each gets ε)
 * @param noise - ε ≥ 0 (SNU)
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, mode or ε
 * @example addNoise(vacuum(1), 0, 2)  // returns thermalState(1) (Var = 3)
 * @example addNoise(vacuum(1), 0, 0)  // returns vacuum(1)
 * @public
 */
export function addNoise(state: GaussianState, mode: number | readonly number[], noise: number): GaussianState {
  const s = checkState('state', state);
  const m = oneOrMoreModes('mode', mode, s.modes);
  const e = nonNegative('added noise ε (SNU)', noise);
  return diagonalOnModes(s, m, 1, e);
}
