import { holevoSubadditiveDataLeak } from '../bounds/holevoSubadditiveDataLeak.js';
import { holevoWeightLeak } from '../bounds/holevoWeightLeak.js';
import { binaryEntropy } from '../kernels/binaryEntropy.js';
import { thermalEntropy } from '../kernels/thermalEntropy.js';
import { thermalEntropyDifference } from '../kernels/thermalEntropyDifference.js';
import { addedPhotons } from '../protocol/addedPhotons.js';
import { measurementNoiseFactor } from '../protocol/measurementNoiseFactor.js';
import { inClosed, inLeftOpen, integerAtLeast } from '../_internal/validate.js';

/**
 * One client countermeasure (docs/model.md#server-capabilities) and what it costs: accuracy through the output SNR,
 * weight leakage through the noise the server sees, and what it buys against a counting
 * server. Units: photons, bits per weight or data symbol, SNR dimensionless.
 * @public
 */
export interface CountermeasureRow {
  /** `none`, `isotropic-noise`, `lower-gain-brighter-light` or `randomised-gain`. */
  readonly countermeasure: string;
  /** Its setting, in words with units. */
  readonly setting: string;
  /** Mean photon number per weight symbol μ used (photons). */
  readonly mu: number;
  /** Client gain G (mean of the distribution for `randomised-gain`). */
  readonly gain: number;
  /** Output SNR μ/DX2 that the client's inner products get (for randomised G: μ over the rows' mean DX2). */
  readonly snr: number;
  /** χ_W on an active mode at the noise the server sees, bits per weight symbol. */
  readonly weightBits: number;
  /** Displace-and-count information per pixel (Z channel, prior "a fraction p active, equal values", detector η and dark counts d), bits per data symbol. */
  readonly countingBits: number;
  /** Subadditive Holevo bound on all a server learns per data symbol in the layer, bits. */
  readonly holevoBound: number;
}

/** Operating point the countermeasures start from. @public */
export interface CountermeasureInput {
  /** Mean photon number per weight symbol μ (photons). */
  readonly mu: number;
  /** Client gain G > 1. */
  readonly gain: number;
  /** Inputs N. @defaultValue 784 */
  readonly inputs?: number | undefined;
  /** Rows M. @defaultValue 784 */
  readonly rows?: number | undefined;
  /** Fraction p of non-zero inputs. @defaultValue 0.5 */
  readonly activeFraction?: number | undefined;
  /** Server detector efficiency η. @defaultValue 1 */
  readonly efficiency?: number | undefined;
  /** Server dark counts per mode per row. @defaultValue 0 */
  readonly darkCounts?: number | undefined;
  /** Isotropic noise levels n_a to try (photons per mode per row). @defaultValue [0.001, 0.01, 0.1] */
  readonly noiseLevels?: readonly number[] | undefined;
  /** Lower gains to try with μ raised to keep the SNR. @defaultValue [1.02, 1.05, 1.1] (those below G) */
  readonly lowerGains?: readonly number[] | undefined;
  /** Relative half-widths w of randomised gains, G − 1 uniform in (1 ± w)(G − 1). @defaultValue [0.5, 0.9] */
  readonly gainSpreads?: readonly number[] | undefined;
}

/** Z/binary-channel information per pixel: activity (probability p) → any click over the rows, click probabilities q1 (active), q0 (idle). */
function clickInformation(p: number, q1: number, q0: number): number {
  return Math.max(0, binaryEntropy(p * q1 + (1 - p) * q0) - p * binaryEntropy(q1) - (1 - p) * binaryEntropy(q0));
}

/** Points of the midpoint rule over a uniform gain distribution, for E[1/(1 + ηks)] and E h(k) (smooth on [a, b] with a > 1: within 1e-5 relative of a 20 000-point Simpson rule at w = 0.9, tested). */
const SPREAD_POINTS = 512;

/**
 * The client countermeasures of docs/model.md#server-capabilities at one operating point, each with its cost:
 * - `isotropic-noise`: the client adds n_a thermal photons to every returned mode (after
 *   its measurement: accuracy unchanged). The server sees ε + 2n_a (χ_W rises); a counting
 *   server sees background clicks, P(no count per row) = 1/(1 + η(k·s + n_a)) on active and
 *   1/(1 + η·n_a) on idle modes; the subadditive Holevo bound becomes
 *   M·[N·h(k/N + n_a) − h(k + n_a) − (N − 1)·h(n_a)]/N.
 * - `lower-gain-brighter-light`: G' < G with μ' = μ·DX2(G')/DX2(G), the same SNR (accuracy
 *   unchanged), fewer photons k' = (G' − 1)/G' returned, more light exposed (χ_W at μ').
 * - `randomised-gain`: G − 1 uniform in (1 ± w)(G − 1), one draw per row, unknown to the
 *   server: no click in M rows has probability (E[1/(1 + ηk·s)])^M; the Holevo bound
 *   uses M·[N·h(E k/N) − E h(k)] (concavity); the SNR is μ over the rows' mean DX2 (E k and
 *   E DX2 in closed form; proofs/attacks.md).
 * Accuracy is not computed here: feed `snr` to an accuracy curve (the CLI does).
 *
 * @param input - the operating point and the settings to try
 * @returns one row per setting, the baseline first
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example clientCountermeasures({ mu: 4, gain: 2 })[0].countingBits // returns ≈ 0.425 (the baseline, = countingDataLeak({ gain: 2 }))
 * @public
 */
