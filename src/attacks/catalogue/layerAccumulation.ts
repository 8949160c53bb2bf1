import { countingDataLeak } from '../../bounds/countingDataLeak.js';
import { holevoSubadditiveDataLeak } from '../../bounds/holevoSubadditiveDataLeak.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from '../../inference/encodePixels.js';
import type { Attack } from '../attack.js';
import { layerActivity } from '../_internal/layerActivity.js';
import { SUBADDITIVE } from '../kit/serverAccounting.js';

/**
 * Accumulation over the M rows and the L layers of the trained network (docs/model.md#server-capabilities, docs/model.md#lifetime):
 * every layer ℓ returns light that carries that layer's input (the pixels for layer 1, the
 * ReLU activations after), through all M_ℓ rows. Per layer the server counts photons
 * (Z channel with the layer's measured fraction p_ℓ of non-zero inputs, efficiency η, dark
 * counts d); the gains are added over layers, per data symbol of the client's input
 * (divided by N₁). The sum is a model figure, not a proven lower bound: the next layer's
 * input is built from the client's noisy outcomes, which are correlated with the light it
 * returns, so the layers' leaks are not independent given x (proofs/attacks.md §14). The
 * bound — the sum of the layers' subadditive Holevo bounds, per input symbol — holds without
 * that independence (proofs/attacks.md §14.2). The one-row figure of layer 1 shows what the
 * M rows add.
 * @public
 */
export const layerAccumulation: Attack = {
  name: 'layer-accumulation',
  side: 'server',
  summary: 'counts photons in every row of every layer of the trained network and adds up what each layer leaks',
  claimsOptimal: false,
  uses: ['gain', 'efficiency', 'darkCounts'],
  parameters: [
    { name: 'encoding', description: 'the client\'s pixel encoding: pm1 (the paper\'s, [−1, 1]) or unit ([0, 1])', kind: 'choice', choices: PIXEL_ENCODINGS, default: 'unit' },
    { name: 'images', description: 'MNIST test images over which the layers\' active fractions are measured', kind: 'integer', min: 1, max: 10000, default: 1000 },
  ],
  usesNetwork: true,
  cost: 'slow',
  evaluate(c, p, context) {
    const layers = layerActivity(context.network(), p.encoding as PixelEncoding, p.images as number);
    const first = layers[0] as (typeof layers)[number];
    let gainBits = 0;
    let boundBits = 0;
    const details: Record<string, number | string> = { encoding: p.encoding as string, layers: layers.length };
    layers.forEach((l, i) => {
      const activeFraction = Math.max(l.activeFraction, 1 / l.inputs); // at least one active input (an all-zero layer input sends no light)
      const perSymbol = countingDataLeak({ gain: c.gain, inputs: l.inputs, rows: l.rows, activeFraction, efficiency: c.efficiency, darkCounts: c.darkCounts });
      gainBits += perSymbol * l.inputs;
      boundBits += holevoSubadditiveDataLeak(c.gain, l.inputs, l.rows) * l.inputs;
      details[`layer${i + 1}ActiveFraction`] = l.activeFraction;
      details[`layer${i + 1}BitsPerInput`] = perSymbol;
      details[`layer${i + 1}Rows`] = l.rows;
    });
    details.layer1OneRowBitsPerInput = countingDataLeak({ gain: c.gain, inputs: first.inputs, rows: 1, activeFraction: Math.max(first.activeFraction, 1 / first.inputs), efficiency: c.efficiency, darkCounts: c.darkCounts });
    return {
      kind: 'model',
      bitsPerSymbol: gainBits / first.inputs,
      totalBits: gainBits,
      symbols: first.inputs,
      numericalError: 0,
      estimator: 'per-layer photon-counting (Z-channel) information with each layer\'s measured active fraction (noise-free forward pass), summed over layers, per input symbol: a model figure',
      boundBitsPerSymbol: boundBits / first.inputs,
      bound: `sum over layers of the ${SUBADDITIVE}, per input symbol`,
      excessNoise: 0,
      lossIncrease: 0,
      detectionProbability: 0,
      details,
    };
  },
};
