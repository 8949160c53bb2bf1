import { cramerRaoDataLeak } from '../bounds/cramerRaoDataLeak.js';
import { dataLeak } from '../bounds/dataLeak.js';
import { holevoWeightLeak } from '../bounds/holevoWeightLeak.js';
import { logspace } from '../kernels/logspace.js';
import { leakM, scriptEpsilon } from './_internal/presetKernels.js';
import type { NeuronsAndLossRow, PaperPreset } from './paperPreset.js';

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
    { id: 'amplitude-transmittance', description: 'neurons_and_loss.m (loss panel) passes the amplitude transmittance √T to Leak\'s power-transmittance slot but plots −10·log10(T) dB. qsdl: weightBitsPowerTransmittance.' },
    { id: 'elementwise-map', description: 'Maps.m evaluates Leak(2μ+1, 1, ε(G)) on paired vectors (μ(i), G(i)) and uses that one vector as the axis of every row. qsdl: paperMap (full grid) beside paperMapAsWritten.' },
  ]),
  dataModel: 'paper-2024',
  weightFactor: 1,
  operatingPoint: Object.freeze({ mu: 4, gain: 2, inputs: 784, activeFraction: 0.5, transmittance: 1, rows: 784 }),
  weightLeak: (input) => holevoWeightLeak(input),
  dataLeak: (input) => dataLeak({ ...input, model: 'paper-2024' }),
  mapGrid: (gainCount = 512) => ({
    gains: logspace(-2.2, Math.log10(2.2), gainCount).map((g) => 1 + g),
    mus: logspace(-4, 1, 512),
    samples: 784 / 2,
  }),
  neuronsAndLoss: () => neuronsAndLoss2024(),
});

function neuronsAndLoss2024(): NeuronsAndLossRow[] {
  const rows: NeuronsAndLossRow[] = [];
  // Panel a: leakage against the number of neurons, G = 2, V = 9 (μ = 4), T = 1.
  for (const neurons of logspace(2, 4, 100)) {
    const n = neurons / 2;
    const eps = scriptEpsilon(2, n);
    const w = leakM(9, 1, eps);
    rows.push({ panel: 'a', neurons, effectiveInputs: n, gain: 2, modulationVariance: 9, transmittance: 1, lossDb: 0, excessNoise: eps, weightBits: w, dataBits: cramerRaoDataLeak(2, n, 1 / Math.sqrt(n), 'paper-2024'), weightBitsPowerTransmittance: w });
  }
  // Panel b: leakage against loss, N = 748 (the script's value), G = 1.2, V = 4/T² + 1.
  const n = 748 / 2;
  const eps = scriptEpsilon(1.2, n);
  const d = cramerRaoDataLeak(1.2, n, 1 / Math.sqrt(n), 'paper-2024');
  for (const powerT of logspace(-1, 0, 100)) {
    const amplitudeT = Math.sqrt(powerT);
    const v = 4 / (amplitudeT * amplitudeT) + 1;
    rows.push({
      panel: 'b', neurons: 748, effectiveInputs: n, gain: 1.2, modulationVariance: v, transmittance: amplitudeT,
      lossDb: -10 * Math.log10(amplitudeT * amplitudeT), excessNoise: eps,
      weightBits: leakM(v, amplitudeT, eps), dataBits: d,
      weightBitsPowerTransmittance: leakM(v, amplitudeT * amplitudeT, eps),
    });
  }
  return rows;
}
