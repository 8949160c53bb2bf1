// The server's row-total test (proofs/row-total-test.md): rowTotalTest checked against the count law computed
// independently (the probability generating function expanded by convolution at 40 digits), the exact law of the
// honest test statistics (negative binomial total; Bose–Einstein split of the total over the rows), Sheppard's
// orthant formula, a seeded Monte Carlo simulation of the whole test, its input errors and two properties.
import gammaln from '@stdlib/math-base-special-gammaln';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError, rowTotalTest, uniformSource, type RowPhotonLaw, type RowTotalTestInput, type UniformSource } from '../src/index.js';
import { upperOrthant } from '../src/verification/_internal/bivariateNormal.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

const D40 = Decimal.clone({ precision: 40 });
const rankOne = (photons: number): RowPhotonLaw => ({ thermal: [{ photons, modes: 1 }] });
const spread = (photons: number, modes: number): RowPhotonLaw => ({ thermal: [{ photons: photons / modes, modes }] });
const run = (rows: number, delta: number, honest: RowPhotonLaw, actual: RowPhotonLaw, extra: Partial<RowTotalTestInput> = {}) => rowTotalTest({ rows, delta, honest, actual, ...extra });

/**
 * The pmf of a row's count up to `top`, at 40 digits, from the generating function written out as a product: each
 * thermal mode of a detected photons contributes the geometric law (1 − r)·r^L, r = a/(1 + a) (thinning a thermal
 * mode gives a thermal mode, proofs/server-data-bounds.md §3), the Poisson part e^(−ν)·ν^L/L!; convolved one by one
 * (integer multiplicities only).
 */
function countPmf(law: RowPhotonLaw, efficiency: number, dark: number, top: number): Decimal[] {
  let pmf: Decimal[] = Array.from({ length: top + 1 }, (_, l) => new D40(l === 0 ? 1 : 0));
  const convolve = (factor: Decimal[]) => {
    pmf = pmf.map((_, l) => {
      let sum = new D40(0);
      for (let j = 0; j <= l; j += 1) sum = sum.plus((pmf[j] as Decimal).times(factor[l - j] as Decimal));
      return sum;
    });
  };
  for (const g of law.thermal) {
    const a = new D40(efficiency).times(g.photons);
    const r = a.div(a.plus(1));
    for (let i = 0; i < g.modes; i += 1) convolve(Array.from({ length: top + 1 }, (_, l) => new D40(1).minus(r).times(r.pow(l))));
  }
  const nu = new D40(efficiency).times(law.coherentPhotons ?? 0).plus(dark);
  const poisson: Decimal[] = [];
  let term = nu.neg().exp();
  for (let l = 0; l <= top; l += 1) {
    poisson.push(term);
    term = term.times(nu).div(l + 1);
  }
  convolve(poisson);
  return pmf;
}

/** One row's count drawn from a law (integer multiplicities): geometric per thermal mode by inversion, Poisson by multiplication of uniforms. */
function drawRow(law: RowPhotonLaw, uniform: UniformSource): number {
  let total = 0;
  for (const g of law.thermal) {
    const logR = Math.log(g.photons / (1 + g.photons));
    for (let i = 0; i < g.modes; i += 1) total += Math.floor(Math.log(1 - uniform()) / logR);
  }
  const nu = law.coherentPhotons ?? 0;
  if (nu > 0) {
    let p = uniform();
    while (p > Math.exp(-nu)) {
      total += 1;
      p *= uniform();
    }
  }
  return total;
}

/** Simulate the server's test `trials` times (m rows each), applying the thresholds rowTotalTest returned; the rate at which it fires, and each statistic's. */
function simulate(rows: number, delta: number, honest: RowPhotonLaw, actual: RowPhotonLaw, trials: number, seed: number) {
  const t = run(rows, delta, honest, actual);
  const uniform = uniformSource(seed);
  let either = 0;
  let mean = 0;
  let shape = 0;
  for (let i = 0; i < trials; i += 1) {
    let total = 0;
    let nonEmpty = 0;
    for (let j = 0; j < rows; j += 1) {
      const l = drawRow(actual, uniform);
      total += l;
      if (l > 0) nonEmpty += 1;
    }
    const firesMean = total / rows >= t.meanTest.threshold;
    const firesShape = (t.shapeTest.weight * total) / rows - nonEmpty / rows <= t.shapeTest.threshold;
    if (firesMean) mean += 1;
    if (firesShape) shape += 1;
    if (firesMean || firesShape) either += 1;
  }
  return { either: either / trials, mean: mean / trials, shape: shape / trials, formula: t };
}

