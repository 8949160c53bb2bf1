import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryEntropy, decimalFromDouble } from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

/** h₂(q) from the double q's exact value, at 340 digits: ln(1 − q) for q down to 1e-300 needs 300 digits more than its 15. */
function reference(q: number): number {
  const D = Decimal.clone({ precision: 340 });
  const x = new D(decimalFromDouble(q).toString());
  const one = new D(1);
  const ln2 = new D(2).ln();
  return x.neg().times(x.ln()).minus(one.minus(x).times(one.minus(x).ln())).div(ln2).toNumber();
}

describe('binary entropy h₂(q)', () => {
  it('agrees with a 340-digit decimal.js evaluation to 1e-14 relative for q in [1e-300, 1 − 1e-12]', () => {
    fc.assert(
      fc.property(fc.oneof(logUniform(1e-300, 0.5), fc.double({ min: 0.5, max: 1 - 1e-12, noNaN: true })), (q) => {
        expect(relativeError(binaryEntropy(q), reference(q))).toBeLessThan(1e-14);
      }),
      { numRuns: 300 },
    );
  });
  it('h₂(0) = h₂(1) = 0, h₂(½) = 1, symmetric, NaN outside [0, 1]', () => {
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0.5)).toBe(1);
    expect(binaryEntropy(0.2)).toBeCloseTo(binaryEntropy(0.8), 15);
    expect(binaryEntropy(-0.1)).toBeNaN();
    expect(binaryEntropy(Number.NaN)).toBeNaN();
  });
});
