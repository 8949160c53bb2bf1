import { honestChannel, rowTotalDetection } from '../kit/clientAccounting.js';
import type { Attack } from '../attack.js';
import { composedCopies } from '../kit/composedCopies.js';

/**
 * Q-inference accumulation on the composed state (docs/model.md#lifetime): every inference re-sends
 * the weights; a client that runs the optimal per-mode attack at the honest noise level in
 * each of Q inferences holds Q copies, worth χ_W(Q·μ, T, ε) per weight symbol —
 * much less than Q times the per-inference figure, which is reported beside it.
 * @public
 */
export const multiQuery: Attack = {
  name: 'multi-query',
  side: 'client',
  summary: 'accumulates Q inferences: the composed state of Q copies of the weights, χ_W(Q·μ, T, ε)',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'queries', 'samples', 'delta'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const r = composedCopies(c, c.queries);
    return {
      kind: 'holevo',
      ...r.fields,
      numericalError: 0,
      estimator: 'Holevo information of Q per-inference optimal clones held jointly: χ_W(Q·μ, T, ε), per weight symbol over the Q inferences',
      details: { rowTotalDetection: rowTotalDetection(c, { ...honestChannel(c), rowNoise: 'per-mode' }), rowNoiseShape: 'per-mode', queries: c.queries, perInferenceBitsPerSymbol: r.perUse, perInferenceTimesQ: r.perUseTimesCopies, activeSymbol: r.activeSymbol },
    };
  },
};
