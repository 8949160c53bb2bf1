import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNoise,
  amplifierChannel,
  amplifierDilation,
  beamSplitter,
  coherentState,
  displace,
  gaussianState,
  heterodyneConditional,
  heterodyneSample,
  homodyneConditional,
  homodyneSample,
  householderUnitary,
  keepModes,
  normalSampler,
  partialTrace,
  passiveSymplectic,
  passiveUnitary,
  pureLoss,
  tensorProduct,
  thermalState,
  twoModeSqueeze,
  twoModeSqueezedVacuum,
  vacuum,
  vonNeumannEntropy,
  type GaussianState,
} from '../src/index.js';

/** Largest |a_i − b_i|. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let w = 0;
  for (let i = 0; i < a.length; i += 1) w = Math.max(w, Math.abs((a[i] as number) - (b[i] as number)));
  return w;
}

/** The two states agree entry by entry within tol (SNU). */
function expectSameState(a: GaussianState, b: GaussianState, tol: number): void {
  expect(a.modes).toBe(b.modes);
  expect(maxDiff(a.mean, b.mean)).toBeLessThanOrEqual(tol);
  expect(maxDiff(a.cov, b.cov)).toBeLessThanOrEqual(tol);
}

const amp = fc.double({ min: -5, max: 5, noNaN: true });
const unit = fc.double({ min: 0, max: 1, noNaN: true });
// Round-off of a handful of operations on entries of size ≤ 100: a few ulps of 100 ≈ 1e-14; 1e-12 leaves margin.
const TOL = 1e-12;

describe('constructors (docs/model.md#conventions conventions)', () => {
  it('coherent state |β⟩ has ⟨q⟩ = 2 Re β, ⟨p⟩ = 2 Im β and covariance I', () => {
    const s = coherentState([{ re: 0.5, im: -1.5 }, 2]);
    expect(Array.from(s.mean)).toEqual([1, -3, 4, 0]);
    expect(Array.from(s.cov)).toEqual(Array.from(vacuum(2).cov));
  });
  it('thermal state with n̄ photons has Var q = Var p = 2n̄ + 1', () => {
    expect(Array.from(thermalState(1.5).cov)).toEqual([4, 0, 0, 4]);
    expect(Array.from(thermalState([0, 2]).cov)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 5, 0, 0, 0, 0, 5]);
  });
  it('TMSV by variance V and by squeezing r agree when V = cosh 2r', () => {
    // r ≥ 0.01: below, V = cosh 2r = 1 + 2r² keeps r² only to an ulp of 1, and c = √(V² − 1) inherits
    // √ulp-level error (r = 5e-14 gives V = 1 exactly): a property of the variance parametrisation.
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 3, noNaN: true }), (r) => {
        expectSameState(twoModeSqueezedVacuum({ squeezing: r }), twoModeSqueezedVacuum({ variance: Math.cosh(2 * r) }), 1e-13 * Math.cosh(2 * r));
      }),
    );
  });
  it('the product state is block-diagonal with the means concatenated', () => {
    const s = tensorProduct(coherentState(1), thermalState(1));
    expect(Array.from(s.mean)).toEqual([2, 0, 0, 0]);
    expect(Array.from(s.cov)).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 3, 0, 0, 0, 0, 3]);
  });
  it('constructors validate their arguments and name them', () => {
    expect(() => vacuum(0)).toThrow(/number of modes N must be an integer in \{1, 2, …\}; received 0/);
    expect(() => thermalState(-1)).toThrow(/mean photon number n̄\[0\] must be a finite number in \[0, ∞\); received -1/);
    expect(() => coherentState([Number.NaN])).toThrow(RangeError);
    expect(() => twoModeSqueezedVacuum({ variance: 0.5 })).toThrow(/TMSV arm variance V \(SNU\) must be a number in \[1, 1e150\]; received 0.5/);
    expect(() => twoModeSqueezedVacuum({ variance: 3, squeezing: 1 } as never)).toThrow(TypeError);
  });
});

