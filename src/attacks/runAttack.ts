import { committedNetwork } from '../inference/committedNetwork.js';
import { ATTACK_FIGURE_KINDS, type AttackContext, AttackOutcome, AttackParameterValues, ProtocolConfiguration } from './attack.js';
import { getAttack } from './registry.js';
import { resolveAttackParameters } from './resolveAttackParameters.js';
import { resolveConfiguration } from './resolveConfiguration.js';

/**
 * Run a registered attack on one protocol configuration (bits per symbol, SNU,
 * power transmittance; docs/model.md#attacks). The configuration and the attack's parameters are
 * validated and completed with their defaults first; the outcome is checked to be
 * finite, with 0 ≤ detection probability ≤ 1.
 *
 * @param name - registry name (see `ATTACKS`)
 * @param config - protocol configuration fields to set @defaultValue the paper-2024 point, one 784 × 784 layer
 * @param params - the attack's own parameters @defaultValue their defaults
 * @param context - what attacks may use besides the configuration @defaultValue the committed network
 * @returns the outcome: gain, bound at its disturbance, disturbance, detection probability
 * @throws RangeError / TypeError naming the parameter, its domain and the value
 * @example runAttack('honest').bitsPerSymbol                  // returns ≈ 0.00148 (½·log2(1 + 2μ/DX2)/N at μ = 4, G = 2)
 * @example runAttack('entangling-cloner').optimal            // returns true
 * @public
 */
export function runAttack(name: string, config: Partial<ProtocolConfiguration> = {}, params: AttackParameterValues = {}, context: Partial<AttackContext> = {}): AttackOutcome {
  const attack = getAttack(name);
  const c = resolveConfiguration(config);
  const p = resolveAttackParameters(attack, params, c);
  const r = attack.evaluate(c, p, { network: context.network ?? (() => committedNetwork().network) });
  const numbers: [string, number][] = [
    ['bitsPerSymbol', r.bitsPerSymbol],
    ['totalBits', r.totalBits],
    ['boundBitsPerSymbol', r.boundBitsPerSymbol],
    ['excessNoise', r.excessNoise],
    ['lossIncrease', r.lossIncrease],
    ['detectionProbability', r.detectionProbability],
  ];
  for (const [field, v] of numbers) {
    if (!Number.isFinite(v)) throw new Error(`attack ${name} returned a non-finite ${field} (${v}): a bug in the attack`);
  }
  if (!ATTACK_FIGURE_KINDS.includes(r.kind)) throw new Error(`attack ${name} returned kind ${String(r.kind)}, not one of ${ATTACK_FIGURE_KINDS.join(', ')}: a bug in the attack`);
  if (r.detectionProbability < 0 || r.detectionProbability > 1) throw new Error(`attack ${name} returned a detection probability ${r.detectionProbability} outside [0, 1]: a bug in the attack`);
  return { attack: attack.name, side: attack.side, optimal: attack.claimsOptimal, ...r };
}
