import { InputRangeError } from '../../inputError.js';

/**
 * 1/‖x‖ for the client's normalisation x̂ = x/‖x‖ (docs/model.md#protocol), 0 for the zero
 * vector. The largest |x_j| is factored out, so neither squares overflow (1e200) nor
 * underflow (1e-170). One home for every forward pass, so that the batched paths scale
 * exactly as {@link noisyLayer} does (bit for bit).
 * @throws RangeError when an entry of x is not finite
 * @internal
 */
export function inverseNorm(x: Float64Array): number {
  const n = x.length;
  let big = 0;
  for (let j = 0; j < n; j += 1) big = Math.max(big, Math.abs(x[j] as number));
  if (!Number.isFinite(big)) throw new InputRangeError(`input x must be finite; received an entry ${big}`);
  let norm2 = 0;
  for (let j = 0; j < n; j += 1) norm2 += ((x[j] as number) / big) * ((x[j] as number) / big);
  return big > 0 ? 1 / (big * Math.sqrt(norm2)) : 0;
}
