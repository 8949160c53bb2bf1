import { describe, expect, it } from 'vitest';
import { countingBasis, encodePixels, fanoInformation, loadMnist, recognitionRate, type CountingBasisName, type MnistSplit, type PixelEncoding } from '../src/index.js';

/**
 * Synthetic digits for closed forms: 4 × 5 images, image i has label i mod 10 and ink (255) on
 * pixels 2c and 2c + 1 only, so every class has its own support and, under `unit`, every image of
 * class c is the same direction (e_2c + e_2c+1)/√2.
 */
function blockDigits(count: number): MnistSplit {
  const images = new Uint8Array(count * 20);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const c = i % 10;
    labels[i] = c;
    images[i * 20 + 2 * c] = 255;
    images[i * 20 + 2 * c + 1] = 255;
  }
  return { count, rows: 4, cols: 5, images, labels };
}

/**
 * Independent dense re-implementation of the noise-free limit of the server's classifier: class
 * model P_c(b) = (Σ_{i<T, class c} |⟨b|x̂_i⟩|² + 1/B)/(n_c + 1) from encodePixels vectors, and for a
 * test image the expected log-likelihood per photon s_c = Σ_b p_b·log P_c(b). Returns, per test
 * image, the limit decision (as a confusion matrix) and whether a finite sample of `photons` photons could plausibly
 * decide otherwise: for some rival c′ the mean margin photons·Σ p_b·Δ_b is within 6 standard
 * deviations √(photons·Σ p_b·Δ_b²) (Δ_b = log P_best(b) − log P_c′(b)); beyond that a flip has
 * probability below 1e-9 per rival.
 */
function limitClassifier(basis: CountingBasisName, encoding: PixelEncoding, train: MnistSplit, test: MnistSplit, trainingImages: number, images: number, photons: number) {
  const b = countingBasis(basis, train, encoding);
  const n = 784;
  const probs = (split: MnistSplit, i: number) => {
    const x = encodePixels(split.images.subarray(i * n, (i + 1) * n), encoding);
    let sq = 0;
    for (const v of x) sq += v * v;
    const p = new Float64Array(b.outputs);
    let captured = 0;
    for (let d = 0; d < b.directions; d += 1) {
      let y = 0;
      for (let j = 0; j < n; j += 1) y += b.vectors[d * n + j]! * x[j]!;
      p[d] = (y * y) / sq;
      captured += p[d]!;
    }
    if (b.rest) p[b.directions] = 1 - captured;
    return p;
  };
  const model = Array.from({ length: 10 }, () => new Float64Array(b.outputs));
  const sizes = new Array<number>(10).fill(0);
  for (let i = 0; i < trainingImages; i += 1) {
    const c = train.labels[i]!;
    sizes[c] = sizes[c]! + 1;
    probs(train, i).forEach((v, o) => (model[c]![o] = model[c]![o]! + v));
  }
  const logP = model.map((m, c) => m.map((v) => Math.log((v + 1 / b.outputs) / (sizes[c]! + 1))));
  let correct = 0;
  let nearTies = 0;
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  for (let i = 0; i < images; i += 1) {
    const p = probs(test, i);
    const s = logP.map((l) => p.reduce((acc, v, o) => acc + v * l[o]!, 0));
    const best = s.indexOf(Math.max(...s));
    if (best === test.labels[i]) correct += 1;
    confusion[test.labels[i]!]![best] = confusion[test.labels[i]!]![best]! + 1;
    const near = logP.some((l, c) => {
      if (c === best) return false;
      let mean = 0;
      let sq = 0;
      p.forEach((v, o) => {
        const d = logP[best]![o]! - l[o]!;
        mean += v * d;
        sq += v * d * d;
      });
      return photons * mean < 6 * Math.sqrt(photons * sq);
    });
    if (near) nearTies += 1;
  }
  return { correct, nearTies, confusion };
}

