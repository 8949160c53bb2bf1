import { thermalEntropy } from '../../kernels/thermalEntropy.js';
import { withKind } from '../kit/withKind.js';
import type { Attack } from '../attack.js';
import { homodyneSnr } from '../kit/homodyneInformation.js';
import { addLoss, clientOutcome, honestActiveNoise, type SeenChannel } from '../kit/clientAccounting.js';

/**
 * Tap-and-claim-loss: a beam splitter taps a fraction τ of every mode and the client
 * reports it as fibre loss; it keeps the tapped coherent states and still runs the
 * honest homodyne on the rest. Per row, in the frame of U(x̂) (docs/model.md#protocol): the mode along
 * x̂ gives the homodyne outcome (SNR s = 2(1 − τ)Tμ/DX2) and a tap whose modulation,
 * given that outcome, is narrowed in q to 2μ/(1 + s): χ = ½log2(1 + s) + g(ν) with
 * ν² = (1 + 2τTμ/(1 + s))(1 + 2τTμ) (chain rule; the tap and the outcome are independent
 * given the weight); each of the other N − 1 modes gives h(τTμ) (pure coherent states).
 * The rotated symbols are i.i.d. like the original ones, so the row total is exact.
 * @public
 */
export const tapAndClaimLoss: Attack = {
  name: 'tap-and-claim-loss',
  side: 'client',
  summary: 'taps a fraction τ of every mode and reports it as fibre loss; keeps the taps and measures honestly',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'activeFraction', 'samples', 'delta'],
  parameters: [{ name: 'tap', description: 'tapped power fraction τ (reported as loss)', kind: 'number', min: 0, max: 1, openMax: true, default: 0.1 }],
  cost: 'fast',
  evaluate(c, p) {
    const tau = p.tap as number;
    const photons = c.transmittance * c.mu; // what reaches the client
    const s = homodyneSnr((1 - tau) * photons, c.gain);
    const tapped = 2 * tau * photons; // modulation variance of the tap per quadrature
    // ν − 1 with ν² = (1 + a)(1 + b), as (a + b + ab)/(ν + 1): no cancellation when the tap is tiny.
    const a = tapped / (1 + s);
    const nu = Math.sqrt((1 + a) * (1 + tapped));
    const alongXhat = Math.log1p(s) / (2 * Math.LN2) + thermalEntropy((a + tapped + a * tapped) / (nu + 1) / 2);
    const otherModes = thermalEntropy(tau * photons);
    const rowBits = alongXhat + (c.inputs - 1) * otherModes;
    const seen: SeenChannel = { loss: addLoss(1 - c.transmittance, tau), activeNoise: honestActiveNoise(c) + c.technicalNoise, inactiveNoise: c.technicalNoise, rowNoise: 'rank-one' };
    return withKind('holevo', clientOutcome(c, seen, rowBits / c.inputs, 'Holevo information of the taps together with the homodyne outcome (exact, Gaussian), per weight symbol', {
      bitsPerRow: rowBits,
      tapBitsPerMode: otherModes,
      seenLoss: seen.loss,
    }));
  },
};
