import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracyCurve, loadMnist, readNetwork, testAccuracy, type BiasFreeNetwork, type MnistSplit, type OutputNoiseSpec } from '../src/index.js';

const W = fileURLToPath(new URL('../weights/mnist-784-784-10.f32', import.meta.url));
const P = fileURLToPath(new URL('../weights/mnist-784-784-10.json', import.meta.url));

/** A random bias-free network with the given widths (input first) and a random split of `count` images. */
function randomCase(widths: number[], count: number, seed: number): { network: BiasFreeNetwork; split: MnistSplit } {
  let s = seed >>> 0 || 1;
  const u = () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
  const layers = widths.slice(1).map((rows, l) => ({ rows, weights: Float64Array.from({ length: rows * (widths[l] as number) }, () => u() - 0.5) }));
  const side = Math.sqrt(widths[0] as number);
  const classes = widths[widths.length - 1] as number;
  return {
    network: { layers },
    split: {
      count,
      rows: side,
      cols: side,
      images: Uint8Array.from({ length: count * (widths[0] as number) }, () => Math.floor(256 * u())),
      labels: Uint8Array.from({ length: count }, () => Math.floor(classes * u())),
    },
  };
}

describe('accuracyCurve: the sweep gives what testAccuracy gives at every point', () => {
  it('for random networks of 1, 2 and 3 layers, random inputs and noise levels spanning 6 decades (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom([16, 5], [16, 12, 4], [9, 14, 8, 3]),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (widths, caseSeed, logF, seed) => {
          const { network, split } = randomCase(widths, 40, caseSeed);
          const noises: OutputNoiseSpec[] = logF.map((e) => ({ model: 'notebook', f: 10 ** e }));
          const curve = accuracyCurve(network, split, noises, { seed });
          noises.forEach((spec, k) => {
            const direct = testAccuracy(network, split, spec, seed);
            expect(curve[k]?.correct).toBe(direct.correct);
            expect(curve[k]?.noiseStds).toEqual(direct.noiseStds);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('for the committed network on 400 MNIST test images, physical and notebook points alike, in any order', () => {
    const { network } = readNetwork(W, P);
    const full = loadMnist('test');
    const n = 400;
    const split: MnistSplit = { ...full, count: n, images: full.images.subarray(0, n * 784), labels: full.labels.subarray(0, n) };
    const noises: OutputNoiseSpec[] = [
      { model: 'physical', mu: 4, gain: 2 },
      { model: 'notebook', f: 0.05 },
      { model: 'physical', mu: 0.3, gain: 1.2, efficiency: 0.8, electronicNoise: 0.01 },
      { model: 'notebook', f: 100 },
      { model: 'notebook', f: 0.7 },
    ];
    const curve = accuracyCurve(network, split, noises, { seed: 3 });
    noises.forEach((spec, k) => expect(curve[k]?.correct).toBe(testAccuracy(network, split, spec, 3).correct));
  }, 60_000);

  it('reports progress in images, and rejects an empty list, a bad seed and a point with no signal (G = 1)', () => {
    const { network, split } = randomCase([16, 6, 3], 250, 5);
    const seen: number[] = [];
    accuracyCurve(network, split, [{ model: 'notebook', f: 1 }], { onProgress: (done, total) => seen.push(done / total) });
    expect(seen).toEqual([0.4, 0.8, 1]);
    expect(() => accuracyCurve(network, split, [])).toThrow(/number of noise points must be .*received 0/);
    expect(() => accuracyCurve(network, split, [{ model: 'notebook', f: 1 }], { seed: 0.5 })).toThrow(/seed/);
    expect(() => accuracyCurve(network, split, [{ model: 'physical', mu: 1, gain: 1 }])).toThrow(/noise point 0 must give finite noise/);
  });
});
