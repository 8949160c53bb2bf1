import { outputSnr } from '../../protocol/outputSnr.js';
import { withKind } from '../kit/withKind.js';
import type { Attack } from '../attack.js';
import { clientOutcome, honestChannel } from '../kit/clientAccounting.js';
import { homodyneInformation } from '../kit/homodyneInformation.js';

/**
 * The honest client (docs/model.md#protocol): one homodyne per row on the mode along x̂. It learns the
 * Shannon information of that outcome, ½·log2(1 + 2Tμ/DX2(G)) bits per row, spread over
 * the row's N weight symbols. Baseline of the client catalogue.
 * @public
 */
export const honest: Attack = {
  name: 'honest',
  side: 'client',
  summary: 'the protocol as specified: one homodyne per row along x̂ (Shannon information of the outcome)',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const rowBits = homodyneInformation(c.transmittance * c.mu, c.gain);
    return withKind('achieved', clientOutcome(c, honestChannel(c), rowBits / c.inputs, 'Shannon information of the homodyne outcome, ½·log2(1 + 2Tμ/DX2(G)) bits per row, over its N weights', {
      bitsPerRow: rowBits,
      outputSnr: outputSnr(c.transmittance * c.mu, c.gain),
    }));
  },
};
