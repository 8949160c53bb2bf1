import type { MnistSplit } from '../data/loadMnist.js';
import { integerAtLeast, seed32 } from '../_internal/validate.js';
import { normalSampler } from '../kernels/normalSampler.js';
import { encodePixels, type PixelEncoding } from './encodePixels.js';
import { argmax, type BiasFreeNetwork } from './noisyForward.js';
import { noisyLayer } from './noisyLayer.js';
import { outputNoiseStd, type OutputNoiseSpec } from './outputNoiseStd.js';
import type { AccuracyResult } from './testAccuracy.js';
import { InputRangeError } from '../inputError.js';

/** Options of {@link accuracyCurve}. @public */
export interface AccuracyCurveOptions {
  /** Seed of the noise, an integer in [−2^31, 2^31); every point uses it (common random numbers). @defaultValue 1 */
  readonly seed?: number;
  /** Pixel encoding. @defaultValue 'pm1' (the paper's) */
  readonly encoding?: PixelEncoding;
  /** Called every 100 images and at the end with (images done, images in all). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Mean of W² of a layer (dimensionless). */
function meanSquare(w: Float64Array): number {
  let s = 0;
  for (const v of w) s += v * v;
  return s / w.length;
}

/** First index k in [0, n] at which `active(k)` changes from `before` to its opposite (`active` is monotone in k). */
function switchIndex(n: number, before: boolean, active: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (active(mid) === before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
 * The result equals testAccuracy's at every point except where two class scores of an
 * image agree to about 1e-15 relative (the sums are the same terms in another order);
 * tests check equality of the counts. Memory is O(points·rows of layer 2) per image, a
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
  const points = integerAtLeast('number of noise points', noises.length, 1);
  const seed = seed32('seed', options.seed ?? 1);
  const layers = network.layers;
  integerAtLeast('number of layers', layers.length, 1);
  const w2 = layers.map((l) => meanSquare(l.weights));
  const stds = noises.map((spec, k) =>
    w2.map((m, l) => {
      const s = outputNoiseStd(spec, m);
      if (!Number.isFinite(s)) throw new InputRangeError(`noise point ${k} must give finite noise; received standard deviation ${s} at layer ${l + 1} (G = 1 gives no signal)`);
      return s;
    }),
  );
  // Points in increasing σ₁ (all layers' σ scale together for one spec).
  const order = Array.from({ length: points }, (_, k) => k).sort((a, b) => (stds[a]?.[0] as number) - (stds[b]?.[0] as number));
  const sig = Float64Array.from(order, (k) => stds[k]?.[0] as number);
  const first = layers[0] as (typeof layers)[number];
  const second = layers[1];
  const m1 = first.rows;
  const m2 = second?.rows ?? 0;
  const size = split.rows * split.cols;
  const count = split.count;
  const rowsAfter = layers.slice(1).reduce((s, l) => s + l.rows, 0);
  const x = new Float64Array(size);
  const p = new Float64Array(m1);
  const z1 = new Float64Array(m1);
  const zRest = new Float64Array(rowsAfter);
  // Per point: m2 sums A, m2 sums B, then C, D, E; `up` for units that switch on at a point
  // (cumulated forwards), `down` for units active below a point (cumulated backwards).
  const width = 2 * m2 + 3;
  const always = new Float64Array(width);
  const up = new Float64Array((points + 1) * width);
  const down = new Float64Array((points + 1) * width);
  const buffers = layers.map((l) => new Float64Array(l.rows));
  const y = new Float64Array(Math.max(m1, m2));
  const correct = new Int32Array(points);
  const normal = normalSampler(seed);
  const encoding = options.encoding ?? 'pm1';

  const addUnit = (target: Float64Array, at: number, j: number, pj: number, zj: number) => {
    const w = (second as (typeof layers)[number]).weights;
    const o = at * width;
    for (let i = 0; i < m2; i += 1) {
      const wij = w[i * m1 + j] as number;
      target[o + i] = (target[o + i] as number) + wij * pj;
      target[o + m2 + i] = (target[o + m2 + i] as number) + wij * zj;
    }
    target[o + 2 * m2] = (target[o + 2 * m2] as number) + pj * pj;
    target[o + 2 * m2 + 1] = (target[o + 2 * m2 + 1] as number) + pj * zj;
    target[o + 2 * m2 + 2] = (target[o + 2 * m2 + 2] as number) + zj * zj;
  };

  for (let img = 0; img < count; img += 1) {
    encodePixels(split.images.subarray(img * size, (img + 1) * size), encoding, x);
    noisyLayer(first.weights, m1, x, 0, normal, p);
    for (let r = 0; r < m1; r += 1) z1[r] = normal();
    for (let r = 0; r < rowsAfter; r += 1) zRest[r] = normal();
    const label = split.labels[img];
    if (second === undefined) {
      for (let q = 0; q < points; q += 1) {
        const s = sig[q] as number;
        for (let r = 0; r < m1; r += 1) y[r] = (p[r] as number) + s * (z1[r] as number);
        if (argmax(y) === label) correct[order[q] as number] = (correct[order[q] as number] as number) + 1;
      }
    } else {
      always.fill(0);
      up.fill(0);
      down.fill(0);
      for (let j = 0; j < m1; j += 1) {
        const pj = p[j] as number;
        const zj = z1[j] as number;
        const active = (k: number) => pj + (sig[k] as number) * zj > 0; // the ReLU test of the direct path
        if (zj === 0 || (pj > 0 && zj > 0) || (pj <= 0 && zj < 0)) {
          if (active(0) && active(points - 1)) addUnit(always, 0, j, pj, zj); // never switches (zj = 0 included)
        } else if (zj > 0) {
          addUnit(up, switchIndex(points, false, active), j, pj, zj); // off, then on from this point
        } else {
          const end = switchIndex(points, true, active); // on below this point
          if (end > 0) addUnit(down, end - 1, j, pj, zj);
        }
      }
      for (let q = 1; q < points; q += 1) for (let t = 0; t < width; t += 1) up[q * width + t] = (up[q * width + t] as number) + (up[(q - 1) * width + t] as number);
      for (let q = points - 2; q >= 0; q -= 1) for (let t = 0; t < width; t += 1) down[q * width + t] = (down[q * width + t] as number) + (down[(q + 1) * width + t] as number);
      const y2 = buffers[1] as Float64Array;
      for (let q = 0; q < points; q += 1) {
        const k = order[q] as number;
        const s = sig[q] as number;
        const o = q * width;
        const sum = (t: number) => (always[t] as number) + (up[o + t] as number) + (down[o + t] as number);
        const norm2 = sum(2 * m2) + 2 * s * sum(2 * m2 + 1) + s * s * sum(2 * m2 + 2);
        const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
        const s2 = (stds[k] as number[])[1] as number;
        for (let i = 0; i < m2; i += 1) y2[i] = (sum(i) + s * sum(m2 + i)) * scale + s2 * (zRest[i] as number);
        let input = y2;
        let zi = m2;
        for (let l = 2; l < layers.length; l += 1) {
          for (let r = 0; r < input.length; r += 1) if ((input[r] as number) < 0) input[r] = 0; // ReLU of the layer before
          const layer = layers[l] as (typeof layers)[number];
          input = noisyLayer(layer.weights, layer.rows, input, (stds[k] as number[])[l] as number, () => zRest[zi++] as number, buffers[l]);
        }
        if (argmax(input) === label) correct[k] = (correct[k] as number) + 1;
      }
    }
    if ((img + 1) % 100 === 0 || img + 1 === count) options.onProgress?.(img + 1, count);
  }
  return Array.from(correct, (c, k) => ({ accuracyPercent: (100 * c) / count, correct: c, count, noiseStds: stds[k] as number[] }));
}
