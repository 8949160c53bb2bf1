import { describeValue } from '../../_internal/validate.js';
import type { Complex } from '../complex.js';
import { InputRangeError, InputTypeError } from '../../inputError.js';

/** A finite complex amplitude given as a number (real) or { re, im }, returned as [re, im]. @internal */
export function amplitude(name: string, value: unknown): [number, number] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InputRangeError(`${name} must be a finite number or { re, im }; received ${describeValue(value)}`);
    return [value, 0];
  }
  const c = value as Partial<Complex> | null;
  if (typeof c !== 'object' || c === null || typeof c.re !== 'number' || typeof c.im !== 'number') {
    throw new InputTypeError(`${name} must be a finite number or { re, im } of finite numbers; received ${describeValue(value)}`);
  }
  if (!(Number.isFinite(c.re) && Number.isFinite(c.im))) throw new InputRangeError(`${name} must have finite re and im; received ${describeValue(value)}`);
  return [c.re, c.im];
}
