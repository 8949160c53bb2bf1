import { atLeast } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { tensorProduct } from './tensorProduct.js';
import { vacuum } from './vacuum.js';
import { applyOnModes } from './_internal/applyOnModes.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { twoModeSqueezingMatrix } from './_internal/twoModeSqueezingMatrix.js';

/**
 * The unitary dilation of the phase-insensitive amplifier of gain G on one mode (shot-noise
 * units): a vacuum idler c is appended as the last mode (index N) and the pair is two-mode
 * squeezed with cosh r = √G, sinh r = √(G − 1):
 *
 *   a → √G·a + √(G − 1)·c†,   c → √(G − 1)·a† + √G·c.
 *
 * Tracing out the idler gives {@link amplifierChannel}; keeping it keeps everything the
 * amplifier's environment holds (the idler's mean is √(G − 1)·conj(β) for input |β⟩).
 *
 * @param state - input state (N modes)
 * @param mode - the amplified mode
 * @param gain - G ≥ 1 (finite)
 * @returns the new state with N + 1 modes (the idler last)
 * @throws TypeError / RangeError on an invalid state, mode or G
 * @example amplifierDilation(vacuum(1), 0, 1)  // returns vacuum(2) (G = 1: the idler stays vacuum)
 * @example amplifierDilation(vacuum(1), 0, 2)  // returns the TMSV with V = 3 (signal and idler)
 * @public
 */
export function amplifierDilation(state: GaussianState, mode: number, gain: number): GaussianState {
  const s = checkState('state', state);
  const m = modeIndex('mode', mode, s.modes);
  const g = atLeast('gain G', gain, 1);
  const widened = tensorProduct(s, vacuum(1));
  return applyOnModes(widened, twoModeSqueezingMatrix(Math.sqrt(g), Math.sqrt(g - 1)), [m, s.modes]);
}
