// Server-side data models (docs/model.md#server-capabilities): qfi, counting, holevo-subadditive, holevo-symmetric and the
// Gamma form. Every value is checked against an independent source: decimal.js at 100 digits of
// the textbook formula, brute-force sums (thinning of the geometric law, convolution of the rows'
// photon numbers), closed forms and limits. The references are at the end of this file.
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  countingDataLeak, cramerRaoDataLeak, dataLeak, DATA_LEAK_MODEL_FIELDS, DATA_LEAK_MODELS, decimalFromDouble, holevoSubadditiveDataLeak,
  holevoSymmetricDataLeak, holevoSymmetricGammaBound, qfiDataLeak,
} from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';
import { photonBlockReference } from './_helpers/photonBlockReference.js';

/**
 * Agreement with the 100-digit references: measured worst 6.6e-16 relative (3 ulps) over
 * G − 1 ∈ [2.2e-16, 1e300], N ∈ [1, 1e5], M ∈ [1, 1e9], p, η ∈ [1e-3, 1] (about 2500 random
 * and 40 edge configurations; dark counts scale it, see the counting test); 2e-15 (9 ulps)
 * leaves a factor 3 for samples not yet drawn. Every form is cancellation-free, so no region
 * needs more.
 */
const REL_TOL = 2e-15;

/** G − 1 log-uniform over [1e-15, 1e3], plus G = 1 + 2^−52 (the smallest gain above 1). */
const gainArb = fc.oneof(logUniform(1e-15, 1e3).map((g) => 1 + g), fc.constant(1 + 2 ** -52));
/** Detector: η ∈ [1e-3, 1], dark counts 0 or log-uniform in [1e-12, 1] per mode per row. */
const etaArb = fc.oneof(fc.constant(1), fc.double({ min: 1e-3, max: 1, noNaN: true }));
const darkArb = fc.oneof(fc.constant(0), logUniform(1e-12, 1));
/** A configuration with n = p·N ≥ 1 (active pixels carry x̂_j² = 1/n ≤ 1). */
const countingArb = fc.record({
  gain: gainArb, inputs: fc.integer({ min: 1, max: 5000 }), rows: fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 1e9 })),
  activeFraction: fc.double({ min: 1e-3, max: 1, noNaN: true }), efficiency: etaArb, darkCounts: darkArb,
}).filter((c) => c.activeFraction * c.inputs >= 1);

const k = (gain: number) => (gain - 1) / gain;

describe('qfi: ½·log2(1 + M·x²·F_Q), F_Q = 4k/(1 + kx²), x² = 1/n', () => {
  it('agrees with the 100-digit formula to 2e-15 relative', () => {
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 1e10 }), logUniform(1, 1e6), (gain, rows, n) => {
      expect(relativeError(qfiDataLeak(gain, rows, n), qfiRef(gain, rows, n))).toBeLessThan(REL_TOL);
    }), { numRuns: 200 });
  });

  it('is at least the corrected homodyne figure at the same samples (M rows, x = 1/√n): F_Q ≥ 2·I_hom', () => {
    // F_Q/(2·I_hom) = 1 + 1/(4y(1 + y)), y = kx² (proofs/server-data-bounds.md §2), so the QFI wins even against the paper's ×2.
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 1e6 }), logUniform(1, 1e5), (gain, rows, n) => {
      expect(qfiDataLeak(gain, rows, n)).toBeGreaterThanOrEqual(cramerRaoDataLeak(gain, rows, 1 / Math.sqrt(n), 'corrected'));
    }), { numRuns: 300 });
  });

  it('limits: M = N = 1 gives ½·log2(1 + 4k/(1 + k)); k → 0 gives 2Mk/((n + k)·ln 2) to first order', () => {
    expect(relativeError(qfiDataLeak(2, 1, 1), 0.5 * Math.log2(7 / 3))).toBeLessThan(REL_TOL);
    // G = 1 + 1e-12: the argument 4Mk/(n + k) ≈ 8e-12 at M = 784, n = 392; log1p(a) = a(1 − a/2 + …) drops ~4e-12 relative.
    const g = 1 + 1e-12;
    const a = (4 * 784 * k(g)) / (392 + k(g));
    expect(relativeError(qfiDataLeak(g, 784, 392), a / 2 / Math.LN2)).toBeLessThan(1e-11);
  });
});

