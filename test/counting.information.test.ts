import { describe, expect, it } from 'vitest';
import { encodePixels, loadMnist, pixelCountInformation, type MnistSplit, type PixelEncoding } from '../src/index.js';

const h2 = (p: number) => (p <= 0 || p >= 1 ? 0 : -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p)));

/** Mutual information (bits) of a joint distribution given as rows × cols probabilities. */
function information(joint: number[][]): number {
  const rows = joint.map((r) => r.reduce((s, v) => s + v, 0));
  const cols = joint[0]!.map((_, y) => joint.reduce((s, r) => s + r[y]!, 0));
  let info = 0;
  joint.forEach((r, x) => r.forEach((v, y) => (info += v > 0 ? v * Math.log2(v / (rows[x]! * cols[y]!)) : 0)));
  return info;
}

/**
 * The exact expected pooled table (as probabilities) of (ink bit, count class 0/1/2/≥3) over the
 * first `images` images, from closed forms only: pixel j with s = x̂_j² gets per row a geometric
 * number of detected photons of mean η·k·s, over M rows a negative binomial
 * P(n) = C(n + M − 1, n)·θ^n·(1 − θ)^M, θ = m/(1 + m), m = η·k·s; plus Poisson(M·d) dark counts
 * (convolved for n ≤ 2; "≥ 3" is the remainder).
 */
function expectedTable(split: MnistSplit, images: number, encoding: PixelEncoding, k: number, rows: number, efficiency: number, dark: number): number[][] {
  const table = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const n = split.rows * split.cols;
  const lambda = rows * dark;
  const d = [Math.exp(-lambda), lambda * Math.exp(-lambda), ((lambda * lambda) / 2) * Math.exp(-lambda)];
  for (let i = 0; i < images; i += 1) {
    const x = encodePixels(split.images.subarray(i * n, (i + 1) * n), encoding);
    const sq = x.reduce((s, v) => s + v * v, 0);
    for (let j = 0; j < n; j += 1) {
      const m = (efficiency * k * x[j]! ** 2) / sq;
      const theta = m / (1 + m);
      const p0 = (1 + m) ** -rows;
      const s = [p0, rows * theta * p0, ((rows * (rows + 1)) / 2) * theta * theta * p0];
      const c0 = s[0]! * d[0]!;
      const c1 = s[0]! * d[1]! + s[1]! * d[0]!;
      const c2 = s[0]! * d[2]! + s[1]! * d[1]! + s[2]! * d[0]!;
      const row = table[split.images[i * n + j]! >= 128 ? 1 : 0]!;
      row[0] = row[0]! + c0 / (images * n);
      row[1] = row[1]! + c1 / (images * n);
      row[2] = row[2]! + c2 / (images * n);
      row[3] = row[3]! + (1 - c0 - c1 - c2) / (images * n);
    }
  }
  return table;
}

/** Synthetic 28 × 28 images with exactly `ink` pixels at 255 (positions from a fixed LCG) and the rest 0. */
function sparseImages(count: number, ink: number): MnistSplit {
  const images = new Uint8Array(count * 784);
  let state = 12345;
  for (let i = 0; i < count; i += 1) {
    let placed = 0;
    while (placed < ink) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const j = state % 784;
      if (images[i * 784 + j] === 0) {
        images[i * 784 + j] = 255;
        placed += 1;
      }
    }
  }
  return { count, rows: 28, cols: 28, images, labels: new Uint8Array(count) };
}

