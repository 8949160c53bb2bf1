import { describeValue } from '../_internal/validate.js';
import { committedNetwork } from '../inference/committedNetwork.js';
import { InputRangeError, InputTypeError } from '../inputError.js';
import { ATTACK_FIGURE_KINDS, type Attack, type AttackContext, AttackOutcome, AttackParameterValues, ProtocolConfiguration } from './attack.js';
import { getAttack } from './registry.js';
import { resolveAttackParameters } from './resolveAttackParameters.js';
import { resolveConfiguration } from './resolveConfiguration.js';

/**
 * Run an attack on one protocol configuration (bits per symbol, SNU, power transmittance;
 * docs/model.md#attacks): a registered one by name, or any object of the {@link Attack} shape,
 * so that an attack written outside qsdl runs without editing the registry
 * (docs/writing-an-attack.md). The configuration and the attack's parameters are validated and
 * completed with their defaults first; the outcome is checked to be finite, with
 * 0 ≤ detection probability ≤ 1 and a kind among {@link ATTACK_FIGURE_KINDS}, whichever way
 * the attack was given.
 *
 * @param attack - a registry name (see `ATTACKS`; former names in `ATTACK_ALIASES` too), or an {@link Attack} object
 * @param config - protocol configuration fields to set @defaultValue the paper-2024 point, one 784 × 784 layer
 * @param params - the attack's own parameters @defaultValue their defaults
 * @param context - what attacks may use besides the configuration @defaultValue the committed network
 * @returns the outcome: gain, bound at its disturbance, disturbance, detection probability
 * @throws RangeError / TypeError naming the parameter, its domain and the value; TypeError for an attack object that lacks a field of the shape
 * @throws Error when the attack returns a non-finite figure, a detection probability outside [0, 1] or an unknown kind (a bug in the attack)
 * @example runAttack('honest').bitsPerSymbol                  // returns ≈ 0.00148 (½·log2(1 + 2μ/DX2)/N at μ = 4, G = 2)
 * @example runAttack('entangling-cloner').optimal            // returns true
 * @example runAttack({ ...getAttack('honest'), name: 'my-honest' }).attack // returns 'my-honest' (an object outside the registry)
 * @public
 */
export function runAttack(attack: string | Attack, config: Partial<ProtocolConfiguration> = {}, params: AttackParameterValues = {}, context: Partial<AttackContext> = {}): AttackOutcome {
  const given = typeof attack === 'object' && attack !== null;
  const a = given ? checkAttack(attack) : getAttack(attack);
  const name = given ? a.name : attack;
  const c = resolveConfiguration(config);
  const p = resolveAttackParameters(a, params, c);
  const r = a.evaluate(c, p, { network: context.network ?? (() => committedNetwork().network) });
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
  return { attack: a.name, side: a.side, optimal: a.claimsOptimal, ...r };
}

/** The fields every {@link Attack} has, with the type each must be. */
const SHAPE: readonly (readonly [keyof Attack, string])[] = [['name', 'string'], ['side', 'string'], ['summary', 'string'], ['claimsOptimal', 'boolean'], ['cost', 'string'], ['evaluate', 'function']];

/** An attack object given to {@link runAttack}: it must have the shape of {@link Attack} (the registry's attacks have it by their type). */
function checkAttack(attack: object): Attack {
  const o = attack as Record<string, unknown>;
  for (const [field, type] of SHAPE) {
    if (typeof o[field] !== type) throw new InputTypeError(`attack object must have a ${type} ${field}; received ${describeValue(typeof o[field] === 'function' ? 'a function' : o[field])}`);
  }
  if (!Array.isArray(o.uses) || !Array.isArray(o.parameters)) throw new InputTypeError(`attack object ${String(o.name)} must have arrays uses and parameters; received uses ${describeValue(o.uses)}, parameters ${describeValue(o.parameters)}`);
  if (o.side !== 'client' && o.side !== 'server') throw new InputRangeError(`side of attack ${String(o.name)} must be one of client, server; received ${describeValue(o.side)}`);
  return attack as Attack;
}
