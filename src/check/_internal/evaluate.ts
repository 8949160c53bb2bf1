/**
 * One box's decisive evaluation, as the checker does it (in-thread or in a worker).
 * @internal
 */
import { displaceAndCount, paperCramerRao, paperRevised, subadditive, weightQuantity, type CheckPoint } from './checkQuantities.js';


/** What to evaluate: a quantity at a point, with the claim's constants. */
export interface EvalTask {
  readonly quantity: string;
  readonly point: CheckPoint;
  readonly activeFraction: number;
  readonly layers: readonly { inputs: number; rows: number }[] | null;
  /** The claim's finite-size setting (weights), or null. */
  readonly finiteSize: { samples: number; delta: number } | null;
  /** The end the verdict needs: `hi` for holds, `lo` for fails. */
  readonly need: 'lo' | 'hi';
}

/** [lo, hi] as decimal strings (bits per symbol). */
export type EvalResult = readonly [string, string];

/** Evaluate one task; throws for an unknown quantity. */
export function evaluateTask(t: EvalTask): EvalResult {
  let v;
  switch (t.quantity) {
    case 'chi-w':
      v = weightQuantity(t.point, t.activeFraction, false, t.need, t.finiteSize);
      break;
    case 'chi-w-concentrated':
      v = weightQuantity(t.point, t.activeFraction, false, t.need, t.finiteSize, true);
      break;
    case 'chi-w-half':
      v = weightQuantity(t.point, t.activeFraction, true, t.need, t.finiteSize);
      break;
    case 'network-subadditive':
      v = subadditive(t.point, t.layers!);
      break;
    case 'layer-subadditive':
      v = subadditive(t.point, [{ inputs: t.point.inputs!, rows: t.point.rows! }]);
      break;
    case 'displace-and-count':
      v = displaceAndCount(t.point, t.activeFraction);
      break;
    case 'paper-2024-cramer-rao':
      v = paperCramerRao(t.point, t.activeFraction);
      break;
    case 'paper-2025-revised':
      v = paperRevised(t.point, t.activeFraction);
      break;
    default:
      throw new RangeError(`unknown quantity "${t.quantity}"`);
  }
  return [v.lo.toString(), v.hi.toString()];
}
