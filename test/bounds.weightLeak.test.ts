import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  holevoWeightLeak,
  holevoWeightLeakDecimal,
  holevoWeightLeakTextbook,
  paper2025,
  thermalEntropy,
} from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

// The accuracy domain: μ ∈ [1e-8, 1e4], L ∈ {0} ∪ [1e-12, 1), ε ∈ {0} ∪ [1e-15, 10].
const muArb = logUniform(1e-8, 1e4);
const lossArb = fc.oneof(
  fc.constant(0),
  logUniform(1e-12, 1 - 2 ** -53),
  logUniform(1e-12, 1).map((m) => 1 - m), // L near 1 (T near 0)
);
const epsArb = fc.oneof(fc.constant(0), logUniform(1e-15, 10));

describe('holevoWeightLeak: closed forms', () => {
  it('holevoWeightLeak(μ, 1, 0) = 0 exactly for every μ', () => {
    fc.assert(fc.property(muArb, (mu) => Object.is(holevoWeightLeak({ mu }), 0) && Object.is(holevoWeightLeak({ mu, transmittance: 1, excessNoise: 0 }), 0)));
  });

  it('pure loss: χ_W(μ, T, 0) = h((1 − T)·μ) to 1e-13 relative (the client keeps the lost light)', () => {
    // Both sides are a few roundings from exact (h(n) alone ≤ 1e-15); 1e-13 leaves room for the
    // product μ·L and the eigenvalue formulas, and is still 10⁹ times tighter than Leak.m's error.
    fc.assert(
      fc.property(muArb, lossArb, (mu, loss) => {
        fc.pre(loss > 0);
        expect(relativeError(holevoWeightLeak({ mu, loss }), thermalEntropy(loss * mu))).toBeLessThan(1e-13);
      }),
    );
  });

  it('no light, nothing to learn: χ_W(0, T, ε) = 0 for every T and ε', () => {
    fc.assert(fc.property(lossArb, epsArb, (loss, excessNoise) => holevoWeightLeak({ mu: 0, loss, excessNoise }) === 0));
  });

  it('small ε at T = 1: χ_W = εμ·log2(2e/ε) − (ε/2)[(1+μ)log2(1+μ) + μ·log2 μ] up to relative 2ε(1 + μ)', () => {
    // proofs/weight-leakage.md: the relative gap is (ε(1 + μ)/2)·R with 0 < R < 1 (R → 1 slowly as
    // ε → 0), so 2ε(1 + μ) bounds it with margin; 1e-13 covers float64 rounding of both sides.
    fc.assert(
      fc.property(logUniform(1e-3, 1e2), logUniform(1e-12, 1e-6), (mu, eps) => {
        const asym = eps * mu * Math.log2((2 * Math.E) / eps) - (eps / 2) * ((1 + mu) * Math.log2(1 + mu) + mu * Math.log2(mu));
        expect(relativeError(holevoWeightLeak({ mu, excessNoise: eps }), asym)).toBeLessThan(2 * eps * (1 + mu) + 1e-13);
      }),
    );
  });
});

