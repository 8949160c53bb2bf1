import type { MnistSplit } from '../data/loadMnist.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../inference/encodePixels.js';
import { describeValue, integerAtLeast, oneOf, seed32 } from '../_internal/validate.js';
import { sharedBasis } from './_internal/basisCache.js';
import type { CountingPhysics } from './countingPhysics.js';
import { checkSplit } from './_internal/checkSplit.js';
import { countKernel } from './_internal/countKernel.js';
import { plugInInformation } from './_internal/entropy.js';
import { cachedMnist } from './_internal/mnistCache.js';
import { projector } from './_internal/projector.js';
import { resolvePhysics } from './_internal/resolvePhysics.js';
import { tailSums } from './_internal/samplers.js';
import { uniformSource } from './uniformSource.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** Options of {@link pixelCountInformation}. @public */
export interface PixelCountInformationOptions extends CountingPhysics {
  /** Client encoding of the pixels, `pm1` (the paper's) or `unit`. @defaultValue 'pm1' */
  readonly encoding?: PixelEncoding | undefined;
  /** Images (the first ones of `test`) to simulate, an integer in [1, test.count]. @defaultValue all (10 000 for MNIST) */
  readonly images?: number | undefined;
  /** Seed, an integer in [−2^31, 2^31). @defaultValue 1 */
  readonly seed?: number | undefined;
  /** The client's images. @defaultValue the MNIST test split */
  readonly test?: MnistSplit | undefined;
}

/** Result of {@link pixelCountInformation}. @public */
export interface PixelCountInformation {
  /** Mutual information between a pixel's ink bit and its count class, bits per pixel: plug-in minus its first-order bias (may be slightly negative when the truth is ~0). */
  readonly bitsPerPixel: number;
  /** The plug-in estimate, bits per pixel. */
  readonly plugInBits: number;
  /** The first-order bias subtracted, (|X| − 1)(|Y| − 1)/(2·n·ln 2) = 3/(2·n·ln 2) bits (n = pixels). */
  readonly biasBits: number;
  /** Standard error of the estimate, bits: delta method with images as independent clusters (pixels of one image share one photon total); NaN for a single image. */
  readonly standardError: number;
  /** Pooled table of pixel counts: table[x][y], x = 0 background (raw < 128) / 1 ink (raw ≥ 128), y = 0, 1, 2, ≥ 3 counts. */
  readonly table: readonly (readonly number[])[];
  /** Pixels pooled, images·rows·cols. */
  readonly pixels: number;
  /** Fraction of ink pixels. */
  readonly inkFraction: number;
  /** Fraction of ink pixels with at least one count. */
  readonly inkClickRate: number;
  /** Fraction of background pixels with at least one count. */
  readonly backgroundClickRate: number;
  /** Mean detected counts per inference (all pixels, summed over the M rows). */
  readonly meanPhotons: number;
  /** Mean thermal photons per row k used (from G or given). */
  readonly k: number;
}

/** Raw pixel value from which a pixel counts as ink: the midpoint of 0…255 (the pm1 zero crossing). */
const INK_THRESHOLD = 128;
/** Count classes 0, 1, 2, ≥ 3: what a server reading clicks and low photon numbers sees. */
const COUNT_CLASSES = 4;

/**
 * What a displace-and-count server learns about each pixel in the pixel basis (docs/model.md#server-capabilities),
 * in bits per data symbol (per pixel): a seeded Monte Carlo over real first-layer inputs
 * (test images encoded, x̂ = x/‖x‖; k photons per row, M rows, efficiency η, dark counts d)
 * of the mutual information between a pixel's ink bit (raw ≥ 128) and its count class
 * (0, 1, 2, ≥ 3), from the table pooled over pixels and images. Plug-in estimate with the
 * first-order (Miller–Madow) bias (|X| − 1)(|Y| − 1)/(2·n·ln 2) subtracted, and a
 * cluster-robust standard error (proofs/photon-counting.md §7). Under `unit` a background
 * pixel with raw value 0 has x̂_j = 0 and never clicks without dark counts; under `pm1`
 * |x_j| is 1 for both ink and background, so the information is near 0.
 *
 * @param options - encoding, gain G or k, rows M, efficiency η, dark counts d, images, seed
 * @returns the information, its bias and standard error, the table and the click rates
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example pixelCountInformation({ encoding: 'unit', gain: 2 }).bitsPerPixel // returns the unit-encoding leak over all 10 000 test images
 * @example pixelCountInformation({ encoding: 'pm1', k: 0 }).bitsPerPixel     // returns ≈ 0 (no photons: nothing clicks; negative by the bias term)
 * @public
 */
