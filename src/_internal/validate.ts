import { InputRangeError, InputTypeError } from '../inputError.js';
/**
 * Argument checks shared by the public functions (the validating tier of
 * STYLE.md). Kernels never call these: they are total (NaN in, NaN out).
 *
 * Every message names the parameter, the allowed range and the value
 * received, so that a CLI can print it as one line.
 * @internal
 */

/** Longest rendering of a received value in a message (characters): a message stays one readable line whatever was passed. */
const MAX_SHOWN = 80;

/** Render a received value for an error message (keeps NaN, -0, strings visible; long values cut, with their length; never fails, even on a structure nested too deep to print). @internal */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle, or nesting deeper than the stack: say what it is instead.
    text = Array.isArray(value) ? `an array of ${value.length} items` : typeof value === 'object' && value !== null ? 'an object' : typeof value;
  }
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN - 1)}… (${text.length} characters)`;
}

/** A range end for a message: 1e12 rather than 1000000000000. @internal */
function bound(x: number): string {
  return Math.abs(x) >= 1e6 && Number.isFinite(x) ? x.toExponential().replace('e+', 'e') : String(x);
}

/**
 * The one check behind every numeric validator: `ok(v)` for a number v, else a TypeError
 * (not a number) or RangeError (out of range) naming the parameter, the range and the
 * value. The range text is built only when the check fails: these run once per batch row.
 */
function check(name: string, value: unknown, ok: (v: number) => boolean, kind: string, range: () => string): number {
  if (typeof value !== 'number') throw new InputTypeError(`${name} must be ${kind} ${range()}; received ${describeValue(value)}`);
  if (!ok(value)) throw new InputRangeError(`${name} must be ${kind} ${range()}; received ${describeValue(value)}`);
  return value;
}

/** A finite number ≥ 0. @internal */
export function nonNegative(name: string, value: unknown): number {
  return check(name, value, (v) => v >= 0 && v < Infinity, 'a finite number', () => 'in [0, ∞)');
}

/** A finite number > 0. @internal */
export function positive(name: string, value: unknown): number {
  return check(name, value, (v) => v > 0 && v < Infinity, 'a finite number', () => 'in (0, ∞)');
}

/** A number in the half-open interval (lo, hi]. @internal */
export function inLeftOpen(name: string, value: unknown, lo: number, hi: number): number {
  return check(name, value, (v) => v > lo && v <= hi, 'a number', () => `in (${bound(lo)}, ${bound(hi)}]`);
}

/** A number in the half-open interval [lo, hi). @internal */
export function inRightOpen(name: string, value: unknown, lo: number, hi: number): number {
  return check(name, value, (v) => v >= lo && v < hi, 'a number', () => `in [${bound(lo)}, ${bound(hi)})`);
}

/** A number in the closed interval [lo, hi]. @internal */
export function inClosed(name: string, value: unknown, lo: number, hi: number): number {
  return check(name, value, (v) => v >= lo && v <= hi, 'a number', () => `in [${bound(lo)}, ${bound(hi)}]`);
}

/** A finite number ≥ `lo` (used for gains G ≥ 1). @internal */
export function atLeast(name: string, value: unknown, lo: number): number {
  return check(name, value, (v) => v >= lo && v < Infinity, 'a finite number', () => `in [${bound(lo)}, ∞)`);
}

/** An integer ≥ `lo` (mode and row counts). @internal */
export function integerAtLeast(name: string, value: unknown, lo: number): number {
  return check(name, value, (v) => Number.isInteger(v) && v >= lo, 'an integer', () => `in {${lo}, ${lo + 1}, …}`);
}

/** A seed for the 32-bit generators: an integer in [−2^31, 2^31) (anything else would be changed silently). @internal */
export function seed32(name: string, value: unknown): number {
  return check(name, value, (v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31, 'an integer', () => 'in [−2^31, 2^31)');
}

/** One of a fixed set of names. @internal */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const kind = typeof value === 'string' ? InputRangeError : InputTypeError;
    throw new kind(`${name} must be one of ${allowed.join(', ')}; received ${describeValue(value)}`);
  }
  return value as T;
}
