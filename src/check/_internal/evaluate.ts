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
  /** The ends computed: `both` (the checker compares the stored enclosure with its own), or one end alone. */
  readonly need: 'lo' | 'hi' | 'both';
}

/** [lo, hi] as decimal strings (bits per symbol), or ['error', message] when the inputs cannot be evaluated. */
export type EvalResult = readonly [string, string];

/** {@link evaluateTask} that reports a failure as a result instead of throwing (a forged certificate must not crash the checker). */
export function evaluateSafely(t: EvalTask): EvalResult {
  try {
    return evaluateTask(t);
  } catch (e) {
    return ['error', e instanceof Error ? e.message : String(e)];
  }
}

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
