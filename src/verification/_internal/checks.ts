import { describeValue, integerAtLeast } from '../../_internal/validate.js';
import { InputRangeError, InputTypeError } from '../../inputError.js';

/**
 * Argument checks of the finite-size test (docs/model.md#verification), in the style of src/_internal/validate.ts.
 * @internal
 */

/** Samples m per mode: an integer ≥ 2 (one degree of freedom goes to the fitted transmittance). @internal */
export function checkSamples(samples: unknown): number {
  return integerAtLeast('samples m', samples, 2);
}

/** The confidence parameter δ, in the open interval (0, 1). @internal */
export function checkDelta(delta: unknown): number {
  if (typeof delta === 'number' && delta > 0 && delta < 1) return delta;
  const kind = typeof delta === 'number' ? InputRangeError : InputTypeError;
  throw new kind(`confidence parameter δ must be a number in (0, 1); received ${describeValue(delta)}`);
}

/** A non-null object (for the honest and actual channel parameters). @internal */
export function checkObject(name: string, value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  throw new InputTypeError(`${name} must be an object { transmittance, excessNoise }; received ${describeValue(value)}`);
}
