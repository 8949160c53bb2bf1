import { describeValue, inClosed, inLeftOpen, inRightOpen } from '../_internal/validate.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** Largest channel loss accepted, in dB (T = 1e-15); the float64 loss L = 1 − T rounds to 1 near 159.5 dB. @public */
export const MAX_LOSS_DB = 150;

/**
 * How a caller names the channel: at most one of a power transmittance T in (0, 1],
 * a loss L = 1 − T in [0, 1), or a loss in dB = −10·log10 T in [0, 150]; none means a
 * lossless channel (T = 1). Give L directly when T is within 1e-16 of 1: 1 − 1e-17 is
 * 1 in float64.
 * @public
 */
export interface ChannelSpec {
  /** Power transmittance T, in [2^−53, 1] (dimensionless). @defaultValue 1 (when no field is given) */
  readonly transmittance?: number | undefined;
  /** Power loss L = 1 − T, in [0, 1) (dimensionless). */
  readonly loss?: number | undefined;
  /** Loss in dB, −10·log10 T, in [0, {@link MAX_LOSS_DB}]. */
  readonly lossDb?: number | undefined;
}

/**
 * The power loss L = 1 − T of a channel given by T, L or dB (exactly one; none means
 * T = 1). From dB, L = −expm1(−dB·ln(10)/10), accurate for tiny losses.
 *
 * @param channel - exactly one of transmittance, loss, lossDb
 * @returns L in [0, 1)
 * @throws TypeError if more than one is given or a value is not a number
 * @throws RangeError if the value is outside its range
 * @example channelLoss({})                  // returns 0 (lossless)
 * @example channelLoss({ transmittance: 1 }) // returns 0
 * @example channelLoss({ lossDb: 3 })       // returns ≈ 0.49881
 * @public
 */
export function channelLoss(channel: ChannelSpec): number {
  const count = +(channel.transmittance !== undefined) + +(channel.loss !== undefined) + +(channel.lossDb !== undefined);
  if (count > 1) {
    const given = (['transmittance', 'loss', 'lossDb'] as const).filter((k) => channel[k] !== undefined);
    throw new InputTypeError(`give at most one of transmittance, loss, lossDb; received ${given.map((k) => `${k}=${describeValue(channel[k])}`).join(', ')}`);
  }
  if (channel.transmittance !== undefined) {
    const t = inLeftOpen('transmittance T', channel.transmittance, 0, 1);
    // Below 2^−53, 1 − T rounds to 1 (or to 1 − 2^−53, changing T): the channel would not be the one given.
    if (!(t >= 2 ** -53)) throw new InputRangeError(`transmittance T must be at least 2^−53 ≈ 1.1e-16 so that the loss 1 − T stays below 1 in float64; received ${describeValue(t)}`);
    return 1 - t;
  }
  if (channel.loss !== undefined) return inRightOpen('loss L = 1 − T', channel.loss, 0, 1);
  if (channel.lossDb !== undefined) {
    // Up to 150 dB (T = 1e-15): beyond about 159.5 dB, T is below 2^−53 and L = 1 − T rounds to 1.
    const db = inClosed('loss in dB', channel.lossDb, 0, MAX_LOSS_DB);
    return -Math.expm1((-db * Math.LN10) / 10);
  }
  return 0;
}
