import { InputRangeError } from '../../inputError.js';
import type { BiasFreeNetwork } from '../noisyForward.js';
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
