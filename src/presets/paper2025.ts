import { dataLeak } from '../bounds/dataLeak.js';
import { holevoWeightLeak } from '../bounds/holevoWeightLeak.js';
import { revisedDataLeak } from '../bounds/revisedDataLeak.js';
import { logspace } from '../kernels/logspace.js';
import { neuronsAndLossRows, SHARED_SLIPS } from './_internal/neuronsAndLossFigure.js';
import type { PaperPreset } from './paperPreset.js';
import { WEIGHT_FACTORS } from './weightFactors.js';

/**
 * The `paper-2025` preset: the authors' revised code (the 2025 revision of the same
 * repository: Maps.m, neurons_and_loss.m). Weight leakage is 0.5·χ_W ("real or
 * imaginary part"); data leakage is ½·log2(1 + 4(M/n)(G−1)²/(G(3G−2))) with
 * n = N/2 and M = 784 + 10 in the map, but n = N and M = 784 in the
 * leakage-versus-neurons figure (the two scripts disagree; both are reproduced).
 *
 * Slips reproduced:
 * - `half-weight`: the factor 0.5 on χ_W is not part of the Holevo bound of a
 *   Gaussian-modulated coherent state (which already covers both quadratures);
 *   qsdl's `holevoWeightLeak` gives the full value.
 * - `amplitude-transmittance` and `elementwise-map`: as in `paper-2024`.
 * - `inconsistent-n`: the map and the figure use different n in M/n.
 * @public
 */
export const paper2025: PaperPreset = Object.freeze<PaperPreset>({
  name: 'paper-2025',
  summary: 'Authors\' revised code (2025): 0.5·χ_W, I_x = ½·log2(1 + 4(M/n)(G−1)²/(G(3G−2))), ε = (2G−2)/(G·N/2)',
  slips: Object.freeze([
    { id: 'half-weight', description: 'Weight leakage is reported as 0.5·χ_W ("real or imaginary part"); χ_W of a Gaussian-modulated coherent state already covers both quadratures. qsdl: holevoWeightLeak (full χ_W).' },
    ...SHARED_SLIPS,
    { id: 'inconsistent-n', description: 'The map uses n = N/2 and M = 794 in M/n; the leakage-versus-neurons figure uses n = N and M = 784.' },
  ]),
  dataModel: 'paper-2025',
  weightFactor: WEIGHT_FACTORS['paper-2025'],
  operatingPoint: Object.freeze({ mu: 6, gain: 1.3, inputs: 784, activeFraction: 0.5, transmittance: 1, rows: 794 }),
  weightLeak: (input) => 0.5 * holevoWeightLeak(input),
  // The preset's model does not use `x`: an operating point may carry it, so it is dropped here.
  dataLeak: (input) => dataLeak({ ...input, x: undefined, model: 'paper-2025' }),
  mapGrid: (gainCount = 512) => ({
    gains: logspace(-2.1, Math.log10(2.5), gainCount).map((g) => 1 + g),
    mus: logspace(-2, Math.log10(50), 512),
    samples: 784 / 2,
  }),
  // neurons_and_loss.m (2025): G = 1.3 in both panels, V = 13 (μ = 6), 0.5·Leak; panel b V = 12/t² + 1
  // at N = 748; data by the revised formula with M = 784 and n = N (not N/2: the `inconsistent-n` slip).
  neuronsAndLoss: () => neuronsAndLossRows({
    gain: 1.3, panelBGain: 1.3, weightFactor: 0.5, panelAVariance: 13, panelBVariance: (t) => 12 / (t * t) + 1, panelBNeurons: 748,
    dataSamples: (neurons) => neurons,
    dataBits: (g, n) => revisedDataLeak(g, 784, n),
  }),
});
