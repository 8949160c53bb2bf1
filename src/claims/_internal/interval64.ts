/**
 * Float64 interval arithmetic with outward rounding, for the prover's enclosures
 * (proofs/certified-evaluation.md §2). An interval is a pair [lo, hi] of doubles that
 * contains the exact real value.
 *
 * Every result is widened outward by a stated number of units in the last place (ulp):
 * - `+ − × ÷` and `Math.sqrt` are correctly rounded to nearest (IEEE 754-2019 §5.4.1;
 *   ECMAScript Number::add etc.; V8 compiles `Math.sqrt` to the x86-64 `sqrtsd`
 *   instruction, which is correctly rounded), so the exact value lies within half an
 *   ulp of the result and one ulp outward encloses it;
 * - `Math.log1p`, `Math.log`, `Math.exp`, `Math.expm1` are V8's ports of fdlibm, whose
 *   published error analysis bounds the error by 1 ulp; we widen by `ELEMENTARY_ULPS` = 4.
 * The prover does not ask to be trusted on this: the checker (src/check/) re-derives
 * every decisive enclosure in decimal.js with directed rounding and rejects a
 * certificate whose enclosure disagrees.
 * @internal
 */

const buf = new DataView(new ArrayBuffer(8));

/** The next double above x (x finite or −∞; +∞ and NaN unchanged). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  buf.setBigInt64(0, x > 0 ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Ulps of widening for the elementary functions (fdlibm: error < 1 ulp; margin ×4). */
const ELEMENTARY_ULPS = 4;

/** Below this magnitude the multiplicative widening is not used (subnormals, 0): step the bits. */
const TINY = 2 ** -1000;

/**
 * n ulps up: for a finite positive normal y, y·(1 + n·2⁻⁵²) is exactly ≥ y + n·ulp(y)
 * (y·2⁻⁵² ≥ ulp(y)), and rounding to nearest is monotone, so the double it rounds to is
 * ≥ the n-th double above y; for negative y, y·(1 − n·2⁻⁵²) likewise. Near 0, step bits.
 */
function up(x: number, n = 1): number {
  if (x > TINY && x < Infinity) return x * (1 + n * 2 ** -52);
  if (x < -TINY && x > -Infinity) return x * (1 - n * 2 ** -52);
  let y = x;
  for (let i = 0; i < n; i += 1) y = nextUp(y);
  return y;
}
function down(x: number, n = 1): number {
  return -up(-x, n);
}

/** An enclosure [lo, hi] of a real number. */
export type Interval = readonly [number, number];

/** The degenerate interval of an exact double. */
export function exact(x: number): Interval {
  return [x, x];
}

/**
 * The sum x + y rounded to nearest, and whether it is exact: Knuth's TwoSum error-free
 * transformation gives the rounding error e with s + e = x + y exactly (no overflow), so
 * e = 0 means s is the exact sum and needs no widening.
 */
function sumError(x: number, y: number, s: number): number {
  const bb = s - x;
  return (x - (s - bb)) + (y - bb);
}

/** x + y rounded down / up: the nearest sum when it is exact, else one ulp outward. */
function sumDown(x: number, y: number): number {
  const s = x + y;
  return Number.isFinite(s) && sumError(x, y, s) === 0 ? s : down(s);
}
function sumUp(x: number, y: number): number {
  const s = x + y;
  return Number.isFinite(s) && sumError(x, y, s) === 0 ? s : up(s);
}

export function add(a: Interval, b: Interval): Interval {
  return [sumDown(a[0], b[0]), sumUp(a[1], b[1])];
}

export function sub(a: Interval, b: Interval): Interval {
  return [sumDown(a[0], -b[1]), sumUp(a[1], -b[0])];
}

/** Product of two intervals with non-negative ends (every quantity here is ≥ 0). */
export function mulPos(a: Interval, b: Interval): Interval {
  if (a[1] === 0 || b[1] === 0) return [0, 0]; // an exact 0 factor gives an exact 0
  return [Math.max(0, down(a[0] * b[0])), up(a[1] * b[1])];
}

/** Quotient of non-negative intervals, divisor > 0. */
export function divPos(a: Interval, b: Interval): Interval {
  if (a[1] === 0) return [0, 0];
  return [Math.max(0, down(a[0] / b[1])), up(a[1] / b[0])];
}

export function sqrtPos(a: Interval): Interval {
  return [Math.max(0, down(Math.sqrt(a[0]))), up(Math.sqrt(a[1]))];
}

/** ln(1 + x) for x ≥ 0 (non-decreasing, ≥ 0). */
export function log1pPos(a: Interval): Interval {
  if (a[1] === 0) return [0, 0]; // ln 1 = 0 exactly
  return [Math.max(0, down(Math.log1p(a[0]), ELEMENTARY_ULPS)), up(Math.log1p(a[1]), ELEMENTARY_ULPS)];
}

/** ln x for x > 0 (non-decreasing). */
export function log(a: Interval): Interval {
  return [down(Math.log(a[0]), ELEMENTARY_ULPS), up(Math.log(a[1]), ELEMENTARY_ULPS)];
}

/** e^(−x) for x ≥ 0 (non-increasing, in (0, 1]). */
export function expNeg(a: Interval): Interval {
  return [Math.max(0, down(Math.exp(-a[1]), ELEMENTARY_ULPS)), Math.min(1, up(Math.exp(-a[0]), ELEMENTARY_ULPS))];
}

/** 1 − e^(−x) for x ≥ 0 (non-decreasing, in [0, 1)), without cancellation. */
export function oneMinusExpNeg(a: Interval): Interval {
  return [Math.max(0, down(-Math.expm1(-a[0]), ELEMENTARY_ULPS)), Math.min(1, up(-Math.expm1(-a[1]), ELEMENTARY_ULPS))];
}

/** ln 2 enclosed: 0.6931471805599453 is ln 2 rounded to nearest. */
export const LN2: Interval = [nextDown(Math.LN2), nextUp(Math.LN2)];
