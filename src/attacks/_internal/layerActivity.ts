import { loadMnist } from '../../data/loadMnist.js';
import { encodePixels, type PixelEncoding } from '../../inference/encodePixels.js';
import type { BiasFreeNetwork } from '../../inference/noisyForward.js';
import { blockProducts } from '../../inference/_internal/blockProducts.js';

/** Inputs N_ℓ, rows M_ℓ and the measured fraction p_ℓ of non-zero inputs of one layer. @internal */
export interface LayerActivity {
  readonly inputs: number;
  readonly rows: number;
  readonly activeFraction: number;
}

const cache = new WeakMap<BiasFreeNetwork, Map<string, readonly LayerActivity[]>>();

/**
 * The layers of a network (the committed 784-784-10 one by default) with the fraction of non-zero entries of
 * each layer's input vector, averaged over the first `images` MNIST test images in the
 * given encoding (noise-free forward pass: layer 1 sees the pixels, layer 2 the ReLU
 * outputs of layer 1). Cached per (network, encoding, images).
 * @internal
 */
export function layerActivity(network: BiasFreeNetwork, encoding: PixelEncoding, images: number): readonly LayerActivity[] {
  const key = `${encoding}:${images}`;
  const perNetwork = cache.get(network) ?? new Map<string, readonly LayerActivity[]>();
  cache.set(network, perNetwork);
  const hit = perNetwork.get(key);
  if (hit) return hit;
  const test = loadMnist('test');
  const side = test.rows * test.cols;
  const nonZero = network.layers.map(() => 0);
  // Blocks of images through a blocked matrix product (the same sums, bit for bit, as one image
  // and one row at a time: blockProducts keeps each sum's order).
  const block = 64;
  const pixels = new Float64Array(block * side);
  const outputs = network.layers.map((layer) => new Float64Array(block * layer.rows));
  for (let first = 0; first < images; first += block) {
    const count = Math.min(block, images - first);
    for (let b = 0; b < count; b += 1) encodePixels(test.images.subarray((first + b) * side, (first + b + 1) * side), encoding, pixels.subarray(b * side, (b + 1) * side));
    let input: Float64Array = pixels;
    let n = side;
    network.layers.forEach((layer, l) => {
      for (let b = 0; b < count; b += 1) {
        let nz = 0;
        for (let j = 0; j < n; j += 1) if (input[b * n + j] !== 0) nz += 1;
        nonZero[l] = (nonZero[l] as number) + nz / n;
      }
      if (l === network.layers.length - 1) return;
      const out = blockProducts(layer.weights, layer.rows, n, input, count, outputs[l] as Float64Array);
      for (let k = 0; k < count * layer.rows; k += 1) if (!((out[k] as number) > 0)) out[k] = 0; // ReLU
      input = out;
      n = layer.rows;
    });
  }
  const sizes = network.layers.map((layer) => ({ rows: layer.rows, inputs: layer.weights.length / layer.rows }));
  const result = sizes.map((s, l) => ({ ...s, activeFraction: (nonZero[l] as number) / images }));
  perNetwork.set(key, result);
  return result;
}
