import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracyCurve, argmax, encodePixels, loadMnist, noisyForward, noisyLayer, normalSampler, readNetwork, testAccuracy, type BiasFreeNetwork, type MnistSplit, type OutputNoiseSpec, type PixelEncoding } from '../src/index.js';
import { blockProducts } from '../src/inference/_internal/blockProducts.js';
import { pixelProducts } from '../src/inference/_internal/pixelProducts.js';
import { accuracyCounts } from '../src/inference/_internal/accuracyCounts.js';
import { curveCounts } from '../src/inference/_internal/curveCounts.js';
import { curveNoiseStds, layerNoiseStds } from '../src/inference/_internal/noiseLevels.js';
import { normalSamplerAfter } from '../src/kernels/normalSampler.js';

// Batched inference (issue 11): every fast path against the plain one-image, one-row-at-a-time
// computation it replaces. Expected values come from noisyLayer/noisyForward (the dense sums of
// the model's definition) or from the closed-form rounding bound of proofs/batched-inference.md.

const W = fileURLToPath(new URL('../weights/mnist-784-784-10.f32', import.meta.url));
const P = fileURLToPath(new URL('../weights/mnist-784-784-10.json', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const { network } = readNetwork(W, P);
const full = loadMnist('test');
const first = (n: number): MnistSplit => ({ ...full, count: n, images: full.images.subarray(0, n * 784), labels: full.labels.subarray(0, n) });

/** xorshift32 in [0, 1). */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; // prettier-ignore
    return s / 4294967296;
  };
}

/** The unnormalised products of noisyLayer (one row at a time, sums in increasing j): noisyLayer with x̂ undone is not exact, so the plain loop is written out. */
function denseProducts(weights: Float64Array, rows: number, x: Float64Array): Float64Array {
  const n = x.length;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    let s = 0;
    for (let j = 0; j < n; j += 1) s += (weights[i * n + j] as number) * (x[j] as number);
    out[i] = s;
  }
  return out;
}

