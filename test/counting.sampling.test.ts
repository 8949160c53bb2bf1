import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateCounts, uniformSource } from '../src/index.js';

// Closed forms (proofs/photon-counting.md §2): the detected photons of one row are geometric with
// mean m = η·k·p_b at output b (m = η·k over all outputs); a geometric of mean m has cumulants
//   κ1 = m, κ2 = m(1 + m), κ3 = m(1 + m)(1 + 2m), κ4 = m(1 + m)(1 + 6m + 6m²),
// sums over M independent rows multiply every cumulant by M, and Poisson(λ) dark counts add λ to
// every cumulant. The first test checks these cumulants against the geometric pmf by brute force.
const geometricCumulants = (m: number) => [m, m * (1 + m), m * (1 + m) * (1 + 2 * m), m * (1 + m) * (1 + 6 * m + 6 * m * m)] as const;

/** Cumulants κ1, κ2, κ4 of a count: M geometric rows of mean m plus Poisson(λ) dark counts. */
function countCumulants(rows: number, m: number, darkMean: number): { k1: number; k2: number; k4: number } {
  const [g1, g2, , g4] = geometricCumulants(m);
  return { k1: rows * g1 + darkMean, k2: rows * g2 + darkMean, k4: rows * g4 + darkMean };
}

/**
 * |sample mean − κ1| and |sample variance − κ2| in units of their standard errors:
 * SE(mean) = √(κ2/n), SE(s²) = √(κ4/n + 2κ2²/(n − 1)) (the exact variance of the unbiased s²).
 */
function standardisedErrors(xs: Float64Array, c: { k1: number; k2: number; k4: number }): { mean: number; variance: number } {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const variance = ss / (n - 1);
  return {
    mean: Math.abs(mean - c.k1) / Math.sqrt(c.k2 / n),
    variance: Math.abs(variance - c.k2) / Math.sqrt(c.k4 / n + (2 * c.k2 * c.k2) / (n - 1)),
  };
}

/** Draw `n` inferences; return the total and the counts of outputs a and b per draw. */
function draws(spec: Parameters<typeof simulateCounts>[0], n: number, seed: number, a: number, b: number) {
  const u = uniformSource(seed);
  const total = new Float64Array(n);
  const na = new Float64Array(n);
  const nb = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const c = simulateCounts(spec, u);
    total[i] = c.reduce((x, y) => x + y, 0);
    na[i] = c[a]!;
    nb[i] = c[b]!;
  }
  return { total, na, nb };
}

/** Normalised probabilities w_b/Σw with w_b = 1 + (b mod 7): unequal, none zero. */
const unequal = (outputs: number) => {
  const w = Array.from({ length: outputs }, (_, b) => 1 + (b % 7));
  const s = w.reduce((x, y) => x + y, 0);
  return w.map((x) => x / s);
};

