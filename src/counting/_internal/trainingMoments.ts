import type { MnistSplit } from '../../data/loadMnist.js';
import type { PixelEncoding } from '../../inference/encodePixels.js';
import { encodingAffine } from './encodingAffine.js';
import { InputRangeError } from '../../inputError.js';

/**
 * The non-zero pixels of image `i` (u = p/255 > 0) into idx/val, and the squared norm of
 * its encoded vector x = scale·u + offset (a sum of squares: no cancellation). Returns the
 * number of non-zero pixels.
 * @internal
 */
export function sparseImage(split: MnistSplit, i: number, encoding: PixelEncoding, idx: Int32Array, val: Float64Array, norm: Float64Array): number {
  const { scale, offset } = encodingAffine(encoding);
  const n = split.rows * split.cols;
  const base = i * n;
  let nnz = 0;
  let sq = 0;
  for (let j = 0; j < n; j += 1) {
    const p = split.images[base + j] as number;
    if (p === 0) continue;
    const u = p / 255;
    idx[nnz] = j;
    val[nnz] = u;
    nnz += 1;
    const x = scale * u + offset;
    sq += x * x;
  }
  norm[0] = sq + (n - nnz) * offset * offset;
  return nnz;
}

/** Thrown for an image whose encoded vector is 0 (x̂ = x/‖x‖ undefined). @internal */
export function zeroImageError(name: string, i: number, encoding: PixelEncoding): RangeError {
  return new InputRangeError(`${name} image ${i} encodes (${encoding}) to the zero vector, so x̂ = x/‖x‖ is undefined`);
}

/**
 * Mean of x̂ = x/‖x‖ over the training images of each class: 10 × N, row c the class-c mean
 * (zero row for a class with no images), and the class sizes.
 * @internal
 */
export function classMeanVectors(split: MnistSplit, encoding: PixelEncoding): { readonly means: Float64Array; readonly counts: Float64Array } {
  const n = split.rows * split.cols;
  const { scale, offset } = encodingAffine(encoding);
  const sums = new Float64Array(10 * n);
  const offsetSums = new Float64Array(10);
  const counts = new Float64Array(10);
  const idx = new Int32Array(n);
  const val = new Float64Array(n);
  const norm = new Float64Array(1);
  for (let i = 0; i < split.count; i += 1) {
    const nnz = sparseImage(split, i, encoding, idx, val, norm);
    if (!(norm[0]! > 0)) throw zeroImageError('training', i, encoding);
    const c = split.labels[i] as number;
    const w = 1 / Math.sqrt(norm[0]!);
    counts[c] = counts[c]! + 1;
    offsetSums[c] = offsetSums[c]! + offset * w;
    const row = c * n;
    for (let q = 0; q < nnz; q += 1) sums[row + idx[q]!] = sums[row + idx[q]!]! + scale * val[q]! * w;
  }
  for (let c = 0; c < 10; c += 1) {
    if (counts[c] === 0) continue;
    for (let j = 0; j < n; j += 1) sums[c * n + j] = (sums[c * n + j]! + offsetSums[c]!) / counts[c]!;
  }
  return { means: sums, counts };
}

/**
 * Covariance of x̂ = x/‖x‖ over all training images, (1/n)·Σ x̂x̂ᵀ − m·mᵀ with m the mean
 * of x̂ (N × N, row-major, symmetric). Built from the non-zero pixels: with w = 1/‖x‖²,
 * x̂x̂ᵀ = w·(s²·uuᵀ + s·o·(u1ᵀ + 1uᵀ) + o²·11ᵀ) for x = s·u + o·1, so only the Σ w·uuᵀ
 * term needs the (sparse) outer products: ~nnz²/2 ≈ 11 000 per MNIST image instead of
 * N²/2 ≈ 307 000.
 * @internal
 */
export function covarianceOfDirections(split: MnistSplit, encoding: PixelEncoding): Float64Array {
  const n = split.rows * split.cols;
  const { scale: s, offset: o } = encodingAffine(encoding);
  const uu = new Float64Array(n * n);
  const wu = new Float64Array(n);
  const rootWu = new Float64Array(n);
  let wSum = 0;
  let rootWSum = 0;
  const idx = new Int32Array(n);
  const val = new Float64Array(n);
  const norm = new Float64Array(1);
  for (let i = 0; i < split.count; i += 1) {
    const nnz = sparseImage(split, i, encoding, idx, val, norm);
    if (!(norm[0]! > 0)) throw zeroImageError('training', i, encoding);
    const w = 1 / norm[0]!;
    const rw = Math.sqrt(w);
    wSum += w;
    rootWSum += rw;
    for (let q = 0; q < nnz; q += 1) {
      const jq = idx[q]!;
      const a = w * val[q]!;
      wu[jq] = wu[jq]! + a;
      rootWu[jq] = rootWu[jq]! + rw * val[q]!;
      const row = jq * n;
      // idx is ascending, so (jq, idx[r]) with r ≥ q fills the upper triangle.
      for (let r = q; r < nnz; r += 1) uu[row + idx[r]!] = uu[row + idx[r]!]! + a * val[r]!;
    }
  }
  const count = split.count;
  const mean = new Float64Array(n);
  for (let j = 0; j < n; j += 1) mean[j] = (s * rootWu[j]! + o * rootWSum) / count;
  const cov = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    for (let l = j; l < n; l += 1) {
      const second = (s * s * uu[j * n + l]! + s * o * (wu[j]! + wu[l]!) + o * o * wSum) / count;
      const v = second - mean[j]! * mean[l]!;
      cov[j * n + l] = v;
      cov[l * n + j] = v;
    }
  }
  return cov;
}
