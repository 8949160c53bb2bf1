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
    for (const x of [0, -0, 0.5, 2, 1e-9, 1e21, 1e16, 12345678901234567, -1.5e-308, 5e-324, Number.MAX_VALUE, Infinity, -Infinity, Number.NaN]) same(x);
    fc.assert(fc.property(fc.double(), (x) => same(x)), { numRuns: 20000 });
  });
});
