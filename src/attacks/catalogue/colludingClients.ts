import { honestChannel, rowTotalDetection } from '../kit/clientAccounting.js';
import type { Attack } from '../attack.js';
import { composedCopies } from '../kit/composedCopies.js';

/**
 * K colluding clients (the multiparty setting: one server, many clients), each making Q
 * inferences with the optimal per-mode attack at the honest noise level, pool their
 * clones of the same weights: K·Q copies, χ_W(K·Q·μ, T, ε) per weight symbol. What each
 * client alone holds and the naive sum K × that are reported beside it.
 * @public
 */
export const colludingClients: Attack = {
  name: 'colluding-clients',
  side: 'client',
  summary: 'K clients pool their clones of the same weights: χ_W(K·Q·μ, T, ε) on the composed state',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'queries', 'clients', 'samples', 'delta'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const pooled = composedCopies(c, c.clients * c.queries);
    const each = composedCopies(c, c.queries);
    return {
      kind: 'holevo',
      ...pooled.fields,
      numericalError: 0,
      estimator: 'Holevo information of the K·Q clones pooled: χ_W(K·Q·μ, T, ε), per weight symbol',
      details: { rowTotalDetection: rowTotalDetection(c, { ...honestChannel(c), rowNoise: 'per-mode' }), rowNoiseShape: 'per-mode', clients: c.clients, queriesEach: c.queries, eachClientBitsPerSymbol: each.fields.bitsPerSymbol, sumOfClients: c.clients * each.fields.bitsPerSymbol, activeSymbol: pooled.activeSymbol },
    };
  },
};
