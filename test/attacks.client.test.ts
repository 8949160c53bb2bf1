import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amplifierDilation, beamSplitter, effectiveExcessNoise, heterodyneConditional, holevoWeightLeak, homodyneConditional, keepModes, runAttack,
  tensorProduct, twoModeSqueezedVacuum, vacuum, vonNeumannEntropy, type GaussianState,
} from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

/** h(n) = (n + 1)·log2(n + 1) − n·log2 n, written out here as ((n + 1)·ln(1 + n) − n·ln n)/ln 2 (not the kernel's form). */
const h = (n: number) => (n === 0 ? 0 : ((n + 1) * Math.log1p(n) - n * Math.log(n)) / Math.LN2);

/** The q variance of one mode. */
const varQ = (s: GaussianState, mode: number) => s.cov[2 * mode * (2 * s.modes) + 2 * mode] as number;

describe('client attacks against independent values (docs/model.md#protocol, docs/model.md#weight-leakage, docs/model.md#attacks)', () => {
  it('honest at the paper-2024 point: ½·log2(1 + 2μ/DX2) = ½·log2 5 bits per row of 784 weights', () => {
    const r = runAttack('honest');
    expect(relativeError(r.bitsPerSymbol, 0.5 * Math.log2(5) / 784)).toBeLessThan(1e-15);
    expect(r.excessNoise).toBe(0);
    expect(r.lossIncrease).toBe(0);
    // the honest client passes the server's test: rejected with probability ≤ δ
    expect(r.detectionProbability).toBeLessThanOrEqual(1e-6 * (1 + 1e-9));
  });

  it('tap-and-claim-loss without amplifier (G = 1, ε = 0) is the pure-loss attack: it gains h(τμ) and reaches χ_W(μ, L = τ, 0) = h(τμ)', () => {
    fc.assert(
      fc.property(logUniform(1e-3, 1e3), fc.double({ min: 1e-6, max: 0.99, noNaN: true }), (mu, tap) => {
        const r = runAttack('tap-and-claim-loss', { mu, gain: 1 }, { tap });
        expect(relativeError(r.bitsPerSymbol, h(tap * mu))).toBeLessThan(1e-12);
        expect(relativeError(r.boundBitsPerSymbol, h(tap * mu))).toBeLessThan(1e-12);
        expect(relativeError(r.lossIncrease, tap)).toBeLessThan(1e-15);
      }),
      { numRuns: 200 },
    );
  });

  it('tap-and-claim-loss: the closed form along x̂ (homodyne outcome + tap, chain rule) equals the Gaussian engine\'s state-level computation', () => {
    fc.assert(
      fc.property(logUniform(1e-2, 50), fc.double({ min: 0.01, max: 0.9, noNaN: true }), logUniform(1e-3, 10).map((d) => 1 + d), (mu, tap, gain) => {
        // Modes: A (EPR arm), B (signal along x̂), tap port, idler, reflected port R.
        let s = tensorProduct(twoModeSqueezedVacuum({ variance: 2 * mu + 1 }), vacuum(1));
        s = beamSplitter(s, 1, 2, 1 - tap); // B keeps 1 − τ, mode 2 is the tap
        s = amplifierDilation(s, 1, gain); // idler = mode 3
        s = beamSplitter(tensorProduct(s, vacuum(1)), 1, 4, 1 / gain); // R = mode 4
        const yGivenA = varQ(heterodyneConditional(s, 0, { q: 0, p: 0 }), 3); // R is mode 3 after A is measured
        const shannon = 0.5 * Math.log2(varQ(s, 4) / yGivenA);
        const tapGivenY = vonNeumannEntropy(keepModes(homodyneConditional(s, 4, 'q', 0), [2]));
        const tapGivenYA = vonNeumannEntropy(keepModes(homodyneConditional(heterodyneConditional(s, 0, { q: 0, p: 0 }), 3, 'q', 0), [1]));
        const engine = shannon + tapGivenY - tapGivenYA;
        // The attack, on a 1-input row (the mode along x̂ is the whole row), gives that number per symbol.
        const r = runAttack('tap-and-claim-loss', { mu, gain, inputs: 1, activeFraction: 1 }, { tap });
        expect(Math.abs(r.bitsPerSymbol - engine)).toBeLessThan(1e-9 * (1 + engine));
      }),
      { numRuns: 60 },
    );
  });

  it('measure-all gains log2(1 + Tμ) per weight and adds 2 SNU, which a 1e6-sample test detects for sure', () => {
    const r = runAttack('measure-all', { mu: 4, transmittance: 0.8 });
    expect(relativeError(r.bitsPerSymbol, Math.log2(1 + 3.2))).toBeLessThan(1e-15);
    expect(relativeError(r.excessNoise, 2 - effectiveExcessNoise(2, 784))).toBeLessThan(1e-15);
    expect(r.detectionProbability).toBe(1);
  });

  it('the entangling cloner at the honest noise reaches the paper-2024 χ_W on active modes (0.0873848 bit at μ = 4, ε = 1/392)', () => {
    const r = runAttack('entangling-cloner');
    expect(relativeError(r.details.activeSymbolBits as number, holevoWeightLeak({ mu: 4, excessNoise: 1 / 392 }))).toBeLessThan(1e-9);
    expect(Math.abs((r.details.activeSymbolBits as number) - 0.0873848)).toBeLessThan(5e-8);
    expect(r.details.zeroEntrySymbolBits).toBeLessThan(1e-9); // T = 1, ε = 0 there: nothing to learn
  });

  it('multi-query: Q inferences give χ_W(Q·μ, T, ε) on the composed state, less than Q times one inference', () => {
    fc.assert(
      fc.property(logUniform(1e-2, 100), fc.integer({ min: 2, max: 1000 }), (mu, queries) => {
        const r = runAttack('multi-query', { mu, queries, activeFraction: 1 });
        const eps = effectiveExcessNoise(2, 784, 1);
        expect(relativeError(r.bitsPerSymbol, holevoWeightLeak({ mu: queries * mu, excessNoise: eps }))).toBeLessThan(1e-14);
        expect(r.bitsPerSymbol).toBeLessThan(queries * holevoWeightLeak({ mu, excessNoise: eps }));
        expect(relativeError(r.boundBitsPerSymbol, holevoWeightLeak({ mu: queries * mu, excessNoise: queries * eps }))).toBeLessThan(1e-14);
      }),
      { numRuns: 100 },
    );
  });

  it('colluding clients with one query each are the same composed state as one client with K queries', () => {
    const a = runAttack('colluding-clients', { clients: 7 });
    const b = runAttack('multi-query', { queries: 7 });
    expect(a.bitsPerSymbol).toBe(b.bitsPerSymbol);
    expect(a.details.sumOfClients).toBeCloseTo(7 * runAttack('honest').boundBitsPerSymbol, 12);
  });

  it('model extraction: N queries measure every weight once (½·log2 5 bit each at μ = 4, G = 2); 1 bit per weight needs ⌈3/4⌉ = 1 measurement, 784 queries', () => {
    const r = runAttack('model-extraction', { queries: 784 });
    expect(relativeError(r.bitsPerSymbol, 0.5 * Math.log2(5))).toBeLessThan(1e-15);
    expect(r.details.queriesForTargetBits).toBe(784);
    const half = runAttack('model-extraction', { queries: 392 });
    expect(relativeError(half.bitsPerSymbol, 0.25 * Math.log2(5))).toBeLessThan(1e-15);
    expect(runAttack('model-extraction', {}, { 'target-bits': 4 }).details.queriesForTargetBits).toBe(784 * Math.ceil(255 / 4));
  });

  it('greedy gain at the declared gain is the honest client; above it, more noise, which only a large sample detects', () => {
    expect(runAttack('greedy-gain', {}, { 'actual-gain': 2 }).bitsPerSymbol).toBe(runAttack('honest').bitsPerSymbol);
    const g = (samples: number) => runAttack('greedy-gain', { gain: 1.2, samples }, { 'actual-gain': 2 + Math.SQRT2 });
    // Δε = 2(k_a − k)/392 ≈ 2.8e-3 SNU per mode; the variance estimate's spread is √(2/m)·(1 + ε)
    expect(relativeError(g(1e6).excessNoise, (2 * ((1 + Math.SQRT2) / (2 + Math.SQRT2) - 0.2 / 1.2)) / 392)).toBeLessThan(1e-13);
    expect(g(1e6).detectionProbability).toBeLessThan(0.01); // 2σ below the 4.9σ threshold at m = 1e6
    expect(g(1e8).detectionProbability).toBeGreaterThan(0.999); // 20σ at m = 1e8
    fc.assert(fc.property(fc.integer({ min: 2, max: 1e9 }), fc.integer({ min: 2, max: 1e9 }), (m1, m2) => {
      fc.pre(m1 < m2);
      expect(g(m1).detectionProbability).toBeLessThanOrEqual(g(m2).detectionProbability + 1e-12);
    }), { numRuns: 50 });
    expect(() => runAttack('greedy-gain', { gain: 3 }, { 'actual-gain': 2 })).toThrow(/actual-gain of attack greedy-gain must be ≥ the declared gain G = 3; received 2/);
  });
});
