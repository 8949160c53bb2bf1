import { integerAtLeast } from '../../_internal/validate.js';
import type { AttackOutcome, ProtocolConfiguration } from '../attack.js';
import { disturbance, honestChannel, serverDetects, weightBound, type SeenChannel } from './clientAccounting.js';

/** What {@link composedCopies} yields: the outcome fields of the composed attack and the per-use figures beside them (bits per weight symbol). @public */
export interface ComposedCopies {
  /** The outcome fields: gain χ_W(Q·μ, T, ε), bound χ_W(Q·μ, T, Q·ε), disturbance and per-mode detection of one use; add the kind, estimator, numerical error and details. */
  readonly fields: Omit<AttackOutcome, 'attack' | 'side' | 'optimal' | 'estimator' | 'numericalError' | 'details' | 'kind'>;
  /** The per-use figure χ_W(μ, T, ε), bits per weight symbol averaged over a row. */
  readonly perUse: number;
  /** That figure multiplied by the copies Q (bits per weight symbol): what adding the uses up would claim. */
  readonly perUseTimesCopies: number;
  /** The composed gain on an active mode alone, χ_W(Q·μ, T, ε_active) (bits per weight symbol). */
  readonly activeSymbol: number;
}

/**
 * The weights sent `copies` times (Q inferences, or K clients, docs/model.md#lifetime) and an optimal
 * per-copy attack at the honest noise level, judged on the composed state, in bits per weight
 * symbol averaged over active and zero entries of x̂: Q copies of |αw⟩ are one copy with Q·μ
 * photons; i.i.d. per-copy noise is invariant under the rotation that concentrates the signal on
 * one mode, so the copies together give χ_W(Q·μ, T, ε) per symbol. The bound lets the attacker
 * concentrate the noise of all copies on that one mode as well, which per-copy monitoring cannot
 * tell apart: χ_W(Q·μ, T, Q·ε). The per-use figure multiplied by Q is reported beside them.
 *
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param copies - copies Q of the weights held jointly, an integer ≥ 1
 * @param seen - what the server sees on each use @defaultValue the honest channel ({@link honestChannel})
 * @returns the outcome fields and the per-use figures
 * @throws RangeError for copies not a positive integer
 * @example composedCopies(DEFAULT_CONFIGURATION, 1).fields.bitsPerSymbol // returns the per-use figure, composedCopies(DEFAULT_CONFIGURATION, 1).perUse
 * @public
 */
export function composedCopies(config: ProtocolConfiguration, copies: number, seen: SeenChannel = honestChannel(config)): ComposedCopies {
  integerAtLeast('copies', copies, 1);
  const gained = weightBound(config, seen, copies);
  const concentrated: SeenChannel = { loss: seen.loss, activeNoise: copies * seen.activeNoise, inactiveNoise: copies * seen.inactiveNoise };
  const bound = weightBound(config, concentrated, copies);
  const perUse = weightBound(config, seen, 1);
  const fields: ComposedCopies['fields'] = {
    bitsPerSymbol: gained.average,
    totalBits: gained.average * config.inputs * config.rows,
    symbols: config.inputs * config.rows,
    boundBitsPerSymbol: bound.average,
    bound: 'χ_W(copies·μ, T, copies·ε): the composed state with every copy’s noise concentrated on the signal mode',
    ...disturbance(config, seen),
    detectionProbability: serverDetects(config, seen),
  };
  return { fields, perUse: perUse.average, perUseTimesCopies: copies * perUse.average, activeSymbol: gained.active };
}