describe('gaussianState: physicality (V + iΩ ≥ 0)', () => {
  it('accepts a squeezed vacuum (ν = 1 exactly: det V = 1) and copies its input', () => {
    const cov = [0.25, 0, 0, 4];
    const s = gaussianState({ mean: [0, 0], cov });
    cov[0] = 7;
    expect(s.cov[0]).toBe(0.25);
  });
  it('rejects ν < 1 with a RangeError naming the smallest symplectic eigenvalue and the tolerance', () => {
    expect(() => gaussianState({ mean: [0, 0], cov: [0.5, 0, 0, 0.5] })).toThrow(/smallest symplectic eigenvalue 0\.5\d* is below 1 − tolerance \(tolerance 1e-9\)/);
    // Positive definite but too correlated: V = 3, c = 2.9 > √8, so ν = √(V² − c²) = √0.59 ≈ 0.768.
    expect(() => gaussianState({ mean: [0, 0, 0, 0], cov: [3, 0, 2.9, 0, 0, 3, 0, -2.9, 2.9, 0, 3, 0, 0, -2.9, 0, 3] })).toThrow(
      /smallest symplectic eigenvalue 0\.768\d* is below 1 − tolerance/,
    );
  });
  it('the tolerance is applied as stated: ν = 1 − 1e-10 passes by default, fails with tolerance 1e-12', () => {
    const nu = 1 - 1e-10;
    expect(() => gaussianState({ mean: [0, 0], cov: [nu, 0, 0, nu] })).not.toThrow();
    expect(() => gaussianState({ mean: [0, 0], cov: [nu, 0, 0, nu] }, { tolerance: 1e-12 })).toThrow(/tolerance 1e-12/);
  });
  it('rejects non-symmetric, non-positive-definite and mis-sized input', () => {
    expect(() => gaussianState({ mean: [0, 0], cov: [1, 0.1, 0, 1] })).toThrow(/cov must be symmetric within tolerance 1e-9; received \|V\[0\]\[1\] − V\[1\]\[0\]\| = 0.1/);
    expect(() => gaussianState({ mean: [0, 0], cov: [-1, 0, 0, 2] })).toThrow(/cov must be positive definite .* smallest eigenvalue -1/);
    expect(() => gaussianState({ mean: [0, 0, 0], cov: [1, 0, 0, 1] })).toThrow(/mean must have 2 entries; received 3/);
    expect(() => gaussianState({ mean: [0, 0], cov: [1, 0, 0] })).toThrow(/cov must be a 2N×2N matrix/);
    expect(() => gaussianState({ mean: [0, 0], cov: 'identity' as never })).toThrow(TypeError);
  });
});

