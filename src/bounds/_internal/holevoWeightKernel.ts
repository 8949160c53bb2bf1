import { thermalEntropy } from '../../kernels/thermalEntropy.js';
import { thermalEntropyDifference } from '../../kernels/thermalEntropyDifference.js';

/**
 * Excesses ν − 1 of the three symplectic eigenvalues behind χ_W, each computed
 * as a sum or quotient of non-negative terms (derivation: proofs/weight-leakage.md).
 * @internal
 */
export interface HolevoWeightEigenExcess {
  /** ν₊ − 1 = ε + δ (SNU). */
  readonly plus: number;
  /** ν₋ − 1 (SNU). */
  readonly minus: number;
  /** ν₃ − 1 = ε (SNU). */
  readonly conditional: number;
  /** δ = ν₊ − 1 − ε = 4εμT/(z + 2 + ε + 2μL) ≥ 0 (SNU). */
  readonly delta: number;
}

/**
 * Kernel: eigenvalue excesses for mean photon number μ, loss L = 1 − T and
 * output-referred excess noise ε (SNU). Total; NaN propagates. @internal
 */
export function holevoWeightEigenExcess(mu: number, loss: number, eps: number): HolevoWeightEigenExcess {
  const t = 1 - loss;
  const muL = mu * loss;
  // D = (a + b)² − 4c² − 4, expanded so that every term is ≥ 0.
  const dd = 8 * muL + 4 * muL * muL + 4 * eps * (1 + mu * (1 + t)) + eps * eps;
  const z = Math.sqrt(4 + dd);
  const s = eps + 2 * muL;
  const delta = (4 * eps * mu * t) / (z + 2 + s);
  const plus = eps + delta;
  let minus: number;
  if (plus > 0) {
    // (ν₊ − 1)(ν₋ − 1) = 4εμ(1 + μ)(2L + ε)/(2 + q + z), q = 2μL + ε(1 + 2μ)
    const q = 2 * muL + eps * (1 + 2 * mu);
    minus = (4 * eps * mu * (1 + mu) * (2 * loss + eps)) / (2 + q + z) / plus;
  } else {
    // ε = 0 (or μT = 0 with ε = 0): ν₋ − 1 = (z − 2 + 2μL)/2 with z − 2 = D/(z + 2).
    minus = (dd / (z + 2) + 2 * muL) / 2;
  }
  return { plus, minus, conditional: eps, delta };
}

/**
 * Kernel: χ_W(μ, L, ε) in bits per weight symbol,
 * h((ν₊−1)/2) − h(ε/2) + h((ν₋−1)/2) with the first difference formed directly.
 * Every term is ≥ 0, so the sum has no cancellation. Total; NaN propagates.
 * @internal
 */
export function holevoWeightKernel(mu: number, loss: number, eps: number): number {
  const e = holevoWeightEigenExcess(mu, loss, eps);
  return thermalEntropyDifference(eps / 2, e.delta / 2) + thermalEntropy(e.minus / 2);
}
