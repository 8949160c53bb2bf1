import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRoundTrip, writeRoundTrip } from '../src/cli/_internal/formatRoundTrip.js';

describe('batch number output (formatRoundTrip)', () => {
  it('reads back to the same double for every finite double, −0 included', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(formatRoundTrip(x)), x)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
  it('has no trailing zeros in the mantissa, as %.17g', () => {
    expect(formatRoundTrip(0.5)).toBe('0.5');
    expect(formatRoundTrip(2)).toBe('2');
    expect(formatRoundTrip(0)).toBe('0');
    expect(formatRoundTrip(1e-9)).toBe('1.0000000000000001e-9');
    expect(formatRoundTrip(1e21)).toBe('1e+21');
    expect(formatRoundTrip(Number.NaN)).toBe('NaN');
  });
  it('writeRoundTrip writes the bytes of formatRoundTrip for every double, −0, ±∞ and NaN included', () => {
    const buf = Buffer.alloc(32);
    const same = (x: number) => {
      const end = writeRoundTrip(x, buf, 3);
      expect(buf.toString('latin1', 3, end)).toBe(formatRoundTrip(x));
    };
    for (const x of [0, -0, 0.5, 2, 1e-9, 1e21, 1e16, 12345678901234567, 99999999999999999, 1e17 - 16, -1.5e-308, 5e-324, 1e-283, Number.MAX_VALUE, Infinity, -Infinity, Number.NaN]) same(x);
    // Around every power of ten (where the exponent estimate is off by one), and where the written form changes (e = −7, −6, 16, 17).
    for (let k = -300; k <= 308; k += 1) {
      const p = Number(`1e${k}`);
      for (const x of [p, p * (1 + 2 ** -52), p * (1 - 2 ** -53), p * 9.999999999999999, p / 3, -p]) same(x);
    }
    fc.assert(fc.property(fc.double(), (x) => same(x)), { numRuns: 50000 });
    fc.assert(fc.property(fc.double({ min: 1e-10, max: 1e3, noNaN: true }), (x) => same(x)), { numRuns: 50000 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 53 }), fc.integer({ min: -30, max: 30 }), (m, k) => same(m * 10 ** k)), { numRuns: 20000 });
  });
});