describe('passive unitaries', () => {
  it('a one-mode phase e^{iφ} rotates the amplitude: β → e^{iφ}β', () => {
    fc.assert(
      fc.property(amp, amp, fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (re, im, phi) => {
        const out = passiveUnitary(coherentState({ re, im }), { re: [[Math.cos(phi)]], im: [[Math.sin(phi)]] });
        const expected = coherentState({ re: re * Math.cos(phi) - im * Math.sin(phi), im: re * Math.sin(phi) + im * Math.cos(phi) });
        expectSameState(out, expected, TOL);
      }),
    );
  });
  it('the symplectic image of U is block [[Re, −Im], [Im, Re]] and is rejected when U is not unitary', () => {
    expect(Array.from(passiveSymplectic({ re: [[0]], im: [[1]] }))).toEqual([0, -1, 1, 0]);
    expect(() => passiveSymplectic([[1, 1], [0, 1]])).toThrow(/unitary must be unitary within tolerance 1e-10 .* defect 1\b/);
    expect(() => passiveUnitary(vacuum(2), [[1, 0], [0, 1]], [0, 0])).toThrow(/modes must list distinct modes/);
  });
  it('beam splitter on coherent states: (β₁, β₂) → (√τβ₁ + √(1−τ)β₂, √(1−τ)β₁ − √τβ₂), covariance stays I', () => {
    fc.assert(
      fc.property(amp, amp, amp, amp, unit, (a, b, c, d, tau) => {
        const t = Math.sqrt(tau);
        const r = Math.sqrt(1 - tau);
        const out = beamSplitter(coherentState([{ re: a, im: b }, { re: c, im: d }]), 0, 1, tau);
        expectSameState(out, coherentState([{ re: t * a + r * c, im: t * b + r * d }, { re: r * a - t * c, im: r * b - t * d }]), TOL);
      }),
    );
  });
  it('householderUnitary(x) is orthogonal with first row x̂, also for x̂ = ±e₁ and x̂ near e₁', () => {
    const vec = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 });
    const special = fc.constantFrom([1, 0, 0], [-3, 0, 0, 0], [1, 1e-12, -1e-13], [-1, 1e-9], [0, 0, 1], [5]);
    fc.assert(
      fc.property(fc.oneof(vec, special), (x) => {
        const norm = Math.hypot(...x);
        fc.pre(norm > 1e-6);
        const u = householderUnitary(x);
        x.forEach((v, j) => expect(Math.abs((u[0]?.[j] as number) - v / norm)).toBeLessThanOrEqual(1e-15));
        for (let i = 0; i < x.length; i += 1) {
          for (let k = 0; k < x.length; k += 1) {
            const dot = (u[i] as number[]).reduce((s, v, j) => s + v * ((u[k] as number[])[j] as number), 0);
            expect(Math.abs(dot - (i === k ? 1 : 0))).toBeLessThanOrEqual(1e-14);
          }
        }
      }),
    );
    expect(householderUnitary([1, 0])).toEqual([[1, 0], [0, 1]]);
    expect(householderUnitary([-2, 0])).toEqual([[-1, 0], [0, 1]]);
    expect(() => householderUnitary([0, 0])).toThrow(/x must not be all zero/);
  });
  it('U(x̂) puts the inner product into mode 0: |αw⟩ → mode 0 amplitude α·(w·x̂)', () => {
    const w = [0.3, -1.2, 0.7, 2];
    const x = [1, 2, 0, -1];
    const norm = Math.hypot(...x);
    const out = passiveUnitary(coherentState(w.map((v) => 1.5 * v)), householderUnitary(x));
    const dot = w.reduce((s, v, j) => s + v * (x[j] as number), 0) / norm;
    expect(Math.abs((out.mean[0] as number) - 2 * 1.5 * dot)).toBeLessThan(1e-14);
    expect(maxDiff(out.cov, vacuum(4).cov)).toBeLessThan(1e-15);
  });
});