describe('rowTotalTest: the row law (docs/model.md#returned-noise, proofs/row-total-test.md §2–§3)', () => {
  it('mean, variance, vacuum probability and g2 of a mixed law equal those of its pmf expanded from the generating function (40 digits)', () => {
    const law: RowPhotonLaw = { thermal: [{ photons: 0.3, modes: 2 }, { photons: 0.1, modes: 3 }, { photons: 1.5, modes: 1 }], coherentPhotons: 0.2 };
    const [efficiency, dark] = [0.7, 0.05];
    const pmf = countPmf(law, efficiency, dark, 160); // the tail beyond 160 counts is below 1e-40 here
    const moment = (f: (l: number) => number) => pmf.reduce((s, p, l) => s.plus(p.times(f(l))), new D40(0));
    const m1 = moment((l) => l);
    const variance = moment((l) => l * l).minus(m1.pow(2));
    const g2 = moment((l) => l * (l - 1)).div(m1.pow(2));
    const s = run(100, 1e-3, law, law, { efficiency, darkCountsPerRow: dark }).actual;
    expect(relativeError(s.meanCount, m1.toNumber())).toBeLessThan(1e-14);
    expect(relativeError(s.countVariance, variance.toNumber())).toBeLessThan(1e-14);
    expect(relativeError(s.emptyRowProbability, (pmf[0] as Decimal).toNumber())).toBeLessThan(1e-14);
    expect(relativeError(s.g2, g2.toNumber())).toBeLessThan(1e-14);
  });

  it('g2 = 2 for one thermal mode at any efficiency (thinning keeps it), 1 + 1/n for n equal modes, 1 for a coherent residual alone', () => {
    fc.assert(fc.property(logUniform(1e-6, 1e3), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), (k, eta, n) => {
      expect(Math.abs(run(10, 0.01, rankOne(k), rankOne(k), { efficiency: eta }).actual.g2 - 2)).toBeLessThan(1e-15);
      expect(relativeError(run(10, 0.01, rankOne(k), spread(k, n), { efficiency: eta }).actual.g2, 1 + 1 / n)).toBeLessThan(1e-14);
    }), { numRuns: 200 });
    expect(run(10, 0.01, rankOne(0.5), { thermal: [], coherentPhotons: 3 }).actual.g2).toBe(1);
  });

  it('at a given mean the vacuum probability is largest for rank one: Π(1 + a)^(−n) < 1/(1 + Σ n·a) once the noise is spread', () => {
    fc.assert(fc.property(logUniform(1e-3, 10), fc.integer({ min: 2, max: 1000 }), (k, n) => {
      const one = run(10, 0.01, rankOne(k), rankOne(k)).actual.emptyRowProbability;
      const many = run(10, 0.01, rankOne(k), spread(k, n)).actual.emptyRowProbability;
      expect(relativeError(one, 1 / (1 + k))).toBeLessThan(1e-15);
      expect(many).toBeLessThan(one);
    }), { numRuns: 200 });
  });
});

