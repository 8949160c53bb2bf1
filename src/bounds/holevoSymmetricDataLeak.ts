import { integerAtLeast } from '../_internal/validate.js';
import { photonBlockSeries } from './_internal/photonBlockSeries.js';
import { boundPhotons, checkRows } from './_internal/serverDataDomain.js';

/**
 * Holevo upper bound on the data leakage from the photon-number blocks, in bits per data
 * symbol (docs/model.md#server-capabilities; photon numbers, k = (G − 1)/G photons the client adds per row along
 * x̂). **An upper bound on everything any server can learn about x in one layer**, for any
 * prior on x, divided by the N data symbols. Below the subadditive bound
 * ({@link holevoSubadditiveDataLeak}) in every configuration tested (not proven; the two
 * agree to first order in k, and the second-order gap is positive: proofs/server-data-bounds.md §5).
 *
 *   χ_X ≤ E_L[log2 C(N + L − 1, L)],   L ~ negative binomial (M, k),
 *   P(L) = C(L + M − 1, L)·(1 + k)^−M·(k/(1 + k))^L,
 *
 * L being the total photon number of the M rows (each a thermal mode with k photons). Given
 * L, the returned state is |x̂^⊗L⟩⟨x̂^⊗L| (in the symmetric subspace of the N modes, of
 * dimension C(N + L − 1, L)) times a state of the rows that does not depend on x; L itself
 * does not depend on x. So the Holevo quantity of each block is at most log2 of that
 * dimension.
 *
 * The expectation is summed exactly (outward from the mode of L with a ratio recurrence;
 * each tail is dropped with a rigorous bound below 2^−54 of the sum, so the truncation
 * error is below 2^−53 relative; log-binomials to a few ulps without cancelling
 * log-gammas). The cost is about 18·√(M·k(1 + k)) terms (a few hundred at N = M = 784).
 * Jensen's inequality gives the closed form {@link holevoSymmetricGammaBound} above it.
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param inputs - inputs N (modes per row), a positive integer
 * @param rows - rows M that carry the same x, an integer in [1, 1e10]
 * @param technicalPhotons - technical-noise photons t per row along x̂ (noise that follows the data), in [0, 100]: the bound uses k + t photons per row (docs/model.md#server-capabilities) @defaultValue 0
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example holevoSymmetricDataLeak(1, 784, 784)   // returns 0 (G = 1)
 * @example holevoSymmetricDataLeak(2, 1, 784)     // returns 0 (N = 1)
 * @example holevoSymmetricDataLeak(2, 784, 784)   // returns ≈ 1.36897
 * @example holevoSymmetricDataLeak(1.2, 784, 784) // returns ≈ 0.683051
 * @example holevoSymmetricDataLeak(2, 2, 1)       // returns ≈ 0.209594 (N = 2, M = 1: Σ_L (2/3)·3^−L·log2(L + 1)/2)
 * @public
 */
export function holevoSymmetricDataLeak(gain: number, inputs: number, rows: number, technicalPhotons = 0): number {
  const k = boundPhotons(gain, technicalPhotons);
  const n = integerAtLeast('inputs N', inputs, 1);
  const m = checkRows(rows);
  return photonBlockSeries(n, m, k).nats / (n * Math.LN2);
}
