import { measurementNoiseFactor } from '../../protocol/measurementNoiseFactor.js';

/**
 * Shannon information, in bits, of the client's homodyne outcome about the q quadrature
 * of one Gaussian-modulated symbol (modulation V_A = 2μ' per quadrature, the weight
 * ensemble of the bound, docs/model.md#weight-leakage) after amplifier G and the 1/G splitter (docs/model.md#client-measurement):
 * ½·log2(1 + 2μ'/DX2(G)). 0 at G = 1 (DX2 = ∞).
 * @internal
 */
export function homodyneInformation(photons: number, gain: number): number {
  return Math.log1p(homodyneSnr(photons, gain)) / (2 * Math.LN2);
}

/** SNR of that homodyne outcome for one symbol's q quadrature: 2μ'/DX2(G) (0 at G = 1). @internal */
export function homodyneSnr(photons: number, gain: number): number {
  return (2 * photons) / measurementNoiseFactor(gain);
}
