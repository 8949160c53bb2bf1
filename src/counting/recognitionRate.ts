import type { MnistSplit } from '../data/loadMnist.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../inference/encodePixels.js';
import { describeValue, integerAtLeast, oneOf, seed32 } from '../_internal/validate.js';
import { COUNTING_BASES, type CountingBasisName } from './countingBasis.js';
import { sharedBasis, type SharedBasis } from './_internal/basisCache.js';
import type { CountingPhysics } from './countingPhysics.js';
import { fanoInformation } from './fanoInformation.js';
import { checkSplit } from './_internal/checkSplit.js';
import { cachedClassDistributions, countLogProbabilities } from './_internal/classModel.js';
import { countKernel } from './_internal/countKernel.js';
import { cachedMnist } from './_internal/mnistCache.js';
import { projector } from './_internal/projector.js';
import { resolvePhysics } from './_internal/resolvePhysics.js';
import { tailSums } from './_internal/samplers.js';
import { uniformSource } from './uniformSource.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** Options of {@link recognitionRate}: the basis, the client encoding, detection settings and the sample. @public */
export interface RecognitionRateOptions extends CountingPhysics {
  /** Basis the server counts in. */
  readonly basis: CountingBasisName;
  /** Client encoding of the pixels, `pm1` (the paper's) or `unit`. @defaultValue 'pm1' */
  readonly encoding?: PixelEncoding | undefined;
  /** Test images (the first ones of the test split) to classify, an integer in [1, test.count]. @defaultValue all (10 000 for MNIST) */
  readonly images?: number | undefined;
  /** Seed of the counts and of the tie-breaks, an integer in [−2^31, 2^31). @defaultValue 1 */
  readonly seed?: number | undefined;
  /**
   * Training images (the first ones of the training split) the server's class model P_c(b)
   * is averaged over, an integer in [1, training.count].
   * @defaultValue min(10 000, training.count): about 1 000 per digit. The dense bases cost
   * ~0.1 ms per image to project, so all 60 000 would add ~5 s per (basis, encoding); at G = 2
   * they raise the rate by 0.2–0.7 points, 0.5–1.6 standard errors (proofs/photon-counting.md §6.2)
   */
  readonly trainingImages?: number | undefined;
  /** Public training data. @defaultValue the MNIST training split */
  readonly training?: MnistSplit | undefined;
  /** The client's images. @defaultValue the MNIST test split */
  readonly test?: MnistSplit | undefined;
}

/** Result of {@link recognitionRate}. @public */
export interface RecognitionRateResult {
  /** Fraction of test images whose digit the server names correctly from the counts of one inference. */
  readonly recognitionRate: number;
  /** Correctly named images. */
  readonly correct: number;
  /** Images classified. */
  readonly count: number;
  /** Standard error of the rate, √(r(1 − r)/count) (images are independent). */
  readonly standardError: number;
  /** Chance level with ten equally likely guesses, 0.1. */
  readonly chanceLevel: number;
  /** Mean detected counts per inference (signal and dark, all outputs, summed over the M rows); expected M·(η·k + outputs·d). */
  readonly meanPhotons: number;
  /** Images with no count at all (named by a uniformly random tie-break: chance level). */
  readonly zeroCountImages: number;
  /** Images where two or more classes had exactly the same (maximal) likelihood, zero-count images included; broken uniformly at random by the seeded generator. */
  readonly ties: number;
  /** Confusion counts: confusion[true digit][named digit]. */
  readonly confusion: readonly (readonly number[])[];
  /** Fano's lower bound on the label information, bits per inference, at this rate (fanoInformation). */
  readonly fanoBits: number;
  /** Detectors counted (basis.outputs). */
  readonly outputs: number;
  /** Mean thermal photons per row k used (from G or given). */
  readonly k: number;
}

/** Chance level with ten equally likely digits. */
const CHANCE = 0.1;
/** Default size of the server's training sample for the class model (see RecognitionRateOptions.trainingImages). */
const DEFAULT_TRAINING_IMAGES = 10000;

/** Output probabilities of the first `count` test images, kept for the last (basis, encoding, split) only: 63 MB at 10 000 × 785. */
let projectionCache: { basis: SharedBasis; encoding: PixelEncoding; split: MnistSplit; count: number; probabilities: Float64Array } | undefined;

function testProbabilities(basis: SharedBasis, encoding: PixelEncoding, split: MnistSplit, count: number): Float64Array {
  const c = projectionCache;
  if (c !== undefined && c.basis === basis && c.encoding === encoding && c.split === split && c.count >= count) return c.probabilities;
  projectionCache = undefined;
  const outputs = basis.outputs;
  const probabilities = new Float64Array(count * outputs);
  const proj = projector(basis, encoding, 'test');
  for (let i = 0; i < count; i += 1) proj.project(split, i, probabilities.subarray(i * outputs, (i + 1) * outputs));
  projectionCache = { basis, encoding, split, count, probabilities };
  return probabilities;
}