describe('counting: the Z channel of displace-and-count with efficiency and dark counts', () => {
  it('agrees with the 100-digit textbook h₂ formula to 2e-15·(1 + d·M + M·ηks) relative, tiny k included', () => {
    fc.assert(fc.property(countingArb, (c) => {
      // d·M ≤ 300 keeps the reference's extra digits (2·dM/ln 10) affordable; beyond ~745 e^(−dM) underflows and the
      // model returns 0 (next test). Values below 1e-290 bits are subnormal doubles, with fewer digits to compare.
      fc.pre(c.darkCounts * c.rows <= 300);
      const ref = countingRef(c.gain, c.inputs, c.activeFraction, c.rows, c.efficiency, c.darkCounts);
      fc.pre(ref > 1e-290);
      // The value goes like e^(−dM) and (1 + ηks)^(−M): its relative condition number in d and η is about
      // d·M + M·ηks, so the one rounding of each product (d·M, M·log1p(ηks)) costs that many ulps —
      // the exact value at inputs one ulp away. Measured worst: 2.2e-15 at d·M = 33. Beyond M·ηks ≈ 40 the
      // factor (1 + ηks)^(−M) < 4e-18 no longer matters, so that term is capped there.
      const a = (c.rows * c.efficiency * k(c.gain)) / (c.activeFraction * c.inputs);
      const tol = REL_TOL * (1 + c.darkCounts * c.rows + Math.min(a, 40));
      expect(relativeError(countingDataLeak(c), ref)).toBeLessThan(tol);
    }), { numRuns: 120 });
    // With d = 0 and M·ηks ≤ 1 the plain 2e-15 holds.
    for (const [gain, inputs, p, rows] of [[1 + 2 ** -52, 784, 0.5, 784], [1 + 1e-9, 26, 1 / 26, 33], [1.001, 784, 0.2, 100], [3, 5000, 0.001, 1]] as const) {
      expect(relativeError(countingDataLeak({ gain, inputs, activeFraction: p, rows }), countingRef(gain, inputs, p, rows))).toBeLessThan(REL_TOL);
    }
  });

  it('when e^(−dM) or η·k·s underflows it returns 0: the true value is below 1e-300 bits', () => {
    expect(countingDataLeak({ gain: 2, darkCounts: 1, rows: 800 })).toBe(0);
    expect(countingDataLeak({ gain: 2, efficiency: 5e-324, activeFraction: 0.01 })).toBe(0); // η·k/n underflows likewise
    expect(countingRef(2, 784, 0.5, 800, 1, 1)).toBeLessThan(1e-300);
  });

  it('the no-click probability (1 + ηks)^−M is the thinned geometric law: brute-force sums over the photon number agree', () => {
    for (const [gain, inputs, p, rows, eta, dark] of [[2, 784, 0.5, 3, 1, 0], [1 + 1e-9, 100, 0.2, 5, 0.7, 1e-3], [1.3, 10, 0.5, 1, 0.9, 0.01], [5, 4, 0.5, 7, 0.5, 0]] as const) {
      const v = countingDataLeak({ gain, inputs, activeFraction: p, rows, efficiency: eta, darkCounts: dark });
      expect(relativeError(v, countingBruteForce(gain, inputs, p, rows, eta, dark))).toBeLessThan(REL_TOL);
    }
  });

  it('efficiency and dark counts only degrade it: non-decreasing in η, non-increasing in d (data processing)', () => {
    fc.assert(fc.property(countingArb, fc.double({ min: 0, max: 1, noNaN: true }), logUniform(1e-12, 1), (c, t, extra) => {
      fc.pre(c.efficiency * t > 0);
      const lower = countingDataLeak({ ...c, efficiency: c.efficiency * t });
      expect(lower).toBeLessThanOrEqual(countingDataLeak(c) * (1 + REL_TOL));
      expect(countingDataLeak({ ...c, darkCounts: c.darkCounts + extra })).toBeLessThanOrEqual(countingDataLeak(c) * (1 + REL_TOL));
    }), { numRuns: 200 });
  });

  it('limits: 0 at p = 1; h₂(p) when every active pixel clicks (M → ∞, d = 0); (Mηk/N)·log2(1/p) to first order in k', () => {
    expect(countingDataLeak({ gain: 2, activeFraction: 1 })).toBe(0);
    for (const p of [0.5, 0.2, 0.01]) {
      const h2 = -(p * Math.log2(p) + (1 - p) * Math.log2(1 - p));
      // (1 + 1/(784p))^(−1e10) underflows to 0: q1 = 1 exactly, and the divergence form returns h₂(p) to rounding.
      expect(relativeError(countingDataLeak({ gain: 2, activeFraction: p, rows: 1e10 }), h2)).toBeLessThan(REL_TOL);
    }
    // G = 1 + 1e-12, M = N = 784, p = 0.5, η = 0.5: q1 ≈ Mηk/n ≈ 1e-12, and the second-order terms are O(q1) ≈ 1e-12 relative.
    const g = 1 + 1e-12;
    expect(relativeError(countingDataLeak({ gain: g, efficiency: 0.5 }), ((784 * 0.5 * k(g)) / 784) * Math.log2(2))).toBeLessThan(1e-10);
  });
});

