import type { CountingPhysics } from '../countingPhysics.js';
import { describeValue, inLeftOpen, integerAtLeast, nonNegative } from '../../_internal/validate.js';
import { addedPhotons } from '../../protocol/addedPhotons.js';
import { InputTypeError } from '../../inputError.js';

/** {@link CountingPhysics} after validation, with the detected photons per row η·k. @internal */
export interface ResolvedPhysics {
  readonly k: number;
  readonly rows: number;
  readonly efficiency: number;
  readonly darkCounts: number;
  /** Mean detected signal photons per row, η·k. */
  readonly meanPerRow: number;
}

/** Rows of the first layer of the paper's 784-784-10 network (docs/model.md#accuracy). @internal */
export const DEFAULT_ROWS = 784;

/**
 * Validate detection settings (RangeError / TypeError naming the parameter, range and value).
 * @internal
 */
export function resolvePhysics(spec: CountingPhysics): ResolvedPhysics {
  if (spec.gain !== undefined && spec.k !== undefined) {
    throw new InputTypeError(`give gain G or photon number k, not both; received gain = ${describeValue(spec.gain)}, k = ${describeValue(spec.k)}`);
  }
  let k: number;
  if (spec.gain !== undefined) {
    k = addedPhotons(spec.gain);
  } else if (spec.k !== undefined) {
    k = nonNegative('photon number k', spec.k);
  } else {
    throw new InputTypeError('one of gain G (≥ 1) or photon number k (≥ 0) is required; received neither');
  }
  const rows = integerAtLeast('rows M', spec.rows ?? DEFAULT_ROWS, 1);
  const efficiency = inLeftOpen('efficiency η', spec.efficiency ?? 1, 0, 1);
  const darkCounts = nonNegative('dark counts d', spec.darkCounts ?? 0);
  return { k, rows, efficiency, darkCounts, meanPerRow: efficiency * k };
}
