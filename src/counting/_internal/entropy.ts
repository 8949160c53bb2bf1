export { binaryEntropy } from '../../kernels/binaryEntropy.js';

/**
 * Plug-in mutual information, in bits, of a contingency table of counts (rows × cols,
 * row-major): Σ (n_xy/n)·log2(n·n_xy/(n_x·n_y)) over non-empty cells. 0 for an empty table.
 * @internal
 */
export function plugInInformation(table: ArrayLike<number>, rows: number, cols: number): number {
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let n = 0;
  for (let x = 0; x < rows; x += 1) {
    for (let y = 0; y < cols; y += 1) {
      const v = table[x * cols + y] as number;
      rowSums[x] = rowSums[x]! + v;
      colSums[y] = colSums[y]! + v;
      n += v;
    }
  }
  if (n === 0) return 0;
  let info = 0;
  for (let x = 0; x < rows; x += 1) {
    for (let y = 0; y < cols; y += 1) {
      const v = table[x * cols + y] as number;
      if (v > 0) info += (v / n) * Math.log2((n * v) / (rowSums[x]! * colSums[y]!));
    }
  }
  return info;
}