describe('rowTotalTest: thresholds at the honest law', () => {
  it('mean test: the exact negative-binomial tail of the honest total beyond the Chernoff threshold is ≤ δ/2 (m = 40 and 300 rows, k = ½ and 0.9)', () => {
    for (const [m, k, delta] of [[40, 0.5, 1e-3], [300, 0.5, 1e-6], [300, 0.9, 0.02]] as const) {
      const t = run(m, delta, rankOne(k), rankOne(k)).meanTest.threshold;
      // S = Σ L_i over m geometric rows is NB(m, r), r = k/(1 + k): P(S = s) = C(s + m − 1, s)·(1 − r)^m·r^s. Upper tail from ⌈m·t⌉.
      const r = new D40(k).div(1 + k);
      const first = Math.ceil(m * t - 1e-9);
      let term = new D40(1).minus(r).pow(m).times(r.pow(first));
      for (let j = 1; j <= first; j += 1) term = term.times(j + m - 1).div(j); // C(first + m − 1, first)
      let tail = new D40(0);
      for (let s = first; s < first + 20000 && term.gt('1e-45'); s += 1) {
        tail = tail.plus(term);
        term = term.times(r).times(s + m).div(s + 1);
      }
      expect(tail.toNumber()).toBeLessThanOrEqual(delta / 2);
      expect(tail.toNumber()).toBeGreaterThan(delta / 2 / 100); // and not absurdly conservative (Chernoff loses a factor ~√m, no more)
    }
  });

  it('shape test: the exact false alarm, from the joint law of (total, non-empty rows) under the honest geometric law, is ≤ δ/2 (m = 200, k = ½)', () => {
    // P(S = s, K = j) = C(m, j)·C(s − 1, j − 1)·(1 − r)^m·r^s: j non-empty rows share s photons (compositions).
    const [m, k, delta] = [200, 0.5, 1e-4];
    const t = run(m, delta, rankOne(k), rankOne(k));
    const r = k / (1 + k);
    const lnBinomial = (n: number, j: number) => gammaln(n + 1) - gammaln(j + 1) - gammaln(n - j + 1);
    let shape = 0;
    let either = 0;
    for (let s = 1; s < 2000; s += 1) {
      for (let j = 1; j <= Math.min(m, s); j += 1) {
        const ln = lnBinomial(m, j) + lnBinomial(s - 1, j - 1) + m * Math.log1p(-r) + s * Math.log(r);
        if (ln < -90) continue; // e^−90 ≈ 8e-40 per term: far below what is measured
        const p = Math.exp(ln);
        const firesShape = (t.shapeTest.weight * s) / m - j / m <= t.shapeTest.threshold;
        if (firesShape) shape += p;
        if (firesShape || s / m >= t.meanTest.threshold) either += p;
      }
    }
    expect(shape).toBeLessThanOrEqual(delta / 2);
    expect(shape).toBeGreaterThan(delta / 2 / 10); // conservative by a modest factor only
    expect(either).toBeLessThanOrEqual(delta);
  });

  it('the formula\'s probability at the honest law is its false-alarm rate, with the shape test at exactly δ/2 and the Chernoff mean test below δ/2', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e12 }), logUniform(1e-12, 0.5), logUniform(1e-4, 1), fc.double({ min: 0.05, max: 1, noNaN: true }), (m, delta, k, eta) => {
      const law: RowPhotonLaw = { thermal: [{ photons: k, modes: 1 }, { photons: 1e-3, modes: 10 }] };
      const r = run(m, delta, law, law, { efficiency: eta, darkCountsPerRow: 1e-3 });
      expect(r.probability).toBe(r.falseAlarm);
      expect(Math.abs(r.shapeTest.probability - delta / 2)).toBeLessThan(4e-16 + 1e-12 * delta);
      expect(r.meanTest.probability).toBeLessThanOrEqual(delta / 2);
      expect(r.falseAlarm).toBeLessThanOrEqual(delta);
    }), { numRuns: 200 });
  });

  it('with no photons expected, any count fires, exactly: 1 − P(L = 0)^m', () => {
    const r = run(10, 0.01, { thermal: [] }, rankOne(0.1));
    expect(relativeError(r.probability, 1 - (1 / 1.1) ** 10)).toBeLessThan(1e-14);
    expect(r.falseAlarm).toBe(0);
    expect(run(10, 0.01, { thermal: [] }, { thermal: [] }).probability).toBe(0);
  });
});

