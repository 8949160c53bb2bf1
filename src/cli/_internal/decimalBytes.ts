/** 10^0 … 10^22, each an exact double. */
const POWERS: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Powers of ten held as double-doubles: 10^−300 … 10^300 (results stay normal for W < 10^19). */
const MIN_SCALE = -300;
const MAX_SCALE = 300;
const POWER_HIGH = new Float64Array(MAX_SCALE - MIN_SCALE + 1);
const POWER_LOW = new Float64Array(MAX_SCALE - MIN_SCALE + 1);
for (let k = MIN_SCALE; k <= MAX_SCALE; k += 1) {
  let high: number;
  let low: number;
  if (k >= 0) {
    const exact = 10n ** BigInt(k);
    high = Number(exact); // rounds to nearest
    low = Number(exact - BigInt(high));
  } else {
    // 2^s / 10^−k to more than 106 bits, then scaled by 2^−s in two exact steps (2^−s alone would underflow).
    const s = -k * 4 + 200;
    const q = (1n << BigInt(s)) / 10n ** BigInt(-k);
    const qHigh = Number(q);
    const qLow = Number(q - BigInt(qHigh));
    const a = 2 ** -(s >> 1);
    const b = 2 ** -(s - (s >> 1));
    high = qHigh * a * b;
    low = qLow * a * b;
  }
  POWER_HIGH[k - MIN_SCALE] = high;
  POWER_LOW[k - MIN_SCALE] = low;
}

/** 2^(E − 1075) for each biased exponent E of a normal double: its unit in the last place. */
const POWERS_OF_TWO = new Float64Array(2048);
for (let e = 1; e < 2047; e += 1) POWERS_OF_TWO[e] = 2 ** (e - 1075);

const BITS = new Float64Array(1);
/** The two 32-bit halves of BITS[0], low word first (little-endian, as on every platform Node runs on). */
const WORDS = new Uint32Array(BITS.buffer);

/** Dekker's splitter 2^27 + 1: splits a double into two halves of 26 bits. */
const SPLITTER = 134217729;

/** a·b − fl(a·b), exactly (Dekker's TwoProduct without FMA); `product` is fl(a·b). */
function twoProductError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
}

/** Where the number {@link parseDecimalBytes} read last ends (the index of the first byte after it). @internal */
export const decimalEnd = { at: 0 };

/**
 * Kernel: the double nearest to the decimal number written in bytes (ASCII) from `from`
 * up to the first byte that cannot continue it (or `to`), the value `Number(text)` gives
 * for that text, read without making a string; its end is left in `decimalEnd.at`, and
 * the caller checks what follows it (a comma, a line end). NaN when this fast path cannot
 * decide, and the caller then asks `Number()`. Batch input spent a third of its time
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
 * @example parseDecimalBytes(Buffer.from('0.1'), 0, 3) // returns 0.1
 * @example parseDecimalBytes(Buffer.from('1e-400'), 0, 6) // returns NaN (left to Number())
 * @example parseDecimalBytes(Buffer.from('2.5,7'), 0, 5) // returns 2.5, decimalEnd.at = 3
 */
export function parseDecimalBytes(bytes: Uint8Array, from: number, to: number): number {
  let p = from;
  let c = bytes[p];
  const negative = c === 0x2d; // '-'
  if (negative || c === 0x2b) p += 1; // '+'
  let high = 0; // first 15 significant digits
  let low = 0; // the next up to 4
  let highDigits = 0;
  let lowDigits = 0;
  let scale = 0; // the value is (high·10^lowDigits + low)·10^scale
  let digits = 0;
  let q = p;
  let afterPoint = false;
  for (; q < to; q += 1) {
    c = bytes[q] as number;
    if (c === 0x2e && !afterPoint) { // '.'
      afterPoint = true;
      continue;
    }
    const d = c - 0x30;
    if (d < 0 || d > 9) break;
    digits += 1;
    if (afterPoint) scale -= 1;
    if (highDigits < 15) {
      if (highDigits > 0 || d !== 0) {
        high = high * 10 + d;
        highDigits += 1;
      }
    } else if (lowDigits < 4) {
      low = low * 10 + d;
      lowDigits += 1;
    } else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
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
    if (q === start) return Number.NaN;
    scale += negativeExponent ? -e : e;
  }
  decimalEnd.at = q;
  if (highDigits === 0) return Number.NaN;
  let v: number;
  if (lowDigits === 0 && scale >= -22 && scale <= 22) {
    v = scale >= 0 ? high * (POWERS[scale] as number) : high / (POWERS[-scale] as number);
  } else {
    if (scale < MIN_SCALE || scale > MAX_SCALE) return Number.NaN;
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
    if (!(v > 1e-290 && v < 1e290)) return Number.NaN;
    // Distance of h + e from v, against the distance from v to the halfway points beside it.
    const d = (h - v) + e;
    BITS[0] = v;
    const hi = WORDS[1] as number;
    const ulp = POWERS_OF_TWO[(hi >>> 20) & 0x7ff] as number;
    // Below a power of two the doubles are twice as dense.
    const half = d >= 0 || (hi & 0xfffff) !== 0 || WORDS[0] !== 0 ? ulp / 2 : ulp / 4;
    if (half - Math.abs(d) <= v * 2 ** -100) return Number.NaN;
  }
  return negative ? -v : v;
}
