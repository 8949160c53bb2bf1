import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import {
  decimalFromDouble,
  logspace,
  symplecticEntropy,
  symplecticEntropyDecimal,
  thermalEntropy,
  thermalEntropyDecimal,
  thermalEntropyDifference,
} from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';


describe('thermal entropy h(n) and g(ν)', () => {
  it('h(0) = 0 exactly and g(1) = 0 exactly (vacuum)', () => {
    expect(Object.is(thermalEntropy(0), 0)).toBe(true);
    expect(Object.is(symplecticEntropy(1), 0)).toBe(true);
    expect(thermalEntropyDecimal(0).isZero()).toBe(true);
  });

  it('closed forms: h(1) = 2, h(3) = 4·log2 4 − 3·log2 3, g(3) = h(1)', () => {
    // 4e-16 ≈ 2 ulp at these magnitudes: one rounding in each of log1p, the product and the division by ln 2.
    expect(relativeError(thermalEntropy(1), 2)).toBeLessThan(4e-16);
    expect(relativeError(thermalEntropy(3), 8 - 3 * Math.log2(3))).toBeLessThan(4e-16);
    expect(relativeError(symplecticEntropy(3), 2)).toBeLessThan(4e-16);
  });

  it('kernels are total: NaN and negative inputs give NaN, never a throw', () => {
    expect(thermalEntropy(Number.NaN)).toBeNaN();
    expect(thermalEntropy(-1e-300)).toBeNaN();
    expect(symplecticEntropy(0.999)).toBeNaN();
    expect(thermalEntropyDifference(-1, 1)).toBeNaN();
    expect(thermalEntropy(Infinity)).toBe(Infinity);
  });

  it('h(n) agrees with a 50-digit decimal.js evaluation to 1e-15 relative for every n in [1e-300, 1e12]', () => {
    // Both terms of log1p(n) + n·log1p(1/n) are ≥ 0: error is a few ulps (bound 1e-15 ≈ 4.5 ulps).
    fc.assert(
      fc.property(logUniform(1e-300, 1e12), (n) => {
        const exact = thermalEntropyDecimal(n, 50).toNumber();
        expect(relativeError(thermalEntropy(n), exact)).toBeLessThan(1e-15);
      }),
      { numRuns: 500 },
    );
  });

  it('h(n) ≈ n·log2(e/n) for tiny n: no cancellation, no underflow to 0 (n = 1e-300)', () => {
    const n = 1e-300;
    const exact = thermalEntropyDecimal(n, 50).toNumber();
    expect(thermalEntropy(n)).toBeGreaterThan(0);
    expect(relativeError(thermalEntropy(n), exact)).toBeLessThan(1e-15);
  });

  it('h(b + d) − h(b) by thermalEntropyDifference agrees with 60-digit decimal.js to 1e-14 relative, d from 1e-20·b to 1e6·b', () => {
    fc.assert(
      fc.property(logUniform(1e-12, 1e4), logUniform(1e-20, 1e6), (b, ratio) => {
        const d = b * ratio;
        const exact = thermalEntropyDecimal(decimalFromDouble(b, 80).plus(decimalFromDouble(d, 80)), 60).minus(thermalEntropyDecimal(b, 60)).toNumber();
        expect(relativeError(thermalEntropyDifference(b, d), exact)).toBeLessThan(1e-14);
      }),
      { numRuns: 400 },
    );
  });

  it('g(ν) twin: symplecticEntropyDecimal(1 + 2n) = thermalEntropyDecimal(n)', () => {
    for (const n of ['1e-30', '0.25', '7']) {
      const D = Decimal.clone({ precision: 50 });
      const a = symplecticEntropyDecimal(new D(n).times(2).plus(1), 50);
      const b = thermalEntropyDecimal(n, 50);
      expect(a.minus(b).abs().lte(b.times('1e-45'))).toBe(true);
    }
  });

  it('decimalFromDouble gives the exact binary value: 0.1 is 0.1000000000000000055511151231257827…', () => {
    expect(decimalFromDouble(0.1, 40).toString()).toBe('0.1000000000000000055511151231257827021182');
    expect(decimalFromDouble(-0.75).toString()).toBe('-0.75');
    expect(decimalFromDouble(2 ** -1074, 20).toExponential()).toBe('4.9406564584124654418e-324');
  });

  it('decimal twins reject precision outside [10, 600]', () => {
    expect(() => thermalEntropyDecimal(1, 5)).toThrow(/precision \(significant digits\) must be an integer in \{10, 11, …\}; received 5/);
    expect(() => thermalEntropyDecimal(1, 601)).toThrow(/precision \(significant digits\) must be an integer in \[10, 600\]; received 601/);
    expect(thermalEntropyDecimal(1e-300, 600).toNumber()).toBeGreaterThan(0); // its ~310 guard digits stay under the working limit
  });
});

describe('logspace (Matlab/Octave semantics)', () => {
  it('logspace(0, 2, 3) = [1, 10, 100]; endpoints exact; count 1 gives [10^b]', () => {
    expect(logspace(0, 2, 3)).toEqual([1, 10, 100]);
    expect(logspace(-4, 1, 512)[511]).toBe(10);
    expect(logspace(0, 3, 1)).toEqual([1000]);
    expect(logspace(0, 3, 0)).toEqual([]);
  });
});
