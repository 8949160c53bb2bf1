import { integerAtLeast } from '../_internal/validate.js';
import { lnChoose } from './_internal/logBinomial.js';
import { addedPhotons } from '../protocol/addedPhotons.js';
import { checkRows } from './_internal/serverDataDomain.js';

/**
 * Closed-form (Jensen) relaxation of the photon-block Holevo bound, in bits per data
 * symbol (docs/model.md#server-capabilities; photon numbers, k = (G − 1)/G photons per row along x̂):
 *
 *   E_L[log2 C(N + L − 1, L)] ≤ log2[Γ(N + M·k)/(Γ(M·k + 1)·Γ(N))],  divided by N,
 *
 * since L ↦ ln Γ(N + L) − ln Γ(L + 1) is concave (its second derivative ψ′(N + L) − ψ′(L + 1)
 * is ≤ 0) and E[L] = M·k. An upper bound on the data leakage, looser than
 * {@link holevoSymmetricDataLeak} (by about 0.001 bit per data symbol at N = M = 784);
 * unlike the exact expectation it is not always below the subadditive bound (for
 * G − 1 ≲ 1e-3 at N = M = 784 it is slightly above it). Evaluated without cancelling
 * log-gammas: for M·k < 1 as Σ_i log1p(M·k/i) (first 64 terms summed, the rest in closed
 * form), otherwise in the lbeta form of R; a few ulps relative.
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param inputs - inputs N (modes per row), a positive integer
 * @param rows - rows M that carry the same x, an integer in [1, 1e10]
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example holevoSymmetricGammaBound(1, 784, 784)   // returns 0 (G = 1)
 * @example holevoSymmetricGammaBound(2, 784, 784)   // returns ≈ 1.36989
 * @example holevoSymmetricGammaBound(2, 2, 1)       // returns ≈ 0.292481 (log2(1.5)/2: Γ(2.5)/(Γ(1.5)·Γ(2)) = 1.5)
 * @public
 */
export function holevoSymmetricGammaBound(gain: number, inputs: number, rows: number): number {
  const k = addedPhotons(gain);
  const n = integerAtLeast('inputs N', inputs, 1);
  const m = checkRows(rows);
  return lnChoose(n - 1, m * k) / (n * Math.LN2);
}
