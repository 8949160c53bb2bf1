import { atLeast, describeValue, inLeftOpen, nonNegative } from '../_internal/validate.js';
import { addNoise } from '../gaussian/addNoise.js';
import { amplifierDilation } from '../gaussian/amplifierDilation.js';
import { beamSplitter } from '../gaussian/beamSplitter.js';
import { coherentState } from '../gaussian/coherentState.js';
import type { GaussianState } from '../gaussian/gaussianState.js';
import { householderUnitary } from '../gaussian/householderUnitary.js';
import { keepModes } from '../gaussian/keepModes.js';
import { passiveUnitary } from '../gaussian/passiveUnitary.js';
import { pureLoss } from '../gaussian/pureLoss.js';
import { tensorProduct } from '../gaussian/tensorProduct.js';
import { vacuum } from '../gaussian/vacuum.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** Input of {@link honestLayerRun} (docs/model.md#protocol, one layer, honest parties). @public */
export interface HonestLayerInput {
  /** W, M rows of N real weights (arrays or Float64Arrays). */
  readonly weights: readonly ArrayLike<number>[];
  /** The client vector x, N finite numbers, not all zero (x̂ = x/‖x‖; the norm stays with the client). */
  readonly x: ArrayLike<number>;
  /** Mean photon number per weight symbol μ ≥ 0: α is set by α²·mean(W²) = μ. */
  readonly mu: number;
  /** Client amplifier gain G ≥ 1. */
  readonly gain: number;
  /** Power transmittance T in (0, 1] of the server → client path, applied as pure loss on every mode before the client. @defaultValue 1 */
  readonly transmittance?: number | undefined;
  /** Technical excess noise ε_tech ≥ 0 (SNU) added to both quadratures of every returned mode, after U(x̂)†. @defaultValue 0 */
  readonly technicalNoise?: number | undefined;
}

/** One row of {@link honestLayerRun}. @public */
export interface HonestRowOutput {
  /** Mean of the client's homodyne (q) outcome, SNU: 2√(G − 1)·√T·α·(w_i·x̂). */
  readonly outputMean: number;
  /** Variance of that outcome, SNU: (2G² − 3G + 2)/G for every T (same for every row). */
  readonly outputVariance: number;
  /** The returned N-mode state (reflected port and idler traced out); its cov is shared by all rows. */
  readonly returned: GaussianState;
}

/** Result of {@link honestLayerRun}. @public */
export interface HonestLayerRun {
  /** N (modes per row). */
  readonly modes: number;
  /** α = √(μ / mean(W²)) (so a weight w is sent as the coherent amplitude α·w). */
  readonly alpha: number;
  /** x̂ = x/‖x‖. */
  readonly xhat: Float64Array;
  /** Per row: the client's output statistics and the returned state. */
  readonly rows: readonly HonestRowOutput[];
  /** Per returned mode j: Var q_j − 1 (SNU; means play no role in a variance) = 2(G − 1)/G·x̂_j² + ε_tech; the same for every row. */
  readonly excessNoise: Float64Array;
  /** Returned covariance minus identity, 2N×2N row-major: 2(G − 1)/G·x̂x̂ᵀ ⊗ I₂ + ε_tech·I; the same for every row. */
  readonly noiseCovariance: Float64Array;
}

