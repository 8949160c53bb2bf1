import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addNoise,
  coherentState,
  eprHolevo,
  gaussianState,
  gaussianHolevo,
  passiveSymplectic,
  passiveUnitary,
  pureLoss,
  quantumFisherInformation,
  symplecticEigenvalues,
  tensorProduct,
  thermalEntropy,
  thermalState,
  twoModeSqueeze,
  twoModeSqueezedVacuum,
  vacuum,
  vonNeumannEntropy,
  type ComplexMatrix,
  type GaussianState,
} from '../src/index.js';

/**
 * A unitary from angles: two sweeps of Givens rotations with phases over all pairs (i < j),
 * rows i, j ← [[e^{iφ}cos θ, −sin θ], [e^{iφ}sin θ, cos θ]]·(rows i, j). Each factor is
 * unitary, so the product is (to round-off); two sweeps mix every entry.
 */
function unitaryFromAngles(n: number, angles: readonly number[]): ComplexMatrix {
  const re = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const im = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let a = 0;
  const next = (): number => angles[a++ % angles.length] as number;
  for (let sweep = 0; sweep < 2; sweep += 1) {
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const th = next();
        const ph = 2 * next();
        const [c, s, er, ei] = [Math.cos(th), Math.sin(th), Math.cos(ph), Math.sin(ph)];
        const ri = re[i] as number[];
        const ii = im[i] as number[];
        const rj = re[j] as number[];
        const ij = im[j] as number[];
        for (let k = 0; k < n; k += 1) {
          const [ar, ai, br, bi] = [ri[k] as number, ii[k] as number, rj[k] as number, ij[k] as number];
          const pr = er * ar - ei * ai;
          const pi = er * ai + ei * ar;
          ri[k] = c * pr - s * br;
          ii[k] = c * pi - s * bi;
          rj[k] = s * pr + c * br;
          ij[k] = s * pi + c * bi;
        }
      }
    }
  }
  return { re, im };
}

const anglesArb = fc.array(fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), { minLength: 1, maxLength: 40 });

/** Random N-mode state with known symplectic eigenvalues 2n̄_k + 1: U₂ · (TMS on pairs) · U₁ applied to a thermal state. */
const stateArb = fc
  .record({
    nbar: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })), { minLength: 1, maxLength: 8 }),
    r: fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { minLength: 4, maxLength: 4 }),
    a1: anglesArb,
    a2: anglesArb,
  })
  .map(({ nbar, r, a1, a2 }) => {
    const n = nbar.length;
    let s = passiveUnitary(thermalState(nbar), unitaryFromAngles(n, a1));
    for (let k = 0; k + 1 < n; k += 2) s = twoModeSqueeze(s, k, k + 1, r[(k / 2) % 4] as number);
    s = passiveUnitary(s, unitaryFromAngles(n, a2));
    return { state: s, nu: nbar.map((x) => 2 * x + 1).sort((x, y) => x - y), nbar };
  });

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i += 1) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

describe('symplecticEigenvalues', () => {
  it('recovers the ν_k = 2n̄_k + 1 of a thermal state hidden by random squeezing and passive unitaries, to 1e-13·max|V_ij|', () => {
    // Measured worst |Δν|/max|V_ij| ≈ 1.8e-15 over 300 random states (N ≤ 16, max|V_ij| ≤ 70); 1e-13 leaves a 50× margin.
    fc.assert(
      fc.property(stateArb, ({ state, nu }) => {
        const got = symplecticEigenvalues(state);
        const tol = 1e-13 * Math.max(1, maxAbs(state.cov));
        got.nu.forEach((v, k) => expect(Math.abs(v - (nu[k] as number))).toBeLessThanOrEqual(tol));
        got.excess.forEach((e, k) => expect(Math.abs(e - ((nu[k] as number) - 1))).toBeLessThanOrEqual(tol));
      }),
    );
  });
  it('a non-positive-definite matrix is rejected with its smallest eigenvalue; ν < 1 is reported, not clamped', () => {
    expect(() => symplecticEigenvalues([1, 2, 2, 1])).toThrow(/positive definite .* smallest eigenvalue -0\.99999\d*/);
    const [nu] = symplecticEigenvalues([0.25, 0, 0, 1]).nu;
    expect(Math.abs((nu as number) - 0.5)).toBeLessThan(1e-15);
  });
});

