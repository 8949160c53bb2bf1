import type { MnistSplit } from '../data/loadMnist.js';
import { encodePixels, type PixelEncoding } from './encodePixels.js';
import { argmax, noisyForward, type BiasFreeNetwork } from './noisyForward.js';
import { outputNoiseStd, type OutputNoiseSpec } from './outputNoiseStd.js';
import { normalSampler } from '../kernels/normalSampler.js';

/** Result of {@link testAccuracy}. @public */
export interface AccuracyResult {
  /** Classification accuracy over the split, in percent. */
  readonly accuracyPercent: number;
  /** Correctly classified images. */
  readonly correct: number;
  /** Images evaluated. */
  readonly count: number;
  /** Noise standard deviation used at each layer (units of w·x̂). */
  readonly noiseStds: readonly number[];
}

/**
 * Classification accuracy, in percent, of a network run optically (docs/model.md#accuracy): every layer
 * of every image gets the client's measurement noise for `noise` (physical μ, G, η, v_el
 * or the notebook's F), with the layer's own mean(W²) setting α² = μ/mean(W²). Seeded:
 * the same seed gives the same accuracy. `noise: null` gives the clean accuracy.
 *
 * @param network - the trained network
 * @param split - MNIST images and labels (e.g. loadMnist('test'))
 * @param noise - the noise model, or null for none
 * @param seed - seed of the noise, an integer in [−2^31, 2^31) @defaultValue 1
 * @param encoding - pixel encoding @defaultValue 'pm1' (the paper's)
 * @param onProgress - called every 500 images and at the end with (images done, images in all)
 * @returns accuracy and the per-layer noise used
 * @example testAccuracy(network, loadMnist('test'), null).accuracyPercent // returns 97.85 for the committed weights
 * @public
 */
export function testAccuracy(network: BiasFreeNetwork, split: MnistSplit, noise: OutputNoiseSpec | null, seed = 1, encoding: PixelEncoding = 'pm1', onProgress?: (done: number, total: number) => void): AccuracyResult {
  const noiseStds = network.layers.map((l) => {
    if (noise === null) return 0;
    let s = 0;
    for (const w of l.weights) s += w * w;
    return outputNoiseStd(noise, s / l.weights.length);
  });
  const normal = normalSampler(seed);
  const size = split.rows * split.cols;
  const x = new Float64Array(size);
  let correct = 0;
  for (let i = 0; i < split.count; i += 1) {
    encodePixels(split.images.subarray(i * size, (i + 1) * size), encoding, x);
    if (argmax(noisyForward(network, x, noiseStds, normal)) === split.labels[i]) correct += 1;
    if (onProgress !== undefined && ((i + 1) % 500 === 0 || i + 1 === split.count)) onProgress(i + 1, split.count);
  }
  return { accuracyPercent: (100 * correct) / split.count, correct, count: split.count, noiseStds };
}
