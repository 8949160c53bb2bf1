import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { MnistSplit } from '../../data/loadMnist.js';
import type { PixelEncoding } from '../../inference/encodePixels.js';
import { classMeanVectors, covarianceOfDirections } from './trainingMoments.js';
import { InputRangeError } from '../../inputError.js';

/** Orthonormal rows of a counting basis (D × N, row-major) and, for PCA, the variances. @internal */
export interface BasisVectors {
  readonly directions: number;
  readonly vectors: Float64Array;
  readonly eigenvalues?: Float64Array;
}

/** The identity on N pixels. @internal */
export function pixelVectors(n: number): BasisVectors {
  const vectors = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) vectors[j * n + j] = 1;
  return { directions: n, vectors };
}

/** Orthonormal 1-D DCT-II matrix of size n: C[f][x] = a_f·cos(π(2x + 1)f/(2n)), a_0 = √(1/n), a_f = √(2/n). @internal */
export function dctMatrix(n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let f = 0; f < n; f += 1) {
    const a = Math.sqrt((f === 0 ? 1 : 2) / n);
    for (let x = 0; x < n; x += 1) c[f * n + x] = a * Math.cos((Math.PI * (2 * x + 1) * f) / (2 * n));
  }
  return c;
}

/**
 * Orthonormal 2-D DCT-II on a rows × cols image (pixel index r·cols + c): output
 * (f, g) ↦ index f·cols + g, vector C_rows[f][r]·C_cols[g][c] (a Kronecker product of
 * orthonormal matrices, hence orthonormal). Output 0 is the constant image.
 * @internal
 */
export function dctVectors(rows: number, cols: number): BasisVectors {
  const cr = dctMatrix(rows);
  const cc = dctMatrix(cols);
  const n = rows * cols;
  const vectors = new Float64Array(n * n);
  for (let f = 0; f < rows; f += 1) {
    for (let g = 0; g < cols; g += 1) {
      const o = (f * cols + g) * n;
      for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) vectors[o + r * cols + c] = cr[f * rows + r]! * cc[g * cols + c]!;
    }
  }
  return { directions: n, vectors };
}

/**
 * Eigenvectors of the covariance of x̂ over the training images (ml-matrix
 * EigenvalueDecomposition, symmetric: Householder tridiagonalisation + QL), ordered by
 * decreasing eigenvalue (variance along the direction); each vector's largest-magnitude
 * entry is made positive so that the basis does not depend on the solver's sign choices.
 * @internal
 */
export function pcaVectors(split: MnistSplit, encoding: PixelEncoding): BasisVectors {
  const n = split.rows * split.cols;
  const cov = covarianceOfDirections(split, encoding);
  const m = new Matrix(n, n);
  for (let j = 0; j < n; j += 1) for (let l = 0; l < n; l += 1) m.set(j, l, cov[j * n + l]!);
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const v = evd.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  const vectors = new Float64Array(n * n);
  const eigenvalues = new Float64Array(n);
  order.forEach((col, b) => {
    eigenvalues[b] = values[col]!;
    let big = 0;
    for (let j = 0; j < n; j += 1) if (Math.abs(v.get(j, col)) > Math.abs(v.get(big, col))) big = j;
    const sign = v.get(big, col) < 0 ? -1 : 1;
    for (let j = 0; j < n; j += 1) vectors[b * n + j] = sign * v.get(j, col);
  });
  return { directions: n, vectors, eigenvalues };
}

/**
 * A Gram–Schmidt step is rejected when it leaves less than this fraction of the vector's
 * norm: the vector is then (numerically) in the span of the earlier ones and its
 * direction would be round-off. MNIST class means keep more than 10 % (see the tests).
 */
const DEPENDENCE_TOLERANCE = 1e-8;

/**
 * Orthonormalise the rows of `a` (count × n) in order: modified Gram–Schmidt applied twice
 * ("twice is enough", Giraud et al., Numer. Math. 101 (2005) 87), which gives rows
 * orthonormal to working precision.
 * @internal
 */
export function gramSchmidt(a: Float64Array, count: number, n: number): Float64Array {
  const q = Float64Array.from(a);
  for (let i = 0; i < count; i += 1) {
    const row = q.subarray(i * n, (i + 1) * n);
    let before = 0;
    for (const x of row) before += x * x;
    for (let pass = 0; pass < 2; pass += 1) {
      for (let k = 0; k < i; k += 1) {
        const prev = q.subarray(k * n, (k + 1) * n);
        let dot = 0;
        for (let j = 0; j < n; j += 1) dot += prev[j]! * row[j]!;
        for (let j = 0; j < n; j += 1) row[j] = row[j]! - dot * prev[j]!;
      }
    }
    let after = 0;
    for (const x of row) after += x * x;
    if (!(after > DEPENDENCE_TOLERANCE * DEPENDENCE_TOLERANCE * before)) {
      throw new InputRangeError(`template ${i} is linearly dependent on the earlier ones (it keeps ${Math.sqrt(after / before)} of its norm after Gram–Schmidt)`);
    }
    const inv = 1 / Math.sqrt(after);
    for (let j = 0; j < n; j += 1) row[j] = row[j]! * inv;
  }
  return q;
}

/**
 * The ten class-mean directions of x̂ over the training images, orthonormalised in digit
 * order 0…9 (row c spans the means of digits 0…c).
 * @internal
 */
export function templateVectors(split: MnistSplit, encoding: PixelEncoding): BasisVectors {
  const n = split.rows * split.cols;
  const { means, counts } = classMeanVectors(split, encoding);
  const missing = counts.findIndex((c) => c === 0);
  if (missing >= 0) throw new InputRangeError(`templates need training images of every digit; digit ${missing} has none`);
  return { directions: 10, vectors: gramSchmidt(means, 10, n) };
}
