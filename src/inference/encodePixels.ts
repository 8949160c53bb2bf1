import { oneOf } from '../_internal/validate.js';
import { InputRangeError } from '../inputError.js';

/**
 * How a client turns MNIST pixels p ∈ {0, …, 255} into its data vector x (docs/model.md#server-capabilities, docs/model.md#accuracy):
 * `pm1` as the authors' notebook does, x = (p/255 − 0.5)/0.5 ∈ [−1, 1] (background −1,
 * ink +1, so |x| is nearly flat); `unit`, x = p/255 ∈ [0, 1] (background exactly 0).
 * @public
 */
export type PixelEncoding = 'pm1' | 'unit';

/** The {@link PixelEncoding} names. @public */
export const PIXEL_ENCODINGS: readonly PixelEncoding[] = ['pm1', 'unit'];

/**
 * Encode one image's pixels (0–255) as the client's data vector.
 *
 * @param pixels - the image, row-major bytes
 * @param encoding - `pm1` (the paper's) or `unit` @defaultValue 'pm1'
 * @param out - where to write @defaultValue a new Float64Array
 * @returns the data vector, same length as `pixels` (dimensionless)
 * @example encodePixels(Uint8Array.from([0, 255]))          // returns Float64Array [-1, 1]
 * @example encodePixels(Uint8Array.from([0, 255]), 'unit')  // returns Float64Array [0, 1]
 * @public
 */
export function encodePixels(pixels: Uint8Array, encoding: PixelEncoding = 'pm1', out?: Float64Array): Float64Array {
  const e = oneOf('pixel encoding', encoding, PIXEL_ENCODINGS);
  const x = out ?? new Float64Array(pixels.length);
  if (x.length !== pixels.length) throw new InputRangeError(`out must have ${pixels.length} entries; received ${x.length}`);
  for (let j = 0; j < pixels.length; j += 1) {
    const p = (pixels[j] as number) / 255;
    x[j] = e === 'pm1' ? (p - 0.5) / 0.5 : p;
  }
  return x;
}
