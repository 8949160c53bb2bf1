import { describe, expect, it } from 'vitest';
import { countingBasis, countingProbabilities, encodePixels, loadMnist, type CountingBasis, type MnistSplit, type PixelEncoding } from '../src/index.js';
import { sharedBasis } from '../src/counting/_internal/basisCache.js';
import { projector } from '../src/counting/_internal/projector.js';

// Orthonormality tolerance for the bases built in closed form or by Gram–Schmidt: each entry of
// V·Vᵀ is a sum of N = 784 products of unit-scale numbers, so round-off is about N·2^−53 ≈ 1e-13
// (the DCT's cosines are correctly rounded to ~1e-16 each); 1e-12 leaves a factor 10.
const ORTHONORMAL_TOL = 1e-12;

/** max |V·Vᵀ − I| over all entries (D × D Gram matrix of the rows). */
function orthonormalityError(b: CountingBasis): number {
  const n = b.rows * b.cols;
  let worst = 0;
  for (let a = 0; a < b.directions; a += 1) {
    for (let c = a; c < b.directions; c += 1) {
      let s = 0;
      for (let j = 0; j < n; j += 1) s += b.vectors[a * n + j]! * b.vectors[c * n + j]!;
      worst = Math.max(worst, Math.abs(s - (a === c ? 1 : 0)));
    }
  }
  return worst;
}

/** Normalised encoded image i of a split, x̂ = x/‖x‖, via encodePixels (the client's own code path). */
function direction(split: MnistSplit, i: number, encoding: PixelEncoding): Float64Array {
  const n = split.rows * split.cols;
  const x = encodePixels(split.images.subarray(i * n, (i + 1) * n), encoding);
  let sq = 0;
  for (const v of x) sq += v * v;
  const norm = Math.sqrt(sq);
  return x.map((v) => v / norm);
}

/** A rows/2 × cols/2 split from the first `count` images by 2 × 2 averaging (rounded): small enough for dense brute force. */
function downsample(split: MnistSplit, count: number): MnistSplit {
  const rows = split.rows / 2;
  const cols = split.cols / 2;
  const images = new Uint8Array(count * rows * cols);
  for (let i = 0; i < count; i += 1) {
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < cols; c += 1) {
        let s = 0;
        for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) s += split.images[i * 784 + (2 * r + dr) * split.cols + 2 * c + dc]!;
        images[i * rows * cols + r * cols + c] = Math.round(s / 4);
      }
    }
  }
  return { count, rows, cols, images, labels: split.labels.slice(0, count) };
}

