import { describeValue, nonNegative, atLeast } from '../_internal/validate.js';
import { channelLoss, type ChannelSpec } from '../protocol/channelLoss.js';
import { holevoWeightKernel } from './_internal/holevoWeightKernel.js';

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
  /** Mean photon number per weight symbol μ ≥ 0. */
  readonly mu?: number | undefined;
  /** Modulation variance V = 2μ + 1 ≥ 1 (SNU); not V_A = 2μ. */
  readonly modulationVariance?: number | undefined;
  /** Output-referred excess noise ε ≥ 0 (SNU). @defaultValue 0 */
  readonly excessNoise?: number | undefined;
  /** Input-referred excess noise ξ = ε/T ≥ 0 (SNU). */
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
 * Check a {@link WeightLeakInput} and reduce it to (μ, L, ε).
 * @throws TypeError when two exclusive fields are both given or a field is not a number
 * @throws RangeError when a value is out of range (the message names it, its range and the value)
 * @public
 */
export function resolveWeightLeakPoint(input: WeightLeakInput): WeightLeakPoint {
  if (input.mu !== undefined && input.modulationVariance !== undefined) {
    throw new TypeError(`give mu or modulationVariance, not both; received mu=${describeValue(input.mu)}, modulationVariance=${describeValue(input.modulationVariance)}`);
  }
  if (input.excessNoise !== undefined && input.inputExcessNoise !== undefined) {
    throw new TypeError(`give excessNoise (output-referred ε) or inputExcessNoise (ξ = ε/T), not both; received ${describeValue(input.excessNoise)} and ${describeValue(input.inputExcessNoise)}`);
  }
  let mu: number;
  if (input.modulationVariance !== undefined) mu = (atLeast('modulation variance V', input.modulationVariance, 1) - 1) / 2;
  else if (input.mu !== undefined) mu = nonNegative('mean photon number mu', input.mu);
  else throw new TypeError('mean photon number mu (or modulationVariance) is required; received undefined');
  const loss = channelLoss(input);
  let excessNoise = 0;
  if (input.excessNoise !== undefined) excessNoise = nonNegative('excess noise epsilon (SNU, output-referred)', input.excessNoise);
  else if (input.inputExcessNoise !== undefined) excessNoise = nonNegative('input-referred excess noise xi (SNU)', input.inputExcessNoise) * (1 - loss);
  return { mu, loss, excessNoise };
}

/**
 * Holevo bound χ_W, in bits per weight symbol, on what a client can learn of a
 * Gaussian-modulated coherent weight symbol (SPEC §3; shot-noise units, vacuum
 * variance 1; T is a power transmittance; ε output-referred):
 *
 *   χ_W = g(ν₊) + g(ν₋) − g(ν₃).
 *
 * Evaluated with the cancellation-free forms of proofs/weight-leakage.md: every
 * term is a non-negative sum, so the relative error is below 1e-12 against a
 * 50-digit evaluation over μ ∈ [1e-8, 1e4], L ∈ {0} ∪ [1e-12, 1), ε ∈ {0} ∪ [1e-15, 10]
 * (tested), including T → 1 and ε → 0 where the textbook float64 form loses digits.
 *
 * @param input - μ (or V), channel (T, L or dB), ε (or ξ)
 * @returns χ_W in bits per weight symbol, in [0, h(μ)]
 * @throws RangeError / TypeError on invalid input (see {@link resolveWeightLeakPoint})
 * @example holevoWeightLeak({ mu: 4 })                          // returns 0 (T = 1, ε = 0)
 * @example holevoWeightLeak({ mu: 4, transmittance: 0.5 })      // returns h(2) = 3·log2 3 − 2 ≈ 2.7549
 * @example holevoWeightLeak({ mu: 0, excessNoise: 0.1 })        // returns 0 (no light, nothing to learn)
 * @example holevoWeightLeak({ mu: 4, excessNoise: 1 / 392 })    // returns ≈ 0.0873848 (the paper-2024 operating point)
 * @public
 */
export function holevoWeightLeak(input: WeightLeakInput): number {
  const p = resolveWeightLeakPoint(input);
  return holevoWeightKernel(p.mu, p.loss, p.excessNoise);
}
