import fc from 'fast-check';
import { Matrix, determinant } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { addNoise, countingDataLeak, runAttack, twoModeSqueezedVacuum } from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

/** Binary entropy written out (bits). */
const h2 = (q: number) => (q <= 0 || q >= 1 ? 0 : -q * Math.log2(q) - (1 - q) * Math.log2(1 - q));

/** Shannon entropy (bits) of a distribution given as an array. */
const entropy = (ps: number[]) => ps.reduce((s, p) => (p > 0 ? s - p * Math.log2(p) : s), 0);

/**
 * Mutual information (bits) between X ~ Bernoulli(p) and one Gaussian sample y with variance
 * 1 (X = 0) or v (X = 1): direct quadrature over y (Simpson, |y| ≤ 20·√v: the mass beyond is
 * below 1e-80, and the densities stay normal numbers), independent of the
 * attack's chi-square route.
 */
function oneSampleVarianceInformation(p: number, v: number): number {
  const f = (y: number, s2: number) => Math.exp(-(y * y) / (2 * s2)) / Math.sqrt(2 * Math.PI * s2);
  const L = 20 * Math.sqrt(v);
  const n = 200000;
  const dy = (2 * L) / n;
  let sum = 0;
  for (let i = 0; i <= n; i += 1) {
    const y = -L + i * dy;
    const f0 = f(y, 1);
    const f1 = f(y, v);
    const fm = p * f1 + (1 - p) * f0;
    let t = 0;
    if (f1 > 0) t += p * f1 * Math.log2(f1 / fm);
    if (f0 > 0) t += (1 - p) * f0 * Math.log2(f0 / fm);
    sum += (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * t;
  }
  return (sum * dy) / 3;
}

describe('server attacks against independent values (docs/model.md#server-capabilities, docs/model.md#attacks)', () => {
  it('homodyne-variance with one row equals the mutual information of a Gaussian variance mixture, integrated directly over the sample', () => {
    for (const [gain, inputs, p] of [[2, 1, 1 / 1], [2, 4, 0.5], [1.5, 2, 0.5], [3, 10, 0.3]] as const) {
      const r = runAttack('homodyne-variance', { gain, inputs, rows: 1, activeFraction: p });
      if (p === 1) {
        expect(r.bitsPerSymbol).toBe(0); // every pixel active: nothing uncertain
        continue;
      }
      const k = (gain - 1) / gain;
      const v = 1 + (2 * k) / (p * inputs);
      expect(relativeError(r.bitsPerSymbol, oneSampleVarianceInformation(p, v))).toBeLessThan(1e-7);
    }
  });

  it('homodyne-variance for a small signal: p(1 − p)·M·(2k·s)²/(4 ln 2), the χ²-divergence limit', () => {
    const gain = 1 + 1e-5;
    const k = (gain - 1) / gain;
    const r = runAttack('homodyne-variance', { gain, inputs: 784, rows: 784, activeFraction: 0.5 });
    const delta = (2 * k) / 392;
    expect(relativeError(r.bitsPerSymbol, (0.25 * 784 * delta * delta) / (4 * Math.LN2))).toBeLessThan(1e-3);
  });

  it('theorem: homodyne ≤ the per-mode Holevo quantity (per-mode-optimal) for every configuration', () => {
    fc.assert(
      fc.property(logUniform(1e-4, 10).map((d) => 1 + d), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (gain, inputs, rows, p) => {
        fc.pre(p * inputs >= 1);
        const hom = runAttack('homodyne-variance', { gain, inputs, rows, activeFraction: p }).bitsPerSymbol;
        const opt = runAttack('per-mode-optimal', { gain, inputs, rows, activeFraction: p }).bitsPerSymbol;
        expect(hom).toBeLessThanOrEqual(opt * (1 + 1e-9) + 1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('per-mode-optimal equals the Holevo quantity of the per-mode photon-number distribution (M = 1, direct sum over n) and ideal displace-and-count', () => {
    for (const [gain, inputs, p] of [[2, 4, 0.5], [1.2, 10, 0.2], [5, 2, 0.5]] as const) {
      const k = (gain - 1) / gain;
      const t = k / (p * inputs); // photons in an active mode
      const geometric = (n: number) => Math.pow(t, n) / Math.pow(1 + t, n + 1);
      const ns = Array.from({ length: 4000 }, (_, n) => n);
      const mixture = ns.map((n) => p * geometric(n) + (n === 0 ? 1 - p : 0));
      const holevo = entropy(mixture) - p * entropy(ns.map(geometric));
      const r = runAttack('per-mode-optimal', { gain, inputs, rows: 1, activeFraction: p });
      expect(relativeError(r.bitsPerSymbol, holevo)).toBeLessThan(1e-10);
      expect(runAttack('displace-and-count', { gain, inputs, rows: 1, activeFraction: p }).bitsPerSymbol).toBe(r.bitsPerSymbol);
    }
  });

  it('per-mode-optimal reports the QFI 4k/(1 + k·x²) per row and the quantum Cramér–Rao deviation 1/√(M·F_Q)', () => {
    const r = runAttack('per-mode-optimal');
    const F = 2 / (1 + 0.5 / 392);
    expect(relativeError(r.details.qfiPerRow as number, F)).toBeLessThan(1e-15);
    expect(relativeError(r.details.quantumCramerRaoStd as number, 1 / Math.sqrt(784 * F))).toBeLessThan(1e-15);
    const x2 = 1 / 392;
    expect(relativeError(r.details.homodyneFisherPerRow as number, (8 * 0.25 * x2) / (1 + x2) ** 2)).toBeLessThan(1e-15); // vanishes with x; F_Q does not
  });

  it('squeezed probes: no-click probability = the Gaussian fidelity 4/√det(V₀ + V₁) of the returned pair with the probe = 1/(1 + (2n_s + 1)·θ)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 50, noNaN: true }), logUniform(1e-6, 10), (ns, theta) => {
        const probe = twoModeSqueezedVacuum({ variance: 2 * ns + 1 });
        const returned = addNoise(probe, 0, 2 * theta); // thermal noise of θ photons on the signal arm
        const sum = new Matrix(4, 4);
        for (let i = 0; i < 16; i += 1) sum.set(Math.floor(i / 4), i % 4, (probe.cov[i] as number) + (returned.cov[i] as number));
        const fidelity = 4 / Math.sqrt(determinant(sum));
        expect(relativeError(fidelity, 1 / (1 + (2 * ns + 1) * theta))).toBeLessThan(1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('squeezed probes with n_s = 0 are the coherent probes of ideal counting; more squeezing learns more and is caught by the client\'s check', () => {
    const coherent = runAttack('squeezed-probes', {}, { 'probe-photons': 0 });
    expect(relativeError(coherent.bitsPerSymbol, countingDataLeak({ gain: 2 }))).toBeLessThan(1e-12);
    expect(coherent.detectionProbability).toBeLessThanOrEqual(1e-6);
    const squeezed = runAttack('squeezed-probes', {}, { 'probe-photons': 1 });
    expect(squeezed.bitsPerSymbol).toBeGreaterThan(coherent.bitsPerSymbol);
    expect(squeezed.detectionProbability).toBe(1);
    // the Z channel written out, with k·s → 3k·s
    const q = 1 - Math.pow(1 + (3 * 0.5) / 392, -784);
    expect(relativeError(squeezed.bitsPerSymbol, h2(0.5 * q) - 0.5 * h2(q))).toBeLessThan(1e-12);
  });

  it('displace-and-count Monte Carlo on MNIST: unit-encoded ink clicks, faint background rarely, and pm1 (nearly flat |x|) leaks little', () => {
    const unit = runAttack('displace-and-count', { gain: 2 }, { method: 'monte-carlo', encoding: 'unit', images: 1000 });
    const pm1 = runAttack('displace-and-count', { gain: 2 }, { method: 'monte-carlo', encoding: 'pm1', images: 1000 });
    // "background" is raw < 128: mostly exact zeros (never click) and a few faint pixels
    expect(unit.details.backgroundClickRate as number).toBeLessThan(0.05 * (unit.details.inkClickRate as number));
    expect(unit.bitsPerSymbol).toBeGreaterThan(0.3);
    expect(pm1.bitsPerSymbol).toBeLessThan(0.01);
    expect(unit.boundBitsPerSymbol).toBeGreaterThan(unit.bitsPerSymbol);
  });

  it('transform-counting in the templates basis names the digit far above chance (pm1, G = 2, 2000 images); at G = 1 nothing is learned', () => {
    const r = runAttack('transform-counting', { gain: 2 }, { basis: 'templates', encoding: 'pm1', images: 2000 });
    expect(r.details.recognitionRate as number).toBeGreaterThan(0.5);
    expect(r.bitsPerSymbol).toBeGreaterThan(0);
    expect(runAttack('transform-counting', { gain: 1 }, { basis: 'templates', encoding: 'pm1', images: 500 }).bitsPerSymbol).toBe(0);
  });

  it('layer-accumulation: MNIST\'s unit-encoded pixels are about 19 % non-zero; pm1 pixels are all non-zero, so the first layer leaks nothing by counting in the equal-value model', () => {
    const unit = runAttack('layer-accumulation', {}, { encoding: 'unit', images: 1000 });
    expect(unit.details.layer1ActiveFraction as number).toBeGreaterThan(0.17);
    expect(unit.details.layer1ActiveFraction as number).toBeLessThan(0.21);
    const pm1 = runAttack('layer-accumulation', {}, { encoding: 'pm1', images: 200 });
    expect(pm1.details.layer1ActiveFraction).toBe(1);
    expect(pm1.details.layer1BitsPerInput).toBe(0);
    expect(pm1.bitsPerSymbol).toBeGreaterThan(0); // the hidden layer's ReLU zeros still leak
  });
});
