import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNoise,
  amplifierDilation,
  beamSplitter,
  coherentState,
  eprHolevo,
  gaussianState,
  heterodyneConditional,
  holevoWeightLeak,
  honestLayerRun,
  honestModeExcessNoise,
  householderUnitary,
  keepModes,
  measurementNoiseFactor,
  passiveUnitary,
  pureLoss,
  tensorProduct,
  twoModeSqueezedVacuum,
  vacuum,
  vonNeumannEntropy,
  type GaussianState,
} from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';

// W not all zero: α²·mean(W²) = μ > 0 has no solution otherwise (honestLayerRun throws, tested below);
// and max|w| ≥ 1e-100, so that α = √(μ/mean(W²)) is finite (subnormal W makes it overflow: also tested).
const weightArb = (m: number, n: number) =>
  fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }).filter((w) => w.some((row) => row.some((v) => Math.abs(v) >= 1e-100)));
const xArb = (n: number) => fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }).filter((x) => Math.hypot(...x) > 1e-3);
const gainArb = fc.double({ min: 1, max: 20, noNaN: true });
const tArb = fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true }));
const epsArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true }));

function dot(a: readonly number[], b: ArrayLike<number>): number {
  return a.reduce((s, v, j) => s + v * (b[j] as number), 0);
}

/** Every SNU quantity here is O(G) ≤ 20 and comes from a few dozen roundings: 1e-12·(1 + scale) is ~100 ulps. */
function close(actual: number, expected: number, scale = 1): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * (scale + Math.abs(expected)));
}

describe('honestLayerRun: the client\'s measurement (docs/model.md#client-measurement)', () => {
  it('output mean 2√(G−1)·√T·α·(w_i·x̂) and variance (2G² − 3G + 2)/G for every T and ε_tech', () => {
    fc.assert(
      fc.property(weightArb(3, 5), xArb(5), logUniform(1e-3, 50), gainArb, tArb, epsArb, (w, x, mu, gain, t, eps) => {
        const run = honestLayerRun({ weights: w, x, mu, gain, transmittance: t, technicalNoise: eps });
        run.rows.forEach((row, i) => {
          close(row.outputMean, 2 * Math.sqrt(gain - 1) * Math.sqrt(t) * run.alpha * dot(w[i] as number[], run.xhat), run.alpha * gain);
          close(row.outputVariance, (2 * gain * gain - 3 * gain + 2) / gain, gain);
        });
      }),
    );
  });
  it('DX2: 4·Var / (signal gain per unit α·(w·x̂))² = measurementNoiseFactor(G) at T = 1, DX2/T below', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.01, max: 20, noNaN: true }), tArb, (gain, t) => {
        const run = honestLayerRun({ weights: [[0.6, 0.8]], x: [3, 4], mu: 2, gain, transmittance: t });
        const row = run.rows[0] as (typeof run.rows)[number];
        const signalGain = row.outputMean / (run.alpha * 1); // w·x̂ = 1
        const dx2 = (4 * row.outputVariance) / (signalGain * signalGain);
        expect(Math.abs(dx2 * t - measurementNoiseFactor(gain))).toBeLessThanOrEqual(1e-12 * measurementNoiseFactor(gain));
      }),
    );
  });
});

describe('honestLayerRun: what returns to the server (docs/model.md#returned-noise)', () => {
  it('excess noise per mode 2(G−1)/G·x̂_j² (+ ε_tech) = honestModeExcessNoise, and means √T·α·w_ij', () => {
    fc.assert(
      fc.property(weightArb(2, 6), xArb(6), logUniform(1e-3, 50), gainArb, tArb, epsArb, (w, x, mu, gain, t, eps) => {
        const run = honestLayerRun({ weights: w, x, mu, gain, transmittance: t, technicalNoise: eps });
        run.xhat.forEach((xj, j) => close(run.excessNoise[j] as number, honestModeExcessNoise(gain, xj) + eps, 2));
        run.rows.forEach((row, i) => {
          (w[i] as number[]).forEach((wij, j) => {
            close(row.returned.mean[2 * j] as number, 2 * Math.sqrt(t) * run.alpha * wij, run.alpha);
            close(row.returned.mean[2 * j + 1] as number, 0, run.alpha);
          });
        });
      }),
    );
  });
  it('the noise matrix is 2(G−1)/G·x̂x̂ᵀ ⊗ I₂ + ε_tech·I: rank one along x̂ (per quadrature) when ε_tech = 0', () => {
    fc.assert(
      fc.property(xArb(7), gainArb, epsArb, (x, gain, eps) => {
        const run = honestLayerRun({ weights: [x.map(() => 1)], x, mu: 1, gain, technicalNoise: eps });
        const k = (2 * (gain - 1)) / gain;
        const n = x.length;
        const d = 2 * n;
        for (let i = 0; i < d; i += 1) {
          for (let j = 0; j < d; j += 1) {
            const sameQuad = i % 2 === j % 2 ? 1 : 0;
            const expected = k * (run.xhat[i >> 1] as number) * (run.xhat[j >> 1] as number) * sameQuad + (i === j ? eps : 0);
            close(run.noiseCovariance[i * d + j] as number, expected, 2);
          }
        }
        // Rank one: (noise − ε·I) applied to x̂ ⊗ e_q gives k·(x̂ ⊗ e_q), and its trace is 2k (two quadratures).
        let trace = 0;
        for (let i = 0; i < d; i += 1) {
          let s = 0;
          for (let j = 0; j < n; j += 1) s += ((run.noiseCovariance[i * d + 2 * j] as number) - (i === 2 * j ? eps : 0)) * (run.xhat[j] as number);
          close(s, i % 2 === 0 ? k * (run.xhat[i >> 1] as number) : 0, 2);
          trace += (run.noiseCovariance[i * d + i] as number) - eps;
        }
        close(trace, 2 * k, 2);
      }),
    );
  });
  it('the returned state is physical (gaussianState accepts it) and its covariance is the same for every row', () => {
    const run = honestLayerRun({ weights: [[1, 2, 3], [-1, 0, 0.5]], x: [0.2, -1, 0.4], mu: 3, gain: 3.4, transmittance: 0.7, technicalNoise: 0.05 });
    for (const row of run.rows) expect(() => gaussianState(row.returned)).not.toThrow();
    expect(run.rows[0]?.returned.cov).toBe(run.rows[1]?.returned.cov);
  });
});

