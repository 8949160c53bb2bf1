import { InputRangeError } from '../../inputError.js';
import type { BiasFreeNetwork } from '../noisyForward.js';
import { integerAtLeast, oneOf, seed32 } from '../../_internal/validate.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../encodePixels.js';
import type { AccuracyResult } from '../testAccuracy.js';
import { outputNoiseStd, type OutputNoiseSpec } from '../outputNoiseStd.js';

/** Mean of W² of a layer (dimensionless). */
function meanSquare(w: Float64Array): number {
  let s = 0;
  for (const v of w) s += v * v;
  return s / w.length;
}

/** The noise standard deviation at each layer (units of w·x̂) for one noise specification; 0 at every layer for null (no noise). @internal */
export function layerNoiseStds(network: BiasFreeNetwork, noise: OutputNoiseSpec | null): number[] {
  return network.layers.map((l) => (noise === null ? 0 : outputNoiseStd(noise, meanSquare(l.weights))));
}

/** {@link layerNoiseStds} of every point of a curve; each must be finite. @throws RangeError naming the point and layer otherwise @internal */
export function curveNoiseStds(network: BiasFreeNetwork, noises: readonly OutputNoiseSpec[]): number[][] {
  const w2 = network.layers.map((l) => meanSquare(l.weights));
  return noises.map((spec, k) =>
    w2.map((m, l) => {
      const s = outputNoiseStd(spec, m);
      if (!Number.isFinite(s)) throw new InputRangeError(`noise point ${k} must give finite noise; received standard deviation ${s} at layer ${l + 1} (G = 1 gives no signal)`);
      return s;
    }),
  );
}

/**
 * The checked inputs of an accuracy computation at several noise points (at least one point, a
 * 32-bit seed, a known encoding, a network with a layer) and each point's per-layer noise.
 * @internal
 */
export function accuracyPoints<T>(network: BiasFreeNetwork, noises: readonly T[], options: { readonly seed?: number; readonly encoding?: PixelEncoding }, stdsOf: (network: BiasFreeNetwork, noises: readonly T[]) => number[][]): { seed: number; encoding: PixelEncoding; stds: number[][] } {
  integerAtLeast('number of noise points', noises.length, 1);
  const seed = seed32('seed', options.seed ?? 1);
  const encoding = oneOf('pixel encoding', options.encoding ?? 'pm1', PIXEL_ENCODINGS);
  integerAtLeast('number of layers', network.layers.length, 1);
  return { seed, encoding, stds: stdsOf(network, noises) };
}

/** One {@link AccuracyResult} per point from the correct counts over `count` images. @internal */
export function accuracyResults(correct: ArrayLike<number>, count: number, stds: readonly number[][]): AccuracyResult[] {
  return Array.from(correct, (c, k) => ({ accuracyPercent: (100 * c) / count, correct: c, count, noiseStds: stds[k] as number[] }));
}
