import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientCountermeasures, countingDataLeak, holevoSubadditiveDataLeak, holevoWeightLeak, outputSnr } from '../src/index.js';
import { relativeError } from './_helpers/fixtures.js';

describe('client countermeasures (docs/model.md#server-capabilities) and their cost', () => {
  it('the baseline row is the protocol: counting = countingDataLeak, bound = the subadditive Holevo bound, χ_W at ε = 2k/(pN)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.01, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 100, noNaN: true }), fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }), (gain, mu, efficiency, darkCounts) => {
        const [base] = clientCountermeasures({ mu, gain, efficiency, darkCounts });
        expect(relativeError(base!.countingBits, countingDataLeak({ gain, efficiency, darkCounts }))).toBeLessThan(1e-9);
        expect(base!.holevoBound).toBe(holevoSubadditiveDataLeak(gain, 784, 784));
        expect(relativeError(base!.weightBits, holevoWeightLeak({ mu, excessNoise: (2 * (gain - 1)) / gain / 392 }))).toBeLessThan(1e-14);
        expect(relativeError(base!.snr, outputSnr(mu, gain))).toBeLessThan(1e-14);
      }),
      { numRuns: 100 },
    );
  });

  it('isotropic noise n_a keeps the SNR, raises the server\'s ε by 2n_a, and lowers what counting learns', () => {
    const rows = clientCountermeasures({ mu: 4, gain: 2, noiseLevels: [0.001, 0.01], lowerGains: [], gainSpreads: [] });
    const [base, a, b] = rows;
    expect(a!.snr).toBe(base!.snr);
    expect(relativeError(a!.weightBits, holevoWeightLeak({ mu: 4, excessNoise: 1 / 392 + 0.002 }))).toBeLessThan(1e-14);
    expect(a!.countingBits).toBeLessThan(base!.countingBits);
    expect(b!.countingBits).toBeLessThan(a!.countingBits);
    expect(b!.holevoBound).toBeLessThan(a!.holevoBound);
  });

  it('lower gain with brighter light keeps the SNR (μ·DX2(G′)/DX2(G)); randomised gain with a vanishing spread is the baseline', () => {
    const rows = clientCountermeasures({ mu: 4, gain: 2, noiseLevels: [], lowerGains: [1.1], gainSpreads: [1e-9] });
    const [base, lower, random] = rows;
    expect(relativeError(lower!.snr, base!.snr)).toBeLessThan(1e-14);
    expect(relativeError(outputSnr(lower!.mu, 1.1), base!.snr)).toBeLessThan(1e-14);
    expect(lower!.countingBits).toBeLessThan(base!.countingBits);
    expect(relativeError(random!.countingBits, base!.countingBits)).toBeLessThan(1e-6);
    expect(relativeError(random!.holevoBound, base!.holevoBound)).toBeLessThan(1e-6);
  });

  it('bad input names the parameter, its range and the value', () => {
    expect(() => clientCountermeasures({ mu: 4, gain: 1 })).toThrow(/gain G must be a number in \(1, 1e6\]; received 1/);
    expect(() => clientCountermeasures({ mu: 4, gain: 2, noiseLevels: [-1] })).toThrow(/isotropic noise n_a .* received -1/);
  });
});

describe('randomised gain against an independent fine quadrature', () => {
  it('counting and the Holevo bound agree with a 20 000-point Simpson rule over G to 1e-5 relative; the SNR uses the exact E DX2', () => {
    const [mu, gain, w, N, M] = [4, 2, 0.9, 784, 784];
    const a = 1 + (gain - 1) * (1 - w);
    const b = 1 + (gain - 1) * (1 + w);
    const simpson = (f: (g: number) => number) => {
      const n = 20000;
      const hstep = (b - a) / n;
      let sum = f(a) + f(b);
      for (let i = 1; i < n; i += 1) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * hstep);
      return (sum * hstep) / 3 / (b - a);
    };
    const s = 1 / 392;
    const hOf = (n: number) => (n === 0 ? 0 : ((n + 1) * Math.log1p(n) - n * Math.log(n)) / Math.LN2);
    const h2 = (q: number) => -q * Math.log2(q) - (1 - q) * Math.log2(1 - q);
    const k = (g: number) => (g - 1) / g;
    const q = 1 - simpson((g) => 1 / (1 + k(g) * s)) ** M;
    const counting = h2(0.5 * q) - 0.5 * h2(q);
    const bound = (M / N) * (N * hOf(simpson(k) / N) - simpson((g) => hOf(k(g))));
    const dx2 = simpson((g) => (2 * g * g - 3 * g + 2) / (g * (g - 1)));
    const [, row] = clientCountermeasures({ mu, gain, noiseLevels: [], lowerGains: [], gainSpreads: [w] });
    expect(relativeError(row!.countingBits, counting)).toBeLessThan(1e-5);
    expect(relativeError(row!.holevoBound, bound)).toBeLessThan(1e-5);
    expect(relativeError(row!.snr, mu / dx2)).toBeLessThan(1e-6); // Simpson near the pole's side at G = 1.1 is the less accurate of the two
  });
});
