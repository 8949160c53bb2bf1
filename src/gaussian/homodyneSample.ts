import { oneOf } from '../_internal/validate.js';
import type { GaussianState } from './gaussianState.js';
import { homodyneConditional, QUADRATURES, type Quadrature } from './homodyneConditional.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { normalSource } from './_internal/normalSource.js';

/** Result of {@link homodyneSample}. @public */
export interface HomodyneSample {
  /** The outcome x₀ (SNU), drawn from N(mean, variance). */
  readonly outcome: number;
  /** Mean μ_x of the outcome distribution (SNU). */
  readonly mean: number;
  /** Variance V_xx of the outcome distribution (SNU; vacuum 1). */
  readonly variance: number;
  /** The conditional state of the other modes ({@link homodyneConditional}). */
  readonly state: GaussianState;
}

/**
 * Draw one homodyne outcome of quadrature q or p of one mode, x₀ ~ N(μ_x, V_xx) (shot-noise
 * units), and return it with the conditional state of the other modes.
 * Reproducible: the same seed gives the same outcome on every machine (xoroshiro128+ via
 * `normalSampler`); pass a sampler function instead to draw a sequence.
 *
 * @param state - input state (N ≥ 1 modes)
 * @param mode - the measured mode
 * @param quadrature - 'q' or 'p'
 * @param source - a seed (integer in [−2^31, 2^31)) or a function returning N(0, 1) deviates
 * @returns { outcome, mean, variance, state }
 * @throws TypeError / RangeError on invalid arguments
 * @example homodyneSample(coherentState(1), 0, 'q', 7).mean      // returns 2
 * @example homodyneSample(coherentState(1), 0, 'q', () => 0).outcome  // returns 2 (zero deviate)
 * @public
 */
export function homodyneSample(state: GaussianState, mode: number, quadrature: Quadrature, source: number | (() => number)): HomodyneSample {
  const s = checkState('state', state);
  const m = modeIndex('mode', mode, s.modes);
  const quad = oneOf('quadrature', quadrature, QUADRATURES);
  const next = normalSource(source);
  const x = 2 * m + (quad === 'p' ? 1 : 0);
  const mean = s.mean[x] as number;
  const variance = s.cov[x * 2 * s.modes + x] as number;
  const outcome = mean + Math.sqrt(variance) * next();
  return { outcome, mean, variance, state: homodyneConditional(s, m, quad, outcome) };
}

