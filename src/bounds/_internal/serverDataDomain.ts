import { describeValue } from '../../_internal/validate.js';
import { InputRangeError, InputTypeError } from '../../inputError.js';
import { addedPhotons } from '../../protocol/addedPhotons.js';

/**
 * Shared argument checks of the server-side data models (docs/model.md#server-capabilities). Rows M are capped
 * because the exact photon-block expectation sums about 18·√(M·k(1 + k)) ≤ 26·√M terms:
 * 1e10 rows is about 2.6e6 terms (well under a second); every layer of a real network is
 * many orders of magnitude below. The other models share the cap so that the family has
 * one domain.
 * @internal
 */
export const MAX_ROWS = 1e10;

/** Rows M: an integer in [1, 1e10]. @internal */
export function checkRows(rows: unknown): number {
  if (typeof rows === 'number' && Number.isInteger(rows) && rows >= 1 && rows <= MAX_ROWS) return rows;
  const kind = typeof rows === 'number' ? InputRangeError : InputTypeError;
  throw new kind(`rows M must be an integer in {1, 2, …, 1e10}; received ${describeValue(rows)}`);
}

/**
 * f = n/N times N rounds to within one ulp of n (0.9999999999999999 for n = 1, N = 49): the
 * check accepts n down to 1 − 2^−52 so that f = 1/N works, and the value is used as given.
 */
const SAMPLES_MIN = 1 - 2 ** -52;

/** Samples n = f·N with x̂_j² = 1/n on active pixels: n ≥ 1 (up to the rounding of f·N) so that x̂_j² ≤ 1. @internal */
export function checkSamples(samples: unknown): number {
  if (typeof samples === 'number' && samples >= SAMPLES_MIN && samples < Infinity) return samples;
  const kind = typeof samples === 'number' ? InputRangeError : InputTypeError;
  throw new kind(`samples n = f·N (active pixels carry x̂_j² = 1/n, so n ≥ 1) must be a finite number in [1, ∞); received ${describeValue(samples)}`);
}

/**
 * Largest technical-noise photon number per row along x̂ accepted by the server bounds: 100
 * photons, a hundred times the most the amplifier adds (k < 1). The photon-block series has
 * about 18·√(M·k(1 + k)) terms, so at M = 1e10 rows it sums about 1.8e7 terms (a few seconds); the
 * bounds are checked against 100-digit sums up to k = 101 (test/bounds.networkData.test.ts).
 * @internal
 */
export const MAX_TECHNICAL_PHOTONS = 100;

/**
 * Photons per row along x̂ that the server bounds use: k = (G − 1)/G from the amplifier ({@link addedPhotons}) plus
 * t technical-noise photons that follow the data (noise along x̂ raises k; noise independent
 * of x only lowers what the server learns, by data processing). t ∈ [0, 100].
 * @internal
 */
export function boundPhotons(gain: number, technicalPhotons: unknown = 0): number {
  const k = addedPhotons(gain);
  if (typeof technicalPhotons === 'number' && technicalPhotons >= 0 && technicalPhotons <= MAX_TECHNICAL_PHOTONS) return k + technicalPhotons;
  const kind = typeof technicalPhotons === 'number' ? InputRangeError : InputTypeError;
  throw new kind(`technical photons t (technical-noise photons per row along x̂) must be a number in [0, ${MAX_TECHNICAL_PHOTONS}]; received ${describeValue(technicalPhotons)}`);
}
