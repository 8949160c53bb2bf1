import { describeValue, oneOf } from '../_internal/validate.js';
import type { BiasFreeNetwork } from '../inference/noisyForward.js';
import { InputRangeError, InputTypeError } from '../inputError.js';
import { addedPhotons } from '../protocol/addedPhotons.js';
import { holevoSubadditiveDataLeak } from './holevoSubadditiveDataLeak.js';
import { holevoSymmetricDataLeak } from './holevoSymmetricDataLeak.js';

/** The Holevo bounds that extend to a whole network by the chain rule. @public */
export type NetworkBoundModel = 'holevo-symmetric' | 'holevo-subadditive';

/** Every {@link NetworkBoundModel}. @public */
export const NETWORK_BOUND_MODELS: readonly NetworkBoundModel[] = Object.freeze(['holevo-symmetric', 'holevo-subadditive'] as const);

/** The shape of one layer as the server sees it: N inputs (modes per row) and M rows (outputs). @public */
export interface LayerShape {
  /** Inputs N_l of the layer (modes per row; N_1 is the client's data size). */
  readonly inputs: number;
  /** Rows M_l of the layer (its outputs). */
  readonly rows: number;
}

/** Operating point of {@link networkDataLeakBound}. @public */
export interface NetworkDataLeakBoundInput {
  /** Client amplifier gain G ≥ 1 (k = (G − 1)/G photons per row along the layer's input direction). */
  readonly gain: number;
  /** The network (its layer shapes are read from the weights) or the layer shapes, input side first; 1 to 64 layers, each N_l the previous M_l. */
  readonly layers: BiasFreeNetwork | readonly LayerShape[];
  /** Which one-layer bound to sum. @defaultValue 'holevo-symmetric' */
  readonly model?: NetworkBoundModel | undefined;
  /** Technical-noise photons t per row along the layer's input direction, in [0, 100]: every layer's bound uses k + t. @defaultValue 0 */
  readonly technicalPhotons?: number | undefined;
}

/** One layer's share of {@link NetworkDataLeakBound}. @public */
export interface LayerDataLeakBound {
  /** Layer index, 1 for the layer that takes the client's data. */
  readonly layer: number;
  /** Its inputs N_l. */
  readonly inputs: number;
  /** Its rows M_l. */
  readonly rows: number;
  /** The one-layer bound on what a server learns about this layer's input, bits per symbol of that input (N_l symbols). */
  readonly bitsPerLayerInput: number;
  /** The same in bits per layer: bitsPerLayerInput·N_l. */
  readonly totalBits: number;
  /** Its share of the network bound, bits per symbol of the client's data: totalBits/N_1. */
  readonly bits: number;
}

/** Result of {@link networkDataLeakBound}. @public */
export interface NetworkDataLeakBound {
  /** The one-layer bound summed. */
  readonly model: NetworkBoundModel;
  /** Upper bound on what any server learns about the client's data from one inference through the whole network, bits per data symbol (N_1 symbols). */
  readonly bits: number;
  /** The same in bits per inference. */
  readonly totalBits: number;
  /** Data symbols N_1. */
  readonly dataSymbols: number;
  /** Photons per row along each layer's input direction used by the bounds, k + t. */
  readonly photonsPerRow: number;
  /** One entry per layer, input side first. */
  readonly layers: readonly LayerDataLeakBound[];
}

/** Most layers accepted (the CLI's network files take 16). */
const MAX_LAYERS = 64;