describe('recognitionRate: a counting server names the digit (docs/model.md#server-capabilities)', () => {
  const train = loadMnist('train');
  const test = loadMnist('test');

  it('disjoint class supports: rate = 1 − 0.9·(1 + η·k)^(−M) (right whenever a photon is detected, chance otherwise) for pixel and templates, within 5 SE', () => {
    const digits = blockDigits(20000);
    const k = 0.3;
    const rows = 4;
    const efficiency = 0.5;
    const none = (1 + efficiency * k) ** -rows;
    const expected = 1 - 0.9 * none;
    for (const basis of ['pixel', 'templates'] as const) {
      const r = recognitionRate({ basis, encoding: 'unit', k, rows, efficiency, training: digits, test: digits, seed: 3 });
      expect(r.count).toBe(20000);
      expect(Math.abs(r.recognitionRate - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / r.count));
      expect(Math.abs(r.zeroCountImages / r.count - none)).toBeLessThan(5 * Math.sqrt((none * (1 - none)) / r.count));
      expect(r.ties).toBe(r.zeroCountImages);
    }
  });

  it('with about 780 000 photons per inference the rate is the noise-free classifier\'s, up to the images within 6σ of a tie (dense re-implementation, 200 images)', () => {
    const k = 1000;
    const rows = 784;
    // The total is negative binomial with relative spread √((1 + k)/(M·k)) ≈ 3.6 %; 0.8·M·k is 5.6σ below the mean.
    // At most 10 % of the images may be near ties, so that the comparison pins most decisions.
    const photons = 0.8 * rows * k;
    // pca uses the same projection code as dct (its basis is checked on its own below and in counting.basis).
    for (const [basis, encoding] of [['pixel', 'unit'], ['dct', 'pm1'], ['templates', 'pm1']] as const) {
      const limit = limitClassifier(basis, encoding, train, test, 600, 200, photons);
      const r = recognitionRate({ basis, encoding, k, rows, images: 200, trainingImages: 600, seed: 5 });
      expect(limit.nearTies).toBeLessThanOrEqual(20);
      // Each near tie can move one image from one confusion cell to another (two cells change by 1).
      let moved = 0;
      limit.confusion.forEach((row, c) => row.forEach((v, g) => (moved += Math.abs(v - r.confusion[c]![g]!))));
      expect(moved).toBeLessThanOrEqual(2 * limit.nearTies);
      expect(Math.abs(r.correct - limit.correct)).toBeLessThanOrEqual(limit.nearTies);
    }
  });

  it('pca (pm1) from all 60 000 training images: orthonormal within 1e-11, variances decreasing and ≥ 0 up to round-off, adding up to 1 − ‖m̄‖² (m̄ the mean of x̂, recomputed densely)', () => {
    // Householder tridiagonalisation + QL is backward stable: eigenvectors are orthonormal to
    // O(N·ε) ≈ 784·1.1e-16 ≈ 1e-13 (1.2e-13 measured); 1e-11 allows a constant of 100.
    const b = countingBasis('pca', train, 'pm1');
    const n = 784;
    let worst = 0;
    for (let a = 0; a < n; a += 1) {
      for (let c = a; c < n; c += 1) {
        let s = 0;
        for (let j = 0; j < n; j += 1) s += b.vectors[a * n + j]! * b.vectors[c * n + j]!;
        worst = Math.max(worst, Math.abs(s - (a === c ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-11);
    const ev = b.eigenvalues!;
    for (let a = 1; a < n; a += 1) expect(ev[a]!).toBeLessThanOrEqual(ev[a - 1]!);
    // A covariance is positive semidefinite; its computed eigenvalues may dip below 0 by round-off ~N·ε·λ_max.
    expect(ev[n - 1]!).toBeGreaterThan(-1e-12 * ev[0]!);
    // trace(cov) = E‖x̂‖² − ‖m̄‖² = 1 − ‖m̄‖², since every x̂ has unit length.
    const mean = new Float64Array(n);
    for (let i = 0; i < train.count; i += 1) {
      const x = encodePixels(train.images.subarray(i * n, (i + 1) * n), 'pm1');
      let sq = 0;
      for (const v of x) sq += v * v;
      const inv = 1 / Math.sqrt(sq) / train.count;
      for (let j = 0; j < n; j += 1) mean[j] = mean[j]! + x[j]! * inv;
    }
    expect(Math.abs(ev.reduce((s, v) => s + v, 0) - (1 - mean.reduce((s, v) => s + v * v, 0)))).toBeLessThan(1e-12);
  });

  it('k = 0: nothing is counted, every image is a tie broken at random, the rate is chance 0.1 within 5 SE; dark counts alone also give chance', () => {
    const r = recognitionRate({ basis: 'templates', encoding: 'pm1', k: 0, images: 4000, seed: 2 });
    expect([r.zeroCountImages, r.ties, r.meanPhotons]).toEqual([4000, 4000, 0]);
    expect(Math.abs(r.recognitionRate - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / 4000));
    expect(r.fanoBits).toBeLessThan(fanoInformation(0.1 + 5 * Math.sqrt(0.09 / 4000)));
    const dark = recognitionRate({ basis: 'templates', encoding: 'pm1', k: 0, darkCounts: 0.01, images: 4000, seed: 2 });
    expect(dark.ties).toBe(4000);
    expect(Math.abs(dark.recognitionRate - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / 4000));
  });

  it('mean detected counts per inference are M·(η·k + B·d) within 5 SE (variance M·ηk(1 + ηk) + B·M·d per image)', () => {
    const [k, rows, efficiency, darkCounts] = [0.5, 784, 0.6, 1e-3];
    const r = recognitionRate({ basis: 'templates', encoding: 'unit', k, rows, efficiency, darkCounts, images: 3000 });
    const m = efficiency * k;
    const b = r.outputs;
    expect(b).toBe(11);
    const se = Math.sqrt((rows * m * (1 + m) + b * rows * darkCounts) / r.count);
    expect(Math.abs(r.meanPhotons - rows * (m + b * darkCounts))).toBeLessThan(5 * se);
  });

  it('is reproducible under a seed; the confusion matrix adds up to the images and its diagonal to the correct ones', () => {
    const a = recognitionRate({ basis: 'dct', encoding: 'unit', gain: 1.2, images: 500, trainingImages: 1000, seed: 9 });
    const b = recognitionRate({ basis: 'dct', encoding: 'unit', gain: 1.2, images: 500, trainingImages: 1000, seed: 9 });
    expect(b).toEqual(a);
    expect(a.k).toBeCloseTo(1 / 6, 15);
    expect(a.confusion.flat().reduce((s, v) => s + v, 0)).toBe(500);
    expect(a.confusion.reduce((s, row, c) => s + row[c]!, 0)).toBe(a.correct);
    expect(recognitionRate({ basis: 'dct', encoding: 'unit', gain: 1.2, images: 500, trainingImages: 1000, seed: 10 }).confusion).not.toEqual(a.confusion);
  });

  it('fanoInformation equals the mutual information of the symmetric channel (right with probability r, errors uniform over 9 digits), the case where Fano is tight', () => {
    for (const r of [0, 0.05, 0.1, 0.37, 0.8, 0.99, 1]) {
      let info = 0;
      for (let c = 0; c < 10; c += 1) {
        for (let g = 0; g < 10; g += 1) {
          const joint = 0.1 * (c === g ? r : (1 - r) / 9);
          if (joint > 0) info += joint * Math.log2(joint / (0.1 * 0.1));
        }
      }
      expect(Math.abs(fanoInformation(r) - info)).toBeLessThan(1e-12);
    }
    expect(() => fanoInformation(1.2)).toThrow(/recognition rate r must be a number in \[0, 1\]; received 1.2/);
  });

  it('rejects out-of-range options naming the parameter, range and value', () => {
    expect(() => recognitionRate({ basis: 'wavelet' as 'dct', gain: 2 })).toThrow(/counting basis must be one of pixel, dct, pca, templates, random-pairs, adjacent-pairs, fitted-pairs; received "wavelet"/);
    expect(() => recognitionRate({ basis: 'pixel', gain: 2, images: 0 })).toThrow(/images must be an integer in \{1, 2, …\}; received 0/);
    expect(() => recognitionRate({ basis: 'pixel', gain: 2, images: 10001 })).toThrow(/images must be an integer in \[1, 10000\]; received 10001/);
    expect(() => recognitionRate({ basis: 'pixel', gain: 2, seed: 0.5 })).toThrow(/seed must be an integer/);
    expect(() => recognitionRate({ basis: 'pixel', gain: 2, efficiency: 1.5 })).toThrow(/efficiency η must be a number in \(0, 1\]; received 1.5/);
    expect(() => recognitionRate({ basis: 'pixel', gain: 2, trainingImages: 70000 })).toThrow(/trainingImages must be an integer in \[1, 60000\]; received 70000/);
  });
});
