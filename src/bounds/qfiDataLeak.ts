import { addedPhotons } from '../protocol/addedPhotons.js';
import { checkRows, checkSamples } from './_internal/serverDataDomain.js';

/** Kernel of {@link qfiDataLeak}: ½·log2(1 + 4Mk/(n + k)); no validation, NaN propagates. */
function qfiKernel(k: number, rows: number, samples: number): number {
  // M·x²·F_Q with x² = 1/n and F_Q = 4k/(1 + k/n): 4Mk/(n + k), one quotient, no cancellation.
  return (0.5 * Math.log1p((4 * rows * k) / (samples + k))) / Math.LN2;
}

/**
 * Quantum-Fisher-information figure for the data, in bits per data symbol (docs/model.md#server-capabilities;
 * photon numbers, k = (G − 1)/G photons the client adds per row along x̂). **A
 * local-estimation figure, not an information bound.**
 *
 * Each returned mode j, after the server removes its known displacement, is a thermal
 * state with k·x² photons (x = x̂_j). Its quantum Fisher information about x is
 * F_Q = 4k/(1 + k·x²) (the homodyne value is 8k²x²/(1 + 2k·x²)², which vanishes as
 * x → 0; F_Q does not). The M rows of a layer carry the same x, so they are M independent
 * samples, and the quantum Cramér–Rao bound gives Var(x̃) ≥ 1/(M·F_Q) for any unbiased
 * estimator. The figure reports that precision as Gaussian-estimate bits,
 *
 *   ½·log2(1 + M·x²·F_Q) = ½·log2(1 + 4Mk/(n + k)),   x = 1/√n (x̂_j² = 1/n on active pixels).
 *
 * It is the capacity formula of a Gaussian channel whose noise variance is the Cramér–Rao
 * bound: it says how finely x could be resolved locally, not how many bits the server
 * learns. It bounds nothing (the Holevo models, {@link holevoSubadditiveDataLeak} and
 * {@link holevoSymmetricDataLeak}, do). Compared with the paper's convention
 * ({@link cramerRaoDataLeak}): there the samples are the n = 392 active pixels of one
 * row and the Fisher information is the homodyne one, doubled "for the quantum"; here the
 * samples are the M rows that carry the same pixel, the Fisher information is the quantum
 * one, and there is no factor 2. x = 1/√n is the same.
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param rows - rows M, an integer in [1, 1e10] (the samples of x)
 * @param samples - active pixels n = f·N ≥ 1 (so that x̂_j² = 1/n ≤ 1)
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example qfiDataLeak(1, 784, 392)     // returns 0 (G = 1: no added photons, F_Q = 0)
 * @example qfiDataLeak(2, 784, 392)     // returns ≈ 1.16023 (½·log2(1 + 1568/392.5))
 * @example qfiDataLeak(1.2, 784, 392)   // returns ≈ 0.611021
 * @example qfiDataLeak(2, 1, 1)         // returns ≈ 0.611196 (½·log2(1 + 2/1.5) = ½·log2(7/3); N = M = 1)
 * @public
 */
export function qfiDataLeak(gain: number, rows: number, samples: number): number {
  const k = addedPhotons(gain);
  const m = checkRows(rows);
  const n = checkSamples(samples);
  return qfiKernel(k, m, n);
}
