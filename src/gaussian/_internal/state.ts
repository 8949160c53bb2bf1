import type { GaussianState } from '../gaussianState.js';

/**
 * A state from arrays the engine built itself (no validation, no copy): `mean` has 2N
 * entries, `cov` 4N² (row-major). The caller hands over ownership of both arrays.
 * @internal
 */
export function stateOf(modes: number, mean: Float64Array, cov: Float64Array): GaussianState {
  return { modes, mean, cov };
}

/** Row-major 2N×2N identity (the vacuum covariance in SNU). @internal */
export function identityCov(modes: number): Float64Array {
  const d = 2 * modes;
  const cov = new Float64Array(d * d);
  for (let i = 0; i < d; i += 1) cov[i * d + i] = 1;
  return cov;
}

/** Quadrature indices (2m, 2m + 1) of the listed modes, in the listed order. @internal */
export function quadratureIndices(modes: readonly number[]): number[] {
  const out: number[] = [];
  for (const m of modes) out.push(2 * m, 2 * m + 1);
  return out;
}

/** The square block cov[idx, idx] of a row-major d×d matrix, row-major. @internal */
export function principalBlock(cov: Float64Array, d: number, idx: readonly number[]): Float64Array {
  const k = idx.length;
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r += 1) {
    const row = (idx[r] as number) * d;
    for (let c = 0; c < k; c += 1) out[r * k + c] = cov[row + (idx[c] as number)] as number;
  }
  return out;
}

/** The block cov[rows, cols] of a row-major d×d matrix, row-major rows.length × cols.length. @internal */
export function offBlock(cov: Float64Array, d: number, rows: readonly number[], cols: readonly number[]): Float64Array {
  const out = new Float64Array(rows.length * cols.length);
  for (let r = 0; r < rows.length; r += 1) {
    const row = (rows[r] as number) * d;
    for (let c = 0; c < cols.length; c += 1) out[r * cols.length + c] = cov[row + (cols[c] as number)] as number;
  }
  return out;
}

/** Replace a row-major d×d matrix by (A + Aᵀ)/2 in place (removes round-off asymmetry). @internal */
export function symmetrizeInPlace(a: Float64Array, d: number): void {
  for (let i = 0; i < d; i += 1) {
    for (let j = i + 1; j < d; j += 1) {
      const s = ((a[i * d + j] as number) + (a[j * d + i] as number)) / 2;
      a[i * d + j] = s;
      a[j * d + i] = s;
    }
  }
}

/** The modes 0 … N−1 that are not in `modes`, ascending. @internal */
export function complementModes(total: number, modes: readonly number[]): number[] {
  const taken = new Set(modes);
  const out: number[] = [];
  for (let m = 0; m < total; m += 1) if (!taken.has(m)) out.push(m);
  return out;
}