describe('counting bases (docs/model.md#server-capabilities)', () => {
  const train = loadMnist('train');
  const test = loadMnist('test');

  it(`pixel, dct and templates (both encodings) are orthonormal within ${ORTHONORMAL_TOL}`, () => {
    for (const [name, encoding] of [['pixel', 'pm1'], ['dct', 'pm1'], ['templates', 'pm1'], ['templates', 'unit']] as const) {
      {
        const b = countingBasis(name, train, encoding);
        expect(b.outputs).toBe(name === 'templates' ? 11 : 784);
        expect(b.rest).toBe(name === 'templates');
        expect(orthonormalityError(b)).toBeLessThan(ORTHONORMAL_TOL);
      }
    }
  });

  it('dct: the separable cosine image cos(π(2r+1)·3/56)·cos(π(2c+1)·5/56) sends every photon to output 3·28 + 5, and a flat image to output 0', () => {
    const x = new Float64Array(784);
    for (let r = 0; r < 28; r += 1) for (let c = 0; c < 28; c += 1) x[r * 28 + c] = Math.cos((Math.PI * (2 * r + 1) * 3) / 56) * Math.cos((Math.PI * (2 * c + 1) * 5) / 56);
    const p = countingProbabilities(countingBasis('dct', train), x);
    expect(Math.abs(p[3 * 28 + 5]! - 1)).toBeLessThan(1e-12);
    expect(p.reduce((s, v, b) => (b === 3 * 28 + 5 ? s : s + v), 0)).toBeLessThan(1e-12);
    expect(Math.abs(countingProbabilities(countingBasis('dct', train), new Float64Array(784).fill(-1))[0]! - 1)).toBeLessThan(1e-12);
  });

  it('templates: row c is orthogonal to the class means of digits 0…c−1 and keeps more than 10 % of the digit-c mean (means recomputed densely from encodePixels)', () => {
    for (const encoding of ['pm1', 'unit'] as const) {
      const means = Array.from({ length: 10 }, () => new Float64Array(784));
      const counts = new Array<number>(10).fill(0);
      for (let i = 0; i < train.count; i += 1) {
        const c = train.labels[i]!;
        const xh = direction(train, i, encoding);
        counts[c] = counts[c]! + 1;
        for (let j = 0; j < 784; j += 1) means[c]![j] = means[c]![j]! + xh[j]!;
      }
      means.forEach((m, c) => m.forEach((v, j) => (m[j] = v / counts[c]!)));
      const b = countingBasis('templates', train, encoding);
      for (let c = 0; c < 10; c += 1) {
        const t = b.vectors.subarray(c * 784, (c + 1) * 784);
        const dot = (m: Float64Array) => t.reduce((s, v, j) => s + v * m[j]!, 0);
        for (let e = 0; e < c; e += 1) expect(Math.abs(dot(means[e]!))).toBeLessThan(1e-12 * Math.hypot(...means[e]!));
        expect(dot(means[c]!) / Math.hypot(...means[c]!)).toBeGreaterThan(0.1);
      }
      // A class-mean direction itself: all its photons reach template outputs 0…c, nothing the rest detector.
      const p = countingProbabilities(b, means[0]!);
      expect(Math.abs(p[0]! - 1)).toBeLessThan(1e-12);
      expect(p[10]!).toBeLessThan(1e-12);
    }
  });

  it('countingProbabilities: pixel gives x_j²/‖x‖²; every basis gives probabilities summing to 1 within 1e-12, the rest share ≥ 0', () => {
    const x = direction(test, 0, 'pm1').map((v) => 3 * v);
    const p = countingProbabilities(countingBasis('pixel', train), x);
    const sq = x.reduce((s, v) => s + v * v, 0);
    p.forEach((v, j) => expect(Math.abs(v - x[j]! ** 2 / sq)).toBeLessThan(1e-15));
    for (const name of ['dct', 'templates'] as const) {
      for (let i = 0; i < 20; i += 1) {
        const q = countingProbabilities(countingBasis(name, train, 'unit'), direction(test, i, 'unit'));
        expect(Math.abs(q.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
        expect(q.every((v) => v >= 0)).toBe(true);
      }
    }
  });

  it('the sparse affine projection used by the simulations equals countingProbabilities on encodePixels vectors (first 30 test images, within 1e-13)', () => {
    // Both compute the same inner products from differently rounded inputs (p/255 scaled vs encodePixels):
    // differences are a few ulps of numbers ≤ 1.
    for (const encoding of ['pm1', 'unit'] as const) {
      for (const name of ['pixel', 'dct', 'templates'] as const) {
        const basis = countingBasis(name, train, encoding);
        const proj = projector(sharedBasis(name, train, encoding), encoding, 'test');
        const out = new Float64Array(basis.outputs);
        for (let i = 0; i < 30; i += 1) {
          proj.project(test, i, out);
          const ref = countingProbabilities(basis, direction(test, i, encoding));
          let worst = 0;
          out.forEach((v, b) => (worst = Math.max(worst, Math.abs(v - ref[b]!))));
          expect(worst).toBeLessThan(1e-13);
        }
      }
    }
  });

  it('pca on 14 × 14 images (3 000, 2 × 2 averages): the basis diagonalises the covariance of x̂ recomputed densely, eigenvalues decreasing, orthonormal', () => {
    const small = downsample(train, 3000);
    const n = 196;
    for (const encoding of ['pm1', 'unit'] as const) {
      const mean = new Float64Array(n);
      const second = new Float64Array(n * n);
      for (let i = 0; i < small.count; i += 1) {
        const xh = direction(small, i, encoding);
        for (let j = 0; j < n; j += 1) {
          mean[j] = mean[j]! + xh[j]! / small.count;
          for (let l = 0; l < n; l += 1) second[j * n + l] = second[j * n + l]! + (xh[j]! * xh[l]!) / small.count;
        }
      }
      const cov = second.map((v, jl) => v - mean[Math.floor(jl / n)]! * mean[jl % n]!);
      const b = countingBasis('pca', small, encoding);
      expect(b.outputs).toBe(n);
      expect(orthonormalityError(b)).toBeLessThan(1e-10);
      const ev = b.eigenvalues!;
      // Off-diagonal of Vᵀ·C·V and its diagonal against the eigenvalues, relative to the largest one.
      let worst = 0;
      for (const a of [0, 1, 2, 50, 195]) {
        const cv = new Float64Array(n);
        for (let j = 0; j < n; j += 1) for (let l = 0; l < n; l += 1) cv[j] = cv[j]! + cov[j * n + l]! * b.vectors[a * n + l]!;
        for (let c = 0; c < n; c += 1) {
          const v = b.vectors.subarray(c * n, (c + 1) * n).reduce((s, x, j) => s + x * cv[j]!, 0);
          worst = Math.max(worst, Math.abs(v - (a === c ? ev[a]! : 0)));
        }
      }
      expect(worst).toBeLessThan(1e-12 * ev[0]!);
      for (let a = 1; a < n; a += 1) expect(ev[a]!).toBeLessThanOrEqual(ev[a - 1]!);
    }
  });

  it('countingBasis returns copies (changing one changes no later result) from a per-(split, basis, encoding) cache', () => {
    const a = countingBasis('templates', train, 'pm1');
    a.vectors.fill(0);
    const t0 = performance.now();
    const b = countingBasis('templates', train, 'pm1');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(orthonormalityError(b)).toBeLessThan(ORTHONORMAL_TOL);
  });

  it('rejects an unknown basis or encoding and a malformed training split, naming the choices', () => {
    expect(() => countingBasis('fourier' as 'dct', train)).toThrow(/counting basis must be one of pixel, dct, pca, templates, random-pairs, adjacent-pairs, fitted-pairs; received "fourier"/);
    expect(() => countingBasis('pixel', train, 'signed' as 'pm1')).toThrow(/pixel encoding must be one of pm1, unit; received "signed"/);
    expect(() => countingBasis('pca', { ...train, count: 5 })).toThrow(/training.images must hold count·rows·cols = 3920 pixels; received 47040000/);
    expect(() => countingProbabilities(countingBasis('pixel', train), new Float64Array(784))).toThrow(/x must not be the zero vector/);
  });
});
