import fc from 'fast-check';
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

  it('rejects seeds it would otherwise change silently', () => {
    for (const seed of [1.5, Number.NaN, 2 ** 31, Infinity]) expect(() => normalSampler(seed)).toThrow(/seed must be an integer in \[−2\^31, 2\^31\)/);
  });

  it('normal, not just mean 0 and variance 1: P(|z| > 2) = 0.0455 and consecutive draws uncorrelated, within 5 standard errors', () => {
    const next = normalSampler(99);
    const n = 200000;
    let tail = 0;
    let lag = 0;
    let prev = next();
    for (let i = 0; i < n; i += 1) {
      const z = next();
      if (Math.abs(z) > 2) tail += 1;
      lag += z * prev;
      prev = z;
    }
    const p = 0.04550026389635842; // 2·(1 − Φ(2)), erfc(√2)
    expect(Math.abs(tail / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    expect(Math.abs(lag / n)).toBeLessThan(5 / Math.sqrt(n)); // E[z_i z_{i−1}] = 0, sd 1/√n
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

describe('client output noise (docs/model.md#accuracy)', () => {
  it('DX2_eff equals DX2(G) for an ideal detector, and grows with loss of efficiency and electronic noise', () => {
    for (const g of [1.1, 1.3, 2, 2 + Math.SQRT2, 5]) {
      expect(relativeError(clientNoiseFactor(g), measurementNoiseFactor(g))).toBeLessThan(1e-15);
      expect(clientNoiseFactor(g, 0.8)).toBeGreaterThan(clientNoiseFactor(g));
      expect(clientNoiseFactor(g, 1, 0.01)).toBeGreaterThan(clientNoiseFactor(g));
    }
    // By hand from DX2_eff = [η(2G² − 3G + 2)/G + 1 − η + v_el]/(η(G − 1)):
    // G = 2, η = ½: (½·2 + ½)/(½·1) = 3;  G = 3, η = ½, v_el = 0.2: (½·11/3 + ½ + 0.2)/(½·2) = 38/15.
    expect(relativeError(clientNoiseFactor(2, 0.5), 3)).toBeLessThan(1e-15);
    expect(relativeError(clientNoiseFactor(3, 0.5, 0.2), 38 / 15)).toBeLessThan(1e-15);
    // Near G = 1 and for huge G: G = 1 + 2^−40 gives (1 + O(2^−40))/2^−40 to full precision; G → ∞ gives 2.
    const g = 1 + 2 ** -40;
    expect(relativeError(clientNoiseFactor(g), (2 * g * g - 3 * g + 2) / (g * 2 ** -40))).toBeLessThan(1e-15);
    expect(relativeError(clientNoiseFactor(1.7e308), 2)).toBeLessThan(1e-15);
  });

  it('physical noise std = √(DX2·mean(W²)/(4μ)), and the notebook model matches it at F = 4·SNR', () => {
    const w2 = 0.0037;
    for (const [mu, g] of [[4, 2], [6, 1.3], [0.5, 3]] as const) {
      const phys = outputNoiseStd({ model: 'physical', mu, gain: g }, w2);
      expect(relativeError(phys, Math.sqrt((measurementNoiseFactor(g) * w2) / (4 * mu)))).toBeLessThan(1e-15);
      const snr = mu / measurementNoiseFactor(g);
      expect(relativeError(outputNoiseStd({ model: 'notebook', f: notebookFForSnr(snr) }, w2), phys)).toBeLessThan(1e-15);
      expect(relativeError(outputNoiseStd({ model: 'snr', snr }, w2), phys)).toBeLessThan(1e-15);
      // The notebook noise itself, by hand: √(mean(W²)/F).
      expect(relativeError(outputNoiseStd({ model: 'notebook', f: 8 }, w2), Math.sqrt(w2 / 8))).toBeLessThan(1e-15);
      // The authors' maps read their curve at F = √SNR: a different noise unless SNR = 1/16.
      expect(outputNoiseStd({ model: 'notebook', f: Math.sqrt(snr) }, w2)).not.toBeCloseTo(phys, 6);
    }
  });

  it('detector imperfections enter the physical noise: √(DX2_eff(G, η, v_el)·mean(W²)/(4μ))', () => {
    // G = 3, η = ½, v_el = 0.2: DX2_eff = 38/15 (above); μ = 2, mean(W²) = 0.5 → √((38/15)·0.5/8).
    expect(relativeError(outputNoiseStd({ model: 'physical', mu: 2, gain: 3, efficiency: 0.5, electronicNoise: 0.2 }, 0.5), Math.sqrt(((38 / 15) * 0.5) / 8))).toBeLessThan(1e-15);
    expect(() => outputNoiseStd({ model: 'phys' as 'physical', mu: 1, gain: 2 }, 1)).toThrow(/noise model must be one of physical, notebook, snr; received "phys"/);
  });

  it('bad input names the parameter', () => {
    expect(() => clientNoiseFactor(2, 1.2)).toThrow(/homodyne efficiency eta must be a number in \(0, 1\]; received 1.2/);
    expect(() => outputNoiseStd({ model: 'physical', mu: 0, gain: 2 }, 1)).toThrow(/mean photon number mu must be a finite number in \(0, ∞\); received 0/);
    expect(() => outputNoiseStd({ model: 'notebook', f: -1 }, 1)).toThrow(/notebook parameter F must be a finite number in \(0, ∞\); received -1/);
    expect(() => outputNoiseStd({ model: 'snr', snr: Number.NaN }, 1)).toThrow(/output SNR must be a finite number in \(0, ∞\); received NaN/);
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

  it('gives, bit for bit, one row at a time: y_i = (Σ_j w_ij·x_j, in order)·(1/‖x‖) + σ·z_i with the deviates in row order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 3, noNaN: true }), fc.integer({ min: 1, max: 2 ** 30 }), (m, n, sigma, seed) => {
        const g = normalSampler(seed);
        const wr = Float64Array.from({ length: m * n }, () => g());
        const xr = Float64Array.from({ length: n }, () => g());
        const z = Float64Array.from({ length: m }, () => g());
        let k = 0;
        const y = noisyLayer(wr, m, xr, sigma, () => z[k++] as number);
        let big = 0;
        for (const v of xr) big = Math.max(big, Math.abs(v));
        let norm2 = 0;
        for (const v of xr) norm2 += (v / big) * (v / big);
        const scale = 1 / (big * Math.sqrt(norm2));
        for (let i = 0; i < m; i += 1) {
          let dot = 0;
          for (let j = 0; j < n; j += 1) dot += (wr[i * n + j] as number) * (xr[j] as number);
          expect(y[i]).toBe(dot * scale + (sigma > 0 ? sigma * (z[i] as number) : 0));
        }
        expect(k).toBe(sigma > 0 ? m : 0);
      }),
      { numRuns: 300 },
    );
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

  it('different rows get independent noise: the correlation of two rows\' noise is 0 within 5 standard errors', () => {
    const normal = normalSampler(12);
    const n = 100000;
    let c = 0;
    const y = new Float64Array(3);
    for (let k = 0; k < n; k += 1) {
      noisyLayer(w, 3, x, sigma, normal, y);
      c += ((y[0] as number) - (expected[0] as number)) * ((y[1] as number) - (expected[1] as number));
    }
    expect(Math.abs(c / n / (sigma * sigma))).toBeLessThan(5 / Math.sqrt(n));
  });

  it('huge or tiny inputs are normalised without overflow or underflow; out may not alias x', () => {
    const id = Float64Array.from([1, 1]);
    expect(noisyLayer(id, 1, Float64Array.from([1e200, 1e200]), 0, () => 0)[0]).toBeCloseTo(Math.SQRT2, 14);
    expect(noisyLayer(id, 1, Float64Array.from([1e-170, 1e-170]), 0, () => 0)[0]).toBeCloseTo(Math.SQRT2, 14);
    const xs = Float64Array.from([1, 0]);
    expect(() => noisyLayer(Float64Array.from([0, 1, 1, 0]), 2, xs, 0, () => 0, xs)).toThrow(/out must not share memory with the input x/);
  });

  it('is reproducible under a seed and rejects mismatched sizes', () => {
    const a = noisyLayer(w, 3, x, sigma, normalSampler(5));
    const b = noisyLayer(w, 3, x, sigma, normalSampler(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(() => noisyLayer(w, 4, x, sigma, normalSampler(5))).toThrow(/weights must have rows·inputs = 4·4 = 16 entries; received 12/);
  });
});