describe('blockProducts: a blocked matrix product with the sums of one input and one row at a time, bit for bit', () => {
  it('for random sizes (tiles and remainders of rows and inputs) and random values (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rows, inputs, count, seed) => {
        const u = uniform(seed);
        const w = Float64Array.from({ length: rows * inputs }, () => (u() - 0.5) * 10 ** (6 * u() - 3));
        const xs = Float64Array.from({ length: count * inputs }, () => (u() - 0.5) * 10 ** (6 * u() - 3));
        const out = blockProducts(w, rows, inputs, xs, count, new Float64Array(count * rows));
        for (let b = 0; b < count; b += 1) {
          const ref = denseProducts(w, rows, xs.subarray(b * inputs, (b + 1) * inputs));
          for (let i = 0; i < rows; i += 1) expect(Object.is(out[b * rows + i], ref[i])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives noisyLayer\'s outputs once scaled by 1/‖x‖ (the committed 784 × 784 layer, 13 MNIST images)', () => {
    const layer = network.layers[0]!;
    const xs = new Float64Array(13 * 784);
    for (let b = 0; b < 13; b += 1) encodePixels(full.images.subarray(b * 784, (b + 1) * 784), 'pm1', xs.subarray(b * 784, (b + 1) * 784));
    const out = blockProducts(layer.weights, layer.rows, 784, xs, 13, new Float64Array(13 * layer.rows));
    for (let b = 0; b < 13; b += 1) {
      const x = xs.subarray(b * 784, (b + 1) * 784);
      expect(Array.from(out.subarray(b * layer.rows, (b + 1) * layer.rows))).toEqual(Array.from(denseProducts(layer.weights, layer.rows, x)));
      const y = noisyLayer(layer.weights, layer.rows, Float64Array.from(x), 0, () => 0);
      let norm2 = 0;
      for (const v of x) norm2 += v * v;
      // noisyLayer = dense product × 1/‖x‖ (its own scaling): the same to the rounding of the scale.
      for (let i = 0; i < layer.rows; i += 1) expect(Math.abs((y[i] as number) - (out[b * layer.rows + i] as number) / Math.sqrt(norm2))).toBeLessThanOrEqual(1e-15 * Math.abs(out[b * layer.rows + i] as number) / Math.sqrt(norm2) + 1e-300);
    }
  });
});

describe('pixelProducts: the first layer summed over the inked pixels only', () => {
  const layer = network.layers[0]!;
  const x = new Float64Array(784);
  const out = new Float64Array(layer.rows);

  it('unit encoding: equal to the dense sums (bit for bit, up to the sign of a zero) on 500 MNIST images', () => {
    const products = pixelProducts(layer.weights, layer.rows, 784, 'unit');
    for (let b = 0; b < 500; b += 1) {
      const px = full.images.subarray(b * 784, (b + 1) * 784);
      encodePixels(px, 'unit', x);
      products(px, x, out);
      const ref = denseProducts(layer.weights, layer.rows, x);
      for (let i = 0; i < layer.rows; i += 1) expect(out[i]).toBe((ref[i] as number) + 0);
    }
  });

  it('pm1 encoding: within the rounding bound γ_{N+2}·Σ_j |W_ij|·(1 + |x_j| + |x_j + 1|) of the dense sums on 500 MNIST images (proofs/batched-inference.md)', () => {
    const products = pixelProducts(layer.weights, layer.rows, 784, 'pm1');
    const u = 2 ** -53;
    const gamma = (786 * u) / (1 - 786 * u);
    let worst = 0;
    for (let b = 0; b < 500; b += 1) {
      const px = full.images.subarray(b * 784, (b + 1) * 784);
      encodePixels(px, 'pm1', x);
      products(px, x, out);
      const ref = denseProducts(layer.weights, layer.rows, x);
      for (let i = 0; i < layer.rows; i += 1) {
        let mass = 0;
        for (let j = 0; j < 784; j += 1) mass += Math.abs(layer.weights[i * 784 + j] as number) * (1 + Math.abs(x[j] as number) + Math.abs((x[j] as number) + 1));
        const bound = gamma * mass;
        const diff = Math.abs((out[i] as number) - (ref[i] as number));
        expect(diff).toBeLessThanOrEqual(bound);
        worst = Math.max(worst, diff / bound);
      }
    }
    // The bound is a worst case; the differences reach a small part of it, but are not all zero (the order does change).
    expect(worst).toBeGreaterThan(0);
    expect(worst).toBeLessThan(0.05);
  });
});

describe('testAccuracy and accuracyCurve with inked-pixel sums classify every image as the dense forward pass does', () => {
  const noises: OutputNoiseSpec[] = [{ model: 'physical', mu: 4, gain: 2 }, { model: 'physical', mu: 6, gain: 1.3 }, { model: 'notebook', f: 0.3 }, { model: 'notebook', f: 30 }];

  for (const encoding of ['pm1', 'unit'] as PixelEncoding[]) {
    it(`${encoding}: 1000 MNIST test images at 4 noise levels and none, image by image against noisyForward`, () => {
      const split = first(1000);
      for (const noise of [...noises, null]) {
        const stds = layerNoiseStds(network, noise);
        const normal = normalSampler(9);
        const x = new Float64Array(784);
        let dense = 0;
        for (let i = 0; i < split.count; i += 1) {
          encodePixels(split.images.subarray(i * 784, (i + 1) * 784), encoding, x);
          if (argmax(noisyForward(network, x, stds, normal)) === split.labels[i]) dense += 1;
        }
        expect(testAccuracy(network, split, noise, 9, encoding).correct).toBe(dense);
      }
    }, 120_000);
  }
});

describe('ranges of images add up to the whole split: the seeded deviates skip exactly', () => {
  it('normalSamplerAfter(seed, k) continues normalSampler(seed) from deviate k, bit for bit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 300 }), (seed, k) => {
        const a = normalSampler(seed);
        for (let i = 0; i < k; i += 1) a();
        const b = normalSamplerAfter(seed, k);
        for (let i = 0; i < 7; i += 1) expect(Object.is(b(), a())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('accuracyCounts and curveCounts over any cut of 600 images into ranges give the whole run\'s counts (property)', () => {
    const split = first(600);
    const curve = [{ model: 'notebook', f: 0.2 }, { model: 'notebook', f: 3 }, { model: 'physical', mu: 4, gain: 2 }] as OutputNoiseSpec[];
    const cStds = curveNoiseStds(network, curve);
    const aStds = layerNoiseStds(network, curve[2]!);
    const wholeA = accuracyCounts(network, split, aStds, 4, 'pm1', 0, 600);
    const wholeC = Array.from(curveCounts(network, split, cStds, 4, 'pm1', 0, 600));
    expect(wholeA).toBe(testAccuracy(network, split, curve[2]!, 4).correct);
    expect(wholeC).toEqual(accuracyCurve(network, split, curve, { seed: 4 }).map((r) => r.correct));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 599 }), { maxLength: 3 }), (cuts) => {
        const edges = [0, ...cuts.sort((a, b) => a - b), 600];
        let a = 0;
        const c = [0, 0, 0];
        for (let k = 0; k + 1 < edges.length; k += 1) {
          a += accuracyCounts(network, split, aStds, 4, 'pm1', edges[k]!, edges[k + 1]!);
          curveCounts(network, split, cStds, 4, 'pm1', edges[k]!, edges[k + 1]!).forEach((v, i) => (c[i] = c[i]! + v));
        }
        expect(a).toBe(wholeA);
        expect(c).toEqual(wholeC);
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});

describe('testAccuracyParallel and accuracyCurveParallel on worker threads (the built library) equal the in-thread results', () => {
  it('with 1, 2 and 3 workers, at one and at several points', async () => {
    expect(existsSync(DIST)).toBe(true); // npm test builds first
    const lib = (await import(DIST)) as typeof import('../src/index.js');
    const split = first(2000); // above the in-thread threshold, so workers run
    const net: BiasFreeNetwork = network;
    const noises: OutputNoiseSpec[] = [{ model: 'physical', mu: 4, gain: 2 }, { model: 'notebook', f: 0.5 }];
    const serialA = noises.map((n) => testAccuracy(net, split, n, 5).correct);
    const serialC = accuracyCurve(net, split, noises, { seed: 5 }).map((r) => r.correct);
    for (const workers of [1, 2, 3]) {
      const seen: number[] = [];
      const a = await lib.testAccuracyParallel(net, split, noises, { seed: 5, workers, onProgress: (done) => seen.push(done) });
      expect(a.map((r) => r.correct)).toEqual(serialA);
      expect(seen.at(-1)).toBe(2 * split.count);
      const one = await lib.testAccuracyParallel(net, split, [noises[0]!], { seed: 5, workers });
      expect(one[0]!.correct).toBe(serialA[0]);
      const c = await lib.accuracyCurveParallel(net, split, noises, { seed: 5, workers });
      expect(c.map((r) => r.correct)).toEqual(serialC);
    }
  }, 180_000);

  it('rejects a bad worker count, seed or encoding with the parameter, range and value', async () => {
    const lib = (await import(DIST)) as typeof import('../src/index.js');
    const split = first(10);
    const n: OutputNoiseSpec[] = [{ model: 'notebook', f: 1 }];
    await expect(lib.testAccuracyParallel(network, split, n, { workers: 0 })).rejects.toThrow(/workers must be .*received 0/);
    await expect(lib.accuracyCurveParallel(network, split, n, { workers: 65 })).rejects.toThrow(/workers must be an integer in \[1, 64\]; received 65/);
    await expect(lib.accuracyCurveParallel(network, split, n, { workers: 1.5 })).rejects.toThrow(/workers must be an integer/);
    await expect(lib.testAccuracyParallel(network, split, n, { seed: 2 ** 31 })).rejects.toThrow(/seed/);
    await expect(lib.testAccuracyParallel(network, split, n, { encoding: 'rgb' as PixelEncoding })).rejects.toThrow(/pixel encoding/);
    await expect(lib.testAccuracyParallel(network, split, [])).rejects.toThrow(/number of noise points/);
  });
});
