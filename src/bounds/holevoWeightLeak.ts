import { describeValue, inClosed } from '../_internal/validate.js';
import { channelLoss, type ChannelSpec } from '../protocol/channelLoss.js';
import { holevoWeightKernel } from './holevoWeightKernel.js';
import { InputTypeError } from '../inputError.js';

/**
 * Largest mean photon number per weight symbol accepted (photons). The kernel is exact
 * to 1e-15 relative up to here (tested against decimal.js); far beyond it μ²L² would
 * overflow (μ ≈ 1e154), and no protocol sends 1e12 photons per symbol.
 * @public
 */
export const MAX_MU = 1e12;
/**
 * Largest excess noise accepted (SNU). Tested to here; ε² overflows near 1e154, and a
 * channel with 1e6 shot-noise units of excess noise carries no information anyway.
 * @public
 */
export const MAX_EXCESS_NOISE = 1e6;

/**
 * Operating point of the weight-leakage bound. Give the light as `mu` (mean photon
 * number per weight symbol) or as `modulationVariance` V = 2μ + 1 (SNU), not both;
 * the channel as at most one of transmittance, loss, lossDb (none: T = 1); the
 * excess noise as `excessNoise` ε (SNU referred to the channel output, as in the
 * authors' code: Var = T(V − 1) + 1 + ε) or `inputExcessNoise` ξ = ε/T (the usual
 * CV-QKD convention), not both (none: ε = 0).
 * @public
 */
export interface WeightLeakInput extends ChannelSpec {
  /** Mean photon number per weight symbol μ in [0, {@link MAX_MU}]. */
  readonly mu?: number | undefined;
  /** Modulation variance V = 2μ + 1 in [1, 2·{@link MAX_MU}] (SNU); not V_A = 2μ. */
  readonly modulationVariance?: number | undefined;
  /** Output-referred excess noise ε in [0, {@link MAX_EXCESS_NOISE}] (SNU). @defaultValue 0 (when inputExcessNoise is not given either) */
  readonly excessNoise?: number | undefined;
  /** Input-referred excess noise ξ = ε/T in [0, {@link MAX_EXCESS_NOISE}] (SNU); ε = ξ·T. */
  readonly inputExcessNoise?: number | undefined;
}

/** Validated (μ, L, ε) of a {@link WeightLeakInput}. @public */
export interface WeightLeakPoint {
  /** Mean photon number per weight symbol μ ≥ 0. */
  readonly mu: number;
  /** Power loss L = 1 − T in [0, 1). */
  readonly loss: number;
  /** Output-referred excess noise ε ≥ 0 (SNU). */
  readonly excessNoise: number;
}

/**
 * Check a {@link WeightLeakInput} and reduce it to (μ, L, ε): μ in photons per weight
 * symbol, L = 1 − T, ε output-referred in SNU (ξ is converted with ε = ξ·T).
 * @example resolveWeightLeakPoint({ modulationVariance: 9, lossDb: 10, inputExcessNoise: 0.02 })
 *   // returns { mu: 4, loss: 0.9, excessNoise: 0.002 } (to rounding)
 * @throws TypeError when two exclusive fields are both given or a field is not a number
 * @throws RangeError when a value is out of range (the message names it, its range and the value)
 * @public
 */
export function resolveWeightLeakPoint(input: WeightLeakInput): WeightLeakPoint {
  if (input.mu !== undefined && input.modulationVariance !== undefined) {
    throw new InputTypeError(`give mu or modulationVariance, not both; received mu=${describeValue(input.mu)}, modulationVariance=${describeValue(input.modulationVariance)}`);
  }
  if (input.excessNoise !== undefined && input.inputExcessNoise !== undefined) {
    throw new InputTypeError(`give excessNoise (output-referred ε) or inputExcessNoise (ξ = ε/T), not both; received ${describeValue(input.excessNoise)} and ${describeValue(input.inputExcessNoise)}`);
  }
  let mu: number;
  if (input.modulationVariance !== undefined) mu = (inClosed('modulation variance V', input.modulationVariance, 1, 2 * MAX_MU) - 1) / 2;
  else if (input.mu !== undefined) mu = inClosed('mean photon number mu', input.mu, 0, MAX_MU);
  else throw new InputTypeError('mean photon number mu (or modulationVariance) is required; received undefined');
  const loss = channelLoss(input);
  let excessNoise = 0;
  if (input.excessNoise !== undefined) excessNoise = inClosed('excess noise epsilon (SNU, output-referred)', input.excessNoise, 0, MAX_EXCESS_NOISE);
  else if (input.inputExcessNoise !== undefined) excessNoise = inClosed('input-referred excess noise xi (SNU)', input.inputExcessNoise, 0, MAX_EXCESS_NOISE) * (1 - loss);
  return { mu, loss, excessNoise };
}

/**
 * Holevo bound χ_W, in bits per weight symbol, on what a client can learn of a
 * Gaussian-modulated coherent weight symbol (docs/model.md#weight-leakage; shot-noise units, vacuum
 * variance 1; T is a power transmittance; ε output-referred):
 *
 *   χ_W = g(ν₊) + g(ν₋) − g(ν₃).
 *
 * Evaluated with the cancellation-free forms of proofs/weight-leakage.md: every
 * term is a non-negative sum, so the relative error is below 1e-12 against a
 * 50-digit evaluation over μ ∈ [1e-8, 1e4], L ∈ {0} ∪ [1e-12, 1), ε ∈ {0} ∪ [1e-15, 10]
 * (tested at 1500 random points each run; measured worst about 6e-16), and also over the
 * whole accepted domain μ ∈ [1e-8, 1e12], L ∈ {0} ∪ [1e-300, 1), ε ∈ {0} ∪ [1e-300, 1e6]
 * (tested; measured worst 5.5e-16), including T → 1 and ε → 0 where the textbook float64
 * form loses digits. Subnormal ε or L give finite, non-negative results of reduced precision.
 *
 * @param input - μ (or V), channel (T, L or dB), ε (or ξ)
 * @returns χ_W in bits per weight symbol, in [0, h(μ)]
 * @throws RangeError / TypeError on invalid input (see {@link resolveWeightLeakPoint})
 * @example holevoWeightLeak({ mu: 4 })                          // returns 0 (T = 1, ε = 0)
 * @example holevoWeightLeak({ mu: 4, transmittance: 0.5 })      // returns h(2) = 3·log2 3 − 2 ≈ 2.7549
 * @example holevoWeightLeak({ mu: 0, excessNoise: 0.1 })        // returns 0 (no light, nothing to learn)
 * @example holevoWeightLeak({ mu: 4, loss: 1e-13 })             // returns h(4e-13) ≈ 1.71e-11 (T = 1 − 1e-13 kept exactly)
 * @example holevoWeightLeak({ mu: 4, excessNoise: 1 / 392 })    // returns ≈ 0.0873848 (the paper-2024 operating point)
 * @public
 */
export function holevoWeightLeak(input: WeightLeakInput): number {
  const p = resolveWeightLeakPoint(input);
  return holevoWeightKernel(p.mu, p.loss, p.excessNoise);
}
