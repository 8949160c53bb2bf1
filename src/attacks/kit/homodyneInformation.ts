import { nonNegative } from '../../_internal/validate.js';
import { measurementNoiseFactor } from '../../protocol/measurementNoiseFactor.js';

/**
 * Shannon information, in bits per row, of the client's homodyne outcome about the q quadrature
 * of one Gaussian-modulated symbol (modulation V_A = 2μ' per quadrature, the weight
 * ensemble of the bound, docs/model.md#weight-leakage) after amplifier G and the 1/G splitter
 * (docs/model.md#client-measurement): ½·log2(1 + 2μ'/DX2(G)).
 *
 * @param photons - mean photons μ' per symbol that reach the client (e.g. T·μ), ≥ 0
 * @param gain - client amplifier gain G ≥ 1
 * @returns bits (≥ 0)
 * @throws RangeError for negative or non-finite photons, or G < 1
 * @example homodyneInformation(4, 2) // returns ½·log2(1 + 8/2) = log2(5)/2 ≈ 1.16096
 * @example homodyneInformation(4, 1) // returns 0 (G = 1: DX2 = ∞, no signal)
 * @example homodyneInformation(0, 2) // returns 0
 * @public
 */
export function homodyneInformation(photons: number, gain: number): number {
  return Math.log1p(homodyneSnr(photons, gain)) / (2 * Math.LN2);
}

/**
 * Signal-to-noise ratio of that homodyne outcome for one symbol's q quadrature, 2μ'/DX2(G)
 * (dimensionless, linear).
 *
 * @param photons - mean photons μ' per symbol that reach the client, ≥ 0
 * @param gain - client amplifier gain G ≥ 1
 * @returns the SNR (≥ 0)
 * @throws RangeError for negative or non-finite photons, or G < 1
 * @example homodyneSnr(4, 2) // returns 4 (DX2(2) = 2)
 * @example homodyneSnr(4, 1) // returns 0 (G = 1)
 * @public
 */
export function homodyneSnr(photons: number, gain: number): number {
  return (2 * nonNegative('photons', photons)) / measurementNoiseFactor(gain);
}
