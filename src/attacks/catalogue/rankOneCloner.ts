import { holevoWeightLeak } from '../../bounds/holevoWeightLeak.js';
import type { Attack } from '../attack.js';
import { addedPhotons } from '../../protocol/addedPhotons.js';
import { clientOutcome, honestChannel, rowTotalDetection, weightBound } from '../kit/clientAccounting.js';
import { withKind } from '../kit/withKind.js';

/**
 * The rank-one cloner (proofs/row-total-test.md §8, proofs/attacks.md §3.4): the client works in the
 * frame of U(x̂), like the protocol, and puts a Gaussian entangling cloner on the mode along x̂
 * alone, with the honest noise 2k + ε_tech there (k = (G − 1)/G photons) and the technical noise
 * ε_tech on the N − 1 other modes, keeping the purifications. The returned noise is then
 * exactly the honest client's: rank one along x̂, so the row totals keep the honest law and
 * neither the row-total test nor the per-mode test sees anything beyond its false alarm. Its
 * information is the Holevo quantity of those purifications, [χ_W(μ, T, 2k + ε_tech) +
 * (N − 1)·χ_W(μ, T, ε_tech)]/N bits per weight symbol (the rotated symbols are i.i.d. like the
 * original ones, proofs/attacks.md §3.3), against the per-mode cloner's
 * p·χ_W(μ, T, 2k/(pN) + ε_tech) + (1 − p)·χ_W(μ, T, ε_tech), which the row-total test catches.
 * By concavity of χ_W in ε the per-mode figure is the larger one (proved: χ_W is concave in ε, proofs/attacks.md §3.4.4).
 * @public
 */
export const rankOneCloner: Attack = {
  name: 'rank-one-cloner',
  side: 'client',
  summary: 'a Gaussian cloner on the mode along x̂ alone, at the honest noise: row totals keep the honest law, so the row-total test cannot see it',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [],
  cost: 'fast',
  evaluate(c) {
    const seen = honestChannel(c); // what it returns is the honest client's noise, rank one along x̂
    const loss = 1 - c.transmittance;
    const alongXhat = holevoWeightLeak({ mu: c.mu, loss, excessNoise: 2 * addedPhotons(c.gain) + c.technicalNoise });
    const otherMode = holevoWeightLeak({ mu: c.mu, loss, excessNoise: c.technicalNoise });
    const perSymbol = (alongXhat + (c.inputs - 1) * otherMode) / c.inputs;
    const perModeClone = { ...seen, rowNoise: 'per-mode' as const };
    const perModeBits = weightBound(c, perModeClone).average;
    return withKind('holevo', clientOutcome(c, seen, perSymbol, 'Holevo information of the purifications of a cloner on the mode along x̂ (noise 2k + ε_tech) and on the other N − 1 modes (ε_tech), [χ_W(μ, T, 2k + ε_tech) + (N − 1)·χ_W(μ, T, ε_tech)]/N per weight symbol', {
      alongXhatBits: alongXhat,
      otherModeBits: otherMode,
      perModeClonerBitsPerSymbol: perModeBits,
      fractionOfPerModeCloner: perModeBits > 0 ? perSymbol / perModeBits : 1,
      perModeClonerRowTotalDetection: rowTotalDetection(c, perModeClone),
    }));
  },
};
