import { dataLeak } from '../bounds/dataLeak.js';
import { holevoWeightLeak } from '../bounds/holevoWeightLeak.js';
import { revisedDataLeak } from '../bounds/revisedDataLeak.js';
import { logspace } from '../kernels/logspace.js';
import { leakM, scriptEpsilon } from './_internal/presetKernels.js';
import type { NeuronsAndLossRow, PaperPreset } from './paperPreset.js';

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
    { id: 'amplitude-transmittance', description: 'neurons_and_loss.m (loss panel) passes the amplitude transmittance √T to Leak\'s power-transmittance slot but plots −10·log10(T) dB. qsdl: weightBitsPowerTransmittance.' },
    { id: 'elementwise-map', description: 'Maps.m evaluates Leak on paired vectors (μ(i), G(i)) and uses that one vector as the axis of every row. qsdl: paperMap (full grid) beside paperMapAsWritten.' },
    { id: 'inconsistent-n', description: 'The map uses n = N/2 and M = 794 in M/n; the leakage-versus-neurons figure uses n = N and M = 784.' },
  ]),
  dataModel: 'paper-2025',
  weightFactor: 0.5,
  operatingPoint: Object.freeze({ mu: 6, gain: 1.3, inputs: 784, activeFraction: 0.5, transmittance: 1, rows: 794 }),
  weightLeak: (input) => 0.5 * holevoWeightLeak(input),
  dataLeak: (input) => dataLeak({ ...input, model: 'paper-2025' }),
  mapGrid: (gainCount = 512) => ({
    gains: logspace(-2.1, Math.log10(2.5), gainCount).map((g) => 1 + g),
    mus: logspace(-2, Math.log10(50), 512),
    samples: 784 / 2,
  }),
  neuronsAndLoss: () => neuronsAndLoss2025(),
});

function neuronsAndLoss2025(): NeuronsAndLossRow[] {
  const rows: NeuronsAndLossRow[] = [];
  const gain = 1.3;
  // Panel a: G = 1.3, V = 13 (μ = 6), T = 1; data: M = 784, n = N (as the script).
  for (const neurons of logspace(2, 4, 100)) {
    const eps = scriptEpsilon(gain, neurons / 2);
    const w = 0.5 * leakM(13, 1, eps);
    rows.push({ panel: 'a', neurons, effectiveInputs: neurons, gain, modulationVariance: 13, transmittance: 1, lossDb: 0, excessNoise: eps, weightBits: w, dataBits: revisedDataLeak(gain, 784, neurons), weightBitsPowerTransmittance: w });
  }
  // Panel b: N = 748, V = 12/T² + 1 with T the amplitude transmittance.
  const eps = scriptEpsilon(gain, 748 / 2);
  const d = revisedDataLeak(gain, 784, 748);
  for (const powerT of logspace(-1, 0, 100)) {
    const amplitudeT = Math.sqrt(powerT);
    const v = 12 / (amplitudeT * amplitudeT) + 1;
    rows.push({
      panel: 'b', neurons: 748, effectiveInputs: 748, gain, modulationVariance: v, transmittance: amplitudeT,
      lossDb: -10 * Math.log10(amplitudeT * amplitudeT), excessNoise: eps,
      weightBits: 0.5 * leakM(v, amplitudeT, eps), dataBits: d,
      weightBitsPowerTransmittance: 0.5 * leakM(v, amplitudeT * amplitudeT, eps),
    });
  }
  return rows;
}
