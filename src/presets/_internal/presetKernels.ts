import { holevoWeightLeak } from '../../bounds/holevoWeightLeak.js';

/**
 * Leak.m(V, T, ε) evaluated with qsdl's cancellation-free χ_W (bits per weight
 * symbol): V modulation variance (SNU), T power transmittance, ε output-referred (SNU).
 * @internal
 */
export function leakM(modulationVariance: number, transmittance: number, excessNoise: number): number {
  return holevoWeightLeak({ modulationVariance, transmittance, excessNoise });
}

/** The scripts' effective excess noise (2G − 2)/G / n (SNU). @internal */
export function scriptEpsilon(gain: number, samples: number): number {
  return (2 * gain - 2) / gain / samples;
}
