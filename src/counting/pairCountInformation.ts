import type { MnistSplit } from '../data/loadMnist.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../inference/encodePixels.js';
import { describeValue, integerAtLeast, oneOf, seed32 } from '../_internal/validate.js';
import type { CountingPhysics } from './countingPhysics.js';
import { checkSplit } from './_internal/checkSplit.js';
import { countKernel } from './_internal/countKernel.js';
import { encodingAffine } from './_internal/encodingAffine.js';
import { cachedMnist } from './_internal/mnistCache.js';
import { INK_THRESHOLD, pixelPairs } from './_internal/pairVectors.js';
import type { CountingBasisName } from './countingBasis.js';
import { resolvePhysics } from './_internal/resolvePhysics.js';
import { tailSums } from './_internal/samplers.js';
import { zeroImageError } from './_internal/trainingMoments.js';
import { uniformSource } from './uniformSource.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** The interferometers of 50:50 splitters on pixel pairs that {@link pairCountInformation} simulates (the pair bases of {@link CountingBasisName}). @public */
export type PairInterferometer = 'random-pairs' | 'adjacent-pairs' | 'fitted-pairs';

/** Every {@link PairInterferometer}. @public */
export const PAIR_INTERFEROMETERS: readonly PairInterferometer[] = Object.freeze(['random-pairs', 'adjacent-pairs', 'fitted-pairs'] as const);

/** Options of {@link pairCountInformation}. @public */
export interface PairCountInformationOptions extends CountingPhysics {
  /** Which pairing of the pixels the splitters act on. */
  readonly interferometer: PairInterferometer;
  /** Client encoding of the pixels, `pm1` (the paper's) or `unit`. @defaultValue 'pm1' */
  readonly encoding?: PixelEncoding | undefined;
  /** Images (the first ones of `test`) to simulate, an integer in [2, test.count]. @defaultValue all (10 000 for MNIST) */
  readonly images?: number | undefined;
  /** Seed, an integer in [−2^31, 2^31). @defaultValue 1 */
  readonly seed?: number | undefined;
  /** Public training images (`fitted-pairs` is fitted on them). @defaultValue the MNIST training split */
  readonly training?: MnistSplit | undefined;
  /** The client's images. @defaultValue the MNIST test split */
  readonly test?: MnistSplit | undefined;
}

/** Result of {@link pairCountInformation}. @public */
export interface PairCountInformation {
  /** Mean over pixel pairs of the information the pair's two port counts carry about the pair's ink pattern, per pixel (bits): plug-in less the Miller–Madow bias, summed over pairs, divided by N. */
  readonly bitsPerPixel: number;
  /** The plug-in estimate before the bias correction, bits per pixel. */
  readonly plugInBits: number;
  /** Standard error of `bitsPerPixel` (bits per pixel): delta method with images as independent clusters. */
  readonly standardError: number;
  /** Pixel pairs N/2. */
  readonly pairs: number;
  /** Images simulated. */
  readonly images: number;
  /** Mean detected counts per inference (all outputs, summed over the M rows). */
  readonly meanPhotons: number;
  /** Fraction of pairs whose two pixels have different ink bits (over the images). */
  readonly differingPairFraction: number;
  /** Mean thermal photons per row k used (from G or given). */
  readonly k: number;
  /** Signal photons per row reaching the detectors, η·k; 0 means the counts cannot depend on the data. */
  readonly detectedPerRow: number;
  /**
   * The estimator's value when nothing is learned: the largest of {@link NULL_PERMUTATIONS}
   * estimates (Miller–Madow corrected, bits per pixel) with the images' counts shuffled
   * against their ink patterns (seeded), which keeps every marginal and breaks only the link.
   */
  readonly nullBits: number;
}

/** Shuffles of the permutation null of {@link pairCountInformation} (19: the observed value exceeds all of them with probability 1/20 when nothing is learned). @public */
export const NULL_PERMUTATIONS = 19;

/**
 * A conservative lower limit on what the interferometric-counting server learns, bits per
 * pixel: exactly 0 when no signal photon reaches the detectors (η·k = 0: the counts are
 * independent of the data), else max(0, I − z·SE − I_null), the estimate less z standard
 * errors less the permutation null's largest value (the delta-method standard error
 * vanishes when nothing is learned, so the null is subtracted as well).
 * @param info - a result of {@link pairCountInformation}
 * @param z - standard errors subtracted @defaultValue 3
 * @returns bits per pixel, ≥ 0
 * @example pairCountLowerLimit(pairCountInformation({ interferometer: 'random-pairs', gain: 1 })) // returns 0
 * @public
 */
export function pairCountLowerLimit(info: PairCountInformation, z = 3): number {
  if (!(info.detectedPerRow > 0)) return 0;
  return Math.max(0, info.bitsPerPixel - z * info.standardError - Math.max(0, info.nullBits));
}

/** Ink patterns of a pair (two bits) and count classes of its two ports (0, 1, 2, ≥ 3 each). */
const X_VALUES = 4;
const CLASSES = 4;
const Y_VALUES = CLASSES * CLASSES;

