/**
 * Client-side accounting for attacks on the weights, part of the public attack kit
 * (docs/writing-an-attack.md; docs/model.md#weight-leakage, docs/model.md#attacks): the per-mode
 * noise the server sees, the weight bound averaged over the N modes of a row at that
 * disturbance, and the server's chance of detecting it, per mode and from per-row photon
 * totals (proofs/row-total-test.md §7). Information in bits, noise in SNU (output-referred),
 * T a power transmittance, photons per row.
 *
 * Every function takes the configuration an attack's `evaluate` receives from `runAttack`
 * (validated and complete); the numbers a {@link SeenChannel} holds are checked by the bounds
 * and tests they feed (`holevoWeightLeak`, `detectionProbability`, `rowTotalTest`), which
 * throw a RangeError naming the value.
 */
import { inClosed, integerAtLeast } from '../../_internal/validate.js';
import { holevoWeightLeak } from '../../bounds/holevoWeightLeak.js';
import { addedPhotons } from '../../protocol/addedPhotons.js';
import { detectionProbability } from '../../verification/detectionProbability.js';
import { rowTotalTest, type RowPhotonLaw } from '../../verification/rowTotalTest.js';
import type { AttackEvaluation, AttackOutcome, ProtocolConfiguration } from '../attack.js';

/**
 * The honest per-mode excess noise on an active mode, in SNU (output-referred): 2k/(p·N) with
 * k = (G − 1)/G ({@link addedPhotons}), docs/model.md#protocol with x̂_j² = 1/(p·N). Technical
 * noise is not included ({@link honestChannel} adds it).
 *
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param gain - the gain the client really uses, G ≥ 1 @defaultValue the declared `config.gain`
 * @returns ε_active (SNU)
 * @throws RangeError for G < 1
 * @example honestActiveNoise(DEFAULT_CONFIGURATION) // returns 1/392 ≈ 0.0025510 (G = 2, p·N = 392)
 * @example honestActiveNoise(DEFAULT_CONFIGURATION, 1) // returns 0
 * @public
 */
export function honestActiveNoise(config: ProtocolConfiguration, gain = config.gain): number {
  return (2 * addedPhotons(gain)) / (config.activeFraction * config.inputs);
}

/**
 * How a row's added noise is shaped (proofs/row-total-test.md §7), which the per-mode figures
 * cannot see but the row-total test can: `rank-one`, the excess of the active modes over the zero
 * entries lies in one thermal mode along x̂, as the protocol's own measurement leaves it (the
 * zero-entry level on every mode); `per-mode`, every mode carries its own independent noise, as a
 * cloner on every mode leaves it.
 * @public
 */
export type RowNoiseShape = 'rank-one' | 'per-mode';

/** What the server sees on each mode of a row: loss (power fraction), and excess noise (SNU, output-referred) on active and on zero entries of x̂. @public */
export interface SeenChannel {
  /** Loss the server measures, L = 1 − T_seen (power; kept as a loss so that T = 1 − 1e-300 is not rounded to 1). */
  readonly loss: number;
  /** Excess noise on an active mode (SNU). */
  readonly activeNoise: number;
  /** Excess noise on a mode where x̂_j = 0 (SNU). */
  readonly inactiveNoise: number;
  /** How that noise is shaped within a row. @defaultValue `rank-one`, the protocol's own shape, reported as `rank-one (assumed)`: an attack that spreads its noise must say `per-mode` */
  readonly rowNoise?: RowNoiseShape;
}

/**
 * Loss (power fraction) after a further power fraction `extra` is lost:
 * 1 − (1 − L)(1 − extra) = L + (1 − L)·extra, without cancellation.
 *
 * @param loss - the loss L so far, in [0, 1]
 * @param extra - the further fraction lost, in [0, 1]
 * @returns the total loss, in [0, 1]
 * @throws RangeError for a loss or extra outside [0, 1]
 * @example addLoss(0, 0.1)   // returns 0.1
 * @example addLoss(0.5, 0.5) // returns 0.75
 * @example addLoss(0.2, 0)   // returns 0.2
 * @public
 */
