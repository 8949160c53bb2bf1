/**
 * Client-side accounting shared by the client attacks (docs/model.md#weight-leakage, docs/model.md#attacks): the per-mode
 * noise the server sees, the weight bound averaged over the N modes of a row at that
 * disturbance, and the server's chance of detecting it. Information in bits, noise in
 * SNU (output-referred), T a power transmittance.
 * @internal
 */
import { holevoWeightLeak } from '../../bounds/holevoWeightLeak.js';
import { detectionProbability } from '../../verification/detectionProbability.js';
import type { AttackEvaluation, ProtocolConfiguration } from '../attack.js';

/** Photons the client's amplifier adds along x̂ per row, k = (G − 1)/G (no cancellation near G = 1). @internal */
export function addedPhotons(gain: number): number {
  return (gain - 1) / gain;
}

/** The honest per-mode excess noise on an active mode, 2k/(p·N) (SNU): docs/model.md#protocol with x̂_j² = 1/(p·N). @internal */
export function honestActiveNoise(config: ProtocolConfiguration, gain = config.gain): number {
  return (2 * addedPhotons(gain)) / (config.activeFraction * config.inputs);
}

/** What the server sees on each mode of a row: loss, and excess noise on active and on zero entries of x̂. @internal */
export interface SeenChannel {
  /** Loss the server measures, L = 1 − T_seen (power; kept as a loss so that T = 1 − 1e-300 is not rounded to 1). */
  readonly loss: number;
  /** Excess noise on an active mode (SNU). */
  readonly activeNoise: number;
  /** Excess noise on a mode where x̂_j = 0 (SNU). */
  readonly inactiveNoise: number;
}

/** Loss after a further power fraction `extra` is lost: 1 − (1 − L)(1 − extra) = L + (1 − L)·extra, without cancellation. @internal */
export function addLoss(loss: number, extra: number): number {
  return loss + (1 - loss) * extra;
}

/** The channel the server sees for an honest client: T, 2k/(pN) + ε_tech on active modes, ε_tech elsewhere. @internal */
export function honestChannel(config: ProtocolConfiguration): SeenChannel {
  return { loss: 1 - config.transmittance, activeNoise: honestActiveNoise(config) + config.technicalNoise, inactiveNoise: config.technicalNoise };
}

/**
 * The weight bound at what the server sees, bits per weight symbol averaged over a row:
 * p·χ_W(μ', T, ε_active) + (1 − p)·χ_W(μ', T, ε_inactive), μ' = copies·μ (Q copies of a
 * coherent state are one with Q·μ photons, docs/model.md#weight-leakage), and the active-mode value alone.
 * @internal
 */
export function weightBound(config: ProtocolConfiguration, seen: SeenChannel, copies = 1): { readonly average: number; readonly active: number } {
  const mu = config.mu * copies;
  const active = holevoWeightLeak({ mu, loss: seen.loss, excessNoise: seen.activeNoise });
  const inactive = holevoWeightLeak({ mu, loss: seen.loss, excessNoise: seen.inactiveNoise });
  return { average: config.activeFraction * active + (1 - config.activeFraction) * inactive, active };
}

/** Probability that the server's finite-size test (docs/model.md#verification) flags what it sees on an active mode, against the honest expectation. @internal */
export function serverDetects(config: ProtocolConfiguration, seen: SeenChannel): number {
  const honest = honestChannel(config);
  return detectionProbability({
    samples: config.samples,
    delta: config.delta,
    mu: config.mu,
    honest: { transmittance: 1 - honest.loss, excessNoise: honest.activeNoise },
    actual: { transmittance: 1 - seen.loss, excessNoise: seen.activeNoise },
  }).probability;
}

/** The disturbance fields of an outcome: extra noise on an active mode and extra loss, relative to the honest channel. @internal */
export function disturbance(config: ProtocolConfiguration, seen: SeenChannel): { readonly excessNoise: number; readonly lossIncrease: number } {
  const honest = honestChannel(config);
  return { excessNoise: seen.activeNoise - honest.activeNoise, lossIncrease: (seen.loss - honest.loss) / (1 - honest.loss) };
}

/** Name of the client-side bound in outcomes. @internal */
const WEIGHT_BOUND = 'χ_W at the loss and noise the server sees, averaged over active and zero entries of x̂';

/**
 * The outcome of a single-use client attack on one layer: `bitsPerSymbol` per weight symbol,
 * the bound {@link weightBound} at what the server sees, the disturbance and its detection.
 * The active-mode bound (the paper's kind of figure) is added to the details.
 * @internal
 */
export function clientOutcome(
  config: ProtocolConfiguration,
  seen: SeenChannel,
  bitsPerSymbol: number,
  estimator: string,
  details: Readonly<Record<string, number | string | boolean>>,
  numericalError = 0,
): Omit<AttackEvaluation, 'kind'> {
  const bound = weightBound(config, seen);
  return {
    bitsPerSymbol,
    totalBits: bitsPerSymbol * config.inputs * config.rows,
    symbols: config.inputs * config.rows,
    numericalError,
    estimator,
    boundBitsPerSymbol: bound.average,
    bound: WEIGHT_BOUND,
    ...disturbance(config, seen),
    detectionProbability: serverDetects(config, seen),
    details: { ...details, boundActiveSymbol: bound.active },
  };
}
