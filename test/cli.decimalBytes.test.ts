import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimalBytes } from '../src/cli/_internal/decimalBytes.js';

/** parseDecimalBytes on the whole of `text`: the value it stores, or NaN when it leaves the text to Number() (or stops before the end). */
function fast(text: string): number {
  const out = new Float64Array(1).fill(Number.NaN);
  const end = parseDecimalBytes(Buffer.from(text, 'latin1'), 0, text.length, out, 0);
  return end === text.length ? out[0] as number : Number.NaN;
}

/** The fast path's answer for `text`, checked against Number(): equal (the same double, sign included) or NaN (undecided). */
function agrees(text: string): boolean {
  const v = fast(text);
  return Number.isNaN(v) || Object.is(v, Number(text));
}

/** The decimal expansion of the halfway point between a positive double and the next one, exact (BigInt), as `digits`·10^exponent. */
function halfway(x: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (biased === 0 ? 0n : 1n << 52n);
  // x = mantissa·2^(e), the midpoint (2·mantissa + 1)·2^(e − 1).
  const e = (biased === 0 ? 1 : biased) - 1075 - 1;
  const m = 2n * mantissa + 1n;
  if (e >= 0) return { digits: (m << BigInt(e)).toString(), exponent: 0 };
  // m·2^e = m·5^−e·10^e.
  return { digits: (m * 5n ** BigInt(-e)).toString(), exponent: e };
}

describe('parseDecimalBytes: the double Number() reads, or NaN', () => {
  it('agrees with Number() on the shortest and the 17-digit text of any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      for (const text of [String(x), x.toPrecision(17), x.toExponential(), x.toExponential(16)]) expect(agrees(text), text).toBe(true);
    }), { numRuns: 20000 });
  });
  it('reads the bench\'s cells (16–17 digits, in [1e-8, 1e2]) itself: the fast path decides them', () => {
    fc.assert(fc.property(fc.double({ min: 1e-8, max: 1e2, noNaN: true }), (x) => {
      fc.pre(x > 0);
      const text = String(x);
      expect(Object.is(fast(text), Number(text)), text).toBe(true);
    }), { numRuns: 20000 });
  });
  it('agrees with Number() on digit strings of 1 to 19 digits with a point and an exponent anywhere', () => {
    fc.assert(fc.property(fc.stringMatching(/^[1-9][0-9]{0,18}$/), fc.nat(19), fc.integer({ min: -330, max: 330 }), fc.boolean(), (digits, point, exponent, negative) => {
      const p = Math.min(point, digits.length);
      const text = `${negative ? '-' : ''}${digits.slice(0, p)}.${digits.slice(p)}e${exponent}`;
      expect(agrees(text), text).toBe(true);
    }), { numRuns: 20000 });
  });
  it('never rounds the wrong way next to a halfway point between two doubles (cut to 17–19 digits, or one digit off)', () => {
    fc.assert(fc.property(fc.double({ min: 1e-280, max: 1e280, noNaN: true }), fc.integer({ min: 17, max: 19 }), fc.integer({ min: -1, max: 1 }), (x, keep, nudge) => {
      fc.pre(x > 0);
      const { digits, exponent } = halfway(x);
      const cut = BigInt(digits.slice(0, keep)) + BigInt(nudge);
      const text = `${cut}e${exponent + digits.length - keep}`;
      expect(agrees(text), text).toBe(true);
    }), { numRuns: 20000 });
  });
  it('leaves exact halfway points, zero, blanks, words and overlong digit strings to Number() (or stops before their end)', () => {
    for (const text of ['9007199254740993', '0', '-0', '0.000', ' 1', '1 ', 'NaN', 'Infinity', '', '-', '.', 'e5', '1e', '1e+', '0x10', '12345678901234567890', '1e-400', '1e400']) {
      expect(fast(text), text).toBeNaN();
    }
  });
  it('stops at the first byte that cannot continue the number and says where', () => {
    const b = Buffer.from('2.5,7\n-1e-3\r\n');
    const out = new Float64Array(2);
    expect(parseDecimalBytes(b, 0, b.length, out, 0)).toBe(3);
    expect(parseDecimalBytes(b, 6, b.length, out, 1)).toBe(11);
    expect([...out]).toEqual([2.5, -1e-3]);
  });
});
