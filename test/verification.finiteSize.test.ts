// The server's finite-size test (docs/model.md#verification): detectionProbability and excessNoiseUpperBound, checked
// against closed forms (χ²₂ has the CDF 1 − e^(−x/2)), a decimal.js normal CDF (series of erf at
// 60 digits), and a seeded Monte Carlo simulation of the test itself (the regression the server
// runs, sample by sample).
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { decimalFromDouble, detectionProbability, excessNoiseUpperBound, normalSampler, type ChannelParameters } from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';

const U = 2 ** -53;
const channelArb = fc.record({ transmittance: fc.double({ min: 0.01, max: 1, noNaN: true }), excessNoise: fc.oneof(fc.constant(0), logUniform(1e-6, 1)) });
const run = (samples: number, delta: number, mu: number, honest: ChannelParameters, actual: ChannelParameters) => detectionProbability({ samples, delta, mu, honest, actual });

const D60 = Decimal.clone({ precision: 60 });

/** Φ(w) at 60 digits from the Maclaurin series of erf (all terms kept; |w| ≤ 9 needs < 400 of them). */
function normalCdfDecimal(w: Decimal.Value): Decimal {
  const x = new D60(w).div(new D60(2).sqrt());
  const x2 = x.times(x);
  let term = x; // (−1)^n·x^(2n+1)/n!
  let sum = new D60(0);
  for (let n = 0; n < 600; n += 1) {
    const t = term.div(2 * n + 1);
    sum = sum.plus(t);
    if (t.abs().lt('1e-70')) break;
    term = term.times(x2).neg().div(n + 1);
  }
  return sum.times(2).div(new D60(-1).acos().sqrt()).plus(1).div(2);
}

/** The z > 0 with Φ(−z) = α at 60 digits: Newton's method from z = 1 on Φ(−z) − α (decreasing, convex for z > 0), to 1e-55. */
function normalUpperQuantileDecimal(alpha: Decimal.Value): Decimal {
  const a = new D60(alpha);
  const density = (z: Decimal) => z.times(z).div(-2).exp().div(new D60(-1).acos().times(2).sqrt());
  let z = new D60(1);
  for (let i = 0; i < 200; i += 1) {
    const step = normalCdfDecimal(z.neg()).minus(a).div(density(z));
    z = z.plus(step);
    if (step.abs().lt('1e-55')) break;
  }
  return z;
}

/**
 * The level the code really tests at: stdlib's quantile takes 1 − α, which rounds α by up to
 * 2^−54 absolute, so the exact answer for the rounded level is what a reference must compare
 * with (backward stability; the difference from α itself is below 1.2e-16).
 */
const levelInUse = (alpha: number) => new D60(1).minus(decimalFromDouble(1 - alpha, 60));