function imageCount(name: string, value: unknown, fallback: number, max: number): number {
  const v = integerAtLeast(name, value ?? fallback, 1);
  if (v > max) throw new InputRangeError(`${name} must be an integer in [1, ${max}]; received ${describeValue(v)}`);
  return v;
}

/**
 * How often a photon-counting server recognises the client's digit from the counts of one
 * inference (docs/model.md#server-capabilities), a fraction in [0, 1] against chance 0.1. Per test image: the
 * thermal mode along x̂ (k photons per row, M rows) is counted in `basis` with efficiency η
 * and dark counts d (simulateCounts); the server, trained only on public training images,
 * names the digit c maximising the multinomial log-likelihood Σ_b n_b·log P′_c(b), where
 * P′_c(b) mixes its class model P_c(b) = mean over class-c training images of |⟨b|x̂⟩|²
 * (one uniform pseudo-image per class as smoothing) with the dark-count share:
 * P′_c = (η·k·P_c + d)/(η·k + B·d). Uniform class prior; exact ties (always when nothing
 * is counted) are broken uniformly by the seeded generator and reported. Cost: the basis
 * (pca ≈ 3.6 s), the class model and the projections of the test images (≈ 2 s together for
 * a dense basis at the defaults) are computed once and cached; each run then takes 0.2–0.6 s
 * for 10 000 images (≈ 20 ms with templates).
 *
 * @param options - basis, encoding, gain G or k, rows M, efficiency η, dark counts d, images, seed
 * @returns the rate, its standard error, counts, confusion matrix and Fano bound
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example recognitionRate({ basis: 'templates', encoding: 'pm1', gain: 2 }).recognitionRate // returns the rate over all 10 000 test images
 * @example recognitionRate({ basis: 'pixel', k: 0 }).recognitionRate // returns ≈ 0.1 (nothing is counted: chance)
 * @public
 */
export function recognitionRate(options: RecognitionRateOptions): RecognitionRateResult {
  if (options === null || typeof options !== 'object') throw new InputTypeError(`options must be an object; received ${describeValue(options)}`);
  const name = oneOf('counting basis', options.basis, COUNTING_BASES);
  const encoding = oneOf('pixel encoding', options.encoding ?? 'pm1', PIXEL_ENCODINGS);
  const physics = resolvePhysics(options);
  const seed = seed32('seed', options.seed ?? 1);
  const training = options.training === undefined ? cachedMnist('train') : checkSplit('training', options.training);
  const test = options.test === undefined ? cachedMnist('test') : checkSplit('test', options.test);
  if (test.rows !== training.rows || test.cols !== training.cols) {
    throw new InputRangeError(`test images must have the training images' size ${training.rows} × ${training.cols}; received ${test.rows} × ${test.cols}`);
  }
  const images = imageCount('images', options.images, test.count, test.count);
  const trainingImages = imageCount('trainingImages', options.trainingImages, Math.min(DEFAULT_TRAINING_IMAGES, training.count), training.count);

  const basis = sharedBasis(name, training, encoding);
  const outputs = basis.outputs;
  const logP = countLogProbabilities(cachedClassDistributions(basis, training, encoding, trainingImages), outputs, physics.meanPerRow, physics.darkCounts);
  const probabilities = testProbabilities(basis, encoding, test, images);

  const u = uniformSource(seed);
  const counts = new Float64Array(outputs);
  const tail = new Float64Array(outputs);
  const scores = new Float64Array(10);
  const tied: number[] = [];
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  let correct = 0;
  let detected = 0;
  let zeroCountImages = 0;
  let ties = 0;
  for (let i = 0; i < images; i += 1) {
    const p = probabilities.subarray(i * outputs, (i + 1) * outputs);
    countKernel(p, tailSums(p, tail), physics.meanPerRow, physics.rows, physics.darkCounts, u, counts);
    scores.fill(0);
    let total = 0;
    for (let b = 0; b < outputs; b += 1) {
      const n = counts[b]!;
      if (n === 0) continue;
      total += n;
      const o = b * 10;
      for (let c = 0; c < 10; c += 1) scores[c] = scores[c]! + n * logP[o + c]!;
    }
    detected += total;
    if (total === 0) zeroCountImages += 1;
    let best = -Infinity;
    for (const s of scores) if (s > best) best = s;
    tied.length = 0;
    // Exact equality on purpose: scores tie only when computed from identical terms
    // (no counts, or class models that agree at every counted output).
    for (let c = 0; c < 10; c += 1) if (scores[c] === best) tied.push(c);
    if (tied.length > 1) ties += 1;
    const named = tied.length === 1 ? tied[0]! : tied[Math.floor(u() * tied.length)]!;
    const label = test.labels[i] as number;
    confusion[label]![named] = confusion[label]![named]! + 1;
    if (named === label) correct += 1;
  }
  const rate = correct / images;
  return {
    recognitionRate: rate,
    correct,
    count: images,
    standardError: Math.sqrt((rate * (1 - rate)) / images),
    chanceLevel: CHANCE,
    meanPhotons: detected / images,
    zeroCountImages,
    ties,
    confusion,
    fanoBits: fanoInformation(rate),
    outputs,
    k: physics.k,
  };
}
