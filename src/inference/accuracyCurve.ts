import type { MnistSplit } from '../data/loadMnist.js';
import type { PixelEncoding } from './encodePixels.js';
import type { BiasFreeNetwork } from './noisyForward.js';
import type { OutputNoiseSpec } from './outputNoiseStd.js';
import { accuracyPoints, accuracyResults, curveNoiseStds } from './_internal/noiseLevels.js';
import type { AccuracyResult } from './testAccuracy.js';
import { curveCounts } from './_internal/curveCounts.js';

/** Options of {@link accuracyCurve}. @public */
export interface AccuracyCurveOptions {
  /** Seed of the noise, an integer in [−2^31, 2^31); every point uses it (common random numbers). @defaultValue 1 */
  readonly seed?: number;
  /** Pixel encoding. @defaultValue 'pm1' (the paper's) */
  readonly encoding?: PixelEncoding;
  /** Called every 100 images and at the end with (images done, images in all). */
  readonly onProgress?: (done: number, total: number) => void;
}



/**
 * Classification accuracy (percent) at many noise levels at once — the accuracy-versus-SNR
 * curve (docs/model.md#accuracy) — with the noise model of {@link testAccuracy} and its seed, at a small
 * fraction of the cost of running testAccuracy at every point (the authors' approach).
 *
 * The structure used, per image:
 * - the first layer's noise-free products p = W₁x̂ do not depend on the noise level: they
 *   are computed once (the M₁·N multiply-adds that dominate a forward pass);
 * - the standard normal deviates z are drawn once, in the order testAccuracy draws them
 *   (layer 1's rows, then layer 2's, …), and every point scales the same z by its own σ
 *   (common random numbers: the curve's differences between points are the effect of
 *   the noise level, not of sampling);
 * - with σ₁ sorted, unit j of y₁ = p + σ₁z is active (y₁ⱼ > 0, kept by ReLU) on one
 *   interval of points: always, never, below or above σⱼ* = −pⱼ/zⱼ. So the second layer's
 *   W₂·relu(y₁) = A + σ₁B and ‖relu(y₁)‖² = C + 2σ₁D + σ₁²E, where A…E are sums over the
 *   active units, built for all points at once with one pass over the units and prefix
 *   sums (additions only, no subtraction of removed terms). Later layers, if any, run as
 *   in testAccuracy.
 *
 * The first layer's products come from the same inked-pixel sums as testAccuracy's
 * (proofs/batched-inference.md). The result equals testAccuracy's at every point except where
 * two class scores of an image agree to about 1e-15 relative (the second layer's sums are the
 * same terms in another order); tests check equality of the counts. Memory is O(points·rows of layer 2) per image, a
 * few hundred kB.
 *
 * @param network - the trained network
 * @param split - images and labels (e.g. loadMnist('test'))
 * @param noises - one noise specification per point (physical μ, G, η, v_el or notebook F); each must give finite noise
 * @param options - seed, encoding, progress callback
 * @returns one {@link AccuracyResult} per point, in the order given
 * @throws RangeError for an empty list, a bad seed, or a point whose noise is infinite (G = 1: no signal)
 * @example accuracyCurve(network, loadMnist('test'), [{ model: 'notebook', f: 8 }])[0].accuracyPercent
 *   // returns 97.36 for the committed weights (= testAccuracy at μ = 4, G = 2)
 * @public
 */
export function accuracyCurve(network: BiasFreeNetwork, split: MnistSplit, noises: readonly OutputNoiseSpec[], options: AccuracyCurveOptions = {}): AccuracyResult[] {
  const { seed, encoding, stds } = accuracyPoints(network, noises, options, curveNoiseStds);
  return accuracyResults(curveCounts(network, split, stds, seed, encoding, 0, split.count, options.onProgress), split.count, stds);
}
