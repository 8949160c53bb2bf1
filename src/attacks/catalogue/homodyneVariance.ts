import { addedPhotons } from '../../protocol/addedPhotons.js';
import { cramerRaoDataLeak, CRAMER_RAO_VARIANTS } from '../../bounds/cramerRaoDataLeak.js';
import type { Attack } from '../attack.js';
import { homodyneVarianceInformation } from '../_internal/homodyneVarianceInformation.js';
import { passive, subadditiveBound } from '../kit/serverAccounting.js';

/**
 * Homodyne variance estimation, the paper's server model (docs/model.md#homodyne-models): the server
 * homodynes each returned mode after removing its displacement and reads the client's
 * data from the variance 1 + 2k·x̂_j² of its M samples. Gain: the exact mutual
 * information between a pixel's activity (prior: a fraction p active with x̂_j² = 1/(p·N))
 * and those samples, bits per data symbol. The paper's own Cramér–Rao figure (which is not
 * an information and can exceed any bound) is reported beside it.
 * @public
 */
export const homodyneVariance: Attack = {
  name: 'homodyne-variance',
  side: 'server',
  summary: 'homodynes each returned mode and reads x̂_j² from its variance (the paper\'s model)',
  claimsOptimal: false,
  uses: ['gain', 'inputs', 'rows', 'activeFraction'],
  parameters: [{ name: 'variant', description: 'the paper\'s Cramér–Rao figure reported beside the gain: as published (σ⁸) or corrected (σ⁴)', kind: 'choice', choices: CRAMER_RAO_VARIANTS, default: 'corrected' }],
  cost: 'fast',
  evaluate(c, p) {
    const k = addedPhotons(c.gain);
    const n = c.activeFraction * c.inputs;
    const bits = homodyneVarianceInformation(k, 1 / n, c.rows, c.activeFraction);
    return {
      kind: 'achieved',
      ...passive(c, bits, subadditiveBound(c)),
      estimator: 'mutual information between a pixel\'s activity and the M homodyne samples of its mode (exact, numerical quadrature)',
      details: { paperCramerRaoBits: cramerRaoDataLeak(c.gain, n, undefined, p.variant as 'paper-2024' | 'corrected'), variant: p.variant as string, photonsPerRow: k },
    };
  },
};
