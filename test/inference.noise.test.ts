import { describe, expect, it } from 'vitest';
import { clientNoiseFactor, measurementNoiseFactor, noisyLayer, normalSampler, notebookFForSnr, outputNoiseStd } from '../src/index.js';
import { relativeError } from './_helpers/fixtures.js';

describe('seeded normal deviates', () => {
  it('the same seed gives the same sequence; different seeds differ', () => {
    const a = normalSampler(7);
    const b = normalSampler(7);
    const c = normalSampler(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('mean 0 and variance 1 within 5 standard errors over 200 000 draws', () => {
    const next = normalSampler(2024);
    const n = 200000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i += 1) {
      const z = next();
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    const variance = s2 / n - mean * mean;
    // Standard errors: 1/√n for the mean, √(2/n) for the variance of a normal sample.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });
});

describe('client output noise (SPEC §5)', () => {
  it('DX2_eff equals DX2(G) for an ideal detector, and grows with loss of efficiency and electronic noise', () => {
    for (const g of [1.1, 1.3, 2, 2 + Math.SQRT2, 5]) {
      expect(relativeError(clientNoiseFactor(g), measurementNoiseFactor(g))).toBeLessThan(1e-15);
      expect(clientNoiseFactor(g, 0.8)).toBeGreaterThan(clientNoiseFactor(g));
      expect(clientNoiseFactor(g, 1, 0.01)).toBeGreaterThan(clientNoiseFactor(g));
    }
    // η = 1/2 at G = 2: (½·2 + ½)/(½·1) = 3, by hand from the formula.
    expect(relativeError(clientNoiseFactor(2, 0.5), 3)).toBeLessThan(1e-15);
  });

  it('physical noise std = √(DX2·mean(W²)/(4μ)), and the notebook model matches it at F = 4·SNR', () => {
    const w2 = 0.0037;
    for (const [mu, g] of [[4, 2], [6, 1.3], [0.5, 3]] as const) {
      const phys = outputNoiseStd({ model: 'physical', mu, gain: g }, w2);
      expect(relativeError(phys, Math.sqrt((measurementNoiseFactor(g) * w2) / (4 * mu)))).toBeLessThan(1e-15);
      const snr = mu / measurementNoiseFactor(g);
      expect(relativeError(outputNoiseStd({ model: 'notebook', f: notebookFForSnr(snr) }, w2), phys)).toBeLessThan(1e-15);
      // The authors' maps read their curve at F = √SNR: a different noise unless SNR = 1/16.
      expect(outputNoiseStd({ model: 'notebook', f: Math.sqrt(snr) }, w2)).not.toBeCloseTo(phys, 6);
    }
  });

  it('bad input names the parameter', () => {
    expect(() => clientNoiseFactor(2, 1.2)).toThrow(/homodyne efficiency eta must be a number in \(0, 1\]; received 1.2/);
    expect(() => outputNoiseStd({ model: 'physical', mu: 0, gain: 2 }, 1)).toThrow(/mean photon number mu must be a finite number in \(0, ∞\); received 0/);
    expect(() => outputNoiseStd({ model: 'notebook', f: -1 }, 1)).toThrow(/notebook parameter F must be a finite number in \(0, ∞\); received -1/);
  });
});

describe('noisy layer: statistics of the simulated outputs against the formula', () => {
  // A fixed 3 × 4 layer and input; noise from the physical model at μ = 4, G = 2.
  const w = Float64Array.from([0.1, -0.2, 0.3, 0.05, -0.4, 0.1, 0.0, 0.2, 0.25, 0.25, -0.25, 0.25]);
  const x = Float64Array.from([1, 2, 0, 2]); // ‖x‖ = 3
  const expected = [0.1 - 0.4 + 0.1, -0.4 + 0.2 + 0.4, 0.25 + 0.5 + 0.5].map((v) => v / 3);
  const w2 = w.reduce((s, v) => s + v * v, 0) / w.length;
  const sigma = outputNoiseStd({ model: 'physical', mu: 4, gain: 2 }, w2);

  it('noise-free products are w·x̂ exactly (to rounding)', () => {
    const y = noisyLayer(w, 3, x, 0, () => Number.NaN);
    expected.forEach((e, i) => expect(Math.abs((y[i] as number) - e)).toBeLessThan(1e-15));
  });

  it('over 100 000 draws, each output has mean w·x̂ and variance σ² within 5 standard errors', () => {
    const normal = normalSampler(11);
    const n = 100000;
    const sum = [0, 0, 0];
    const sum2 = [0, 0, 0];
    const y = new Float64Array(3);
    for (let k = 0; k < n; k += 1) {
      noisyLayer(w, 3, x, sigma, normal, y);
      for (let i = 0; i < 3; i += 1) {
        const d = (y[i] as number) - (expected[i] as number);
        sum[i] = (sum[i] as number) + d;
        sum2[i] = (sum2[i] as number) + d * d;
      }
    }
    for (let i = 0; i < 3; i += 1) {
      const bias = (sum[i] as number) / n;
      const variance = (sum2[i] as number) / n - bias * bias;
      expect(Math.abs(bias)).toBeLessThan((5 * sigma) / Math.sqrt(n));
      expect(Math.abs(variance / (sigma * sigma) - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    }
  });

  it('is reproducible under a seed and rejects mismatched sizes', () => {
    const a = noisyLayer(w, 3, x, sigma, normalSampler(5));
    const b = noisyLayer(w, 3, x, sigma, normalSampler(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(() => noisyLayer(w, 4, x, sigma, normalSampler(5))).toThrow(/weights must have rows·inputs = 4·4 = 16 entries; received 12/);
  });
});
