import { atLeast, inLeftOpen, integerAtLeast } from '../_internal/validate.js';
import { addedPhotons } from './addedPhotons.js';

/**
 * The paper's effective per-mode excess noise, in SNU at the channel output:
 * ε = 2(G − 1)/(G·f·N), the honest noise 2(G − 1)/G spread evenly over the f·N
 * non-zero entries of x̂ (the paper takes f = ½ for ReLU activations and N = 784).
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param inputs - number of inputs (modes) N, a positive integer
 * @param activeFraction - fraction f of non-zero entries, in (0, 1] @defaultValue 0.5
 * @returns ε in SNU
 * @example effectiveExcessNoise(2, 784)       // returns 1/392 ≈ 0.0025510
 * @example effectiveExcessNoise(1, 784)       // returns 0
 * @public
 */
export function effectiveExcessNoise(gain: number, inputs: number, activeFraction = 0.5): number {
  const g = atLeast('gain G', gain, 1);
  const n = integerAtLeast('inputs N', inputs, 1);
  const f = inLeftOpen('active fraction f', activeFraction, 0, 1);
  return (2 * addedPhotons(g)) / (f * n);
}
