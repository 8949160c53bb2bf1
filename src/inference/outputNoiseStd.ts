import { oneOf, positive } from '../_internal/validate.js';
import { clientNoiseFactor } from '../protocol/clientNoiseFactor.js';

/** The physical noise model of the client's measurement (docs/model.md#accuracy). @public */
export interface PhysicalNoiseSpec {
  /** Selects this model. */
  readonly model: 'physical';
  /** Mean photon number per weight symbol μ > 0. */
  readonly mu: number;
  /** Client amplifier gain G ≥ 1. */
  readonly gain: number;
  /** Homodyne efficiency η in (0, 1]. @defaultValue 1 */
  readonly efficiency?: number;
  /** Electronic noise v_el ≥ 0 (SNU). @defaultValue 0 */
  readonly electronicNoise?: number;
}

/** The authors' notebook parametrisation: measured = √(F/mean(W²))·(x̂·W) + N(0, 1). @public */
export interface NotebookNoiseSpec {
  /** Selects this model. */
  readonly model: 'notebook';
  /** The notebook's F > 0 (dimensionless, linear). */
  readonly f: number;
}

/** The physical model given by its output SNR = μ/DX2_eff alone (accuracy depends on nothing else, docs/model.md#accuracy). @public */
export interface SnrNoiseSpec {
  /** Selects this model. */
  readonly model: 'snr';
  /** SNR = μ/DX2_eff(G, η, v_el) > 0 (dimensionless, linear). */
  readonly snr: number;
}

/** How the noise on the client's inner products is specified (docs/model.md#accuracy). @public */
export type OutputNoiseSpec = PhysicalNoiseSpec | NotebookNoiseSpec | SnrNoiseSpec;

/**
 * Standard deviation of the noise on one inner product w·x̂ (same units as w·x̂), for a
 * layer whose weights have mean square meanSquareWeight = mean(W²):
 *
 * - physical: √(DX2_eff(G, η, v_el)/(4α²)) with α² = μ/mean(W²) (docs/model.md#accuracy);
 * - snr: √(mean(W²)/(4·SNR)), the physical model through SNR = μ/DX2_eff;
 * - notebook: √(mean(W²)/F), from dividing the notebook's measurement by √(F/mean(W²)).
 *
 * The two agree exactly when F = 4μ/DX2_eff = 4·SNR ({@link notebookFForSnr}). The
 * authors' Matlab maps read their accuracy-versus-F curve at F = √SNR instead, which is
 * not the same noise (see docs/presets.md).
 *
 * @param spec - the noise model and its parameters
 * @param meanSquareWeight - mean(W²) of the layer (> 0)
 * @returns standard deviation per unit of w·x̂ (> 0; +∞ at G = 1, no signal)
 * @throws RangeError for an unknown model, μ ≤ 0, F ≤ 0, SNR ≤ 0 or mean(W²) ≤ 0
 * @example outputNoiseStd({ model: 'physical', mu: 4, gain: 2 }, 1) // returns √(2/16) ≈ 0.35355
 * @example outputNoiseStd({ model: 'notebook', f: 8 }, 1)            // returns √(1/8) ≈ 0.35355 (F = 4·SNR = 8)
 * @example outputNoiseStd({ model: 'snr', snr: 2 }, 1)               // returns √(1/8) ≈ 0.35355
 * @example outputNoiseStd({ model: 'physical', mu: 4, gain: 2, efficiency: 0.5 }, 1) // returns √(3/16) ≈ 0.43301
 * @public
 */
export function outputNoiseStd(spec: OutputNoiseSpec, meanSquareWeight: number): number {
  const w2 = positive('mean square weight mean(W²)', meanSquareWeight);
  oneOf('noise model', spec.model, ['physical', 'notebook', 'snr']);
  if (spec.model === 'notebook') return Math.sqrt(w2 / positive('notebook parameter F', spec.f));
  if (spec.model === 'snr') return Math.sqrt(w2 / (4 * positive('output SNR', spec.snr)));
  const mu = positive('mean photon number mu', spec.mu);
  return Math.sqrt((clientNoiseFactor(spec.gain, spec.efficiency, spec.electronicNoise) * w2) / (4 * mu));
}

/**
 * The notebook parameter F that gives the same noise as the physical model at output
 * SNR = μ/DX2_eff: F = 4·SNR. (The authors' maps use F = √SNR.)
 * @param snr - μ/DX2_eff (dimensionless, > 0)
 * @returns F (dimensionless)
 * @example notebookFForSnr(2) // returns 8
 * @public
 */
export function notebookFForSnr(snr: number): number {
  return 4 * positive('output SNR', snr);
}