describe('detectionProbability: thresholds at the honest channel', () => {
  it('an honest run fires each test with probability δ/2 (to 2^−52·(2 + √m) absolute) and aborts with 1 − (1 − δ/2)² ≤ δ', () => {
    // The χ² threshold carries a relative rounding of ~1e-16 and the density there is ~1/√(4π(m − 1)) per unit of
    // x/(m − 1), so the tail moves by ~0.3·u·√m; 2^−52·(2 + √m) is 8 times that (measured worst 0.22·u·√m at m = 1e9).
    // The loss test's statistic is then exactly −z, so only Φ∘Φ⁻¹ rounds: 4u.
    fc.assert(fc.property(fc.integer({ min: 2, max: 1e9 }), logUniform(1e-12, 0.99), logUniform(1e-3, 1e3), channelArb, (m, delta, mu, honest) => {
      const r = run(m, delta, mu, honest, honest);
      const tol = 4 * U * (2 + Math.sqrt(m));
      expect(Math.abs(r.excessNoiseTest.probability - delta / 2)).toBeLessThan(tol);
      expect(Math.abs(r.lossTest.probability - delta / 2)).toBeLessThan(4 * U);
      expect(r.probability).toBeLessThanOrEqual(delta + 2 * tol); // ≤ δ up to the same rounding
      expect(Math.abs(r.probability - (1 - (1 - delta / 2) ** 2))).toBeLessThan(2 * tol);
    }), { numRuns: 300 });
  });

  it('two degrees of freedom (m = 3): p_ε = (δ/2)^((1 + ε_h)/(1 + ε_a)), since χ²₂ has the CDF 1 − e^(−x/2)', () => {
    fc.assert(fc.property(logUniform(1e-10, 0.99), channelArb, channelArb, (delta, honest, actual) => {
      const r = run(3, delta, 1, honest, actual);
      const ratio = (1 + honest.excessNoise) / (1 + actual.excessNoise);
      const exact = (delta / 2) ** ratio;
      // 1 − δ/2 rounds δ/2 by up to u/2 absolute, which moves −ln(δ/2) by u/δ and p_ε by ratio·p_ε·u/δ; stdlib's
      // incomplete gamma and its inverse add ~1e-16 absolute (1e-15 is 9 ulps of 1).
      expect(Math.abs(r.excessNoiseTest.probability - exact)).toBeLessThan(1e-15 + (ratio * exact * U) / delta);
      const thr = (1 + honest.excessNoise) * -Math.log(delta / 2); // v_thr = (1 + ε_h)·(−2 ln(δ/2))/2
      expect(Math.abs(r.excessNoiseTest.threshold - thr)).toBeLessThan(((1 + honest.excessNoise) * U) / delta + 8 * U * thr);
    }), { numRuns: 200 });
  });

  it('a subnormal μ (found by the CLI fuzz: μ = 2e-323 gave NaN) leaves the loss test powerless: false-alarm rate δ/2, finite thresholds', () => {
    for (const mu of [5e-324, 2e-323, 1e-310]) {
      for (const actual of [{ transmittance: 1, excessNoise: 0 }, { transmittance: 0.5, excessNoise: 0.1 }]) {
        const r = run(1e6, 1e-6, mu, { transmittance: 1, excessNoise: 0 }, actual);
        // √info ≤ √(2·1e6·1e-310) = 1.4e-152, so the statistic is −z·√(1/(1 + ε_a)) to far below an ulp.
        const expected = normalCdfDecimal(normalUpperQuantileDecimal(levelInUse(1e-6).div(2)).neg().times(new D60(1).div(new D60(1 + actual.excessNoise)).sqrt())).toNumber();
        expect(Number.isFinite(r.probability)).toBe(true);
        expect(Math.abs(r.lossTest.probability - expected)).toBeLessThan(64 * U);
      }
    }
  });

  it('the loss test is Φ((√T_h − √T_a − z·σ_h)/σ_a), Φ(−z) = δ/2: against 60-digit decimal.js (erf series, Newton for z)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 1e7 }), logUniform(1e-9, 0.5), logUniform(1e-2, 100), channelArb, channelArb, (m, delta, mu, honest, actual) => {
      const r = run(m, delta, mu, honest, actual);
      const info = new D60(m).times(2).times(decimalFromDouble(mu, 60));
      const sigma = (e: number) => decimalFromDouble(e, 60).plus(1).div(info).sqrt();
      const z = normalUpperQuantileDecimal(levelInUse(delta).div(2));
      const w = decimalFromDouble(honest.transmittance, 60).sqrt().minus(decimalFromDouble(actual.transmittance, 60).sqrt())
        .minus(z.times(sigma(honest.excessNoise))).div(sigma(actual.excessNoise));
      fc.pre(w.abs().lt(9)); // beyond, both are 0 or 1 to double precision
      // Φ via χ²₁ is good to ~2u absolute; the statistic to a few ulps of |√T_h − √T_a| + z·σ_h, which φ(w) turns
      // into at most ~8u·z·√((1 + ε_h)/(1 + ε_a))·φ(0) ≤ 32u (z ≤ 6.1 for δ ≥ 1e-9, ε ≤ 1): 64u.
      expect(Math.abs(r.lossTest.probability - normalCdfDecimal(w).toNumber())).toBeLessThan(64 * U);
    }), { numRuns: 30 }); // each run costs ~0.15 s of 60-digit series
  });
});

