import { atLeast } from '../_internal/validate.js';

/**
 * Photons per mode that the client's amplify-and-split adds to the light it returns, along
 * x̂ (photons per row; docs/model.md#returned-noise): k = (G − 1)/G for amplifier gain G.
 * The returned row carries one thermal mode of k photons along x̂, which is the honest
 * excess noise 2k·x̂_j² (SNU) on mode j and everything a server can learn about x from.
 *
 * Computed as the quotient (G − 1)/G: G − 1 is exact near G = 1 (where 1 − 1/G would lose
 * digits) and nothing overflows for huge G. Every formula in qsdl that means k calls this
 * function, so that the quantity has one home; the two places that write it otherwise say
 * why (measurementNoiseFactor and clientNoiseFactor multiply by 1/G, which they need anyway).
 *
 * @param gain - client amplifier gain G ≥ 1 (dimensionless)
 * @returns k in [0, 1] (photons per row): below 1 exactly, but the quotient rounds to 1 for G above about 2^53
 * @throws RangeError for G < 1, G = ∞ or NaN; TypeError for a non-number
 * @example addedPhotons(1)   // returns 0 (no amplification, nothing added)
 * @example addedPhotons(2)   // returns 0.5
 * @example addedPhotons(1e6) // returns 0.999999
 * @example addedPhotons(1e300) // returns 1 (G − 1 rounds to G)
 * @example addedPhotons(0.5) // throws RangeError: gain G must be a finite number in [1, ∞); received 0.5
 * @public
 */
export function addedPhotons(gain: number): number {
  const g = atLeast('gain G', gain, 1);
  return (g - 1) / g;
}
