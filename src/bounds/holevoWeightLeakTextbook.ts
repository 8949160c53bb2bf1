import { symplecticEntropy } from '../kernels/symplecticEntropy.js';

/**
 * The textbook closed form of χ_W, in bits per weight symbol, evaluated in float64
 * exactly as the authors' Leak.m does (docs/model.md#weight-leakage): a = V, b = T(V − 1) + 1 + ε,
 * c² = T(V² − 1), z = √((a + b)² − 4c²), ν± = ½(z ± (b − a)), ν₃ = b − c²/(a + 1),
 * χ = g(ν₊) + g(ν₋) − g(ν₃); a ν below 1 from round-off is taken as 1 (as the
 * reference run did). It loses about log10(1/ε) digits near the vacuum; it is here to
 * reproduce the published numbers and to show that loss, not for new results
 * (use {@link holevoWeightLeak}). Kernel tier: no validation.
 *
 * @param modulationVariance - V = 2μ + 1 (SNU)
 * @param transmittance - power transmittance T
 * @param excessNoise - output-referred ε (SNU)
 * @returns χ_W in bits, with the float64 error of the textbook form
 * @example holevoWeightLeakTextbook(9, 1, 0) // returns ≈ 0 (round-off residue up to 1e-13)
 * @example holevoWeightLeakTextbook(9, 0.5, 0) // returns ≈ 2.7548875 (pure loss h(2), to ~1e-15)
 * @example holevoWeightLeakTextbook(9, 1, 1e-12) // returns ≈ 1.5988e-10, off by 3e-3 relative (exact 1.5942e-10)
 * @public
 */
export function holevoWeightLeakTextbook(modulationVariance: number, transmittance: number, excessNoise: number): number {
  const a = modulationVariance;
  const b = transmittance * (a - 1) + 1 + excessNoise;
  const c2 = transmittance * (a * a - 1);
  const z = Math.sqrt((a + b) * (a + b) - 4 * c2);
  const g = (nu: number): number => symplecticEntropy(Math.max(nu, 1)); // Leak.m reference run clamps ν < 1 from round-off
  return g((z + (b - a)) / 2) + g((z - (b - a)) / 2) - g(b - c2 / (a + 1));
}
