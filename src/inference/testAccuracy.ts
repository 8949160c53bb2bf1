import type { MnistSplit } from '../data/loadMnist.js';
import type { PixelEncoding } from './encodePixels.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import { accuracyCounts } from './_internal/accuracyCounts.js';
import { seed32 } from '../_internal/validate.js';
import type { OutputNoiseSpec } from './outputNoiseStd.js';
import { layerNoiseStds } from './_internal/noiseLevels.js';

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
 * The first layer sums over the inked pixels only (a blank pixel encodes as exactly 0 or −1;
 * about 5× fewer multiply-adds). With `unit` the scores are {@link noisyForward}'s exactly; with
 * `pm1` the first layer's products differ from the dense sum by rounding only, at most
 * γ_{N+2}·Σ_j |W_ij|·(1 + |x_j| + |x_j + 1|) (proofs/batched-inference.md), and the counts
 * equal those of noisyForward image by image at every noise level a test tries.
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
  const noiseStds = layerNoiseStds(network, noise);
  const correct = accuracyCounts(network, split, noiseStds, seed32('seed', seed), encoding, 0, split.count, onProgress);
  return { accuracyPercent: (100 * correct) / split.count, correct, count: split.count, noiseStds };
}
