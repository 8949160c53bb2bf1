import { atLeast, inLeftOpen, nonNegative } from '../_internal/validate.js';

/**
 * Noise-to-signal factor of the client's measurement with detector imperfections,
 * per unit α² (dimensionless): the amplify-then-split homodyne of docs/model.md#client-measurement read
 * with homodyne efficiency η and electronic noise v_el (SNU). The reflected quadrature
 * has mean √η·2√(G − 1)·α·s and variance η·(2G² − 3G + 2)/G + (1 − η) + v_el, so the
 * estimate of s = w·x̂ has variance DX2_eff/(4α²) with
 *
 *   DX2_eff = [η·(2G² − 3G + 2)/G + 1 − η + v_el] / (η·(G − 1)),
 *
 * which is DX2(G) at η = 1, v_el = 0 and grows as η falls or v_el rises (imperfections
 * lower the SNR; they never lower a leakage bound, docs/model.md#accuracy).
 *
 * @param gain - amplifier gain G ≥ 1 (G = 1 gives +∞: no signal)
 * @param efficiency - homodyne efficiency η in (0, 1] @defaultValue 1
 * @param electronicNoise - electronic noise v_el ≥ 0 (SNU) @defaultValue 0
 * @returns DX2_eff (dimensionless)
 * @example clientNoiseFactor(2) // returns 2 (= DX2(2))
 * @example clientNoiseFactor(2, 0.5) // returns 3 ((0.5·2 + 0.5)/(0.5·1))
 * @example clientNoiseFactor(3, 0.5, 0.2) // returns 2.5333… ((0.5·11/3 + 0.5 + 0.2)/(0.5·2))
 * @example clientNoiseFactor(1) // returns Infinity (no amplification, no signal)
 * @public
 */
export function clientNoiseFactor(gain: number, efficiency = 1, electronicNoise = 0): number {
  const g = atLeast('gain G', gain, 1);
  const eta = inLeftOpen('homodyne efficiency eta', efficiency, 0, 1);
  const vel = nonNegative('electronic noise v_el (SNU)', electronicNoise);
  if (g === 1) return Infinity;
  const inv = 1 / g;
  // Divided through by G: [η(2 − 3/G + 2/G²) + (1 − η + v_el)/G] / (η(G − 1)/G). G − 1 is exact for
  // G ≤ 2 (so no cancellation near G = 1) and nothing overflows for huge G (≤ 2.2e-16 relative, measured).
  // k = (G − 1)/G is written (G − 1)·(1/G) here, not addedPhotons(G): the two can differ in the last bit,
  // and this factor must stay bit-identical to measurementNoiseFactor's (η = 1, v_el = 0 gives DX2 exactly).
  return (eta * (2 - 3 * inv + 2 * inv * inv) + (1 - eta + vel) * inv) / (eta * ((g - 1) * inv));
}
