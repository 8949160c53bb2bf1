import { honestChannel, rowTotalDetection } from '../kit/clientAccounting.js';
import type { Attack } from '../attack.js';
import { addedPhotons } from '../../protocol/addedPhotons.js';
import type { SeenChannel } from '../kit/clientAccounting.js';
import { composedCopies } from '../kit/composedCopies.js';
import { homodyneSnr } from '../kit/homodyneInformation.js';

/**
 * Model extraction from the legitimate outputs alone: the client chooses its inputs
 * x̂ = e_j (one weight per row per query), cycling j over the N inputs. After Q queries
 * each weight is measured ⌊Q/N⌋ or ⌈Q/N⌉ times, each time with SNR s = 2Tμ/DX2(G)
 * (the bound's ensemble, modulation 2μ per quadrature); r measurements of a Gaussian
 * weight give ½·log2(1 + r·s) bits. The noise 2(G − 1)/G then falls on one mode per
 * query, 2(G − 1)/(G·N) per mode on average, which the server's test accepts. Also
 * reported: the queries needed for `target-bits` per weight.
 * @public
 */
export const modelExtraction: Attack = {
  name: 'model-extraction',
  side: 'client',
  summary: 'queries with basis-vector inputs and averages the legitimate outputs: bits per weight after Q queries',
  claimsOptimal: false,
  uses: ['mu', 'gain', 'transmittance', 'technicalNoise', 'inputs', 'rows', 'queries', 'samples', 'delta'],
  parameters: [{ name: 'target-bits', description: 'bits per weight the extraction aims at (b_w)', kind: 'number', min: 0, max: 32, openMin: true, default: 1 }],
  cost: 'fast',
  evaluate(c, p) {
    const target = p['target-bits'] as number;
    const s = homodyneSnr(c.transmittance * c.mu, c.gain);
    const bits = (r: number) => Math.log1p(r * s) / (2 * Math.LN2);
    const low = Math.floor(c.queries / c.inputs);
    const extra = c.queries - low * c.inputs; // weights measured once more
    const perSymbol = (extra * bits(low + 1) + (c.inputs - extra) * bits(low)) / c.inputs;
    const perMode = (2 * addedPhotons(c.gain)) / c.inputs + c.technicalNoise;
    const seen: SeenChannel = { loss: 1 - c.transmittance, activeNoise: perMode, inactiveNoise: perMode };
    const composed = composedCopies({ ...c, activeFraction: 1 }, c.queries, seen);
    const measurementsNeeded = s > 0 ? Math.ceil(Math.expm1(2 * target * Math.LN2) / s) : Infinity;
    return {
      kind: 'achieved',
      ...composed.fields,
      bitsPerSymbol: perSymbol,
      totalBits: perSymbol * c.inputs * c.rows,
      numericalError: 0,
      estimator: 'Shannon information about each weight of its averaged homodyne outputs, ½·log2(1 + r·s), r = measurements of it in Q queries',
      details: { rowTotalDetection: rowTotalDetection(c, honestChannel(c)), rowNoiseShape: 'rank-one (one mode e_j per query: the honest shape)', snrPerMeasurement: s, queriesForTargetBits: Number.isFinite(measurementsNeeded) ? measurementsNeeded * c.inputs : 'never (G = 1)', targetBits: target, seenNoisePerMode: perMode },
    };
  },
};