describe('simulateCounts: negative binomial total, multinomial split, Poisson dark counts (docs/model.md#server-capabilities)', () => {
  it('the geometric cumulants used as reference agree with brute-force sums over the pmf m^L/(1 + m)^(L+1)', () => {
    for (const m of [0.05, 0.5, 3]) {
      const moments = [0, 0, 0, 0];
      for (let l = 0; l < 2000; l += 1) {
        const p = (m / (1 + m)) ** l / (1 + m);
        for (let r = 0; r < 4; r += 1) moments[r] = moments[r]! + l ** (r + 1) * p;
      }
      const [m1, m2, m3, m4] = moments as [number, number, number, number];
      const c2 = m2 - m1 * m1;
      const c4 = m4 - 4 * m3 * m1 + 6 * m2 * m1 * m1 - 3 * m1 ** 4 - 3 * c2 * c2;
      const [g1, g2, , g4] = geometricCumulants(m);
      expect(Math.abs(m1 - g1)).toBeLessThan(1e-12 * (1 + g1));
      expect(Math.abs(c2 - g2)).toBeLessThan(1e-10 * (1 + g2));
      expect(Math.abs(c4 - g4)).toBeLessThan(1e-8 * (1 + g4));
    }
  });

  // Three regimes: the paper's first layer (784 outputs, k = ½), detector imperfections (η = 0.6,
  // d = 1e-3), and a bright case (k = 50) that takes the gamma-splitting branches of the
  // Poisson (mean ≥ 30), binomial (n·p ≥ 30) and dark-count (M·d = 50) samplers.
  const regimes = [
    { name: 'N = M = 784, k = ½, η = 1, d = 0', outputs: 784, k: 0.5, rows: 784, efficiency: 1, darkCounts: 0, n: 4000 },
    { name: 'N = 40, M = 784, k = 1/6, η = 0.6, d = 1e-3', outputs: 40, k: 1 / 6, rows: 784, efficiency: 0.6, darkCounts: 1e-3, n: 20000 },
    { name: 'N = 20, M = 100, k = 50, η = 0.9, d = 0.5', outputs: 20, k: 50, rows: 100, efficiency: 0.9, darkCounts: 0.5, n: 20000 },
  ];
  for (const r of regimes) {
    it(`${r.name}: mean and variance of the total and of one output are the closed forms within 5 standard errors`, () => {
      const probabilities = unequal(r.outputs);
      const a = 3;
      const { total, na } = draws({ probabilities, k: r.k, rows: r.rows, efficiency: r.efficiency, darkCounts: r.darkCounts }, r.n, 11, a, 0);
      const m = r.efficiency * r.k;
      const totalErr = standardisedErrors(total, countCumulants(r.rows, m, r.outputs * r.rows * r.darkCounts));
      const oneErr = standardisedErrors(na, countCumulants(r.rows, m * probabilities[a]!, r.rows * r.darkCounts));
      expect(totalErr.mean).toBeLessThan(5);
      expect(totalErr.variance).toBeLessThan(5);
      expect(oneErr.mean).toBeLessThan(5);
      expect(oneErr.variance).toBeLessThan(5);
    });
  }

  it('two outputs are positively correlated through the shared total: Cov(n_a, n_b) = M·(ηk)²·p_a·p_b (a ≠ b), within 5 standard errors', () => {
    // From the joint pgf (1 + m·Σ_b p_b(1 − z_b))^(−M): E[n_a n_b] = M(M + 1)m²p_a p_b, so Cov = M·m²·p_a·p_b.
    const probabilities = unequal(10);
    const k = 2;
    const rows = 20;
    const n = 40000;
    const { na, nb } = draws({ probabilities, k, rows }, n, 5, 2, 6);
    const mean = (xs: Float64Array) => xs.reduce((x, y) => x + y, 0) / xs.length;
    const ma = mean(na);
    const mb = mean(nb);
    const prod = na.map((x, i) => (x - ma) * (nb[i]! - mb));
    const cov = (mean(prod) * n) / (n - 1);
    const se = Math.sqrt(prod.reduce((s, x) => s + (x - cov) ** 2, 0) / (n - 1) / n);
    expect(Math.abs(cov - rows * k * k * probabilities[2]! * probabilities[6]!)).toBeLessThan(5 * se);
  });

  it('with M = 3 rows the total follows the negative binomial pmf C(L + 2, L)·θ^L·(1 − θ)³, θ = m/(1 + m), cell by cell within 5 standard errors', () => {
    const m = 0.7;
    const n = 20000;
    const { total } = draws({ probabilities: [1], k: m, rows: 3 }, n, 3, 0, 0);
    const theta = m / (1 + m);
    const freq = new Float64Array(12);
    for (const l of total) freq[Math.min(l, 11)] = freq[Math.min(l, 11)]! + 1 / n;
    let tail = 1;
    for (let l = 0; l < 11; l += 1) {
      const p = (((l + 1) * (l + 2)) / 2) * theta ** l * (1 - theta) ** 3;
      tail -= p;
      expect(Math.abs(freq[l]! - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
    expect(Math.abs(freq[11]! - tail)).toBeLessThan(5 * Math.sqrt((tail * (1 - tail)) / n));
  });

  it('η thins each photon: k = 1 at η = 0.25 has the law of k = 0.25 at η = 1 (mean and variance of M·m(1 + m) within 5 SE)', () => {
    const n = 20000;
    const { total } = draws({ probabilities: [0.5, 0.5], k: 1, rows: 50, efficiency: 0.25 }, n, 9, 0, 1);
    const e = standardisedErrors(total, countCumulants(50, 0.25, 0));
    expect(e.mean).toBeLessThan(5);
    expect(e.variance).toBeLessThan(5);
  });

  it('property: counts are non-negative integers, outputs with p_b = 0 stay at 0 without dark counts, and a seed fixes the counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(5), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (weights, k, rows, efficiency, seed) => {
          const s = weights.reduce((x, y) => x + y, 0);
          fc.pre(s > 0);
          const probabilities = weights.map((w) => w / s);
          const c = simulateCounts({ probabilities, k, rows, efficiency }, seed);
          expect(c.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
          weights.forEach((w, b) => {
            if (w === 0) expect(c[b]).toBe(0);
          });
          expect(Array.from(simulateCounts({ probabilities, k, rows, efficiency }, seed))).toEqual(Array.from(c));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('G = 1 adds no photons: every count is 0 without dark counts; different seeds give different counts otherwise', () => {
    expect(Array.from(simulateCounts({ probabilities: [0.25, 0.75], gain: 1, rows: 784 }, 1))).toEqual([0, 0]);
    const p = unequal(30);
    expect(Array.from(simulateCounts({ probabilities: p, gain: 2 }, 1))).not.toEqual(Array.from(simulateCounts({ probabilities: p, gain: 2 }, 2)));
  });

  it('rejects out-of-range settings with a message naming the parameter, its range and the value', () => {
    const p = [0.5, 0.5];
    expect(() => simulateCounts({ probabilities: p, gain: 0.5 }, 1)).toThrow(/gain G must be a finite number in \[1, ∞\); received 0.5/);
    expect(() => simulateCounts({ probabilities: p, k: -1 }, 1)).toThrow(/photon number k must be a finite number in \[0, ∞\); received -1/);
    expect(() => simulateCounts({ probabilities: p, k: 1, gain: 2 }, 1)).toThrow(/not both/);
    expect(() => simulateCounts({ probabilities: p }, 1)).toThrow(TypeError);
    expect(() => simulateCounts({ probabilities: p, k: 1, rows: 1.5 }, 1)).toThrow(/rows M must be an integer in \{1, 2, …\}; received 1.5/);
    expect(() => simulateCounts({ probabilities: p, k: 1, efficiency: 0 }, 1)).toThrow(/efficiency η must be a number in \(0, 1\]; received 0/);
    expect(() => simulateCounts({ probabilities: p, k: 1, darkCounts: -1e-3 }, 1)).toThrow(/dark counts d must be a finite number in \[0, ∞\); received -0.001/);
    expect(() => simulateCounts({ probabilities: [0.5, 0.6], k: 1 }, 1)).toThrow(/probabilities must sum to 1 \(within 1e-9\); received a sum of 1.1/);
    expect(() => simulateCounts({ probabilities: [1.5, -0.5], k: 1 }, 1)).toThrow(/probabilities\[0\] must be a number in \[0, 1\]; received 1.5/);
    expect(() => simulateCounts({ probabilities: p, k: 1 }, 2 ** 31)).toThrow(/seed must be an integer in \[−2\^31, 2\^31\); received 2147483648/);
  });
});