/**
 * One layer of the protocol run at the level of Gaussian states (docs/model.md#protocol; shot-noise units,
 * vacuum variance 1; T a power transmittance). Modes: 0 … N − 1 the signal (time bins of
 * row i), N the amplifier's idler (kept by the client), N + 1 the vacuum port of the
 * client's beam splitter, whose reflected output the client homodynes (q). Per row i:
 *
 * 1. the server sends |α·w_ij⟩ on modes j (α²·mean(W²) = μ);
 * 2. pure loss T on every mode on the way to the client;
 * 3. the client applies U(x̂) ({@link householderUnitary}, first row x̂) to the N modes;
 * 4. on mode 0: the amplifier dilation of gain G (idler = mode N), then a beam splitter of
 *    transmissivity 1/G with the vacuum mode N + 1 (reflected port = mode N + 1, homodyned);
 * 5. U(x̂)† on the N signal modes, then ε_tech added to every signal mode, and the N modes
 *    are returned (idler and reflected port stay with the client: traced out).
 *
 * The covariance is the same for every row (coherent inputs all have covariance I; only
 * means differ), so it is computed once, by the engine, from a zero-amplitude input. Means
 * are linear in the input and p-means stay 0 (real W and x); per row they are propagated as
 * √T·2α·w_i (loss), y = U·(that) (q only), mode 0 through the engine's amplifier dilation and
 * beam splitter (a 3-mode state), and Uᵀ back: O(N²) per row.
 *
 * Results (proofs/gaussian-engine.md §7): output mean 2√(G − 1)·√T·α·(w_i·x̂), variance
 * (2G² − 3G + 2)/G independent of T (loss keeps a coherent state coherent); returned means
 * √T·α·w_ij (⟨q⟩ = 2√T·α·w_ij); returned covariance I + 2(G − 1)/G·x̂x̂ᵀ⊗I₂ + ε_tech·I, also
 * independent of T. The T here is the inbound loss only; a lossy return path would scale the
 * returned means by a further √T_back and mix the noise with vacuum.
 *
 * Cost: two passive unitaries on the (N + 2)-mode covariance, O(N³) each (≈ 16·N³
 * multiply-adds in all), plus O(N²) per row. N = 64: a few ms. N = 784: ≈ 8·10⁹
 * multiply-adds for the covariance, measured 3–5 s on one core (AMD EPYC, Node 20), about
 * 2 ms per row, peak RSS ≈ 270 MB for N = M = 784 (proofs/gaussian-engine.md §7).
 *
 * @param input - W, x, μ, G, T, ε_tech
 * @returns per-row output statistics and returned states, the per-mode excess noise and the noise matrix
 * @throws TypeError / RangeError on invalid input (empty or ragged W, x of the wrong length or all zero, W all zero with μ > 0,
 *   W so small that α overflows, parameters out of range)
 * @example honestLayerRun({ weights: [[1, 0]], x: [1, 0], mu: 1, gain: 2 }).rows[0]?.outputMean
 *   // returns 2√2 ≈ 2.8284 (= 2√(G − 1)·α·(w·x̂), α = √(μ/mean(W²)) = √2, w·x̂ = 1, T = 1)
 * @example honestLayerRun({ weights: [[1, 0]], x: [1, 0], mu: 1, gain: 1 }).excessNoise  // returns [0, 0] (G = 1: no noise)
 * @public
 */
