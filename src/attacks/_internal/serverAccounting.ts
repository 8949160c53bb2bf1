/**
 * Server-side accounting shared by the server attacks (docs/model.md#server-capabilities, docs/model.md#attacks): the rigorous
 * Holevo bounds on what any server learns about x in one layer, bits per data symbol.
 * A server that only measures the light the client returns disturbs nothing the client
 * can see: its detection probability is 0.
 * @internal
 */
import { holevoSubadditiveDataLeak } from '../../bounds/holevoSubadditiveDataLeak.js';
import { holevoSymmetricDataLeak } from '../../bounds/holevoSymmetricDataLeak.js';
import type { AttackOutcome, ProtocolConfiguration } from '../attack.js';

/** The name of the subadditive Holevo bound, for outcomes. @internal */
export const SUBADDITIVE = 'Holevo bound by subadditivity over modes, (M/N)·[N·h(k/N) − h(k)], valid per mode and for any prior';
/** The name of the photon-number (symmetric) Holevo bound, for outcomes. @internal */
export const SYMMETRIC = 'Holevo bound from the total photon number, E_L[log2 C(N + L − 1, L)]/N, on all a server learns about x in one layer';

/** The fields of a passive server attack's outcome besides the gain: no disturbance, never detected. @internal */
export function passive(config: ProtocolConfiguration, bitsPerSymbol: number, bound: { readonly value: number; readonly name: string }): Omit<AttackOutcome, 'attack' | 'side' | 'optimal' | 'estimator' | 'details' | 'kind'> {
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

/** The subadditive bound at the configuration (valid for per-pixel information). @internal */
export function subadditiveBound(config: ProtocolConfiguration): { readonly value: number; readonly name: string } {
  return { value: holevoSubadditiveDataLeak(config.gain, config.inputs, config.rows), name: SUBADDITIVE };
}

/** The photon-number bound at the configuration (valid for information about the whole of x). @internal */
export function symmetricBound(config: ProtocolConfiguration): { readonly value: number; readonly name: string } {
  return { value: holevoSymmetricDataLeak(config.gain, config.inputs, config.rows), name: SYMMETRIC };
}