describe('holevo-subadditive: (M/N)·[N·h(k/N) − h(k)]', () => {
  it('agrees with the 100-digit textbook entropies to 2e-15 relative (no cancellation for tiny k/N)', () => {
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 1, max: 1e10 }), (gain, inputs, rows) => {
      expect(relativeError(holevoSubadditiveDataLeak(gain, inputs, rows), subadditiveRef(gain, inputs, rows))).toBeLessThan(REL_TOL);
    }), { numRuns: 200 });
  });

  it('limits: 0 for N = 1; linear in M; (M/N)·k·log2 N to first order in k', () => {
    expect(holevoSubadditiveDataLeak(3, 1, 1e6)).toBe(0);
    expect(relativeError(holevoSubadditiveDataLeak(1.5, 100, 600), 6 * holevoSubadditiveDataLeak(1.5, 100, 100))).toBeLessThan(REL_TOL);
    // N·h(k/N) − h(k) = k·ln N − k²(1 − 1/N)/2 + O(k³) nats: at k ≈ 1e-12 the k² term is 1e-13 relative.
    const g = 1 + 1e-12;
    expect(relativeError(holevoSubadditiveDataLeak(g, 784, 784), k(g) * Math.log2(784))).toBeLessThan(1e-12);
  });
});

describe('holevo-symmetric: E_L[log2 C(N + L − 1, L)]/N, L negative binomial; the Gamma form', () => {
  it('the exact expectation agrees with a 100-digit summation of the series to 2e-15 relative', () => {
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), (gain, inputs, rows) => {
      expect(relativeError(holevoSymmetricDataLeak(gain, inputs, rows), symmetricRef(gain, inputs, rows))).toBeLessThan(REL_TOL);
    }), { numRuns: 30 });
    for (const [gain, inputs, rows] of [[2, 784, 784], [1.2, 784, 784], [1 + 1e-12, 784, 784], [1 + 1e-6, 5, 1e6], [1e300, 3, 50]] as const) {
      expect(relativeError(holevoSymmetricDataLeak(gain, inputs, rows), symmetricRef(gain, inputs, rows))).toBeLessThan(REL_TOL);
    }
  });

  it('the photon number of M rows is negative binomial: brute-force convolution of M geometric laws gives the same expectation', () => {
    // L ≤ 400 holds all but (k/(1 + k))^400 ≤ 0.91^400 ≈ 1e-17 of the mass at G = 10 (the largest k here).
    for (const [gain, inputs, rows] of [[2, 3, 3], [1.3, 5, 2], [1.05, 2, 4], [10, 4, 1], [10, 784, 2]] as const) {
      expect(relativeError(holevoSymmetricDataLeak(gain, inputs, rows), symmetricByConvolution(gain, inputs, rows, 400))).toBeLessThan(REL_TOL);
    }
  });

  it('the Gamma form agrees with the 100-digit product Π(1 + Mk/i) to 2e-15 relative, on every branch (Mk < 1 or ≥ 1; N up to 1e5)', () => {
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 1e5 }), fc.integer({ min: 1, max: 1e6 }), (gain, inputs, rows) => {
      expect(relativeError(holevoSymmetricGammaBound(gain, inputs, rows), gammaRef(gain, inputs, rows))).toBeLessThan(REL_TOL);
    }), { numRuns: 60 });
    for (const [gain, inputs, rows] of [[1 + 1e-15, 1e5, 3], [1 + 1e-9, 130, 5], [1 + 1e-9, 129, 5], [1.5, 9, 5], [1.5, 8, 5], [3, 784, 1]] as const) {
      expect(relativeError(holevoSymmetricGammaBound(gain, inputs, rows), gammaRef(gain, inputs, rows))).toBeLessThan(REL_TOL);
    }
  });

  it('exact ≤ Gamma form everywhere (Jensen: ln Γ(N + L) − ln Γ(L + 1) is concave in L)', () => {
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e7 }), (gain, inputs, rows) => {
      // Both to 2e-15 relative; near k → 0 they agree to first order, so the comparison needs that slack.
      expect(holevoSymmetricDataLeak(gain, inputs, rows)).toBeLessThanOrEqual(holevoSymmetricGammaBound(gain, inputs, rows) * (1 + 2 * REL_TOL));
    }), { numRuns: 300 });
  });

  it('exact ≤ subadditive over G − 1 ∈ [1e-15, 1e3], N ∈ [1, 1e6], M ∈ [1, 1e7] (no counterexample found)', () => {
    // The two agree to first order in k; the gap is (M k²/2)·[(M + 1)·ln(2N/(N + 1)) − (1 − 1/N)] nats > 0
    // (proofs/server-data-bounds.md §5), below rounding for k ≲ 1e-14, hence the 2·REL_TOL slack.
    fc.assert(fc.property(gainArb, fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e7 }), (gain, inputs, rows) => {
      expect(holevoSymmetricDataLeak(gain, inputs, rows)).toBeLessThanOrEqual(holevoSubadditiveDataLeak(gain, inputs, rows) * (1 + 2 * REL_TOL));
    }), { numRuns: 400 });
  });

  it('the Gamma form is not always below the subadditive bound: at N = M = 784, G = 1.001 it is above', () => {
    // 0.0097443 > 0.0096044 bits per data symbol (both against mpmath in proofs/server-data-bounds.md §6).
    expect(holevoSymmetricGammaBound(1.001, 784, 784)).toBeGreaterThan(holevoSubadditiveDataLeak(1.001, 784, 784) * 1.01);
    expect(holevoSymmetricDataLeak(1.001, 784, 784)).toBeLessThan(holevoSubadditiveDataLeak(1.001, 784, 784));
  });

  it('limits: 0 for N = 1; M = 1 is the geometric law; (Mk/N)·log2 N to first order in k; finite at M = 1e10', () => {
    expect(holevoSymmetricDataLeak(5, 1, 1e6)).toBe(0);
    expect(holevoSymmetricGammaBound(5, 1, 1e6)).toBe(0);
    // M = 1, N = 2: Σ_L (1/(1 + k))·r^L·log2(L + 1)/2 with r = k/(1 + k), summed directly (terms below 1e-30 by L = 200 at k = 1/2).
    let s = 0;
    for (let L = 0; L < 200; L += 1) s += ((2 / 3) * 3 ** -L * Math.log2(L + 1)) / 2;
    expect(relativeError(holevoSymmetricDataLeak(2, 2, 1), s)).toBeLessThan(1e-14); // 200 terms of float64 summation
    // P(L = 1) ≈ Mk is the leading term: E ≈ Mk·ln N, the next order is O(M²k²) ≈ 6e-7 relative at M = 784, k ≈ 1e-12.
    const g = 1 + 1e-12;
    expect(relativeError(holevoSymmetricDataLeak(g, 784, 784), (784 * k(g) * Math.log2(784)) / 784)).toBeLessThan(1e-6);
    const big = holevoSymmetricDataLeak(2, 784, 1e10);
    expect(Number.isFinite(big) && big <= holevoSymmetricGammaBound(2, 784, 1e10)).toBe(true);
  });
});

