import { inLeftOpen, integerAtLeast, nonNegative } from '../_internal/validate.js';
import { addedPhotons } from '../protocol/addedPhotons.js';
import { checkRows, checkSamples } from './_internal/serverDataDomain.js';

/** Operating point of {@link countingDataLeak}. @public */
export interface CountingDataLeakInput {
  /** Client amplifier gain G ≥ 1 (k = (G − 1)/G photons per row along x̂). */
  readonly gain: number;
  /** Inputs (modes per row) N, a positive integer. @defaultValue 784 */
  readonly inputs?: number | undefined;
  /** Fraction p of non-zero pixels, in (0, 1]; active pixels carry x̂_j² = 1/(p·N), which must be ≤ 1. @defaultValue 0.5 */
  readonly activeFraction?: number | undefined;
  /** Rows M that carry the same x, an integer in [1, 1e10]. @defaultValue N */
  readonly rows?: number | undefined;
  /** Detector efficiency η in (0, 1]. @defaultValue 1 */
  readonly efficiency?: number | undefined;
  /** Mean dark counts d ≥ 0 per mode per row (counts; Poisson). @defaultValue 0 */
  readonly darkCounts?: number | undefined;
}

/** |v| below this: the series of {@link phi} (terms shrink like v² ≤ 1/4). */
const PHI_SERIES_BELOW = 0.5;
/** The series stops when a term is below 2^−54 of the sum (half an ulp); v² ≤ 1/4 needs at most 27 terms. */
const PHI_SERIES_REL_TOL = 2 ** -54;
const PHI_SERIES_MAX_TERMS = 40;

/**
 * Φ(u) = (1 + u)·ln(1 + u) − u ≥ 0 for u ≥ −1, given u and x = 1 + u computed separately
 * (the caller forms x as a ratio, so x ≥ 0 even when u rounds below −1). For |v| < 1/2,
 * v = u/(2 + u), Loader's series Φ = u·v + 2x·Σ_{j≥1} v^(2j+1)/(2j + 1) (no cancellation of
 * the first order); otherwise the direct form, which loses at most a factor 2.5 there.
 */
function phi(u: number, x: number): number {
  if (u === 0) return 0;
  const v = u / (1 + x);
  if (Math.abs(v) < PHI_SERIES_BELOW) {
    const v2 = v * v;
    let pow = v;
    let series = 0;
    for (let j = 1; j <= PHI_SERIES_MAX_TERMS; j += 1) {
      pow *= v2;
      const term = pow / (2 * j + 1);
      series += term;
      if (Math.abs(term) <= PHI_SERIES_REL_TOL * Math.abs(series)) break;
    }
    return u * v + 2 * x * series;
  }
  return x === 0 ? -u : x * Math.log(x) - u;
}

/**
 * Kernel of {@link countingDataLeak}: the mutual information of the Z channel in nats,
 * as p·D(q1‖q̄) + (1 − p)·D(q0‖q̄), each binary divergence D(a‖b) = b·Φ(a/b − 1) +
 * (1 − b)·Φ((1 − a)/(1 − b) − 1) a sum of non-negative terms, with every difference
 * (q1 − q0, q1 − q̄, q̄ − q0) formed as a product, never by subtraction. No validation.
 */
function countingKernel(k: number, rows: number, p: number, samples: number, eta: number, dark: number): number {
  if (p === 1) return 0; // every pixel active: nothing to learn about which
  const a = rows * Math.log1p((eta * k) / samples); // −ln P(no photon on an active pixel over M rows)
  const dm = dark * rows; // −ln P(no dark count over M rows)
  const c0 = Math.exp(-dm); // 1 − q0
  const delta = c0 * -Math.expm1(-a); // q1 − q0 ≥ 0
  if (!(delta > 0)) return delta === 0 ? 0 : NaN;
  const q0 = -Math.expm1(-dm);
  const q1 = q0 + delta; // not −expm1(−dm − a): that sum would round a away when dm ≫ a
  const c1 = c0 * Math.exp(-a); // 1 − q1, likewise as a product
  const qBar = q0 + p * delta; // P(click)
  const cBar = p * c1 + (1 - p) * c0; // P(no click) = 1 − q̄, a sum of non-negative terms
  // Either underflows only when the information is below ~1e-300 bits (subnormal η·k or e^(−dM)).
  if (!(qBar > 0 && cBar > 0)) return 0;
  const d1 = qBar * phi(((1 - p) * delta) / qBar, q1 / qBar) + cBar * phi((-(1 - p) * delta) / cBar, c1 / cBar);
  const d0 = qBar * phi((-p * delta) / qBar, q0 / qBar) + cBar * phi((p * delta) / cBar, c0 / cBar);
  return p * d1 + (1 - p) * d0;
}

