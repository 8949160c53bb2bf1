/**
 * Argument checks shared by the public functions (the validating tier of
 * STYLE.md). Kernels never call these: they are total (NaN in, NaN out).
 *
 * Every message names the parameter, the allowed range and the value
 * received, so that a CLI can print it as one line.
 * @internal
 */

/** Render a received value for an error message (keeps NaN, -0, strings visible). @internal */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A range end for a message: 1e12 rather than 1000000000000. @internal */
function bound(x: number): string {
  return Math.abs(x) >= 1e6 && Number.isFinite(x) ? x.toExponential().replace('e+', 'e') : String(x);
}

/** Throw TypeError unless `value` is a number (NaN is a number here; range checks reject it). @internal */
function requireNumber(name: string, value: unknown, range: string): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number ${range}; received ${describeValue(value)}`);
  }
  return value;
}

/** A finite number ≥ 0. @internal */
export function nonNegative(name: string, value: unknown): number {
  const range = 'in [0, ∞)';
  const v = requireNumber(name, value, range);
  if (!(v >= 0 && v < Infinity)) throw new RangeError(`${name} must be a finite number in [0, ∞); received ${describeValue(v)}`);
  return v;
}

/** A finite number > 0. @internal */
export function positive(name: string, value: unknown): number {
  const v = requireNumber(name, value, 'in (0, ∞)');
  if (!(v > 0 && v < Infinity)) throw new RangeError(`${name} must be a finite number in (0, ∞); received ${describeValue(v)}`);
  return v;
}

/** A number in the half-open interval (lo, hi]. @internal */
export function inLeftOpen(name: string, value: unknown, lo: number, hi: number): number {
  const range = `in (${bound(lo)}, ${bound(hi)}]`;
  const v = requireNumber(name, value, range);
  if (!(v > lo && v <= hi)) throw new RangeError(`${name} must be a number ${range}; received ${describeValue(v)}`);
  return v;
}

/** A number in the half-open interval [lo, hi). @internal */
export function inRightOpen(name: string, value: unknown, lo: number, hi: number): number {
  const range = `in [${bound(lo)}, ${bound(hi)})`;
  const v = requireNumber(name, value, range);
  if (!(v >= lo && v < hi)) throw new RangeError(`${name} must be a number ${range}; received ${describeValue(v)}`);
  return v;
}

/** A number in the closed interval [lo, hi]. @internal */
export function inClosed(name: string, value: unknown, lo: number, hi: number): number {
  const range = `in [${bound(lo)}, ${bound(hi)}]`;
  const v = requireNumber(name, value, range);
  if (!(v >= lo && v <= hi)) throw new RangeError(`${name} must be a number ${range}; received ${describeValue(v)}`);
  return v;
}

/** A finite number ≥ `lo` (used for gains G ≥ 1). @internal */
export function atLeast(name: string, value: unknown, lo: number): number {
  const range = `in [${lo}, ∞)`;
  const v = requireNumber(name, value, range);
  if (!(v >= lo && v < Infinity)) throw new RangeError(`${name} must be a finite number ${range}; received ${describeValue(v)}`);
  return v;
}

/** An integer ≥ `lo` (mode and row counts). @internal */
export function integerAtLeast(name: string, value: unknown, lo: number): number {
  const range = `in {${lo}, ${lo + 1}, …}`;
  const v = requireNumber(name, value, range);
  if (!(Number.isInteger(v) && v >= lo)) throw new RangeError(`${name} must be an integer ${range}; received ${describeValue(v)}`);
  return v;
}

/** One of a fixed set of names. @internal */
export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    const kind = typeof value === 'string' ? RangeError : TypeError;
    throw new kind(`${name} must be one of ${allowed.join(', ')}; received ${describeValue(value)}`);
  }
  return value as T;
}
