import type { AttackOutcome, ProtocolConfiguration } from '../attack.js';
import { disturbance, honestChannel, serverDetects, weightBound, type SeenChannel } from './clientAccounting.js';

/**
 * The weights sent `copies` times (Q inferences, or K clients, docs/model.md#lifetime) and an optimal
 * per-copy attack at the honest noise level, judged on the composed state: Q copies of
 * |αw⟩ are one copy with Q·μ photons; i.i.d. per-copy noise is invariant under the
 * rotation that concentrates the signal on one mode, so the copies together give
 * χ_W(Q·μ, T, ε) per symbol. The bound lets the attacker concentrate the noise of all
 * copies on that one mode as well, which per-copy monitoring cannot tell apart:
 * χ_W(Q·μ, T, Q·ε). The per-use figure multiplied by Q is reported beside them.
 * Bits per weight symbol, averaged over active and zero entries of x̂.
 * @internal
 */
export function composedCopies(config: ProtocolConfiguration, copies: number, seen: SeenChannel = honestChannel(config)) {
  const gained = weightBound(config, seen, copies);
  const concentrated: SeenChannel = { loss: seen.loss, activeNoise: copies * seen.activeNoise, inactiveNoise: copies * seen.inactiveNoise };
  const bound = weightBound(config, concentrated, copies);
  const perUse = weightBound(config, seen, 1);
  const fields: Omit<AttackOutcome, 'attack' | 'side' | 'optimal' | 'estimator' | 'numericalError' | 'details' | 'kind'> = {
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