describe('the family (docs/model.md#server-capabilities) and the dispatcher', () => {
  const models = ['qfi', 'counting', 'holevo-subadditive', 'holevo-symmetric'] as const;

  it('every model is +0 at G = 1 exactly, for every N and M', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 1e5 }), fc.integer({ min: 1, max: 1e10 }), (inputs, rows) => {
      for (const model of models) expect(Object.is(dataLeak({ gain: 1, inputs, rows, model }), 0)).toBe(true);
      expect(Object.is(holevoSymmetricGammaBound(1, inputs, rows), 0)).toBe(true);
    }), { numRuns: 50 });
  });

  it('counting ≤ holevo-subadditive for every admissible configuration, efficiency and dark counts included (the attack contract)', () => {
    // Equal to first order in k at n = 1; the gap is (p·M(M + 1)k²/2)·[ln N − (1 − 1/N)] nats ≥ 0 (proof §4), below rounding for tiny k.
    fc.assert(fc.property(countingArb, (c) => {
      expect(countingDataLeak(c)).toBeLessThanOrEqual(holevoSubadditiveDataLeak(c.gain, c.inputs, c.rows) * (1 + 2 * REL_TOL));
    }), { numRuns: 2000 });
  });

  it('counting ≤ holevo-symmetric on a grid with N ≥ 3; at N = 2, n = 1 the per-pixel figure exceeds it (an anti-correlated pair, counted twice)', () => {
    for (const inputs of [3, 4, 8, 64, 784]) for (const n of [1, 1.5, 2, 4]) for (const rows of [1, 5, 30, 784, 1e4]) for (const g of [1e-8, 1e-5, 1e-3, 1e-2, 0.1, 1, 10]) {
      if (n > inputs) continue;
      const c = countingDataLeak({ gain: 1 + g, inputs, rows, activeFraction: n / inputs });
      expect(c).toBeLessThanOrEqual(holevoSymmetricDataLeak(1 + g, inputs, rows) * (1 + 2 * REL_TOL));
    }
    // N = 2, n = 1: exactly one pixel is active, so X₁ = 1 − X₂ and Σ_j I(X_j; Y_j) is twice I(X; Y); the model's per-pixel sum then beats a true bound.
    expect(countingDataLeak({ gain: 1.01, inputs: 2, rows: 100, activeFraction: 0.5 })).toBeGreaterThan(holevoSymmetricDataLeak(1.01, 2, 100) * 1.02);
  });

  it('finite and ≥ 0 at the ends of the domain (G = 1e308, N = 1e6, M = 1e10)', () => {
    for (const model of models) {
      for (const [gain, inputs, rows] of [[1e308, 784, 1e10], [1 + 2 ** -52, 1e6, 1], [1e308, 1e6, 1]] as const) {
        const v = dataLeak({ gain, inputs, rows, model });
        expect(Number.isFinite(v) && v >= 0).toBe(true);
      }
    }
  });

  it('dataLeak dispatches with M = N by default and passes the counting detector through', () => {
    expect(dataLeak({ gain: 1.5, model: 'qfi' })).toBe(qfiDataLeak(1.5, 784, 392));
    expect(dataLeak({ gain: 1.5, model: 'qfi', rows: 10, activeFraction: 0.2 })).toBe(qfiDataLeak(1.5, 10, 0.2 * 784));
    expect(dataLeak({ gain: 1.5, model: 'counting', efficiency: 0.3, darkCounts: 0.01, rows: 7 })).toBe(countingDataLeak({ gain: 1.5, efficiency: 0.3, darkCounts: 0.01, rows: 7 }));
    expect(dataLeak({ gain: 1.5, inputs: 100, model: 'holevo-subadditive' })).toBe(holevoSubadditiveDataLeak(1.5, 100, 100));
    expect(dataLeak({ gain: 1.5, inputs: 100, rows: 3, model: 'holevo-symmetric' })).toBe(holevoSymmetricDataLeak(1.5, 100, 3));
    expect(DATA_LEAK_MODELS.slice(3)).toEqual([...models]);
    for (const m of DATA_LEAK_MODELS) expect(DATA_LEAK_MODEL_FIELDS[m].length).toBeGreaterThan(0);
  });

  it.each([
    [{ gain: 2, model: 'holevo-symmetric' as const, activeFraction: 0.2 }, TypeError, /active fraction f applies to the paper-2024, corrected, paper-2025, qfi and counting models only; model is holevo-symmetric, received activeFraction = 0.2/],
    [{ gain: 2, model: 'corrected' as const, efficiency: 0.5 }, TypeError, /detector efficiency η applies to the counting model only; model is corrected, received efficiency = 0.5/],
    [{ gain: 2, model: 'qfi' as const, darkCounts: 0.1 }, TypeError, /dark counts d applies to the counting model only; model is qfi, received darkCounts = 0.1/],
    [{ gain: 2, model: 'qfi' as const, x: 0.1 }, TypeError, /x applies to the Cramér–Rao models \(paper-2024, corrected\) only; model is qfi, received x = 0.1/],
    [{ gain: 2, model: 'counting' as const, rows: 2.5 }, RangeError, /rows M must be an integer in \{1, 2, …, 1e10\}; received 2.5/],
    [{ gain: 2, model: 'holevo-symmetric' as const, rows: 2e10 }, RangeError, /rows M must be an integer in \{1, 2, …, 1e10\}; received 20000000000/],
    [{ gain: 2, model: 'counting' as const, efficiency: 0 }, RangeError, /detector efficiency η must be a number in \(0, 1\]; received 0/],
    [{ gain: 2, model: 'counting' as const, darkCounts: -1 }, RangeError, /dark counts d \(mean per mode per row\) must be a finite number in \[0, ∞\); received -1/],
    [{ gain: 2, model: 'counting' as const, inputs: 3, activeFraction: 0.2 }, RangeError, /samples n = f·N \(active pixels carry x̂_j² = 1\/n, so n ≥ 1\) must be a finite number in \[1, ∞\); received 0.6/],
    [{ gain: 0.9, model: 'holevo-subadditive' as const }, RangeError, /gain G must be a finite number in \[1, ∞\); received 0.9/],
  ])('bad input %j throws a message naming the parameter, range and value', (input, kind, message) => {
    expect(() => dataLeak(input)).toThrow(kind);
    expect(() => dataLeak(input)).toThrow(message);
  });

  it('the public functions validate their own arguments', () => {
    expect(() => qfiDataLeak(2, 0, 392)).toThrow(/rows M must be an integer in \{1, 2, …, 1e10\}; received 0/);
    expect(() => qfiDataLeak(2, 784, 0.5)).toThrow(/samples n = f·N .* received 0.5/);
    expect(() => holevoSymmetricGammaBound(2, 0, 1)).toThrow(/inputs N must be an integer in \{1, 2, …\}; received 0/);
    expect(() => holevoSubadditiveDataLeak(Number.NaN, 784, 1)).toThrow(/gain G .* received NaN/);
    expect(() => countingDataLeak({ gain: 2, activeFraction: 1.5 })).toThrow(/active fraction p must be a number in \(0, 1\]; received 1.5/);
    expect(() => holevoSymmetricDataLeak(2, 784, '784' as never)).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------------------------
// References (decimal.js; textbook formulas evaluated with enough digits that their cancellations
// do not matter, and brute-force sums that use none of the closed forms above).

/** Working precision (significant digits) of the references: 100 digits leaves ≥ 60 after the worst cancellation below (k ≥ 1e-16 costs ≤ 2·16 + 3). */
const REF_DIGITS = 100;
const D = Decimal.clone({ precision: REF_DIGITS, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
const LN2 = new D(2).ln();
const x = (v: number) => new D(decimalFromDouble(v, REF_DIGITS + 20));
/** k = (G − 1)/G from the exact double G. */
const photons = (gain: number) => x(gain).minus(1).div(x(gain));

/** Binary entropy in nats, textbook: −y·ln y − (1 − y)·ln(1 − y). */
function h2(y: Decimal): Decimal {
  if (y.isZero() || y.eq(1)) return new D(0);
  return y.times(y.ln()).plus(new D(1).minus(y).times(new D(1).minus(y).ln())).neg();
}

/** Thermal entropy in nats, textbook: (n + 1)·ln(n + 1) − n·ln n. */
function h(n: Decimal): Decimal {
  if (n.isZero()) return new D(0);
  return n.plus(1).times(n.plus(1).ln()).minus(n.times(n.ln()));
}

/** ½·log2(1 + 4Mk/(n + k)), the QFI figure (bits). */
function qfiRef(gain: number, rows: number, samples: number): number {
  const k = photons(gain);
  return new D(1).plus(k.times(4 * rows).div(x(samples).plus(k))).ln().div(LN2).div(2).toNumber();
}

/**
 * The displace-and-count Z channel (bits), textbook h₂ formula; n = p·N taken exactly. With dark
 * counts every h₂ is about e^(−dM)·dM while the result is about e^(−dM)·(ηks·M)², and 1 − q is
 * held only to the working precision: so 2·dM/ln 10 more digits than the other references.
 */
function countingRef(gain: number, inputs: number, p: number, rows: number, eta = 1, dark = 0): number {
  const E = Decimal.clone({ precision: REF_DIGITS + Math.ceil((2 * dark * rows) / Math.LN10), toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
  const y = (v: number) => new E(decimalFromDouble(v, E.precision + 20));
  const k = y(gain).minus(1).div(y(gain));
  const pd = y(p);
  const s = new E(1).div(pd.times(inputs));
  const noDark = y(dark).times(rows).neg().exp();
  const q1 = new E(1).minus(new E(1).plus(y(eta).times(k).times(s)).ln().times(-rows).exp().times(noDark));
  const q0 = new E(1).minus(noDark);
  const mix = pd.times(q1).plus(new E(1).minus(pd).times(q0));
  const h2e = (q: Decimal) => (q.isZero() || q.eq(1) ? new E(0) : q.times(q.ln()).plus(new E(1).minus(q).times(new E(1).minus(q).ln())).neg());
  return h2e(mix).minus(pd.times(h2e(q1))).minus(new E(1).minus(pd).times(h2e(q0))).div(new E(2).ln()).toNumber();
}

/**
 * The same from first principles for small M: the probability that a row puts no photon on a
 * mode with x̂_j² = s is summed over the geometric photon number, Σ_L P(L)·(1 − η·s)^L
 * (no closed form used), then M rows and dark counts as above.
 */
function countingBruteForce(gain: number, inputs: number, p: number, rows: number, eta = 1, dark = 0): number {
  const k = photons(gain);
  const pd = x(p);
  const s = new D(1).div(pd.times(inputs));
  const r = k.div(k.plus(1));
  const miss = new D(1).minus(x(eta).times(s));
  let term = new D(1).div(k.plus(1)); // P(L = 0)
  let noPhoton = new D(0);
  for (let L = 0; L < 20000; L += 1) {
    noPhoton = noPhoton.plus(term);
    term = term.times(r).times(miss);
    if (term.lt('1e-60')) break;
  }
  const noDark = x(dark).times(rows).neg().exp();
  const q1 = new D(1).minus(noPhoton.pow(rows).times(noDark));
  const q0 = new D(1).minus(noDark);
  const mix = pd.times(q1).plus(new D(1).minus(pd).times(q0));
  return h2(mix).minus(pd.times(h2(q1))).minus(new D(1).minus(pd).times(h2(q0))).div(LN2).toNumber();
}

/** (M/N)·[N·h(k/N) − h(k)] in bits, textbook entropies. */
function subadditiveRef(gain: number, inputs: number, rows: number): number {
  const k = photons(gain);
  return h(k.div(inputs)).times(inputs).minus(h(k)).times(rows).div(inputs).div(LN2).toNumber();
}

/** E_L[log2 C(N + L − 1, L)]/N with L negative binomial (M, k), 100 digits (test/_helpers/photonBlockReference.ts). */
function symmetricRef(gain: number, inputs: number, rows: number): number {
  return photonBlockReference(photons(gain), inputs, rows, '1e-45');
}

/**
 * The photon-number law of M rows by brute force: the M-fold convolution of the geometric law
 * (mean k), truncated at Lmax, with no negative-binomial formula; then E[log2 C(N + L − 1, L)]/N.
 */
function symmetricByConvolution(gain: number, inputs: number, rows: number, lMax: number): number {
  const k = photons(gain);
  const r = k.div(k.plus(1));
  const geo: Decimal[] = [];
  let g = new D(1).div(k.plus(1));
  for (let L = 0; L <= lMax; L += 1) {
    geo.push(g);
    g = g.times(r);
  }
  let law = geo.slice();
  for (let m = 1; m < rows; m += 1) {
    const next: Decimal[] = [];
    for (let L = 0; L <= lMax; L += 1) {
      let acc = new D(0);
      for (let j = 0; j <= L; j += 1) acc = acc.plus((law[j] as Decimal).times(geo[L - j] as Decimal));
      next.push(acc);
    }
    law = next;
  }
  let sum = new D(0);
  let choose = new D(1); // C(N + L − 1, L)
  for (let L = 0; L <= lMax; L += 1) {
    sum = sum.plus((law[L] as Decimal).times(choose.ln()));
    choose = choose.times(inputs + L).div(L + 1);
  }
  return sum.div(LN2).div(inputs).toNumber();
}

/** log2[Γ(N + b)/(Γ(b + 1)·Γ(N))]/N, b = M·k, as the finite product Π_{i=1..N−1}(1 + b/i). */
function gammaRef(gain: number, inputs: number, rows: number): number {
  const b = photons(gain).times(rows);
  let prod = new D(1);
  for (let i = 1; i < inputs; i += 1) prod = prod.times(b.div(i).plus(1));
  return prod.ln().div(LN2).div(inputs).toNumber();
}
