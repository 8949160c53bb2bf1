import { atLeast } from '../_internal/validate.js';

/**
 * Noise-to-signal factor DX2(G) = (2G² − 3G + 2)/(G(G − 1)) of the client's
 * amplify-then-split homodyne (docs/model.md#client-measurement), per unit α²: the measured
 * quadrature has variance (2G² − 3G + 2)/G (SNU) and mean 2√(G − 1)·α·(w·x̂).
 * Smallest at G = 2 + √2, where DX2 = 2√2 − 1 ≈ 1.8284.
 *
 * @param gain - amplifier gain G ≥ 1 (dimensionless); G = 1 gives +∞ (no signal)
 * @returns DX2 (dimensionless)
 * @example measurementNoiseFactor(2)   // returns 2
 * @example measurementNoiseFactor(1)   // returns Infinity
 * @public
 */
export function measurementNoiseFactor(gain: number): number {
  const g = atLeast('gain G', gain, 1);
  if (g === 1) return Infinity;
  // (2G² − 3G + 2)/(G(G − 1)) divided through by G²: no overflow for huge G; 2 − 3/G + 2/G² ≥ 7/8 never
  // cancels, and (G − 1)/G keeps G − 1 exact near G = 1 where 1 − 1/G would lose digits. It is written
  // (G − 1)·(1/G) with the 1/G the numerator needs, not addedPhotons(G): the two can differ in the last bit,
  // and every SNR, accuracy curve and committed table was computed with this form.
  const inv = 1 / g;
  return (2 - 3 * inv + 2 * inv * inv) / ((g - 1) * inv);
}