export function honestLayerRun(input: HonestLayerInput): HonestLayerRun {
  if (typeof input !== 'object' || input === null) throw new InputTypeError(`input must be an object { weights, x, mu, gain, … }; received ${describeValue(input)}`);
  const u = householderUnitary(input.x); // validates x (finite, not all zero)
  const n = u.length;
  const xhat = Float64Array.from(u[0] as number[]);
  const weights = weightRows(input.weights, n);
  const mu = nonNegative('mean photon number mu', input.mu);
  const gain = atLeast('gain G', input.gain, 1);
  const t = input.transmittance === undefined ? 1 : inLeftOpen('transmittance T', input.transmittance, 0, 1);
  const noise = input.technicalNoise === undefined ? 0 : nonNegative('technical noise ε_tech (SNU)', input.technicalNoise);
  // α = √(μ / mean(W²)), with the largest |w| factored out so that mean(W²) neither underflows nor overflows.
  let big = 0;
  for (const row of weights) for (const w of row) big = Math.max(big, Math.abs(w));
  if (big === 0 && mu > 0) throw new InputRangeError(`weights must not be all zero when mu > 0 (α²·mean(W²) = μ has no solution); received mu = ${mu}`);
  let scaledSq = 0;
  for (const row of weights) for (const w of row) scaledSq += (w / (big || 1)) ** 2;
  const alpha = big === 0 ? 0 : Math.sqrt(mu / (scaledSq / (weights.length * n))) / big;
  if (!Number.isFinite(alpha)) throw new InputRangeError(`weights are too small to normalise: α = √(μ/mean(W²)) overflows (largest |w_ij| = ${big}); rescale W`);
  const ut = u.map((_, i) => u.map((row) => row[i] as number));
  const signal = Array.from({ length: n }, (_, j) => j);

  // Covariance, once (row-independent): the whole chain on a zero-amplitude input.
  let s = coherentState(new Array<number>(n).fill(0));
  s = pureLoss(s, signal, t);
  s = passiveUnitary(s, u);
  s = amplifierDilation(s, 0, gain); // idler: mode n
  s = tensorProduct(s, vacuum(1)); // vacuum port: mode n + 1
  s = beamSplitter(s, 0, n + 1, 1 / gain);
  s = passiveUnitary(s, ut, signal);
  s = addNoise(s, signal, noise);
  const port = 2 * (n + 1);
  const outputVariance = s.cov[port * 2 * (n + 2) + port] as number;
  const returnedCov = keepModes(s, signal).cov;
  const d = 2 * n;
  const noiseCovariance = Float64Array.from(returnedCov);
  for (let i = 0; i < d; i += 1) noiseCovariance[i * d + i] = (noiseCovariance[i * d + i] as number) - 1;
  const excessNoise = Float64Array.from(signal, (j) => noiseCovariance[2 * j * d + 2 * j] as number);

  // Means, row by row (linear in the input; p-means are 0 for real W and x).
  const rows = weights.map((w) => {
    const sqrtT = Math.sqrt(t);
    const q = w.map((wj) => sqrtT * 2 * alpha * wj); // after the loss
    const y = matVec(u, q); // after U(x̂)
    const front = beamSplitter(tensorProduct(amplifierDilation(coherentState((y[0] as number) / 2), 0, gain), vacuum(1)), 0, 2, 1 / gain);
    y[0] = front.mean[0] as number; // transmitted port (mode 0) after amplifier and splitter
    const back = matVec(ut, y); // after U(x̂)†
    const mean = new Float64Array(d);
    back.forEach((v, j) => {
      mean[2 * j] = v;
    });
    return { outputMean: front.mean[4] as number, outputVariance, returned: { modes: n, mean, cov: returnedCov } };
  });
  return { modes: n, alpha, xhat, rows, excessNoise, noiseCovariance };
}

/** W as M rows of N finite numbers. */
function weightRows(weights: unknown, n: number): number[][] {
  if (!Array.isArray(weights) || weights.length === 0) throw new InputTypeError(`weights must be a non-empty array of rows; received ${describeValue(weights)}`);
  return weights.map((row: unknown, i) => {
    if (!(Array.isArray(row) || ArrayBuffer.isView(row))) throw new InputTypeError(`weights[${i}] must be an array of numbers; received ${describeValue(row)}`);
    const r = Array.from(row as ArrayLike<unknown>);
    if (r.length !== n) throw new InputRangeError(`weights[${i}] must have N = ${n} entries (the length of x); received ${r.length}`);
    return r.map((v, j) => {
      if (typeof v !== 'number') throw new InputTypeError(`weights[${i}][${j}] must be a finite number; received ${describeValue(v)}`);
      if (!Number.isFinite(v)) throw new InputRangeError(`weights[${i}][${j}] must be a finite number; received ${describeValue(v)}`);
      return v;
    });
  });
}

function matVec(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => {
    let s = 0;
    for (let j = 0; j < v.length; j += 1) s += (row[j] as number) * (v[j] as number);
    return s;
  });
}
