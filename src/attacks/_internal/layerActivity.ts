import { loadMnist } from '../../data/loadMnist.js';
import { encodePixels, type PixelEncoding } from '../../inference/encodePixels.js';
import type { BiasFreeNetwork } from '../../inference/noisyForward.js';

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
  let input: Float64Array = new Float64Array(side);
  for (let img = 0; img < images; img += 1) {
    input = encodePixels(test.images.subarray(img * side, (img + 1) * side), encoding, new Float64Array(side));
    network.layers.forEach((layer, l) => {
      const n = input.length;
      let count = 0;
      for (let j = 0; j < n; j += 1) if (input[j] !== 0) count += 1;
      nonZero[l] = (nonZero[l] as number) + count / n;
      if (l === network.layers.length - 1) return;
      const out = new Float64Array(layer.rows);
      for (let i = 0; i < layer.rows; i += 1) {
        let s = 0;
        for (let j = 0; j < n; j += 1) s += (layer.weights[i * n + j] as number) * (input[j] as number);
        out[i] = s > 0 ? s : 0;
      }
      input = out;
    });
  }
  const sizes = network.layers.map((layer) => ({ rows: layer.rows, inputs: layer.weights.length / layer.rows }));
  const result = sizes.map((s, l) => ({ ...s, activeFraction: (nonZero[l] as number) / images }));
  perNetwork.set(key, result);
  return result;
}
