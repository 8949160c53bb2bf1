import { describeValue } from '../_internal/validate.js';
import type { Attack, AttackParameter, AttackParameterValues, ProtocolConfiguration } from './attack.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/**
 * The domain of a numeric parameter as text for messages and help, e.g. `in [0, 1)`.
 * @param p - the parameter
 * @returns the interval, `−∞`/`∞` for missing ends
 * @example parameterDomain({ name: 'tap', description: '', kind: 'number', min: 0, max: 1, openMax: true, default: 0.1 }) // returns 'in [0, 1)'
 * @internal
 */
export function parameterDomain(p: AttackParameter): string {
  const lo = p.min ?? -Infinity;
  const hi = p.max ?? Infinity;
  return `in ${p.openMin ? '(' : '['}${lo === -Infinity ? '−∞' : lo}, ${hi === Infinity ? '∞' : hi}${p.openMax || hi === Infinity ? ')' : ']'}`;
}

/** Check one value against its parameter's domain. */
function checkValue(attack: string, p: AttackParameter, value: unknown): number | string {
  const what = `parameter ${p.name} of attack ${attack}`;
  if (p.kind === 'choice') {
    const choices = p.choices ?? [];
    if (typeof value !== 'string' || !choices.includes(value)) {
      throw new (typeof value === 'string' ? InputRangeError : InputTypeError)(`${what} must be one of ${choices.join(', ')}; received ${describeValue(value)}`);
    }
    return value;
  }
  const kind = p.kind === 'integer' ? 'an integer' : 'a number';
  if (typeof value !== 'number') throw new InputTypeError(`${what} must be ${kind} ${parameterDomain(p)}; received ${describeValue(value)}`);
  const lo = p.min ?? -Infinity;
  const hi = p.max ?? Infinity;
  const ok = (p.openMin ? value > lo : value >= lo) && (p.openMax ? value < hi : value <= hi) && Number.isFinite(value) && (p.kind !== 'integer' || Number.isInteger(value));
  if (!ok) throw new InputRangeError(`${what} must be ${kind} ${parameterDomain(p)}; received ${describeValue(value)}`);
  return value;
}

/**
 * Check an attack's own parameters against their domains and fill in the defaults.
 *
 * @param attack - the attack
 * @param given - values by parameter name (missing ones take their defaults)
 * @param config - the configuration, for defaults that depend on it (`defaultFor`) @defaultValue none: the static defaults
 * @returns every parameter of the attack, validated
 * @throws TypeError for a name the attack does not have, a value of the wrong type, or a parameter given without the values of others it needs (`onlyWith`); RangeError for a value outside its domain (the message names the parameter, its domain and the value)
 * @example resolveAttackParameters(getAttack('tap-and-claim-loss'), {}).tap // returns 0.1
 * @public
 */
export function resolveAttackParameters(attack: Attack, given: AttackParameterValues = {}, config?: ProtocolConfiguration): AttackParameterValues {
  const out: Record<string, number | string> = {};
  for (const name of Object.keys(given)) {
    if (!attack.parameters.some((p) => p.name === name)) {
      const names = attack.parameters.map((p) => p.name);
      throw new InputTypeError(`parameter ${name} does not apply to attack ${attack.name}; it must be one of: ${names.length ? names.join(', ') : '(none)'}`);
    }
  }
  for (const p of attack.parameters) out[p.name] = checkValue(attack.name, p, given[p.name] ?? (config !== undefined && p.defaultFor !== undefined ? p.defaultFor(config) : p.default));
  for (const p of attack.parameters) {
    if (given[p.name] === undefined || p.onlyWith === undefined) continue;
    const unmet = Object.entries(p.onlyWith).filter(([k, v]) => out[k] !== v);
    if (unmet.length > 0) throw new InputTypeError(`parameter ${p.name} of attack ${attack.name} applies only with ${Object.entries(p.onlyWith).map(([k, v]) => `${k} ${v}`).join(', ')}; received ${unmet.map(([k]) => `${k} ${String(out[k])}`).join(', ')}`);
  }
  return out;
}
