/**
 * Powers of ten as double-doubles, and the exact error of a product: what the batch CSV's
 * decimal reader (decimalBytes.ts) and number writer (formatRoundTrip.ts) compute with.
 * 10^k for k in [−300, 300] is POWER_HIGH + POWER_LOW to within about 2^−106 relative
 * (from exact BigInt arithmetic at load, about a millisecond).
 * @internal
 */
/** Powers of ten held as double-doubles: 10^−300 … 10^300 (results stay normal for W < 10^19). */
/** @internal */
export const MIN_SCALE = -300;
/** @internal */
export const MAX_SCALE = 300;
/** @internal */
export const POWER_HIGH = new Float64Array(MAX_SCALE - MIN_SCALE + 1);
/** @internal */
export const POWER_LOW = new Float64Array(MAX_SCALE - MIN_SCALE + 1);
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

/** Dekker's splitter 2^27 + 1: splits a double into two halves of 26 bits. */
const SPLITTER = 134217729;

/** a·b − fl(a·b), exactly (Dekker's TwoProduct without FMA); `product` is fl(a·b). @internal */
export function twoProductError(a: number, b: number, product: number): number {
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  return ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;
}

