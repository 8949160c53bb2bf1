import { inClosed } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { MAX_TMSV_SQUEEZING } from './twoModeSqueezedVacuum.js';
import { applyOnModes } from './_internal/applyOnModes.js';
import { twoModeSqueezingMatrix } from './_internal/twoModeSqueezingMatrix.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { InputRangeError } from '../inputError.js';

/**
 * The two-mode squeezing unitary with parameter r on modes i and j (shot-noise units):
 * a_i → cosh r·a_i + sinh r·a_j†, a_j → sinh r·a_i† + cosh r·a_j, i.e. the symplectic
 * [[c·I, s·Z], [s·Z, c·I]] with c = cosh r, s = sinh r, Z = diag(1, −1). On two vacua it
 * gives {@link twoModeSqueezedVacuum}({ squeezing: r }).
 *
 * @param state - input state
 * @param i - first mode
 * @param j - second mode, ≠ i
 * @param squeezing - r with |r| ≤ {@link MAX_TMSV_SQUEEZING}
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, mode or r
 * @example twoModeSqueeze(vacuum(2), 0, 1, 0)  // returns vacuum(2)
 * @example twoModeSqueeze(vacuum(2), 0, 1, Math.asinh(1))  // returns the TMSV with V = 3
 * @public
 */
export function twoModeSqueeze(state: GaussianState, i: number, j: number, squeezing: number): GaussianState {
  const s = checkState('state', state);
  const a = modeIndex('mode i', i, s.modes);
  const b = modeIndex('mode j', j, s.modes);
  if (a === b) throw new InputRangeError(`mode j must differ from mode i; received i = j = ${a}`);
  const r = inClosed('squeezing parameter r', squeezing, -MAX_TMSV_SQUEEZING, MAX_TMSV_SQUEEZING);
  return applyOnModes(s, twoModeSqueezingMatrix(Math.cosh(r), Math.sinh(r)), [a, b]);
}

