import type { Complex } from './complex.js';
import type { GaussianState } from './gaussianState.js';
import { amplitude } from './_internal/amplitude.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { stateOf } from './_internal/state.js';

/**
 * The displacement D(β) on one mode (shot-noise units): ⟨q⟩ += 2 Re β, ⟨p⟩ += 2 Im β;
 * the covariance is unchanged (and shared with the input state).
 *
 * @param state - input state
 * @param mode - the displaced mode
 * @param beta - β, a real number or { re, im }
 * @returns the new state
 * @throws TypeError / RangeError on an invalid state, mode or β
 * @example displace(vacuum(1), 0, { re: 1, im: -0.5 })  // returns coherentState({ re: 1, im: -0.5 })
 * @example displace(coherentState(1), 0, -1)           // returns vacuum(1)
 * @public
 */
export function displace(state: GaussianState, mode: number, beta: number | Complex): GaussianState {
  const s = checkState('state', state);
  const m = modeIndex('mode', mode, s.modes);
  const [re, im] = amplitude('beta', beta);
  const mean = Float64Array.from(s.mean);
  mean[2 * m] = (mean[2 * m] as number) + 2 * re;
  mean[2 * m + 1] = (mean[2 * m + 1] as number) + 2 * im;
  return stateOf(s.modes, mean, s.cov);
}