describe('channels and two-mode squeezing', () => {
  it('TMSV: each arm is thermal with n̄ = sinh² r, and the global state is pure (S = 0)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2.5, noNaN: true }), (r) => {
        const s = twoModeSqueezedVacuum({ squeezing: r });
        const nbar = Math.sinh(r) ** 2;
        expectSameState(keepModes(s, [0]), thermalState(nbar), 1e-13 * (1 + nbar));
        expectSameState(partialTrace(s, [0]), thermalState(nbar), 1e-13 * (1 + nbar));
        // Pure: the entropy is 0 up to the round-off floor of the eigenvalue route (proofs/gaussian-engine.md §5).
        expect(vonNeumannEntropy(s)).toBeLessThan(1e-9);
      }),
    );
  });
  it('two-mode squeezing of two vacua with r gives the TMSV with r', () => {
    expectSameState(twoModeSqueeze(vacuum(2), 0, 1, 0.7), twoModeSqueezedVacuum({ squeezing: 0.7 }), 1e-15);
  });
  it('amplifier: a thermal n̄ leaves with G·n̄ + (G − 1) photons; means scale by √G', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }), (nbar, g) => {
        const out = amplifierChannel(thermalState(nbar), 0, g);
        const n = ((out.cov[0] as number) - 1) / 2;
        expect(Math.abs(n - (g * nbar + g - 1))).toBeLessThanOrEqual(1e-14 * (1 + g * nbar + g));
        expect(Math.abs((amplifierChannel(coherentState(1), 0, g).mean[0] as number) - 2 * Math.sqrt(g))).toBeLessThan(1e-14 * g);
      }),
    );
  });
  it('the amplifier dilation with the idler traced out is the amplifier channel; the idler holds √(G−1)·β*', () => {
    fc.assert(
      fc.property(amp, amp, fc.double({ min: 1, max: 10, noNaN: true }), (re, im, g) => {
        const input = tensorProduct(coherentState({ re, im }), thermalState(0.3));
        const dil = amplifierDilation(input, 0, g);
        expect(dil.modes).toBe(3);
        expectSameState(partialTrace(dil, [2]), amplifierChannel(input, 0, g), 1e-12 * g);
        const idler = keepModes(dil, [2]);
        expect(maxDiff(idler.mean, [2 * Math.sqrt(g - 1) * re, -2 * Math.sqrt(g - 1) * im])).toBeLessThan(1e-12 * g);
      }),
    );
  });
  it('pure loss: |β⟩ → |√T·β⟩, thermal n̄ → T·n̄; several modes at once equal one at a time', () => {
    expectSameState(pureLoss(coherentState(2), 0, 0.25), coherentState(1), 0);
    expectSameState(pureLoss(thermalState(2), 0, 0.3), thermalState(0.6), 1e-15);
    const s = twoModeSqueezedVacuum({ variance: 5 });
    expectSameState(pureLoss(s, [0, 1], 0.4), pureLoss(pureLoss(s, 0, 0.4), 1, 0.4), 1e-15);
  });
  it('added noise ε: V → V + ε·I on the mode, mean unchanged; displacement moves the mean by 2β', () => {
    expectSameState(addNoise(coherentState(1), 0, 2), { modes: 1, mean: Float64Array.from([2, 0]), cov: Float64Array.from([3, 0, 0, 3]) }, 0);
    expectSameState(displace(vacuum(1), 0, { re: 1, im: -0.5 }), coherentState({ re: 1, im: -0.5 }), 0);
  });
  it('operations never modify their input state', () => {
    const s = twoModeSqueezedVacuum({ variance: 3 });
    const before = [Array.from(s.mean), Array.from(s.cov)];
    beamSplitter(s, 0, 1, 0.3);
    pureLoss(s, 1, 0.5);
    displace(s, 0, 1);
    homodyneConditional(s, 0, 'q', 1);
    expect([Array.from(s.mean), Array.from(s.cov)]).toEqual(before);
  });
  it('operations validate modes and parameters', () => {
    expect(() => pureLoss(vacuum(2), 2, 0.5)).toThrow(/mode must be an integer in \[0, 1\] \(mode index of a 2-mode state\); received 2/);
    expect(() => pureLoss(vacuum(1), 0, 1.5)).toThrow(/transmittance T must be a number in \[0, 1\]; received 1.5/);
    expect(() => amplifierChannel(vacuum(1), 0, 0.5)).toThrow(/gain G must be a finite number in \[1, ∞\); received 0.5/);
    expect(() => beamSplitter(vacuum(2), 1, 1, 0.5)).toThrow(/mode j must differ from mode i/);
    expect(() => pureLoss({ modes: 1 } as never, 0, 0.5)).toThrow(TypeError);
  });
});

