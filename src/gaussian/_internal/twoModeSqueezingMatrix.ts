/**
 * The two-mode squeezing symplectic [[c·I, s·Z], [s·Z, c·I]] on (q_i, p_i, q_j, p_j),
 * row-major 4×4, Z = diag(1, −1), c = cosh r, s = sinh r (c² − s² = 1 is the caller's).
 * @internal
 */
export function twoModeSqueezingMatrix(c: number, s: number): Float64Array {
  return Float64Array.from([c, 0, s, 0, 0, c, 0, -s, s, 0, c, 0, 0, -s, 0, c]);
}
