import type { MnistSplit } from '../data/loadMnist.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../inference/encodePixels.js';
import { oneOf } from '../_internal/validate.js';
import { sharedBasis } from './_internal/basisCache.js';
import { checkSplit } from './_internal/checkSplit.js';
import { cachedMnist } from './_internal/mnistCache.js';

/**
 * Bases a photon-counting server can apply (as a passive unitary) to the returned modes
 * before counting (docs/model.md#server-capabilities): `pixel` (identity), `dct` (orthonormal 2-D DCT-II), `pca`
 * (eigenvectors of the covariance of public training directions x̂), `templates` (the ten
 * orthonormalised class-mean directions plus one "rest" detector), and three interferometers
 * of 50:50 beam splitters on disjoint pixel pairs (outputs (e_i ± e_j)/√2, so a photon leaves
 * port ± with probability (x̂_i ± x̂_j)²/2): `random-pairs` (a fixed random matching),
 * `adjacent-pairs` (horizontal neighbours) and `fitted-pairs` (a matching fitted on public
 * training images to maximise what the ports reveal; proofs/interferometric-counting.md).
 * @public
 */
export type CountingBasisName = 'pixel' | 'dct' | 'pca' | 'templates' | 'random-pairs' | 'adjacent-pairs' | 'fitted-pairs';

/** The {@link CountingBasisName} names. @public */
export const COUNTING_BASES: readonly CountingBasisName[] = ['pixel', 'dct', 'pca', 'templates', 'random-pairs', 'adjacent-pairs', 'fitted-pairs'];

/**
 * An orthonormal set of D directions in R^N (N = rows·cols pixels) that a server counts in.
 * A photon of the thermal mode along x̂ lands in output b < D with probability |⟨b|x̂⟩|²;
 * when D < N (`templates`), output D is the "rest" detector that receives the orthogonal
 * complement of the D directions, probability 1 − Σ_b |⟨b|x̂⟩|². @public
 */
export interface CountingBasis {
  /** Which basis. */
  readonly name: CountingBasisName;
  /** The client encoding of the training images it was built from (pixel and dct do not depend on it). */
  readonly encoding: PixelEncoding;
  /** Image rows (28 for MNIST); N = rows·cols inputs. */
  readonly rows: number;
  /** Image columns (28 for MNIST). */
  readonly cols: number;
  /** Number of orthonormal directions D (N for pixel, dct, pca; 10 for templates). */
  readonly directions: number;
  /** Number of detectors: D, plus 1 when `rest` is true. */
  readonly outputs: number;
  /** Whether the last output is the rest detector (the complement of the D directions). */
  readonly rest: boolean;
  /** The directions, D × N, row-major; row b is the unit vector ⟨b|. A copy: changing it changes nothing else. */
  readonly vectors: Float64Array;
  /** PCA only: the covariance of x̂ along each direction (eigenvalues, decreasing). */
  readonly eigenvalues?: Float64Array | undefined;
  /** Training images the basis was built from (all of the split for pca and templates; min(10 000, count) for fitted-pairs; 0 for pixel, dct, random-pairs and adjacent-pairs). */
  readonly trainingImages: number;
}

/**
 * An orthonormal counting basis for images of the training split's size (docs/model.md#server-capabilities),
 * built only from public data: `pixel` = identity; `dct` = orthonormal 2-D DCT-II; `pca` =
 * eigenvectors of the covariance (1/n)Σ x̂x̂ᵀ − m̄m̄ᵀ of the normalised encoded training
 * images x̂ = x/‖x‖ (all of them; on MNIST 60 000, ≈ 1.7 s to accumulate from the non-zero
 * pixels and ≈ 2 s to diagonalise with ml-matrix), ordered by decreasing variance; `templates` = the ten class means of x̂
 * orthonormalised in digit order, plus a rest detector. Cached per (training split, basis,
 * encoding) for the life of the process.
 *
 * @param name - `pixel`, `dct`, `pca` or `templates`
 * @param training - public training images @defaultValue the MNIST training split (60 000 images)
 * @param encoding - client encoding of the training images, `pm1` or `unit` @defaultValue 'pm1'
 * @returns the basis (its `vectors` a fresh copy)
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example countingBasis('pixel').outputs                 // returns 784
 * @example countingBasis('templates', undefined, 'unit').outputs // returns 11 (10 class directions + rest)
 * @example countingBasis('dct').vectors[0]                // returns 1/28 (the constant image, 1/√784)
 * @public
 */
export function countingBasis(name: CountingBasisName, training?: MnistSplit, encoding: PixelEncoding = 'pm1'): CountingBasis {
  const n = oneOf('counting basis', name, COUNTING_BASES);
  const e = oneOf('pixel encoding', encoding, PIXEL_ENCODINGS);
  const split = training === undefined ? cachedMnist('train') : checkSplit('training', training);
  const b = sharedBasis(n, split, e);
  return { ...b, vectors: Float64Array.from(b.vectors), eigenvalues: b.eigenvalues === undefined ? undefined : Float64Array.from(b.eigenvalues) };
}
