import { describeValue, inClosed, inLeftOpen, integerAtLeast, seed32 } from '../_internal/validate.js';
import { DEFAULT_CONFIGURATION, type ConfigurationKey, type ProtocolConfiguration } from './attack.js';
import { InputRangeError, InputTypeError } from '../inputError.js';

/** An integer in [lo, hi]. */
function integerIn(name: string, value: unknown, lo: number, hi: number): number {
  integerAtLeast(name, value, lo);
  return inClosed(name, value, lo, hi);
}

/**
 * The validators of {@link ProtocolConfiguration}, with the reason for each range.
 * μ ≤ 1e6 photons: far beyond any secure point, and Q·K·μ (lifetime budgets) stays
 * below the weight bound's cap of 1e12. Counts up to 1e5 modes or rows: a layer
 * larger than any network of the paper by two orders of magnitude.
 */
const CHECKS: { readonly [K in ConfigurationKey]: (v: unknown) => number } = {
  mu: (v) => inLeftOpen('mean photon number mu (photons per weight symbol)', v, 0, 1e6),
  gain: (v) => inClosed('gain G', v, 1, 1e6),
  // T ≥ 2^−53: below, the loss 1 − T rounds to 1 and the weight bound is undefined.
  transmittance: (v) => inClosed('transmittance T', v, 2 ** -53, 1),
  technicalNoise: (v) => inClosed('technical noise (SNU per mode)', v, 0, 10),
  inputs: (v) => integerIn('inputs N', v, 1, 1e5),
  rows: (v) => integerIn('rows M', v, 1, 1e5),
  activeFraction: (v) => inLeftOpen('active fraction p', v, 0, 1),
  efficiency: (v) => inLeftOpen('detector efficiency eta', v, 0, 1),
  darkCounts: (v) => inClosed('dark counts (per mode per row)', v, 0, 10),
  queries: (v) => integerIn('queries Q', v, 1, 1e6),
  clients: (v) => integerIn('clients K', v, 1, 1e6),
  samples: (v) => integerIn('samples m', v, 2, 1e12),
  delta: (v) => inLeftOpen('test failure probability delta', v, 0, 0.5),
  seed: (v) => seed32('seed', v),
};

/**
 * Check a partial {@link ProtocolConfiguration} and fill in the defaults
 * ({@link DEFAULT_CONFIGURATION}). The active inputs p·N must be at least 1 (x̂_j² = 1/(p·N) ≤ 1),
 * and Q·K·μ at most 1e12 photons (the weight bound's domain).
 *
 * @param partial - the fields to set
 * @returns the complete configuration
 * @throws TypeError for an unknown field or a non-number; RangeError for a value out of its range (the message names it, the range and the value)
 * @example resolveConfiguration({ gain: 1.2 }).rows // returns 784
 * @public
 */
export function resolveConfiguration(partial: Partial<ProtocolConfiguration> = {}): ProtocolConfiguration {
  const out: Record<string, number> = { ...DEFAULT_CONFIGURATION };
  for (const [key, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    const check = CHECKS[key as ConfigurationKey];
    if (check === undefined) throw new InputTypeError(`configuration field must be one of ${Object.keys(CHECKS).join(', ')}; received ${describeValue(key)}`);
    out[key] = check(value);
  }
  // One input has to be active (p·N ≥ 1): at N = 1 the default fraction ½ would leave none, so it is 1 there.
  if (partial.activeFraction === undefined) out.activeFraction = Math.max(DEFAULT_CONFIGURATION.activeFraction, 1 / (out.inputs as number));
  const config = out as unknown as ProtocolConfiguration;
  if (config.activeFraction * config.inputs < 1 - 1e-12) { // 1e-12: p = 1/N rounds p·N to just below 1
    throw new InputRangeError(`active inputs p·N must be ≥ 1; received p = ${config.activeFraction}, N = ${config.inputs} (p·N = ${config.activeFraction * config.inputs})`);
  }
  if (config.mu * config.queries * config.clients > 1e12) {
    throw new InputRangeError(`the lifetime photon number Q·K·mu must be ≤ 1e12 (the weight bound's domain); received ${config.queries}·${config.clients}·${config.mu}`);
  }
  return config;
}
