import { atLeast } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { checkState, oneOrMoreModes } from './_internal/checks.js';
import { diagonalOnModes } from './_internal/diagonalOnModes.js';

/**
 * Phase-insensitive amplifier channel of gain G ≥ 1 on one mode (shot-noise units):
 * μ → √G·μ and V → X V Xᵀ + (G − 1)·I with X = √G on that mode (its block becomes
 * G·V + (G − 1)·I). A thermal input n̄ leaves with G·n̄ + (G − 1) photons. This is the
 * mode's reduced map under {@link amplifierDilation} with the idler traced out.
 *
 * @param state - input state
 * @param mode - the amplified mode, or a list of distinct modes (each amplified by G)
 * @param gain - G ≥ 1 (finite)
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, mode or G
 * @example amplifierChannel(vacuum(1), 0, 2)      // returns thermalState(1) (n̄ = G − 1)
 * @example amplifierChannel(coherentState(1), 0, 1) // returns coherentState(1) (G = 1: no change)
 * @public
 */
export function amplifierChannel(state: GaussianState, mode: number | readonly number[], gain: number): GaussianState {
  const s = checkState('state', state);
  const m = oneOrMoreModes('mode', mode, s.modes);
  const g = atLeast('gain G', gain, 1);
  const a = Math.sqrt(g);
  const y = g - 1;
  return diagonalOnModes(s, m, a, y);
}