export function pixelCountInformation(options: PixelCountInformationOptions): PixelCountInformation {
  if (options === null || typeof options !== 'object') throw new InputTypeError(`options must be an object; received ${describeValue(options)}`);
  const encoding = oneOf('pixel encoding', options.encoding ?? 'pm1', PIXEL_ENCODINGS);
  const physics = resolvePhysics(options);
  const seed = seed32('seed', options.seed ?? 1);
  const test = options.test === undefined ? cachedMnist('test') : checkSplit('test', options.test);
  const images = integerAtLeast('images', options.images ?? test.count, 1);
  if (images > test.count) throw new InputRangeError(`images must be an integer in [1, ${test.count}]; received ${images}`);

  const n = test.rows * test.cols;
  const proj = projector(sharedBasis('pixel', test, encoding), encoding, 'test');
  const u = uniformSource(seed);
  const p = new Float64Array(n);
  const tail = new Float64Array(n);
  const counts = new Float64Array(n);
  // Per-image tables (2 × 4 cells each) for the cluster-robust standard error.
  const perImage = new Float64Array(images * 2 * COUNT_CLASSES);
  const table = new Float64Array(2 * COUNT_CLASSES);
  let detected = 0;
  for (let i = 0; i < images; i += 1) {
    proj.project(test, i, p);
    countKernel(p, tailSums(p, tail), physics.meanPerRow, physics.rows, physics.darkCounts, u, counts);
    const cells = perImage.subarray(i * 2 * COUNT_CLASSES, (i + 1) * 2 * COUNT_CLASSES);
    for (let j = 0; j < n; j += 1) {
      const c = counts[j]!;
      detected += c;
      const x = (test.images[i * n + j] as number) >= INK_THRESHOLD ? 1 : 0;
      const y = Math.min(c, COUNT_CLASSES - 1);
      cells[x * COUNT_CLASSES + y] = cells[x * COUNT_CLASSES + y]! + 1;
    }
    for (let cell = 0; cell < table.length; cell += 1) table[cell] = table[cell]! + cells[cell]!;
  }
  const pixels = images * n;
  const plugInBits = plugInInformation(table, 2, COUNT_CLASSES);
  const biasBits = ((2 - 1) * (COUNT_CLASSES - 1)) / (2 * pixels * Math.LN2);

  // Delta method: the plug-in estimate moves, to first order, by the mean over pixels of
  // i(x, y) − I with i(x, y) = log2(n·n_xy/(n_x·n_y)); pixels of one image are dependent, so
  // the variance is taken over per-image sums S_i (Σ_i S_i = 0): Var ≈ m/(m − 1)·Σ_i S_i²/n².
  const rowSum = [0, 0];
  const colSum = new Array<number>(COUNT_CLASSES).fill(0);
  for (let x = 0; x < 2; x += 1) {
    for (let y = 0; y < COUNT_CLASSES; y += 1) {
      rowSum[x] = rowSum[x]! + table[x * COUNT_CLASSES + y]!;
      colSum[y] = colSum[y]! + table[x * COUNT_CLASSES + y]!;
    }
  }
  const pointwise = new Float64Array(2 * COUNT_CLASSES);
  for (let x = 0; x < 2; x += 1) {
    for (let y = 0; y < COUNT_CLASSES; y += 1) {
      const v = table[x * COUNT_CLASSES + y]!;
      pointwise[x * COUNT_CLASSES + y] = v > 0 ? Math.log2((pixels * v) / (rowSum[x]! * colSum[y]!)) - plugInBits : 0;
    }
  }
  let sumSq = 0;
  for (let i = 0; i < images; i += 1) {
    let s = 0;
    for (let cell = 0; cell < pointwise.length; cell += 1) s += perImage[i * pointwise.length + cell]! * pointwise[cell]!;
    sumSq += s * s;
  }
  const standardError = images > 1 ? Math.sqrt((images / (images - 1)) * sumSq) / pixels : Number.NaN;

  const ink = rowSum[1]!;
  const background = rowSum[0]!;
  const clicks = (x: number) => table[x * COUNT_CLASSES + 1]! + table[x * COUNT_CLASSES + 2]! + table[x * COUNT_CLASSES + 3]!;
  return {
    bitsPerPixel: plugInBits - biasBits,
    plugInBits,
    biasBits,
    standardError,
    table: [Array.from(table.subarray(0, COUNT_CLASSES)), Array.from(table.subarray(COUNT_CLASSES))],
    pixels,
    inkFraction: ink / pixels,
    inkClickRate: ink > 0 ? clicks(1) / ink : Number.NaN,
    backgroundClickRate: background > 0 ? clicks(0) / background : Number.NaN,
    meanPhotons: detected / images,
    k: physics.k,
  };
}