describe('rowTotalTest: a seeded Monte Carlo of the whole test (proofs/row-total-test.md §9)', () => {
  // Each simulation draws every photon of every row, sums the rows and applies the two thresholds; standard error
  // √(p(1 − p)/trials) of the formula's p. 5 standard errors: a miss by chance has probability ~6e-7.
  const within = (observed: number, p: number, trials: number) => Math.abs(observed - p) <= 5 * Math.sqrt((p * (1 - p)) / trials) + 1e-12;

  it('false alarm at the honest law ≤ δ within statistical error (m = 400, δ = 0.05 and 0.2, 20 000 trials)', () => {
    for (const [delta, seed] of [[0.05, 11], [0.2, 12]] as const) {
      const s = simulate(400, delta, rankOne(0.5), rankOne(0.5), 20000, seed);
      expect(s.either).toBeLessThanOrEqual(delta + 3 * Math.sqrt((delta * (1 - delta)) / 20000));
      expect(s.mean).toBeLessThanOrEqual(delta / 2 + 3 * Math.sqrt(delta / 2 / 20000));
    }
  });

  it('detection of spread noise (4 equal modes, 500 rows, δ = 1e-3) agrees with the formula within 5 standard errors, per statistic and together', () => {
    const s = simulate(500, 1e-3, rankOne(0.5), spread(0.5, 4), 4000, 21);
    expect(s.formula.probability).toBeGreaterThan(0.2);
    expect(s.formula.probability).toBeLessThan(0.8);
    expect(within(s.either, s.formula.probability, 4000)).toBe(true);
    expect(within(s.shape, s.formula.shapeTest.probability, 4000)).toBe(true);
  });

  it('detection of more rank-one noise (k = 0.62 against 0.5, 1 500 rows, δ = 1e-3): the mean test, within 5 standard errors', () => {
    const s = simulate(1500, 1e-3, rankOne(0.5), rankOne(0.62), 4000, 31);
    expect(s.formula.meanTest.probability).toBeGreaterThan(0.2);
    expect(s.formula.meanTest.probability).toBeLessThan(0.9);
    expect(within(s.mean, s.formula.meanTest.probability, 4000)).toBe(true);
    expect(within(s.either, s.formula.probability, 4000)).toBe(true);
  });

  it('both statistics at work (a second thermal mode of 0.05 photons beside the honest one, and a coherent residual of 0.04; 1 000 rows, δ = 1e-2): the union within 5 standard errors', () => {
    const actual: RowPhotonLaw = { thermal: [{ photons: 0.5, modes: 1 }, { photons: 0.05, modes: 1 }], coherentPhotons: 0.04 };
    const s = simulate(1000, 1e-2, rankOne(0.5), actual, 4000, 41);
    expect(s.formula.meanTest.probability).toBeGreaterThan(0.2);
    expect(s.formula.shapeTest.probability).toBeGreaterThan(0.2);
    expect(within(s.mean, s.formula.meanTest.probability, 4000)).toBe(true);
    expect(within(s.shape, s.formula.shapeTest.probability, 4000)).toBe(true);
    expect(within(s.either, s.formula.probability, 4000)).toBe(true);
  });
});