/**
 * Displace-and-count attack on the data, in bits per data symbol (docs/model.md#server-capabilities; what a
 * server **achieves** with photon counters, so for independent pixels a lower bound on what
 * it can learn). Photon numbers; k = (G − 1)/G photons the client adds per row along x̂.
 * Never above {@link holevoSubadditiveDataLeak}: proved for every n = p·N ≥ 1, η and d
 * (proofs/server-data-bounds.md §5a). The prior is
 * stylised (x̂_j² fixed at 1/(p·N)): at N = 2, n = 1 it makes the two pixels exactly
 * anti-correlated, the per-pixel figure counts one bit twice and exceeds
 * {@link holevoSymmetricDataLeak} (proofs/server-data-bounds.md §4).
 *
 * The server removes its known displacement from every returned mode and counts photons.
 * Per row the client's thermal mode holds a geometric number of photons (mean k) spread
 * over the N modes with probabilities x̂_j², so the count in mode j is geometric with mean
 * k·x̂_j² (thinning a geometric law keeps it geometric); a detector of efficiency η thins
 * it to η·k·x̂_j², and dark counts add a Poisson number of mean d per mode per row. Prior: a
 * fraction p of pixels is active with x̂_j² = s = 1/(p·N), the rest are 0. Over the M rows
 * of a layer (same x), "no click" has probability (1 + η·k·s)^−M·e^(−dM) on an active
 * pixel and e^(−dM) on a zero one; with q1, q0 the click probabilities, the per-pixel
 * information is that of a binary channel,
 *
 *   I = h₂(p·q1 + (1 − p)·q0) − p·h₂(q1) − (1 − p)·h₂(q0)   (h₂ the binary entropy).
 *
 * Evaluated without cancellation (as expected divergences, each a sum of non-negative
 * terms, with expm1/log1p), so tiny k and tiny information keep full relative accuracy:
 * a few ulps times 1 + d·M + M·η·k·s, the value's own condition number in d and η (it goes
 * like e^(−dM) and (1 + ηks)^(−M), so rounding the products d·M and M·log1p(ηks) once is the
 * same as moving d or η by an ulp).
 * Efficiency and dark counts only degrade the channel: η = 1, d = 0 is the largest value.
 * When d·M > 745 the no-click probability e^(−dM) underflows and the result is 0 (the true
 * value is then below 1e-300 bits); values below about 1e-290 bits are subnormal doubles.
 *
 * @param input - gain, inputs, active fraction, rows, efficiency, dark counts
 * @returns bits per data symbol (≥ 0)
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example countingDataLeak({ gain: 1 })                                   // returns 0 (no photons)
 * @example countingDataLeak({ gain: 2 })                                   // returns ≈ 0.425309 (N = M = 784, p = 0.5)
 * @example countingDataLeak({ gain: 2, activeFraction: 0.2 })              // returns ≈ 0.605588
 * @example countingDataLeak({ gain: 2, activeFraction: 1 })                // returns 0 (every pixel active: no uncertainty)
 * @example countingDataLeak({ gain: 2, efficiency: 0.5, darkCounts: 1e-3 }) // returns ≈ 0.0252408
 * @public
 */
export function countingDataLeak(input: CountingDataLeakInput): number {
  const k = addedPhotons(input.gain);
  const inputs = integerAtLeast('inputs N', input.inputs ?? 784, 1);
  const p = inLeftOpen('active fraction p', input.activeFraction ?? 0.5, 0, 1);
  const n = checkSamples(p * inputs);
  const rows = checkRows(input.rows ?? inputs);
  const eta = inLeftOpen('detector efficiency η', input.efficiency ?? 1, 0, 1);
  const dark = nonNegative('dark counts d (mean per mode per row)', input.darkCounts ?? 0);
  return countingKernel(k, rows, p, n, eta, dark) / Math.LN2;
}
