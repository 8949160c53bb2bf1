import type { Attack } from './attack.js';
import { displaceAndCount } from './catalogue/displaceAndCount.js';
import { homodyneVariance } from './catalogue/homodyneVariance.js';
import { layerAccumulation } from './catalogue/layerAccumulation.js';
import { perModeOptimal } from './catalogue/perModeOptimal.js';
import { squeezedProbes } from './catalogue/squeezedProbes.js';
import { transformCounting } from './catalogue/transformCounting.js';
import { interferometricCounting } from './catalogue/interferometricCounting.js';
import { entanglingCloner } from './catalogue/entanglingCloner.js';
import { colludingClients } from './catalogue/colludingClients.js';
import { greedyGain } from './catalogue/greedyGain.js';
import { honest } from './catalogue/honest.js';
import { measureAll } from './catalogue/measureAll.js';
import { modelExtraction } from './catalogue/modelExtraction.js';
import { multiQuery } from './catalogue/multiQuery.js';
import { rankOneCloner } from './catalogue/rankOneCloner.js';
import { tapAndClaimLoss } from './catalogue/tapAndClaimLoss.js';
import { InputRangeError } from '../inputError.js';

/**
 * Every registered attack, client side first (docs/model.md#attacks). Adding an attack: one file in
 * `src/attacks/catalogue/` and one line here (docs/writing-an-attack.md).
 * @public
 */
export const ATTACKS: readonly Attack[] = [
  honest,
  greedyGain,
  tapAndClaimLoss,
  measureAll,
  entanglingCloner,
  multiQuery,
  modelExtraction,
  colludingClients,
  rankOneCloner,
  homodyneVariance,
  displaceAndCount,
  transformCounting,
  interferometricCounting,
  perModeOptimal,
  layerAccumulation,
  squeezedProbes,
];

/**
 * Former names still accepted, with the registered name they stand for: `quantum-optimal`
 * was optimal per mode only, so it is now `per-mode-optimal`.
 * @public
 */
export const ATTACK_ALIASES: Readonly<Record<string, string>> = Object.freeze({ 'quantum-optimal': 'per-mode-optimal' });

/**
 * The registered attack of that name (or of a former name, {@link ATTACK_ALIASES}).
 * @param name - registry name, e.g. `tap-and-claim-loss`
 * @returns the attack
 * @throws RangeError naming the registered attacks when there is none of that name
 * @example getAttack('honest').side // returns 'client'
 * @public
 */
export function getAttack(name: string): Attack {
  const registered = ATTACK_ALIASES[name] ?? name;
  const a = ATTACKS.find((x) => x.name === registered);
  if (a === undefined) throw new InputRangeError(`attack must be one of ${ATTACKS.map((x) => x.name).join(', ')}; received ${JSON.stringify(name)}`);
  return a;
}
