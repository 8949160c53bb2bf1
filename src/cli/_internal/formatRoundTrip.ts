import { MAX_SCALE, MIN_SCALE, POWER_HIGH, POWER_LOW, twoProductError } from './powersOfTen.js';

/**
 * A double as text that reads back to the same double: 17 significant digits, trailing
 * zeros of the mantissa removed (as C's %.17g). Three times faster than String(x),
 * whose shortest-digits search dominated batch output (bench/). Not always the
 * shortest form: 0.1 prints as 0.10000000000000001, as NumPy's savetxt('%.17g') does.
 * @internal
 * @example formatRoundTrip(0.5) // returns '0.5'
 * @example formatRoundTrip(1e-9) // returns '1.0000000000000001e-9'
 */
export function formatRoundTrip(x: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (!Number.isFinite(x)) return String(x);
  const s = x.toPrecision(17);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  if (mantissa.indexOf('.') < 0) return s;
  let k = mantissa.length;
  while (mantissa.charCodeAt(k - 1) === 0x30) k -= 1; // '0'
  if (mantissa.charCodeAt(k - 1) === 0x2e) k -= 1; // '.'
  return e < 0 ? mantissa.slice(0, k) : mantissa.slice(0, k) + s.slice(e);
}

/**
 * {@link formatRoundTrip}(x) written as ASCII bytes into `out` at `o`, without making a
 * string; returns the offset after it. `out` must have 24 bytes free at `o`. Formatting
 * was the largest cost of batch output after parsing (bench/run.mjs).
 *
 * The 17 digits are n = round(|x|·10^(16−e)) with 10^16 ≤ n < 10^17: |x|·10^(16−e) is
 * formed as a double-double (within about 2^−104 relative, so within 1e-13 of the true
 * product); it is rounded to the nearest integer unless its fraction is within 1e-9 of
 * one half, where the exact tie rule of toPrecision (ties away from zero) needs exact
 * arithmetic and toPrecision itself is asked. So are 0, ±∞, NaN, |x| below 1e-283 (the
 * powers of ten held) and above 1e300. Tested against formatRoundTrip (test/cli.format.test.ts).
 * @internal
 * @example writeRoundTrip(0.5, buf, 0) // writes '0.5', returns 3
 */
export function writeRoundTrip(x: number, out: Uint8Array, o: number): number {
  const a = Math.abs(x);
  // Above 1e300, Dekker's splitting of a (a·(2^27 + 1)) would overflow.
  if (!(a >= 1e-283 && a < 1e300)) return writeText(formatRoundTrip(x), out, o);
  let e = Math.floor(Math.log10(a));
  // n = h + d exactly (h an integer ≥ 2^53, d a small integer), with 10^16 ≤ n < 10^17.
  let h = 0;
  let d = 0;
  for (let attempt = 0; ; attempt += 1) {
    if (attempt === 3) return writeText(formatRoundTrip(x), out, o);
    const k = 16 - e;
    if (k < MIN_SCALE || k > MAX_SCALE) return writeText(formatRoundTrip(x), out, o);
    const pHigh = POWER_HIGH[k - MIN_SCALE] as number;
    const pLow = POWER_LOW[k - MIN_SCALE] as number;
    h = a * pHigh;
    // Also for h + err below 2^53 (e one too large): h is then not an integer, and the check below moves e.
    const err = twoProductError(a, pHigh, h) + a * pLow;
    // h ≥ 2^53 is an integer; the product is h + err, err a few units at most.
    const whole = Math.floor(err);
    const fraction = err - whole;
    if (Math.abs(fraction - 0.5) < 1e-9) return writeText(formatRoundTrip(x), out, o);
    d = whole + (fraction > 0.5 ? 1 : 0);
    // n against 10^16 and 10^17 exactly: h minus a power of ten near it is exact (Sterbenz), h + d may not be.
    if (h - 1e16 + err < 0) e -= 1; // the product below 10^16 (log10 rounded up across a power of ten): one digit more is closer
    else if (h - 1e17 + d >= 0) e += 1; // n rounds to 10^17: 10^16 at the next exponent
    else break;
  }
  // n as 9 and 8 digits: q·10^8 + r (q·10^8 is exact: q < 2^30 and 10^8 = 2^8·390625).
  let q = Math.floor(h / 1e8);
  let r = h - q * 1e8 + d;
  while (r < 0) {
    r += 1e8;
    q -= 1;
  }
  while (r >= 1e8) {
    r -= 1e8;
    q += 1;
  }
  // The 17 digits as ASCII, two at a time from a table (q < 10^9 and r < 10^8 are int32: integer division by truncation).
  const digits = DIGITS;
  digitPairs(r, 16);
  digits[0] = 0x30 + digitPairs(q, 8);
  let last = 16; // the last non-zero digit (the first is never zero)
  while (digits[last] === 0x30) last -= 1;
  if (x < 0) out[o++] = 0x2d; // '-'
  if (e < -6 || e >= 17) {
    // d.ddd…e±x, as toPrecision writes it beyond these exponents.
    out[o++] = digits[0] as number;
    if (last > 0) {
      out[o++] = 0x2e;
      for (let i = 1; i <= last; i += 1) out[o++] = digits[i] as number;
    }
    out[o++] = 0x65; // 'e'
    out[o++] = e < 0 ? 0x2d : 0x2b;
    // |e| ≤ 324: its digits written directly (a string per number cost an allocation each).
    const a = e < 0 ? -e : e;
    if (a >= 100) out[o++] = 0x30 + Math.floor(a / 100);
    if (a >= 10) out[o++] = 0x30 + (Math.floor(a / 10) % 10);
    out[o++] = 0x30 + (a % 10);
  } else if (e >= 0) {
    for (let i = 0; i <= e; i += 1) out[o++] = digits[i] as number;
    // A 17-digit integer (e = 16) has no point, and its zeros stay.
    if (last > e) {
      out[o++] = 0x2e;
      for (let i = e + 1; i <= last; i += 1) out[o++] = digits[i] as number;
    }
  } else {
    out[o++] = 0x30;
    out[o++] = 0x2e;
    for (let i = e; i < -1; i += 1) out[o++] = 0x30;
    for (let i = 0; i <= last; i += 1) out[o++] = digits[i] as number;
  }
  return o;
}

/** The 17 digits of the number being written, as ASCII. */
const DIGITS = new Uint8Array(17);
/** '00', '01', … '99' as ASCII pairs. */
const PAIRS = new Uint8Array(200);
for (let k = 0; k < 100; k += 1) {
  PAIRS[2 * k] = 0x30 + Math.floor(k / 10);
  PAIRS[2 * k + 1] = 0x30 + (k % 10);
}

/** The 8 low digits of the int32 `v` ≥ 0 into DIGITS, as ASCII, the last at index `last`, two at a time; returns v without them. */
function digitPairs(v: number, last: number): number {
  for (let i = last - 1; i >= last - 7; i -= 2) {
    const t = (v / 100) | 0;
    const p = (v - t * 100) * 2;
    DIGITS[i] = PAIRS[p] as number;
    DIGITS[i + 1] = PAIRS[p + 1] as number;
    v = t;
  }
  return v;
}

/** ASCII text into `out` at `o`; the offset after it. */
function writeText(text: string, out: Uint8Array, o: number): number {
  for (let c = 0; c < text.length; c += 1) out[o++] = text.charCodeAt(c);
  return o;
}
