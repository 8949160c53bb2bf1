import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { cramerRaoDataLeak, dataLeak, decimalFromDouble, DATA_LEAK_MODELS, paper2024, paper2025, revisedDataLeak } from '../src/index.js';
import { logUniform } from './_helpers/arbitraries.js';
import { relativeError } from './_helpers/fixtures.js';

const gainArb = fc.oneof(fc.constant(1), logUniform(1e-9, 20).map((g) => 1 + g));

/** Independent 60-digit evaluation of ½·log2(1 + 2n·x²·I), I = 2k²x²/σ^p (docs/model.md#homodyne-models). */
function cramerRaoDecimal(gain: number, n: number, x: number, power: 4 | 8): number {
  const D = Decimal.clone({ precision: 60 });
  const g = decimalFromDouble(gain, 60);
  const k = new D(2).minus(new D(2).div(g));
  const x2 = decimalFromDouble(x, 60).pow(2);
  const s2 = k.times(x2).plus(1);
  const fisher = k.pow(2).times(x2).times(2).div(s2.pow(power / 2));
  return new D(1).plus(fisher.times(x2).times(n).times(2)).ln().div(new D(2).ln()).div(2).toNumber();
}

describe('published data-leakage models (docs/model.md#homodyne-models)', () => {
  it('the default model is corrected (σ⁴)', () => {
    expect(dataLeak({ gain: 1.7 })).toBe(cramerRaoDataLeak(1.7, 392, undefined, 'corrected'));
  });

  it('every model gives exactly 0 at G = 1 (no amplifier, no added noise)', () => {
    for (const model of DATA_LEAK_MODELS) expect(dataLeak({ gain: 1, model })).toBe(0);
  });

  it('Cramér–Rao, both variants, agree with 60-digit decimal.js to 1e-14 relative, down to 1e-30 bits', () => {
    fc.assert(
      fc.property(gainArb, logUniform(1, 1e5), fc.double({ min: 1e-6, max: 1, noNaN: true }), (gain, n, x) => {
        fc.pre(gain > 1);
        for (const [variant, power] of [['paper-2024', 8], ['corrected', 4]] as const) {
          expect(relativeError(cramerRaoDataLeak(gain, n, x, variant), cramerRaoDecimal(gain, n, x, power))).toBeLessThan(1e-14);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('corrected (σ⁴) ≥ paper-2024 (σ⁸) everywhere, since σ² = 1 + kx² ≥ 1', () => {
    fc.assert(
      fc.property(gainArb, logUniform(1, 1e5), fc.double({ min: -1, max: 1, noNaN: true }), (gain, n, x) =>
        cramerRaoDataLeak(gain, n, x, 'corrected') >= cramerRaoDataLeak(gain, n, x, 'paper-2024'),
      ),
    );
  });

  it('huge gains neither overflow nor give NaN: the models tend to their G → ∞ limits', () => {
    for (const model of DATA_LEAK_MODELS) {
      const v = dataLeak({ gain: 1e308, model });
      expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    // paper-2025 as G → ∞: ½·log2(1 + 4(M/n)/3); corrected: k → 2.
    expect(relativeError(dataLeak({ gain: 1e300, model: 'paper-2025' }), 0.5 * Math.log2(1 + (4 * (794 / 392)) / 3))).toBeLessThan(1e-15);
  });

  it('x defaults to 1/√n, the paper\'s typical normalised pixel', () => {
    expect(cramerRaoDataLeak(2, 392)).toBe(cramerRaoDataLeak(2, 392, 1 / Math.sqrt(392)));
  });

  it('revised 2025 formula: ½·log2(1 + 4(M/n)(G−1)²/(G(3G−2))) against closed values', () => {
    // G = 2, M/n = 2: ½·log2(1 + 4·2·1/(2·4)) = ½·log2 2 = ½ exactly.
    expect(relativeError(revisedDataLeak(2, 784, 392), 0.5)).toBeLessThan(1e-15);
    // Tiny G − 1: the argument is ≈ 4(M/n)(G−1)², log1p keeps it (1e-12 → ≈ 2(M/n)·1e-24/ln 2).
    // 1e-11: the first-order form ½·arg/ln 2 drops −arg/4 ≈ 1e-24 relative, and G − 1 = 1e-12 itself carries
    // the double's spacing near 1 (1.1e-16/1e-12 ≈ 1e-4 relative in the argument, the same on both sides).
    const g = 1 + 1e-12;
    const arg = (4 * 2 * (g - 1) ** 2) / (g * (3 * g - 2));
    expect(relativeError(revisedDataLeak(g, 784, 392), arg / 2 / Math.LN2)).toBeLessThan(1e-11);
    expect(revisedDataLeak(g, 784, 392)).toBeGreaterThan(0);
  });

  it('revised 2025 formula when M/n overflows a double (n = f·N with a subnormal f; found by a user: exit 70): finite, against 60-digit decimal.js', () => {
    // ½·log2(1 + 4(M/n)(G − 1)²/(G(3G − 2))) at 60 digits, inputs at their exact binary values.
    const D = Decimal.clone({ precision: 60 });
    const exact = (g: number, m: number, n: number) => {
      const G = decimalFromDouble(g, 60);
      const a = new D(4).times(decimalFromDouble(m, 60)).div(decimalFromDouble(n, 60)).times(G.minus(1).pow(2)).div(G.times(G.times(3).minus(2)));
      return a.plus(1).ln().div(new D(2).ln()).div(2).toNumber();
    };
    for (const [g, m, n] of [[2, 784, 5e-324], [2, 1e10, 1e-310], [1.3, 794, 392 * 5e-324], [1e6, 1e10, 1e-300], [1 + 1e-9, 784, 1e-320]] as const) {
      const v = revisedDataLeak(g, m, n);
      expect(Number.isFinite(v)).toBe(true);
      // 1e-13: the logarithms of M, n, k each carry one rounding of up to ~745 (ln of a subnormal), 745·2^−53 ≈ 8e-14.
      expect(relativeError(v, exact(g, m, n))).toBeLessThan(1e-13);
    }
    expect(dataLeak({ gain: 2, model: 'paper-2025', activeFraction: 5e-324 })).toBe(revisedDataLeak(2, 794, 784 * 5e-324));
  });

  it('dataLeak dispatches: n = f·N, paper-2025 defaults M = N + 10', () => {
    expect(dataLeak({ gain: 1.5, inputs: 784, activeFraction: 0.5, model: 'corrected' })).toBe(cramerRaoDataLeak(1.5, 392, undefined, 'corrected'));
    expect(dataLeak({ gain: 1.5, model: 'paper-2025' })).toBe(revisedDataLeak(1.5, 794, 392));
    expect(dataLeak({ gain: 1.5, model: 'paper-2025', rows: 784, activeFraction: 1 })).toBe(revisedDataLeak(1.5, 784, 784));
    expect(paper2024.dataLeak({ gain: 1.5 })).toBe(dataLeak({ gain: 1.5, model: 'paper-2024' }));
    expect(paper2025.dataLeak({ gain: 1.5 })).toBe(dataLeak({ gain: 1.5, model: 'paper-2025' }));
  });

  it.each([
    [{ gain: 0.5 }, /gain G must be a finite number in \[1, ∞\); received 0.5/],
    [{ gain: Number.NaN }, /gain G .* received NaN/],
    [{ gain: 2, model: 'magic' as never }, /data-leakage model must be one of paper-2024, corrected, paper-2025, qfi, counting, holevo-subadditive, holevo-symmetric; received "magic"/],
    [{ gain: 2, inputs: 0 }, /inputs N must be an integer in \{1, 2, …\}; received 0/],
    [{ gain: 2, activeFraction: 0 }, /active fraction f must be a number in \(0, 1\]; received 0/],
    [{ gain: 2, x: 2 }, /normalised data value x must be a number in \[-1, 1\]; received 2/],
    [{ gain: 2, model: 'paper-2025' as const, rows: -1 }, /rows M must be a finite number in \(0, ∞\); received -1/],
    [{ gain: 2, model: 'paper-2025' as const, x: 0.3 }, /x applies to the Cramér–Rao models \(paper-2024, corrected\) only; model is paper-2025, received x = 0.3/],
    [{ gain: 2, model: 'corrected' as const, rows: 10 }, /rows M applies to the paper-2025, qfi, counting, holevo-subadditive and holevo-symmetric models only; model is corrected, received rows = 10/],
    [{ gain: 2, inputs: 1 }, /normalised data value x \(default 1\/√n, so n ≥ 1\) must be a number in \[-1, 1\]; received 1.414/],
  ])('bad input %j throws a message naming the parameter, range and value', (input, message) => {
    expect(() => dataLeak(input)).toThrow(message);
  });
});
