import type { GaussianState } from './gaussianState.js';
import { checkState } from './_internal/checks.js';
import { stateOf } from './_internal/state.js';
import { InputRangeError } from '../inputError.js';

/**
 * The product state ρ₁ ⊗ ρ₂ ⊗ … (shot-noise units): means concatenated, covariance
 * block-diagonal; the modes of the first state come first.
 *
 * @param states - one or more states
 * @returns the product state (N = Σ N_k modes)
 * @throws TypeError when an argument is not a GaussianState; RangeError when none is given
 * @example tensorProduct(vacuum(1), coherentState(1))  // returns mean [0, 0, 2, 0], cov identity (N = 2)
 * @public
 */
export function tensorProduct(...states: GaussianState[]): GaussianState {
  if (states.length === 0) throw new InputRangeError('tensorProduct needs at least one state; received none');
  const checked = states.map((s, i) => checkState(`states[${i}]`, s));
  const n = checked.reduce((sum, s) => sum + s.modes, 0);
  const d = 2 * n;
  const mean = new Float64Array(d);
  const cov = new Float64Array(d * d);
  let offset = 0;
  for (const s of checked) {
    const ds = 2 * s.modes;
    mean.set(s.mean, offset);
    for (let i = 0; i < ds; i += 1) cov.set(s.cov.subarray(i * ds, (i + 1) * ds), (offset + i) * d + offset);
    offset += ds;
  }
  return stateOf(n, mean, cov);
}