describe('vonNeumannEntropy (bits)', () => {
  it('a thermal mode has S = h(n̄) (thermalEntropy), and a product of modes adds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const s = vonNeumannEntropy(thermalState([a, b]));
        expect(Math.abs(s - thermalEntropy(a) - thermalEntropy(b))).toBeLessThanOrEqual(1e-13 * (1 + s));
      }),
    );
  });
  it('entropy is invariant under random passive unitaries (to 1e-11 bits)', () => {
    // Round-off: ν to ~1e-14 (above), g′(ν) ≤ ½·log2(2e/(ν − 1)) ≈ 25 near a pure mode: ≤ 1e-12 bits per mode.
    fc.assert(
      fc.property(stateArb, anglesArb, ({ state }, angles) => {
        const before = vonNeumannEntropy(state);
        const after = vonNeumannEntropy(passiveUnitary(state, unitaryFromAngles(state.modes, angles)));
        expect(Math.abs(after - before)).toBeLessThanOrEqual(1e-11 * Math.max(1, before));
      }),
    );
  });
  it('equals Σ h(n̄_k) for the hidden thermal state (entropy is a symplectic invariant)', () => {
    fc.assert(
      fc.property(stateArb, ({ state, nbar }) => {
        const expected = nbar.reduce((s, n) => s + thermalEntropy(n), 0);
        expect(Math.abs(vonNeumannEntropy(state) - expected)).toBeLessThanOrEqual(1e-10 * Math.max(1, expected));
      }),
    );
  });
  it('strongly squeezed pure states are not rejected for their own round-off (default tolerance 16·u·max|V_ij|²)', () => {
    // TMSV with V = 1e4: ν − 1 comes out ≈ −3.5e-9 (round-off ≈ u·V², proofs/gaussian-engine.md §5).
    const s = twoModeSqueezedVacuum({ variance: 1e4 });
    expect(vonNeumannEntropy(s)).toBeLessThan(1e-6);
    expect(() => gaussianState({ mean: s.mean, cov: s.cov })).not.toThrow();
    expect(() => vonNeumannEntropy(s, { tolerance: 1e-12 })).toThrow(/below 1 − tolerance \(tolerance 1e-12\)/);
  });
  it('an unphysical state (ν < 1 beyond the tolerance) throws, naming ν', () => {
    const bad: GaussianState = { modes: 1, mean: new Float64Array(2), cov: Float64Array.from([0.5, 0, 0, 0.5]) };
    expect(() => vonNeumannEntropy(bad)).toThrow(/symplectic eigenvalue ν = 0\.5\d* is below 1 − tolerance \(tolerance 1e-9\)/);
  });
});