/** The whole chain of docs/model.md#protocol for one row, built from the public engine operations (all N + 2 modes kept). */
function fullRow(w: readonly number[], x: readonly number[], alpha: number, gain: number, t: number, eps: number): GaussianState {
  const n = w.length;
  const u = householderUnitary(x);
  const ut = u.map((_, i) => u.map((row) => row[i] as number));
  const signal = Array.from({ length: n }, (_, j) => j);
  let s = coherentState(w.map((v) => alpha * v));
  s = pureLoss(s, signal, t);
  s = passiveUnitary(s, u);
  s = amplifierDilation(s, 0, gain);
  s = tensorProduct(s, vacuum(1));
  s = beamSplitter(s, 0, n + 1, 1 / gain);
  s = passiveUnitary(s, ut, signal);
  return addNoise(s, signal, eps);
}

describe('honestLayerRun = the full engine chain, row by row', () => {
  it('per-row means (computed in O(N²)) and the shared covariance equal a full (N + 2)-mode engine run of each row', () => {
    fc.assert(
      fc.property(weightArb(3, 6), xArb(6), logUniform(1e-3, 50), gainArb, tArb, epsArb, (w, x, mu, gain, t, eps) => {
        const run = honestLayerRun({ weights: w, x, mu, gain, transmittance: t, technicalNoise: eps });
        w.forEach((wi, i) => {
          const full = fullRow(wi, x, run.alpha, gain, t, eps);
          const row = run.rows[i] as (typeof run.rows)[number];
          const port = 2 * (6 + 1);
          close(row.outputMean, full.mean[port] as number, run.alpha * gain);
          close(row.outputVariance, full.cov[port * 16 + port] as number, gain);
          const back = keepModes(full, [0, 1, 2, 3, 4, 5]);
          back.mean.forEach((v, k) => close(row.returned.mean[k] as number, v, run.alpha * gain));
          back.cov.forEach((v, k) => close(row.returned.cov[k] as number, v, gain));
        });
      }),
      { numRuns: 40 },
    );
  });
  it('N = 64, M = 8 runs in well under a second and keeps the docs/model.md#protocol statistics', () => {
    const n = 64;
    const x = Array.from({ length: n }, (_, j) => Math.max(0, Math.sin(0.7 * j + 0.3)));
    const w = Array.from({ length: 8 }, (_, i) => Array.from({ length: n }, (_, j) => Math.cos(1.3 * i + 0.11 * j * j)));
    const start = performance.now();
    const run = honestLayerRun({ weights: w, x, mu: 4, gain: 2 + Math.SQRT2, transmittance: 0.8, technicalNoise: 0.01 });
    expect(performance.now() - start).toBeLessThan(2000);
    const g = 2 + Math.SQRT2;
    run.xhat.forEach((xj, j) => close(run.excessNoise[j] as number, honestModeExcessNoise(g, xj) + 0.01, 2));
    run.rows.forEach((row, i) => close(row.outputMean, 2 * Math.sqrt(g - 1) * Math.sqrt(0.8) * run.alpha * dot(w[i] as number[], run.xhat), 10));
  });
  it('validates its input and names the parameter', () => {
    expect(() => honestLayerRun({ weights: [[1, 0]], x: [0, 0], mu: 1, gain: 2 })).toThrow(/x must not be all zero/);
    expect(() => honestLayerRun({ weights: [[1, 0, 0]], x: [1, 0], mu: 1, gain: 2 })).toThrow(/weights\[0\] must have N = 2 entries \(the length of x\); received 3/);
    expect(() => honestLayerRun({ weights: [[1, 0]], x: [1, 0], mu: 1, gain: 0.5 })).toThrow(/gain G must be a finite number in \[1, ∞\); received 0.5/);
    expect(() => honestLayerRun({ weights: [[1, 0]], x: [1, 0], mu: 1, gain: 2, transmittance: 0 })).toThrow(/transmittance T must be a number in \(0, 1\]; received 0/);
    expect(() => honestLayerRun({ weights: [[0, 0]], x: [1, 0], mu: 1, gain: 2 })).toThrow(/weights must not be all zero when mu > 0/);
    expect(() => honestLayerRun({ weights: [[0, 5e-324]], x: [1, 0], mu: 1, gain: 2 })).toThrow(/weights are too small to normalise/);
    expect(honestLayerRun({ weights: [[0, 0]], x: [1, 0], mu: 0, gain: 2 }).alpha).toBe(0);
    expect(() => honestLayerRun({ weights: [[1, 0]], x: [1, 0], mu: -1, gain: 2 })).toThrow(/mean photon number mu must be a finite number in \[0, ∞\); received -1/);
  });
});

