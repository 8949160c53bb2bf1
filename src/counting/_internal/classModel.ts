import type { MnistSplit } from '../../data/loadMnist.js';
import type { PixelEncoding } from '../../inference/encodePixels.js';
import type { SharedBasis } from './basisCache.js';
import { projector } from './projector.js';

/**
 * Additive smoothing of the class output distributions: one pseudo-image per class whose
 * photons land uniformly (weight 1/outputs on every output). Without it an output that no
 * training image of class c ever reaches (a corner pixel under `unit`) has P_c(b) = 0, and a
 * single count there would rule class c out for good (log 0). One pseudo-image among the
 * ~1 000 real ones per class moves no probability by more than 0.1 %, and puts the floor at
 * about 1/(outputs·(n_c + 1)) ≈ 1.3e-6: a count at an output no training image reaches then
 * costs log(1.3e-6/P) instead of −∞.
 * @internal
 */
export const PSEUDO_IMAGES = 1;

/**
 * The server's model of class c (docs/model.md#server-capabilities): P_c(b) = mean over the first `images` training
 * images of class c of |⟨b|x̂⟩|², smoothed with {@link PSEUDO_IMAGES} uniform pseudo-image
 * per class: P_c(b) = (Σ_i p_i(b) + 1/B)/(n_c + 1). Row-major 10 × B (B = basis.outputs).
 * @internal
 */
export function classDistributions(basis: SharedBasis, training: MnistSplit, encoding: PixelEncoding, images: number): Float64Array {
  const outputs = basis.outputs;
  const sums = new Float64Array(10 * outputs);
  const counts = new Float64Array(10);
  const p = new Float64Array(outputs);
  const proj = projector(basis, encoding, 'training');
  for (let i = 0; i < images; i += 1) {
    proj.project(training, i, p);
    const c = training.labels[i] as number;
    counts[c] = counts[c]! + 1;
    const o = c * outputs;
    for (let b = 0; b < outputs; b += 1) sums[o + b] = sums[o + b]! + p[b]!;
  }
  for (let c = 0; c < 10; c += 1) {
    const denominator = counts[c]! + PSEUDO_IMAGES;
    for (let b = 0; b < outputs; b += 1) sums[c * outputs + b] = (sums[c * outputs + b]! + PSEUDO_IMAGES / outputs) / denominator;
  }
  return sums;
}

const cache = new WeakMap<MnistSplit, Map<string, Float64Array>>();

/** {@link classDistributions}, cached per (training split, basis, encoding, images). @internal */
export function cachedClassDistributions(basis: SharedBasis, training: MnistSplit, encoding: PixelEncoding, images: number): Float64Array {
  let perSplit = cache.get(training);
  if (perSplit === undefined) {
    perSplit = new Map();
    cache.set(training, perSplit);
  }
  const key = `${basis.name}/${encoding}/${basis.rows}x${basis.cols}/${images}`;
  let d = perSplit.get(key);
  if (d === undefined) {
    d = classDistributions(basis, training, encoding, images);
    perSplit.set(key, d);
  }
  return d;
}

/**
 * Log-probabilities the classifier scores counts with, output-major (B × 10, entry b·10 + c):
 * log P′_c(b) where P′_c(b) = (η·k·P_c(b) + d)/(η·k + B·d) is the share of the expected
 * counts at output b that class c predicts, signal and dark counts together (M cancels).
 * With no signal and no dark counts nothing is ever counted; the entries are then log(1/B).
 * @internal
 */
export function countLogProbabilities(classP: Float64Array, outputs: number, meanPerRow: number, darkCounts: number): Float64Array {
  const out = new Float64Array(outputs * 10);
  const total = meanPerRow + outputs * darkCounts;
  for (let c = 0; c < 10; c += 1) {
    for (let b = 0; b < outputs; b += 1) {
      out[b * 10 + c] = total > 0 ? Math.log((meanPerRow * classP[c * outputs + b]! + darkCounts) / total) : -Math.log(outputs);
    }
  }
  return out;
}
