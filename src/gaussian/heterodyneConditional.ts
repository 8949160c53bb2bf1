import { describeValue } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { conditionOnMode, heterodyneGain } from './_internal/conditioning.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/**
 * A heterodyne outcome in shot-noise units: the (q, p) pair = (2 Re β, 2 Im β) of the
 * coherent state |β⟩ the measurement projects on. For a mode with mean μ_B and covariance
 * V_B it is distributed as N(μ_B, V_B + I).
 * @public
 */
export interface HeterodyneOutcome {
  /** q outcome = 2 Re β (SNU). */
  readonly q: number;
  /** p outcome = 2 Im β (SNU). */
  readonly p: number;
}

/**
 * The state of the other modes after heterodyne detection (projection on coherent states
 * |β⟩⟨β|/π) of one mode with outcome r = (q, p) = 2(Re β, Im β) (shot-noise units):
 *
 *   V_A' = V_A − V_AB (V_B + I)⁻¹ V_BA,   μ_A' = μ_A + V_AB (V_B + I)⁻¹ (r − μ_B).
 *
 * The covariance does not depend on r. The remaining modes keep their order.
 *
 * @param state - input state (N ≥ 1 modes)
 * @param mode - the measured mode
 * @param outcome - { q, p }
 * @returns the conditional state of the other N − 1 modes
 * @throws TypeError / RangeError on an invalid state, mode or outcome
 * @example heterodyneConditional(twoModeSqueezedVacuum({ variance: 3 }), 0, { q: 0, p: 0 })
 *   // returns ≈ vacuum(1) (to 1e-15: heterodyne of one EPR arm leaves the other in a coherent state)
 * @example heterodyneConditional(twoModeSqueezedVacuum({ variance: 3 }), 0, { q: 2, p: 2 })
 *   // returns coherentState({ re: 1/√2, im: −1/√2 }) (mean c/(V+1)·(q, −p), c/(V+1) = 1/√2)
 * @public
 */
export function heterodyneConditional(state: GaussianState, mode: number, outcome: HeterodyneOutcome): GaussianState {
  const s = checkState('state', state);
  const m = modeIndex('mode', mode, s.modes);
  const o = outcome as Partial<HeterodyneOutcome> | null;
  if (typeof o !== 'object' || o === null || typeof o.q !== 'number' || typeof o.p !== 'number') {
    throw new InputTypeError(`heterodyne outcome must be { q, p } of finite numbers; received ${describeValue(outcome)}`);
  }
  if (!(Number.isFinite(o.q) && Number.isFinite(o.p))) throw new InputRangeError(`heterodyne outcome must be { q, p } of finite numbers; received ${describeValue(outcome)}`);
  return conditionOnMode(s, m, heterodyneGain(s, m), [o.q, o.p]);
}