export function addLoss(loss: number, extra: number): number {
  const l = inClosed('loss L', loss, 0, 1);
  const e = inClosed('extra loss', extra, 0, 1);
  return l + (1 - l) * e;
}

/**
 * The channel the server sees for an honest client: loss 1 − T, excess noise 2k/(p·N) + ε_tech
 * (SNU) on active modes and ε_tech on zero entries, the excess rank one along x̂.
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @returns the honest {@link SeenChannel}
 * @example honestChannel(DEFAULT_CONFIGURATION).activeNoise // returns 1/392 ≈ 0.0025510 (SNU)
 * @public
 */
export function honestChannel(config: ProtocolConfiguration): SeenChannel {
  return { loss: 1 - config.transmittance, activeNoise: honestActiveNoise(config) + config.technicalNoise, inactiveNoise: config.technicalNoise, rowNoise: 'rank-one' };
}

/** The weight bound of {@link weightBound}, bits per weight symbol. @public */
export interface WeightBound {
  /** p·χ_W(μ', T, ε_active) + (1 − p)·χ_W(μ', T, ε_inactive): averaged over active and zero entries of x̂ (bits per weight symbol). */
  readonly average: number;
  /** χ_W(μ', T, ε_active): on an active mode alone, the paper's kind of figure (bits per weight symbol). */
  readonly active: number;
}

/**
 * The weight bound at what the server sees, in bits per weight symbol averaged over a row:
 * p·χ_W(μ', T, ε_active) + (1 − p)·χ_W(μ', T, ε_inactive), μ' = copies·μ (Q copies of a
 * coherent state are one with Q·μ photons, docs/model.md#weight-leakage), and the active-mode value alone.
 *
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param seen - what the server sees
 * @param copies - copies Q of the weights the client holds jointly, an integer ≥ 1 @defaultValue 1
 * @returns the average and the active-mode bound
 * @throws RangeError for copies not a positive integer, or a seen channel outside χ_W's domain
 * @example weightBound(DEFAULT_CONFIGURATION, honestChannel(DEFAULT_CONFIGURATION)).active // returns ≈ 0.0873848 (χ_W at μ = 4, ε = 1/392)
 * @public
 */
export function weightBound(config: ProtocolConfiguration, seen: SeenChannel, copies = 1): WeightBound {
  const mu = config.mu * integerAtLeast('copies', copies, 1);
  const active = holevoWeightLeak({ mu, loss: seen.loss, excessNoise: seen.activeNoise });
  const inactive = holevoWeightLeak({ mu, loss: seen.loss, excessNoise: seen.inactiveNoise });
  return { average: config.activeFraction * active + (1 - config.activeFraction) * inactive, active };
}

/**
 * Probability that the server's per-mode finite-size test (docs/model.md#verification) flags what it sees on an
 * active mode, against the honest expectation. It assumes a server that knows which modes are
 * active, i.e. knows the support of the client's x̂, which a real server does not; the test a
 * server can run without x̂ is {@link rowTotalDetection}.
 * @param config - the protocol configuration (as `evaluate` receives it): m = `samples`, δ = `delta`
 * @param seen - what the server sees
 * @returns the detection probability, in [0, 1]
 * @example serverDetects(DEFAULT_CONFIGURATION, honestChannel(DEFAULT_CONFIGURATION)) // returns ≤ 1e-6 (δ: an honest client is flagged with probability at most δ)
 * @public
 */
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

/**
 * The photon law of one returned row (after the known displacement is removed) for what the
 * server sees, in photons before its detector (proofs/row-total-test.md §7): the zero-entry noise
 * ε₀/2 photons on each of the N modes; the active modes' excess (ε_a − ε₀)/2 on each of the
 * n = p·N active modes, either gathered in one mode along x̂ (`rank-one`: n·(ε_a − ε₀)/2 photons)
 * or left on each (`per-mode`); and a loss beyond the declared T as the coherent residual of the
 * displacement the server removes at the declared T, (√T − √T_seen)²·N·μ photons per row on
 * average over rows (α²·‖w_i‖² averages N·μ).
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param seen - what the server sees
 * @returns the photon law of a row, for `rowTotalTest`
 * @public
 */