describe('detectionProbability: monotone where it should be, and where it is not', () => {
  it('p_ε is non-decreasing in the attack\'s ε; p_T and the combined probability are non-decreasing in its loss', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 1e8 }), logUniform(1e-10, 0.5), logUniform(1e-2, 100), channelArb, channelArb, logUniform(1e-9, 1), fc.double({ min: 0, max: 1, noNaN: true }), (m, delta, mu, honest, actual, dEps, keep) => {
      const base = run(m, delta, mu, honest, actual);
      const noisier = run(m, delta, mu, honest, { ...actual, excessNoise: actual.excessNoise + dEps });
      const lossier = run(m, delta, mu, honest, { ...actual, transmittance: actual.transmittance * keep });
      expect(noisier.excessNoiseTest.probability).toBeGreaterThanOrEqual(base.excessNoiseTest.probability);
      expect(lossier.lossTest.probability).toBeGreaterThanOrEqual(base.lossTest.probability);
      expect(lossier.probability).toBeGreaterThanOrEqual(base.probability);
      // While the loss test passes more often than not (√T_a ≥ τ), more noise also raises p_T, hence the total.
      if (Math.sqrt(actual.transmittance) >= base.lossTest.threshold) expect(noisier.probability).toBeGreaterThanOrEqual(base.probability);
    }), { numRuns: 400 });
  });

  it('but not in ε once the loss test fires more often than not: more noise blurs a low t̂ (a counterexample)', () => {
    // m = 3, μ = 1000: a weak noise test (two degrees of freedom) and a sharp loss test (σ_h ≈ 0.013, τ ≈ 0.979 > √0.9).
    const honest = { transmittance: 1, excessNoise: 0 };
    const a = run(3, 0.1, 1000, honest, { transmittance: 0.9, excessNoise: 0 });
    const b = run(3, 0.1, 1000, honest, { transmittance: 0.9, excessNoise: 0.5 });
    expect(Math.sqrt(0.9)).toBeLessThan(a.lossTest.threshold);
    expect(b.lossTest.probability).toBeLessThan(a.lossTest.probability);
    expect(b.probability).toBeLessThan(a.probability);
  });

  it('for any fixed extra noise the probability grows to 1 with m', () => {
    fc.assert(fc.property(logUniform(1e-4, 1), logUniform(1e-10, 0.1), channelArb, (extra, delta, honest) => {
      const p = [1e2, 1e4, 1e6, 1e8, 1e10, 1e12].map((m) => run(m, delta, 1, honest, { ...honest, excessNoise: honest.excessNoise + extra }).probability);
      // Non-decreasing up to the rounding of p_ε + p_T·(1 − p_ε) (an ulp of 1).
      for (let i = 1; i < p.length; i += 1) expect(p[i]).toBeGreaterThanOrEqual((p[i - 1] as number) - 2 * U);
      // m = 1e12: the noise statistic's spread √(2/m)(1 + ε) ≤ 3e-6 puts an extra 1e-4 beyond 30 standard deviations.
      expect(p[p.length - 1]).toBe(1);
    }), { numRuns: 100 });
  });
});

/**
 * The test itself, sample by sample: amplitudes a ~ N(0, 2μ), y = √T·a + z, z ~ N(0, 1 + ε);
 * the server fits t̂ = Σya/Σa², takes v̂ = Σ(y − t̂a)²/(m − 1), and aborts on v̂ > v_thr or t̂ < τ.
 */
