import { nonNegative } from '../_internal/validate.js';
import { measurementNoiseFactor } from './measurementNoiseFactor.js';

/**
 * The client's output signal-to-noise ratio SNR = μ/DX2(G) for an ideal detector (docs/model.md#accuracy),
 * the only way (μ, G) enter the accuracy (with imperfections use μ/clientNoiseFactor(G, η, v_el)).
 * The authors' notebook noise equals the physical noise at F = 4·SNR (notebookFForSnr); their
 * Matlab maps read their accuracy curve at F = √SNR instead (docs/presets.md).
 *
 * @param mu - mean photon number per weight symbol μ ≥ 0
 * @param gain - amplifier gain G ≥ 1
 * @returns SNR (dimensionless, ≥ 0); 0 at G = 1
 * @example outputSnr(4, 2) // returns 2
 * @public
 */
export function outputSnr(mu: number, gain: number): number {
  const m = nonNegative('mean photon number mu', mu);
  return m / measurementNoiseFactor(gain);
}
