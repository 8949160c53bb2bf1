import { atLeast, inClosed } from '../_internal/validate.js';
import { addedPhotons } from './addedPhotons.js';

/**
 * Excess noise ε_j, in SNU at the channel output, that an honest client adds to
 * returned mode j (docs/model.md#returned-noise): one thermal mode of (G − 1)/G photons along x̂,
 * so ε_j = 2(G − 1)/G · x̂_j².
 *
 * @param gain - client amplifier gain G ≥ 1 (dimensionless)
 * @param xhat - component x̂_j of the normalised data vector, in [−1, 1]
 * @returns ε_j in SNU (≥ 0)
 * @example honestModeExcessNoise(1, 0.3) // returns 0 (no amplification, no noise)
 * @example honestModeExcessNoise(2, 1)   // returns 1
 * @public
 */
export function honestModeExcessNoise(gain: number, xhat: number): number {
  const g = atLeast('gain G', gain, 1);
  const x = inClosed('normalised data component x̂_j', xhat, -1, 1);
  return 2 * addedPhotons(g) * x * x;
}