function simulate(trials: number, m: number, mu: number, actual: ChannelParameters, noiseThreshold: number, lossThreshold: number, seed: number) {
  const next = normalSampler(seed);
  const sa = Math.sqrt(2 * mu);
  const sz = Math.sqrt(1 + actual.excessNoise);
  const rt = Math.sqrt(actual.transmittance);
  const a = new Float64Array(m);
  const y = new Float64Array(m);
  let noise = 0;
  let loss = 0;
  let any = 0;
  for (let t = 0; t < trials; t += 1) {
    let saa = 0;
    let say = 0;
    for (let i = 0; i < m; i += 1) {
      const ai = sa * next();
      const yi = rt * ai + sz * next();
      a[i] = ai;
      y[i] = yi;
      saa += ai * ai;
      say += ai * yi;
    }
    const that = say / saa;
    let rss = 0;
    for (let i = 0; i < m; i += 1) {
      const r = (y[i] as number) - that * (a[i] as number);
      rss += r * r;
    }
    const n = rss / (m - 1) > noiseThreshold;
    const l = that < lossThreshold;
    noise += n ? 1 : 0;
    loss += l ? 1 : 0;
    any += n || l ? 1 : 0;
  }
  return { noise: noise / trials, loss: loss / trials, any: any / trials };
}

describe('detectionProbability against a seeded Monte Carlo simulation of the test (20 000 trials, m = 200)', () => {
  const trials = 20000;
  const m = 200;
  const mu = 2;
  const delta = 0.1;
  const honest = { transmittance: 0.8, excessNoise: 0.02 };
  // Within 5 standard errors √(p(1 − p)/trials) (false failure ~6e-7 per comparison). The loss test's
  // Σa² ≈ m·2μ adds a bias of order p·(1/m) ≈ 1e-3 at most, below one standard error (≥ 1.5e-3 here).
  it.each([
    ['honest', honest, 1],
    ['extra excess noise 0.1', { transmittance: 0.8, excessNoise: 0.12 }, 2],
    ['extra loss 10 %', { transmittance: 0.72, excessNoise: 0.02 }, 3],
    ['both, small', { transmittance: 0.77, excessNoise: 0.05 }, 4],
  ] as const)('%s: each test and the combined abort rate within 5 standard errors', (_name, actual, seed) => {
    const r = run(m, delta, mu, honest, actual);
    const sim = simulate(trials, m, mu, actual, r.excessNoiseTest.threshold, r.lossTest.threshold, seed);
    for (const [p, f] of [[r.excessNoiseTest.probability, sim.noise], [r.lossTest.probability, sim.loss], [r.probability, sim.any]] as const) {
      const se = Math.sqrt((p * (1 - p)) / trials);
      expect(Math.abs(f - p)).toBeLessThan(5 * Math.max(se, 1 / trials));
    }
  });
});

describe('excessNoiseUpperBound: the one-sided χ² limit at confidence 1 − δ', () => {
  it('two degrees of freedom: ε_up = v̂/(−ln(1 − δ)) − 1', () => {
    fc.assert(fc.property(logUniform(1e-12, 0.99), logUniform(1e-3, 1e3), (delta, v) => {
      // The lower quantile is taken at δ itself (no 1 − δ rounding), but stdlib's inverse incomplete gamma is only
      // good to 490 ulps (5.4e-14 relative; measured at 2 degrees of freedom over 200 000 δ log-uniform in
      // [1e-12, 0.99] against −2·log1p(−δ)); the quotient v̂/x is rounded before 1 is subtracted: 1e-13 of v̂/x.
      const q = v / -Math.log1p(-delta);
      expect(Math.abs(excessNoiseUpperBound(3, delta, v) - (q - 1))).toBeLessThan(1e-13 * q + U);
    }), { numRuns: 200 });
  });

  it('covers the true ε with probability 1 − δ: seeded Monte Carlo, 20 000 trials at m = 200, within 5 standard errors', () => {
    const trials = 20000;
    const m = 200;
    const delta = 0.1;
    const eps = 0.05;
    const next = normalSampler(7);
    let covered = 0;
    for (let t = 0; t < trials; t += 1) {
      // Residuals of the fitted model: m − 1 independent N(0, 1 + ε) values (Cochran), so v̂ = Σr²/(m − 1).
      let s = 0;
      for (let i = 0; i < m - 1; i += 1) {
        const r = Math.sqrt(1 + eps) * next();
        s += r * r;
      }
      if (eps <= excessNoiseUpperBound(m, delta, s / (m - 1))) covered += 1;
    }
    const se = Math.sqrt((delta * (1 - delta)) / trials);
    expect(Math.abs(covered / trials - (1 - delta))).toBeLessThan(5 * se);
  });

  it('grows with v̂ and with the confidence, shrinks with m toward v̂ − 1; not clamped at 0', () => {
    expect(excessNoiseUpperBound(1e4, 0.01, 1.02)).toBeGreaterThan(excessNoiseUpperBound(1e4, 0.01, 1.01));
    expect(excessNoiseUpperBound(1e4, 1e-6, 1.01)).toBeGreaterThan(excessNoiseUpperBound(1e4, 0.01, 1.01));
    expect(excessNoiseUpperBound(1e4, 0.01, 1.01)).toBeGreaterThan(excessNoiseUpperBound(1e8, 0.01, 1.01));
    expect(excessNoiseUpperBound(1e12, 0.01, 1.01)).toBeCloseTo(0.01, 4); // z·√(2/m)·1.01 ≈ 3.3e-6 above
    expect(excessNoiseUpperBound(1e6, 0.5, 0.9)).toBeLessThan(0); // below shot noise: reported, not hidden
  });
});

