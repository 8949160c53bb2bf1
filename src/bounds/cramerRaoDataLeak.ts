import { atLeast, inClosed, oneOf, positive } from '../_internal/validate.js';
import { addedPhotons } from '../protocol/addedPhotons.js';

/**
 * Which Fisher information the Cramér–Rao data-leakage model uses:
 * `paper-2024` divides by σ⁸ as the authors' published CCRB1.m does;
 * `corrected` divides by σ⁴, the Fisher information of a zero-mean Gaussian whose
 * variance σ² depends on x. Everything else is identical.
 * @public
 */
export type CramerRaoVariant = 'paper-2024' | 'corrected';

/** The two {@link CramerRaoVariant} names. @public */
export const CRAMER_RAO_VARIANTS: readonly CramerRaoVariant[] = ['paper-2024', 'corrected'];

/** Kernel of {@link cramerRaoDataLeak}: no validation, NaN propagates. `noise` is 2k = 2(G − 1)/G, the added variance per unit x² (SNU). */
function cramerRaoKernel(noise: number, samples: number, x: number, sigmaPower: 4 | 8): number {
  const x2 = x * x;
  const s2 = 1 + noise * x2;
  const s2p = sigmaPower === 8 ? s2 * s2 * s2 * s2 : s2 * s2;
  const fisher = (2 * noise * noise * x2) / s2p;
  return (0.5 * Math.log1p(2 * samples * x2 * fisher)) / Math.LN2;
}

/**
 * The paper's homodyne Cramér–Rao figure for data leakage, in bits per data symbol
 * (docs/model.md#homodyne-models; shot-noise units). Each returned mode is a zero-mean Gaussian of
 * variance σ² = 1 + (2 − 2/G)·x² (SNU); with Fisher information I per sample and n
 * samples, Var ≥ 1/(n·I), reported as ½·log2(1 + 2·x²·n·I) (the factor 2 "for the
 * quantum"). I = 2(2 − 2/G)²x²/σ⁸ as published (`paper-2024`) or /σ⁴ (`corrected`).
 * Evaluated with log1p, so tiny values keep full relative accuracy (the published
 * float64 code returns 0 below about 1e-16 bits).
 * Note: this is the paper's model of a homodyning server, not an upper bound on what
 * a server can learn (docs/model.md#server-capabilities).
 *
 * @param gain - client amplifier gain G ≥ 1
 * @param samples - number of samples n > 0 (the paper: n = N/2 = 392)
 * @param x - normalised data value x̂_j in [−1, 1] @defaultValue 1/√n
 * @param variant - `paper-2024` (σ⁸, as published) or `corrected` (σ⁴) @defaultValue 'paper-2024'
 * @returns bits per data symbol (≥ 0)
 * @example cramerRaoDataLeak(1, 392)  // returns 0 (no amplifier, no noise, nothing to see)
 * @example cramerRaoDataLeak(2, 392)  // returns ≈ 0.0072495 (σ⁸; the σ⁴ variant gives ≈ 0.0072864)
 * @public
 */
export function cramerRaoDataLeak(gain: number, samples: number, x?: number, variant: CramerRaoVariant = 'paper-2024'): number {
  const g = atLeast('gain G', gain, 1);
  const n = positive('samples n', samples);
  const xv = x === undefined ? inClosed('normalised data value x (default 1/√n, so n ≥ 1)', 1 / Math.sqrt(n), -1, 1) : inClosed('normalised data value x', x, -1, 1);
  const v = oneOf('Cramér–Rao variant', variant, CRAMER_RAO_VARIANTS);
  // 2k = 2 − 2/G, from k = (G − 1)/G: no cancelling for G near 1, nor overflowing for huge G
  return cramerRaoKernel(2 * addedPhotons(g), n, xv, v === 'paper-2024' ? 8 : 4);
}
