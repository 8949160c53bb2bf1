import { networkDataLeakBound, type LayerShape } from '../bounds/networkDataLeakBound.js';
import type { AccuracyLeakageMap } from './accuracyLeakageMap.js';
import type { ClaimVerdict } from './claimVerdict.js';
import { PAPER_HEADLINE, type HeadlineCriteria } from './paperHeadline.js';

/** qsdl's verdict on the headline over a map, with the reason in words. @public */
export interface HeadlineVerdict {
  /** holds, fails or unknown (see {@link ClaimVerdict}). */
  readonly verdict: ClaimVerdict;
  /** Grid points where the claim is certified: simulated accuracy meets it, χ_W and the whole-network Holevo data bound (chain rule over the layers) stay under. */
  readonly certifiedPoints: number;
  /** Grid points where it is refuted: simulated accuracy misses, or the displace-and-count attack (achieved) learns more. */
  readonly refutedPoints: number;
  /** Grid points in all. */
  readonly totalPoints: number;
}

/** The paper's network: 784 inputs, a hidden layer of 784, 10 outputs. */
const PAPER_LAYERS: readonly LayerShape[] = Object.freeze([{ inputs: 784, rows: 784 }, { inputs: 784, rows: 10 }]);

/**
 * qsdl's own verdict on the headline over a map's grid, from the numbers that can prove
 * something (docs/model.md#claims): the claim holds if at some grid point the simulated
 * accuracy meets the minimum while χ_W and the photon-number Holevo bound on the data for the
 * whole network (each layer's bound, summed by the chain rule: {@link networkDataLeakBound})
 * stay under theirs; it fails if at every grid point the simulated accuracy
 * misses the minimum or the displace-and-count attack (achieved) exceeds the data
 * threshold; otherwise it is unknown. χ_W above its threshold refutes nothing (it is an
 * upper bound). Over the grid's ranges only.
 *
 * @param map - from {@link accuracyLeakageMap}
 * @param criteria - thresholds @defaultValue {@link PAPER_HEADLINE}
 * @param layers - the network's layer shapes, input side first (the first layer's N must be the map's N) @defaultValue the paper's 784-784-10
 * @returns the verdict and the point counts behind it
 * @public
 */
export function headlineVerdict(map: AccuracyLeakageMap, criteria: HeadlineCriteria = PAPER_HEADLINE, layers: readonly LayerShape[] = PAPER_LAYERS): HeadlineVerdict {
  let certifiedPoints = 0;
  let refutedPoints = 0;
  const networkBits = new Map<number, number>();
  const networkBound = (gain: number) => {
    let b = networkBits.get(gain);
    if (b === undefined) {
      b = networkDataLeakBound({ gain, layers }).bits;
      networkBits.set(gain, b);
    }
    return b;
  };
  for (const r of map.rows) {
    const acc = r.accuracyPercent.simulated;
    // the one-layer bound first: it is below the network's, so a point it rules out needs no network sum
    if (acc >= criteria.minAccuracyPercent && r.weightBits <= criteria.maxWeightBits && r.dataBits['holevo-symmetric'] <= criteria.maxDataBits && networkBound(r.gain) <= criteria.maxDataBits) certifiedPoints += 1;
    if (acc < criteria.minAccuracyPercent || r.dataBits.counting > criteria.maxDataBits) refutedPoints += 1;
  }
  const verdict: ClaimVerdict = certifiedPoints > 0 ? 'holds' : refutedPoints === map.rows.length ? 'fails' : 'unknown';
  return { verdict, certifiedPoints, refutedPoints, totalPoints: map.rows.length };
}
