import { integerAtLeast } from '../_internal/validate.js';
import { noisyLayer } from './noisyLayer.js';
import { InputRangeError } from '../inputError.js';

/**
 * A bias-free ReLU network as the paper uses it (784-784-10): layer l has weights W_l
 * (rows_l × inputs_l, row-major, inputs_l = rows_{l−1}); ReLU between layers, none after
 * the last. Dimensionless weights.
 * @public
 */
export interface BiasFreeNetwork {
  /** The layers, input side first. */
  readonly layers: readonly NetworkLayer[];
}

/** One layer of a {@link BiasFreeNetwork}. @public */
export interface NetworkLayer {
  /** W, row-major, rows × inputs entries (dimensionless). */
  readonly weights: Float64Array;
  /** Number of outputs (rows of W). */
  readonly rows: number;
}

/**
 * One noisy optical inference (docs/model.md#protocol, docs/model.md#accuracy): at every layer the client
 * normalises its input, obtains each w_i·x̂ with Gaussian noise of standard deviation
 * `noiseStds[l]` (same units as w·x̂; 0 for the noise-free network), and applies ReLU
 * before the next layer. Normalising changes no argmax of the noise-free network (it is
 * bias-free and ReLU is positively homogeneous; a property test checks this), so
 * the noise-free class equals that of the network run without normalisation.
 *
 * @param network - the layers
 * @param x - the input (e.g. {@link encodePixels} of an image)
 * @param noiseStds - noise per layer (from {@link outputNoiseStd}), one entry per layer
 * @param normal - source of N(0, 1) deviates ({@link normalSampler})
 * @returns the last layer's outputs (scores per class, in units of w·x̂)
 * @throws RangeError when the sizes do not chain or a noise level is negative
 * @example noisyForward({ layers: [{ weights: Float64Array.from([1, 0, 0, 1]), rows: 2 }] }, Float64Array.from([3, 4]), [0], () => 0)
 *   // returns Float64Array [0.6, 0.8]
 * @public
 */
export function noisyForward(network: BiasFreeNetwork, x: Float64Array, noiseStds: readonly number[], normal: () => number): Float64Array {
  const layers = network.layers;
  integerAtLeast('number of layers', layers.length, 1);
  if (noiseStds.length !== layers.length) throw new InputRangeError(`noiseStds must have one entry per layer (${layers.length}); received ${noiseStds.length}`);
  let input = x;
  layers.forEach((layer, l) => {
    const y = noisyLayer(layer.weights, layer.rows, input, noiseStds[l] as number, normal);
    if (l < layers.length - 1) for (let i = 0; i < y.length; i += 1) if ((y[i] as number) < 0) y[i] = 0; // ReLU
    input = y;
  });
  return input;
}

/** Index of the largest entry (the predicted class); the first on ties, −1 for an empty array. @public */
export function argmax(scores: Float64Array): number {
  let best = -1;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i += 1) {
    if ((scores[i] as number) > max) {
      max = scores[i] as number;
      best = i;
    }
  }
  return best;
}
