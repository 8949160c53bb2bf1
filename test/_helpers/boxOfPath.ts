import { bisectionPoint } from '../../src/claims/branchAndBound.js';
import { DIMENSION_NAMES, type Box, type DimensionName } from '../../src/claims/dimensions.js';

/** The box a certificate path cuts out of the region, rebuilt in the tests (each step halves one dimension at bisectionPoint). */
export function boxOfPath(region: Box, path: string): Box {
  const box = { ...region } as Record<DimensionName, readonly [number, number]>;
  for (let i = 0; i < path.length; i += 2) {
    const d = DIMENSION_NAMES[Number(path[i])]!;
    const mid = bisectionPoint(d, box[d]);
    box[d] = path[i + 1] === '0' ? [box[d][0], mid] : [mid, box[d][1]];
  }
  return box;
}
