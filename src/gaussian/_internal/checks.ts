import { describeValue } from '../../_internal/validate.js';
import type { GaussianState } from '../gaussianState.js';
import { InputRangeError, InputTypeError } from '../../inputError.js';

/**
 * Argument checks of the Gaussian engine (validating tier: TypeError for a wrong type,
 * RangeError for a value out of range; every message names the parameter, the range and
 * the value received).
 * @internal
 */

/**
 * A value shaped like a {@link GaussianState}: integer modes ≥ 0, Float64Array mean of 2N
 * and cov of 4N² entries. Physicality is not re-checked (states come from
 * `gaussianState` or from engine operations, which preserve it).
 * @internal
 */
export function checkState(name: string, state: unknown): GaussianState {
  const s = state as Partial<GaussianState> | null;
  if (typeof s !== 'object' || s === null || !Number.isInteger(s.modes) || !(s.mean instanceof Float64Array) || !(s.cov instanceof Float64Array)) {
    throw new InputTypeError(`${name} must be a GaussianState { modes, mean: Float64Array, cov: Float64Array } (build one with gaussianState, vacuum, coherentState, …); received ${describeValue(state)}`);
  }
  const n = s.modes as number;
  if (n < 0 || s.mean.length !== 2 * n || s.cov.length !== 4 * n * n) {
    throw new InputRangeError(`${name} must have a mean of 2N and a covariance of 4N² entries for N = ${n} modes; received ${s.mean.length} and ${s.cov.length}`);
  }
  return s as GaussianState;
}

/** A mode index: an integer in [0, N − 1]. @internal */
export function modeIndex(name: string, value: unknown, modes: number): number {
  if (typeof value !== 'number') throw new InputTypeError(`${name} must be an integer in [0, ${modes - 1}] (mode index); received ${describeValue(value)}`);
  if (!(Number.isInteger(value) && value >= 0 && value < modes)) {
    throw new InputRangeError(`${name} must be an integer in [0, ${modes - 1}] (mode index of a ${modes}-mode state); received ${describeValue(value)}`);
  }
  return value;
}

/** A list of distinct mode indices in [0, N − 1] (possibly empty unless `nonEmpty`). @internal */
export function modeList(name: string, value: unknown, modes: number, nonEmpty = false): number[] {
  if (!Array.isArray(value)) throw new InputTypeError(`${name} must be an array of mode indices; received ${describeValue(value)}`);
  const out: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < value.length; i += 1) {
    const m = modeIndex(`${name}[${i}]`, value[i], modes);
    if (seen.has(m)) throw new InputRangeError(`${name} must list distinct modes; received mode ${m} twice in ${describeValue(value)}`);
    seen.add(m);
    out.push(m);
  }
  if (nonEmpty && out.length === 0) throw new InputRangeError(`${name} must list at least one mode; received []`);
  return out;
}

/** A list of finite numbers of a given length, copied into a Float64Array. @internal */
export function finiteVector(name: string, value: unknown, length?: number): Float64Array {
  if (!(Array.isArray(value) || ArrayBuffer.isView(value)) || value instanceof DataView) {
    throw new InputTypeError(`${name} must be an array of numbers; received ${describeValue(value)}`);
  }
  const arr = value as ArrayLike<unknown>;
  if (length !== undefined && arr.length !== length) throw new InputRangeError(`${name} must have ${length} entries; received ${arr.length}`);
  const out = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i += 1) {
    const v = arr[i];
    if (typeof v !== 'number') throw new InputTypeError(`${name}[${i}] must be a finite number; received ${describeValue(v)}`);
    if (!Number.isFinite(v)) throw new InputRangeError(`${name}[${i}] must be a finite number; received ${describeValue(v)}`);
    out[i] = v;
  }
  return out;
}

/** The number of modes N of a 2N×2N row-major matrix with `length` entries, or a RangeError. @internal */
export function modesOfSquare(name: string, length: number): number {
  const d = Math.round(Math.sqrt(length));
  if (d * d !== length || d % 2 !== 0) {
    throw new InputRangeError(`${name} must be a 2N×2N matrix (row-major, 4N² entries); received ${length} entries`);
  }
  return d / 2;
}

/**
 * Largest |A_ij − A_ji| of a row-major d×d matrix, and a RangeError when it exceeds
 * `tolerance` (absolute, in the matrix's units).
 * @internal
 */
export function checkSymmetric(name: string, a: Float64Array, d: number, tolerance: number): void {
  let worst = 0;
  let at = [0, 0];
  for (let i = 0; i < d; i += 1) {
    for (let j = i + 1; j < d; j += 1) {
      const diff = Math.abs((a[i * d + j] as number) - (a[j * d + i] as number));
      if (diff > worst) {
        worst = diff;
        at = [i, j];
      }
    }
  }
  if (worst > tolerance) {
    throw new InputRangeError(`${name} must be symmetric within tolerance ${tolerance}; received |V[${at[0]}][${at[1]}] − V[${at[1]}][${at[0]}]| = ${worst}`);
  }
}

/** One mode index or a non-empty list of distinct ones, as a list. @internal */
export function oneOrMoreModes(name: string, value: unknown, modes: number): number[] {
  return Array.isArray(value) ? modeList(name, value, modes, true) : [modeIndex(name, value, modes)];
}
