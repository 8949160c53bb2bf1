/**
 * Solve A x = b for a symmetric positive-definite A given by its lower Cholesky factor L
 * (row-major d×d, A = L Lᵀ): forward then back substitution. O(d²).
 * @internal
 */
export function choleskySolve(l: Float64Array, d: number, b: Float64Array): Float64Array {
  const y = new Float64Array(d);
  for (let i = 0; i < d; i += 1) {
    let s = b[i] as number;
    for (let k = 0; k < i; k += 1) s -= (l[i * d + k] as number) * (y[k] as number);
    y[i] = s / (l[i * d + i] as number);
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i -= 1) {
    let s = y[i] as number;
    for (let k = i + 1; k < d; k += 1) s -= (l[k * d + i] as number) * (x[k] as number);
    x[i] = s / (l[i * d + i] as number);
  }
  return x;
}
