import type { GaussianState } from './gaussianState.js';
import { heterodyneConditional, type HeterodyneOutcome } from './heterodyneConditional.js';
import { checkState, modeIndex } from './_internal/checks.js';
import { normalSource } from './_internal/normalSource.js';

/** Result of {@link heterodyneSample}. @public */
export interface HeterodyneSample {
  /** The outcome (q, p) = 2(Re β, Im β) (SNU), drawn from N(μ_B, V_B + I). */
  readonly outcome: HeterodyneOutcome;
  /** The conditional state of the other modes ({@link heterodyneConditional}). */
  readonly state: GaussianState;
}

/**
 * Draw one heterodyne outcome (q, p) ~ N(μ_B, V_B + I) of one mode (shot-noise units; the
 * pair is 2(Re β, Im β) of the coherent state projected on) and return it with the
 * conditional state of the other modes. Two deviates per draw (q first), through the
 * Cholesky factor of V_B + I. The same seed gives the same outcome on every machine.
 *
 * @param state - input state (N ≥ 1 modes)
 * @param mode - the measured mode
 * @param source - a seed (integer in [−2^31, 2^31)) or a function returning N(0, 1) deviates
 * @returns { outcome, state }
 * @throws TypeError / RangeError on invalid arguments
 * @example heterodyneSample(coherentState(1), 0, () => 0).outcome  // returns { q: 2, p: 0 }
 * @public
 */
export function heterodyneSample(state: GaussianState, mode: number, source: number | (() => number)): HeterodyneSample {
  const s = checkState('state', state);
  const m = modeIndex('mode', mode, s.modes);
  const next = normalSource(source);
  const d = 2 * s.modes;
  const i = 2 * m;
  // Cholesky of the 2×2 matrix V_B + I (positive definite: V_B > 0).
  const l11 = Math.sqrt((s.cov[i * d + i] as number) + 1);
  const l21 = (s.cov[(i + 1) * d + i] as number) / l11;
  const l22 = Math.sqrt((s.cov[(i + 1) * d + i + 1] as number) + 1 - l21 * l21);
  const z1 = next();
  const z2 = next();
  const outcome = { q: (s.mean[i] as number) + l11 * z1, p: (s.mean[i + 1] as number) + l21 * z1 + l22 * z2 };
  return { outcome, state: heterodyneConditional(s, m, outcome) };
}
