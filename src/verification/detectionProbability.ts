import { inClosed, inLeftOpen, nonNegative, positive } from '../_internal/validate.js';
import { checkDelta, checkObject, checkSamples } from './_internal/checks.js';
import { chiSquareUpperQuantile, chiSquareUpperTail, normalCdf, normalUpperQuantile } from './_internal/tails.js';

/** A channel as the server's test sees one mode: power transmittance and output-referred excess noise (SNU). @public */
export interface ChannelParameters {
  /** Power transmittance T (honest: in (0, 1]; actual: in [0, 1]). */
  readonly transmittance: number;
  /** Excess noise ε ≥ 0, SNU, referred to the channel output (returned variance 1 + ε about the mean). */
  readonly excessNoise: number;
}

/** Operating point of {@link detectionProbability}. @public */
export interface DetectionProbabilityInput {
  /** Returned samples m per mode, an integer ≥ 2. */
  readonly samples: number;
  /** Confidence parameter δ in (0, 1): each of the two tests falsely aborts an honest run with probability δ/2. */
  readonly delta: number;
  /** Mean photon number μ > 0 per sent symbol: the server's amplitudes have variance V_A = 2μ per quadrature (SNU). */
  readonly mu: number;
  /** What the server expects from an honest client (its thresholds are set at it). */
  readonly honest: ChannelParameters;
  /** What the server actually sees. */
  readonly actual: ChannelParameters;
}

/** One of the two tests: its threshold and the probability that it fires. @public */
export interface FiniteSizeTestResult {
  /** The threshold: residual variance per degree of freedom in SNU (noise test; abort above), or amplitude transmittance √T (loss test; abort below). */
  readonly threshold: number;
  /** Probability that this test aborts at the actual channel. */
  readonly probability: number;
}

/** The server's chance of aborting, overall and per test. @public */
export interface DetectionProbabilityResult {
  /** Probability that at least one test aborts: 1 − (1 − p_ε)(1 − p_T) (the two statistics are independent). */
  readonly probability: number;
  /** Excess-noise test (chi-square, one-sided at δ/2). */
  readonly excessNoiseTest: FiniteSizeTestResult;
  /** Loss test (normal, one-sided at δ/2). */
  readonly lossTest: FiniteSizeTestResult;
}

/**
 * Probability that the server's finite-size test (docs/model.md#verification) aborts, per mode, from m returned
 * samples at confidence 1 − δ; shot-noise units (vacuum variance 1), T a power transmittance,
 * ε output-referred.
 *
 * Model. The server sends amplitudes a_i (quadrature means) drawn from N(0, V_A), V_A = 2μ,
 * and knows them; it receives y_i = √T·a_i + z_i with z_i ~ N(0, 1 + ε). It fits
 * t̂ = Σy_i·a_i/Σa_i² (least squares through the origin) and keeps the residuals
 * r_i = y_i − t̂·a_i. Given the a_i, exactly (Gaussian linear regression, Cochran):
 * - Σr_i² ~ (1 + ε)·χ²_{m−1}, one degree of freedom going to t̂;
 * - t̂ ~ N(√T, (1 + ε)/Σa_i²), independent of Σr_i²;
 * so the two tests below are independent and the combined probability is
 * 1 − (1 − p_ε)(1 − p_T). (With the mean removed exactly, as in docs/model.md#verification's sketch, the count
 * would be χ²_m; fitting T from the same samples costs one degree of freedom.)
 *
 * - Excess-noise test: abort if v̂ = Σr_i²/(m − 1) > v_thr = (1 + ε_h)·χ²_{m−1}(1 − δ/2)/(m − 1),
 *   the upper δ/2 point at the honest ε_h. Fires with p_ε = P(χ²_{m−1} > (m − 1)·v_thr/(1 + ε_a)).
 * - Loss test: abort if t̂ < τ = √T_h − z_{δ/2}·σ_h, σ² = (1 + ε)/(m·2μ), one-sided at δ/2
 *   against the honest T_h. Fires with p_T = Φ((τ − √T_a)/σ_a). The approximation:
 *   Σa_i² ≈ m·2μ, its mean (relative spread √(2/m); a server that conditions on its own
 *   Σa_i² has a false-alarm rate of exactly δ/2).
 *
 * An honest run aborts with probability 1 − (1 − δ/2)² ≤ δ. Tails come from stdlib's
 * incomplete gamma function and its inverse and are accurate to about 1e-16 absolute (a
 * probability below that reads as 0). The level δ/2 reaches the quantile as 1 − δ/2, which
 * rounds it by up to 1.1e-16 absolute: the thresholds are exact for a δ within 2.2e-16 of the
 * one given (backward stable), and the honest tails equal δ/2 to about 1e-16·(1 + √m)
 * absolute (the threshold's own rounding moves the tail by ~0.3·1e-16·√m; 3e-13 at m = 1e9).
 * p_ε grows with ε_a; p_T grows with the loss, and with ε_a as long as
 * √T_a ≥ τ (beyond, more noise makes a low t̂ less certain, so p_T, and the combined
 * probability, can fall as ε_a grows).
 *
 * @param input - samples m, δ, μ, honest and actual channel
 * @returns the combined probability and each test's threshold and probability
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example detectionProbability({ samples: 1e4, delta: 1e-2, mu: 4, honest: { transmittance: 1, excessNoise: 0 }, actual: { transmittance: 1, excessNoise: 0 } }).probability
 * // returns ≈ 0.009975 (= 1 − (1 − 0.005)², the honest false-alarm rate)
 * @example detectionProbability({ samples: 1e4, delta: 1e-2, mu: 4, honest: { transmittance: 1, excessNoise: 0 }, actual: { transmittance: 1, excessNoise: 0.2 } }).probability
 * // returns 1 (to double precision: the noise threshold 1.0368 SNU is 9.6 standard deviations of v̂ below 1.2)
 * @example detectionProbability({ samples: 3, delta: 0.1, mu: 1, honest: { transmittance: 1, excessNoise: 0 }, actual: { transmittance: 1, excessNoise: 1 } }).excessNoiseTest.probability
 * // returns ≈ 0.223607 (= (δ/2)^((1 + ε_h)/(1 + ε_a)) = √0.05: χ²₂ has the CDF 1 − e^(−x/2))
 * @public
 */
