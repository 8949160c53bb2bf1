import { describeValue, oneOf } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { conditionOnMode } from './_internal/conditioning.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** The quadrature a homodyne detector measures: q = a + a† or p = −i(a − a†). @public */
export type Quadrature = 'q' | 'p';
/** The two quadratures, for validation and iteration. @public */
export const QUADRATURES: readonly Quadrature[] = ['q', 'p'];

/**
 * The state of the other modes after homodyne detection of quadrature x (q or p) of one
 * mode with outcome x₀ (shot-noise units; the outcome is distributed as N(μ_x, V_xx)).
 * Standard pseudo-inverse form with the projector Π onto x:
 *
 *   V_A' = V_A − V_AB (Π V_B Π)^MP V_BA = V_A − c cᵀ / V_xx,
 *   μ_A' = μ_A + c·(x₀ − μ_x)/V_xx,     c = V_A,x (the column of V_AB for x).
 *
 * The covariance does not depend on x₀. The remaining modes keep their order.
 *
 * @param state - input state (N ≥ 1 modes)
 * @param mode - the measured mode
 * @param quadrature - 'q' or 'p'
 * @param outcome - the measured value x₀ (SNU)
 * @returns the conditional state of the other N − 1 modes
 * @throws TypeError / RangeError on an invalid state, mode, quadrature or outcome
 * @example homodyneConditional(twoModeSqueezedVacuum({ variance: 3 }), 1, 'q', 0)
 *   // returns one mode with Var q = 1/3, Var p = 3 (q squeezed by the measurement)
 * @example homodyneConditional(vacuum(2), 0, 'p', 5)  // returns vacuum(1) (no correlations)
 * @public
 */
export function homodyneConditional(state: GaussianState, mode: number, quadrature: Quadrature, outcome: number): GaussianState {
  const s = checkState('state', state);
  const m = modeIndex('mode', mode, s.modes);
  const quad = oneOf('quadrature', quadrature, QUADRATURES);
  if (typeof outcome !== 'number') throw new InputTypeError(`homodyne outcome must be a finite number; received ${describeValue(outcome)}`);
  if (!Number.isFinite(outcome)) throw new InputRangeError(`homodyne outcome must be a finite number; received ${describeValue(outcome)}`);
  const x = 2 * m + (quad === 'q' ? 0 : 1);
  const vxx = s.cov[x * 2 * s.modes + x] as number;
  const p = quad === 'q' ? Float64Array.from([1 / vxx, 0, 0, 0]) : Float64Array.from([0, 0, 0, 1 / vxx]);
  const r: [number, number] = quad === 'q' ? [outcome, s.mean[x + 1] as number] : [s.mean[x - 1] as number, outcome];
  return conditionOnMode(s, m, p, r);
}