/**
 * What a server learns about the client's pixels by interfering them in pairs on 50:50 beam
 * splitters and counting (docs/model.md#server-capabilities, proofs/interferometric-counting.md),
 * bits per pixel: a seeded Monte Carlo over real first-layer inputs (test images encoded,
 * x̂ = x/‖x‖; k photons per row, M rows, efficiency η, dark counts d per output per row). A
 * photon leaves port ± of pair (i, j) with probability (x̂_i ± x̂_j)²/2, so under `pm1`, where
 * |x_i| = 1 for ink and background alike, the ports read whether the two pixels agree — signs
 * that pixel-basis counting cannot see. For each pair (position known to the server) the
 * estimator tabulates the pair's ink pattern (raw ≥ 128: 4 values) against its two ports'
 * count classes (0, 1, 2, ≥ 3: 16 values) over the images, takes the plug-in mutual
 * information less the Miller–Madow bias (m_X + m_Y − m_XY − 1)/(2·n·ln 2) with m the occupied
 * cells, sums over pairs and divides by N. The standard error is the delta method with the
 * images as independent clusters (one photon total is shared by the pixels of an image).
 *
 * This is a per-pixel information, like displace-and-count's: the sum over pairs of
 * I(pattern_q; counts_q). Its proven cap is the subadditive Holevo bound (pairs of modes obey
 * the per-mode argument, proofs/interferometric-counting.md §3).
 *
 * @param options - interferometer, encoding, gain G or k, rows M, efficiency η, dark counts d, images, seed
 * @returns the information, its standard error, and the counts
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example pairCountInformation({ interferometer: 'random-pairs', encoding: 'pm1', gain: 2 }).bitsPerPixel // returns ≈ 0.2 (pm1 signs read by pairs)
 * @public
 */
export function pairCountInformation(options: PairCountInformationOptions): PairCountInformation {
  if (options === null || typeof options !== 'object') throw new InputTypeError(`options must be an object; received ${describeValue(options)}`);
  const interferometer = oneOf('interferometer', options.interferometer, PAIR_INTERFEROMETERS);
  const encoding = oneOf('pixel encoding', options.encoding ?? 'pm1', PIXEL_ENCODINGS);
  const physics = resolvePhysics(options);
  const seed = seed32('seed', options.seed ?? 1);
  const training = options.training === undefined ? cachedMnist('train') : checkSplit('training', options.training);
  const test = options.test === undefined ? cachedMnist('test') : checkSplit('test', options.test);
  if (test.rows !== training.rows || test.cols !== training.cols) {
    throw new InputRangeError(`test images must have the training images' size ${training.rows} × ${training.cols}; received ${test.rows} × ${test.cols}`);
  }
  const images = integerAtLeast('images', options.images ?? test.count, 2);
  if (images > test.count) throw new InputRangeError(`images must be an integer in [2, ${test.count}]; received ${images}`);
  const pairs = pixelPairs(interferometer, training);
  const n = test.rows * test.cols;
  const q = pairs.first.length;
  const { scale, offset } = encodingAffine(encoding);

  const u = uniformSource(seed);
  const xhat = new Float64Array(n);
  const p = new Float64Array(n);
  const tail = new Float64Array(n);
  const counts = new Float64Array(n);
  const xCode = new Uint8Array(images * q);
  const yCode = new Uint8Array(images * q);
  const tables = new Float64Array(q * X_VALUES * Y_VALUES);
  let detected = 0;
  let differing = 0;
  for (let m = 0; m < images; m += 1) {
    const base = m * n;
    let sq = 0;
    for (let j = 0; j < n; j += 1) {
      const x = scale * ((test.images[base + j] as number) / 255) + offset;
      xhat[j] = x;
      sq += x * x;
    }
    if (!(sq > 0)) throw zeroImageError('test', m, encoding);
    const inv = 1 / Math.sqrt(sq);
    for (let b = 0; b < q; b += 1) {
      const a = xhat[pairs.first[b]!]! * inv;
      const c = xhat[pairs.second[b]!]! * inv;
      p[2 * b] = ((a + c) * (a + c)) / 2;
      p[2 * b + 1] = ((a - c) * (a - c)) / 2;
    }
    countKernel(p, tailSums(p, tail), physics.meanPerRow, physics.rows, physics.darkCounts, u, counts);
    for (let b = 0; b < q; b += 1) {
      const inkA = (test.images[base + pairs.first[b]!] as number) >= INK_THRESHOLD ? 1 : 0;
      const inkB = (test.images[base + pairs.second[b]!] as number) >= INK_THRESHOLD ? 1 : 0;
      differing += inkA ^ inkB;
      const cp = counts[2 * b]!;
      const cm = counts[2 * b + 1]!;
      detected += cp + cm;
      const x = 2 * inkA + inkB;
      const y = Math.min(cp, CLASSES - 1) * CLASSES + Math.min(cm, CLASSES - 1);
      xCode[m * q + b] = x;
      yCode[m * q + b] = y;
      const cell = (b * X_VALUES + x) * Y_VALUES + y;
      tables[cell] = tables[cell]! + 1;
    }
  }

  // Per pair: plug-in information, Miller–Madow correction, and the pointwise information
  // log2(n·n_xy/(n_x·n_y)) − I for the delta-method standard error.
  const pointwise = new Float64Array(q * X_VALUES * Y_VALUES);
  let plugIn = 0;
  let corrected = 0;
  const rowSum = new Float64Array(X_VALUES);
  const colSum = new Float64Array(Y_VALUES);
  for (let b = 0; b < q; b += 1) {
    rowSum.fill(0);
    colSum.fill(0);
    const o = b * X_VALUES * Y_VALUES;
    let cells = 0;
    for (let x = 0; x < X_VALUES; x += 1) {
      for (let y = 0; y < Y_VALUES; y += 1) {
        const v = tables[o + x * Y_VALUES + y]!;
        rowSum[x] = rowSum[x]! + v;
        colSum[y] = colSum[y]! + v;
        if (v > 0) cells += 1;
      }
    }
    let info = 0;
    for (let x = 0; x < X_VALUES; x += 1) {
      for (let y = 0; y < Y_VALUES; y += 1) {
        const v = tables[o + x * Y_VALUES + y]!;
        if (v > 0) info += (v / images) * Math.log2((images * v) / (rowSum[x]! * colSum[y]!));
      }
    }
    for (let x = 0; x < X_VALUES; x += 1) {
      for (let y = 0; y < Y_VALUES; y += 1) {
        const v = tables[o + x * Y_VALUES + y]!;
        pointwise[o + x * Y_VALUES + y] = v > 0 ? Math.log2((images * v) / (rowSum[x]! * colSum[y]!)) - info : 0;
      }
    }
    const occupied = (a: Float64Array) => a.reduce((s, v) => s + (v > 0 ? 1 : 0), 0);
    plugIn += info;
    corrected += info + (occupied(rowSum) + occupied(colSum) - cells - 1) / (2 * images * Math.LN2);
  }
  let sumSq = 0;
  for (let m = 0; m < images; m += 1) {
    let s = 0;
    for (let b = 0; b < q; b += 1) s += pointwise[(b * X_VALUES + xCode[m * q + b]!) * Y_VALUES + yCode[m * q + b]!]!;
    sumSq += s * s;
  }
  const standardError = Math.sqrt((images / (images - 1)) * sumSq) / images / n;
  const nullBits = permutationNull(xCode, yCode, images, q, seed) / n;
  return {
    bitsPerPixel: corrected / n,
    plugInBits: plugIn / n,
    standardError,
    pairs: q,
    images,
    meanPhotons: detected / images,
    differingPairFraction: differing / (images * q),
    detectedPerRow: physics.meanPerRow,
    nullBits,
    k: physics.k,
  };
}