export function rowPhotonLaw(config: ProtocolConfiguration, seen: SeenChannel): RowPhotonLaw {
  const n = config.activeFraction * config.inputs;
  const background = seen.inactiveNoise / 2;
  const excess = (seen.activeNoise - seen.inactiveNoise) / 2;
  const thermal = seen.rowNoise === 'per-mode'
    ? [{ photons: background + excess, modes: n }, { photons: background, modes: config.inputs - n }]
    : [{ photons: background + n * excess, modes: 1 }, { photons: background, modes: config.inputs - 1 }];
  // √T − √T_seen = (T − T_seen)/(√T + √T_seen), T − T_seen = L_seen − L: no cancellation for a small extra loss.
  const honestLoss = 1 - config.transmittance;
  const rootGap = (seen.loss - honestLoss) / (Math.sqrt(config.transmittance) + Math.sqrt(1 - seen.loss));
  return { thermal, coherentPhotons: rootGap * rootGap * config.inputs * config.mu };
}

/**
 * Probability that the server's row-total test (docs/model.md#verification, proofs/row-total-test.md) flags
 * what it sees, from m = `config.samples` row totals at failure probability δ = `config.delta`,
 * against the honest rank-one law; an ideal detector (η = 1, no dark counts), the most
 * sensitive server. It needs no knowledge of x̂.
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param seen - what the server sees
 * @returns the detection probability, in [0, 1]
 * @public
 */
export function rowTotalDetection(config: ProtocolConfiguration, seen: SeenChannel): number {
  return rowTotalTest({ rows: config.samples, delta: config.delta, honest: rowPhotonLaw(config, honestChannel(config)), actual: rowPhotonLaw(config, seen) }).probability;
}

/**
 * The disturbance fields of an outcome: the excess noise on an active mode beyond the honest
 * channel's (SNU) and the extra loss relative to it, ΔL = (L_seen − L)/(1 − L) (power fraction).
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param seen - what the server sees
 * @returns `excessNoise` and `lossIncrease`, as an outcome reports them
 * @example disturbance(DEFAULT_CONFIGURATION, honestChannel(DEFAULT_CONFIGURATION)) // returns { excessNoise: 0, lossIncrease: 0 }
 * @public
 */
export function disturbance(config: ProtocolConfiguration, seen: SeenChannel): Pick<AttackOutcome, 'excessNoise' | 'lossIncrease'> {
  const honest = honestChannel(config);
  return { excessNoise: seen.activeNoise - honest.activeNoise, lossIncrease: (seen.loss - honest.loss) / (1 - honest.loss) };
}

/** Name of the client-side bound in outcomes. */
const WEIGHT_BOUND = 'χ_W at the loss and noise the server sees, averaged over active and zero entries of x̂';

/**
 * The outcome of a single-use client attack on one layer: `bitsPerSymbol` per weight symbol,
 * the bound {@link weightBound} at what the server sees, the disturbance and its detection.
 * `detectionProbability` is the per-mode test's ({@link serverDetects}: a server that knows the
 * active modes). Added to the details: the active-mode bound (the paper's kind of figure),
 * `rowTotalDetection` ({@link rowTotalDetection}: a server that does not know x̂) and the row
 * noise shape it assumed (`rowNoiseShape`: `seen.rowNoise`, or `rank-one (assumed)` when the
 * attack does not state it).
 *
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param seen - what the server sees
 * @param bitsPerSymbol - the information the attack gains, bits per weight symbol
 * @param estimator - how that figure is obtained, in words
 * @param details - attack-specific figures (names say their units)
 * @param numericalError - upper estimate of the round-off in `bitsPerSymbol` (bits per symbol) @defaultValue 0
 * @returns the evaluation less its kind: add it with {@link withKind}
 * @public
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
    details: { ...details, boundActiveSymbol: bound.active, rowTotalDetection: rowTotalDetection(config, seen), rowNoiseShape: seen.rowNoise ?? 'rank-one (assumed)' },
  };
}
