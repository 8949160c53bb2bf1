import { integerAtLeast } from '../_internal/validate.js';
import { boundPhotons, checkRows } from './_internal/serverDataDomain.js';

/**
 * Kernel of {@link holevoSubadditiveDataLeak}, in nats per layer divided by N:
 * N·h(k/N) − h(k) = [N·log1p(k/N) − log1p(k)] + k·log1p((N − 1)/(1 + k)) (from
 * h(n) = log1p(n) + n·log1p(1/n)). Both brackets are ≥ 0; the first is O(k²) and cancels
 * to about 3u·k absolute, while the second is ≥ k·ln(3/2) for N ≥ 2 and k ≤ 1, so the
 * sum keeps about 10u relative. N = 1 gives 0 exactly. No validation.
 */
function subadditiveKernel(k: number, inputs: number, rows: number): number {
  const concave = inputs * Math.log1p(k / inputs) - Math.log1p(k);
  const spread = k * Math.log1p((inputs - 1) / (1 + k));
  return (rows / inputs) * (concave + spread);
}

/**
 * Holevo upper bound on the data leakage from subadditivity, in bits per data symbol
 * (docs/model.md#server-capabilities; photon numbers, k = (G − 1)/G photons the client adds per row along x̂).
 * **An upper bound on everything any server can learn about x in one layer**, for any
 * prior on x, divided by the N data symbols:
 *
 *   χ_X ≤ M·[N·h(k/N) − h(k)] bits per layer,  bits per data symbol = (M/N)·[N·h(k/N) − h(k)],
 *
 * h the thermal entropy ({@link thermalEntropy}). Per row, the returned state for data x
 * has entropy h(k) (one thermal mode); the average state's entropy is at most the sum of
 * its N one-mode entropies, each at most h of its mean photon number, and those means sum
 * to k, so by concavity at most N·h(k/N). The M rows add. Evaluated without subtracting two
 * entropies (see the kernel), so tiny k keeps full relative accuracy.
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param inputs - inputs N (modes per row), a positive integer
 * @param rows - rows M that carry the same x, an integer in [1, 1e10]
 * @param technicalPhotons - technical-noise photons t per row along x̂ (noise that follows the data), in [0, 100]: the bound uses k + t photons per row (docs/model.md#server-capabilities) @defaultValue 0
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example holevoSubadditiveDataLeak(1, 784, 784)   // returns 0 (G = 1)
 * @example holevoSubadditiveDataLeak(2, 1, 1)       // returns 0 (N = 1: one mode, nothing to choose)
 * @example holevoSubadditiveDataLeak(2, 784, 784)   // returns ≈ 4.65149
 * @example holevoSubadditiveDataLeak(1.2, 784, 784) // returns ≈ 1.58347
 * @public
 */
export function holevoSubadditiveDataLeak(gain: number, inputs: number, rows: number, technicalPhotons = 0): number {
  const k = boundPhotons(gain, technicalPhotons);
  const n = integerAtLeast('inputs N', inputs, 1);
  const m = checkRows(rows);
  return subadditiveKernel(k, n, m) / Math.LN2;
}
