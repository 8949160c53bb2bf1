import { describeValue } from '../_internal/validate.js';
import type { ComplexMatrix } from './complex.js';
import type { GaussianState } from './gaussianState.js';
import { passiveSymplectic, type UnitaryOptions } from './passiveSymplectic.js';
import { applyOnModes } from './_internal/applyOnModes.js';
import { checkState, modeList } from './_internal/checks.js';
import { InputRangeError } from '../inputError.js';

/**
 * Apply a passive (photon-number preserving) unitary to k modes of a state, shot-noise
 * units: the mode operators transform as a_{m_i} → Σ_j U_ij a_{m_j} (m = the listed
 * modes), i.e. μ → S μ, V → S V Sᵀ with S = {@link passiveSymplectic}(U) on those modes.
 * The unitarity of U is checked. Cost: O(k²·N) (O(N³) for a dense U on all N modes; zero
 * entries of S are skipped, so a real U costs half a complex one).
 *
 * @param state - the input state (N modes)
 * @param unitary - U (k×k), real rows or { re, im }
 * @param modes - the k distinct modes it acts on, in the order of U's rows @defaultValue 0 … k − 1
 * @param options - `tolerance` of the unitarity check @defaultValue {@link DEFAULT_UNITARY_TOLERANCE}
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, matrix or mode list
 * @example passiveUnitary(coherentState([1, 0]), [[0, 1], [1, 0]])  // returns coherentState([0, 1]) (a swap)
 * @example passiveUnitary(vacuum(3), householderUnitary([1, 1, 1]))  // returns the vacuum (passive maps fix it)
 * @public
 */
export function passiveUnitary(state: GaussianState, unitary: readonly (readonly number[])[] | ComplexMatrix, modes?: readonly number[], options: UnitaryOptions = {}): GaussianState {
  const s = checkState('state', state);
  const symplectic = passiveSymplectic(unitary, options);
  const k = Math.round(Math.sqrt(symplectic.length)) / 2;
  const list = modes === undefined ? Array.from({ length: k }, (_, i) => i) : modeList('modes', modes, s.modes);
  if (list.length !== k) throw new InputRangeError(`modes must list ${k} modes (one per row of the ${k}×${k} unitary); received ${describeValue(modes)}`);
  if (modes === undefined && k > s.modes) throw new InputRangeError(`the unitary acts on ${k} modes but the state has ${s.modes}; received a ${k}×${k} unitary`);
  return applyOnModes(s, symplectic, list);
}
