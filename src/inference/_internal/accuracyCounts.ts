import type { MnistSplit } from '../../data/loadMnist.js';
import { normalSamplerAfter } from '../../kernels/normalSampler.js';
import type { PixelEncoding } from '../encodePixels.js';
import { argmax, type BiasFreeNetwork } from '../noisyForward.js';
import { pixelForward } from './pixelForward.js';

/**
 * The core of {@link testAccuracy} over the images [from, to) of a split: how many are classified
 * correctly with noise `noiseStds` (one standard deviation per layer, units of w·x̂). The
 * deviates are those of a run over the whole split from image 0 (each image draws the rows of
 * every layer with noise, in order), so ranges run on worker threads add up to the whole split's
 * count exactly. `splitStart` is the run's number of the split's first image (a worker gets only
 * the images of its range).
 * @internal
 */
export function accuracyCounts(network: BiasFreeNetwork, split: MnistSplit, noiseStds: readonly number[], seed: number, encoding: PixelEncoding, from: number, to: number, onProgress?: (done: number, total: number) => void, splitStart = 0): number {
  const perImage = network.layers.reduce((s, l, k) => s + ((noiseStds[k] as number) > 0 ? l.rows : 0), 0);
  const normal = normalSamplerAfter(seed, from * perImage);
  const size = split.rows * split.cols;
  const forward = pixelForward(network, size, encoding);
  let correct = 0;
  for (let i = from; i < to; i += 1) {
    const k = i - splitStart;
    if (argmax(forward(split.images.subarray(k * size, (k + 1) * size), noiseStds, normal)) === split.labels[k]) correct += 1;
    if (onProgress !== undefined && ((i + 1 - from) % 500 === 0 || i + 1 === to)) onProgress(i + 1 - from, to - from);
  }
  return correct;
}
