import { encodePixels, type PixelEncoding } from '../encodePixels.js';
import type { BiasFreeNetwork } from '../noisyForward.js';
import { noisyLayer } from '../noisyLayer.js';
import { inverseNorm } from './inverseNorm.js';
import { pixelProducts } from './pixelProducts.js';
import { InputRangeError } from '../../inputError.js';

/**
 * A noisy forward pass of one image given as pixels ({@link noisyForward} on encodePixels of
 * the image), with the first layer's products from {@link pixelProducts} (sums over the inked
 * pixels only). Everything else — the normalisation, the deviates and their order (layer 1's
 * rows, then layer 2's, …), the ReLU, the later layers — is noisyForward's, so the scores
 * equal noisyForward's for `unit` and differ by the first layer's rounding for `pm1`
 * (proofs/batched-inference.md). Returns the last layer's outputs in a buffer reused by the
 * next call.
 * @internal
 */
export function pixelForward(network: BiasFreeNetwork, inputs: number, encoding: PixelEncoding): (pixels: Uint8Array, noiseStds: readonly number[], normal: () => number) => Float64Array {
  const layers = network.layers;
  const first = layers[0]!;
  if (first.weights.length !== first.rows * inputs) throw new InputRangeError(`weights must have rows·inputs = ${first.rows}·${inputs} = ${first.rows * inputs} entries; received ${first.weights.length}`);
  const products = pixelProducts(first.weights, first.rows, inputs, encoding);
  const x = new Float64Array(inputs);
  const buffers = layers.map((l) => new Float64Array(l.rows));
  return (pixels, noiseStds, normal) => {
    encodePixels(pixels, encoding, x);
    const y = products(pixels, x, buffers[0]!);
    const scale = inverseNorm(x);
    const sigma = noiseStds[0]!;
    for (let i = 0; i < y.length; i += 1) y[i] = (y[i] as number) * scale + (sigma > 0 ? sigma * normal() : 0);
    let input = y;
    for (let l = 1; l < layers.length; l += 1) {
      for (let i = 0; i < input.length; i += 1) if ((input[i] as number) < 0) input[i] = 0; // ReLU of the layer before
      const layer = layers[l]!;
      input = noisyLayer(layer.weights, layer.rows, input, noiseStds[l]!, normal, buffers[l]);
    }
    return input;
  };
}
