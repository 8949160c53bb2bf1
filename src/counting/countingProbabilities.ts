import { describeValue } from '../_internal/validate.js';
import type { CountingBasis } from './countingBasis.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/**
 * Where the photons of a thermal mode along x̂ = x/‖x‖ land when the server counts in
 * `basis` (docs/model.md#server-capabilities; dimensionless probabilities summing to 1): output b < D receives
 * |⟨b|x̂⟩|², and for a basis with a rest detector output D receives
 * ‖x̂ − Σ_b ⟨b|x̂⟩·b‖² = 1 − Σ_b |⟨b|x̂⟩|² (computed as the squared residual, never below 0).
 * A passive unitary maps a thermal mode along x̂ to a thermal mode along Bx̂, whose photons
 * land multinomially with these probabilities (proofs/photon-counting.md §3).
 *
 * @param basis - a basis from countingBasis
 * @param x - the client's data vector (length rows·cols, finite, not all zero); only its direction matters
 * @returns the probabilities, length basis.outputs
 * @throws TypeError / RangeError naming the parameter, its range and the value
 * @example countingProbabilities(countingBasis('pixel'), x)   // returns x_j²/‖x‖² for every pixel j
 * @example countingProbabilities(countingBasis('dct'), Array(784).fill(-1))[0] // returns 1 (a flat image is the DC output)
 * @public
 */
export function countingProbabilities(basis: CountingBasis, x: ArrayLike<number>): Float64Array {
  if (basis === null || typeof basis !== 'object' || !(basis.vectors instanceof Float64Array)) {
    throw new InputTypeError(`basis must be a CountingBasis (from countingBasis); received ${describeValue(basis)}`);
  }
  const n = basis.rows * basis.cols;
  const d = basis.directions;
  if (basis.vectors.length !== d * n) throw new InputRangeError(`basis.vectors must hold directions·rows·cols = ${d * n} numbers; received ${basis.vectors.length}`);
  if (x === null || typeof x !== 'object' || x.length !== n) throw new InputRangeError(`x must be an array of ${n} numbers (rows·cols); received ${describeValue(x === null || typeof x !== 'object' ? x : `length ${x.length}`)}`);
  let sq = 0;
  for (let j = 0; j < n; j += 1) {
    const v = x[j];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputRangeError(`x[${j}] must be a finite number; received ${describeValue(v)}`);
    sq += v * v;
  }
  if (!(sq > 0)) throw new InputRangeError('x must not be the zero vector (x̂ = x/‖x‖ is undefined); received all zeros');
  const inv = 1 / Math.sqrt(sq);
  const out = new Float64Array(basis.outputs);
  const residual = new Float64Array(n);
  for (let j = 0; j < n; j += 1) residual[j] = (x[j] as number) * inv;
  const xhat = Float64Array.from(residual);
  for (let b = 0; b < d; b += 1) {
    let y = 0;
    for (let j = 0; j < n; j += 1) y += basis.vectors[b * n + j]! * xhat[j]!;
    out[b] = y * y;
    if (basis.rest) for (let j = 0; j < n; j += 1) residual[j] = residual[j]! - y * basis.vectors[b * n + j]!;
  }
  if (basis.rest) {
    let r = 0;
    for (const v of residual) r += v * v;
    out[d] = r;
  }
  return out;
}