describe('rowTotalTest: properties', () => {
  it('the detection probability is non-decreasing in m for an alternative with at least the honest mean and a spread shape, and equals the false-alarm rate at the honest law', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), logUniform(1e-3, 0.999), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 1000 }), logUniform(1e-10, 0.1),
      (m1, m2, k, extra, modes, delta) => {
        fc.pre(m1 < m2);
        const actual = spread(k * (1 + extra), modes);
        const p1 = run(m1, delta, rankOne(k), actual).probability;
        const p2 = run(m2, delta, rankOne(k), actual).probability;
        expect(p1).toBeLessThanOrEqual(p2 + 1e-12);
        const honest = run(m1, delta, rankOne(k), rankOne(k));
        expect(honest.probability).toBe(honest.falseAlarm);
      }), { numRuns: 300 });
  });

  it('probabilities stay in [0, 1] and finite over the whole input domain (photons from 1e-300, counts to 1e12, m to 1e12)', () => {
    const law = fc.record({
      thermal: fc.array(fc.record({ photons: fc.oneof(fc.constant(0), logUniform(1e-300, 1e6)), modes: fc.oneof(fc.constant(0), logUniform(1e-3, 1e9)) }), { maxLength: 3 }),
      coherentPhotons: fc.oneof(fc.constant(0), logUniform(1e-300, 1e12)),
    });
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e12 }), logUniform(1e-15, 0.999), law, law, fc.double({ min: 1e-6, max: 1, noNaN: true }), (m, delta, honest, actual, eta) => {
      const r = run(m, delta, honest, actual, { efficiency: eta });
      for (const p of [r.probability, r.falseAlarm, r.meanTest.probability, r.shapeTest.probability]) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });

  it('the bivariate normal orthant: Sheppard\'s P(X ≥ 0, Y ≥ 0) = 1/4 + arcsin(ρ)/(2π), the product at ρ = 0, and the limits ρ = ±1', () => {
    fc.assert(fc.property(fc.double({ min: -0.999999, max: 0.999999, noNaN: true }), (rho) => {
      expect(Math.abs(upperOrthant(0, 0, rho) - (0.25 + Math.asin(rho) / (2 * Math.PI)))).toBeLessThan(1e-12);
    }), { numRuns: 100 });
    // Φ̄(1) = 0.15865525393145707, Φ̄(−0.5) = 0.6914624612740131, Φ(1) = 0.8413447460685429, Φ(−0.5) = 0.3085375387259869 (scipy.stats.norm).
    expect(Math.abs(upperOrthant(1, -0.5, 0) - 0.15865525393145707 * 0.6914624612740131)).toBeLessThan(1e-15);
    expect(Math.abs(upperOrthant(1, -0.5, 1) - 0.15865525393145707)).toBeLessThan(1e-15);
    expect(Math.abs(upperOrthant(-0.5, -1, -1) - (0.8413447460685429 - 0.3085375387259869))).toBeLessThan(1e-15);
    // Continuity towards ρ → 1 from the integral branch.
    expect(Math.abs(upperOrthant(1, -0.5, 0.999999) - 0.15865525393145707)).toBeLessThan(1e-3);
  });
});

describe('rowTotalTest: input errors name the parameter, its range and the value', () => {
  it('rejects bad rows, δ, efficiency, dark counts and laws with InputRangeError / InputTypeError', () => {
    const ok = { rows: 10, delta: 0.01, honest: rankOne(0.5), actual: rankOne(0.5) };
    const cases: [unknown, RegExp, 'range' | 'type'][] = [
      [{ ...ok, rows: 0 }, /rows m must be an integer in \{1, 2, …\}; received 0/, 'range'],
      [{ ...ok, rows: 2.5 }, /rows m must be an integer .* received 2.5/, 'range'],
      [{ ...ok, rows: '10' }, /rows m must be an integer .* received "10"/, 'type'],
      [{ ...ok, delta: 1 }, /confidence parameter δ must be a number in \(0, 1\); received 1/, 'range'],
      [{ ...ok, efficiency: 0 }, /detector efficiency η must be a number in \(0, 1\]; received 0/, 'range'],
      [{ ...ok, darkCountsPerRow: -1 }, /dark counts per row must be a number in \[0, 1e12\]; received -1/, 'range'],
      [{ ...ok, honest: null }, /honest must be an object \{ thermal: .* received null/, 'type'],
      [{ ...ok, actual: { thermal: [{ photons: -1, modes: 1 }] } }, /actual\.thermal\[0\]\.photons \(photons per mode\) must be a number in \[0, 1e6\]; received -1/, 'range'],
      [{ ...ok, actual: { thermal: [{ photons: 1, modes: Number.NaN }] } }, /actual\.thermal\[0\]\.modes must be a number in \[0, 1e9\]; received NaN/, 'range'],
      [{ ...ok, actual: { thermal: [], coherentPhotons: 'x' } }, /actual\.coherentPhotons \(photons per row\) must be a number .* received "x"/, 'type'],
      [null, /row-total test input must be an object/, 'type'],
    ];
    for (const [input, message, kind] of cases) {
      let error: unknown;
      try {
        rowTotalTest(input as RowTotalTestInput);
      } catch (e) {
        error = e;
      }
      expect(isInputError(error), String(message)).toBe(true);
      expect(error).toBeInstanceOf(kind === 'range' ? RangeError : TypeError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
