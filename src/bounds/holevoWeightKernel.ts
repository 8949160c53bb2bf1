import { thermalEntropy } from '../kernels/thermalEntropy.js';
import { thermalEntropyDifference } from '../kernels/thermalEntropyDifference.js';

/**
 * Kernel: χ_W(μ, L, ε) in bits per weight symbol for mean photon number μ, loss
 * L = 1 − T and output-referred excess noise ε (SNU), from the excesses ν − 1 of the
 * three symplectic eigenvalues (derivation: proofs/weight-leakage.md):
 *
 *   ν₃ − 1 = ε,  ν₊ − 1 = ε·(1 + r),  r = 4μT/(z + 2 + ε + 2μL),
 *   (ν₊ − 1)(ν₋ − 1) = 4εμ(1 + μ)(2L + ε)/(2 + q + z),  q = 2μL + ε(1 + 2μ),
 *   χ_W = [h((ν₊−1)/2) − h(ε/2)] + h((ν₋−1)/2), the first difference formed directly.
 *
 * Every term is ≥ 0, so the sum has no cancellation. ε is factored out of ν₊ − 1 and
 * of the product before dividing, so nothing underflows for tiny ε (down to
 * subnormals) and ε = 0 needs no branch: ν₋ − 1 → 2μL (pure loss). Valid for
 * μ ≤ 1e150 (μ²L² must not overflow; the public functions allow μ ≤ 1e12).
 * Total; NaN propagates.
 * @internal
 */
export function holevoWeightKernel(mu: number, loss: number, eps: number): number {
  const t = 1 - loss;
  const muL = mu * loss;
  // D = (a + b)² − 4c² − 4, expanded so that every term is ≥ 0.
  const dd = 8 * muL + 4 * muL * muL + 4 * eps * (1 + mu * (1 + t)) + eps * eps;
  const z = Math.sqrt(4 + dd);
  const s = eps + 2 * muL;
  const r = (4 * mu * t) / (z + 2 + s);
  // (ν₊ − 1)(ν₋ − 1) = 4εμ(1 + μ)(2L + ε)/(2 + q + z), q = 2μL + ε(1 + 2μ); divide by ν₊ − 1 = ε(1 + r).
  const q = 2 * muL + eps * (1 + 2 * mu);
  const minus = (4 * mu * (1 + mu) * (2 * loss + eps)) / ((2 + q + z) * (1 + r)); // ν₋ − 1
  return thermalEntropyDifference(eps / 2, (eps * r) / 2) + thermalEntropy(minus / 2);
}
