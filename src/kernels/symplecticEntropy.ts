import { thermalEntropy } from './thermalEntropy.js';

/**
 * Entropy g(ν), in bits, of a Gaussian mode with symplectic eigenvalue ν ≥ 1
 * (shot-noise units, vacuum ν = 1):
 *
 *   g(ν) = ((ν+1)/2)·log2((ν+1)/2) − ((ν−1)/2)·log2((ν−1)/2) = h((ν − 1)/2).
 *
 * Prefer {@link thermalEntropy} on the excess (ν − 1)/2 when ν − 1 is known
 * directly: ν itself cannot carry ν − 1 below 2.2e-16. Kernel tier: ν < 1 or NaN
 * returns NaN (no clamping).
 *
 * @param nu - symplectic eigenvalue (SNU, ≥ 1)
 * @returns entropy in bits
 * @example symplecticEntropy(1) // returns 0 (vacuum)
 * @example symplecticEntropy(3) // returns 2 (= h(1))
 * @example symplecticEntropy(0.5) // returns NaN
 * @public
 */
export function symplecticEntropy(nu: number): number {
  return thermalEntropy((nu - 1) / 2);
}
