import type { PixelEncoding } from '../../inference/encodePixels.js';

/**
 * Each pixel encoding is affine in u = p/255: x = scale·u + offset (`pm1`: (u − 0.5)/0.5 =
 * 2u − 1; `unit`: u), exactly as encodePixels computes it up to float64 round-off. With u
 * zero on ~80 % of MNIST pixels this lets B·x = scale·(B·u) + offset·(B·1) be formed from
 * the non-zero pixels only (about 5× fewer operations than a dense product).
 * @internal
 */
export function encodingAffine(encoding: PixelEncoding): { readonly scale: number; readonly offset: number } {
  return encoding === 'pm1' ? { scale: 2, offset: -1 } : { scale: 1, offset: 0 };
}
