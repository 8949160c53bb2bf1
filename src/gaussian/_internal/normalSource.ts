import { describeValue } from '../../_internal/validate.js';
import { normalSampler } from '../../kernels/normalSampler.js';
import { InputTypeError } from '../../inputError.js';

/** The N(0, 1) source of a sampling call: a seed becomes a fresh `normalSampler`; a function is used as it is. @internal */
export function normalSource(source: unknown): () => number {
  if (typeof source === 'function') return source as () => number;
  if (typeof source === 'number') return normalSampler(source);
  throw new InputTypeError(`source must be a seed (integer in [−2^31, 2^31)) or a function returning N(0, 1) deviates; received ${describeValue(source)}`);
}
