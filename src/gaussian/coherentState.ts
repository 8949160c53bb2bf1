import { describeValue } from '../_internal/validate.js';
import type { Complex } from './complex.js';
import type { GaussianState } from './gaussianState.js';
import { amplitude } from './_internal/amplitude.js';
import { identityCov, stateOf } from './_internal/state.js';
import { InputRangeError } from '../inputError.js';

/**
 * The product coherent state |β₁⟩ ⊗ … ⊗ |β_N⟩ in shot-noise units: ⟨q_k⟩ = 2 Re β_k,
 * ⟨p_k⟩ = 2 Im β_k, covariance identity (mean photon number |β_k|² per mode).
 *
 * @param amplitudes - the β_k, each a real number or { re, im }; a single amplitude gives one mode
 * @returns the N-mode coherent state
 * @throws TypeError / RangeError when an amplitude is not finite, or the list is empty
 * @example coherentState(1)                       // returns mean [2, 0], cov identity
 * @example coherentState([{ re: 0, im: 0.5 }, 0]) // returns mean [0, 1, 0, 0] (N = 2)
 * @example coherentState(0)                       // returns the one-mode vacuum
 * @public
 */
export function coherentState(amplitudes: number | Complex | readonly (number | Complex)[]): GaussianState {
  const list: readonly unknown[] = Array.isArray(amplitudes) ? amplitudes : [amplitudes];
  if (list.length === 0) throw new InputRangeError(`amplitudes must list at least one mode; received ${describeValue(amplitudes)}`);
  const mean = new Float64Array(2 * list.length);
  list.forEach((a, k) => {
    const [re, im] = amplitude(`amplitudes[${k}]`, a);
    mean[2 * k] = 2 * re;
    mean[2 * k + 1] = 2 * im;
  });
  return stateOf(list.length, mean, identityCov(list.length));
}
