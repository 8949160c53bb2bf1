import { measurementNoiseFactor } from '../../protocol/measurementNoiseFactor.js';
import { withKind } from '../kit/withKind.js';
import type { Attack } from '../attack.js';
import { clientOutcome, honestActiveNoise, type SeenChannel } from '../kit/clientAccounting.js';
import { homodyneInformation } from '../kit/homodyneInformation.js';
import { InputRangeError } from '../../inputError.js';

/** Gain with the smallest DX2, 2 + √2 (docs/model.md#client-measurement): the greedy client's default. */
const BEST_GAIN = 2 + Math.SQRT2;

/**
 * Greedy gain: the client declares G but uses G_a ≥ G, for a better homodyne SNR
 * (up to G_a = 2 + √2) and more returned noise 2(G_a − 1)/G_a along x̂. Gain: the
 * Shannon information of its homodyne at G_a, bits per weight symbol.
 * @public
 */
export const greedyGain: Attack = {
  name: 'greedy-gain',
  side: 'client',
  summary: 'declares gain G, uses a larger G_a (better SNR up to 2 + √2, more returned noise)',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  // Default: the best SNR the client can get without using less than it declares, max(G, 2 + √2):
  // above 2 + √2 a larger gain only lowers the SNR, so a greedy client keeps G there.
  parameters: [{ name: 'actual-gain', description: 'the gain G_a the client really uses (≥ the declared G; default max(G, 2 + √2), its best SNR)', kind: 'number', min: 1, max: 1e6, default: BEST_GAIN, defaultFor: (c) => Math.max(c.gain, BEST_GAIN) }],
  cost: 'fast',
  evaluate(c, p) {
    const ga = p['actual-gain'] as number;
    if (ga < c.gain) throw new InputRangeError(`parameter actual-gain of attack greedy-gain must be ≥ the declared gain G = ${c.gain}; received ${ga}`);
    const seen: SeenChannel = { loss: 1 - c.transmittance, activeNoise: honestActiveNoise(c, ga) + c.technicalNoise, inactiveNoise: c.technicalNoise, rowNoise: 'rank-one' };
    const rowBits = homodyneInformation(c.transmittance * c.mu, ga);
    return withKind('achieved', clientOutcome(c, seen, rowBits / c.inputs, 'Shannon information of the homodyne outcome at the actual gain, ½·log2(1 + 2Tμ/DX2(G_a)) bits per row, over its N weights', {
      bitsPerRow: rowBits,
      honestBitsPerRow: homodyneInformation(c.transmittance * c.mu, c.gain),
      dx2Declared: measurementNoiseFactor(c.gain),
      dx2Actual: measurementNoiseFactor(ga),
    }));
  },
};
