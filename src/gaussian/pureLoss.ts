import { inClosed } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { checkState, oneOrMoreModes } from './_internal/checks.js';
import { diagonalOnModes } from './_internal/diagonalOnModes.js';

/**
 * Pure-loss channel of power transmittance T on one mode (or on each of several) (shot-noise units): the mode is
 * mixed with a vacuum on a beam splitter and the other output discarded, so
 * μ → √T·μ and V → X V Xᵀ + (1 − T)·I with X = √T on that mode (its own block becomes
 * T·V + (1 − T)·I, its correlations with other modes scale by √T).
 *
 * @param state - input state
 * @param mode - the lossy mode, or a list of distinct modes (each gets its own loss T, in one pass)
 * @param transmittance - T in [0, 1] (power; loss in dB = −10·log10 T)
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, mode or T
 * @example pureLoss(coherentState(2), 0, 0.25)  // returns coherentState(1)
 * @example pureLoss(thermalState(1), 0, 1)      // returns thermalState(1) (T = 1: no change)
 * @example pureLoss(thermalState(1), 0, 0)      // returns the vacuum
 * @public
 */
export function pureLoss(state: GaussianState, mode: number | readonly number[], transmittance: number): GaussianState {
  const s = checkState('state', state);
  const m = oneOrMoreModes('mode', mode, s.modes);
  const t = inClosed('transmittance T', transmittance, 0, 1);
  const a = Math.sqrt(t);
  const l = 1 - t;
  return diagonalOnModes(s, m, a, l);
}