describe('measurements (SNU: homodyne outcome ~ N(μ_x, V_xx), heterodyne (q, p) ~ N(μ, V + I))', () => {
  it('homodyne of q on one TMSV arm: the other arm has Var q = 1/V, Var p = V and mean (c/V)·x (c = √(V² − 1))', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (v, x) => {
        const c = Math.sqrt((v - 1) * (v + 1));
        const q = homodyneConditional(twoModeSqueezedVacuum({ variance: v }), 1, 'q', x);
        expect(maxDiff(q.cov, [1 / v, 0, 0, v])).toBeLessThanOrEqual(1e-13 * v);
        expect(maxDiff(q.mean, [(c / v) * x, 0])).toBeLessThanOrEqual(1e-13 * (1 + Math.abs(x)));
        const p = homodyneConditional(twoModeSqueezedVacuum({ variance: v }), 1, 'p', x);
        expect(maxDiff(p.cov, [v, 0, 0, 1 / v])).toBeLessThanOrEqual(1e-13 * v);
        expect(maxDiff(p.mean, [0, -(c / v) * x])).toBeLessThanOrEqual(1e-13 * (1 + Math.abs(x)));
      }),
    );
  });
  it('heterodyne of one TMSV arm leaves the other coherent, with mean c/(V + 1)·(q, −p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 100, noNaN: true }), amp, amp, (v, q, p) => {
        const c = Math.sqrt((v - 1) * (v + 1));
        const out = heterodyneConditional(twoModeSqueezedVacuum({ variance: v }), 0, { q, p });
        expect(maxDiff(out.cov, [1, 0, 0, 1])).toBeLessThanOrEqual(1e-13 * v);
        expect(maxDiff(out.mean, [(c / (v + 1)) * q, -(c / (v + 1)) * p])).toBeLessThanOrEqual(1e-13 * (1 + Math.abs(q) + Math.abs(p)));
      }),
    );
  });
  it('conditioning an uncorrelated mode changes nothing, and the remaining modes keep their order', () => {
    const s = tensorProduct(coherentState(1), thermalState(2), coherentState(-1));
    expectSameState(homodyneConditional(s, 1, 'q', 3), tensorProduct(coherentState(1), coherentState(-1)), 0);
    expectSameState(heterodyneConditional(s, 1, { q: 3, p: -1 }), tensorProduct(coherentState(1), coherentState(-1)), 0);
  });
  it('seeded sampling is reproducible: the same seed gives the same outcome and state', () => {
    const s = pureLoss(twoModeSqueezedVacuum({ variance: 5 }), 1, 0.6);
    const a = homodyneSample(s, 0, 'q', 12345);
    const b = homodyneSample(s, 0, 'q', 12345);
    expect(a.outcome).toBe(b.outcome);
    expect(Array.from(a.state.mean)).toEqual(Array.from(b.state.mean));
    expect(homodyneSample(s, 0, 'q', 12346).outcome).not.toBe(a.outcome);
    expect(heterodyneSample(s, 1, 7).outcome).toEqual(heterodyneSample(s, 1, 7).outcome);
    expect(() => homodyneSample(s, 0, 'q', 0.5)).toThrow(/seed must be an integer/);
  });
  it('homodyne samples have the mean μ_x and variance V_xx of the formula (within 5 standard errors, n = 4000)', () => {
    // Mode 1 of a lossy TMSV displaced by β = 0.8√T: ⟨q⟩ = 2β, Var q = T(V − 1) + 1.
    const v = 5;
    const t = 0.6;
    const s = displace(pureLoss(twoModeSqueezedVacuum({ variance: v }), 1, t), 1, 0.8 * Math.sqrt(t));
    const n = 4000;
    const next = normalSampler(2024);
    const xs = Array.from({ length: n }, () => homodyneSample(s, 1, 'q', next).outcome);
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const varS = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
    const variance = t * (v - 1) + 1;
    expect(Math.abs(m - 2 * 0.8 * Math.sqrt(t))).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(Math.abs(varS - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / (n - 1)));
  });
  it('heterodyne samples have covariance V_B + I (within 5 standard errors, n = 4000)', () => {
    const s = twoModeSqueezedVacuum({ variance: 3 });
    const n = 4000;
    const next = normalSampler(99);
    const qs: number[] = [];
    const ps: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const { outcome } = heterodyneSample(s, 0, next);
      qs.push(outcome.q);
      ps.push(outcome.p);
    }
    const variance = 3 + 1;
    for (const xs of [qs, ps]) {
      const m = xs.reduce((a, b) => a + b, 0) / n;
      const varS = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
      expect(Math.abs(m)).toBeLessThan(5 * Math.sqrt(variance / n));
      expect(Math.abs(varS - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / (n - 1)));
    }
  });
  it('law of total variance: Var(conditional mean) + conditional variance = unconditional variance', () => {
    // For homodyne of q on mode B of a correlated pair: slope² · V_qq + V_A|x = V_A (entry 0).
    const s = beamSplitter(tensorProduct(thermalState(1), coherentState(0.5)), 0, 1, 0.3);
    const vqq = s.cov[2 * 4 + 2] as number;
    const a = homodyneConditional(s, 1, 'q', 0);
    const b = homodyneConditional(s, 1, 'q', 1);
    const slope = (b.mean[0] as number) - (a.mean[0] as number);
    expect(Math.abs(slope * slope * vqq + (a.cov[0] as number) - (s.cov[0] as number))).toBeLessThan(1e-14);
  });
});
