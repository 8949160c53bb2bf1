import { logspace } from '../../kernels/logspace.js';
import type { NeuronsAndLossRow, PresetSlip } from '../paperPreset.js';
import { leakM, scriptEpsilon } from './presetKernels.js';

/**
 * What distinguishes one published version of neurons_and_loss.m from another; the
 * loops themselves are the same in both (panel a: 100 neuron counts logspace(2, 4);
 * panel b: 100 power transmittances logspace(−1, 0) passed to Leak as their square
 * roots, the `amplitude-transmittance` slip). @internal
 */
export interface NeuronsAndLossScript {
  /** Client gain G of panel a. */
  readonly gain: number;
  /** Client gain G of panel b (the 2024 script uses another gain there). */
  readonly panelBGain: number;
  /** Factor on Leak (1 in 2024, 0.5 in 2025). */
  readonly weightFactor: number;
  /** Panel a: modulation variance V (SNU). */
  readonly panelAVariance: number;
  /** Panel b: V as a function of the amplitude transmittance t. */
  readonly panelBVariance: (t: number) => number;
  /** Neuron count of panel b (the script's 748). */
  readonly panelBNeurons: number;
  /** Effective sample count n the data formula uses for N neurons. */
  readonly dataSamples: (neurons: number) => number;
  /** Data leakage (bits per data symbol) for G and that n. */
  readonly dataBits: (gain: number, samples: number) => number;
}

/** Rows of both panels as the script computes them (ε always uses n = N/2). @internal */
export function neuronsAndLossRows(s: NeuronsAndLossScript): NeuronsAndLossRow[] {
  const rows: NeuronsAndLossRow[] = [];
  const g = s.gain;
  for (const neurons of logspace(2, 4, 100)) {
    const eps = scriptEpsilon(g, neurons / 2);
    const w = s.weightFactor * leakM(s.panelAVariance, 1, eps);
    const n = s.dataSamples(neurons);
    rows.push({ panel: 'a', neurons, effectiveInputs: n, gain: g, modulationVariance: s.panelAVariance, transmittance: 1, lossDb: 0, excessNoise: eps, weightBits: w, dataBits: s.dataBits(g, n), weightBitsPowerTransmittance: w });
  }
  const neurons = s.panelBNeurons;
  const gb = s.panelBGain;
  const eps = scriptEpsilon(gb, neurons / 2);
  const n = s.dataSamples(neurons);
  const d = s.dataBits(gb, n);
  for (const powerT of logspace(-1, 0, 100)) {
    const t = Math.sqrt(powerT);
    const v = s.panelBVariance(t);
    rows.push({
      panel: 'b', neurons, effectiveInputs: n, gain: gb, modulationVariance: v, transmittance: t,
      lossDb: -10 * Math.log10(t * t), excessNoise: eps, dataBits: d,
      weightBits: s.weightFactor * leakM(v, t, eps),
      weightBitsPowerTransmittance: s.weightFactor * leakM(v, t * t, eps),
    });
  }
  return rows;
}

/** Slips both published versions share. @internal */
export const SHARED_SLIPS: readonly PresetSlip[] = [
  { id: 'amplitude-transmittance', description: 'neurons_and_loss.m (loss panel) passes the amplitude transmittance √T to Leak\'s power-transmittance slot but plots −10·log10(T) dB. qsdl: weightBitsPowerTransmittance.' },
  { id: 'elementwise-map', description: 'Maps.m evaluates Leak(2μ+1, 1, ε(G)) on paired vectors (μ(i), G(i)) and uses that one vector as the axis of every row. qsdl: paperMap (full grid) beside paperMapAsWritten.' },
];