describe('pixelCountInformation: what pixel-basis counting reveals per pixel (docs/model.md#server-capabilities)', () => {
  const test = loadMnist('test');

  it('unit encoding, a fraction p of equal non-zero pixels, no dark counts: I = h₂(p·q) − p·h₂(q), q = 1 − (1 + ηk/(pN))^(−M) (the Z channel), within 5 SE', () => {
    const ink = 196; // p = 1/4 of N = 784
    const p = ink / 784;
    for (const [k, rows, efficiency] of [[0.5, 784, 1], [1 / 6, 784, 0.6], [0.5, 50, 1]] as const) {
      const q = 1 - (1 + (efficiency * k) / ink) ** -rows;
      const exact = h2(p * q) - p * h2(q);
      const r = pixelCountInformation({ encoding: 'unit', k, rows, efficiency, test: sparseImages(1500, ink), seed: 4 });
      expect(r.inkFraction).toBe(p);
      expect(r.backgroundClickRate).toBe(0);
      expect(Math.abs(r.bitsPerPixel - exact)).toBeLessThan(5 * r.standardError);
      // The error bar is informative: a few per cent of the value at most.
      expect(r.standardError).toBeLessThan(0.03 * exact);
    }
  });

  it('real MNIST test images, both encodings, G = 1.2 and 2, with and without detector imperfections: the estimate is the information of the exact expected table within 5 SE', () => {
    const images = 1000;
    for (const encoding of ['unit', 'pm1'] as const) {
      for (const [gain, efficiency, dark] of [[1.2, 1, 0], [2, 1, 0], [2, 0.6, 1e-3]] as const) {
        const k = (gain - 1) / gain;
        const exact = information(expectedTable(test, images, encoding, k, 784, efficiency, dark));
        const r = pixelCountInformation({ encoding, gain, efficiency, darkCounts: dark, images, seed: 8 });
        // Near independence (pm1) the plug-in fluctuates like χ²₃/(2n·ln 2) around its bias, which the
        // delta-method error misses: allow 5 of its standard deviations √6/(2n·ln 2) as well.
        const chi = Math.sqrt(6) / (2 * r.pixels * Math.LN2);
        expect(Math.abs(r.bitsPerPixel - exact)).toBeLessThan(5 * r.standardError + 5 * chi);
      }
    }
  });

  it('unit: a background pixel with raw value 0 never clicks without dark counts; pm1: with |x| flat (images of 0s and 255s only) the information is 0 within the plug-in\'s χ² fluctuation', () => {
    // Binarise the first 1 000 test images: under unit the background is then exactly 0; under pm1 every |x_j| = 1.
    const n = 784;
    const images = 1000;
    const binary: MnistSplit = { ...test, count: images, images: test.images.slice(0, images * n).map((v) => (v >= 128 ? 255 : 0)), labels: test.labels.slice(0, images) };
    const unit = pixelCountInformation({ encoding: 'unit', gain: 2, test: binary, seed: 1 });
    expect(unit.backgroundClickRate).toBe(0);
    const flat = pixelCountInformation({ encoding: 'pm1', gain: 2, test: binary, seed: 1 });
    // Independent X and Y: 2n·ln 2·Î ~ χ² with 3 degrees of freedom (mean 3, sd √6), so after the bias is
    // subtracted the estimate is 0 ± √6/(2n·ln 2).
    expect(Math.abs(flat.bitsPerPixel)).toBeLessThan((5 * Math.sqrt(6)) / (2 * flat.pixels * Math.LN2));
    // Both rates estimate the same q from ~1.5e5 and ~6e5 pixels: 0.01 is about 7 binomial standard errors.
    expect(Math.abs(flat.inkClickRate - flat.backgroundClickRate)).toBeLessThan(0.01);
  });

  it('real images: pm1 leaks less than 1/50 of what unit leaks at the same gain (only grey pixels differ in |x|), and unit ink clicks far more often than background', () => {
    for (const gain of [1.2, 2]) {
      const unit = pixelCountInformation({ encoding: 'unit', gain, images: 1000 });
      const pm1 = pixelCountInformation({ encoding: 'pm1', gain, images: 1000 });
      expect(pm1.bitsPerPixel).toBeLessThan(unit.bitsPerPixel / 50);
      expect(unit.inkClickRate).toBeGreaterThan(10 * unit.backgroundClickRate);
    }
  });

  it('is reproducible under a seed; k = 0 counts nothing', () => {
    const a = pixelCountInformation({ encoding: 'unit', gain: 2, images: 200, seed: 3 });
    expect(pixelCountInformation({ encoding: 'unit', gain: 2, images: 200, seed: 3 })).toEqual(a);
    const none = pixelCountInformation({ encoding: 'pm1', k: 0, images: 10 });
    expect(none.table[0]![1]! + none.table[1]![1]! + none.meanPhotons).toBe(0);
    expect(none.plugInBits).toBe(0);
  });

  it('rejects out-of-range options naming the parameter, range and value', () => {
    expect(() => pixelCountInformation({ encoding: 'unit', gain: 2, images: 10001 })).toThrow(/images must be an integer in \[1, 10000\]; received 10001/);
    expect(() => pixelCountInformation({ encoding: 'unit', gain: 2, rows: 0 })).toThrow(/rows M must be an integer in \{1, 2, …\}; received 0/);
    expect(() => pixelCountInformation({ encoding: 'grey' as 'unit', gain: 2 })).toThrow(/pixel encoding must be one of pm1, unit; received "grey"/);
    expect(() => pixelCountInformation({ encoding: 'unit', gain: Number.NaN })).toThrow(/gain G must be a finite number in \[1, ∞\); received NaN/);
  });
});
