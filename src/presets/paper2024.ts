import { cramerRaoDataLeak } from '../bounds/cramerRaoDataLeak.js';
import { dataLeak } from '../bounds/dataLeak.js';
import { holevoWeightLeak } from '../bounds/holevoWeightLeak.js';
import { logspace } from '../kernels/logspace.js';
import { neuronsAndLossRows, SHARED_SLIPS } from './_internal/neuronsAndLossFigure.js';
import type { PaperPreset } from './paperPreset.js';
import { WEIGHT_FACTORS } from './weightFactors.js';

/**
 * The `paper-2024` preset: the formulas of the authors' first public code
 * (Leak.m, CCRB1.m, Maps.m, neurons_and_loss.m; arXiv:2408.05629 v1), evaluated
 * with qsdl's accurate kernels. Weight leakage χ_W in full; data leakage by the
 * homodyne Cramér–Rao figure with σ⁸ (as published); ε = (2G − 2)/G/n with n = N/2.
 *
 * Slips reproduced (and the right value offered beside each):
 * - `fisher-sigma8`: CCRB1.m divides by σ⁸; the Fisher information of a Gaussian
 *   variance has σ⁴ (data model `corrected`).
 * - `amplitude-transmittance`: neurons_and_loss.m panel b passes the amplitude
 *   transmittance √T to Leak's power-transmittance slot while plotting −10·log10(T)
 *   dB (row field `weightBitsPowerTransmittance` has the value with the power T).
 * - `elementwise-map`: Maps.m pairs μ(i) with G(i) in one vector and uses it as the
 *   axis of every row of the contour map ({@link paperMapAsWritten} reproduces it;
 *   {@link paperMap} computes the full grid).
 * @public
 */
export const paper2024: PaperPreset = Object.freeze<PaperPreset>({
  name: 'paper-2024',
  summary: 'Authors\' first public code (arXiv:2408.05629 v1): χ_W, homodyne Cramér–Rao with σ⁸, ε = (2G−2)/(G·N/2)',
  slips: Object.freeze([
    { id: 'fisher-sigma8', description: 'CCRB1.m divides the Fisher information by σ⁸; for a Gaussian whose variance σ² carries x it is σ⁴. qsdl: data model `corrected`.' },
    ...SHARED_SLIPS,
  ]),
  dataModel: 'paper-2024',
  weightFactor: WEIGHT_FACTORS['paper-2024'],
  operatingPoint: Object.freeze({ mu: 4, gain: 2, inputs: 784, activeFraction: 0.5, transmittance: 1, rows: 784 }),
  weightLeak: (input) => holevoWeightLeak(input),
  // The preset's model does not use `rows`: an operating point may carry it, so it is dropped here.
  dataLeak: (input) => dataLeak({ ...input, rows: undefined, model: 'paper-2024' }),
  mapGrid: (gainCount = 512) => ({
    gains: logspace(-2.2, Math.log10(2.2), gainCount).map((g) => 1 + g),
    mus: logspace(-4, 1, 512),
    samples: 784 / 2,
  }),
  // neurons_and_loss.m (2024): panel a G = 2, V = 9 (μ = 4); panel b G = 1.2, V = 4/t² + 1 at N = 748;
  // data by CCRB1 with n = N/2.
  neuronsAndLoss: () => neuronsAndLossRows({
    gain: 2, panelBGain: 1.2, weightFactor: 1, panelAVariance: 9, panelBVariance: (t) => 4 / (t * t) + 1, panelBNeurons: 748,
    dataSamples: (neurons) => neurons / 2,
    dataBits: (g, n) => cramerRaoDataLeak(g, n, 1 / Math.sqrt(n), 'paper-2024'),
  }),
});