function shapesOf(layers: unknown): LayerShape[] {
  if (layers === null || typeof layers !== 'object') throw new InputTypeError(`layers must be a network or an array of {inputs, rows}; received ${describeValue(layers)}`);
  if ('layers' in layers) {
    const net = layers as BiasFreeNetwork;
    if (!Array.isArray(net.layers)) throw new InputTypeError(`network.layers must be an array; received ${describeValue(net.layers)}`);
    return net.layers.map((l, i) => {
      if (l === null || typeof l !== 'object' || !(l.weights instanceof Float64Array) || !Number.isInteger(l.rows) || l.rows < 1 || l.weights.length % l.rows !== 0 || l.weights.length === 0) {
        throw new InputRangeError(`network layer ${i + 1} must have rows ≥ 1 and rows × inputs weights (Float64Array); received ${describeValue(l)}`);
      }
      return { inputs: l.weights.length / l.rows, rows: l.rows };
    });
  }
  if (!Array.isArray(layers)) throw new InputTypeError(`layers must be a network or an array of {inputs, rows}; received ${describeValue(layers)}`);
  return (layers as unknown[]).map((l, i) => {
    const shape = l as Partial<LayerShape> | null;
    const ok = (v: unknown, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
    if (shape === null || typeof shape !== 'object' || !ok(shape.inputs, 1e9) || !ok(shape.rows, 1e10)) {
      throw new InputRangeError(`layer ${i + 1} must be {inputs: an integer in [1, 1e9], rows: an integer in [1, 1e10]}; received ${describeValue(l)}`);
    }
    return { inputs: shape.inputs as number, rows: shape.rows as number };
  });
}

/**
 * The layer shapes of a network (N_l inputs, M_l rows), input side first.
 * @param network - the network
 * @returns one {inputs, rows} per layer
 * @throws RangeError when a layer's weights are not rows × inputs
 * @example networkDataLeakShapes(committedNetwork().network) // returns [{ inputs: 784, rows: 784 }, { inputs: 784, rows: 10 }]
 * @public
 */
export function networkDataLeakShapes(network: BiasFreeNetwork): LayerShape[] {
  return shapesOf(network);
}

/**
 * Upper bound on everything any server learns about the client's data from one inference
 * through a whole network, bits per data symbol (docs/model.md#server-capabilities;
 * proofs/network-bounds.md). Every layer returns light that carries that layer's input (the
 * data for layer 1, the client's activations after); by the chain rule,
 *
 *   I(x; Q_1 … Q_L) ≤ Σ_l χ_l,
 *
 * χ_l the one-layer Holevo bound of layer l (its own N_l inputs and M_l rows, valid for any
 * prior on that layer's input, so also for activations built from the client's noisy
 * outcomes), because given the client's data and its measurement outcomes the layers'
 * returned states are independent. Each χ_l is divided by N_1, the client's data size.
 * Technical-noise photons t that follow the data raise k to k + t in every layer.
 *
 * @param input - gain G, the network or its layer shapes, model, technical photons
 * @returns the bound, its total in bits, and one entry per layer
 * @throws RangeError / TypeError naming the parameter, its range and the value
 * @example networkDataLeakBound({ gain: 2, layers: [{ inputs: 784, rows: 784 }, { inputs: 784, rows: 10 }] }).bits // returns ≈ 1.42 (1.36897 + 0.0526)
 * @public
 */
export function networkDataLeakBound(input: NetworkDataLeakBoundInput): NetworkDataLeakBound {
  if (input === null || typeof input !== 'object') throw new InputTypeError(`input must be an object; received ${describeValue(input)}`);
  const model = oneOf('network bound model', input.model ?? 'holevo-symmetric', NETWORK_BOUND_MODELS);
  const shapes = shapesOf(input.layers);
  if (shapes.length < 1 || shapes.length > MAX_LAYERS) throw new InputRangeError(`layers must number 1 to ${MAX_LAYERS}; received ${shapes.length}`);
  for (let l = 1; l < shapes.length; l += 1) {
    if (shapes[l]!.inputs !== shapes[l - 1]!.rows) throw new InputRangeError(`layer ${l + 1} takes ${shapes[l]!.inputs} inputs but layer ${l} gives ${shapes[l - 1]!.rows} outputs: the sizes must chain`);
  }
  const t = input.technicalPhotons ?? 0;
  const one = model === 'holevo-symmetric' ? holevoSymmetricDataLeak : holevoSubadditiveDataLeak;
  const dataSymbols = shapes[0]!.inputs;
  const layers = shapes.map((s, i) => {
    const bitsPerLayerInput = one(input.gain, s.inputs, s.rows, t);
    const totalBits = bitsPerLayerInput * s.inputs;
    return { layer: i + 1, inputs: s.inputs, rows: s.rows, bitsPerLayerInput, totalBits, bits: totalBits / dataSymbols };
  });
  const totalBits = layers.reduce((a, l) => a + l.totalBits, 0);
  return { model, bits: totalBits / dataSymbols, totalBits, dataSymbols, photonsPerRow: addedPhotons(input.gain) + t, layers };
}
