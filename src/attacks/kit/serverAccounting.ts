/**
 * Server-side accounting for attacks on the data, part of the public attack kit
 * (docs/writing-an-attack.md; docs/model.md#server-capabilities, docs/model.md#attacks): the rigorous
 * Holevo bounds on what any server learns about x in one layer, bits per data symbol.
 * A server that only measures the light the client returns disturbs nothing the client
 * can see: its detection probability is 0. Every function takes the configuration an
 * attack's `evaluate` receives from `runAttack` (validated and complete).
 */
import { holevoSubadditiveDataLeak } from '../../bounds/holevoSubadditiveDataLeak.js';
import { holevoSymmetricDataLeak } from '../../bounds/holevoSymmetricDataLeak.js';
import type { AttackOutcome, ProtocolConfiguration } from '../attack.js';

/** The name of the subadditive Holevo bound, for outcomes. @internal */
export const SUBADDITIVE = 'Holevo bound by subadditivity over modes, (M/N)·[N·h(k/N) − h(k)], valid per mode and for any prior';
/** The name of the photon-number (symmetric) Holevo bound, for outcomes. @internal */
export const SYMMETRIC = 'Holevo bound from the total photon number, E_L[log2 C(N + L − 1, L)]/N, on all a server learns about x in one layer';

/** A bound of the server's side at a configuration: its value (bits per data symbol) and its name, for outcomes. @public */
export interface NamedBound {
  /** The bound, bits per data symbol. */
  readonly value: number;
  /** Which bound it is, in words (the outcome's `bound` field). */
  readonly name: string;
}

/**
 * The fields of a passive server attack's outcome besides the estimator, the details and the
 * kind: the gain `bitsPerSymbol` (bits per data symbol; N symbols in the layer), the bound, and
 * no disturbance: never detected.
 *
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @param bitsPerSymbol - the information the attack gains, bits per data symbol
 * @param bound - the bound of the server's side, e.g. {@link subadditiveBound}(config)
 * @returns the outcome fields; spread them into the evaluation with `estimator`, `details` and `kind`
 * @public
 */
export function passive(config: ProtocolConfiguration, bitsPerSymbol: number, bound: NamedBound): Omit<AttackOutcome, 'attack' | 'side' | 'optimal' | 'estimator' | 'details' | 'kind'> {
  return {
    bitsPerSymbol,
    totalBits: bitsPerSymbol * config.inputs,
    symbols: config.inputs,
    numericalError: 0,
    boundBitsPerSymbol: bound.value,
    bound: bound.name,
    excessNoise: 0,
    lossIncrease: 0,
    detectionProbability: 0,
  };
}

/**
 * The subadditive Holevo bound at the configuration, bits per data symbol (`holevoSubadditiveDataLeak`
 * at G, N, M): proved for per-pixel information and for sums over blocks of pixels.
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @returns the bound and its name
 * @example subadditiveBound(DEFAULT_CONFIGURATION).value // returns holevoSubadditiveDataLeak(2, 784, 784)
 * @public
 */
export function subadditiveBound(config: ProtocolConfiguration): NamedBound {
  return { value: holevoSubadditiveDataLeak(config.gain, config.inputs, config.rows), name: SUBADDITIVE };
}

/**
 * The photon-number (symmetric) Holevo bound at the configuration, bits per data symbol
 * (`holevoSymmetricDataLeak` at G, N, M): valid for information about the whole of x in one layer.
 * @param config - the protocol configuration (as `evaluate` receives it)
 * @returns the bound and its name
 * @example symmetricBound(DEFAULT_CONFIGURATION).value // returns holevoSymmetricDataLeak(2, 784, 784)
 * @public
 */
export function symmetricBound(config: ProtocolConfiguration): NamedBound {
  return { value: holevoSymmetricDataLeak(config.gain, config.inputs, config.rows), name: SYMMETRIC };
}