/** Σ over pairs of the Miller–Madow corrected information (bits) of a contingency table set, from codes. */
function correctedSum(xCode: Uint8Array, yCode: Uint8Array, images: number, q: number, perm: Uint32Array): number {
  const table = new Float64Array(X_VALUES * Y_VALUES);
  const rowSum = new Float64Array(X_VALUES);
  const colSum = new Float64Array(Y_VALUES);
  let total = 0;
  for (let b = 0; b < q; b += 1) {
    table.fill(0);
    rowSum.fill(0);
    colSum.fill(0);
    for (let m = 0; m < images; m += 1) {
      const x = xCode[m * q + b]!;
      const y = yCode[perm[m]! * q + b]!;
      table[x * Y_VALUES + y] = table[x * Y_VALUES + y]! + 1;
      rowSum[x] = rowSum[x]! + 1;
      colSum[y] = colSum[y]! + 1;
    }
    let info = 0;
    let cells = 0;
    for (let i = 0; i < table.length; i += 1) {
      const v = table[i]!;
      if (v > 0) {
        cells += 1;
        info += (v / images) * Math.log2((images * v) / (rowSum[Math.floor(i / Y_VALUES)]! * colSum[i % Y_VALUES]!));
      }
    }
    let rows = 0;
    let cols = 0;
    for (const v of rowSum) rows += v > 0 ? 1 : 0;
    for (const v of colSum) cols += v > 0 ? 1 : 0;
    total += info + (rows + cols - cells - 1) / (2 * images * Math.LN2);
  }
  return total;
}

/** The largest corrected estimate over NULL_PERMUTATIONS seeded shuffles of the images' counts (bits, summed over pairs). */
function permutationNull(xCode: Uint8Array, yCode: Uint8Array, images: number, q: number, seed: number): number {
  const u = uniformSource((seed ^ 0x5bd1e995) | 0);
  const perm = new Uint32Array(images);
  let worst = -Infinity;
  for (let r = 0; r < NULL_PERMUTATIONS; r += 1) {
    for (let i = 0; i < images; i += 1) perm[i] = i;
    for (let i = images - 1; i > 0; i -= 1) {
      const j = Math.floor(u() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    worst = Math.max(worst, correctedSum(xCode, yCode, images, q, perm));
  }
  return worst;
}