/** χ_W by the engine (docs/model.md#weight-leakage, EPR picture): TMSV V = 2μ + 1 on (A, B); B through loss T, then ε output-referred; χ = S(AB) − S(B | heterodyne of A). */
function engineChiW(mu: number, t: number, eps: number): number {
  const ab = addNoise(pureLoss(twoModeSqueezedVacuum({ variance: 2 * mu + 1 }), 1, t), 1, eps);
  return vonNeumannEntropy(ab) - vonNeumannEntropy(heterodyneConditional(ab, 0, { q: 0, p: 0 }));
}

describe('χ_W from the engine = holevoWeightLeak (docs/model.md#weight-leakage)', () => {
  const muArb = fc.oneof(logUniform(1e-3, 50), fc.double({ min: 1e-3, max: 50, noNaN: true }));
  const epsWide = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true }), logUniform(1e-12, 2));
  it('to 2e-10 bits absolute over μ ∈ [1e-3, 50], T ∈ [0.05, 1], ε ∈ [0, 2]', () => {
    // The engine's eigenvalue route has an absolute floor: ν − 1 to ~u·‖V‖² ≈ 1e-12 at μ = 50, and
    // g(1 + δ) ≈ δ/2·log2(2e/δ) turns that into ~1e-11 bits. Measured worst 8.4e-11 in 40 000 points
    // (proofs/gaussian-engine.md §6); holevoWeightLeak itself is exact to 1e-15 relative.
    fc.assert(
      fc.property(muArb, tArb, epsWide, (mu, t, eps) => {
        const ref = holevoWeightLeak({ mu, transmittance: t, excessNoise: eps });
        expect(Math.abs(engineChiW(mu, t, eps) - ref)).toBeLessThanOrEqual(2e-10);
      }),
      { numRuns: 300 },
    );
  });
  it('to 1e-9 relative where χ_W is well above that floor (T ≤ 0.99 or ε ≥ 1e-3)', () => {
    // Restricted because at T → 1 and ε → 0 the true χ_W → 0 while the engine keeps its ~1e-10-bit
    // floor: at μ = 48, T = 1, ε = 3e-12, χ_W = 5.3e-9 and the engine is 1.6 % off. Measured worst
    // relative error on this domain 1.3e-10.
    fc.assert(
      fc.property(muArb, tArb, epsWide, (mu, t, eps) => {
        fc.pre(t <= 0.99 || eps >= 1e-3);
        const ref = holevoWeightLeak({ mu, transmittance: t, excessNoise: eps });
        expect(Math.abs(engineChiW(mu, t, eps) - ref)).toBeLessThanOrEqual(1e-9 * ref);
      }),
      { numRuns: 300 },
    );
  });
  it('an explicit entangling cloner (E = the lost port + its TMSV partner) holds exactly χ_W about the heterodyne of A', () => {
    // W = 1 + ε/(1 − T) makes Var B = T(V − 1) + 1 + ε; E = (the cloner's output port, its partner).
    fc.assert(
      fc.property(muArb, fc.double({ min: 0.05, max: 0.95, noNaN: true }), epsArb, (mu, t, eps) => {
        let s = tensorProduct(twoModeSqueezedVacuum({ variance: 2 * mu + 1 }), twoModeSqueezedVacuum({ variance: 1 + eps / (1 - t) }));
        s = beamSplitter(s, 1, 2, t); // B ← √T·B + √(1 − T)·E₁
        const ref = holevoWeightLeak({ mu, transmittance: t, excessNoise: eps });
        expect(Math.abs(eprHolevo(s, 0, [2, 3]) - ref)).toBeLessThanOrEqual(2e-10 + 1e-9 * ref);
      }),
      { numRuns: 100 },
    );
  });
});
