import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argmax, noisyForward, normalSampler } from '../src/index.js';

/** Plain forward pass without any normalisation: W2·ReLU(W1·x). */
function plainForward(w1: Float64Array, h: number, w2: Float64Array, c: number, x: Float64Array): Float64Array {
  const n = x.length;
  const hidden = new Float64Array(h);
  for (let i = 0; i < h; i += 1) {
    let s = 0;
    for (let j = 0; j < n; j += 1) s += (w1[i * n + j] as number) * (x[j] as number);
    hidden[i] = Math.max(0, s);
  }
  const out = new Float64Array(c);
  for (let i = 0; i < c; i += 1) {
    let s = 0;
    for (let j = 0; j < h; j += 1) s += (w2[i * h + j] as number) * (hidden[j] as number);
    out[i] = s;
  }
  return out;
}

const vec = (len: number) => fc.float64Array({ minLength: len, maxLength: len, min: -1, max: 1, noNaN: true, noDefaultInfinity: true });

describe('noisy forward pass of a bias-free ReLU network', () => {
  it('theorem (docs/model.md#accuracy): normalising each layer\'s input changes no noise-free argmax', () => {
    const [n, h, c] = [6, 5, 4];
    fc.assert(
      fc.property(vec(h * n), vec(c * h), vec(n), (w1, w2, x) => {
        const plain = plainForward(w1, h, w2, c, x);
        const sorted = [...plain].sort((a, b) => b - a);
        // Arrange: skip near-ties, where rounding alone could swap the two largest scores.
        fc.pre((sorted[0] as number) - (sorted[1] as number) > 1e-9 * Math.max(1, Math.abs(sorted[0] as number)));
        const normalised = noisyForward({ layers: [{ weights: w1, rows: h }, { weights: w2, rows: c }] }, x, [0, 0], () => 0);
        expect(argmax(normalised)).toBe(argmax(plain));
      }),
      { numRuns: 500 },
    );
  });

  it('is reproducible under a seed, and noise enters every layer', () => {
    const net = { layers: [{ weights: Float64Array.from([1, 0, 0, 1]), rows: 2 }, { weights: Float64Array.from([1, -1]), rows: 1 }] };
    const x = Float64Array.from([3, 4]);
    const a = noisyForward(net, x, [0.1, 0.1], normalSampler(3));
    const b = noisyForward(net, x, [0.1, 0.1], normalSampler(3));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(noisyForward(net, x, [0, 0], () => 0)[0]).toBeCloseTo((0.6 - 0.8) / 1, 15);
    expect(noisyForward(net, x, [0, 0.1], normalSampler(3))[0]).not.toBe(noisyForward(net, x, [0, 0], () => 0)[0]);
  });

  it('argmax picks the first of equal maxima; sizes that do not chain are errors', () => {
    expect(argmax(Float64Array.from([1, 3, 3]))).toBe(1);
    expect(argmax(new Float64Array(0))).toBe(-1);
    const net = { layers: [{ weights: new Float64Array(6), rows: 2 }] };
    expect(() => noisyForward(net, new Float64Array(3), [0, 0], () => 0)).toThrow(/noiseStds must have one entry per layer \(1\); received 2/);
    expect(() => noisyForward(net, new Float64Array(4), [0], () => 0)).toThrow(/weights must have rows·inputs = 2·4 = 8 entries; received 6/);
  });
});
