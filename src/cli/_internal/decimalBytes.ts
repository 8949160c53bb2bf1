import { MAX_SCALE, MIN_SCALE, POWER_HIGH, POWER_LOW, twoProductError } from './powersOfTen.js';

/** 10^0 … 10^22, each an exact double. */
const POWERS: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** 2^(E − 1075) for each biased exponent E of a normal double: its unit in the last place. */
const POWERS_OF_TWO = new Float64Array(2048);
for (let e = 1; e < 2047; e += 1) POWERS_OF_TWO[e] = 2 ** (e - 1075);

const BITS = new Float64Array(1);
/** The two 32-bit halves of BITS[0], low word first (little-endian, as on every platform Node runs on). */
const WORDS = new Uint32Array(BITS.buffer);

/**
 * Kernel: the double nearest to the decimal number written in bytes (ASCII) from `from`
 * up to the first byte that cannot continue it (or `to`), the value `Number(text)` gives
 * for that text, read without making a string and stored in `out[index]` (a returned
 * double would be boxed on the heap, 900 000 times for the bench's table); returns the
 * index of the first byte after the number, and the caller checks what follows it (a
 * comma, a line end). −1 when this fast path cannot decide (out[index] is then
 * unchanged), and the caller asks `Number()`. Batch input spent a third of its time
 * turning cells into strings and strings into doubles (bench/run.mjs).
 *
 * Only the plain form `[+-]digits[.digits][(e|E)[+-]digits]` with 1 to 19 significant
 * digits and a non-zero value is read here; blanks, `Infinity`, `NaN`, zero (whose sign
 * and underflow the caller checks), more digits, and results outside [1e-290, 1e290]
 * are left to `Number()`.
 *
 * Method: up to 15 digits and a power of ten up to 10^22 are both exact doubles, so one
 * division or multiplication is correctly rounded (Clinger's fast path). Otherwise the
 * digits W < 10^19 (exact as a double-double) times 10^k (a double-double within about
 * 2^−106 of the true power, from BigInt arithmetic) give the value to within 2^−100
 * relative; rounding that to a double is correct unless it lies within 2^−100 of a
 * halfway point between two doubles, which is checked (exactly halfway inputs, such as
 * 9007199254740993, always fall back). Tested against `Number()` on random and on
 * near-halfway inputs (test/cli.decimalBytes.test.ts).
 * @internal
 * @example parseDecimalBytes(Buffer.from('0.1'), 0, 3, out, 0) // returns 3, out[0] = 0.1
 * @example parseDecimalBytes(Buffer.from('1e-400'), 0, 6, out, 0) // returns −1 (left to Number())
 * @example parseDecimalBytes(Buffer.from('2.5,7'), 0, 5, out, 0) // returns 3, out[0] = 2.5
 */
export function parseDecimalBytes(bytes: Uint8Array, from: number, to: number, out: Float64Array, index: number): number {
  let p = from;
  let c = bytes[p];
  const negative = c === 0x2d; // '-'
  if (negative || c === 0x2b) p += 1; // '+'
  // Leading zeros carry no digit; then the first 15 significant digits go to high, the next 4 to low.
  let high = 0;
  let low = 0;
  let n = 0; // significant digits read
  let q = p;
  while (q < to && bytes[q] === 0x30) q += 1;
  for (; q < to; q += 1) {
    const d = (bytes[q] as number) - 0x30;
    if (d < 0 || d > 9) break;
    if (n < 15) high = high * 10 + d;
    else if (n < 19) low = low * 10 + d;
    else return -1;
    n += 1;
  }
  let digits = q - p;
  let scale = 0; // the value is (high·10^lowDigits + low)·10^scale
  if (q < to && bytes[q] === 0x2e) { // '.'
    q += 1;
    const fraction = q;
    if (n === 0) while (q < to && bytes[q] === 0x30) q += 1;
    for (; q < to; q += 1) {
      const d = (bytes[q] as number) - 0x30;
      if (d < 0 || d > 9) break;
      if (n < 15) high = high * 10 + d;
      else if (n < 19) low = low * 10 + d;
      else return -1;
      n += 1;
    }
    scale = fraction - q; // each digit after the point, zeros included, divides by 10
    digits += q - fraction;
  }
  const highDigits = n < 15 ? n : 15;
  const lowDigits = n - highDigits;
  if (digits === 0) return -1;
  if (q < to && ((bytes[q] as number) | 0x20) === 0x65) { // 'e' or 'E'
    q += 1;
    const negativeExponent = bytes[q] === 0x2d;
    if (negativeExponent || bytes[q] === 0x2b) q += 1;
    const start = q;
    let e = 0;
    for (; q < to; q += 1) {
      const d = (bytes[q] as number) - 0x30;
      if (d < 0 || d > 9) break;
      if (e < 100_000) e = e * 10 + d;
    }
    if (q === start) return -1;
    scale += negativeExponent ? -e : e;
  }
  if (highDigits === 0) return -1;
  let v: number;
  if (lowDigits === 0 && scale >= -22 && scale <= 22) {
    v = scale >= 0 ? high * (POWERS[scale] as number) : high / (POWERS[-scale] as number);
  } else {
    if (scale < MIN_SCALE || scale > MAX_SCALE) return -1;
    // W = high·10^lowDigits + low exactly, as wHigh + wLow.
    let wHigh = high;
    let wLow = 0;
    if (lowDigits > 0) {
      const m = POWERS[lowDigits] as number;
      const product = high * m;
      const productError = twoProductError(high, m, product);
      const sum = product + low;
      const virtual = sum - product;
      wHigh = sum;
      wLow = productError + ((product - (sum - virtual)) + (low - virtual));
    }
    const pHigh = POWER_HIGH[scale - MIN_SCALE] as number;
    const pLow = POWER_LOW[scale - MIN_SCALE] as number;
    const h = wHigh * pHigh;
    const e = twoProductError(wHigh, pHigh, h) + (wHigh * pLow + wLow * pHigh);
    v = h + e;
    if (!(v > 1e-290 && v < 1e290)) return -1;
    // Distance of h + e from v, against the distance from v to the halfway points beside it.
    const d = (h - v) + e;
    BITS[0] = v;
    const hi = WORDS[1] as number;
    const ulp = POWERS_OF_TWO[(hi >>> 20) & 0x7ff] as number;
    // Below a power of two the doubles are twice as dense.
    const half = d >= 0 || (hi & 0xfffff) !== 0 || WORDS[0] !== 0 ? ulp / 2 : ulp / 4;
    if (half - Math.abs(d) <= v * 2 ** -100) return -1;
  }
  out[index] = negative ? -v : v;
  return q;
}