describe('holevoWeightLeak: properties (docs/model.md#verification)', () => {
  it('0 ≤ χ_W ≤ h(μ) over the whole domain', () => {
    fc.assert(
      fc.property(muArb, lossArb, epsArb, (mu, loss, excessNoise) => {
        const chi = holevoWeightLeak({ mu, loss, excessNoise });
        expect(chi).toBeGreaterThanOrEqual(0);
        expect(chi).toBeLessThanOrEqual(thermalEntropy(mu) * (1 + 1e-14));
      }),
      { numRuns: 1000 },
    );
  });

  // Monotonicity: compare two points ordered in one variable; 1e-14 relative slack for rounding.
  const SLACK = 1 - 1e-14;
  it('non-decreasing in ε', () => {
    fc.assert(
      fc.property(muArb, lossArb, epsArb, epsArb, (mu, loss, e1, e2) => {
        const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
        expect(holevoWeightLeak({ mu, loss, excessNoise: hi })).toBeGreaterThanOrEqual(holevoWeightLeak({ mu, loss, excessNoise: lo }) * SLACK);
      }),
      { numRuns: 1000 },
    );
  });
  it('non-decreasing in μ', () => {
    fc.assert(
      fc.property(muArb, muArb, lossArb, epsArb, (m1, m2, loss, excessNoise) => {
        const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(holevoWeightLeak({ mu: hi, loss, excessNoise })).toBeGreaterThanOrEqual(holevoWeightLeak({ mu: lo, loss, excessNoise }) * SLACK);
      }),
      { numRuns: 1000 },
    );
  });
  it('non-decreasing in the loss L', () => {
    fc.assert(
      fc.property(muArb, lossArb, lossArb, epsArb, (mu, l1, l2, excessNoise) => {
        const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
        expect(holevoWeightLeak({ mu, loss: hi, excessNoise })).toBeGreaterThanOrEqual(holevoWeightLeak({ mu, loss: lo, excessNoise }) * SLACK);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('holevoWeightLeak: accuracy against decimal.js at 50 digits', () => {
  /** χ_W at (μ, L, ε) within 1e-12 relative of the 50-digit reference, and exactly 0 where that is 0. */
  const matchesReference = (mu: number, loss: number, excessNoise: number): void => {
    const exact = holevoWeightLeakDecimal(mu, loss, excessNoise, 50).toNumber();
    const got = holevoWeightLeak({ mu, loss, excessNoise });
    if (exact === 0) expect(got).toBe(0);
    else expect(relativeError(got, exact)).toBeLessThan(1e-12);
  };

  it('relative error ≤ 1e-12 over μ ∈ [1e-8, 1e4], L ∈ {0} ∪ [1e-12, 1), ε ∈ {0} ∪ [1e-15, 10]; zero where the exact value is zero', () => {
    fc.assert(fc.property(muArb, lossArb, epsArb, matchesReference), { numRuns: 1500 });
  });

  it('relative error ≤ 1e-12 over the whole accepted domain μ ∈ [1e-8, 1e12], L ∈ {0} ∪ [1e-300, 1), ε ∈ {0} ∪ [1e-300, 1e6]', () => {
    // The reference adds guard digits for the cancellations of the textbook form (up to ~330 for
    // 1e-300 inputs), so each point costs ~0.1 s: fewer runs than above.
    const wideLoss = fc.oneof(fc.constant(0), logUniform(1e-300, 1 - 2 ** -53), logUniform(1e-16, 1).map((m) => 1 - m));
    const wideEps = fc.oneof(fc.constant(0), logUniform(1e-300, 1e6));
    fc.assert(
      fc.property(logUniform(1e-8, 1e12), wideLoss, wideEps, (mu, loss, excessNoise) => {
        fc.pre(loss < 1);
        matchesReference(mu, loss, excessNoise);
      }),
      { numRuns: 80 },
    );
  });

  it('subnormal ε or L give finite, non-negative values no larger than h(μ) (never Infinity or NaN)', () => {
    for (const excessNoise of [5e-324, 1e-310, 2.2e-308]) {
      for (const loss of [0, 5e-324, 1e-310, 0.5]) {
        const chi = holevoWeightLeak({ mu: 4, loss, excessNoise });
        expect(Number.isFinite(chi) && chi >= 0 && chi <= thermalEntropy(4)).toBe(true);
      }
    }
    // With L = 0.5 the ε-dependence is far below double precision: exactly the pure-loss value.
    expect(holevoWeightLeak({ mu: 4, loss: 0.5, excessNoise: 1e-310 })).toBe(holevoWeightLeak({ mu: 4, loss: 0.5 }));
  });

  it('the same holds on the corners of the domain (every combination of the extreme values)', () => {
    const mus = [1e-8, 1e-4, 1, 1e4];
    const losses = [0, 1e-12, 1e-6, 0.5, 1 - 1e-12, 1 - 2 ** -53];
    const epss = [0, 1e-15, 1e-9, 1e-3, 10];
    let worst = 0;
    for (const mu of mus) for (const loss of losses) for (const excessNoise of epss) {
      const exact = holevoWeightLeakDecimal(mu, loss, excessNoise, 50).toNumber();
      const got = holevoWeightLeak({ mu, loss, excessNoise });
      if (exact === 0) expect(got).toBe(0);
      else worst = Math.max(worst, relativeError(got, exact));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('near-vacuum points keep full accuracy where the textbook float64 form does not (ε = 1e-12: textbook off by > 1e-4)', () => {
    const exact = holevoWeightLeakDecimal(4, 0, 1e-12, 50).toNumber();
    expect(relativeError(holevoWeightLeak({ mu: 4, excessNoise: 1e-12 }), exact)).toBeLessThan(1e-14);
    expect(relativeError(holevoWeightLeakTextbook(9, 1, 1e-12), exact)).toBeGreaterThan(1e-4);
  });

  it('T = 1 − 1e-13 given as a loss is not rounded away: χ_W(μ=1, L=1e-13, 0) = h(1e-13)', () => {
    expect(relativeError(holevoWeightLeak({ mu: 1, loss: 1e-13 }), thermalEntropy(1e-13))).toBeLessThan(1e-14);
  });
});

describe('holevoWeightLeak: input conventions and validation', () => {
  it('V = 2μ + 1 and μ give the same value; ξ = ε/T gives ε = ξ·T', () => {
    expect(holevoWeightLeak({ modulationVariance: 9, transmittance: 0.8, excessNoise: 0.01 })).toBe(holevoWeightLeak({ mu: 4, transmittance: 0.8, excessNoise: 0.01 }));
    expect(holevoWeightLeak({ mu: 4, transmittance: 0.8, inputExcessNoise: 0.0125 })).toBeCloseTo(holevoWeightLeak({ mu: 4, transmittance: 0.8, excessNoise: 0.01 }), 15);
  });

  it('loss in dB: 10·log10(2) dB is T = 1/2, so χ_W(μ, 3.0103 dB, 0) = h(μ/2)', () => {
    const db = 10 * Math.log10(2);
    expect(relativeError(holevoWeightLeak({ mu: 4, lossDb: db }), thermalEntropy(2))).toBeLessThan(1e-14);
  });

  it.each([
    [{ mu: Number.NaN }, /mean photon number mu must be a number in \[0, 1e12\]; received NaN/],
    [{ mu: -1 }, /mean photon number mu .* received -1/],
    [{ mu: 1, transmittance: 0 }, /transmittance T must be a number in \(0, 1\]; received 0/],
    [{ mu: 1, transmittance: 1.5 }, /transmittance T .* received 1.5/],
    [{ mu: 1, loss: 1 }, /loss L = 1 − T must be a number in \[0, 1\); received 1/],
    [{ mu: 1, lossDb: -3 }, /loss in dB must be a number in \[0, 150\]; received -3/],
    [{ mu: 1, lossDb: 400 }, /loss in dB must be a number in \[0, 150\]; received 400/],
    [{ mu: 1, excessNoise: -0.1 }, /excess noise epsilon .* received -0.1/],
    [{ mu: 1, transmittance: 0.5, loss: 0.5 }, /at most one of transmittance, loss, lossDb/],
    [{ mu: 1, modulationVariance: 3 }, /mu or modulationVariance, not both/],
    [{ modulationVariance: 0.5 }, /modulation variance V must be a number in \[1, 2e12\]; received 0.5/],
    [{ mu: 2e12 }, /mean photon number mu must be a number in \[0, 1e12\]; received 2000000000000/],
    [{ mu: 1, excessNoise: 1e7 }, /excess noise epsilon \(SNU, output-referred\) must be a number in \[0, 1e6\]; received 10000000/],
    [{ mu: 1, transmittance: 1e-17 }, /transmittance T must be at least 2\^−53/],
    [{}, /mean photon number mu \(or modulationVariance\) is required/],
  ])('bad input %j throws a message naming the parameter, range and value', (input, message) => {
    expect(() => holevoWeightLeak(input)).toThrow(message);
  });

  it('out-of-domain values throw RangeError, wrong types TypeError', () => {
    expect(() => holevoWeightLeak({ mu: -1 })).toThrow(RangeError);
    expect(() => holevoWeightLeak({ mu: '4' as unknown as number })).toThrow(TypeError);
  });
});

describe('paper-2025 preset: weight figure', () => {
  it('reports exactly half of χ_W (its `half-weight` slip) at every point', () => {
    fc.assert(fc.property(muArb, lossArb, epsArb, (mu, loss, excessNoise) => paper2025.weightLeak({ mu, loss, excessNoise }) === 0.5 * holevoWeightLeak({ mu, loss, excessNoise })));
    expect(paper2025.slips.map((s) => s.id)).toContain('half-weight');
  });
});