export function clientCountermeasures(input: CountermeasureInput): CountermeasureRow[] {
  const mu = inLeftOpen('mean photon number mu', input.mu, 0, 1e6);
  const gain = inLeftOpen('gain G', input.gain, 1, 1e6);
  const N = integerAtLeast('inputs N', input.inputs ?? 784, 1);
  const M = integerAtLeast('rows M', input.rows ?? 784, 1);
  const p = inLeftOpen('active fraction p', input.activeFraction ?? 0.5, 0, 1);
  const eta = inLeftOpen('detector efficiency eta', input.efficiency ?? 1, 0, 1);
  const d = inClosed('dark counts', input.darkCounts ?? 0, 0, 10);
  const s = 1 / (p * N);
  const dark = Math.exp(-d * M);
  const noClick = (photons: number) => Math.exp(-M * Math.log1p(eta * photons)) * dark;
  // with n_a = 0 the library's cancellation-free kernel; with n_a > 0 the form
  // (M/N)·(N·[h(n_a + k/N) − h(n_a)] − [h(n_a + k) − h(n_a)]), each bracket without cancellation
  const subadditive = (g: number, na: number) =>
    na === 0 ? holevoSubadditiveDataLeak(g, N, M) : (M / N) * (N * thermalEntropyDifference(na, addedPhotons(g) / N) - thermalEntropyDifference(na, addedPhotons(g)));
  const chi = (m: number, eps: number) => holevoWeightLeak({ mu: m, excessNoise: eps });
  const row = (countermeasure: string, setting: string, m: number, g: number, snr: number, eps: number, q1: number, q0: number, bound: number): CountermeasureRow => ({
    countermeasure,
    setting,
    mu: m,
    gain: g,
    snr,
    weightBits: chi(m, eps),
    countingBits: clickInformation(p, q1, q0),
    holevoBound: bound,
  });
  const k = addedPhotons(gain);
  const snr = mu / measurementNoiseFactor(gain);
  const eps = 2 * k * s;
  const rows = [row('none', 'the protocol as specified', mu, gain, snr, eps, 1 - noClick(k * s), 1 - dark, subadditive(gain, 0))];
  for (const na of input.noiseLevels ?? [0.001, 0.01, 0.1]) {
    inClosed('isotropic noise n_a (photons per mode per row)', na, 0, 10);
    rows.push(row('isotropic-noise', `n_a = ${na} photon per mode per row`, mu, gain, snr, eps + 2 * na, 1 - noClick(k * s + na), 1 - noClick(na), subadditive(gain, na)));
  }
  for (const g of input.lowerGains ?? [1.02, 1.05, 1.1]) {
    inLeftOpen('lower gain', g, 1, 1e6);
    if (g >= gain) continue;
    const m = mu * (measurementNoiseFactor(g) / measurementNoiseFactor(gain));
    const kg = addedPhotons(g);
    rows.push(row('lower-gain-brighter-light', `G = ${g}, μ raised to keep the SNR`, m, g, snr, 2 * kg * s, 1 - noClick(kg * s), 1 - dark, subadditive(g, 0)));
  }
  for (const w of input.gainSpreads ?? [0.5, 0.9]) {
    inLeftOpen('gain spread w', w, 0, 1);
    // G uniform in [a, b]; E k and E DX2 in closed form (DX2 has a pole at G = 1, which b → a... w → 1 approaches)
    const a = 1 + (gain - 1) * (1 - w);
    const b = 1 + (gain - 1) * (1 + w);
    const meanK = 1 - Math.log(b / a) / (b - a);
    const meanDx2 = (2 * (b - a) - 2 * Math.log(b / a) + Math.log((b - 1) / (a - 1))) / (b - a);
    // midpoint rule for the smooth integrands: P(no photon in a row) and h(k)
    let meanNoPhoton = 0;
    let meanH = 0;
    for (let i = 0; i < SPREAD_POINTS; i += 1) {
      const kg = addedPhotons(a + ((b - a) * (i + 0.5)) / SPREAD_POINTS);
      meanNoPhoton += 1 / (1 + eta * kg * s) / SPREAD_POINTS;
      meanH += thermalEntropy(kg) / SPREAD_POINTS;
    }
    // rows draw their gains independently, unknown to the server: no click in M rows has probability (E[1/(1 + ηks)])^M
    const q1 = 1 - Math.exp(M * Math.log(meanNoPhoton)) * dark;
    const bound = (M / N) * (N * thermalEntropy(meanK / N) - meanH);
    rows.push(row('randomised-gain', `G − 1 uniform in (1 ± ${w})·${gain - 1}`, mu, gain, mu / meanDx2, 2 * meanK * s, q1, 1 - dark, bound));
  }
  return rows;
}
