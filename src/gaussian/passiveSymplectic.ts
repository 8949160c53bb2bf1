import { describeValue, nonNegative } from '../_internal/validate.js';
import type { ComplexMatrix } from './complex.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/**
 * Default unitarity tolerance: largest |(U U†)_ij − δ_ij| accepted. A unitary built in
 * float64 carries round-off of about k·u (u = 2^−53), below 3e-12 for k ≤ 1e4 modes; a
 * defect above 1e-10 is a mistake in the matrix, not round-off.
 * @public
 */
export const DEFAULT_UNITARY_TOLERANCE = 1e-10;

/** Options of {@link passiveSymplectic} and {@link passiveUnitary}. @public */
export interface UnitaryOptions {
  /** Largest |(U U†)_ij − δ_ij| accepted. @defaultValue {@link DEFAULT_UNITARY_TOLERANCE} */
  readonly tolerance?: number | undefined;
}

/**
 * The real symplectic orthogonal matrix (2k×2k, row-major, ordering (q₁, p₁, …), SNU) of
 * the passive unitary that maps mode operators a_i → Σ_j U_ij a_j. From
 * q + ip = 2a: block (i, j) is [[Re U_ij, −Im U_ij], [Im U_ij, Re U_ij]]
 * (proofs/gaussian-engine.md §1). A real orthogonal U gives U ⊗ I₂.
 *
 * @param unitary - U as an array of k rows (real), or { re, im } (complex)
 * @param options - `tolerance` for the unitarity check @defaultValue {@link DEFAULT_UNITARY_TOLERANCE}
 * @returns S, a Float64Array of 4k² entries
 * @throws TypeError when U is not a matrix of numbers; RangeError when it is not square,
 *   has non-finite entries, or max |U U† − I| exceeds the tolerance (the message gives it)
 * @example passiveSymplectic([[1]])                          // returns [1, 0, 0, 1]
 * @example passiveSymplectic({ re: [[0]], im: [[1]] })       // returns [0, −1, 1, 0] (phase shift by π/2)
 * @example passiveSymplectic([[1, 1], [0, 1]])               // throws RangeError (not unitary: max |U U† − I| = 1)
 * @public
 */
export function passiveSymplectic(unitary: readonly (readonly number[])[] | ComplexMatrix, options: UnitaryOptions = {}): Float64Array {
  const tolerance = options.tolerance === undefined ? DEFAULT_UNITARY_TOLERANCE : nonNegative('unitarity tolerance', options.tolerance);
  if (typeof unitary !== 'object' || unitary === null) throw new InputTypeError(`unitary must be an array of rows or { re, im }; received ${describeValue(unitary)}`);
  const isComplex = !Array.isArray(unitary);
  const reRows = isComplex ? (unitary as ComplexMatrix).re : (unitary as readonly (readonly number[])[]);
  const imRows = isComplex ? (unitary as ComplexMatrix).im : undefined;
  const re = squareMatrix(isComplex ? 'unitary.re' : 'unitary', reRows);
  const k = Math.round(Math.sqrt(re.length));
  const im = imRows === undefined ? new Float64Array(k * k) : squareMatrix('unitary.im', imRows);
  if (im.length !== re.length) throw new InputRangeError(`unitary.im must be ${k}×${k} like unitary.re; received ${Math.round(Math.sqrt(im.length))} rows`);
  const defect = unitarityDefect(re, im, k);
  if (!(defect <= tolerance)) {
    throw new InputRangeError(`unitary must be unitary within tolerance ${tolerance} (max |(U U†)_ij − δ_ij|); received a ${k}×${k} matrix with defect ${defect}`);
  }
  const d = 2 * k;
  const s = new Float64Array(d * d);
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const a = re[i * k + j] as number;
      const b = im[i * k + j] as number;
      s[2 * i * d + 2 * j] = a;
      s[2 * i * d + 2 * j + 1] = 0 - b; // not −b: keeps +0 (not −0) for real entries
      s[(2 * i + 1) * d + 2 * j] = b;
      s[(2 * i + 1) * d + 2 * j + 1] = a;
    }
  }
  return s;
}

/** A k×k matrix given as k rows of k finite numbers, row-major. */
function squareMatrix(name: string, rows: unknown): Float64Array {
  if (!Array.isArray(rows) || rows.length === 0) throw new InputTypeError(`${name} must be a non-empty array of rows; received ${describeValue(rows)}`);
  const k = rows.length;
  const out = new Float64Array(k * k);
  rows.forEach((row: unknown, i) => {
    if (!(Array.isArray(row) || ArrayBuffer.isView(row))) throw new InputTypeError(`${name}[${i}] must be an array of numbers; received ${describeValue(row)}`);
    const r = row as ArrayLike<unknown>;
    if (r.length !== k) throw new InputRangeError(`${name} must be square (${k}×${k}); received row ${i} with ${r.length} entries`);
    for (let j = 0; j < k; j += 1) {
      const v = r[j];
      if (typeof v !== 'number') throw new InputTypeError(`${name}[${i}][${j}] must be a finite number; received ${describeValue(v)}`);
      if (!Number.isFinite(v)) throw new InputRangeError(`${name}[${i}][${j}] must be a finite number; received ${describeValue(v)}`);
      out[i * k + j] = v;
    }
  });
  return out;
}

/** max_ij |(U U†)_ij − δ_ij| for U = re + i·im (k×k row-major); a real U takes the cheaper real loop. */
function unitarityDefect(re: Float64Array, im: Float64Array, k: number): number {
  let worst = 0;
  if (im.every((v) => v === 0)) {
    for (let i = 0; i < k; i += 1) {
      for (let j = i; j < k; j += 1) {
        let s = 0;
        for (let l = 0; l < k; l += 1) s += (re[i * k + l] as number) * (re[j * k + l] as number);
        worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
      }
    }
    return worst;
  }
  for (let i = 0; i < k; i += 1) {
    for (let j = i; j < k; j += 1) {
      // (U U†)_ij = Σ_l U_il conj(U_jl)
      let sr = 0;
      let si = 0;
      for (let l = 0; l < k; l += 1) {
        const ar = re[i * k + l] as number;
        const ai = im[i * k + l] as number;
        const br = re[j * k + l] as number;
        const bi = im[j * k + l] as number;
        sr += ar * br + ai * bi;
        si += ai * br - ar * bi;
      }
      worst = Math.max(worst, Math.hypot(sr - (i === j ? 1 : 0), si));
    }
  }
  return worst;
}
