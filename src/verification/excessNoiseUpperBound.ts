import { positive } from '../_internal/validate.js';
import { checkDelta, checkSamples } from './_internal/checks.js';
import { chiSquareLowerQuantile } from './_internal/tails.js';

/**
 * Worst-case excess noise at confidence 1 − δ from m returned samples, in SNU
 * (output-referred, vacuum variance 1): the one-sided chi-square upper confidence limit
 *
 *   ε_up = (m − 1)·v̂/χ²_{m−1}(δ) − 1,
 *
 * where v̂ = Σr_i²/(m − 1) is the observed residual variance per degree of freedom (SNU) after
 * the server has fitted the transmittance (see {@link detectionProbability} for the model:
 * (m − 1)·v̂/(1 + ε) ~ χ²_{m−1}) and χ²_{m−1}(δ) is the lower δ point. Then
 * P(ε ≤ ε_up) = 1 − δ. The limit is returned as computed, not clamped: it is below 0
 * when v̂ is below shot noise by more than chance allows at that confidence (a calibration
 * problem the caller should see, not hide). Accuracy: that of stdlib's inverse incomplete
 * gamma function, about 5e-14 relative in the quantile (measured against the closed form at
 * two degrees of freedom).
 *
 * @param samples - returned samples m per mode, an integer ≥ 2
 * @param delta - δ in (0, 1): the probability that the true ε exceeds the limit
 * @param observedVariance - v̂ > 0 (SNU), residual variance per degree of freedom
 * @returns ε_up in SNU
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example excessNoiseUpperBound(3, 0.1, 1)       // returns ≈ 8.49122 (two degrees of freedom: 1/(−ln(1 − δ)) − 1)
 * @example excessNoiseUpperBound(1e6, 1e-10, 1)   // returns ≈ 0.00905 (about z·√(2/m), z = 6.36 the normal point of δ = 1e-10: the finite-size penalty)
 * @public
 */
export function excessNoiseUpperBound(samples: number, delta: number, observedVariance: number): number {
  const m = checkSamples(samples);
  const d = checkDelta(delta);
  const v = positive('observed variance v̂ (SNU)', observedVariance);
  const dof = m - 1;
  return (dof * v) / chiSquareLowerQuantile(d, dof) - 1;
}
