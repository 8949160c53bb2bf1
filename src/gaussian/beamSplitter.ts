import { inClosed } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { applyOnModes } from './_internal/applyOnModes.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { InputRangeError } from '../inputError.js';

/**
 * A lossless beam splitter of power transmissivity τ between modes i and j (shot-noise
 * units), in the convention of proofs/data-leakage.md §1:
 *
 *   a_i → √τ·a_i + √(1 − τ)·a_j,   a_j → √(1 − τ)·a_i − √τ·a_j.
 *
 * So with a vacuum on j, mode i keeps the fraction τ of the power ("transmitted port") and
 * mode j gets the fraction 1 − τ with the same sign of amplitude ("reflected port").
 * (The matrix is real orthogonal and symmetric; it is the usual beam splitter followed by a
 * π phase on port j.)
 *
 * @param state - input state
 * @param i - first mode (transmitted port)
 * @param j - second mode (reflected port), ≠ i
 * @param transmissivity - τ in [0, 1]
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, mode or τ
 * @example beamSplitter(coherentState([2, 0]), 0, 1, 0.25)  // returns coherentState([1, √3])
 * @example beamSplitter(coherentState([2, 0]), 0, 1, 1)     // returns coherentState([2, 0]) (τ = 1: mode i untouched, the vacuum on j gets a π phase)
 * @public
 */
export function beamSplitter(state: GaussianState, i: number, j: number, transmissivity: number): GaussianState {
  const s = checkState('state', state);
  const a = modeIndex('mode i', i, s.modes);
  const b = modeIndex('mode j', j, s.modes);
  if (a === b) throw new InputRangeError(`mode j must differ from mode i; received i = j = ${a}`);
  const tau = inClosed('transmissivity τ', transmissivity, 0, 1);
  const t = Math.sqrt(tau);
  const r = Math.sqrt(1 - tau);
  const x = Float64Array.from([t, 0, r, 0, 0, t, 0, r, r, 0, -t, 0, 0, r, 0, -t]);
  return applyOnModes(s, x, [a, b]);
}