describe('Holevo quantities (bits)', () => {
  it('coherent states with modulation 2μ: χ = h(μ) by both routes (displaced ensemble and EPR heterodyne)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 100, noNaN: true }), (mu) => {
        const h = thermalEntropy(mu);
        expect(Math.abs(gaussianHolevo([1, 0, 0, 1], [2 * mu, 0, 0, 2 * mu]) - h)).toBeLessThanOrEqual(1e-12 * (1 + h));
        // The TMSV route inherits the eigenvalue floor near ν = 1 (proofs/gaussian-engine.md §5).
        expect(Math.abs(eprHolevo(twoModeSqueezedVacuum({ variance: 2 * mu + 1 }), 0, [1]) - h)).toBeLessThanOrEqual(1e-10 * (1 + h));
      }),
    );
  });
  it('the receiver of a lossy noisy channel: EPR route = displaced ensemble g(1 + ε + 2Tμ) − g(1 + ε)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 50, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (mu, t, eps) => {
        const state = addNoise(pureLoss(twoModeSqueezedVacuum({ variance: 2 * mu + 1 }), 1, t), 1, eps);
        const vc = 1 + eps;
        const vm = 2 * t * mu;
        const direct = gaussianHolevo([vc, 0, 0, vc], [vm, 0, 0, vm]);
        expect(Math.abs(eprHolevo(state, 0, [1]) - direct)).toBeLessThanOrEqual(1e-10 * (1 + direct));
      }),
    );
  });
  it('validation: V_m must be positive semidefinite and the subsystem must not contain the arm', () => {
    expect(() => gaussianHolevo([1, 0, 0, 1], [-1, 0, 0, 1])).toThrow(/V_m must be positive semidefinite .* smallest eigenvalue -1/);
    expect(() => eprHolevo(twoModeSqueezedVacuum({ variance: 3 }), 0, [0, 1])).toThrow(/must not contain the heterodyned arm 0/);
  });
});

/** Pinel et al. 2013 single-mode closed form in SNU: ½Tr[(V⁻¹V′)²]/(1 + P²) + 2P′²/(1 − P⁴) + μ′ᵀV⁻¹μ′, P = 1/√det V. */
function pinelQfi(v: readonly number[], dv: readonly number[], dm: readonly number[]): number {
  const [a, b, , c] = v as [number, number, number, number];
  const det = a * c - b * b;
  const inv = [c / det, -b / det, -b / det, a / det];
  // M = V⁻¹ V′
  const m = [0, 1].flatMap((i) => [0, 1].map((j) => (inv[2 * i] as number) * (dv[j] as number) + (inv[2 * i + 1] as number) * (dv[2 + j] as number)));
  const trM2 = (m[0] as number) ** 2 + 2 * (m[1] as number) * (m[2] as number) + (m[3] as number) ** 2;
  const p = 1 / Math.sqrt(det);
  const dp = -0.5 * p * ((m[0] as number) + (m[3] as number)); // P′ = −½·P·Tr(V⁻¹V′)
  const meanTerm = [0, 1].reduce((s, i) => s + (dm[i] as number) * [0, 1].reduce((t, j) => t + (inv[2 * i + j] as number) * (dm[j] as number), 0), 0);
  return (0.5 * trM2) / (1 + p * p) + (2 * dp * dp) / (1 - p ** 4) + meanTerm;
}