describe('validation: RangeError / TypeError naming the parameter, range and value', () => {
  const ok = { samples: 100, delta: 0.01, mu: 1, honest: { transmittance: 1, excessNoise: 0 }, actual: { transmittance: 1, excessNoise: 0 } };
  it.each([
    [{ ...ok, samples: 1 }, RangeError, /samples m must be an integer in \{2, 3, …\}; received 1/],
    [{ ...ok, samples: 10.5 }, RangeError, /samples m must be an integer in \{2, 3, …\}; received 10.5/],
    [{ ...ok, delta: 0 }, RangeError, /confidence parameter δ must be a number in \(0, 1\); received 0/],
    [{ ...ok, delta: 1 }, RangeError, /confidence parameter δ must be a number in \(0, 1\); received 1/],
    [{ ...ok, delta: '0.1' }, TypeError, /confidence parameter δ must be a number in \(0, 1\); received "0.1"/],
    [{ ...ok, mu: 0 }, RangeError, /mean photon number μ must be a finite number in \(0, ∞\); received 0/],
    [{ ...ok, honest: { transmittance: 0, excessNoise: 0 } }, RangeError, /honest transmittance T must be a number in \(0, 1\]; received 0/],
    [{ ...ok, actual: { transmittance: 1.1, excessNoise: 0 } }, RangeError, /actual transmittance T must be a number in \[0, 1\]; received 1.1/],
    [{ ...ok, actual: { transmittance: 1, excessNoise: -0.1 } }, RangeError, /actual excess noise ε \(SNU\) must be a finite number in \[0, ∞\); received -0.1/],
    [{ ...ok, honest: null }, TypeError, /honest must be an object \{ transmittance, excessNoise \}; received null/],
  ])('%j', (input, kind, message) => {
    expect(() => detectionProbability(input as never)).toThrow(kind);
    expect(() => detectionProbability(input as never)).toThrow(message);
  });

  it('excessNoiseUpperBound checks m, δ and v̂', () => {
    expect(() => excessNoiseUpperBound(1, 0.1, 1)).toThrow(/samples m must be an integer in \{2, 3, …\}; received 1/);
    expect(() => excessNoiseUpperBound(10, 1.5, 1)).toThrow(/confidence parameter δ must be a number in \(0, 1\); received 1.5/);
    expect(() => excessNoiseUpperBound(10, 0.1, 0)).toThrow(/observed variance v̂ \(SNU\) must be a finite number in \(0, ∞\); received 0/);
  });

  it('an actual transmittance of 0 (all light taken) is allowed and always detected at m·μ large', () => {
    expect(run(1e4, 1e-6, 1, ok.honest, { transmittance: 0, excessNoise: 0 }).lossTest.probability).toBe(1);
  });
});