export function detectionProbability(input: DetectionProbabilityInput): DetectionProbabilityResult {
  const m = checkSamples(input.samples);
  const delta = checkDelta(input.delta);
  const mu = positive('mean photon number μ', input.mu);
  const honest = checkObject('honest', input.honest);
  const actual = checkObject('actual', input.actual);
  const th = inLeftOpen('honest transmittance T', honest.transmittance, 0, 1);
  const eh = nonNegative('honest excess noise ε (SNU)', honest.excessNoise);
  const ta = inClosed('actual transmittance T', actual.transmittance, 0, 1);
  const ea = nonNegative('actual excess noise ε (SNU)', actual.excessNoise);

  const dof = m - 1;
  const noiseThreshold = ((1 + eh) * chiSquareUpperQuantile(delta / 2, dof)) / dof;
  const pNoise = chiSquareUpperTail((dof * noiseThreshold) / (1 + ea), dof);

  const info = m * 2 * mu; // Σa_i² ≈ m·V_A
  const z = normalUpperQuantile(delta / 2);
  // σ = √((1 + ε)/info) is formed as √(1 + ε)/√info: (1 + ε)/info overflows for a subnormal μ.
  const rootInfo = Math.sqrt(info);
  const sigmaH = Math.sqrt(1 + eh) / rootInfo;
  const lossThreshold = Math.sqrt(th) - z * sigmaH;
  // (τ − √T_a)/σ_a without forming τ − √T_a: τ and √T_a agree to many digits when σ is small, so
  // √T_h − √T_a = (T_h − T_a)/(√T_h + √T_a) is taken from the difference of the transmittances.
  // Multiplied through by √info, so that σ_h and σ_a never meet as ∞/∞ when μ is tiny.
  const rootGap = (th - ta) / (Math.sqrt(th) + Math.sqrt(ta));
  const pLoss = normalCdf((rootGap * rootInfo - z * Math.sqrt(1 + eh)) / Math.sqrt(1 + ea));

  // 1 − (1 − a)(1 − b) as a + b·(1 − a): two tiny probabilities keep their sum, and the result never rounds above 1.
  const probability = pNoise + pLoss * (1 - pNoise);
  return { probability, excessNoiseTest: { threshold: noiseThreshold, probability: pNoise }, lossTest: { threshold: lossThreshold, probability: pLoss } };
}