describe('quantumFisherInformation (SNU)', () => {
  it('thermal mode, parameter n̄: F = 1/(n̄(n̄ + 1)) (dV = 2·I)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (n) => {
        const f = quantumFisherInformation(thermalState(n), [0, 0], [2, 0, 0, 2]);
        // Measured worst 7e-14 over 20 000 log-uniform n̄ ∈ [1e-3, 1e3].
        expect(Math.abs(f * n * (n + 1) - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });
  it('coherent state displaced along q by 2β: F = 4 per unit β (pure state, mean term only)', () => {
    expect(quantumFisherInformation(vacuum(1), [2, 0], [0, 0, 0, 0])).toBe(4);
    expect(quantumFisherInformation(coherentState({ re: 3, im: -1 }), [0, 2], [0, 0, 0, 0])).toBe(4);
  });
  it('general formula = Pinel single-mode closed form for random mixed squeezed states and derivatives', () => {
    const d = fc.double({ min: -1, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: 1.01, max: 10, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: Math.PI, noNaN: true }), d, d, d, d, d, (nu, sq, th, d1, d2, d3, m1, m2) => {
        const [c, s] = [Math.cos(th), Math.sin(th)];
        const [x, y] = [nu * Math.exp(2 * sq), nu * Math.exp(-2 * sq)];
        const v = [c * c * x + s * s * y, c * s * (x - y), c * s * (x - y), s * s * x + c * c * y];
        const dv = [d1, d2, d2, d3];
        const dm = [m1, m2];
        const state = { modes: 1, mean: new Float64Array(2), cov: Float64Array.from(v) };
        const f = quantumFisherInformation(state, dm, dv);
        const g = pinelQfi(v, dv, dm);
        // Measured worst 7.6e-13 over 20 000 random draws of this domain.
        expect(Math.abs(f - g)).toBeLessThanOrEqual(1e-11 * Math.max(1, g));
      }),
    );
  });
  it('docs/model.md#server-capabilities: one returned mode with n = k·x² photons has F_Q = 4k/(1 + k·x²) about x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (k, x) => {
        const n = k * x * x;
        const dn = 2 * k * x;
        const f = quantumFisherInformation(thermalState(n), [0, 0], [2 * dn, 0, 0, 2 * dn]);
        expect(Math.abs(f / ((4 * k) / (1 + k * x * x)) - 1)).toBeLessThanOrEqual(1e-11);
      }),
    );
  });
  it('multi-mode: additive on products, invariant under passive unitaries (S dμ, S dV Sᵀ)', () => {
    const a = thermalState(0.7);
    const b = twoModeSqueeze(thermalState([0.2, 1.5]), 0, 1, 0.4);
    const dA = { m: [0.3, -0.2], v: [1, 0.2, 0.2, 0.5] };
    const dB = { m: [0.1, 0, 0.4, -0.3], v: [0.5, 0, 0.1, 0, 0, 0.3, 0, 0.2, 0.1, 0, 0.2, 0.05, 0, 0.2, 0.05, 0.4] };
    const fa = quantumFisherInformation(a, dA.m, dA.v);
    const fb = quantumFisherInformation(b, dB.m, dB.v);
    const ab = tensorProduct(a, b);
    const dv = new Array<number>(36).fill(0);
    for (let i = 0; i < 2; i += 1) for (let j = 0; j < 2; j += 1) dv[i * 6 + j] = dA.v[i * 2 + j] as number;
    for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) dv[(i + 2) * 6 + j + 2] = dB.v[i * 4 + j] as number;
    const dm = [...dA.m, ...dB.m];
    const fab = quantumFisherInformation(ab, dm, dv);
    expect(Math.abs(fab - fa - fb)).toBeLessThanOrEqual(1e-10 * fab);
    // Rotate everything by a random passive unitary.
    const u = unitaryFromAngles(3, [0.3, 1.1, -2.0, 0.7, 2.5, -0.4]);
    const sMat = passiveSymplectic(u);
    const mul = (x: ArrayLike<number>, y: ArrayLike<number>, tr: boolean): number[] =>
      Array.from({ length: 36 }, (_, k) => {
        const [i, j] = [Math.floor(k / 6), k % 6];
        let acc = 0;
        for (let l = 0; l < 6; l += 1) acc += (x[i * 6 + l] as number) * (tr ? (y[j * 6 + l] as number) : (y[l * 6 + j] as number));
        return acc;
      });
    const dvRot = mul(mul(sMat, dv, false), sMat, true);
    const dmRot = Array.from({ length: 6 }, (_, i) => dm.reduce((acc, v, l) => acc + (sMat[i * 6 + l] as number) * v, 0));
    const frot = quantumFisherInformation(passiveUnitary(ab, u), dmRot, dvRot);
    expect(Math.abs(frot - fab)).toBeLessThanOrEqual(1e-10 * fab);
  });
  it('a pure normal mode with dV ≠ 0 is rejected with a RangeError naming ν', () => {
    expect(() => quantumFisherInformation(vacuum(1), [0, 0], [2, 0, 0, 2])).toThrow(/smallest symplectic eigenvalue has ν − 1 = -?\d\.?\d*(e-1\d)?, need ν − 1 ≥ 1e-8/);
    expect(() => quantumFisherInformation(thermalState(1), [0, 0], [2, 1, 0, 2])).toThrow(/dCov must be symmetric/);
  });
});
